import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DeadlineReport, SendStatus } from '../../functions/use-cases/check-deadlines';

/**
 * The custom metrics the functions publish (namespace LaporPaman, dimension `service` = the
 * function's service name), named once here for the handlers and for the dashboard
 * (infra/constructs/ops-dashboard.ts).
 */
export const opsMetrics = {
  /** `updates_<outcome>` of the ingest API and the bulk import, per item. */
  updateOutcomes: ['created', 'applied', 'duplicate', 'stale', 'rejected', 'failed'] as const,
  update: (outcome: string) => `updates_${outcome}`,
  /** E-mails handed to SES and e-mails that failed, with a `kind` dimension. */
  emailsSent: 'emails_sent',
  emailsFailed: 'emails_failed',
  mailKinds: [
    'digest',
    'escalation-notice',
    'province-digest',
    'handover',
    'handover-notice',
    'semester-report',
    'province-summary',
  ] as const,
  /**
   * 1 when the scheduled daily check of today completed (working day or not; never for a dry run or
   * a replay of an earlier day): the missed-check alarm breaches when none came for 25 hours.
   */
  checkCompleted: 'deadline_check_completed',
  /**
   * E-mail claims found held by another attempt ("sending", lease not yet expired): a send that hung
   * or a process that died between claim and mark (docs/exactly-once.md). Counted as a failure.
   */
  claimsInProgress: 'claims_in_progress',
  /** Semester units: queued by the start, done and failed in the workers. */
  unitsQueued: 'semester_units_queued',
  unitsDone: 'semester_units_done',
  unitsFailed: 'semester_units_failed',
} as const;

export type MailKind = (typeof opsMetrics.mailKinds)[number];

/** Sent and failed e-mails of one deadline check, per kind (digest, escalation notice, province digest). */
export function deadlineMailCounts(
  report: DeadlineReport,
): { kind: MailKind; sent: number; failed: number }[] {
  const tally = (statuses: SendStatus[]) => ({
    sent: statuses.filter((s) => s === 'sent').length,
    failed: statuses.filter((s) => s === 'failed').length,
  });
  return [
    { kind: 'digest', ...tally(report.regencies.map((r) => r.digest)) },
    { kind: 'escalation-notice', ...tally(report.regencies.map((r) => r.escalationNotice)) },
    { kind: 'province-digest', ...tally([report.province.digest]) },
    { kind: 'handover', ...tally(report.regencies.flatMap((r) => (r.handovers ?? []).map((h) => h.digest))) },
    {
      kind: 'handover-notice',
      ...tally(report.regencies.flatMap((r) => (r.handovers ?? []).map((h) => h.notice))),
    },
  ];
}

/**
 * Whether a run counts as today's completed check: nothing failed, something was really done (not a
 * dry run), and it judged today (the scheduled run, or a re-run of today's check after a failure),
 * not a replay of an earlier day.
 */
export function checkCompleted(report: DeadlineReport, run: { dryRun: boolean; today: string }): boolean {
  return !run.dryRun && report.failures === 0 && report.date === run.today;
}

/** E-mail claims a deadline check found held by another attempt (each counted as a failure). */
export function claimsInProgress(report: DeadlineReport): number {
  return [
    ...report.regencies.flatMap((r) => [
      r.digest,
      r.escalationNotice,
      ...(r.handovers ?? []).flatMap((h) => [h.digest, h.notice]),
    ]),
    report.province.digest,
  ].filter((s) => s === 'in-progress').length;
}

/** Publishes one count with a `kind` dimension, beside the function's `service` dimension. */
export function publishKindCount(metrics: Metrics, name: string, kind: string, count: number): void {
  const single = metrics.singleMetric();
  single.addDimension('kind', kind);
  single.addMetric(name, MetricUnit.Count, count);
}

/** Publishes `updates_<outcome>` for each non-zero count of an API call or an import. */
export function addUpdateCounts(metrics: Metrics, counts: Partial<Record<string, number>>): void {
  for (const [outcome, count] of Object.entries(counts)) {
    if (count && count > 0) metrics.addMetric(opsMetrics.update(outcome), MetricUnit.Count, count);
  }
}
