import type { WorkingCalendar } from './calendar';
import { type Classification, classifications } from './complaint';
import { inspectionFigures } from './field-inspection';
import { firstSeenMidLife } from './first-seen';
import { lagReasons } from './lag-reasons';
import { changeSentences } from './method-text';
import type { Regency } from './regions';
import { regencyDisplayName } from './regions';
import { daysWithoutAdmin, daysWithoutBackup, type RosterEntry } from './roster';
import type { Semester } from './semester';
import { evaluationMethod, lowVolumeRatio, minimumCases } from './semester-method';
import {
  type Distribution,
  type Flag,
  type FlagReason,
  missedDeadline,
  type ProvinceComparison,
  type ProvinceSemester,
  type RankedMetrics,
  type RegencyMetrics,
  type ScoreExample,
  type ScorePart,
  type Share,
} from './semester-metrics';
import { computeSla, type SlaState, type StageState } from './sla';
import { policyInForce, type SlaRules } from './sla-policy';
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
  /** Every version of each policy: a complaint is judged by the version of its submission day. */
  national: SlaRules;
  provincial: SlaRules;
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

function slaAtCutoff(s: Snapshot, policy: SlaRules, calendar: WorkingCalendar, cutoff: string): SlaState {
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
    // A confidential complaint counts everywhere but in the categories: LAPOR! keeps its subject
    // from the public, and the category list is published (README, Public scoreboard).
    if (!s.confidential) categories.set(s.category, (categories.get(s.category) ?? 0) + 1);
    const month = calendar.date(s.submittedAt).slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }

  // A complaint first seen in mid-life in a LAPOR! export has no known stage timing: not judged.
  const judged = cohort.filter((x) => !firstSeenMidLife(x.s.timeline));
  const ratio = (pick: (x: (typeof cohort)[number]) => StageState | undefined) => {
    const stages = judged.map(pick).filter(decided);
    return share(stages.filter(withinLimit).length, stages.length);
  };
  const metDays = (pick: (x: (typeof cohort)[number]) => StageState | undefined) =>
    judged
      .map(pick)
      .filter((st): st is StageState => st?.state === 'met')
      .map((st) => st.workingDaysUsed);

  const openAtEnd = states.filter((x) => x.national.open);
  const oldest = openAtEnd
    .map((x) => ({ x, days: calendar.workingDaysBetween(x.s.submittedAt, semester.end).value }))
    .sort((a, b) => b.days - a.days || a.x.s.trackingId.localeCompare(b.x.s.trackingId))[0];

  // The limits in force at the cut-off: a complaint's own stage carries the limit of its version.
  const limitsAtCutoff = policyInForce(input.national, semester.lastDate).limits.completion;
  const fieldLimit = limitsAtCutoff['pengaduan-berkadar-pengawasan'];
  const field = cohort.filter((x) => x.national.classification === 'pengaduan-berkadar-pengawasan');
  const fieldCases = field
    .map((x) => {
      const completion = stage(x.national, 'completion');
      const workingDays =
        completion?.workingDaysUsed ?? calendar.workingDaysBetween(x.s.submittedAt, semester.end).value;
      return {
        trackingId: x.s.trackingId,
        submittedAt: x.s.submittedAt,
        workingDays,
        open: completion?.state !== 'met',
        limit: completion?.limit ?? fieldLimit,
        late: workingDays > (completion?.limit ?? fieldLimit),
      };
    })
    .sort((a, b) => b.workingDays - a.workingDays);
  const fieldDone = fieldCases.filter((c) => !c.open).map((c) => c.workingDays);

  const total = cohort.length;
  const applied = (pick: (x: (typeof states)[number]) => string) => [...new Set(states.map(pick))].sort();
  return {
    semester: semester.id,
    regencyCode: input.regency.code,
    policiesApplied: {
      national: applied((x) => x.national.policyId),
      provincial: applied((x) => x.provincial.policyId),
    },
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
    overdueAtEnd: openAtEnd.filter((x) => missedDeadline(x.national)).length,
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
    // Field inspections planned in the semester, judged at its end (domain/field-inspection.ts).
    fieldInspections: inspectionFigures(
      states.map((x) => ({
        ...(x.s.fieldInspection ? { fieldInspection: x.s.fieldInspection } : {}),
        ...(x.national.dispositionAt ? { dispositionAt: x.national.dispositionAt } : {}),
        ...(x.s.completion ? { completedAt: x.s.completion.at } : {}),
      })),
      calendar,
      { from: semester.firstDate, to: semester.lastDate, asOf: nextDate(semester.lastDate) },
      calendar.zone.date,
    ),
    fieldInspection: {
      count: field.length,
      completed: fieldDone.length,
      ...(fieldDone.length ? { medianWorkingDays: distribution(fieldDone).median as number } : {}),
      cases: fieldCases.slice(0, 30),
      limit: fieldLimit,
    },
    longestCompletionLimit: Math.max(...Object.values(limitsAtCutoff)),
    daysWithoutAdmin: daysWithoutAdmin(
      input.roster,
      input.regency.code,
      semester.firstDate,
      semester.lastDate,
    ),
    daysWithoutBackup: daysWithoutBackup(
      input.roster,
      input.regency.code,
      semester.firstDate,
      semester.lastDate,
    ),
    followUpWithinDays: Array.from({ length: 10 }, (_, i) => {
      const days = i + 1;
      const stages = cohort
        .map((x) => stage(x.national, 'follow-up'))
        .filter((st): st is StageState => st !== undefined);
      const within = stages.filter((st) => st.state === 'met' && st.workingDaysUsed <= days).length;
      const decidedFor = stages.filter((st) => st.state === 'met' || st.workingDaysUsed > days).length;
      return { days, share: share(within, decidedFor) };
    }),
    calendarGaps: [...gaps].sort(),
  };
}

