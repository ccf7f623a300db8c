import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegions, regencyDisplayName } from '../../functions/domain/regions';

const kalsel = JSON.parse(readFileSync(new URL('../../data/regions/63.json', import.meta.url), 'utf8'));

describe('region data', () => {
  it('holds the 13 regencies and cities of South Kalimantan', () => {
    const regions = parseRegions(kalsel);
    expect(regions.regencies.map((r) => r.code)).toEqual([
      '6301',
      '6302',
      '6303',
      '6304',
      '6305',
      '6306',
      '6307',
      '6308',
      '6309',
      '6310',
      '6311',
      '6371',
      '6372',
    ]);
    expect(regencyDisplayName(regions.get('6371')!)).toBe('Kota Banjarmasin');
    expect(regions.get('6371')?.headTitle).toBe('Wali Kota');
    expect(regencyDisplayName(regions.get('6302')!)).toBe('Kabupaten Kotabaru');
  });

  it('rejects a file whose regency belongs to another province, naming the field', () => {
    const bad = structuredClone(kalsel);
    bad.regencies[2].code = '6403';
    expect(() => parseRegions(bad, '63.json')).toThrow(
      '63.json: regencies.2.code: 6403 is not in province 63',
    );
  });

  it('rejects a kota headed by a Bupati', () => {
    const bad = structuredClone(kalsel);
    bad.regencies[11].headTitle = 'Bupati';
    expect(() => parseRegions(bad)).toThrow(/regencies\.11\.headTitle/);
  });
});
