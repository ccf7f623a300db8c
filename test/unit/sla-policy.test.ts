import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSlaPolicies, loadSlaPolicy } from '../../functions/adapters/data-files';
import {
  appliedRulesCitation,
  effectiveUntil,
  limitKeys,
  parseSlaPolicy,
  policyCitation,
  policyInForce,
  versionsInPeriod,
} from '../../functions/domain/sla-policy';
import { dataDir, kalselPolicy, nationalPolicy } from '../support/data';

const national = () => policyInForce(nationalPolicy(), '2026-01-05');

describe('SLA policies', () => {
  it('ship the national policy under PermenPANRB 5/2025, with 62/2018 only as the earlier version', () => {
    const versions = nationalPolicy().versions;
    expect(versions.map((v) => [v.id, v.effectiveFrom])).toEqual([
      ['permenpanrb-62-2018', '2018-08-10'],
      ['permenpanrb-5-2025', '2025-05-01'],
    ]);
    const [old, current] = versions;
    expect(old?.effectiveUntil).toBe('2025-04-30');
    expect(current?.effectiveUntil).toBeUndefined();
    expect(current?.name).toMatch(/PermenPANRB 5\/2025/);
    expect(policyInForce(nationalPolicy(), '2025-04-30').id).toBe('permenpanrb-62-2018');
    expect(policyInForce(nationalPolicy(), '2025-05-01').id).toBe('permenpanrb-5-2025');
    expect(national().limits).toEqual({
      verification: 3,
      followUp: 5,
      completion: {
        aspirasi: 5,
        'permintaan-informasi': 5,
        'pengaduan-tidak-berkadar-pengawasan': 14,
        'pengaduan-berkadar-pengawasan': 60,
      },
      closure: 10,
    });
  });

  it('say, per limit of 5/2025, that it is carried over from 62/2018 unverified where 5/2025 was not read', () => {
    const current = national();
    expect(current.sources['permenpanrb-5-2025']?.readable).toBe(false);
    for (const key of limitKeys) {
      const cited = current.limitSources[key] ?? [];
      // Either a readable 5/2025 source quotes the limit, or the file says it is carried over unverified.
      const quotedBy5 = cited.some((id) => {
        const source = current.sources[id];
        return (
          source?.says !== undefined &&
          /5\/2025|5 Tahun 2025/.test(source.title) &&
          /hari kerja/.test(source.says)
        );
      });
      expect(quotedBy5 || /carried over .*unverified/i.test(current.unverifiedLimits[key] ?? ''), key).toBe(
        true,
      );
    }
  });

  it('ship the stricter Kalsel follow-up target as a second policy, versioned the same way', () => {
    expect(listSlaPolicies(dataDir)).toEqual(['kalsel', 'nasional']);
    expect(kalselPolicy().versions.map((v) => v.id)).toEqual(['kalsel-2024', 'kalsel-2025']);
    expect(policyInForce(kalselPolicy(), '2026-01-05').limits.followUp).toBe(3);
    expect(policyCitation(policyInForce(kalselPolicy(), '2026-01-05'))).toMatch(/\(kalsel-2025 v1\)$/);
  });

  it('name a source for every limit, and say where a source could not be read', () => {
    for (const rules of [nationalPolicy(), kalselPolicy()]) {
      for (const policy of rules.versions) {
        for (const key of limitKeys) {
          const ids = policy.limitSources[key] ?? [];
          expect(ids.length, `${policy.id}: ${key}`).toBeGreaterThan(0);
          for (const sourceId of ids) {
            const source = policy.sources[sourceId];
            // Each cited document either quotes what it says, or says it could not be read.
            expect(
              source?.says !== undefined || source?.readable === false,
              `${policy.id}: ${sourceId}`,
            ).toBe(true);
          }
        }
      }
    }
  });

  it('rejects a policy whose limit names no source, or a source it does not list', () => {
    const noSource = structuredClone(national()) as { limitSources: Record<string, string[]> };
    delete noSource.limitSources.closure;
    expect(() => parseSlaPolicy(noSource, 'x.json')).toThrow('x.json: limitSources.closure: names no source');
    const unknown = structuredClone(national()) as { limitSources: Record<string, string[]> };
    unknown.limitSources.followUp = ['nowhere'];
    expect(() => parseSlaPolicy(unknown, 'x.json')).toThrow('source "nowhere" is not in sources');
  });

  it('give permintaan informasi 5 working days, the LAPOR! rule, in both policies', () => {
    for (const rules of [nationalPolicy(), kalselPolicy()]) {
      for (const policy of rules.versions) expect(policy.limits.completion['permintaan-informasi']).toBe(5);
    }
    expect(national().notes.join(' ')).toMatch(/UU 14\/2008/);
  });

  it('rejects a policy file with a missing class limit, naming the field', () => {
    const broken = structuredClone(national()) as { limits: { completion: Record<string, number> } };
    delete broken.limits.completion['pengaduan-berkadar-pengawasan'];
    expect(() => parseSlaPolicy(broken, 'x.json')).toThrow(
      'x.json: limits.completion.pengaduan-berkadar-pengawasan',
    );
  });

  describe('a change of rule is a new file with its date', () => {
    /** A copy of the shipped data with one more national version. */
    const withVersion = (file: string, edit: (v: Record<string, unknown>) => void) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'policies-'));
      cpSync(dataDir, dir, { recursive: true });
      const folder = path.join(dir, 'policies', 'nasional');
      const v = JSON.parse(readFileSync(path.join(folder, 'permenpanrb-5-2025.json'), 'utf8'));
      edit(v);
      writeFileSync(path.join(folder, `${file}.json`), JSON.stringify(v));
      return dir;
    };

    it('loads a later version and judges from its date', () => {
      const dir = withVersion('stricter-2026', (v) => {
        Object.assign(v, { id: 'stricter-2026', effectiveFrom: '2026-07-01' });
        (v.limits as { followUp: number }).followUp = 2;
      });
      const rules = loadSlaPolicy(dir, 'nasional');
      expect(policyInForce(rules, '2026-06-30').limits.followUp).toBe(5);
      expect(policyInForce(rules, '2026-07-01').limits.followUp).toBe(2);
      expect(effectiveUntil(rules, rules.versions[1] as never)).toBe('2026-06-30');
      expect(versionsInPeriod(rules, '2026-01-01', '2026-06-30').map((v) => v.id)).toEqual([
        'permenpanrb-5-2025',
      ]);
    });

    it('refuses two versions of one policy from the same day, naming both', () => {
      const dir = withVersion('twin', (v) => Object.assign(v, { id: 'twin' }));
      expect(() => loadSlaPolicy(dir, 'nasional')).toThrow(
        /"permenpanrb-5-2025" and "twin" both take effect on 2025-05-01|"twin" and "permenpanrb-5-2025" both take effect on 2025-05-01/,
      );
    });

    it('refuses a version whose limit names no source', () => {
      const dir = withVersion('unsourced-2027', (v) => {
        Object.assign(v, { id: 'unsourced-2027', effectiveFrom: '2027-01-01' });
        delete (v.limitSources as Record<string, unknown>).verification;
      });
      expect(() => loadSlaPolicy(dir, 'nasional')).toThrow(
        /unsourced-2027\.json: limitSources\.verification/,
      );
    });

    it('refuses an end date that does not meet the next version', () => {
      const dir = withVersion('late-2027', (v) =>
        Object.assign(v, { id: 'late-2027', effectiveFrom: '2027-01-01' }),
      );
      const folder = path.join(dir, 'policies', 'nasional');
      const current = JSON.parse(readFileSync(path.join(folder, 'permenpanrb-5-2025.json'), 'utf8'));
      writeFileSync(
        path.join(folder, 'permenpanrb-5-2025.json'),
        JSON.stringify({ ...current, effectiveUntil: '2026-06-30' }),
      );
      expect(() => loadSlaPolicy(dir, 'nasional')).toThrow(
        '"permenpanrb-5-2025" says it ends on 2026-06-30, but "late-2027" takes effect on 2027-01-01',
      );
    });
  });

  it('names the rules a period applied, each with the submission days it covers', () => {
    expect(
      appliedRulesCitation(nationalPolicy(), ['permenpanrb-62-2018', 'permenpanrb-5-2025'], '2025-06-30'),
    ).toBe(
      'Batas waktu nasional PermenPANRB 62/2018 (sampai 30 April 2025; diganti PermenPANRB 5/2025) (permenpanrb-62-2018 v3), untuk laporan yang diajukan sampai 30 April 2025; ' +
        'Batas waktu nasional PermenPANRB 5/2025 (permenpanrb-5-2025 v1), untuk laporan yang diajukan sejak 1 Mei 2025',
    );
    // No complaint in the period: the rule in force at its end.
    expect(appliedRulesCitation(nationalPolicy(), [], '2026-06-30')).toBe(
      'Batas waktu nasional PermenPANRB 5/2025 (permenpanrb-5-2025 v1), untuk laporan yang diajukan sejak 1 Mei 2025',
    );
  });
});