export { lowVolumeRatio, minimumCases } from './semester-method';

/** A share with its parts; `value` only from `minimumCases` cases on. */
export function share(numerator: number, denominator: number): Share {
  return {
    numerator,
    denominator,
    ...(denominator >= minimumCases ? { value: numerator / denominator } : {}),
  };
}

const { weights } = evaluationMethod;

/** Whether a regency received enough complaints to be scored among the others. */
export const isEvaluable = (m: Pick<RegencyMetrics, 'received'>) => m.received.total >= minimumCases;

/**
 * The terms of the composite score. A term without enough evidence is counted as 0, never
 * dropped: dropping it re-weighted the others and gave a regency with no complaints 50 points.
 * Only V is dropped, for every regency alike, when the province has no population figures at all.
 */
export function scoreParts(m: RegencyMetrics, provincePerHundredThousand: number | undefined): ScorePart[] {
  const evaluable = isEvaluable(m);
  const fromShare = (key: 'T' | 'S', s: Share): ScorePart => ({
    key,
    weight: weights[key],
    value: s.value ?? 0,
    counted: s.value !== undefined,
    numerator: s.numerator,
    denominator: s.denominator,
  });
  const withinLimit = m.backlogAtEnd - m.overdueAtEnd;
  const parts: ScorePart[] = [
    fromShare('T', m.followUpWithinLimit.national),
    fromShare('S', m.completedWithinLimit),
    {
      key: 'K',
      weight: weights.K,
      value: evaluable ? (m.backlogAtEnd > 0 ? withinLimit / m.backlogAtEnd : 1) : 0,
      counted: evaluable,
      numerator: withinLimit,
      denominator: m.backlogAtEnd,
    },
  ];
  if (provincePerHundredThousand !== undefined && provincePerHundredThousand > 0) {
    const own = m.perHundredThousand ?? 0;
    parts.push({
      key: 'V',
      weight: weights.V,
      value: Math.min(1, own / provincePerHundredThousand),
      counted: m.perHundredThousand !== undefined,
      numerator: own,
      denominator: provincePerHundredThousand,
    });
  }
  return parts;
}

/** 100 × Σ weight × value / Σ weight. */
export function scoreFromParts(parts: readonly ScorePart[]): number {
  const weight = parts.reduce((w, p) => w + p.weight, 0);
  return weight === 0 ? 0 : (100 * parts.reduce((sum, p) => sum + p.weight * p.value, 0)) / weight;
}

export function compositeScore(m: RegencyMetrics, provincePerHundredThousand: number | undefined): number {
  return scoreFromParts(scoreParts(m, provincePerHundredThousand));
}

/** The flag by score band alone (with the admin cap); `flagOf` adds the volume rules. */
export function flagFor(score: number, daysWithoutAdminCount: number): Flag {
  const { bands, noAdminCapDays } = evaluationMethod;
  const byScore: Flag = score >= bands.hijau ? 'hijau' : score >= bands.kuning ? 'kuning' : 'merah';
  return byScore === 'hijau' && daysWithoutAdminCount >= noAdminCapDays ? 'kuning' : byScore;
}

