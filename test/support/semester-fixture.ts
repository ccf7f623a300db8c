import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../demo/generate';
import { loadEscalationPolicy } from '../../functions/adapters/data-files';
import { parseCommitmentsCsv, withCommitments } from '../../functions/domain/commitments';
import type { Classification } from '../../functions/domain/complaint';
import { lawAndSettings } from '../../functions/domain/law-and-settings';
import { flagRule, scoreFormula } from '../../functions/domain/method-text';
import { parseSemester } from '../../functions/domain/semester';
import { rankProvince, share, workedScoreExample } from '../../functions/domain/semester-evaluation';
import type {
  Distribution,
  FieldInspectionCase,
  ProvinceSemester,
  RankedMetrics,
  RegencyMetrics,
} from '../../functions/domain/semester-metrics';
import type { Stage } from '../../functions/domain/sla';
import { policyInForce } from '../../functions/domain/sla-policy';
import { dataDir, kalsel, nationalPolicy } from './data';

/**
 * A hand-built, internally consistent semester of South Kalimantan (2026-H1, with 2025-H2 before
 * it) for the report templates, their tests and the sample renders.
 *
 * The counts per regency are written by hand below; everything that follows from them is computed
 * here, so the fixture cannot contradict itself: shares are numerator / denominator, totals are
 * sums, per-100,000 figures use the SP2020 population (data/population/63.csv), and the ranking,
 * scores, flags and change sentences come from the domain's own rankProvince.
 *
 * Edge cases on purpose:
 * - 6305 Tapin received nothing (every share undefined) and had no liaison admin for 97 days;
 *   four complaints from 2025-H2 are still open and overdue.
 * - 6302 Kotabaru carries several field-inspection cases (pengaduan berkadar pengawasan), two of
 *   them reclassified complaints from 2025-H2, one past 60 HK.
 * - 6311 Balangan is small (9 complaints), has no previous semester and no field-inspection case.
 * - 6308 Hulu Sungai Utara still has a complaint open since November 2023, a year without a
 *   calendar file: its figures carry calendarGaps [2023].
 */

const semester = '2026-H1';
const previousId = '2025-H2';
const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const previousMonths = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];

interface Region {
  code: string;
  name: string;
  headTitle: 'Bupati' | 'Wali Kota';
  population: number;
}

/** data/regions/63.json and data/population/63.csv (BPS, SP2020). */
const regions: Region[] = [
  { code: '6301', name: 'Kabupaten Tanah Laut', headTitle: 'Bupati', population: 348_966 },
  { code: '6302', name: 'Kabupaten Kotabaru', headTitle: 'Bupati', population: 325_622 },
  { code: '6303', name: 'Kabupaten Banjar', headTitle: 'Bupati', population: 565_635 },
  { code: '6304', name: 'Kabupaten Barito Kuala', headTitle: 'Bupati', population: 313_021 },
  { code: '6305', name: 'Kabupaten Tapin', headTitle: 'Bupati', population: 189_475 },
  { code: '6306', name: 'Kabupaten Hulu Sungai Selatan', headTitle: 'Bupati', population: 228_006 },
  { code: '6307', name: 'Kabupaten Hulu Sungai Tengah', headTitle: 'Bupati', population: 258_721 },
  { code: '6308', name: 'Kabupaten Hulu Sungai Utara', headTitle: 'Bupati', population: 226_727 },
  { code: '6309', name: 'Kabupaten Tabalong', headTitle: 'Bupati', population: 253_305 },
  { code: '6310', name: 'Kabupaten Tanah Bumbu', headTitle: 'Bupati', population: 322_646 },
  { code: '6311', name: 'Kabupaten Balangan', headTitle: 'Bupati', population: 130_355 },
  { code: '6371', name: 'Kota Banjarmasin', headTitle: 'Wali Kota', population: 657_663 },
  { code: '6372', name: 'Kota Banjarbaru', headTitle: 'Wali Kota', population: 253_442 },
];

const populationSource =
  'BPS Provinsi Kalimantan Selatan, Hasil Sensus Penduduk 2020 (SP2020): jumlah penduduk menurut kabupaten/kota';

