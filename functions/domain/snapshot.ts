import type { WorkingCalendar } from './calendar';
import { type CitizenFacts, citizenFactKeys } from './citizens';
import { type Classification, complaintFields, type NoneMissing, type Status } from './complaint';
import { type FieldInspection, inspectionOf } from './field-inspection';
import { computeSla, type SlaState, type Stage, sortTimeline, type TimelineEntry } from './sla';
import type { SlaRules } from './sla-policy';
import type { ComplaintUpdate } from './update';
import type { Zone } from './zone';

/**
 * The current state of a complaint: a pure function of its events. Ingest folds each new event
 * into the previous snapshot; a replay of all events sorted by time gives the same snapshot
 * (a property test holds both to that).
 */
export interface Snapshot extends CitizenFacts {
  /** LAPOR! keeps it confidential: once any update said so (its category is never published). */
  confidential?: true;
  trackingId: string;
  regencyCode: string;
  unit: string;
  category: string;
  classification: Classification;
  status: Status;
  /** Earliest of the reported submission instants and the first event. */
  submittedAt: string;
  /** Instant of the latest event by time (not by arrival). */
  lastEventAt: string;
  open: boolean;
  paused: boolean;
  closedAt?: string;
  /** Every event, sorted by time: what the SLA engine needs, so jobs never read the events. */
  timeline: TimelineEntry[];
  /** The running stage with the earliest due, computed at ingest: the deadline index's key. */
  dueHint?: { stage: Stage; due: string };
  /** A field inspection, once marked: planned and done dates (domain/field-inspection.ts). */
  fieldInspection?: FieldInspection;
  /** Set once completed (Terdisposisi Selesai): when, and whether within the class limit. */
  completion?: { at: string; onTime: boolean };
  /** Optimistic-concurrency counter: one more per event folded in. */
  version: number;
}

/**
 * Every field of a snapshot, in the order the store reads them back: the complaint's own fields
 * (domain/complaint.ts), what the fold derives, the citizens' side and the confidential mark.
 */
export const snapshotFields = [
  ...complaintFields,
  'lastEventAt',
  'fieldInspection',
  'open',
  'paused',
  'closedAt',
  'timeline',
  'dueHint',
  'completion',
  ...citizenFactKeys,
  'confidential',
  'version',
] as const satisfies readonly (keyof Snapshot)[];
export type SnapshotField = (typeof snapshotFields)[number];
/** A field added to {@link Snapshot} and not to {@link snapshotFields} fails to compile here. */
export type SnapshotFieldsListed = NoneMissing<Exclude<keyof Snapshot, SnapshotField>>;

export type FoldOutcome = 'created' | 'applied' | 'stale' | 'duplicate';

export interface SlaContext {
  policy: SlaRules;
  calendar: WorkingCalendar;
}

/** The timeline entry an update contributes. */
export function toTimelineEntry(u: ComplaintUpdate): TimelineEntry {
  return {
    id: u.sourceUpdateId,
    at: new Date(u.occurredAt).toISOString(),
    status: u.status,
    classification: u.classification,
    ...(u.bukanWewenang ? { bukanWewenang: true } : {}),
    ...(u.fieldInspection ? { inspection: u.fieldInspection } : {}),
  };
}

/**
 * Folds one update into the snapshot.
 * - `duplicate`: an update with that source id is already in the timeline: nothing changes.
 * - `created`: the first update of the complaint.
 * - `applied`: the update is now the latest by time; the snapshot takes its state.
 * - `stale`: an older update arriving late: it joins the history (and may move milestones such as
 *   the disposition instant) but the current state stays at the newer update's.
 * @param now the clock, injected; the SLA hint is computed at max(now, latest event)
 */
