import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { renderPdf } from '../functions/adapters/pdf-renderer';
import { SqsWorkQueue } from '../functions/adapters/queue';
import { traceClient, traced } from '../functions/adapters/tracing';
import {
  DeliveryInProgress,
  handleSemesterMessage,
  semesterMessage,
} from '../functions/use-cases/semester-fanout';
import { semesterViews } from '../templates/semester-views';
import { semesterDeliveryDeps } from './support/compose';
import { loadConfig } from './support/config';
import { createLogger, createMetrics } from './support/observability';
import { type MailKind, opsMetrics, publishKindCount } from './support/ops-metrics';

/**
 * Lambda entry point of the semester job's units of work (SQS): computes a regency's metrics, or
 * renders and mails its report. Failed records are reported back one by one (partial batch
 * response) and retried by SQS, then parked in the dead-letter queue.
 */
const logger = createLogger('semester-worker');
const metrics = createMetrics('semester-worker');
const queueUrl = process.env.SEMESTER_QUEUE_URL;
if (!queueUrl) throw new Error('missing environment variable(s): SEMESTER_QUEUE_URL');
const config = loadConfig(process.env, { email: true });
const deps = {
  ...semesterDeliveryDeps(config, { renderPdf, views: semesterViews }),
  queue: new SqsWorkQueue(traceClient(new SQSClient({})), queueUrl),
};
const processor = new BatchProcessor(EventType.SQS);

async function record(r: SQSRecord): Promise<void> {
  const message = semesterMessage.parse(JSON.parse(r.body));
  const mail: MailKind | undefined =
    message.kind === 'deliver'
      ? 'semester-report'
      : message.kind === 'deliver-province'
        ? 'province-summary'
        : undefined;
  try {
    const outcome = await handleSemesterMessage(deps, message);
    logger.info('semester unit', { ...message, outcome });
    metrics.addMetric(opsMetrics.unitsDone, MetricUnit.Count, 1);
    if (mail && outcome === 'delivery sent') publishKindCount(metrics, opsMetrics.emailsSent, mail, 1);
  } catch (error) {
    // Failed here means retried by SQS, then parked in the dead-letter queue after 3 receives.
    metrics.addMetric(opsMetrics.unitsFailed, MetricUnit.Count, 1);
    if (mail) publishKindCount(metrics, opsMetrics.emailsFailed, mail, 1);
    if (error instanceof DeliveryInProgress) {
      logger.error('e-mail claim held by another attempt', { ...message });
      metrics.addMetric(opsMetrics.claimsInProgress, MetricUnit.Count, 1);
    }
    throw error;
  }
}

async function handle(event: SQSEvent, context: Context) {
  logger.addContext(context);
  // One at a time: a batch may hold a redelivered copy of the same unit.
  try {
    return await processPartialResponse(event, record, processor, { context, processInParallel: false });
  } finally {
    metrics.publishStoredMetrics();
  }
}

export const handler = traced('semester-worker', handle);
