import { describe, expect, it } from 'vitest';
import {
  definitions,
  flagRule,
  flagRuleOf,
  scoreFormula,
  scoreFormulaOf,
} from '../../functions/domain/method-text';
import { flagFor, scoreParts } from '../../functions/domain/semester-evaluation';
import { evaluationMethod } from '../../functions/domain/semester-method';
import { policyInForce } from '../../functions/domain/sla-policy';
import { nationalPolicy } from '../support/data';
import { fixtureRegency } from '../support/semester-fixture';

const nationalPolicyInForce = () => policyInForce(nationalPolicy(), '2026-06-30');

/** The weights a formula text names, in T, S, K, V order ("0,35 × T" -> 0.35). */
const weightsIn = (text: string) =>
  Object.fromEntries(
    [...text.matchAll(/([\d,]+) × ([TSKV])/g)].map((m) => [m[2], Number((m[1] as string).replace(',', '.'))]),
  );

describe('the printed method', () => {
  it('names the weights the score is computed with', () => {
    // Prepare: the parts of a real regency's score, with the weights that entered it
    const parts = scoreParts(fixtureRegency('6301'), 40);
    // Assess
    expect(weightsIn(scoreFormula[0] as string)).toEqual(
      Object.fromEntries(parts.map((p) => [p.key, p.weight])),
    );
  });

  it('changes when a weight changes', () => {
    // Prepare
    const method = { ...evaluationMethod, weights: { T: 0.4, S: 0.3, K: 0.15, V: 0.15 } };
    // Act
    const text = scoreFormulaOf(method)[0] as string;
    // Assess
    expect(text).toContain('Skor = 100 × (0,4 × T + 0,3 × S + 0,15 × K + 0,15 × V)');
    expect(text).not.toEqual(scoreFormula[0]);
  });

  it('states the minimum cases, bands, volume share and admin cap the flag is decided by', () => {
    // Prepare
    const stricter = {
      ...evaluationMethod,
      minimumCases: 10,
      lowVolumeRatio: 0.5,
      bands: { hijau: 80, kuning: 60 },
      noAdminCapDays: 20,
    };
    // Act
    const text = flagRuleOf(stricter);
    // Assess
    expect(text).toContain('kurang dari 10 laporan diterima');
    expect(text).toContain('kurang dari setengah angka provinsi');
    expect(text).toContain('hijau 80 atau lebih, kuning 60 sampai di bawah 80, merah di bawah 60');
    expect(text).toContain('Daerah dengan 20 hari atau lebih tanpa admin');
    expect(scoreFormulaOf(stricter)[1]).toContain('kurang dari 10 laporan');
  });

  it('reads as it did before it was generated, for the province as configured', () => {
    expect(flagRule).toBe(
      'Merah (volume): kurang dari 5 laporan diterima, atau laporan per 100.000 penduduk kurang dari seperempat angka provinsi; daerah ini diperingkat setelah semua daerah lain (yang kurang dari 5 laporan paling akhir). Selebihnya menurut skor: hijau 75 atau lebih, kuning 50 sampai di bawah 75, merah di bawah 50. Daerah dengan 30 hari atau lebih tanpa admin penghubung aktif paling tinggi berstatus kuning.',
    );
    // The bands the text states are those the flag is decided by.
    const { hijau, kuning } = evaluationMethod.bands;
    expect([flagFor(hijau, 0), flagFor(hijau - 0.01, 0), flagFor(kuning - 0.01, 0)]).toEqual([
      'hijau',
      'kuning',
      'merah',
    ]);
    expect(flagFor(100, evaluationMethod.noAdminCapDays)).toBe('kuning');
  });
});

describe('the printed definitions', () => {
  const zone = { id: 'Asia/Makassar', abbreviation: 'WITA' };
  const limitsOf = (completion: number, closure: number) => {
    const policy = nationalPolicyInForce();
    return {
      limits: {
        ...policy.limits,
        completion: { ...policy.limits.completion, 'pengaduan-berkadar-pengawasan': completion },
        closure,
      },
    };
  };
  const meaning = (defs: { term: string; meaning: string }[], term: string) =>
    defs.find((d) => d.term === term)?.meaning ?? '';

  it('name the field-inspection and closure limits of the rule in force, not a copy', () => {
    // Prepare: the national rule today, then the same rule with other limits
    const today = definitions(zone, nationalPolicyInForce());
    const changed = definitions(zone, limitsOf(45, 7));
    // Assess
    expect(meaning(today, 'Berkadar pengawasan')).toContain('batas penyelesaiannya 60 HK');
    expect(meaning(today, 'Penutupan')).toContain('selesai 10 HK setelah tindak lanjut');
    expect(meaning(changed, 'Berkadar pengawasan')).toContain('batas penyelesaiannya 45 HK');
    expect(meaning(changed, 'Penutupan')).toContain('selesai 7 HK setelah tindak lanjut');
  });
});
