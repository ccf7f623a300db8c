import { lagRules as defaultLagRules, type LagRules, lowVolumeRatio, minimumCases } from './semester-method';
import type { LagReason, ProvinceComparison, RankedMetrics, Share } from './semester-metrics';

/**
 * Why a regency lags (`LagReason`, semester-metrics.ts), strongest signals first: computed once here
 * and worded by each view (the head's PDF, the province summary and the scoreboard), so paper and
 * web explain a regency alike.
 */

/** What the rule reads of the province: its comparison figures and every regency's volume. */
export interface LagContext {
  comparison: ProvinceComparison;
  regencies: readonly Pick<RankedMetrics, 'received' | 'perHundredThousand'>[];
}

export function lagReasons(
  regency: RankedMetrics,
  province: LagContext,
  rules: LagRules = defaultLagRules,
): LagReason[] {
  const p = province.comparison;
  const reasons: LagReason[] = [];
  const below = (own: Share, ref: Share) =>
    own.value !== undefined && ref.value !== undefined && own.value < ref.value - rules.shareMargin;
  const provinceRate = p.perHundredThousand === undefined ? {} : { province: p.perHundredThousand };

  if (regency.received.total === 0) {
    reasons.push({ kind: 'no-complaints' });
  } else if (regency.flagReasons.includes('too-few')) {
    reasons.push({ kind: 'too-few', received: regency.received.total, minimum: minimumCases });
  } else if (regency.flagReasons.includes('low-volume') && regency.perHundredThousand !== undefined) {
    reasons.push({
      kind: 'very-low-volume',
      perHundredThousand: regency.perHundredThousand,
      ...provinceRate,
      ratio: lowVolumeRatio,
    });
  } else if (regency.perHundredThousand !== undefined) {
    const own = regency.perHundredThousand;
    const positive = province.regencies.flatMap((r) =>
      r.received.total > 0 && r.perHundredThousand !== undefined ? [r.perHundredThousand] : [],
    );
    if (positive.length > 1 && own <= Math.min(...positive)) {
      reasons.push({ kind: 'lowest-volume', perHundredThousand: own, ...provinceRate });
    } else if (p.perHundredThousand !== undefined && own < rules.lowVolumeOfProvince * p.perHundredThousand) {
      reasons.push({ kind: 'low-volume', perHundredThousand: own, ...provinceRate });
    }
  }
  if (below(regency.followUpWithinLimit.provincial, p.followUpProvincial)) {
    reasons.push({
      kind: 'follow-up-provincial',
      own: regency.followUpWithinLimit.provincial,
      province: p.followUpProvincial,
    });
  } else if (below(regency.followUpWithinLimit.national, p.followUpNational)) {
    reasons.push({
      kind: 'follow-up-national',
      own: regency.followUpWithinLimit.national,
      province: p.followUpNational,
    });
  }
  if (below(regency.completedWithinLimit, p.completed)) {
    reasons.push({ kind: 'completion', own: regency.completedWithinLimit, province: p.completed });
  }
  if (regency.daysWithoutAdmin > 0) {
    reasons.push({ kind: 'days-without-admin', days: regency.daysWithoutAdmin });
  }
  const overdue = regency.overdueAtEnd;
  if (
    overdue > 0 &&
    (overdue >= rules.overdueCount ||
      overdue >= rules.overdueShareOfBacklog * Math.max(1, regency.backlogAtEnd))
  ) {
    reasons.push({ kind: 'overdue', overdue, backlog: regency.backlogAtEnd });
  }
  // Figures stored before the limits were recorded carry none: no reason is inferred from them.
  const field = regency.fieldInspection;
  if (field.limit !== undefined) {
    const late = field.cases.filter((c) => c.open && c.late).length;
    if (late > 0) reasons.push({ kind: 'field-inspections-open', count: late, limit: field.limit });
  }
  const oldest = regency.oldestOpen;
  const longest = regency.longestCompletionLimit;
  if (oldest && longest !== undefined && oldest.workingDaysOpen > longest) {
    reasons.push({ kind: 'oldest-open', workingDays: oldest.workingDaysOpen, since: oldest.submittedAt });
  }
  const before = regency.previous?.score;
  if (before !== undefined && Number.isFinite(regency.score) && regency.score <= before - rules.scoreDrop) {
    reasons.push({ kind: 'score-drop', before, now: regency.score });
  }
  if (regency.calendarGaps.length > 0) {
    reasons.push({ kind: 'calendar-gaps', years: regency.calendarGaps });
  }
  return reasons;
}

/** The reasons a ranked regency carries, or computed now for figures stored before they were. */
export function lagReasonsOf(
  regency: RankedMetrics,
  province: { comparison: ProvinceComparison; regencies: readonly RankedMetrics[] },
): LagReason[] {
  return regency.lagReasons ?? lagReasons(regency, province);
}
