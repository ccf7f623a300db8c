import { type WorkingCalendar, witaDate } from './calendar';
import { type Classification, classifications } from './complaint';
import type { Regency } from './regions';
import { regencyDisplayName } from './regions';
import { daysWithoutAdmin, type RosterEntry } from './roster';
import type { Semester } from './semester';
import type {
  Distribution,
  Flag,
  ProvinceSemester,
  RankedMetrics,
  RegencyMetrics,
  Share,
} from './semester-metrics';
import { computeSla, type SlaState, type StageState } from './sla';
import type { SlaPolicy } from './sla-policy';
import type { Snapshot } from './snapshot';

/**
 * The semester evaluation of one regency, computed from its complaints' histories with the SLA
 * engine, evaluated at the semester's cut-off (its last instant, WITA): updates after it are not
 * known to the report. Definitions are printed on the report's method page (definitions below).
 */
export interface EvaluationInput {
  semester: Semester;
  regency: Regency;
  /** Complaints of the regency submitted by the cut-off and not closed before the semester began (or more). */
  snapshots: readonly Snapshot[];
  national: SlaPolicy;
  provincial: SlaPolicy;
  calendar: WorkingCalendar;
  roster: readonly RosterEntry[];
  population?: { value: number; year: number; source: string };
}

export const histogramBuckets: { label: string; max: number }[] = [
  { label: '0–1', max: 1 },
  { label: '2–3', max: 3 },
  { label: '4–5', max: 5 },
  { label: '6–10', max: 10 },
  { label: '11–14', max: 14 },
  { label: '15–30', max: 30 },
  { label: '31–60', max: 60 },
  { label: '>60', max: Number.POSITIVE_INFINITY },
];

export function share(numerator: number, denominator: number): Share {
  return { numerator, denominator, ...(denominator > 0 ? { value: numerator / denominator } : {}) };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const median =
    sorted.length === 0
      ? undefined
      : sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]
        : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
  return {
    count: sorted.length,
    ...(median === undefined ? {} : { median }),
    ...(sorted.length ? { p90: percentile(sorted, 90) as number } : {}),
    histogram: histogramBuckets.map((b, i) => ({
      label: b.label,
      count: sorted.filter((v) => v <= b.max && v > (histogramBuckets[i - 1]?.max ?? -1)).length,
    })),
  };
}

/** A stage decided by the cut-off: met, or already past its limit. */
const decided = (s: StageState | undefined) => s !== undefined && (s.state === 'met' || s.breached);
const withinLimit = (s: StageState | undefined) => s !== undefined && s.state === 'met' && !s.breached;

function slaAtCutoff(s: Snapshot, policy: SlaPolicy, calendar: WorkingCalendar, cutoff: string): SlaState {
  const known = s.timeline.filter((e) => Date.parse(e.at) <= Date.parse(cutoff));
  // Submitted by the cut-off but its first update came later: it was waiting for verification.
  const timeline =
    known.length > 0
      ? s.timeline
      : [
          {
            id: 'submitted',
            at: s.submittedAt,
            status: 'belum-terverifikasi' as const,
            classification: s.classification,
          },
          ...s.timeline,
        ];
  return computeSla(timeline, policy, calendar, cutoff, s.submittedAt);
}

