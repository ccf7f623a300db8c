import type { Instant, WorkingCalendar } from './calendar';
import {
  type Classification,
  disposedStatuses,
  followedUpStatuses,
  type Status,
  statusRank,
} from './complaint';
import { type InspectionMark, inspectionClass } from './field-inspection';
import { policyInForce, type SlaRules } from './sla-policy';

/**
 * The SLA state of a complaint, computed from its event history alone (pure, clock injected), so a
 * calendar or policy correction recomputes everything. Limits come from the version of the policy in
 * force on the day the complaint was submitted (data/policies/<policy>/, sources cited there):
 *
 * | stage        | limit (policy)            | clock starts          | met when                        |
 * |--------------|---------------------------|-----------------------|---------------------------------|
 * | verification | limits.verification       | submission            | disposition (Terdisposisi ...)  |
 * | follow-up    | limits.followUp           | disposition           | Sedang Diproses or Selesai      |
 * | completion   | limits.completion[class]  | disposition           | Terdisposisi Selesai            |
 * | closure      | limits.closure            | the reporter's turn   | (the reporter's clock)          |
 *
 * - Closure is the reporter's clock, not a deadline of the admin or the unit: LAPOR! deems a report
 *   complete 10 working days after the unit's follow-up when nobody replies (sources in
 *   data/policies). The reporter's turn starts at each follow-up (Sedang Diproses) and at the start
 *   of Tertunda; it ends when the admin or unit acts again or the complaint closes. Its stage is never
 *   `breached`; `expired` says the reporter's time ran out (the admin may close or archive).
 * - Tertunda (waiting for the reporter) pauses verification, follow-up and completion: a working
 *   day on which the complaint was Tertunda at any moment does not count. Only closure runs then.
 * - Selesai, Arsip and "bukan wewenang" end every clock. A stage not met by then is "stopped".
 * - The completion limit follows the latest classification: a complaint reclassified as needing
 *   field inspection (berkadar pengawasan) moves to that class's limit, from the same disposition.
 * - Events are replayed in time order whatever order they arrived in.
 */

/** One entry of a complaint's history as the SLA engine needs it. */
export interface TimelineEntry {
  /** When it happened (ISO-8601 with offset). */
  at: string;
  status: Status;
  classification: Classification;
  /** The admin closed it as not within the government's authority ("bukan wewenang"). */
  bukanWewenang?: boolean;
  /** The source's update id; breaks ties between entries at the same instant. */
  id: string;
  /** A field inspection's planned or done date (domain/field-inspection.ts). */
  inspection?: InspectionMark;
}

export const stages = ['verification', 'follow-up', 'completion', 'closure'] as const;
export type Stage = (typeof stages)[number];

/** Whose move a stage waits for: the liaison admin, the responsible unit, or the reporter. */
export type StageOwner = 'admin' | 'unit' | 'reporter';
export const stageOwners: Record<Stage, StageOwner> = {
  verification: 'admin',
  'follow-up': 'unit',
  completion: 'unit',
  closure: 'reporter',
};

export interface StageState {
  stage: Stage;
  owner: StageOwner;
  /** Working-day limit under the policy. */
  limit: number;
  clockStart: string;
  /** End of the last allowed working day; absent while a pause keeps it from being reached. */
  due?: string;
  /** When the stage was met, or stopped by closure. */
  endedAt?: string;
  state: 'running' | 'paused' | 'met' | 'stopped';
  workingDaysUsed: number;
  workingDaysRemaining: number;
  pausedWorkingDays: number;
  /** The admin's or unit's deadline passed; always false for the reporter's clock. */
  breached: boolean;
  workingDaysLate: number;
  /** Reporter's clock only: the reporter's time ran out while it was still their turn. */
  expired?: boolean;
}

export interface SlaState {
  policyId: string;
  policyVersion: number;
  /** The evaluation instant. */
  at: string;
  submittedAt: string;
  classification: Classification;
  status: Status;
  open: boolean;
  paused: boolean;
  closedAt?: string;
  closedReason?: 'selesai' | 'arsip' | 'bukan-wewenang';
  /** When it was (last) reclassified into a different class, if ever. */
  reclassifiedAt?: string;
  dispositionAt?: string;
  firstFollowUpAt?: string;
  stages: StageState[];
  /**
   * What the deadline check acts on: the admin's or unit's running stage with the earliest due
   * instant; only when none runs (Tertunda), the reporter's running clock.
   */
  current?: StageState;
  /** Years the computation needed but had no calendar file for: its figures are uncertain. */
  calendarGaps: number[];
}