/** The flag and what decided it: volume first (the province's first concern), then the score. */
export function flagOf(
  m: RegencyMetrics,
  score: number,
  provincePerHundredThousand: number | undefined,
): { flag: Flag; reasons: FlagReason[] } {
  const reasons: FlagReason[] = [];
  if (!isEvaluable(m)) reasons.push('too-few');
  else if (
    m.perHundredThousand !== undefined &&
    provincePerHundredThousand !== undefined &&
    m.perHundredThousand < lowVolumeRatio * provincePerHundredThousand
  )
    reasons.push('low-volume');
  const byScore = flagFor(score, 0);
  const capped = flagFor(score, m.daysWithoutAdmin);
  if (reasons.length > 0) {
    if (byScore === 'merah') reasons.push('score');
    if (m.daysWithoutAdmin >= evaluationMethod.noAdminCapDays) reasons.push('no-admin');
    return { flag: 'merah', reasons };
  }
  if (capped !== byScore) return { flag: capped, reasons: ['no-admin'] };
  return { flag: byScore, reasons: ['score'] };
}

interface Standing {
  tier: number;
  score: number;
  code: string;
}

/**
 * Ranking order: regencies that can be evaluated first, then those flagged MERAH for low volume,
 * then those with too few complaints; within a tier by score, then by code. So a regency with
 * (almost) no complaints never outranks one that handled complaints, and flag and rank agree.
 */
function byStanding(a: Standing, b: Standing): number {
  return a.tier - b.tier || b.score - a.score || a.code.localeCompare(b.code);
}

const tierOf = (reasons: readonly FlagReason[]) =>
  reasons.includes('too-few') ? 2 : reasons.includes('low-volume') ? 1 : 0;

/**
 * The worked example printed on the method page under the formula; unit-tested, so the page and
 * the code cannot disagree.
 */
export const workedExample = {
  received: 120,
  followUp: { numerator: 90, denominator: 100 },
  completed: { numerator: 70, denominator: 80 },
  backlogAtEnd: 20,
  overdueAtEnd: 5,
  perHundredThousand: 30,
  provincePerHundredThousand: 40,
} as const;

