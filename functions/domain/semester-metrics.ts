import type { CommitmentResult } from './commitment-result';
import type { Classification } from './complaint';
import type { InspectionFigures } from './field-inspection';
import type { LawAndSettings } from './law-and-settings';
import type { OutreachEffect } from './outreach';
import type { Office } from './place-profile';
import type { SlaState, Stage } from './sla';

/**
 * The figures of one regency's semester evaluation. Computed from the complaints' event
 * histories with the SLA engine (functions/domain/semester-evaluation.ts); rendered by
 * templates/semester-report-pdf.ts. All durations are working days (HK, Asia/Makassar).
 */

/**
 * A share with its parts, so a report can print "42 dari 50 (84,0%)". `value` is present only from
 * `minimumCases` (5) cases on: below that the count is printed, not a share, and it earns no score
 * (functions/domain/semester-evaluation.ts).
 */
export interface Share {
  numerator: number;
  denominator: number;
  value?: number;
}

export interface Distribution {
  count: number;
  median?: number;
  p90?: number;
  /** Buckets of working days, e.g. "0–1", "2–3", ... ">60". */
  histogram: { label: string; count: number }[];
}

export interface FieldInspectionCase {
  trackingId: string;
  submittedAt: string;
  /** Working days from disposition to completion, or to the cut-off while still open. */
  workingDays: number;
  open: boolean;
  /** Its completion limit in HK (the class's limit in the version it is judged by). */
  limit?: number;
  /** Past that limit. */
  late?: boolean;
}

/*
 * The citizens' side of a semester (functions/domain/citizen-figures.ts computes it): channels, kecamatan,
 * ratings, reporter replies. Optional on a regency's figures: data from before these columns has none.
 */

/** Complaints per channel, with the province's mix beside it. */
export interface ChannelFigures {
  /** Complaints received (the cohort). */
  total: number;
  /** Of those, how many said their channel (an export with `Sumber Laporan`, or an update with `channel`). */
  known: number;
  /** Every channel of the data file (the province's order), "lainnya" last; only those with complaints in the province. */
  byChannel: { channel: string; label: string; count: number; share: Share; province?: Share }[];
}

/** Complaints per kecamatan where the problem is. */
export interface DistrictFigures {
  /** Complaints whose kecamatan is known. */
  known: number;
  /** Complaints without a kecamatan. */
  unknown: number;
  /** Whether the province's kecamatan list covers this regency (else no kecamatan can be named silent). */
  listed: boolean;
  /** Every listed kecamatan (zeros included) in code order, then kecamatan written that the list does not know. */
  byDistrict: {
    district: string;
    code?: string;
    count: number;
    /** Complaints per 10,000 inhabitants, where the kecamatan's population is supplied. */
    perTenThousand?: number;
    population?: { value: number; year: number; source: string };
    /** Not in the kecamatan list (as written in the data). */
    unlisted?: true;
  }[];
  /** Listed kecamatan with no complaint this semester. */
  silent: string[];
  /** The kecamatan list's source. */
  source?: string;
}

/** What reporters rated the handling (LAPOR! `Rating`). */
export interface RatingFigures {
  /** Complaints completed (Terdisposisi Selesai): the ones a reporter could rate. */
  completed: number;
  /** Of the completed, how many carry a rating. */
  rated: Share;
  /** The ratings given (every rated complaint of the cohort), most frequent first; a share from 5 ratings on. */
  distribution: { value: string; count: number; share: Share }[];
}

/** Reporters who answered a unit's follow-up (`Ditanggapi oleh Pelapor`). */
export interface ReporterReplyFigures {
  /** Complaints that got a follow-up (reached Sedang Diproses or Selesai). */
  followedUp: number;
  /** Of those, the share whose reporter answered. */
  answered: Share;
}

export interface CitizenFigures {
  channels: ChannelFigures;
  districts: DistrictFigures;
  ratings: RatingFigures;
  reporterReplies: ReporterReplyFigures;
}

