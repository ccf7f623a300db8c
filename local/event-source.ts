import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { LocalQueue } from './storage';

/**
 * Lambda's SQS event source mapping (with `ReportBatchItemFailures`), over the SQS API of the local
 * emulator: receives a batch, invokes the handler, deletes the records it did not report as failed. A
 * handler that throws (a crash) deletes nothing. The emulator does the rest as SQS does, on real time:
 * what was not deleted comes back after the queue's visibility timeout, with its receive count, and
 * moves to the dead-letter queue once received more than `maxReceiveCount` times.
 *
 * One difference, on purpose: in AWS the visibility timeout (12 min) exceeds the function's timeout, so
 * a batch never reappears while its invocation runs. Locally the queues have a timeout of seconds (retries
 * cost no minutes), so the batch is received with a long visibility that covers the invocation, and what
 * was not deleted gets the queue's own timeout when the invocation ends.
 */
export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

/** Longer than any local invocation; replaced by the queue's timeout when the invocation ends. */
const heldSeconds = 900;

function toRecord(queue: LocalQueue, m: Message): SQSRecord {
  const a = m.Attributes ?? {};
  return {
    messageId: m.MessageId ?? '',
    receiptHandle: m.ReceiptHandle ?? '',
    body: m.Body ?? '',
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
      SentTimestamp: a.SentTimestamp ?? '',
      SenderId: a.SenderId ?? '',
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? '',
    },
    messageAttributes: {},
    md5OfBody: m.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: queue.arn.split(':')[3] ?? '',
  };
}

/** One poll: returns the number of messages handed to the handler (0: nothing was visible). */
export async function pollOnce(
  queue: LocalQueue,
  handler: SqsHandler,
  options: { batchSize?: number; waitSeconds?: number } = {},
): Promise<number> {
  const { Messages = [] } = await queue.sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queue.url,
      MaxNumberOfMessages: options.batchSize ?? 10,
      WaitTimeSeconds: options.waitSeconds ?? 0,
      VisibilityTimeout: heldSeconds,
      MessageSystemAttributeNames: ['All'],
    }),
  );
  if (Messages.length === 0) return 0;
  let failed: Set<string>;
  try {
    const response = await handler({ Records: Messages.map((m) => toRecord(queue, m)) });
    failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
  } catch {
    failed = new Set(Messages.map((m) => m.MessageId ?? ''));
  }
  const entry = (m: Message, i: number) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' });
  const done = Messages.filter((m) => !failed.has(m.MessageId ?? ''));
  const again = Messages.filter((m) => failed.has(m.MessageId ?? ''));
  if (done.length > 0)
    await queue.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queue.url, Entries: done.map(entry) }));
  if (again.length > 0)
    await queue.sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: queue.url,
        Entries: again.map((m, i) => ({ ...entry(m, i), VisibilityTimeout: queue.visibilityTimeoutSeconds })),
      }),
    );
  return Messages.length;
}

/**
 * Runs the event source until the queue is empty (nothing visible, in flight or delayed): polls what is
 * visible and, when only failed messages remain in flight, waits (long polling) until the emulator
 * delivers them again. `onRedeliveryWait` is called each time it starts such a wait: a test whose code
 * runs on an injected clock moves that clock by the deployed visibility timeout there. Returns the
 * number of invocations.
 */
export async function drain(
  queue: LocalQueue,
  handler: SqsHandler,
  options: { batchSize?: number; maxInvocations?: number; onRedeliveryWait?: () => void } = {},
): Promise<number> {
  const max = options.maxInvocations ?? 10_000;
  let invocations = 0;
  let waiting = false;
  for (;;) {
    if (invocations >= max) throw new Error(`queue ${queue.name} did not drain in ${max} invocations`);
    const received = await pollOnce(queue, handler, { batchSize: options.batchSize });
    if (received > 0) {
      invocations += 1;
      waiting = false;
      continue;
    }
    const counts = await queue.counts();
    if (counts.visible + counts.inFlight + counts.delayed === 0) return invocations;
    if (counts.visible > 0) continue; // e.g. a message moved to the dead-letter queue on this receive
    if (!waiting) options.onRedeliveryWait?.();
    waiting = true;
    // Long polling returns as soon as a message is visible again; what arrives is handled next round.
    const redelivered = await pollOnce(queue, handler, { batchSize: options.batchSize, waitSeconds: 1 });
    if (redelivered > 0) {
      invocations += 1;
      waiting = false;
    }
  }
}