/** The hand-written counts of one regency's semester. */
interface Spec {
  byMonth: number[];
  /** aspirasi, permintaan informasi, pengaduan tidak berkadar, pengaduan berkadar pengawasan */
  classes: [number, number, number, number];
  /** Category weights, in the order of `categories`; counts are allotted by largest remainder. */
  categoryWeights: number[];
  verified: [number, number];
  /** Decided first follow-ups, of which within 5 HK (national) and within 3 HK (provincial). */
  followUp: { decided: number; national: number; provincial: number };
  completed: [number, number];
  backlog: number;
  overdue: number;
  oldestOpen?: { trackingId: string; submittedAt: string; workingDaysOpen: number; stage?: Stage };
  fieldCases?: FieldInspectionCase[];
  daysWithoutAdmin: number;
  calendarGaps?: number[];
}

const categories = [
  'Infrastruktur',
  'Administrasi Kependudukan',
  'Kesehatan',
  'Pendidikan',
  'Lingkungan Hidup dan Kehutanan',
  'Sosial dan Kesejahteraan',
  'Perhubungan',
  'Pertanahan',
  'Energi dan Sumber Daya Mineral',
  'Ketenteraman dan Ketertiban Umum',
  'Pertanian dan Peternakan',
  'Ketenagakerjaan',
];

const towns = [30, 18, 14, 10, 6, 6, 5, 4, 2, 3, 1, 1];
const rural = [28, 12, 12, 8, 8, 7, 4, 6, 3, 3, 6, 3];
const mining = [22, 8, 9, 7, 12, 5, 6, 14, 11, 2, 2, 2];

