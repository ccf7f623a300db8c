import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { loadConfig } from './config';
import { createLogger, createMetrics } from './observability';
import { deadlineMailCounts, opsMetrics, publishKindCount } from './ops-metrics';
import { traced } from './tracing';
import { checkDeadlines } from './use-cases/check-deadlines';
import { deadlineDeps } from './wiring';

/**
 * Lambda entry point of the daily deadline check (EventBridge Scheduler, 08:00 Asia/Makassar,
 * Monday to Friday; the use case itself skips holidays). Input `{ "at": "<ISO instant>" }` replays
 * any day; `{ "dryRun": true }` sends nothing.
 */
const logger = createLogger('check-deadlines');
const metrics = createMetrics('check-deadlines');
const deps = deadlineDeps(loadConfig(process.env, { email: true }));

async function handle(event: { at?: string; dryRun?: boolean } | undefined, context: Context) {
  logger.addContext(context);
  const at = event?.at ? new Date(event.at) : undefined;
  if (at && Number.isNaN(at.getTime())) throw new Error(`"at" is not an ISO-8601 instant: ${event?.at}`);
  const report = await checkDeadlines(deps, { ...(at ? { at } : {}), dryRun: event?.dryRun === true });
  logger.info('deadline check', {
    date: report.date,
    skipped: report.skipped,
    emailsSent: report.emailsSent,
    failures: report.failures,
    overdue: report.regencies.reduce((n, r) => n + r.overdue, 0),
    vacant: report.regencies.filter((r) => r.vacant).map((r) => r.code),
    missingCalendarYears: report.missingCalendarYears,
  });
  metrics.addMetric('emails_sent', MetricUnit.Count, report.emailsSent);
  for (const { kind, sent, failed } of deadlineMailCounts(report)) {
    publishKindCount(metrics, opsMetrics.emailsSent, kind, sent);
    publishKindCount(metrics, opsMetrics.emailsFailed, kind, failed);
  }
  metrics.addMetric('failures', MetricUnit.Count, report.failures);
  metrics.publishStoredMetrics();
  // Failing makes the asynchronous invocation retry; the ledger keeps what was sent from going twice.
  if (report.failures > 0)
    throw new Error(`${report.failures} part(s) of the deadline check failed; see the log`);
  return report;
}

export const handler = traced('check-deadlines', handle);
