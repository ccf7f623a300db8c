import { describe, expect, it } from 'vitest';
import type { Classification, Status } from '../../functions/domain/complaint';
import type { RosterEntry } from '../../functions/domain/roster';
import { parseSemester, previousSemester } from '../../functions/domain/semester';
import {
  compositeScore,
  flagFor,
  flagOf,
  minimumCases,
  rankProvince,
  scoreFromParts,
  scoreParts,
  share,
  workedExample,
  workedScoreExample,
} from '../../functions/domain/semester-evaluation';
import type { RegencyMetrics } from '../../functions/domain/semester-metrics';
import type { Snapshot } from '../../functions/domain/snapshot';
import { kalsel } from '../support/data';
import { evaluateKotabaru, kotabaruComplaint } from '../support/kotabaru';

/** A complaint from its status changes: [instant, status] pairs, in one class and category. */
const complaint = (id: string, classification: Classification, category: string, steps: [string, Status][]) =>
  kotabaruComplaint(id, steps, { classification, category });

const wita = (d: string, t = '09:00') => `${d}T${t}:00+08:00`;

/** The hand-computed fixture (see the comments for each expected figure). */
const snapshots: Snapshot[] = [
  // K1 aspirasi: verified in 1 HK, followed up in 1 HK, completed in 2 HK (Mon 2 -> Thu 5 Feb).
  complaint('K1', 'aspirasi', 'Infrastruktur', [
    [wita('2026-02-02'), 'belum-terverifikasi'],
    [wita('2026-02-03'), 'terdisposisi-belum-ditindaklanjuti'],
    [wita('2026-02-04'), 'terdisposisi-sedang-diproses'],
    [wita('2026-02-05'), 'terdisposisi-selesai'],
  ]),
  // K2: verified in 4 HK (late), followed up in 5 HK (national ok, Kalsel's 3 HK late),
  // completed in 9 HK across the Nyepi/Idul Fitri cluster (within 14).
  complaint('K2', 'pengaduan-tidak-berkadar-pengawasan', 'Infrastruktur', [
    [wita('2026-03-02'), 'belum-terverifikasi'],
    [wita('2026-03-06'), 'terdisposisi-belum-ditindaklanjuti'],
    [wita('2026-03-13'), 'terdisposisi-sedang-diproses'],
    [wita('2026-03-26'), 'terdisposisi-selesai'],
  ]),
  // K3 field inspection, open at the cut-off: 53 of 60 HK used by Tue 30 Jun (not yet decided).
  complaint('K3', 'pengaduan-berkadar-pengawasan', 'Lingkungan', [
    [wita('2026-04-06'), 'belum-terverifikasi'],
    [wita('2026-04-07'), 'terdisposisi-belum-ditindaklanjuti'],
    [wita('2026-04-09'), 'terdisposisi-sedang-diproses'],
  ]),
  // K4 never verified: due Mon 15 Jun, overdue at the cut-off.
  complaint('K4', 'permintaan-informasi', 'Administrasi Kependudukan', [
    [wita('2026-06-10', '10:00'), 'belum-terverifikasi'],
  ]),
  // K5 from the previous semester, still open: part of the backlog, overdue, the oldest.
  complaint('K5', 'pengaduan-tidak-berkadar-pengawasan', 'Infrastruktur', [
    [wita('2025-12-15'), 'belum-terverifikasi'],
    [wita('2025-12-16'), 'terdisposisi-belum-ditindaklanjuti'],
  ]),
  // K6 archived the next day: verification decided within limit; no follow-up or completion stage.
  complaint('K6', 'aspirasi', 'Kesehatan', [
    [wita('2026-05-04'), 'belum-terverifikasi'],
    [wita('2026-05-05'), 'arsip'],
  ]),
  // K7 closed within the previous semester: outside this one entirely.
  complaint('K7', 'aspirasi', 'Pendidikan', [
    [wita('2025-11-03'), 'belum-terverifikasi'],
    [wita('2025-11-04'), 'terdisposisi-selesai'],
  ]),
  // K8 completed after the cut-off: the report only knows it as open, followed up.
  complaint('K8', 'aspirasi', 'Pendidikan', [
    [wita('2026-06-29'), 'belum-terverifikasi'],
    [wita('2026-06-30'), 'terdisposisi-sedang-diproses'],
    [wita('2026-07-02'), 'terdisposisi-selesai'],
  ]),
];

