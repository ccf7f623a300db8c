import type { CalendarYear, WorkingCalendar } from './calendar';
import { type PublicCitizenFigures, publicCitizenFigures } from './citizen-figures';
import { commitmentOutcome } from './commitments';
import { type Classification, classificationLabels, classifications } from './complaint';
import { digestItems } from './deadlines';
import type { IndicatorKey } from './indicators';
import { lagReasonsOf } from './lag-reasons';
import { type LawAndSettings, lawAndSettings } from './law-and-settings';
import { definitions, flagRule, scoreFormula } from './method-text';
import { outreachRule } from './outreach';
import type { Office } from './place-profile';
import { type Regency, type Regions, regencyDisplayName } from './regions';
import { daysWithoutAdmin, type RosterEntry, recipientsOn } from './roster';
import { lastEndedSemester, semester as semesterOf } from './semester';
import { minimumCases, share } from './semester-evaluation';
import { evaluationMethod } from './semester-method';
import type { Flag, FlagReason, LagReason, ProvinceSemester, RankedMetrics, Share } from './semester-metrics';
import { computeSla } from './sla';
import {
  appliedRulesCitation,
  effectiveUntil,
  policyInForce,
  type SlaPolicy,
  type SlaRules,
  versionsOf,
} from './sla-policy';
import { publicCategories, publicMinimum, roundFigures, type ShownShare, shownShare } from './small-numbers';
import type { Snapshot } from './snapshot';
import type { Zone } from './zone';

/**
 * The public scoreboard's figures: one object from which every page, the CSV and the JSON of the
 * open-data page are laid out (templates/site.ts), so that a figure is computed once. Aggregates
 * only: no tracking id, no complaint text, no person's name (offices only).
 *
 * Two instants meet here: the ranking and the on-time shares are the last ended semester's
 * evaluation (the same ProvinceSemester the PDFs print), while "today" is the state at the daily
 * check's instant, computed with the check's own rule (deadlines.digestItems).
 */

/** Identifies the JSON of the open-data page; bumped only with a breaking change of its shape. */
export const scoreboardSchema = { id: 'lapor-paman-papan-skor', version: 1 } as const;

/**
 * Below this many decided cases a share is published without its count or percentage (only "fewer
 * than 5 cases"): the small-number rule of small-numbers.ts, the evaluation's own minimum.
 */
export const minimumCasesForShare = minimumCases;

/** The licence of the published figures, named on every page and in the JSON. */
export const defaultLicence = {
  name: 'Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.id',
} as const;

/**
 * HOOK for the heads' commitments (issue 18, section 3): when the commitments domain lands, the
 * publisher passes each regency's outcome here and the province page adds its column. Until then
 * no regency carries one and the page says that commitments are not recorded yet.
 */
export interface CommitmentOutcome {
  /**
   * 'kept': every target met; 'not-kept': at least one missed; 'unjudged': in force, too little
   * evidence to judge; 'none' / 'expired': no commitment in force.
   */
  status: 'kept' | 'not-kept' | 'unjudged' | 'none' | 'expired';
  /** One plain Indonesian sentence, e.g. "2 dari 3 target terpenuhi". */
  summary: string;
}

export interface ScoreboardRegency {
  code: string;
  /** "Kabupaten Tanah Laut" */
  name: string;
  /** "tanah-laut", "kota-banjarmasin": the page's file name after the code. */
  slug: string;
  headTitle: 'Bupati' | 'Wali Kota';
  population?: { value: number; year: number };
  /** The last ended semester's evaluation; absent before the first semester run. */
  semester?: {
    rank: number;
    of: number;
    score: number;
    flag: Flag;
    /** What decided the flag, strongest first (semester evaluation). */
    flagReasons: FlagReason[];
    /**
     * Why the regency lags, strongest first: the same reasons the head's PDF and the province summary
     * print (functions/domain/lag-reasons.ts), with shares under the small-number rule and no
     * complaint's date.
     */
    lagReasons: PublicLagReason[];
    received: number;
    perHundredThousand?: number;
    verifiedWithinLimit: ShownShare;
    followUpNational: ShownShare;
    followUpProvincial: ShownShare;
    completedWithinLimit: ShownShare;
    medianWorkingDaysToFollowUp?: number;
    medianWorkingDaysToCompletion?: number;
    backlogAtEnd: number;
    overdueAtEnd: number;
    daysWithoutAdmin: number;
    byClassification: { classification: Classification; label: string; count: number }[];
    /** Most frequent first, at most 10. */
    byCategory: { category: string; count: number }[];
    calendarGaps: number[];
    /** Channels and ratings, small numbers folded (functions/domain/citizen-figures.ts). */
    citizens?: PublicCitizenFigures;
  };
  /** At the instant of the daily check. */
  today: {
    /** Open complaints, whenever received (tunggakan). */
    open: number;
    /** Of them, past the limit of their current stage: the daily check's count. */
    overdue: number;
    adminInOffice: boolean;
    /** Days of the running semester so far without a liaison admin in office. */
    daysWithoutAdminThisSemester: number;
  };
  /** Complaints received per month, the 12 months up to the current one. */
  months: { month: string; received: number }[];
  commitment?: CommitmentOutcome;
}

