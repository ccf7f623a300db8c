import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { renderPdf } from './adapters/pdf-renderer';
import { SqsWorkQueue } from './adapters/queue';
import { loadConfig } from './config';
import { createLogger } from './observability';
import { handleSemesterMessage, semesterMessage } from './use-cases/semester-fanout';
import { semesterDeps } from './wiring';

/**
 * Lambda entry point of the semester job's units of work (SQS): computes a regency's metrics, or
 * renders and mails its report. Failed records are reported back one by one (partial batch
 * response) and retried by SQS, then parked in the dead-letter queue.
 */
const logger = createLogger('semester-worker');
const queueUrl = process.env.SEMESTER_QUEUE_URL;
if (!queueUrl) throw new Error('missing environment variable(s): SEMESTER_QUEUE_URL');
const deps = {
  ...semesterDeps(loadConfig(process.env, { email: true }), { renderPdf }),
  queue: new SqsWorkQueue(new SQSClient({}), queueUrl),
};
const processor = new BatchProcessor(EventType.SQS);

async function record(r: SQSRecord): Promise<void> {
  const message = semesterMessage.parse(JSON.parse(r.body));
  const outcome = await handleSemesterMessage(deps, message);
  logger.info('semester unit', { ...message, outcome });
}

export async function handler(event: SQSEvent, context: Context) {
  logger.addContext(context);
  // One at a time: a batch may hold a redelivered copy of the same unit.
  return processPartialResponse(event, record, processor, { context, processInParallel: false });
}