const roster: RosterEntry[] = [
  {
    code: '6302',
    role: 'admin',
    name: 'A',
    email: 'a@x.example',
    from: '2025-01-01',
    to: '2026-03-31',
    decree: 'SK 1',
  },
  { code: '6302', role: 'admin', name: 'B', email: 'b@x.example', from: '2026-04-15', decree: 'SK 2' },
];

const evaluate = (id: string) =>
  evaluateKotabaru(snapshots, id, { roster, population: { value: 325_622, year: 2020, source: 'BPS' } });

describe('the semester evaluation of a regency (hand-computed fixture, Kotabaru 2026-H1)', () => {
  const m = evaluate('2026-H1');

  it('counts what was received, by month, class and category, and per 100,000 inhabitants', () => {
    expect(m.received.total).toBe(6); // K1, K2, K3, K4, K6, K8
    expect(m.received.byMonth).toEqual([
      { month: '2026-01', count: 0 },
      { month: '2026-02', count: 1 },
      { month: '2026-03', count: 1 },
      { month: '2026-04', count: 1 },
      { month: '2026-05', count: 1 },
      { month: '2026-06', count: 2 },
    ]);
    expect(m.received.byClassification).toEqual({
      aspirasi: 3,
      'permintaan-informasi': 1,
      'pengaduan-tidak-berkadar-pengawasan': 1,
      'pengaduan-berkadar-pengawasan': 1,
    });
    expect(m.received.byCategory).toEqual([
      { category: 'Infrastruktur', count: 2 },
      { category: 'Administrasi Kependudukan', count: 1 },
      { category: 'Kesehatan', count: 1 },
      { category: 'Lingkungan', count: 1 },
      { category: 'Pendidikan', count: 1 },
    ]);
    expect(m.perHundredThousand).toBeCloseTo((6 / 325_622) * 100_000, 10);
  });

  it('measures each stage against its limit, only where decided by the cut-off', () => {
    // Verification: K1, K3, K6, K8 within; K2 (4 HK) and K4 (overdue) not.
    expect(m.verifiedWithinLimit).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
    // First follow-up: K1 (1 HK), K2 (5), K3 (2), K8 (0) within 5 HK; Kalsel's 3 HK: K2 late.
    // Four cases are fewer than the minimum of five: the counts stand, without a share.
    expect(m.followUpWithinLimit.national).toEqual({ numerator: 4, denominator: 4 });
    expect(m.followUpWithinLimit.provincial).toEqual({ numerator: 3, denominator: 4 });
    // Completion: K1 (2 of 5 HK), K2 (9 of 14); K3 and K8 undecided at the cut-off.
    expect(m.completedWithinLimit).toEqual({ numerator: 2, denominator: 2 });
    expect(m.workingDaysToFollowUp).toMatchObject({ count: 4, median: 1.5, p90: 5 });
    expect(m.workingDaysToCompletion).toMatchObject({ count: 2, median: 5.5, p90: 9 });
  });

  it('reports the backlog, the overdue and the oldest open complaint at the cut-off', () => {
    expect(m.backlogAtEnd).toBe(4); // K3, K4, K5, K8
    expect(m.overdueAtEnd).toBe(2); // K4 (verification), K5 (completion)
    expect(m.oldestOpen).toMatchObject({ trackingId: 'K5', stage: 'follow-up' });
    expect(m.oldestOpen?.workingDaysOpen).toBeGreaterThan(100);
  });

  it('lists field-inspection cases with their working days, and the days without an admin', () => {
    expect(m.fieldInspection).toEqual({
      count: 1,
      completed: 0,
      // 53 HK is within the national rule's 60 for a complaint that needs a field inspection.
      cases: [
        {
          trackingId: 'K3',
          submittedAt: '2026-04-06T01:00:00.000Z',
          workingDays: 53,
          open: true,
          limit: 60,
          late: false,
        },
      ],
      limit: 60,
    });
    expect(m.longestCompletionLimit).toBe(60);
    expect(m.daysWithoutAdmin).toBe(14); // 1-14 April
    expect(m.calendarGaps).toEqual([]);
  });

  it('evaluates the previous semester from the same reads', () => {
    const before = evaluate(previousSemester(parseSemester('2026-H1', kalsel().zone), kalsel().zone).id);
    expect(before.received.total).toBe(2); // K5, K7
    expect(before.backlogAtEnd).toBe(1); // K5
  });
});