const current: Record<string, Spec> = {
  '6372': {
    byMonth: [30, 33, 38, 36, 35, 38],
    classes: [40, 28, 136, 6],
    categoryWeights: towns,
    verified: [205, 208],
    followUp: { decided: 200, national: 186, provincial: 170 },
    completed: [178, 192],
    backlog: 18,
    overdue: 3,
    oldestOpen: {
      trackingId: '9418207',
      submittedAt: '2026-03-11T10:12:00+08:00',
      workingDaysOpen: 69,
      stage: 'completion',
    },
    fieldCases: [
      { trackingId: '9420112', submittedAt: '2026-01-14T09:30:00+08:00', workingDays: 41, open: false },
      { trackingId: '9433871', submittedAt: '2026-02-03T13:05:00+08:00', workingDays: 37, open: false },
      { trackingId: '9461550', submittedAt: '2026-03-02T08:47:00+08:00', workingDays: 52, open: false },
      { trackingId: '9478023', submittedAt: '2026-04-06T10:20:00+08:00', workingDays: 46, open: true },
      { trackingId: '9490316', submittedAt: '2026-05-12T14:41:00+08:00', workingDays: 30, open: true },
      { trackingId: '9501174', submittedAt: '2026-06-02T11:02:00+08:00', workingDays: 18, open: true },
    ],
    daysWithoutAdmin: 0,
  },
  '6371': {
    byMonth: [48, 50, 55, 57, 52, 58],
    classes: [60, 45, 213, 2],
    categoryWeights: towns,
    verified: [310, 316],
    followUp: { decided: 300, national: 264, provincial: 231 },
    completed: [262, 290],
    backlog: 41,
    overdue: 9,
    oldestOpen: {
      trackingId: '9297730',
      submittedAt: '2025-12-18T09:15:00+08:00',
      workingDaysOpen: 120,
      stage: 'completion',
    },
    fieldCases: [
      { trackingId: '9426401', submittedAt: '2026-01-21T10:00:00+08:00', workingDays: 48, open: false },
      { trackingId: '9487755', submittedAt: '2026-05-05T09:12:00+08:00', workingDays: 35, open: true },
    ],
    daysWithoutAdmin: 0,
  },
  '6302': {
    byMonth: [20, 22, 27, 25, 26, 30],
    classes: [22, 18, 105, 5],
    categoryWeights: mining,
    verified: [140, 146],
    followUp: { decided: 125, national: 105, provincial: 92 },
    completed: [112, 134],
    backlog: 29,
    overdue: 8,
    oldestOpen: {
      trackingId: '9246618',
      submittedAt: '2025-10-08T11:40:00+08:00',
      workingDaysOpen: 172,
      stage: 'completion',
    },
    fieldCases: [
      // Reclassified in 2025-H2 into the 60 HK class: the Kotabaru case.
      { trackingId: '9246618', submittedAt: '2025-10-08T11:40:00+08:00', workingDays: 70, open: true },
      { trackingId: '9283042', submittedAt: '2025-12-02T09:25:00+08:00', workingDays: 61, open: false },
      { trackingId: '9415590', submittedAt: '2026-01-08T10:03:00+08:00', workingDays: 38, open: false },
      { trackingId: '9440271', submittedAt: '2026-02-10T13:48:00+08:00', workingDays: 52, open: false },
      { trackingId: '9457736', submittedAt: '2026-02-26T08:31:00+08:00', workingDays: 44, open: false },
      { trackingId: '9481209', submittedAt: '2026-04-14T15:10:00+08:00', workingDays: 35, open: true },
      { trackingId: '9506687', submittedAt: '2026-06-09T09:57:00+08:00', workingDays: 12, open: true },
    ],
    // The liaison admin's decree lapsed after the regional election until the new SK was signed.
    daysWithoutAdmin: 12,
  },
  '6309': {
    byMonth: [14, 15, 16, 16, 17, 17],
    classes: [16, 12, 67, 0],
    categoryWeights: mining,
    verified: [92, 94],
    followUp: { decided: 88, national: 79, provincial: 58 },
    completed: [72, 86],
    backlog: 10,
    overdue: 2,
    daysWithoutAdmin: 0,
  },
  '6301': {
    byMonth: [18, 19, 20, 21, 20, 22],
    classes: [20, 15, 85, 0],
    categoryWeights: rural,
    verified: [115, 118],
    followUp: { decided: 105, national: 86, provincial: 66 },
    completed: [92, 108],
    backlog: 20,
    overdue: 6,
    daysWithoutAdmin: 0,
  },
  '6307': {
    byMonth: [12, 12, 13, 14, 14, 15],
    classes: [14, 10, 56, 0],
    categoryWeights: rural,
    verified: [76, 79],
    followUp: { decided: 72, national: 60, provincial: 46 },
    completed: [60, 70],
    backlog: 12,
    overdue: 3,
    daysWithoutAdmin: 0,
  },
  '6303': {
    byMonth: [28, 30, 31, 33, 32, 36],
    classes: [30, 22, 137, 1],
    categoryWeights: rural,
    verified: [180, 186],
    followUp: { decided: 170, national: 128, provincial: 102 },
    completed: [140, 168],
    backlog: 44,
    overdue: 15,
    fieldCases: [
      { trackingId: '9452118', submittedAt: '2026-02-19T10:33:00+08:00', workingDays: 57, open: false },
    ],
    daysWithoutAdmin: 0,
  },
  '6306': {
    byMonth: [9, 10, 11, 11, 12, 12],
    classes: [11, 9, 45, 0],
    categoryWeights: rural,
    verified: [62, 64],
    followUp: { decided: 58, national: 50, provincial: 38 },
    completed: [46, 56],
    backlog: 8,
    overdue: 2,
    daysWithoutAdmin: 0,
  },
  '6310': {
    byMonth: [16, 17, 18, 19, 19, 21],
    classes: [18, 14, 78, 0],
    categoryWeights: mining,
    verified: [100, 107],
    followUp: { decided: 98, national: 70, provincial: 52 },
    completed: [74, 95],
    backlog: 26,
    overdue: 11,
    daysWithoutAdmin: 35,
  },
  '6304': {
    byMonth: [10, 11, 12, 12, 12, 13],
    classes: [12, 8, 50, 0],
    categoryWeights: rural,
    verified: [64, 68],
    followUp: { decided: 60, national: 45, provincial: 36 },
    completed: [48, 58],
    backlog: 14,
    overdue: 5,
    daysWithoutAdmin: 21,
  },
  '6311': {
    byMonth: [1, 2, 1, 2, 1, 2],
    classes: [2, 1, 6, 0],
    categoryWeights: rural,
    verified: [9, 9],
    followUp: { decided: 8, national: 7, provincial: 6 },
    completed: [7, 8],
    backlog: 1,
    overdue: 0,
    daysWithoutAdmin: 0,
  },
  '6308': {
    byMonth: [6, 7, 7, 8, 8, 9],
    classes: [8, 6, 31, 0],
    categoryWeights: rural,
    verified: [40, 44],
    followUp: { decided: 38, national: 24, provincial: 15 },
    completed: [24, 38],
    backlog: 15,
    overdue: 9,
    oldestOpen: {
      trackingId: '8713305',
      submittedAt: '2023-11-20T14:22:00+08:00',
      workingDaysOpen: 634,
      stage: 'follow-up',
    },
    daysWithoutAdmin: 0,
    calendarGaps: [2023],
  },
  '6305': {
    byMonth: [0, 0, 0, 0, 0, 0],
    classes: [0, 0, 0, 0],
    categoryWeights: rural,
    verified: [0, 0],
    followUp: { decided: 0, national: 0, provincial: 0 },
    completed: [0, 0],
    backlog: 4,
    overdue: 4,
    oldestOpen: {
      trackingId: '9271954',
      submittedAt: '2025-11-17T08:55:00+08:00',
      workingDaysOpen: 145,
      stage: 'verification',
    },
    daysWithoutAdmin: 97,
  },
};

