import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { Alias } from 'aws-cdk-lib/aws-lambda';
import { type IScheduleGroup, Schedule, type ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { HouseFunction, type HouseFunctionProps } from './house-function';

/** Props of a {@link ScheduledJob}. */
export interface ScheduledJobProps {
  /** The function the schedule runs. */
  readonly function: HouseFunctionProps;
  /** When it runs: a cron expression with its time zone. */
  readonly schedule: ScheduleExpression;
  /** What the schedule is for. */
  readonly description: string;
  /** The schedule group (its metrics feed the failed-schedule alarms). */
  readonly scheduleGroup: IScheduleGroup;
  /** Whether the schedule runs; a disabled one stays deployed (a stage can switch it on). @default true */
  readonly enabled?: boolean;
  /** Scheduler's attempts to deliver the invocation. @default 3 */
  readonly deliveryRetryAttempts?: number;
  /** How long Scheduler keeps trying to deliver. @default 1 hour */
  readonly deliveryMaxEventAge?: Duration;
  /** Lambda's retries of a failed asynchronous run. @default 2 */
  readonly runRetryAttempts?: number;
  /** How long Lambda keeps a run queued for retry. @default 6 hours */
  readonly runMaxEventAge?: Duration;
}

/**
 * A scheduled job: an EventBridge Scheduler schedule invoking a function's `live` alias, and one
 * dead-letter queue that catches both kinds of failure. Scheduler parks invocations it could not
 * deliver; Lambda parks runs that still failed after their own retries (the alias' asynchronous
 * invocation config). A message in that queue means the job did not complete; its body is the
 * input to re-run it with.
 */
export class ScheduledJob extends Construct {
  readonly fn: HouseFunction;
  readonly alias: Alias;
  readonly deadLetterQueue: Queue;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.fn = new HouseFunction(this, 'Function', {
      ...props.function,
      // Function-level DLQ (DeadLetterConfig): Lambda puts here the event of a run that failed
      // every asynchronous attempt.
      deadLetterQueue: this.deadLetterQueue,
      currentVersionOptions: { removalPolicy: RemovalPolicy.DESTROY },
    });
    // The schedule invokes the alias, so its grant names one qualified ARN instead of `<fn>:*`.
    this.alias = this.fn.addAlias('live');
    this.alias.configureAsyncInvoke({
      retryAttempts: props.runRetryAttempts ?? 2,
      maxEventAge: props.runMaxEventAge ?? Duration.hours(6),
    });
    this.schedule = new Schedule(this, 'Schedule', {
      schedule: props.schedule,
      description: props.description,
      scheduleGroup: props.scheduleGroup,
      enabled: props.enabled ?? true,
      target: new LambdaInvoke(this.alias, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: props.deliveryRetryAttempts ?? 3,
        maxEventAge: props.deliveryMaxEventAge ?? Duration.hours(1),
      }),
    });
  }
}
