import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { SqsWorkQueue } from '../functions/adapters/queue';
import { traceClient, traced } from '../functions/adapters/tracing';
import { lastEndedSemester, parseSemester } from '../functions/domain/semester';
import { startSemesterRun } from '../functions/use-cases/semester-fanout';
import { semesterDeps } from './support/compose';
import { loadConfig } from './support/config';
import { createLogger, createMetrics } from './support/observability';
import { opsMetrics } from './support/ops-metrics';

/**
 * Lambda entry point that starts the semester evaluation (EventBridge Scheduler, 1 January and 1 July,
 * Asia/Makassar): queues one unit per regency. Input `{ "semester": "2026-H1" }` runs any semester.
 */
const logger = createLogger('semester-start');
const metrics = createMetrics('semester-start');
const queueUrl = process.env.SEMESTER_QUEUE_URL;
if (!queueUrl) throw new Error('missing environment variable(s): SEMESTER_QUEUE_URL');
const deps = {
  // It only queues the units of work: it neither mails nor renders.
  ...semesterDeps(loadConfig(process.env)),
  queue: new SqsWorkQueue(traceClient(new SQSClient({})), queueUrl),
};

async function handle(event: { semester?: string } | undefined, context: Context) {
  logger.addContext(context);
  const zone = deps.regions.zone;
  const semester = event?.semester
    ? parseSemester(event.semester, zone)
    : lastEndedSemester(new Date(), zone);
  const result = await startSemesterRun(deps, semester.id);
  logger.info('semester run started', result);
  metrics.addMetric(opsMetrics.unitsQueued, MetricUnit.Count, result.queued);
  metrics.publishStoredMetrics();
  return result;
}

export const handler = traced('semester-start', handle);