/** 2025-H2, written more briefly: total, decided follow-ups, within 5 HK, within 3 HK, completed, backlog, overdue, days without admin. */
const previous: Record<string, [number, number, number, number, [number, number], number, number, number]> = {
  '6372': [188, 176, 160, 141, [150, 170], 21, 5, 0],
  '6371': [301, 280, 238, 196, [236, 270], 46, 12, 0],
  '6302': [132, 112, 86, 70, [90, 118], 33, 11, 0],
  '6309': [90, 82, 74, 60, [70, 80], 9, 2, 0],
  '6301': [111, 98, 80, 64, [84, 100], 18, 5, 0],
  '6307': [74, 66, 52, 40, [52, 64], 13, 4, 0],
  '6303': [176, 160, 118, 90, [126, 158], 47, 18, 0],
  '6306': [60, 54, 47, 38, [44, 52], 7, 1, 0],
  '6310': [118, 108, 86, 70, [84, 104], 22, 7, 0],
  '6304': [66, 58, 42, 33, [44, 56], 12, 4, 0],
  '6308': [41, 36, 25, 18, [24, 36], 14, 8, 0],
  '6305': [14, 12, 8, 5, [8, 12], 3, 2, 30],
};

// --- builders -------------------------------------------------------------------------------------

/** The demo's mulberry32: deterministic durations, so every run builds the same fixture. */
const random = seededRandom;

const bins: { label: string; from: number; to: number }[] = [
  { label: '0–1', from: 0, to: 1 },
  { label: '2–3', from: 2, to: 3 },
  { label: '4–5', from: 4, to: 5 },
  { label: '6–10', from: 6, to: 10 },
  { label: '11–14', from: 11, to: 14 },
  { label: '15–30', from: 15, to: 30 },
  { label: '31–60', from: 31, to: 60 },
  { label: '>60', from: 61, to: Number.POSITIVE_INFINITY },
];

/** Durations drawn in ranges: [count, min, max] groups. */
function durations(seed: number, groups: [number, number, number][]): number[] {
  const next = random(seed);
  return groups.flatMap(([count, min, max]) =>
    Array.from({ length: count }, () => min + Math.floor(next() * (max - min + 1))),
  );
}

function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const histogram = bins.map((b) => ({
    label: b.label,
    count: sorted.filter((v) => v >= b.from && v <= b.to).length,
  }));
  if (sorted.length === 0) return { count: 0, histogram };
  const mid = sorted.length / 2;
  const median = Number.isInteger(mid)
    ? ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
    : (sorted[Math.floor(mid)] as number);
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1] as number;
  return { count: sorted.length, median, p90, histogram };
}

