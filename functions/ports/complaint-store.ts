import type { Reassignment } from '../domain/reassignment';
import type { Snapshot } from '../domain/snapshot';
import type { ComplaintUpdate } from '../domain/update';

/** Port: where updates and complaint snapshots are kept (DynamoDB in AWS and locally; a fake in unit tests). */

/** An update as stored: the event, with when and how it arrived. */
export interface StoredEvent extends ComplaintUpdate {
  receivedAt: string;
  /** "api", "import:<file name>", or "reassign" (the province's command). */
  source: string;
  /** Set on the event that moved the complaint to another regency: not a status update (not in the timeline). */
  reassignment?: Reassignment;
}

export type CommitResult = 'committed' | 'duplicate' | 'conflict' | 'throttled';

/** The store the ingest use case records through. */
export interface ComplaintStore {
  getSnapshot(trackingId: string): Promise<Snapshot | undefined>;
  getHistory(trackingId: string): Promise<{ snapshot?: Snapshot; events: StoredEvent[] }>;
  /**
   * Writes the event, the new snapshot and the aggregate changes; the snapshot and the counters
   * together or not at all, the event before or with them. `duplicate`: the event is already folded
   * in. `conflict`: the snapshot moved since it was read. `throttled`: the store refused for capacity.
   */
  commit(event: StoredEvent, next: Snapshot, previous: Snapshot | undefined): Promise<CommitResult>;
}
