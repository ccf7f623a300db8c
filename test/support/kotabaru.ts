import type { Classification, Status } from '../../functions/domain/complaint';
import type { RosterEntry } from '../../functions/domain/roster';
import { parseSemester } from '../../functions/domain/semester';
import { evaluateRegency } from '../../functions/domain/semester-evaluation';
import { replaySnapshot, type Snapshot } from '../../functions/domain/snapshot';
import type { ComplaintUpdate } from '../../functions/domain/update';
import { calendar, kalsel, kalselPolicy, nationalPolicy } from './data';

/**
 * Hand-made Kotabaru (6302) complaints for the semester tests: each from its [instant, status]
 * steps, replayed as ingest stores it, judged as of 1 Nov 2026.
 */
export function kotabaruComplaint(
  id: string,
  steps: [string, Status][],
  options: {
    classification?: Classification;
    category?: string;
    submittedAt?: string;
    /** The source's update id of a step; `<id>-<index>` unless given. */
    sourceUpdateId?: (occurredAt: string, status: Status, index: number) => string;
  } = {},
): Snapshot {
  const updates: ComplaintUpdate[] = steps.map(([occurredAt, status], i) => ({
    trackingId: id,
    regencyCode: '6302',
    unit: 'Dinas Uji',
    category: options.category ?? 'Infrastruktur',
    classification: options.classification ?? 'aspirasi',
    status,
    occurredAt,
    ...(options.submittedAt ? { submittedAt: options.submittedAt } : {}),
    sourceUpdateId: options.sourceUpdateId?.(occurredAt, status, i) ?? `${id}-${i}`,
  }));
  const ctx = { calendar: calendar(), policy: nationalPolicy() };
  return replaySnapshot(updates, ctx, new Date('2026-11-01T00:00:00+08:00')) as Snapshot;
}

/** Kotabaru's semester evaluation of these complaints, under the national and Kalsel policies. */
export function evaluateKotabaru(
  snapshots: Snapshot[],
  semester = '2026-H1',
  more: { roster?: RosterEntry[]; population?: { value: number; year: number; source: string } } = {},
) {
  return evaluateRegency({
    semester: parseSemester(semester, kalsel().zone),
    regency: kalsel().get('6302') as NonNullable<ReturnType<ReturnType<typeof kalsel>['get']>>,
    snapshots,
    national: nationalPolicy(),
    provincial: kalselPolicy(),
    calendar: calendar(),
    roster: more.roster ?? [],
    ...(more.population ? { population: more.population } : {}),
  });
}
