import { describe, expect, it } from 'vitest';
import { buildScoreboard } from '../../functions/domain/scoreboard';
import { evaluationMethod } from '../../functions/domain/semester-method';
import { buildSite } from '../../templates/site';
import { fixtureScoreboardInput } from '../support/scoreboard-fixture';
import { fixtureProvince } from '../support/semester-fixture';

const minimum = evaluationMethod.minimumCases;

/**
 * The built scoreboard, every file of it, for the fixture province with small numbers added: a
 * regency with a category of 1 complaint and shares on 1 and 3 cases, another whose small
 * categories together stay under the minimum.
 */
function builtSite() {
  const province = fixtureProvince();
  const [first, second] = province.regencies;
  if (!first || !second) throw new Error('fixture has no regencies');
  first.received.byCategory = [
    { category: 'Infrastruktur', count: 40 },
    { category: 'Kesehatan', count: 6 },
    { category: 'Keluhan Budi', count: 1 },
    { category: 'Pendidikan', count: 2 },
    { category: 'Sosial', count: 3 },
  ];
  first.completedWithinLimit = { numerator: 1, denominator: 1, value: 1 };
  first.verifiedWithinLimit = { numerator: 2, denominator: 3 };
  second.received.byCategory = [
    { category: 'Infrastruktur', count: 7 },
    { category: 'Lingkungan', count: 5 },
    { category: 'Kependudukan', count: 2 },
  ];
  const board = buildScoreboard({ ...fixtureScoreboardInput(), province });
  return { board, files: buildSite(board) };
}

/** Every object in a JSON value that has a numerator and a denominator. */
function shares(value: unknown, path = '$'): { path: string; numerator: number; denominator: number }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => shares(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  const own =
    typeof o.numerator === 'number' && typeof o.denominator === 'number'
      ? [{ path, numerator: o.numerator, denominator: o.denominator }]
      : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => shares(v, `${path}.${k}`))];
}

/** Every { category, count } in a JSON value. */
function categories(value: unknown): { category: string; count: number }[] {
  if (Array.isArray(value)) return value.flatMap(categories);
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  const own = typeof o.category === 'string' && typeof o.count === 'number' ? [o as never] : [];
  return [...own, ...Object.values(o).flatMap(categories)];
}

describe('small numbers on the public scoreboard (every file of the built site)', () => {
  const { files } = builtSite();

  it('holds no string of 10 or more digits (no NIK, phone or account number can be there)', () => {
    for (const f of files) expect(String(f.body).match(/\d{10,}/g) ?? [], f.path).toEqual([]);
  });

  it(`shows no category of fewer than ${minimum} complaints: they are folded into "Lainnya"`, () => {
    const json = JSON.parse(String(files.find((f) => f.path.endsWith('.json'))?.body));
    const listed = categories(json);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((c) => c.count < minimum)).toEqual([]);
    expect(listed).toContainEqual({ category: 'Lainnya', count: 6 });
    for (const f of files) expect(String(f.body), f.path).not.toContain('Keluhan Budi');
    // Where the small ones together stay under the minimum, the smallest shown one joins them.
    expect(listed).toContainEqual({ category: 'Lainnya', count: 7 });
  });

  it(`prints no share on fewer than ${minimum} cases, as a percentage or as "x dari y"`, () => {
    for (const f of files) {
      const body = String(f.body);
      // (A head's "3 dari 4 target terpenuhi" counts commitments of an official, not cases.)
      const printed = [...body.matchAll(/(\d[\d.]*)\s+dari\s+(\d[\d.]*)(?!\s+target)/g)].filter(
        (m) => Number(String(m[2]).replaceAll('.', '')) < minimum,
      );
      expect(
        printed.map((m) => m[0]),
        f.path,
      ).toEqual([]);
      if (f.path.endsWith('.json')) {
        const small = shares(JSON.parse(body)).filter((s) => s.denominator > 0 && s.denominator < minimum);
        expect(small, f.path).toEqual([]);
      }
    }
  });
});
