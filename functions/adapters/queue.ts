import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { WorkQueue } from '../ports/work-queue';

/** Where the semester job puts its units of work: SQS in AWS, an array in tests. */
export class SqsWorkQueue implements WorkQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(messages: readonly object[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      const entries = messages
        .slice(i, i + 10)
        .map((m, n) => ({ Id: String(i + n), MessageBody: JSON.stringify(m) }));
      let pending = entries;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= 5)
          throw new Error(`SQS refused ${pending.length} message(s) after ${attempt} attempts`);
        const result = await this.sqs.send(
          new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }),
        );
        const failed = new Set((result.Failed ?? []).map((f) => f.Id));
        pending = pending.filter((e) => failed.has(e.Id));
        if (pending.length > 0) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  }
}