/** Sorts entries by instant, then by how far along their status is, then by id. */
export function sortTimeline<T extends TimelineEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) ||
      statusRank[a.status] - statusRank[b.status] ||
      a.id.localeCompare(b.id),
  );
}

interface Pause {
  from: string;
  to?: string;
}

/** Milestones from a replay of the timeline in time order. */
function replay(timeline: readonly TimelineEntry[]) {
  const sorted = sortTimeline(timeline);
  let status: Status = 'belum-terverifikasi';
  let classification: Classification | undefined;
  let reclassifiedAt: string | undefined;
  let dispositionAt: string | undefined;
  let firstFollowUpAt: string | undefined;
  let closedAt: string | undefined;
  let completedAt: string | undefined;
  let closedReason: SlaState['closedReason'];
  // When the reporter's turn began (a follow-up, or the start of Tertunda); undefined when it is not theirs.
  let reporterTurnAt: string | undefined;
  const pauses: Pause[] = [];
  // Once marked as needing a field inspection, a complaint stays in that class whatever later updates say.
  let inspected = false;
  sorted.forEach((e, i) => {
    inspected ||= e.inspection !== undefined;
    const entryClass = inspected ? inspectionClass : e.classification;
    if (classification !== undefined && entryClass !== classification) reclassifiedAt = e.at;
    classification = entryClass;
    // An inspection recorded without a new status (the admin's inspection file) is no new action: it restarts no clock.
    if (e.inspection && i > 0 && e.status === status) return;
    if (e.status === 'terdisposisi-sedang-diproses') reporterTurnAt = e.at;
    else if (e.status === 'tertunda') {
      if (status !== 'tertunda') reporterTurnAt = e.at;
    } else if (e.status !== 'terdisposisi-selesai' && e.status !== 'arsip') reporterTurnAt = undefined;
    if (disposedStatuses.has(e.status) || followedUpStatuses.has(e.status)) dispositionAt ??= e.at;
    if (followedUpStatuses.has(e.status)) firstFollowUpAt ??= e.at;
    const open = pauses.at(-1);
    if (e.status === 'tertunda' && status !== 'tertunda') pauses.push({ from: e.at });
    if (e.status !== 'tertunda' && open && open.to === undefined) open.to = e.at;
    const reason: SlaState['closedReason'] = e.bukanWewenang
      ? 'bukan-wewenang'
      : e.status === 'terdisposisi-selesai'
        ? 'selesai'
        : e.status === 'arsip'
          ? 'arsip'
          : undefined;
    if (reason) {
      closedAt ??= e.at;
      if (e.status === 'terdisposisi-selesai') completedAt ??= e.at;
      closedReason = reason;
    } else {
      // A later update that reopens the complaint restarts nothing, but it is open again.
      closedAt = undefined;
      completedAt = undefined;
      closedReason = undefined;
    }
    status = e.status;
  });
  return {
    sorted,
    status,
    classification,
    reclassifiedAt,
    dispositionAt,
    firstFollowUpAt,
    closedAt,
    completedAt,
    closedReason,
    reporterTurnAt,
    pauses,
  };
}

/**
 * Computes the SLA state of a complaint at `now`.
 * @param timeline every known update, in any order
 * @param rules the policy's versions; the one in force on the submission day (local date) applies,
 *   whatever day the state is computed on
 * @param submittedAt the submission instant when the source gives it (else the earliest update)
 */