export function evaluateRegency(input: EvaluationInput): RegencyMetrics {
  const { semester, calendar } = input;
  const startMs = Date.parse(semester.start);
  const endMs = Date.parse(semester.end);
  const inScope = input.snapshots.filter(
    (s) => Date.parse(s.submittedAt) <= endMs && (!s.closedAt || Date.parse(s.closedAt) >= startMs),
  );
  const gaps = new Set<number>();
  const states = inScope.map((s) => {
    const national = slaAtCutoff(s, input.national, calendar, semester.end);
    const provincial = slaAtCutoff(s, input.provincial, calendar, semester.end);
    for (const y of national.calendarGaps) gaps.add(y);
    return { s, national, provincial, cohort: Date.parse(s.submittedAt) >= startMs };
  });
  const cohort = states.filter((x) => x.cohort);
  const stage = (sla: SlaState, name: StageState['stage']) => sla.stages.find((st) => st.stage === name);

  const byClassification = Object.fromEntries(classifications.map((c) => [c, 0])) as Record<
    Classification,
    number
  >;
  const categories = new Map<string, number>();
  const months = new Map(semester.months.map((m) => [m, 0]));
  for (const { s, national } of cohort) {
    byClassification[national.classification] += 1;
    categories.set(s.category, (categories.get(s.category) ?? 0) + 1);
    const month = witaDate(s.submittedAt).slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }

  const ratio = (pick: (x: (typeof cohort)[number]) => StageState | undefined) => {
    const stages = cohort.map(pick).filter(decided);
    return share(stages.filter(withinLimit).length, stages.length);
  };
  const metDays = (pick: (x: (typeof cohort)[number]) => StageState | undefined) =>
    cohort
      .map(pick)
      .filter((st): st is StageState => st?.state === 'met')
      .map((st) => st.workingDaysUsed);

  const openAtEnd = states.filter((x) => x.national.open);
  const oldest = openAtEnd
    .map((x) => ({ x, days: calendar.workingDaysBetween(x.s.submittedAt, semester.end).value }))
    .sort((a, b) => b.days - a.days || a.x.s.trackingId.localeCompare(b.x.s.trackingId))[0];

  const field = cohort.filter((x) => x.national.classification === 'pengaduan-berkadar-pengawasan');
  const fieldCases = field
    .map((x) => {
      const completion = stage(x.national, 'completion');
      return {
        trackingId: x.s.trackingId,
        submittedAt: x.s.submittedAt,
        workingDays:
          completion?.workingDaysUsed ?? calendar.workingDaysBetween(x.s.submittedAt, semester.end).value,
        open: completion?.state !== 'met',
      };
    })
    .sort((a, b) => b.workingDays - a.workingDays);
  const fieldDone = fieldCases.filter((c) => !c.open).map((c) => c.workingDays);

  const total = cohort.length;
  return {
    semester: semester.id,
    regencyCode: input.regency.code,
    regencyName: regencyDisplayName(input.regency),
    headTitle: input.regency.headTitle,
    ...(input.population ? { population: input.population } : {}),
    received: {
      total,
      byMonth: [...months]
        .filter(([m]) => semester.months.includes(m))
        .map(([month, count]) => ({ month, count })),
      byClassification,
      byCategory: [...categories]
        .map(([category, count]) => ({ category, count }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))
        .slice(0, 10),
    },
    ...(input.population ? { perHundredThousand: (total / input.population.value) * 100_000 } : {}),
    verifiedWithinLimit: ratio((x) => stage(x.national, 'verification')),
    followUpWithinLimit: {
      national: ratio((x) => stage(x.national, 'follow-up')),
      provincial: ratio((x) => stage(x.provincial, 'follow-up')),
    },
    completedWithinLimit: ratio((x) => stage(x.national, 'completion')),
    workingDaysToFollowUp: distribution(metDays((x) => stage(x.national, 'follow-up'))),
    workingDaysToCompletion: distribution(metDays((x) => stage(x.national, 'completion'))),
    backlogAtEnd: openAtEnd.length,
    overdueAtEnd: openAtEnd.filter((x) => x.national.current?.breached).length,
    ...(oldest
      ? {
          oldestOpen: {
            trackingId: oldest.x.s.trackingId,
            submittedAt: oldest.x.s.submittedAt,
            workingDaysOpen: oldest.days,
            ...(oldest.x.national.current ? { stage: oldest.x.national.current.stage } : {}),
          },
        }
      : {}),
    fieldInspection: {
      count: field.length,
      completed: fieldDone.length,
      ...(fieldDone.length ? { medianWorkingDays: distribution(fieldDone).median as number } : {}),
      cases: fieldCases.slice(0, 30),
    },
    daysWithoutAdmin: daysWithoutAdmin(
      input.roster,
      input.regency.code,
      semester.firstDate,
      semester.lastDate,
    ),
    calendarGaps: [...gaps].sort(),
  };
}

/** The composite score, as printed on every report's method page. */
export const scoreFormula = [
  'Skor = 100 × (0,35 × T + 0,35 × S + 0,15 × (1 − K) + 0,15 × V)',
  'T: bagian laporan dengan tindak lanjut pertama tepat waktu (batas nasional)',
  'S: bagian laporan yang diselesaikan dalam batas waktu klasifikasinya',
  'K: bagian tunggakan akhir semester yang telah melewati batas waktu (0 bila tidak ada tunggakan)',
  'V: laporan per 100.000 penduduk dibanding rata-rata provinsi, paling tinggi 1',
  'Komponen tanpa data (mis. tidak ada laporan yang ditindaklanjuti) tidak dihitung; bobot komponen lain disesuaikan.',
];

export const flagRule =
  'Hijau: skor 75 atau lebih. Kuning: skor 50 sampai di bawah 75. Merah: skor di bawah 50. Daerah dengan 30 hari atau lebih tanpa admin penghubung aktif paling tinggi berstatus kuning.';

