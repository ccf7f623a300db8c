import type { WorkingCalendar } from './calendar';
import type { Classification, Status } from './complaint';
import { type EscalationLevel, type EscalationPolicy, levelsReached } from './escalation';
import { computeSla, type Stage, type StageOwner } from './sla';
import type { SlaRules } from './sla-policy';
import type { Snapshot } from './snapshot';

/**
 * What the daily deadline check decides, without I/O: which open complaints are overdue or due
 * soon, which are newly breached since the previous check, which reached an escalation level, and
 * how the regencies rank.
 */
export interface DigestItem {
  trackingId: string;
  regencyCode: string;
  unit: string;
  category: string;
  classification: Classification;
  status: Status;
  stage: Stage;
  /** Whose move it is: the reporter's clock (closure) is listed for the admin, never as a breach. */
  owner: StageOwner;
  due: string;
  breached: boolean;
  /** The reporter's time to answer ran out: the admin may close or archive the report. */
  expired: boolean;
  workingDaysLate: number;
  /** Breached since the previous working day's check. */
  newlyBreached: boolean;
  /** Working days since the last update of any kind. */
  workingDaysSinceUpdate: number;
  /** The policy version that judged it: the one in force on the day it was submitted. */
  policyId: string;
}

/** End of the last working day that counts as "due soon" (the end of today when 0). */
export function dueSoonHorizon(calendar: WorkingCalendar, date: string, workingDays: number): string {
  if (workingDays === 0) return calendar.endOfDay(date);
  return calendar.endOfDay(calendar.nthWorkingDate(date, workingDays).value as string);
}

/** The same time of day on the previous working day: when the last scheduled check ran. */
export function previousCheck(calendar: WorkingCalendar, at: Date): string {
  // The province's zone keeps one offset (zone.ts): the same local time is whole days earlier.
  const dayMs = 86_400_000;
  let back = at.getTime();
  do {
    back -= dayMs;
  } while (!calendar.isWorkingDate(calendar.date(new Date(back))));
  return new Date(back).toISOString();
}

/**
 * The digest of one regency: open complaints whose current stage is overdue or due by the horizon,
 * most late first, then soonest due. Judged as of `at` from the updates known then; a complaint with
 * no update by `at` is skipped (a replay of an earlier day reads data that arrived since).
 */
export function digestItems(
  snapshots: readonly Snapshot[],
  ctx: { policy: SlaRules; calendar: WorkingCalendar },
  at: Date,
  horizon: string,
  lastCheck: string,
): DigestItem[] {
  const items: DigestItem[] = [];
  const atMs = at.getTime();
  for (const s of snapshots) {
    // A replay of an earlier day reads today's data: a complaint not yet known then is not judged.
    const known = s.timeline.filter((e) => Date.parse(e.at) <= atMs);
    if (known.length === 0) continue;
    const lastKnownAt = new Date(Math.max(...known.map((e) => Date.parse(e.at))));
    const sla = computeSla(s.timeline, ctx.policy, ctx.calendar, at, s.submittedAt);
    const current = sla.current;
    if (!sla.open || !current?.due) continue;
    if (!current.breached && current.due > horizon) continue;
    items.push({
      trackingId: s.trackingId,
      regencyCode: s.regencyCode,
      unit: s.unit,
      category: s.category,
      classification: sla.classification,
      status: sla.status,
      stage: current.stage,
      owner: current.owner,
      due: current.due,
      breached: current.breached,
      expired: current.expired === true,
      workingDaysLate: current.workingDaysLate,
      newlyBreached: current.breached && current.due >= lastCheck,
      workingDaysSinceUpdate: ctx.calendar.workingDaysBetween(lastKnownAt, at).value,
      policyId: sla.policyId,
    });
  }
  return items.sort(
    (a, b) =>
      b.workingDaysLate - a.workingDaysLate ||
      Number(b.breached) - Number(a.breached) ||
      a.due.localeCompare(b.due),
  );
}

/** Escalations a digest's items call for: one per (complaint, stage, level reached). */
export interface Escalation {
  item: DigestItem;
  level: EscalationLevel;
}

export function escalationsFor(items: readonly DigestItem[], policy: EscalationPolicy): Escalation[] {
  return items
    .filter((i) => i.breached)
    .flatMap((item) => levelsReached(policy, item.workingDaysLate).map((level) => ({ item, level })));
}

/** Overdue complaints nobody has touched for the configured number of working days. */
export function untouched(items: readonly DigestItem[], policy: EscalationPolicy): DigestItem[] {
  return items.filter((i) => i.breached && i.workingDaysSinceUpdate >= policy.untouchedAfterWorkingDays);
}

export interface RegencyStanding {
  code: string;
  name: string;
  overdue: number;
  dueSoon: number;
  /** Tertunda complaints whose reporter's time ran out (to close or archive; not a breach). */
  expired: number;
  oldestBreachWorkingDays: number;
  /** Of the complaints completed in the window, the share completed within their limit. */
  onTimeShare?: number;
  closedInWindow: number;
  /** Of those, how many were completed within their limit (the share's numerator). */
  onTimeInWindow: number;
  vacant: boolean;
}

/** Lagging regencies first: vacancy, then overdue count, then the oldest breach. */
export function rankLagging(standings: readonly RegencyStanding[]): RegencyStanding[] {
  return standings
    .filter((s) => s.overdue > 0 || s.vacant)
    .sort(
      (a, b) =>
        b.overdue - a.overdue ||
        b.oldestBreachWorkingDays - a.oldestBreachWorkingDays ||
        Number(b.vacant) - Number(a.vacant) ||
        a.code.localeCompare(b.code),
    );
}