export interface RegencyMetrics extends Partial<CitizenFigures> {
  semester: string;
  regencyCode: string;
  /**
   * Ids of the policy versions that judged this regency's complaints (each by its submission day);
   * absent in metrics stored before policies were versioned.
   */
  policiesApplied?: { national: string[]; provincial: string[] };
  /** "Kabupaten Tanah Laut" */
  regencyName: string;
  headTitle: 'Bupati' | 'Wali Kota';
  population?: { value: number; year: number; source: string };
  received: {
    total: number;
    /** The semester's six months in order, YYYY-MM. */
    byMonth: { month: string; count: number }[];
    byClassification: Record<Classification, number>;
    /** Most frequent first, at most 10. */
    byCategory: { category: string; count: number }[];
  };
  /** Complaints received per 100,000 inhabitants. */
  perHundredThousand?: number;
  /** Of complaints whose verification was decided by the cut-off, the share within the limit. */
  verifiedWithinLimit: Share;
  /** First follow-up within the limit, under the national and the provincial policy. */
  followUpWithinLimit: { national: Share; provincial: Share };
  /** Completed within the limit of their class. */
  completedWithinLimit: Share;
  workingDaysToFollowUp: Distribution;
  workingDaysToCompletion: Distribution;
  /** Open at the cut-off, whenever received. */
  backlogAtEnd: number;
  /** Open at the cut-off with a deadline missed (see `missedDeadline`). */
  overdueAtEnd: number;
  oldestOpen?: { trackingId: string; submittedAt: string; workingDaysOpen: number; stage?: Stage };
  /**
   * Field inspections planned in the semester (`fieldInspections` of semester-report --json): planned,
   * done on time, late, and the working days from disposition to inspection and on to completion.
   * Absent in figures stored before inspections were recorded.
   */
  fieldInspections?: InspectionFigures;
  fieldInspection: {
    count: number;
    completed: number;
    medianWorkingDays?: number;
    cases: FieldInspectionCase[];
    /**
     * The completion limit of a complaint that needs a field inspection (pengaduan berkadar
     * pengawasan), in HK, under the national version in force at the cut-off. Absent in figures
     * stored before it was recorded.
     */
    limit?: number;
  };
  /** The longest completion limit of any class at the cut-off (national), in HK. */
  longestCompletionLimit?: number;
  /** Days of the semester on which the regency had no liaison admin in office. */
  daysWithoutAdmin: number;
  /** Days of the semester without a backup admin in office (for the heads' commitments). */
  daysWithoutBackup?: number;
  /**
   * First follow-up within N working days (national stage, pauses excluded), for N = 1..10: of
   * complaints followed up, or not followed up after more than N HK, by the cut-off. The heads'
   * commitments name their own N.
   */
  followUpWithinDays?: { days: number; share: Share }[];
  /** Calendar years needed but missing: figures that touch them are uncertain. */
  calendarGaps: number[];
}

/**
 * Why a regency lags, strongest signals first (lag-reasons.ts decides them; each view words them).
 */
export type LagReason =
  /** Nothing received in the semester: cannot be evaluated, MERAH for volume. */
  | { kind: 'no-complaints' }
  /** Fewer than the minimum received: cannot be evaluated, MERAH for volume. */
  | { kind: 'too-few'; received: number; minimum: number }
  /** Below the MERAH volume rule (a fraction of the province per 100,000). */
  | { kind: 'very-low-volume'; perHundredThousand: number; province?: number; ratio: number }
  /** The lowest volume among regencies that received any. */
  | { kind: 'lowest-volume'; perHundredThousand: number; province?: number }
  /** Below `lowVolumeOfProvince` of the province. */
  | { kind: 'low-volume'; perHundredThousand: number; province?: number }
  | { kind: 'follow-up-provincial'; own: Share; province: Share }
  | { kind: 'follow-up-national'; own: Share; province: Share }
  | { kind: 'completion'; own: Share; province: Share }
  | { kind: 'days-without-admin'; days: number }
  /** `backlog` is left out on the public page when it is under the small-number minimum. */
  | { kind: 'overdue'; overdue: number; backlog?: number }
  /** Field-inspection complaints still open past their completion limit. */
  | { kind: 'field-inspections-open'; count: number; limit: number }
  /** The oldest open complaint is older than the longest completion limit. */
  | { kind: 'oldest-open'; workingDays: number; since: string }
  | { kind: 'score-drop'; before: number; now: number }
  /** Working-day calendars missing: some figures are uncertain. */
  | { kind: 'calendar-gaps'; years: number[] };

export type Flag = 'hijau' | 'kuning' | 'merah';

/** One term of the composite score, with what it was computed from, so anyone can recompute it. */
export interface ScorePart {
  /** T follow-up, S completion, K backlog within limit, V volume. */
  key: 'T' | 'S' | 'K' | 'V';
  weight: number;
  /** 0-1; 0 when `counted` is false. */
  value: number;
  /** False when there is too little evidence (fewer than `minimumCases`): the term earns 0. */
  counted: boolean;
  numerator: number;
  denominator: number;
}

/**
 * Why a regency has its flag: `too-few` fewer than `minimumCases` complaints received (MERAH,
 * ranked after every evaluable regency); `low-volume` per 100,000 below a quarter of the province
 * (MERAH); `score` the score band; `no-admin` 30 days or more without a liaison admin (at most KUNING).
 */
export type FlagReason = 'too-few' | 'low-volume' | 'score' | 'no-admin';