export function foldUpdate(
  previous: Snapshot | undefined,
  update: ComplaintUpdate,
  ctx: SlaContext,
  now: Date,
): { outcome: FoldOutcome; snapshot: Snapshot } {
  const entry = toTimelineEntry(update);
  if (previous?.timeline.some((e) => e.id === entry.id)) return { outcome: 'duplicate', snapshot: previous };

  const timeline = sortTimeline([...(previous?.timeline ?? []), entry]);
  const latest = timeline.at(-1) as TimelineEntry;
  const isLatest = latest.id === entry.id;
  const base = !previous || isLatest ? update : previous;
  const reportedSubmission = [previous?.submittedAt, update.submittedAt, timeline[0]?.at].filter(
    (v): v is string => v !== undefined,
  );
  const submittedAt = new Date(Math.min(...reportedSubmission.map((v) => Date.parse(v)))).toISOString();
  const at = new Date(Math.max(now.getTime(), Date.parse(latest.at)));
  const sla = computeSla(timeline, ctx.policy, ctx.calendar, at, submittedAt);
  const fieldInspection = inspectionOf(timeline);

  const snapshot: Snapshot = {
    trackingId: update.trackingId,
    regencyCode: base.regencyCode,
    unit: base.unit,
    category: base.category,
    classification: sla.classification,
    status: sla.status,
    submittedAt,
    lastEventAt: latest.at,
    open: sla.open,
    paused: sla.paused,
    ...(sla.closedAt ? { closedAt: sla.closedAt } : {}),
    timeline,
    ...(fieldInspection ? { fieldInspection } : {}),
    ...dueHint(sla),
    ...completion(sla),
    ...citizenFacts(previous, update, isLatest),
    ...(previous?.confidential || update.confidential ? { confidential: true as const } : {}),
    version: (previous?.version ?? 0) + 1,
  };
  return { outcome: !previous ? 'created' : isLatest ? 'applied' : 'stale', snapshot };
}

/**
 * The citizens' side: each field from the latest update that carries it (an update without it keeps
 * what is known; an older one arriving late fills only what is missing); `reporterReplied` once any
 * update said so.
 */
function citizenFacts(
  previous: Snapshot | undefined,
  update: ComplaintUpdate,
  isLatest: boolean,
): CitizenFacts {
  const facts: CitizenFacts = {};
  for (const key of ['channel', 'district', 'village', 'rating'] as const) {
    const value = isLatest ? (update[key] ?? previous?.[key]) : (previous?.[key] ?? update[key]);
    if (value !== undefined) facts[key] = value;
  }
  if (previous?.reporterReplied || update.reporterReplied) facts.reporterReplied = true;
  return facts;
}

function completion(sla: SlaState): Pick<Snapshot, 'completion'> {
  const stage = sla.stages.find((s) => s.stage === 'completion');
  if (sla.closedReason !== 'selesai' || !stage?.endedAt) return {};
  return { completion: { at: stage.endedAt, onTime: !stage.breached } };
}

function dueHint(sla: SlaState): Pick<Snapshot, 'dueHint'> {
  if (!sla.open || !sla.current?.due) return {};
  return { dueHint: { stage: sla.current.stage, due: sla.current.due } };
}

/**
 * What a complaint adds to its regency's counters: one "received" in its month of submission (by
 * class), and once completed, one "completed" (and maybe "on time") on its day of completion, both
 * in the province's zone.
 */
export interface Contribution {
  regencyCode: string;
  month: string;
  classification: Classification;
  completedDay?: string;
  completedOnTime?: boolean;
}

export function contributionOf(s: Snapshot, zone: Zone): Contribution {
  return {
    regencyCode: s.regencyCode,
    month: zone.date(s.submittedAt).slice(0, 7),
    classification: s.classification,
    ...(s.completion
      ? { completedDay: zone.date(s.completion.at), completedOnTime: s.completion.onTime }
      : {}),
  };
}

/** Replays every update of a complaint from scratch, in the given order: the reference for tests. */
export function replaySnapshot(
  updates: readonly ComplaintUpdate[],
  ctx: SlaContext,
  now: Date,
): Snapshot | undefined {
  let snapshot: Snapshot | undefined;
  for (const u of updates) snapshot = foldUpdate(snapshot, u, ctx, now).snapshot;
  return snapshot;
}
