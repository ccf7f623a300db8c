import { describe, expect, it } from 'vitest';
import { loadCalendarYears, loadPopulation } from '../../functions/adapters/data-files';
import { dataDir, kalsel } from '../support/data';

describe('data files name their sources', () => {
  it('every non-working day cites a declared decree (SKB, or a Keppres for an election day)', () => {
    for (const year of loadCalendarYears(dataDir)) {
      for (const day of year.days)
        expect(year.sources[day.source], `${year.year} ${day.date}`).toMatch(/SKB|Keputusan Presiden/);
    }
  });

  it('the 2027 calendar cites the SKB of 15 September 2026, its JDIH record and the Kemenko PMK release', () => {
    const y2027 = loadCalendarYears(dataDir).find((y) => y.year === 2027);
    const citation = Object.values(y2027?.sources ?? {}).join(' ');
    expect(citation).toMatch(/15 September 2026/);
    expect(citation).toMatch(/2026skb002/);
    expect(citation).toMatch(/Kemenko PMK/);
    // The release announces 18 holidays and 8 cuti bersama.
    expect(y2027?.days.filter((d) => d.kind === 'holiday')).toHaveLength(18);
    expect(y2027?.days.filter((d) => d.kind === 'cuti-bersama')).toHaveLength(8);
  });

  it('every regency population cites BPS, and the rows add up to the SP2020 provincial total', () => {
    const population = loadPopulation(dataDir, '63');
    expect(population.size).toBe(13);
    for (const [code, p] of population) expect(p.source, code).toMatch(/BPS/);
    // BPS: Kalimantan Selatan, SP2020, 4,073,584 inhabitants (the figure that settles Barito Kuala).
    expect([...population.values()].reduce((n, p) => n + p.value, 0)).toBe(4_073_584);
  });

  it('the region codes cite the Kemendagri decree now in force', () => {
    expect(kalsel().province.source).toMatch(/300\.2\.2-2138 Tahun 2025/);
  });
});