/** The worked example with its rows, and the edge cases beside it. */
export function workedScoreExample(): ScoreExample {
  const e = workedExample;
  const rows: ScoreExample['rows'] = [
    {
      key: 'T',
      label: 'Tindak lanjut pertama tepat waktu',
      basis: `${e.followUp.numerator} dari ${e.followUp.denominator}`,
      value: e.followUp.numerator / e.followUp.denominator,
      weight: weights.T,
    },
    {
      key: 'S',
      label: 'Penyelesaian tepat waktu',
      basis: `${e.completed.numerator} dari ${e.completed.denominator}`,
      value: e.completed.numerator / e.completed.denominator,
      weight: weights.S,
    },
    {
      key: 'K',
      label: 'Tunggakan belum lewat batas',
      basis: `${e.backlogAtEnd - e.overdueAtEnd} dari ${e.backlogAtEnd} (${e.overdueAtEnd} lewat batas)`,
      value: (e.backlogAtEnd - e.overdueAtEnd) / e.backlogAtEnd,
      weight: weights.K,
    },
    {
      key: 'V',
      label: 'Volume',
      basis: `${e.perHundredThousand} per 100.000 penduduk; provinsi ${e.provincePerHundredThousand}`,
      value: Math.min(1, e.perHundredThousand / e.provincePerHundredThousand),
      weight: weights.V,
    },
  ];
  const score = scoreFromParts(rows.map((r) => ({ ...r, counted: true, numerator: 0, denominator: 0 })));
  return {
    rows,
    score,
    flag: flagFor(score, 0),
    notes: [
      `Tanpa laporan sama sekali: T = S = K = V = 0, skor 0, status MERAH (volume), di bawah semua daerah lain.`,
      `Satu dari satu laporan tepat waktu bukan bukti 100%: tidak ditulis sebagai persen, T = 0 (bukti minimum ${minimumCases}).`,
      `${minimumCases - 1} laporan diterima, semuanya tepat waktu: T = S = K = 0, status MERAH (volume), diperingkat setelah daerah yang menerima ${minimumCases} laporan atau lebih.`,
    ],
  };
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

const mean = (values: readonly number[]) =>
  values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : undefined;

function medianOf(values: readonly number[]): number | undefined {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length / 2;
  return Number.isInteger(mid)
    ? ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
    : (sorted[Math.floor(mid)] as number);
}

/** The province figures each regency is compared with. */
export function provinceComparison(
  list: readonly (RegencyMetrics & { score?: number })[],
): ProvinceComparison {
  const per100k = list.flatMap((r) => (r.perHundredThousand === undefined ? [] : [r.perHundredThousand]));
  const rate = perHundredThousandOf(list);
  const scores = list.flatMap((r) => (r.score === undefined ? [] : [r.score]));
  const lowest = per100k.length > 0 ? Math.min(...per100k) : undefined;
  const averageScore = mean(scores);
  const averageReceived = mean(list.map((r) => r.received.total));
  const averageBacklog = mean(list.map((r) => r.backlogAtEnd));
  const averageOverdue = mean(list.map((r) => r.overdueAtEnd));
  const averageDaysWithoutAdmin = mean(list.map((r) => r.daysWithoutAdmin));
  const medianFollowUpDays = medianOf(list.flatMap((r) => r.workingDaysToFollowUp.median ?? []));
  return {
    count: list.length,
    verified: sumShares(list.map((r) => r.verifiedWithinLimit)),
    followUpNational: sumShares(list.map((r) => r.followUpWithinLimit.national)),
    followUpProvincial: sumShares(list.map((r) => r.followUpWithinLimit.provincial)),
    completed: sumShares(list.map((r) => r.completedWithinLimit)),
    ...(rate === undefined ? {} : { perHundredThousand: rate }),
    ...(lowest === undefined ? {} : { lowestPerHundredThousand: lowest }),
    ...(averageReceived === undefined ? {} : { averageReceived }),
    ...(averageBacklog === undefined ? {} : { averageBacklog }),
    ...(averageOverdue === undefined ? {} : { averageOverdue }),
    ...(averageDaysWithoutAdmin === undefined ? {} : { averageDaysWithoutAdmin }),
    ...(averageScore === undefined ? {} : { averageScore }),
    ...(medianFollowUpDays === undefined ? {} : { medianFollowUpDays }),
    regenciesWithoutAdmin: list.filter((r) => r.daysWithoutAdmin > 0).length,
  };
}

/**
 * Ranks the regencies of a province on the composite score and builds the province view.
 * @param previous the regencies' previous-semester metrics, by code
 */
export function rankProvince(input: {
  semester: Semester;
  semesterLabel: string;
  previousSemesterLabel: string;
  province: ProvinceSemester['province'];
  current: readonly RegencyMetrics[];
  previous: ReadonlyMap<string, RegencyMetrics>;
  method: ProvinceSemester['method'];
}): ProvinceSemester {
  const provinceRate = perHundredThousandOf(input.current);
  const previousList = [...input.previous.values()];
  const previousRate = perHundredThousandOf(previousList);
  const standing = (m: RegencyMetrics, rate: number | undefined) => {
    const parts = scoreParts(m, rate);
    const score = scoreFromParts(parts);
    const { flag, reasons } = flagOf(m, score, rate);
    return { m, parts, score, flag, reasons, tier: tierOf(reasons), code: m.regencyCode };
  };
  const previousScores = previousList.map((m) => standing(m, previousRate)).sort(byStanding);
  const scored = input.current.map((m) => standing(m, provinceRate)).sort(byStanding);
  const ranked: RankedMetrics[] = scored.map(({ m, score, parts, flag, reasons }, i) => {
    const prev = input.previous.get(m.regencyCode);
    const prevRank = previousScores.findIndex((p) => p.code === m.regencyCode);
    const evaluable = isEvaluable(m);
    return {
      ...m,
      score,
      scoreParts: parts,
      evaluable,
      rank: i + 1,
      of: scored.length,
      flag,
      flagReasons: reasons,
      ...(prev && prev.received.total > 0
        ? { previous: { ...prev, score: previousScores[prevRank]?.score ?? 0, rank: prevRank + 1 } }
        : {}),
      changeSentences: changeSentences(m, prev, input.previousSemesterLabel),
    };
  });
  const comparison = provinceComparison(ranked);
  const regencies = ranked.map((r) => ({
    ...r,
    lagReasons: lagReasons(r, { comparison, regencies: ranked }),
  }));
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
            ...(previousRate === undefined ? {} : { perHundredThousand: previousRate }),
            followUpWithinLimit: sumShares(previousList.map((m) => m.followUpWithinLimit.national)),
            followUpProvincial: sumShares(previousList.map((m) => m.followUpWithinLimit.provincial)),
            completedWithinLimit: sumShares(previousList.map((m) => m.completedWithinLimit)),
            backlogAtEnd: previousList.reduce((n, m) => n + m.backlogAtEnd, 0),
            overdueAtEnd: previousList.reduce((n, m) => n + m.overdueAtEnd, 0),
            regenciesWithoutAdmin: previousList.filter((m) => m.daysWithoutAdmin > 0).length,
            regencies: previousList.length,
          },
        }
      : {}),
    comparison,
    method: input.method,
  };
}

/** The calendar date after a date (YYYY-MM-DD). */
function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