export function computeSla(
  timeline: readonly TimelineEntry[],
  rules: SlaRules,
  calendar: WorkingCalendar,
  now: Instant,
  submittedAt?: string,
): SlaState {
  if (timeline.length === 0) throw new Error('a complaint needs at least one update');
  const at = typeof now === 'string' ? new Date(now).toISOString() : now.toISOString();
  const nowMs = Date.parse(at);
  // Updates from the future (relative to the evaluation instant) are not yet known.
  const known = timeline.filter((e) => Date.parse(e.at) <= nowMs);
  if (known.length === 0) throw new Error(`no update of this complaint is known at ${at}`);
  const r = replay(known);
  const submitted = earliest(submittedAt, r.sorted[0]?.at) as string;
  const policy = policyInForce(rules, calendar.date(submitted));
  const classification = r.classification as Classification;
  const gaps = new Set<number>();

  const pauseDates = r.pauses.map((p) => ({
    from: calendar.date(p.from),
    to: p.to ? calendar.date(p.to) : undefined,
  }));
  const paused =
    r.closedAt === undefined && r.pauses.at(-1) !== undefined && r.pauses.at(-1)?.to === undefined;
  const isPausedDate = (date: string) =>
    pauseDates.some((p) => date >= p.from && (p.to === undefined || date <= p.to));

  const stageStates: StageState[] = [];
  const evaluate = (
    stage: Stage,
    limit: number,
    start: string,
    metAt: string | undefined,
    pausable: boolean,
  ) => {
    const endedAt = earliest(metAt, r.closedAt);
    const endMs = endedAt ? Date.parse(endedAt) : nowMs;
    const endDate = calendar.date(new Date(endMs));
    const startDate = calendar.date(start);
    // Pauses after the stage ended do not move its due date.
    const excluded = pausable ? (date: string) => date <= endDate && isPausedDate(date) : undefined;
    const openPause = pausable && paused && !endedAt ? pauseDates.at(-1)?.from : undefined;
    const due = calendar.nthWorkingDate(startDate, limit, excluded, openPause);
    const used = calendar.countWorkingDates(startDate, endDate, excluded);
    const all = calendar.countWorkingDates(startDate, endDate);
    for (const y of [...due.missingYears, ...used.missingYears]) gaps.add(y);
    const dueInstant = due.value ? calendar.endOfDay(due.value) : undefined;
    const owner = stageOwners[stage];
    const pastDue = dueInstant !== undefined && endMs > Date.parse(dueInstant);
    const breached = owner !== 'reporter' && pastDue;
    const state: StageState['state'] =
      metAt !== undefined && (r.closedAt === undefined || Date.parse(metAt) <= Date.parse(r.closedAt))
        ? 'met'
        : endedAt !== undefined
          ? 'stopped'
          : openPause !== undefined
            ? 'paused'
            : 'running';
    stageStates.push({
      stage,
      owner,
      limit,
      clockStart: new Date(start).toISOString(),
      ...(dueInstant ? { due: dueInstant } : {}),
      ...(endedAt ? { endedAt: new Date(endedAt).toISOString() } : {}),
      state,
      workingDaysUsed: used.value,
      workingDaysRemaining: Math.max(0, limit - used.value),
      pausedWorkingDays: all.value - used.value,
      breached,
      workingDaysLate: breached ? Math.max(0, used.value - limit) : 0,
      ...(owner === 'reporter' ? { expired: pastDue && state === 'running' } : {}),
    });
  };

  const l = policy.limits;
  // Archiving or declining (bukan wewenang) is the admin's verification decision too.
  evaluate('verification', l.verification, submitted, earliest(r.dispositionAt, r.closedAt), true);
  if (r.dispositionAt) {
    evaluate('follow-up', l.followUp, r.dispositionAt, r.firstFollowUpAt, true);
    evaluate('completion', l.completion[classification], r.dispositionAt, r.completedAt, true);
  }
  // The reporter's clock is not paused by Tertunda: Tertunda is the wait for the reporter.
  if (r.reporterTurnAt) evaluate('closure', l.closure, r.reporterTurnAt, undefined, false);

  const running = stageStates.filter((s) => s.state === 'running');
  const handling = running.filter((s) => s.owner !== 'reporter');
  const current = [...(handling.length ? handling : running)].sort(
    (a, b) =>
      Date.parse(a.due ?? '9999-12-31') - Date.parse(b.due ?? '9999-12-31') ||
      stages.indexOf(a.stage) - stages.indexOf(b.stage),
  )[0];

  return {
    policyId: policy.id,
    policyVersion: policy.version,
    at,
    submittedAt: new Date(submitted).toISOString(),
    classification,
    status: r.status,
    open: r.closedAt === undefined,
    paused,
    ...(r.closedAt ? { closedAt: new Date(r.closedAt).toISOString(), closedReason: r.closedReason } : {}),
    ...(r.reclassifiedAt ? { reclassifiedAt: new Date(r.reclassifiedAt).toISOString() } : {}),
    ...(r.dispositionAt ? { dispositionAt: new Date(r.dispositionAt).toISOString() } : {}),
    ...(r.firstFollowUpAt ? { firstFollowUpAt: new Date(r.firstFollowUpAt).toISOString() } : {}),
    stages: stageStates,
    ...(current ? { current } : {}),
    calendarGaps: [...gaps].sort(),
  };
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}