export interface Scoreboard {
  schema: typeof scoreboardSchema.id;
  version: typeof scoreboardSchema.version;
  /**
   * Names and the zone `date` is in (the place profile): IANA id and WIB/WITA/WIT; the local time of
   * the daily check (`HH:mm`) and the office that answers readers.
   */
  province: {
    code: string;
    name: string;
    brand: string;
    timeZone: string;
    timeZoneAbbreviation: string;
    dailyCheck: string;
    office?: Office;
  };
  /** The instant of the "today" figures (the daily check's instant), UTC ISO. */
  at: string;
  /** Its date in the province's zone. */
  date: string;
  generatedAt: string;
  /** The running semester: "Semester II 2026 (Juli–Desember)", from its first day to `date`. */
  runningSemester: { id: string; label: string; firstDate: string };
  semester?: {
    id: string;
    label: string;
    /** Data cut-off, UTC ISO. */
    cutoff: string;
    /** "Januari–Juni 2026": the period every share of the semester is stated with. */
    period: string;
    totals: {
      received: number;
      perHundredThousand?: number;
      verifiedWithinLimit: ShownShare;
      followUpWithinLimit: ShownShare;
      followUpProvincial: ShownShare;
      completedWithinLimit: ShownShare;
      backlogAtEnd: number;
      overdueAtEnd: number;
      /** Means over the regencies, for "the regency against the province". */
      average: {
        score: number;
        received: number;
        backlogAtEnd: number;
        overdueAtEnd: number;
        daysWithoutAdmin: number;
      };
      flags: Record<Flag, number>;
    };
  };
  today: { open: number; overdue: number; regenciesWithoutAdmin: number };
  /** Province total received per month, the same 12 months as each regency's. */
  months: { month: string; received: number }[];
  /** Ranked by the semester when there is one, else by code. */
  regencies: ScoreboardRegency[];
  method: {
    checkPolicy: string;
    policies: {
      id: string;
      version: number;
      name: string;
      source: string;
      effectiveFrom: string;
      /** Last day of a version a later one replaced. */
      effectiveUntil?: string;
      limits: SlaPolicy['limits'];
    }[];
    calendarYears: { year: number; status: string; sources: string[] }[];
    scoreFormula: string[];
    flagRule: string;
    definitions: { term: string; meaning: string }[];
    minimumCasesForShare: number;
    /** The flag rule's settings the page words (functions/domain/semester-method.ts). */
    flagSettings: { minimumCases: number; lowVolumeRatio: number; noAdminCapDays: number };
    populationSource?: string;
    /** How an outreach event's effect is judged, with its settings (functions/domain/outreach.ts). */
    outreachRule: string;
    /** Which numbers are law and which are settings, and how a complaint's rule is chosen. */
    lawAndSettings: LawAndSettings;
  };
  licence: { name: string; url: string };
  /** True while no commitment outcome is known for any regency (the hook above is unfed). */
  commitmentsRecorded: boolean;
}

export interface ScoreboardInput {
  /** The daily check's instant. */
  at: Date;
  generatedAt: Date;
  regions: Regions;
  /** The last ended semester's ranked evaluation, when it has been run. */
  province?: ProvinceSemester;
  /** Every open complaint per regency (the open-by-due index, paused ones included). */
  open: ReadonlyMap<string, readonly Snapshot[]>;
  /** The daily check's policy and calendar. */
  sla: { policy: SlaRules; calendar: WorkingCalendar };
  /** The policies the semester measures against (every version), for the method page. */
  policies: readonly SlaRules[];
  calendarYears: readonly CalendarYear[];
  roster: readonly RosterEntry[];
  /** Complaints received per month (the ingest counters), per regency: month -> count. */
  received: ReadonlyMap<string, ReadonlyMap<string, number>>;
  population: ReadonlyMap<string, { value: number; year: number; source: string }>;
  commitments?: ReadonlyMap<string, CommitmentOutcome>;
  licence?: { name: string; url: string };
}