export function compositeScore(m: RegencyMetrics, provincePerHundredThousand: number | undefined): number {
  const terms: [number, number | undefined][] = [
    [0.35, m.followUpWithinLimit.national.value],
    [0.35, m.completedWithinLimit.value],
    [0.15, m.backlogAtEnd > 0 ? 1 - m.overdueAtEnd / m.backlogAtEnd : 1],
    [
      0.15,
      m.perHundredThousand !== undefined && provincePerHundredThousand
        ? Math.min(1, m.perHundredThousand / provincePerHundredThousand)
        : undefined,
    ],
  ];
  const used = terms.filter((t): t is [number, number] => t[1] !== undefined);
  const weight = used.reduce((w, [k]) => w + k, 0);
  if (weight === 0) return 0;
  return (100 * used.reduce((sum, [k, v]) => sum + k * v, 0)) / weight;
}

export function flagFor(score: number, daysWithoutAdminCount: number): Flag {
  const byScore: Flag = score >= 75 ? 'hijau' : score >= 50 ? 'kuning' : 'merah';
  return byScore === 'hijau' && daysWithoutAdminCount >= 30 ? 'kuning' : byScore;
}

function sumShares(shares: readonly Share[]): Share {
  return share(
    shares.reduce((n, s) => n + s.numerator, 0),
    shares.reduce((n, s) => n + s.denominator, 0),
  );
}

export function perHundredThousandOf(metrics: readonly RegencyMetrics[]): number | undefined {
  const withPopulation = metrics.filter((m) => m.population);
  const people = withPopulation.reduce((n, m) => n + (m.population?.value ?? 0), 0);
  if (people === 0) return undefined;
  return (withPopulation.reduce((n, m) => n + m.received.total, 0) / people) * 100_000;
}

