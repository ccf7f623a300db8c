import {
  type Reassignment,
  reassignment,
  reassignmentNote,
  reassignmentProblem,
} from '../domain/reassignment';
import type { Regions } from '../domain/regions';
import type { Snapshot } from '../domain/snapshot';
import type { ComplaintStore, StoredEvent } from '../ports/complaint-store';

export interface ReassignDeps {
  store: ComplaintStore;
  regions: Regions;
  clock: () => Date;
}

export type ReassignResult = { ok: true; move: Reassignment; at: string } | { ok: false; problem: string };

const maxAttempts = 10;

/**
 * Moves a complaint to another regency (`lapor-paman complaints reassign`):
 * 1. read the complaint; refuse a missing one, an unknown regency or no move;
 * 2. record the move as an event in its history (who, why, from, to) and the snapshot under the new
 *    regency, its counters moved with it; the timeline is untouched, so no deadline moves;
 * 3. another writer in between: read again and retry.
 */
export async function reassignComplaint(
  deps: ReassignDeps,
  request: { trackingId: string; to: string; by: string; reason: string },
): Promise<ReassignResult> {
  for (let attempt = 1; ; attempt++) {
    const previous = await deps.store.getSnapshot(request.trackingId);
    const problem = reassignmentProblem(previous, request.trackingId, request.to, deps.regions);
    if (problem || !previous) return { ok: false, problem: problem ?? 'no complaint' };
    const move = reassignment(previous.regencyCode, request.to, request.by, request.reason);
    if ('problem' in move) return { ok: false, problem: move.problem };
    const at = deps.clock().toISOString();
    const next: Snapshot = { ...previous, regencyCode: move.to, version: previous.version + 1 };
    const last = previous.timeline.at(-1);
    const event: StoredEvent = {
      trackingId: previous.trackingId,
      regencyCode: move.to,
      unit: previous.unit,
      category: previous.category,
      classification: previous.classification,
      status: previous.status,
      occurredAt: at,
      sourceUpdateId: `reassign:${at.replace(/[^0-9TZ]/g, '')}:${move.from}-${move.to}`,
      ...(last?.bukanWewenang ? { bukanWewenang: true } : {}),
      note: reassignmentNote(move),
      receivedAt: at,
      source: 'reassign',
      reassignment: move,
    };
    const committed = await deps.store.commit(event, next, previous);
    if (committed === 'committed' || committed === 'duplicate') return { ok: true, move, at };
    if (attempt >= maxAttempts)
      throw new Error(`complaint ${request.trackingId} kept changing under ${maxAttempts} attempts`);
    await new Promise((r) => setTimeout(r, Math.random() * 50 * attempt));
  }
}