/** A regency's metrics placed among the province's. */
export interface RankedMetrics extends RegencyMetrics {
  /** Composite score, 0-100 (formula in ScoreFormula). */
  score: number;
  /** The score's terms: score = 100 × Σ weight × value / Σ weight. */
  scoreParts: ScorePart[];
  /** Enough complaints (at least `minimumCases`) to be ranked among the others at all. */
  evaluable: boolean;
  /** What decided the flag, strongest first. */
  flagReasons: FlagReason[];
  /**
   * Why the regency lags, strongest first (lag-reasons.ts), for every view alike. Absent in figures
   * stored before it was recorded; readers compute it then (`lagReasonsOf`).
   */
  lagReasons?: LagReason[];
  rank: number;
  of: number;
  flag: Flag;
  /** The same regency's previous semester, when there is data for it. */
  previous?: RegencyMetrics & { score?: number; rank?: number };
  /** Two or three plain Indonesian sentences on what changed. */
  changeSentences: string[];
  /** Each outreach event of the regency near this semester, with its effect (functions/domain/outreach.ts). */
  outreach?: OutreachEffect[];
  /** The head's commitment judged against this semester (functions/domain/commitments.ts). */
  commitment?: CommitmentResult;
}

/** A worked example of the score, row by row, as the method page prints it. */
export interface ScoreExample {
  rows: { key: ScorePart['key']; label: string; basis: string; value: number; weight: number }[];
  score: number;
  flag: Flag;
  /** The edge cases beside it, one sentence each. */
  notes: string[];
}

/** The previous semester's province figures, for the "Semester lalu" column. */
export interface ProvinceTotalsBefore {
  received: number;
  perHundredThousand?: number;
  followUpWithinLimit: Share;
  followUpProvincial: Share;
  completedWithinLimit: Share;
  backlogAtEnd: number;
  overdueAtEnd: number;
  /** Regencies with at least one day without a liaison admin. */
  regenciesWithoutAdmin: number;
  /** Regencies with previous-semester data. */
  regencies: number;
}

/** Province figures derived from the regencies, printed beside each regency's. */
export interface ProvinceComparison {
  count: number;
  /** Verification within the limit over all the province's complaints (absent in older figures). */
  verified?: Share;
  followUpNational: Share;
  followUpProvincial: Share;
  completed: Share;
  perHundredThousand?: number;
  lowestPerHundredThousand?: number;
  averageReceived?: number;
  averageBacklog?: number;
  averageOverdue?: number;
  averageDaysWithoutAdmin?: number;
  averageScore?: number;
  /** Median of the regencies' median working days to first follow-up. */
  medianFollowUpDays?: number;
  regenciesWithoutAdmin: number;
}

/** Everything the province summary and the method page need. */
export interface ProvinceSemester {
  semester: string;
  /** "Semester I 2026 (Januari–Juni)" */
  semesterLabel: string;
  previousSemesterLabel: string;
  /**
   * Names and the zone its dates and times are written in (the place profile), and the office that
   * answers readers (its `office`: name, address, city, postal code, e-mail, telephone).
   */
  province: {
    code: string;
    name: string;
    brand: string;
    timeZone: string;
    timeZoneAbbreviation: string;
    office?: Office;
  };
  /** Ranked, best first. */
  regencies: RankedMetrics[];
  totals: {
    received: number;
    perHundredThousand?: number;
    followUpWithinLimit: Share;
    completedWithinLimit: Share;
    backlogAtEnd: number;
    overdueAtEnd: number;
    byMonth: { month: string; count: number }[];
    /** Average per regency per month, for "the regency against the province" charts. */
    averageByMonthPerRegency: { month: string; count: number }[];
  };
  previousTotals?: ProvinceTotalsBefore;
  /** Province reference figures the reports compare each regency against. */
  comparison: ProvinceComparison;
  method: {
    nationalPolicy: string;
    provincialPolicy: string;
    calendarYears: { year: number; status: string; sources: string[] }[];
    /** Data cut-off: the end of the semester, WITA. */
    cutoff: string;
    /** When the report was produced. */
    generatedAt: string;
    scoreFormula: string[];
    flagRule: string;
    /** The worked example printed under the formula. */
    scoreExample?: ScoreExample;
    definitions: { term: string; meaning: string }[];
    populationSource?: string;
    /** The outreach rule with its settings, and the kecamatan list's source (when the figures exist). */
    outreachRule?: string;
    districtSource?: string;
    /** Which numbers are law and which are settings, and how a complaint's rule is chosen. */
    lawAndSettings?: LawAndSettings;
  };
}

/**
 * Whether an open complaint has missed a deadline: a stage not yet met (running, or paused on
 * Tertunda) that is past its limit. Tertunda stops working days from counting; it does not undo a
 * deadline already missed, so a late complaint put on hold stays overdue.
 */
export function missedDeadline(sla: SlaState): boolean {
  return sla.open && sla.stages.some((s) => (s.state === 'running' || s.state === 'paused') && s.breached);
}