describe('ranking and flags', () => {
  const base = evaluate('2026-H1');
  const variant = (code: string, follow: number, completed: number): RegencyMetrics => ({
    ...base,
    regencyCode: code,
    regencyName: code,
    followUpWithinLimit: {
      ...base.followUpWithinLimit,
      national: { numerator: follow, denominator: 10, value: follow / 10 },
    },
    completedWithinLimit: { numerator: completed, denominator: 10, value: completed / 10 },
  });

  it('computes the printed composite score', () => {
    // T = 4 of 4 and S = 2 of 2 are below the minimum: 0. K = 2 of 4 not overdue, V = 1 at the
    // province's own rate: 100 × (0 + 0 + 0.15 × 0.5 + 0.15 × 1).
    expect(compositeScore(base, base.perHundredThousand)).toBeCloseTo(22.5, 10);
    // With ten decided cases each (variant below): T = 0.9, S = 0.8.
    expect(compositeScore(variant('X', 9, 8), base.perHundredThousand)).toBeCloseTo(
      100 * (0.35 * 0.9 + 0.35 * 0.8 + 0.15 * 0.5 + 0.15),
      10,
    );
    expect(flagFor(92.5, 0)).toBe('hijau');
    expect(flagFor(92.5, 30)).toBe('kuning');
    expect(flagFor(49.9, 0)).toBe('merah');
  });

  it('ranks regencies by score and says what changed since last semester', () => {
    const semester = parseSemester('2026-H1', kalsel().zone);
    const province = rankProvince({
      semester,
      semesterLabel: 'Semester I 2026',
      previousSemesterLabel: 'Semester II 2025',
      province: kalsel().province,
      current: [variant('A', 5, 5), variant('B', 9, 9), variant('C', 2, 1)],
      previous: new Map([['A', variant('A', 9, 9)]]),
      method: {} as never,
    });
    expect(province.regencies.map((r) => [r.regencyCode, r.rank, r.flag])).toEqual([
      ['B', 1, 'hijau'],
      ['A', 2, 'kuning'],
      ['C', 3, 'merah'],
    ]);
    const a = province.regencies.find((r) => r.regencyCode === 'A');
    expect(a?.changeSentences).toContain('Tindak lanjut pertama tepat waktu turun dari 90,0% menjadi 50,0%.');
    expect(province.regencies.find((r) => r.regencyCode === 'B')?.changeSentences).toEqual([
      'Belum ada data Semester II 2025 untuk perbandingan.',
    ]);
    expect(province.totals.received).toBe(18);
  });
});