export { type ShownShare, shownShare } from './small-numbers';

/** A lag reason as the public page may show it: shares under the small-number rule, no complaint's date. */
export type PublicLagReason =
  | Exclude<LagReason, { own: Share } | { kind: 'oldest-open' }>
  | (Omit<Extract<LagReason, { own: Share }>, 'own' | 'province'> & { own: ShownShare; province: ShownShare })
  | Omit<Extract<LagReason, { kind: 'oldest-open' }>, 'since'>;

function publicLagReason(reason: LagReason): PublicLagReason {
  if ('own' in reason)
    return { ...reason, own: shownShare(reason.own), province: shownShare(reason.province) };
  if (reason.kind === 'oldest-open') return { kind: reason.kind, workingDays: reason.workingDays };
  // "4 dari 4 laporan terbuka" is a share of a few cases: the count alone is published.
  if (reason.kind === 'overdue' && (reason.backlog ?? 0) < publicMinimum)
    return { kind: reason.kind, overdue: reason.overdue };
  return reason;
}

/** "tanah-laut", "kota-banjarmasin" */
export function regencySlug(regency: Regency): string {
  const base = regency.kind === 'kota' ? `kota ${regency.name}` : regency.name;
  return base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The 12 months (YYYY-MM) ending with the month of a date. */
export function twelveMonths(date: string): string[] {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const m = year * 12 + (month - 1) - (11 - i);
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** The semester a date (in the province's zone) falls in. */
function semesterOfDate(date: string, zone: Zone) {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return semesterOf(year, month <= 6 ? 1 : 2, zone);
}

/** "Januari–Juni 2026" from "Semester I 2026 (Januari–Juni)". */
function periodOf(label: string, year: number): string {
  const months = /\(([^)]+)\)/.exec(label)?.[1] ?? label;
  return `${months} ${year}`;
}

/**
 * The commitment the semester evaluation judged (`RankedMetrics.commitment`), as the scoreboard
 * shows it: its standing and its one-line summary, never the signatory. One judgement, in
 * functions/domain/commitments.ts, shared with the PDFs.
 */
function commitmentOf(r: RankedMetrics | undefined): CommitmentOutcome | undefined {
  return r?.commitment ? commitmentOutcome(r.commitment) : undefined;
}

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((n, v) => n + v, 0) / values.length : 0;

const sumShares = (shares: readonly Share[]) =>
  share(
    shares.reduce((n, s) => n + s.numerator, 0),
    shares.reduce((n, s) => n + s.denominator, 0),
  );

/** Builds the scoreboard. Pure: the same input gives the same figures. */
export function buildScoreboard(input: ScoreboardInput): Scoreboard {
  const zone = input.regions.zone;
  const date = zone.date(input.at);
  const running = semesterOfDate(date, zone);
  const months = twelveMonths(date);
  const p = input.province;
  const ranked = new Map(p?.regencies.map((r) => [r.regencyCode, r]));
  const applied = new Set<string>();

  const regencies: ScoreboardRegency[] = input.regions.regencies.map((regency) => {
    const open = input.open.get(regency.code) ?? [];
    const stillOpen = open.filter((s) => {
      const sla = computeSla(s.timeline, input.sla.policy, input.sla.calendar, input.at, s.submittedAt);
      if (sla.open) applied.add(sla.policyId);
      return sla.open;
    });
    // The daily check's own decision, so the two can never disagree on "overdue today".
    const items = digestItems(open, input.sla, input.at, input.at.toISOString(), input.at.toISOString());
    const r = ranked.get(regency.code);
    const population = input.population.get(regency.code);
    const received = input.received.get(regency.code);
    const commitment = input.commitments?.get(regency.code) ?? commitmentOf(r);
    return {
      code: regency.code,
      name: regencyDisplayName(regency),
      slug: regencySlug(regency),
      headTitle: regency.headTitle,
      ...(population ? { population: { value: population.value, year: population.year } } : {}),
      ...(r
        ? {
            semester: {
              rank: r.rank,
              of: r.of,
              score: r.score,
              flag: r.flag,
              flagReasons: r.flagReasons,
              lagReasons: lagReasonsOf(r, p as ProvinceSemester).map(publicLagReason),
              received: r.received.total,
              ...(r.perHundredThousand === undefined ? {} : { perHundredThousand: r.perHundredThousand }),
              verifiedWithinLimit: shownShare(r.verifiedWithinLimit),
              followUpNational: shownShare(r.followUpWithinLimit.national),
              followUpProvincial: shownShare(r.followUpWithinLimit.provincial),
              completedWithinLimit: shownShare(r.completedWithinLimit),
              ...(r.workingDaysToFollowUp.median === undefined
                ? {}
                : { medianWorkingDaysToFollowUp: r.workingDaysToFollowUp.median }),
              ...(r.workingDaysToCompletion.median === undefined
                ? {}
                : { medianWorkingDaysToCompletion: r.workingDaysToCompletion.median }),
              backlogAtEnd: r.backlogAtEnd,
              overdueAtEnd: r.overdueAtEnd,
              daysWithoutAdmin: r.daysWithoutAdmin,
              byClassification: classifications.map((c) => ({
                classification: c,
                label: classificationLabels[c],
                count: r.received.byClassification[c] ?? 0,
              })),
              byCategory: publicCategories(r.received.byCategory),
              calendarGaps: r.calendarGaps,
              ...(r.channels && r.ratings && r.reporterReplies
                ? {
                    citizens: publicCitizenFigures({
                      channels: r.channels,
                      ratings: r.ratings,
                      reporterReplies: r.reporterReplies,
                    }),
                  }
                : {}),
            },
          }
        : {}),
      today: {
        open: stillOpen.length,
        overdue: items.filter((i) => i.breached).length,
        adminInOffice: !recipientsOn(input.roster, regency.code, date).vacant,
        daysWithoutAdminThisSemester: daysWithoutAdmin(input.roster, regency.code, running.firstDate, date),
      },
      months: months.map((month) => ({ month, received: received?.get(month) ?? 0 })),
      ...(commitment ? { commitment } : {}),
    };
  });
  regencies.sort(
    (a, b) =>
      (a.semester?.rank ?? Number.POSITIVE_INFINITY) - (b.semester?.rank ?? Number.POSITIVE_INFINITY) ||
      a.code.localeCompare(b.code),
  );

  const flags: Record<Flag, number> = { hijau: 0, kuning: 0, merah: 0 };
  for (const r of p?.regencies ?? []) flags[r.flag] += 1;
  const populationSource = [...input.population.values()][0];
  // Published: fractions rounded (small-numbers.ts).
  return roundFigures({
    schema: scoreboardSchema.id,
    version: scoreboardSchema.version,
    province: {
      code: input.regions.province.code,
      name: input.regions.province.name,
      brand: input.regions.province.brand,
      timeZone: input.regions.province.timeZone,
      timeZoneAbbreviation: input.regions.province.timeZoneAbbreviation,
      dailyCheck: input.regions.province.schedule.dailyCheck,
      ...(input.regions.province.office ? { office: input.regions.province.office } : {}),
    },
    at: input.at.toISOString(),
    date,
    generatedAt: input.generatedAt.toISOString(),
    runningSemester: {
      id: running.id,
      label: `Semester ${running.half === 1 ? 'I' : 'II'} ${running.year}`,
      firstDate: running.firstDate,
    },
    ...(p
      ? {
          semester: {
            id: p.semester,
            label: p.semesterLabel,
            cutoff: p.method.cutoff,
            period: periodOf(p.semesterLabel, Number(p.semester.slice(0, 4))),
            totals: {
              received: p.totals.received,
              ...(p.totals.perHundredThousand === undefined
                ? {}
                : { perHundredThousand: p.totals.perHundredThousand }),
              verifiedWithinLimit: shownShare(sumShares(p.regencies.map((r) => r.verifiedWithinLimit))),
              followUpWithinLimit: shownShare(p.totals.followUpWithinLimit),
              followUpProvincial: shownShare(
                sumShares(p.regencies.map((r) => r.followUpWithinLimit.provincial)),
              ),
              completedWithinLimit: shownShare(p.totals.completedWithinLimit),
              backlogAtEnd: p.totals.backlogAtEnd,
              overdueAtEnd: p.totals.overdueAtEnd,
              average: {
                score: mean(p.regencies.map((r) => r.score)),
                received: mean(p.regencies.map((r) => r.received.total)),
                backlogAtEnd: mean(p.regencies.map((r) => r.backlogAtEnd)),
                overdueAtEnd: mean(p.regencies.map((r) => r.overdueAtEnd)),
                daysWithoutAdmin: mean(p.regencies.map((r) => r.daysWithoutAdmin)),
              },
              flags,
            },
          },
        }
      : {}),
    today: {
      open: regencies.reduce((n, r) => n + r.today.open, 0),
      overdue: regencies.reduce((n, r) => n + r.today.overdue, 0),
      regenciesWithoutAdmin: regencies.filter((r) => !r.today.adminInOffice).length,
    },
    months: months.map((month) => ({
      month,
      received: regencies.reduce((n, r) => n + (r.months.find((m) => m.month === month)?.received ?? 0), 0),
    })),
    regencies,
    method: {
      // Today's open complaints, each judged by the rule of its submission day.
      checkPolicy: appliedRulesCitation(input.sla.policy, [...applied], date),
      policies: input.policies.flatMap((rules) =>
        versionsOf(rules).map((x) => {
          const until = effectiveUntil(rules, x);
          return {
            id: x.id,
            version: x.version,
            name: x.name,
            source: x.source,
            effectiveFrom: x.effectiveFrom,
            ...(until ? { effectiveUntil: until } : {}),
            limits: x.limits,
          };
        }),
      ),
      calendarYears: input.calendarYears
        .filter((y) => y.year >= running.year - 1 && y.year <= running.year + 1)
        .map((y) => ({ year: y.year, status: y.status, sources: Object.values(y.sources) })),
      scoreFormula: p?.method.scoreFormula ?? scoreFormula,
      flagRule: p?.method.flagRule ?? flagRule,
      definitions:
        p?.method.definitions ?? definitions(input.regions.zone, policyInForce(input.sla.policy, date)),
      minimumCasesForShare,
      flagSettings: {
        minimumCases: evaluationMethod.minimumCases,
        lowVolumeRatio: evaluationMethod.lowVolumeRatio,
        noAdminCapDays: evaluationMethod.noAdminCapDays,
      },
      lawAndSettings: p?.method.lawAndSettings ?? lawAndSettings({ national: input.sla.policy }),
      ...(populationSource
        ? { populationSource: `${populationSource.source} (tahun ${populationSource.year})` }
        : {}),
      outreachRule: p?.method.outreachRule ?? outreachRule(),
    },
    licence: input.licence ?? { ...defaultLicence },
    commitmentsRecorded: regencies.some((r) => r.commitment !== undefined),
  });
}

type PublicSemester = NonNullable<ScoreboardRegency['semester']>;
type PublicTotals = NonNullable<Scoreboard['semester']>['totals'];

/**
 * Where each indicator (functions/domain/indicators.ts) sits in the published figures: a regency's
 * value and the province's reference, as the scoreboard publishes them (shares under the
 * small-number rule). Undefined: the scoreboard does not publish it.
 */
export const publicIndicators: Readonly<
  Record<
    IndicatorKey,
    | {
        value: (m: PublicSemester) => number | ShownShare | undefined;
        province: (t: PublicTotals) => number | ShownShare | undefined;
      }
    | undefined
  >
> = {
  received: { value: (m) => m.received, province: (t) => t.average.received },
  perHundredThousand: { value: (m) => m.perHundredThousand, province: (t) => t.perHundredThousand },
  verifiedWithinLimit: { value: (m) => m.verifiedWithinLimit, province: (t) => t.verifiedWithinLimit },
  followUpNational: { value: (m) => m.followUpNational, province: (t) => t.followUpWithinLimit },
  followUpProvincial: { value: (m) => m.followUpProvincial, province: (t) => t.followUpProvincial },
  completedWithinLimit: { value: (m) => m.completedWithinLimit, province: (t) => t.completedWithinLimit },
  medianFollowUpDays: undefined,
  backlogAtEnd: { value: (m) => m.backlogAtEnd, province: (t) => t.average.backlogAtEnd },
  overdueAtEnd: { value: (m) => m.overdueAtEnd, province: (t) => t.average.overdueAtEnd },
  daysWithoutAdmin: { value: (m) => m.daysWithoutAdmin, province: (t) => t.average.daysWithoutAdmin },
};

/** The semester whose evaluation the scoreboard shows at an instant: the last one that ended. */
export const scoreboardSemester = (at: Date, zone: Zone) => lastEndedSemester(at, zone);
