import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { traced } from '../functions/adapters/tracing';
import { checkDeadlines } from '../functions/use-cases/check-deadlines';
import { deadlineViews } from '../templates/deadline-emails';
import { deadlineDeps } from './support/compose';
import { loadConfig } from './support/config';
import { createLogger, createMetrics } from './support/observability';
import {
  checkCompleted,
  claimsInProgress,
  deadlineMailCounts,
  opsMetrics,
  publishKindCount,
} from './support/ops-metrics';

/**
 * Lambda entry point of the daily deadline check (EventBridge Scheduler at the place profile's `schedule.dailyCheck`, in its zone,
 * every day; the use case itself skips weekends and holidays). Each completed run of today's check,
 * working day or not, is reported (`deadline_check_completed`): the missed-check alarm fires when
 * none came. Input `{ "at": "<ISO instant>" }` replays
 * any day, judged as of that instant (README, "Replaying a day"); `{ "dryRun": true }` sends nothing.
 */
const logger = createLogger('check-deadlines');
const metrics = createMetrics('check-deadlines');
const deps = deadlineDeps(loadConfig(process.env, { email: true }), { views: deadlineViews });

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
  // Each failure by name, before the throw below: the retry's log must not be the only trace.
  for (const r of report.regencies.filter((x) => x.error))
    logger.error('regency not checked', { regency: r.code, error: r.error });
  for (const u of report.unrecorded)
    logger.error('e-mail sent but its ledger mark was not written', { ...u });
  for (const r of report.regencies.filter((x) => x.digest === 'failed' || x.escalationNotice === 'failed'))
    logger.error('e-mail not sent', {
      regency: r.code,
      digest: r.digest,
      escalationNotice: r.escalationNotice,
    });
  if (report.province.digest === 'failed') logger.error('province digest not sent', { date: report.date });
  const held = claimsInProgress(report);
  if (held > 0)
    logger.error('e-mail claim held by another attempt', {
      date: report.date,
      digests: report.regencies.filter((r) => r.digest === 'in-progress').map((r) => r.code),
      escalationNotices: report.regencies
        .filter((r) => r.escalationNotice === 'in-progress')
        .map((r) => r.code),
      provinceDigest: report.province.digest === 'in-progress',
    });
  metrics.addMetric(opsMetrics.claimsInProgress, MetricUnit.Count, held);
  if (checkCompleted(report, { dryRun: event?.dryRun === true, today: deps.regions.zone.date(new Date()) }))
    metrics.addMetric(opsMetrics.checkCompleted, MetricUnit.Count, 1);
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
