import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { parseSemester } from '../domain/semester';
import type { WorkQueue } from '../ports/work-queue';
import {
  computeRegencySemester,
  type Delivery,
  deliverProvinceSummary,
  deliverRegencyReport,
  provinceSemester,
  type SemesterDeliveryDeps,
} from './semester-report';

/**
 * The semester job fanned out through a queue, one unit of work per regency, so that 548 regencies
 * take no more wall time than a handful. Phase one computes and stores each regency's metrics; the
 * unit that completes the set queues phase two (render and send, per regency, plus the province
 * summary), which needs every regency's metrics for the ranking.
 */
export const semesterMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('compute'), semester: z.string(), regency: z.string() }),
  z.object({ kind: z.literal('deliver'), semester: z.string(), regency: z.string() }),
  z.object({ kind: z.literal('deliver-province'), semester: z.string() }),
]);
export type SemesterMessage = z.infer<typeof semesterMessage>;

export interface FanoutDeps extends SemesterDeliveryDeps {
  queue: WorkQueue;
  /** Called with each rendered and delivered PDF (the demo keeps them on disk). */
  onDelivered?: (delivered: {
    regency?: string;
    fileName: string;
    pdf: Buffer;
    delivery?: Delivery;
  }) => Promise<void>;
}

/** Starts a run: records the expected regencies and queues one compute unit each. */
export async function startSemesterRun(
  deps: Pick<FanoutDeps, 'regions' | 'store' | 'queue' | 'clock'>,
  semesterId: string,
): Promise<{ semester: string; queued: number }> {
  const semester = parseSemester(semesterId, deps.regions.zone);
  const codes = deps.regions.regencies.map((r) => r.code);
  await deps.store.startRun(semester.id, codes, deps.clock());
  await deps.queue.send(
    codes.map((regency): SemesterMessage => ({ kind: 'compute', semester: semester.id, regency })),
  );
  return { semester: semester.id, queued: codes.length };
}

/**
 * Handles one unit. Throws when a delivery failed, so that the queue redelivers it (and, after its
 * retries, parks it in the dead-letter queue); the ledger keeps recipients who got it from a second copy.
 */
export async function handleSemesterMessage(deps: FanoutDeps, message: SemesterMessage): Promise<string> {
  if (message.kind === 'compute') {
    await computeRegencySemester(deps, message.semester, message.regency);
    if (await deps.store.markComputed(message.semester, message.regency)) {
      await deps.queue.send([
        ...deps.regions.regencies.map(
          (r): SemesterMessage => ({ kind: 'deliver', semester: message.semester, regency: r.code }),
        ),
        { kind: 'deliver-province', semester: message.semester },
      ]);
      // Only once SQS holds them: a failure above leaves the run unmarked and this unit is redelivered.
      await deps.store.markReportsQueued(message.semester, deps.clock());
      return 'computed; all regencies done, reports queued';
    }
    return 'computed';
  }
  const province = await provinceSemester(deps, message.semester);
  const outcome =
    message.kind === 'deliver'
      ? await deliverRegencyReport(deps, province, message.regency, { send: true })
      : await deliverProvinceSummary(deps, province, { send: true });
  await deps.onDelivered?.({
    ...(message.kind === 'deliver' ? { regency: message.regency } : {}),
    fileName: outcome.fileName,
    pdf: outcome.pdf,
    ...(outcome.delivery ? { delivery: outcome.delivery } : {}),
  });
  if (outcome.delivery?.status === 'failed') throw new Error(`delivery failed: ${outcome.delivery.error}`);
  // A claim held by another attempt (or left by a crashed one until it goes stale): try again later.
  if (outcome.delivery?.status === 'in-progress') throw new DeliveryInProgress();
  const warning = outcome.delivery?.error ? `; ${outcome.delivery.error}` : '';
  return `delivery ${outcome.delivery?.status}${warning}`;
}

/** A unit whose e-mail claim another attempt holds (or left when it died): SQS brings it back later. */
export class DeliveryInProgress extends Error {
  override name = 'DeliveryInProgress';
  constructor() {
    super('delivery in progress in another attempt; retrying later');
  }
}

/**
 * A batch of units as the worker takes it from SQS: one at a time (a batch may hold a redelivered
 * copy of the same unit), each failure reported by message id so that only it comes back. The
 * Lambda does the same with Powertools' batch processor; the local event source calls this.
 */
export async function handleSemesterBatch(
  deps: FanoutDeps,
  event: SQSEvent,
  onOutcome?: (message: SemesterMessage | undefined, outcome: string) => void,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    let message: SemesterMessage | undefined;
    try {
      message = semesterMessage.parse(JSON.parse(record.body));
      onOutcome?.(message, await handleSemesterMessage(deps, message));
    } catch (error) {
      onOutcome?.(message, `failed: ${error instanceof Error ? error.message : String(error)}`);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
