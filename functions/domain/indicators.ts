import type { ProvinceComparison, RegencyMetrics, Share } from './semester-metrics';

/**
 * The indicators a regency is compared on, defined once: which figure, which way is better, and
 * what the province column holds. The head's PDF, the province summary and the scoreboard lay out
 * rows from these; templates/indicator-words.ts names them.
 */
export const indicatorKeys = [
  'received',
  'perHundredThousand',
  'verifiedWithinLimit',
  'followUpNational',
  'followUpProvincial',
  'completedWithinLimit',
  'medianFollowUpDays',
  'backlogAtEnd',
  'overdueAtEnd',
  'daysWithoutAdmin',
] as const;

export type IndicatorKey = (typeof indicatorKeys)[number];

export interface Indicator {
  key: IndicatorKey;
  /** Which way is better: more complaints received is more use of LAPOR!, more days open is worse. */
  better: 'higher' | 'lower';
  /** count of complaints or days; rate per 100,000; share of decided cases; working days. */
  kind: 'count' | 'rate' | 'share' | 'days';
  /**
   * What the province column holds: the province's own figure (a rate or a share over all its
   * complaints), the average per regency (counts), or the median of the regencies' medians.
   */
  reference: 'province' | 'average' | 'median';
  /** The figure of a regency's semester. */
  value: (m: RegencyMetrics) => number | Share | undefined;
  /** The province's reference figure. */
  province: (p: ProvinceComparison) => number | Share | undefined;
}

export const indicators: Readonly<Record<IndicatorKey, Indicator>> = {
  received: {
    key: 'received',
    better: 'higher',
    kind: 'count',
    reference: 'average',
    value: (m) => m.received.total,
    province: (p) => p.averageReceived,
  },
  perHundredThousand: {
    key: 'perHundredThousand',
    better: 'higher',
    kind: 'rate',
    reference: 'province',
    value: (m) => m.perHundredThousand,
    province: (p) => p.perHundredThousand,
  },
  verifiedWithinLimit: {
    key: 'verifiedWithinLimit',
    better: 'higher',
    kind: 'share',
    reference: 'province',
    value: (m) => m.verifiedWithinLimit,
    province: (p) => p.verified,
  },
  followUpNational: {
    key: 'followUpNational',
    better: 'higher',
    kind: 'share',
    reference: 'province',
    value: (m) => m.followUpWithinLimit.national,
    province: (p) => p.followUpNational,
  },
  followUpProvincial: {
    key: 'followUpProvincial',
    better: 'higher',
    kind: 'share',
    reference: 'province',
    value: (m) => m.followUpWithinLimit.provincial,
    province: (p) => p.followUpProvincial,
  },
  completedWithinLimit: {
    key: 'completedWithinLimit',
    better: 'higher',
    kind: 'share',
    reference: 'province',
    value: (m) => m.completedWithinLimit,
    province: (p) => p.completed,
  },
  medianFollowUpDays: {
    key: 'medianFollowUpDays',
    better: 'lower',
    kind: 'days',
    reference: 'median',
    value: (m) => m.workingDaysToFollowUp.median,
    province: (p) => p.medianFollowUpDays,
  },
  backlogAtEnd: {
    key: 'backlogAtEnd',
    better: 'lower',
    kind: 'count',
    reference: 'average',
    value: (m) => m.backlogAtEnd,
    province: (p) => p.averageBacklog,
  },
  overdueAtEnd: {
    key: 'overdueAtEnd',
    better: 'lower',
    kind: 'count',
    reference: 'average',
    value: (m) => m.overdueAtEnd,
    province: (p) => p.averageOverdue,
  },
  daysWithoutAdmin: {
    key: 'daysWithoutAdmin',
    better: 'lower',
    kind: 'count',
    reference: 'average',
    value: (m) => m.daysWithoutAdmin,
    province: (p) => p.averageDaysWithoutAdmin,
  },
};

/** A share's value, or a number as it is. */
export const indicatorNumber = (v: number | Share | undefined): number | undefined =>
  typeof v === 'object' ? v.value : v;
