import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { namespace } from '../../handlers/support/observability';
import { opsMetrics } from '../../handlers/support/ops-metrics';
import { runbook, runbookLink } from '../runbook';

/** Props of an {@link OpsDashboard}. */
export interface OpsDashboardProps {
  /** The dashboard's name (one per stage). */
  readonly dashboardName: string;
  /** The stage, shown in the title. */
  readonly stage: string;
  /** Where the runbook lives (config `runbookUrl`). */
  readonly runbookUrl: string;
  readonly api: HttpApi;
  readonly deadlineCheck: IFunction;
  /** The semester work queue (units waiting). */
  readonly semesterQueue: IQueue;
  /** Every dead-letter queue, by name. */
  readonly deadLetterQueues: readonly (readonly [string, IQueue])[];
  /** Every alarm of the stage. */
  readonly alarms: readonly Alarm[];
}

const fiveMinutes = Duration.minutes(5);
const oneHour = Duration.hours(1);

/** A custom metric of the functions (handlers/support/ops-metrics.ts), summed. */
function custom(
  metricName: string,
  dimensionsMap: Record<string, string>,
  label: string,
  period = fiveMinutes,
) {
  return new Metric({ namespace, metricName, dimensionsMap, statistic: Stats.SUM, period, label });
}

/**
 * One CloudWatch dashboard per stage, the view DevOps opens first: what came in, what the API
 * answered, how long the daily check took, what was mailed, what is stuck in a dead-letter queue,
 * how SES rates the sender, how far the semester run has got, and every alarm's state.
 */
export class OpsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OpsDashboardProps) {
    super(scope, id);
    const d = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(7),
    });
    this.dashboard = d;
    const link = (anchor: string) => runbookLink(props.runbookUrl, anchor);

    d.addWidgets(
      new TextWidget({
        markdown: [
          `# LAPOR Paman: ${props.stage}`,
          `Alarms name the runbook section to read. Recovery: [restore the table](${link(runbook.restoreTable)}),`,
          `[re-drive a dead-letter queue](${link(runbook.redrive)}),`,
          `[rotate the sender identity](${link(runbook.rotateSender)}).`,
        ].join(' '),
        width: 24,
        height: 2,
      }),
    );
    d.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24, height: 4 }));

    const updates = (outcomes: readonly string[]) =>
      (['ingest-api', 'bulk-import'] as const).flatMap((service) =>
        outcomes.map((o) => custom(opsMetrics.update(o), { service }, `${o} (${service})`)),
      );
    d.addWidgets(
      new GraphWidget({
        title: 'Updates ingested (created, applied, duplicate, stale)',
        left: updates(['created', 'applied', 'duplicate', 'stale']),
        stacked: true,
        width: 12,
      }),
      new GraphWidget({
        title: 'Updates rejected and failed',
        left: updates(['rejected', 'failed']),
        width: 12,
      }),
    );

    d.addWidgets(
      new GraphWidget({
        title: 'API 4xx and 5xx',
        left: [
          props.api.metricClientError({ period: fiveMinutes, statistic: Stats.SUM, label: '4xx' }),
          props.api.metricServerError({ period: fiveMinutes, statistic: Stats.SUM, label: '5xx' }),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [
          props.api.metricLatency({ period: fiveMinutes, statistic: Stats.p(50), label: 'p50' }),
          props.api.metricLatency({ period: fiveMinutes, statistic: Stats.p(99), label: 'p99' }),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: 'Deadline check duration (ms)',
        left: [
          props.deadlineCheck.metricDuration({ period: oneHour, statistic: Stats.MAXIMUM, label: 'max' }),
        ],
        width: 8,
      }),
    );

    const mail = (name: string, service: string, kinds: readonly string[]) =>
      kinds.map((kind) => custom(name, { service, kind }, kind, oneHour));
    const deadlineKinds = [
      'digest',
      'escalation-notice',
      'province-digest',
      'handover',
      'handover-notice',
    ] as const;
    const semesterKinds = ['semester-report', 'province-summary'] as const;
    const mailMetrics = (name: string) => [
      ...mail(name, 'check-deadlines', deadlineKinds),
      ...mail(name, 'semester-worker', semesterKinds),
    ];
    d.addWidgets(
      new GraphWidget({
        title: 'E-mails sent, per kind',
        left: mailMetrics(opsMetrics.emailsSent),
        width: 12,
      }),
      new GraphWidget({
        title: 'E-mails failed, per kind',
        left: mailMetrics(opsMetrics.emailsFailed),
        width: 12,
      }),
    );

    const depth = (queue: IQueue, label: string): IMetric =>
      queue.metricApproximateNumberOfMessagesVisible({
        period: fiveMinutes,
        statistic: Stats.MAXIMUM,
        label,
      });
    const reputation = (metricName: string, id: string, label: string) =>
      new MathExpression({
        expression: `${id} * 100`,
        usingMetrics: {
          [id]: new Metric({ namespace: 'AWS/SES', metricName, statistic: Stats.MAXIMUM, period: oneHour }),
        },
        label,
        period: oneHour,
      });
    d.addWidgets(
      new GraphWidget({
        title: 'Dead-letter queue depths',
        left: props.deadLetterQueues.map(([name, q]) => depth(q, name)),
        width: 8,
      }),
      new GraphWidget({
        title: 'SES bounce and complaint rates (%)',
        left: [
          reputation('Reputation.BounceRate', 'bounce', 'bounce rate %'),
          reputation('Reputation.ComplaintRate', 'complaint', 'complaint rate %'),
        ],
        leftAnnotations: [
          { value: 5, label: 'bounce alarm (5%)' },
          { value: 0.1, label: 'complaint alarm (0.1%)' },
        ],
        width: 8,
      }),
      new GraphWidget({
        title: 'Semester progress (units)',
        left: [
          custom(opsMetrics.unitsQueued, { service: 'semester-start' }, 'queued', oneHour),
          custom(opsMetrics.unitsDone, { service: 'semester-worker' }, 'done', oneHour),
          custom(opsMetrics.unitsFailed, { service: 'semester-worker' }, 'failed (retried)', oneHour),
        ],
        right: [depth(props.semesterQueue, 'waiting in the queue')],
        width: 8,
      }),
    );
  }
}
