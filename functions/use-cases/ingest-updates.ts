import { mapBounded } from '../domain/bounded-pool';
import { type ClientScope, describeScope, mayWrite, OutOfScopeError } from '../domain/client-scope';
import { backdatingProblem, defaultBackdateWindowDays, isRegencyScoped } from '../domain/ingest-bounds';
import type { Regions } from '../domain/regions';
import { type FoldOutcome, foldUpdate, type SlaContext } from '../domain/snapshot';
import { type CitizenData, type ComplaintUpdate, validateUpdate } from '../domain/update';
import type { ComplaintStore, StoredEvent } from '../ports/complaint-store';

export interface IngestDeps {
  store: ComplaintStore;
  regions: Regions;
  sla: SlaContext;
  clock: () => Date;
  /** The citizens' data files (channels, ratings, kecamatan); without them those fields are kept as written. */
  citizens?: CitizenData;
  /** Complaints recorded at once within a batch. @default 4 */
  concurrency?: number;
  /** How far back a regency-scoped writer may date an update. @default defaultBackdateWindowDays */
  backdateWindowDays?: number;
}

/** The answer for one item of a request or one row of a file. */
export type ItemResult =
  | {
      index: number;
      result: FoldOutcome;
      trackingId: string;
      sourceUpdateId: string;
      ignoredFields?: string[];
    }
  | {
      index: number;
      result: 'rejected';
      trackingId?: string;
      errors: { path: string; message: string }[];
      ignoredFields?: string[];
    }
  | {
      index: number;
      result: 'failed';
      trackingId: string;
      sourceUpdateId: string;
      message: string;
      retryable: true;
    };

const maxAttempts = 10;

/**
 * Records one valid update: reads the snapshot, folds the update in, commits event + snapshot +
 * counters (the store decides how: see ComplaintStore.commit). Another writer in between makes the commit fail its version check;
 * then it reads again and refolds, so concurrent deliveries converge on one snapshot.
 */
export async function recordUpdate(
  deps: IngestDeps,
  update: ComplaintUpdate,
  source: string,
  scope?: ClientScope,
): Promise<FoldOutcome> {
  for (let attempt = 1; ; attempt++) {
    const previous = await deps.store.getSnapshot(update.trackingId);
    // A client may not take over (or move into its own regency) another regency's complaint.
    // (Without naming the owner: which regency a tracking id belongs to is not this client's business.)
    if (scope && previous && !mayWrite(scope, previous.regencyCode)) {
      throw new OutOfScopeError(
        'trackingId',
        `complaint ${update.trackingId} is not one this client may write (it may write ${describeScope(scope)} only); if it is, the province moves it to its regency (lapor-paman complaints reassign)`,
        previous.regencyCode,
      );
    }
    const now = deps.clock();
    // A regency's writer may not date a history months back, nor before the complaint's submission.
    if (isRegencyScoped(scope)) {
      const problem = backdatingProblem(
        update,
        previous,
        now,
        deps.backdateWindowDays ?? defaultBackdateWindowDays,
        deps.regions.zone,
      );
      if (problem) throw new OutOfScopeError(problem.path, problem.message);
    }
    const { outcome, snapshot } = foldUpdate(previous, update, deps.sla, now);
    if (outcome === 'duplicate') return outcome;
    const event: StoredEvent = { ...update, receivedAt: now.toISOString(), source };
    const committed = await deps.store.commit(event, snapshot, previous);
    if (committed === 'committed') return outcome;
    if (committed === 'duplicate') return 'duplicate';
    if (attempt >= maxAttempts) {
      throw new Error(
        committed === 'throttled'
          ? `complaint ${update.trackingId}: DynamoDB kept throttling after ${maxAttempts} attempts`
          : `complaint ${update.trackingId} kept changing under ${maxAttempts} attempts`,
      );
    }
    // Jittered backoff: short so that writers of one complaint stop colliding, exponential when throttled.
    const ceiling = committed === 'throttled' ? Math.min(2_000, 50 * 2 ** attempt) : 20 * attempt;
    await new Promise((r) => setTimeout(r, Math.random() * ceiling));
  }
}