const pct = (v: number) =>
  `${(v * 100).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

/** Two or three plain sentences on what changed since the previous semester, biggest first. */
export function changeSentences(
  current: RegencyMetrics,
  previous: RegencyMetrics | undefined,
  previousLabel: string,
): string[] {
  if (!previous || previous.received.total === 0) {
    return [`Belum ada data ${previousLabel} untuk perbandingan.`];
  }
  const candidates: { weight: number; text: string }[] = [];
  const a = previous.received.total;
  const b = current.received.total;
  if (a !== b) {
    const change = Math.round((Math.abs(b - a) / a) * 100);
    candidates.push({
      weight: Math.abs(b - a) / a,
      text: `Jumlah laporan ${b > a ? 'naik' : 'turun'} ${change}% dibanding ${previousLabel} (dari ${a} menjadi ${b}).`,
    });
  }
  const compare = (label: string, before?: number, after?: number) => {
    if (before === undefined || after === undefined || Math.abs(after - before) < 0.005) return;
    candidates.push({
      weight: Math.abs(after - before) * 2,
      text: `${label} ${after > before ? 'naik' : 'turun'} dari ${pct(before)} menjadi ${pct(after)}.`,
    });
  };
  compare(
    'Tindak lanjut pertama tepat waktu',
    previous.followUpWithinLimit.national.value,
    current.followUpWithinLimit.national.value,
  );
  compare(
    'Penyelesaian tepat waktu',
    previous.completedWithinLimit.value,
    current.completedWithinLimit.value,
  );
  if (previous.backlogAtEnd !== current.backlogAtEnd) {
    candidates.push({
      weight: Math.abs(current.backlogAtEnd - previous.backlogAtEnd) / Math.max(1, previous.backlogAtEnd),
      text: `Tunggakan pada akhir semester ${current.backlogAtEnd < previous.backlogAtEnd ? 'berkurang' : 'bertambah'} dari ${previous.backlogAtEnd} menjadi ${current.backlogAtEnd} laporan.`,
    });
  }
  const picked = candidates
    .sort((x, y) => y.weight - x.weight)
    .slice(0, 3)
    .map((c) => c.text);
  return picked.length > 0 ? picked : [`Kinerja relatif sama dengan ${previousLabel}.`];
}

/**
 * Ranks the regencies of a province on the composite score and builds the province view.
 * @param previous the regencies' previous-semester metrics, by code
 */
export function rankProvince(input: {
  semester: Semester;
  semesterLabel: string;
  previousSemesterLabel: string;
  province: { code: string; name: string; brand: string };
  current: readonly RegencyMetrics[];
  previous: ReadonlyMap<string, RegencyMetrics>;
  method: ProvinceSemester['method'];
}): ProvinceSemester {
  const provinceRate = perHundredThousandOf(input.current);
  const previousList = [...input.previous.values()];
  const previousRate = perHundredThousandOf(previousList);
  const previousScores = previousList
    .map((m) => ({ code: m.regencyCode, score: compositeScore(m, previousRate) }))
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  const scored = input.current
    .map((m) => ({ m, score: compositeScore(m, provinceRate) }))
    .sort((a, b) => b.score - a.score || a.m.regencyCode.localeCompare(b.m.regencyCode));
  const regencies: RankedMetrics[] = scored.map(({ m, score }, i) => {
    const prev = input.previous.get(m.regencyCode);
    const prevRank = previousScores.findIndex((p) => p.code === m.regencyCode);
    return {
      ...m,
      score,
      rank: i + 1,
      of: scored.length,
      flag: flagFor(score, m.daysWithoutAdmin),
      ...(prev && prev.received.total > 0
        ? { previous: { ...prev, score: previousScores[prevRank]?.score ?? 0, rank: prevRank + 1 } }
        : {}),
      changeSentences: changeSentences(m, prev, input.previousSemesterLabel),
    };
  });
  const byMonth = input.semester.months.map((month) => ({
    month,
    count: input.current.reduce(
      (n, m) => n + (m.received.byMonth.find((x) => x.month === month)?.count ?? 0),
      0,
    ),
  }));
  return {
    semester: input.semester.id,
    semesterLabel: input.semesterLabel,
    previousSemesterLabel: input.previousSemesterLabel,
    province: input.province,
    regencies,
    totals: {
      received: input.current.reduce((n, m) => n + m.received.total, 0),
      ...(provinceRate === undefined ? {} : { perHundredThousand: provinceRate }),
      followUpWithinLimit: sumShares(input.current.map((m) => m.followUpWithinLimit.national)),
      completedWithinLimit: sumShares(input.current.map((m) => m.completedWithinLimit)),
      backlogAtEnd: input.current.reduce((n, m) => n + m.backlogAtEnd, 0),
      overdueAtEnd: input.current.reduce((n, m) => n + m.overdueAtEnd, 0),
      byMonth,
      averageByMonthPerRegency: byMonth.map((x) => ({
        month: x.month,
        count: input.current.length ? x.count / input.current.length : 0,
      })),
    },
    ...(previousList.some((m) => m.received.total > 0)
      ? {
          previousTotals: {
            received: previousList.reduce((n, m) => n + m.received.total, 0),
            followUpWithinLimit: sumShares(previousList.map((m) => m.followUpWithinLimit.national)),
            completedWithinLimit: sumShares(previousList.map((m) => m.completedWithinLimit)),
          },
        }
      : {}),
    method: input.method,
  };
}

/** The definitions printed on the method page. */
export const definitions: { term: string; meaning: string }[] = [
  {
    term: 'Hari kerja (HK)',
    meaning:
      'Senin–Jumat zona WITA (Asia/Makassar), tidak termasuk libur nasional dan cuti bersama menurut SKB 3 Menteri.',
  },
  {
    term: 'Awal hitungan',
    meaning:
      'Hari kejadian dihitung hari ke-0 berapa pun jamnya; hari ke-1 adalah hari kerja berikutnya. Batas N HK berakhir pukul 23.59.59 WITA pada hari kerja ke-N.',
  },
  { term: 'Laporan diterima', meaning: 'Laporan yang masuk (tanggal laporan) dalam semester ini.' },
  {
    term: 'Tepat waktu',
    meaning:
      'Tahap selesai paling lambat pada batas waktunya. Tahap yang belum selesai dan belum melewati batas pada akhir semester tidak dihitung.',
  },
  {
    term: 'Tertunda',
    meaning:
      'Selama menunggu tanggapan pelapor, hari kerja tidak dihitung untuk verifikasi, tindak lanjut, dan penyelesaian.',
  },
  {
    term: 'Tunggakan',
    meaning:
      'Laporan yang belum selesai, diarsipkan, atau dinyatakan bukan wewenang pada akhir semester, dari semester mana pun.',
  },
  {
    term: 'Berkadar pengawasan',
    meaning:
      'Pengaduan yang memerlukan pemeriksaan lapangan; batas penyelesaiannya 60 HK sejak disposisi, juga bila diklasifikasi ulang.',
  },
  { term: 'Hari tanpa admin', meaning: 'Hari dalam semester tanpa admin penghubung yang SK-nya berlaku.' },
];
