import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drain } from '../../local/event-source';
import { localAwsEnv, localResources, type S3AndSqs, startS3AndSqs } from '../../local/stack';
import { deployedFlowsSetup } from '../support/flows';
import { receivedMail } from '../support/local-aws';

/**
 * The runbook's "Re-drive the SemesterWork dead-letter queue", rehearsed on the local stack: units
 * that failed three times wait in the dead-letter queue; once the cause is fixed they are moved back
 * to the work queue (in AWS `aws sqs start-message-move-task`; here the same move through the SQS
 * API: receive from the dead-letter queue, send to the source, delete) and the workers take them
 * again. Nobody is mailed twice.
 */
const context = {
  awsRequestId: 'redrive',
  functionName: 'redrive',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;
let storage: S3AndSqs;
let domain: string;

beforeAll(async () => {
  storage = await startS3AndSqs();
  ({ domain } = await deployedFlowsSetup(storage, 'redrive'));
});
afterAll(async () => {
  await storage?.stop();
});

/** What `start-message-move-task` does, through the SQS API: every message back to its source queue. */
async function redrive(sqs: SQSClient, from: string, to: string): Promise<number> {
  let moved = 0;
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: from, MaxNumberOfMessages: 10 }),
    );
    if (Messages.length === 0) return moved;
    for (const m of Messages) {
      await sqs.send(new SendMessageCommand({ QueueUrl: to, MessageBody: m.Body ?? '' }));
      await sqs.send(new DeleteMessageCommand({ QueueUrl: from, ReceiptHandle: m.ReceiptHandle }));
      moved += 1;
    }
  }
}

describe('re-driving the SemesterWork dead-letter queue (runbook, rehearsed locally)', () => {
  it('parks units that failed, takes them again once the cause is fixed, and mails nobody twice', async () => {
    const start = await import('../../handlers/semester-start');
    const worker = await import('../../handlers/semester-worker');
    const work = storage.sqs.queue(localResources.semesterQueue);
    const deadLetters = storage.sqs.queue(localResources.semesterDeadLetters);
    const run = () => drain(work, (e: SQSEvent) => worker.handler(e, context) as Promise<SQSBatchResponse>);
    const sqs = new SQSClient({
      endpoint: storage.sqs.endpoint,
      region: localAwsEnv.AWS_REGION,
      credentials: {
        accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
        secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
      },
    });
    const depth = async (url: string) =>
      Number(
        (
          await sqs.send(
            new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
          )
        ).Attributes?.ApproximateNumberOfMessages,
      );
    const dlqUrl = storage.sqs.url(localResources.semesterDeadLetters);
    const workUrl = storage.sqs.url(localResources.semesterQueue);

    // The fault: a report unit runs before the semester's metrics exist; it fails three times and is parked.
    await work.send(JSON.stringify({ kind: 'deliver', semester: '2025-H2', regency: '6302' }));
    await run();
    expect(await depth(dlqUrl)).toBe(1); // what the DeadLetters alarm watches

    // The cause fixed (the run started); the semester completes, 6302's head included.
    expect(await start.handler({ semester: '2025-H2' }, context)).toMatchObject({ queued: 13 });
    await run();
    const reportsTo = async (code: string) =>
      (await receivedMail(domain)).filter(
        (m) =>
          m.subject.includes('Semester II 2025') && m.destination.to.some((t) => t.includes(`head.${code}@`)),
      );
    expect(await reportsTo('6302')).toHaveLength(1);

    // The re-drive: the parked unit goes back, the worker takes it, the ledger keeps the head from a copy.
    expect(await redrive(sqs, dlqUrl, workUrl)).toBe(1);
    expect(await depth(dlqUrl)).toBe(0);
    await run();
    expect(await work.depth()).toBe(0);
    expect(await deadLetters.depth()).toBe(0);
    expect(await reportsTo('6302')).toHaveLength(1);
    sqs.destroy();
  }, 240_000);
});