describe('a fair score: volume, tiny denominators and the worked example', () => {
  const base = evaluate('2026-H1');
  const semester = parseSemester('2026-H1', kalsel().zone);
  /** A regency with n complaints received and the given decided follow-ups and completions. */
  const regency = (
    code: string,
    n: number,
    follow: [number, number],
    completed: [number, number],
    backlog: [number, number] = [0, 0],
  ): RegencyMetrics => ({
    ...base,
    regencyCode: code,
    regencyName: code,
    population: { value: 100_000, year: 2020, source: 'BPS' },
    perHundredThousand: n,
    received: { ...base.received, total: n },
    followUpWithinLimit: { national: share(...follow), provincial: share(...follow) },
    completedWithinLimit: share(...completed),
    backlogAtEnd: backlog[0],
    overdueAtEnd: backlog[1],
    daysWithoutAdmin: 0,
  });
  const rank = (current: RegencyMetrics[]) =>
    rankProvince({
      semester,
      semesterLabel: 'Semester I 2026',
      previousSemesterLabel: 'Semester II 2025',
      province: kalsel().province,
      current,
      previous: new Map(),
      method: {} as never,
    });

  it('gives a regency with no complaints score 0, MERAH for volume, ranked after all others', () => {
    // Before: T and S were dropped, K (no backlog) counted 1 and V 0: (0.15 + 0) / 0.3 = 50, KUNING.
    const province = rank([
      regency('EMPTY', 0, [0, 0], [0, 0]),
      regency('SLOW', 300, [90, 300], [60, 280], [120, 100]),
      regency('GOOD', 250, [240, 250], [230, 245], [20, 2]),
    ]);
    const empty = province.regencies.find((r) => r.regencyCode === 'EMPTY');
    expect(empty).toMatchObject({ score: 0, flag: 'merah', evaluable: false, rank: 3 });
    expect(empty?.flagReasons[0]).toBe('too-few');
    expect(empty?.scoreParts.map((p) => [p.key, p.value, p.counted])).toEqual([
      ['T', 0, false],
      ['S', 0, false],
      ['K', 0, false],
      ['V', 0, true],
    ]);
    // Even a regency that handled hundreds badly (score under 50) stays above it.
    const slow = province.regencies.find((r) => r.regencyCode === 'SLOW');
    expect(slow?.score).toBeLessThan(50);
    expect(slow?.rank).toBe(2);
  });

  it('treats 1 of 1 on time as a count, not 100%: it earns nothing', () => {
    expect(share(1, 1)).toEqual({ numerator: 1, denominator: 1 });
    expect(share(minimumCases - 1, minimumCases - 1).value).toBeUndefined();
    expect(share(minimumCases, minimumCases).value).toBe(1);
    const tiny = regency('TINY', 1, [1, 1], [1, 1]);
    const parts = scoreParts(tiny, 1);
    expect(parts.find((p) => p.key === 'T')).toMatchObject({ value: 0, counted: false, numerator: 1 });
    expect(parts.find((p) => p.key === 'S')).toMatchObject({ value: 0, counted: false });
    // V is 1 (one complaint per 100,000 at a province rate of 1), and that is all it earns.
    expect(scoreFromParts(parts)).toBeCloseTo(15, 10);
  });

  it('never lets a regency with fewer than the minimum outrank one that handled complaints', () => {
    const province = rank([
      regency('FOUR', 4, [4, 4], [4, 4]),
      regency('POOR', 40, [8, 40], [5, 38], [20, 18]),
    ]);
    expect(province.regencies.map((r) => [r.regencyCode, r.flag])).toEqual([
      ['POOR', 'merah'],
      ['FOUR', 'merah'],
    ]);
    expect(province.regencies[1]?.flagReasons).toContain('too-few');
  });

  it('flags MERAH a regency far below the province volume, and ranks it after the others', () => {
    const province = rank([
      regency('LOW', 10, [10, 10], [10, 10]),
      regency('A', 200, [150, 200], [120, 190], [30, 10]),
      regency('B', 200, [150, 200], [120, 190], [30, 10]),
    ]);
    // Province: 410 per 300,000 = 136.7 per 100,000; LOW has 10, under a quarter.
    const low = province.regencies.find((r) => r.regencyCode === 'LOW');
    expect(low).toMatchObject({ flag: 'merah', rank: 3, evaluable: true });
    expect(low?.flagReasons[0]).toBe('low-volume');
    expect(low?.score).toBeGreaterThan(province.regencies[0]?.score ?? 100);
  });

  it('keeps the score band, and caps HIJAU at KUNING after 30 days without an admin', () => {
    const good = regency('G', 100, [95, 100], [90, 95]);
    expect(flagOf(good, 90, 100)).toEqual({ flag: 'hijau', reasons: ['score'] });
    expect(flagOf({ ...good, daysWithoutAdmin: 30 }, 90, 100)).toEqual({
      flag: 'kuning',
      reasons: ['no-admin'],
    });
  });

  it('computes the worked example of the method page', () => {
    // 100 × (0.35 × 90/100 + 0.35 × 70/80 + 0.15 × 15/20 + 0.15 × 30/40)
    //   = 100 × (0.315 + 0.30625 + 0.1125 + 0.1125) = 84.625
    const example = workedScoreExample();
    expect(example.score).toBeCloseTo(84.625, 10);
    expect(example.flag).toBe('hijau');
    expect(example.rows.map((r) => [r.key, r.value])).toEqual([
      ['T', 0.9],
      ['S', 0.875],
      ['K', 0.75],
      ['V', 0.75],
    ]);
    // The same figures through the code path every regency goes through.
    const e = workedExample;
    const m = regency(
      'EX',
      e.received,
      [e.followUp.numerator, e.followUp.denominator],
      [e.completed.numerator, e.completed.denominator],
      [e.backlogAtEnd, e.overdueAtEnd],
    );
    expect(
      compositeScore({ ...m, perHundredThousand: e.perHundredThousand }, e.provincePerHundredThousand),
    ).toBeCloseTo(84.625, 10);
  });
});