/** Largest-remainder allotment of a total over weights. */
function allot(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

function byCategory(total: number, weights: number[]): { category: string; count: number }[] {
  return allot(total, weights)
    .map((count, i) => ({ category: categories[i] as string, count }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))
    .slice(0, 10);
}

const classificationKeys: Classification[] = [
  'aspirasi',
  'permintaan-informasi',
  'pengaduan-tidak-berkadar-pengawasan',
  'pengaduan-berkadar-pengawasan',
];

function metrics(region: Region, spec: Spec, semesterId: string, monthIds: string[]): RegencyMetrics {
  const total = spec.byMonth.reduce((a, b) => a + b, 0);
  const classTotal = spec.classes.reduce((a, b) => a + b, 0);
  if (classTotal !== total)
    throw new Error(`${region.code} ${semesterId}: classes ${classTotal} ≠ months ${total}`);
  const seed = Number(region.code) * 10 + (semesterId.endsWith('H1') ? 1 : 2);
  const fu = spec.followUp;
  const followUpDays = durations(seed, [
    [fu.provincial, 0, 3],
    [fu.national - fu.provincial, 4, 5],
    [fu.decided - fu.national, 6, 24],
  ]);
  const [done, completedTotal] = spec.completed;
  const completionDays = durations(seed + 7, [
    [done, 1, 14],
    [completedTotal - done, 15, 45],
  ]);
  // The limits the evaluation reads from the national policy in force at the cut-off.
  const completionLimits = policyInForce(nationalPolicy(), '2026-06-30').limits.completion;
  const fieldLimit = completionLimits['pengaduan-berkadar-pengawasan'];
  const cases = (spec.fieldCases ?? []).map((c) => ({
    ...c,
    limit: fieldLimit,
    late: c.workingDays > fieldLimit,
  }));
  const closed = cases.filter((c) => !c.open).map((c) => c.workingDays);
  return {
    semester: semesterId,
    regencyCode: region.code,
    regencyName: region.name,
    headTitle: region.headTitle,
    population: { value: region.population, year: 2020, source: 'BPS-SP2020' },
    received: {
      total,
      byMonth: monthIds.map((month, i) => ({ month, count: spec.byMonth[i] ?? 0 })),
      byClassification: Object.fromEntries(
        classificationKeys.map((k, i) => [k, spec.classes[i] ?? 0]),
      ) as Record<Classification, number>,
      byCategory: byCategory(total, spec.categoryWeights),
    },
    perHundredThousand: (total / region.population) * 100_000,
    verifiedWithinLimit: share(...spec.verified),
    followUpWithinLimit: {
      national: share(fu.national, fu.decided),
      provincial: share(fu.provincial, fu.decided),
    },
    completedWithinLimit: share(done, completedTotal),
    workingDaysToFollowUp: distribution(followUpDays),
    workingDaysToCompletion: distribution(completionDays),
    backlogAtEnd: spec.backlog,
    overdueAtEnd: spec.overdue,
    ...(spec.oldestOpen ? { oldestOpen: spec.oldestOpen } : {}),
    fieldInspection: {
      count: cases.length,
      completed: closed.length,
      ...(closed.length > 0 ? { medianWorkingDays: distribution(closed).median } : {}),
      cases,
      limit: fieldLimit,
    },
    longestCompletionLimit: Math.max(...Object.values(completionLimits)),
    daysWithoutAdmin: spec.daysWithoutAdmin,
    // The demo roster names a backup only in some regencies; here every regency with an admin gap
    // also lacked its backup on those days.
    daysWithoutBackup: spec.daysWithoutAdmin,
    followUpWithinDays: Array.from({ length: 10 }, (_, i) => ({
      days: i + 1,
      share: share(followUpDays.filter((d) => d <= i + 1).length, fu.decided),
    })),
    calendarGaps: spec.calendarGaps ?? [],
  };
}

function previousSpec(code: string): Spec | undefined {
  const row = previous[code];
  if (!row) return undefined;
  const [total, decided, national, provincial, completed, backlog, overdue, daysWithoutAdmin] = row;
  const byMonth = allot(total, [15, 16, 17, 17, 17, 18]);
  const now = current[code] as Spec;
  return {
    byMonth,
    classes: allot(total, now.classes.some((c) => c > 0) ? now.classes : [1, 1, 6, 0]) as Spec['classes'],
    categoryWeights: now.categoryWeights,
    verified: [decided, decided + 2],
    followUp: { decided, national, provincial },
    completed,
    backlog,
    overdue,
    daysWithoutAdmin,
  };
}

function build(): ProvinceSemester {
  const before = regions.flatMap((r) => {
    const spec = previousSpec(r.code);
    return spec ? [metrics(r, spec, previousId, previousMonths)] : [];
  });
  const ranked = rankProvince({
    semester: parseSemester(semester, kalsel().zone),
    semesterLabel: 'Semester I 2026 (Januari–Juni)',
    previousSemesterLabel: 'Semester II 2025 (Juli–Desember)',
    province: kalsel().province,
    current: regions.map((r) => metrics(r, current[r.code] as Spec, semester, months)),
    previous: new Map(before.map((m) => [m.regencyCode, m])),
    method: {
      nationalPolicy:
        'Batas waktu nasional PermenPANRB 62/2018 (sampai 30 April 2025; diganti PermenPANRB 5/2025) (permenpanrb-62-2018 v3), untuk laporan yang diajukan sampai 30 April 2025; Batas waktu nasional PermenPANRB 5/2025 (permenpanrb-5-2025 v1), untuk laporan yang diajukan sejak 1 Mei 2025',
      provincialPolicy:
        'Target Provinsi Kalimantan Selatan: tindak lanjut dalam 3 hari kerja (kalsel-2025 v1), untuk laporan yang diajukan sejak 1 Mei 2025',
      lawAndSettings: lawAndSettings({
        national: nationalPolicy(),
        escalation: loadEscalationPolicy(dataDir, '63'),
      }),
      calendarYears: [
        { year: 2023, status: 'missing', sources: [] },
        {
          year: 2024,
          status: 'final',
          sources: [
            'SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 855 Tahun 2023, Nomor 3 Tahun 2023, Nomor 4 Tahun 2023 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2024',
            'Keputusan Presiden Nomor 10 Tahun 2024 (hari pemungutan suara Pemilu 2024)',
            'Keputusan Presiden Nomor 33 Tahun 2024 (hari pemungutan suara Pilkada 2024)',
          ],
        },
        {
          year: 2025,
          status: 'final',
          sources: [
            'SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025',
            'SKB Nomor 933 Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025 (perubahan; cuti bersama 18 Agustus 2025)',
          ],
        },
        {
          year: 2026,
          status: 'final',
          sources: [
            'SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026',
          ],
        },
      ],
      cutoff: '2026-06-30T15:59:59.999Z',
      generatedAt: '2026-07-01T00:30:00.000Z',
      scoreFormula,
      flagRule,
      scoreExample: workedScoreExample(),
      definitions: [
        {
          term: 'Hari kerja (HK)',
          meaning:
            'Senin–Jumat waktu WITA, tidak termasuk hari libur nasional dan cuti bersama menurut SKB 3 Menteri.',
        },
        {
          term: 'Laporan diterima',
          meaning: 'Laporan yang masuk ke daerah selama semester, menurut tanggal penyampaian.',
        },
        {
          term: 'Tindak lanjut pertama tepat waktu',
          meaning: 'Tanggapan pertama instansi terdisposisi dalam batas waktu sejak disposisi.',
        },
        {
          term: 'Penyelesaian tepat waktu',
          meaning: 'Laporan selesai dalam batas waktu klasifikasinya (5, 14 atau 60 HK).',
        },
        { term: 'Tunggakan', meaning: 'Laporan yang masih terbuka pada batas data, kapan pun diterima.' },
        {
          term: 'Melewati batas waktu',
          meaning: 'Tunggakan yang tahap berjalannya sudah melewati batas waktu.',
        },
        {
          term: 'Pengaduan berkadar pengawasan',
          meaning: 'Pengaduan yang memerlukan pemeriksaan lapangan; batas penyelesaian 60 HK.',
        },
        {
          term: 'Admin penghubung',
          meaning:
            'Pejabat penghubung daerah yang ditetapkan dengan SK; tanpa admin aktif, laporan tidak terverifikasi.',
        },
      ],
      populationSource,
    },
  });
  // The demo's commitments: most regencies have one, Tapin's expired, Hulu Sungai Utara has none.
  const file = fileURLToPath(new URL('../../data/commitments/63-demo.csv', import.meta.url));
  return withCommitments(
    ranked,
    parseCommitmentsCsv(readFileSync(file, 'utf8'), kalsel(), file),
    '2026-06-30',
  );
}

let cached: ProvinceSemester | undefined;

/** The province's 2026-H1 semester, ranked. Returns a fresh deep copy: tests may change it. */
export function fixtureProvince(): ProvinceSemester {
  cached ??= build();
  return structuredClone(cached);
}

/** One regency's ranked metrics from the fixture, by Kemendagri code (e.g. '6302'). */
export function fixtureRegency(code: string): RankedMetrics {
  const found = fixtureProvince().regencies.find((r) => r.regencyCode === code);
  if (!found) throw new Error(`no regency ${code} in the semester fixture`);
  return found;
}
