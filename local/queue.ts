import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { WorkQueue } from '../functions/ports/work-queue';

/**
 * A stand-in for SQS, for the local stack and the tests: no SQS emulator on npm works with Node 20
 * and the SDK's JSON protocol (docs/exactly-once.md). It is NOT SQS; it keeps the semantics the
 * pipeline relies on: at-least-once delivery, a visibility timeout after which an undeleted message
 * is delivered again, a receive count per message, and a redrive to a dead-letter queue once a
 * message has been received `maxReceiveCount` times without being deleted. Time is a clock the
 * caller advances (`advance`), so tests never wait on real timers.
 */
export interface LocalQueueOptions {
  name: string;
  /** @default 30_000 (the semester queue's visibility timeout is set in the stateless stack) */
  visibilityTimeoutMs?: number;
  /** Receives before a message moves to the dead-letter queue. @default 3 */
  maxReceiveCount?: number;
  deadLetter?: LocalQueue;
  /** Shared with the code under test (its injected clock), so that a redelivery is also later for it. */
  clock?: VirtualClock;
}

/** A clock that moves only when told to. */
export class VirtualClock {
  constructor(private ms = Date.parse('2026-07-01T00:00:00Z')) {}
  now(): number {
    return this.ms;
  }
  date(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

interface Stored {
  messageId: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
  receiptHandle?: string;
  sentAt: number;
}

export interface ReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  receiveCount: number;
  sentAt: number;
}

export class LocalQueue implements WorkQueue {
  readonly name: string;
  readonly visibilityTimeoutMs: number;
  readonly maxReceiveCount: number;
  readonly deadLetter?: LocalQueue;
  readonly clock: VirtualClock;
  private messages: Stored[] = [];
  /** Every send to this queue, for tests that count what was queued. */
  readonly sent: string[] = [];

  constructor(options: LocalQueueOptions) {
    this.name = options.name;
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? 30_000;
    this.maxReceiveCount = options.maxReceiveCount ?? 3;
    if (options.deadLetter) this.deadLetter = options.deadLetter;
    this.clock = options.clock ?? options.deadLetter?.clock ?? new VirtualClock();
  }

  private get now(): number {
    return this.clock.now();
  }

  /** The WorkQueue port: what SqsWorkQueue does with SendMessageBatch. */
  async send(messages: readonly object[]): Promise<void> {
    for (const m of messages) this.sendBody(JSON.stringify(m));
  }

  sendBody(body: string): string {
    const messageId = randomUUID();
    this.messages.push({ messageId, body, receiveCount: 0, visibleAt: this.now, sentAt: this.now });
    this.sent.push(body);
    return messageId;
  }

  /**
   * Up to `max` visible messages, each hidden for the visibility timeout. A message already received
   * `maxReceiveCount` times moves to the dead-letter queue instead, as SQS's redrive policy does.
   */
  receive(max = 10): ReceivedMessage[] {
    const out: ReceivedMessage[] = [];
    for (const m of [...this.messages]) {
      if (out.length >= max) break;
      if (m.visibleAt > this.now) continue;
      if (m.receiveCount >= this.maxReceiveCount && this.deadLetter) {
        this.messages = this.messages.filter((x) => x !== m);
        this.deadLetter.sendBody(m.body);
        continue;
      }
      m.receiveCount += 1;
      m.visibleAt = this.now + this.visibilityTimeoutMs;
      m.receiptHandle = randomUUID();
      out.push({
        messageId: m.messageId,
        receiptHandle: m.receiptHandle,
        body: m.body,
        receiveCount: m.receiveCount,
        sentAt: m.sentAt,
      });
    }
    return out;
  }

  /** Deletes a received message; a stale receipt handle (the message was received again) does nothing. */
  delete(receiptHandle: string): void {
    this.messages = this.messages.filter((m) => m.receiptHandle !== receiptHandle);
  }

  /** Makes a received message visible again after `ms` (0: at once). */
  changeVisibility(receiptHandle: string, ms: number): void {
    const m = this.messages.find((x) => x.receiptHandle === receiptHandle);
    if (m) m.visibleAt = this.now + ms;
  }

  /** Moves the queue's clock on (shared with its dead-letter queue when built with it). */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  /** Messages stored (visible or in flight), as SQS's ApproximateNumberOfMessages + NotVisible. */
  get depth(): number {
    return this.messages.length;
  }

  get visible(): number {
    return this.messages.filter((m) => m.visibleAt <= this.now).length;
  }

  /** The bodies stored, parsed: for the dead-letter queue's alarm condition and tests. */
  bodies(): unknown[] {
    return this.messages.map((m) => JSON.parse(m.body));
  }
}

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

function toRecord(queue: LocalQueue, m: ReceivedMessage): SQSRecord {
  return {
    messageId: m.messageId,
    receiptHandle: m.receiptHandle,
    body: m.body,
    attributes: {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(m.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(m.sentAt),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:local:000000000000:${queue.name}`,
    awsRegion: 'local',
  };
}

/**
 * One poll of Lambda's SQS event source mapping with `ReportBatchItemFailures`: receives a batch,
 * invokes the handler, deletes the records it did not report as failed. A handler that throws (a
 * crash) deletes nothing: the whole batch comes back after the visibility timeout.
 */
export async function pollOnce(queue: LocalQueue, handler: SqsHandler, batchSize = 10): Promise<number> {
  const batch = queue.receive(batchSize);
  if (batch.length === 0) return 0;
  let response: SQSBatchResponse | undefined;
  try {
    response = await handler({ Records: batch.map((m) => toRecord(queue, m)) });
  } catch {
    return batch.length;
  }
  const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
  for (const m of batch) if (!failed.has(m.messageId)) queue.delete(m.receiptHandle);
  return batch.length;
}

/**
 * Runs the event source until the queue is empty: polls what is visible, and when only messages in
 * flight remain (failed, waiting for their visibility timeout), moves the clock past the timeout so
 * they are delivered again, as SQS would, without real waiting. Returns the number of invocations.
 */
export async function drain(
  queue: LocalQueue,
  handler: SqsHandler,
  options: { batchSize?: number; maxInvocations?: number } = {},
): Promise<number> {
  const max = options.maxInvocations ?? 10_000;
  let invocations = 0;
  while (queue.depth > 0) {
    if (invocations >= max) throw new Error(`queue ${queue.name} did not drain in ${max} invocations`);
    if (queue.visible === 0) queue.advance(queue.visibilityTimeoutMs);
    // A receive moves over-received messages to the DLQ and returns nothing for them.
    if ((await pollOnce(queue, handler, options.batchSize)) > 0) invocations += 1;
  }
  return invocations;
}