/** Options of {@link ingestBatch}. */
export interface BatchOptions {
  /** Complaints recorded at once. @default deps.concurrency ?? 4 */
  concurrency?: number;
  /** The regencies the sender may write; updates outside it are rejected. @default no limit */
  scope?: ClientScope;
  /** Words for an update whose complaint is filed under another regency (e.g. in Indonesian). */
  filedElsewhere?: (trackingId: string, owner: string) => string;
}

/**
 * Validates and records a batch. Each item stands alone: a rejected or failed item never keeps
 * the valid ones from landing. Updates of one complaint are recorded in the order given; different
 * complaints run a few at a time. With a scope, an update for another regency, or for a complaint
 * filed under another regency, is rejected naming why, and nothing of it is written.
 */
export async function ingestBatch(
  deps: IngestDeps,
  items: readonly unknown[],
  source: string,
  { concurrency = deps.concurrency ?? 4, scope, filedElsewhere }: BatchOptions = {},
): Promise<ItemResult[]> {
  const results: ItemResult[] = new Array(items.length);
  const queues = new Map<string, { index: number; update: ComplaintUpdate; ignored: string[] }[]>();
  items.forEach((item, index) => {
    const validation = validateUpdate(item, deps.regions, deps.clock(), deps.citizens);
    if (validation.ok && scope && !mayWrite(scope, validation.update.regencyCode)) {
      results[index] = {
        index,
        result: 'rejected',
        trackingId: validation.update.trackingId,
        errors: [
          {
            path: 'regencyCode',
            message: `this client may write ${describeScope(scope)} only, not regency ${validation.update.regencyCode}`,
          },
        ],
        ...ignoredOf(validation.ignoredFields),
      };
      return;
    }
    if (!validation.ok) {
      const sent = (item as { trackingId?: unknown } | null)?.trackingId;
      results[index] = {
        index,
        result: 'rejected',
        ...(typeof sent === 'string' ? { trackingId: sent } : {}),
        errors: validation.errors,
        ...ignoredOf(validation.ignoredFields),
      };
      return;
    }
    const queue = queues.get(validation.update.trackingId) ?? [];
    queue.push({ index, update: validation.update, ignored: validation.ignoredFields });
    queues.set(validation.update.trackingId, queue);
  });
  await mapBounded([...queues.values()], concurrency, async (queue) => {
    for (const { index, update, ignored } of queue)
      results[index] = await recordOne(deps, update, index, ignored, source, scope, filedElsewhere);
  });
  return results;
}

function ignoredOf(fields: string[]) {
  return fields.length > 0 ? { ignoredFields: fields } : {};
}

async function recordOne(
  deps: IngestDeps,
  update: ComplaintUpdate,
  index: number,
  ignored: string[],
  source: string,
  scope: ClientScope | undefined,
  filedElsewhere: BatchOptions['filedElsewhere'],
): Promise<ItemResult> {
  const { trackingId, sourceUpdateId } = update;
  try {
    const result = await recordUpdate(deps, update, source, scope);
    return { index, result, trackingId, sourceUpdateId, ...ignoredOf(ignored) };
  } catch (error) {
    if (error instanceof OutOfScopeError) {
      return {
        index,
        result: 'rejected',
        trackingId,
        errors: [
          {
            path: error.path,
            message: filedElsewhere && error.owner ? filedElsewhere(trackingId, error.owner) : error.message,
          },
        ],
        ...ignoredOf(ignored),
      };
    }
    return {
      index,
      result: 'failed',
      trackingId,
      sourceUpdateId,
      message: error instanceof Error ? error.message : String(error),
      retryable: true,
    };
  }
}
