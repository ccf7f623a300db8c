import {
  CfnOutput,
  type CfnResource,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  type StackProps,
  TimeZone,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITableV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ScheduleExpression, ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  ConfigurationSetTlsPolicy,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { namespace } from '../handlers/support/observability';
import { opsMetrics } from '../handlers/support/ops-metrics';
import { bareAddress, type DeployConfig } from './config';
import { HouseFunction, type HouseFunctionProps } from './constructs/house-function';
import { OpsDashboard } from './constructs/ops-dashboard';
import { PublicSite } from './constructs/public-site';
import { ScheduledJob } from './constructs/scheduled-job';
import { acknowledge, wildcardResourceFinding } from './nag';
import { type Place, provincePlace, stageTimes } from './place';
import { runbook, runbookLink } from './runbook';
import type { SmokeManifest } from './smoke-manifest';
import { importerRoleName, importPrefix, resultPrefix } from './stateful-stack';
import { tableAccess } from './table-access';

export interface StatelessStackProps extends StackProps {
  readonly config: DeployConfig;
  /** The complaints table (stateful stack). */
  readonly table: ITableV2;
  /** The export holding the ARN of the bucket admins drop exports into (stateful stack). */
  readonly importBucketArnExport: string;
  /**
   * The province's zone and schedule. @default its place profile, data/regions/<provinceCode>.json
   * (the file shipped with the functions; a test gives another)
   */
  readonly place?: Place;
}

/** The HTTP API's routes, as the ingest function serves them (functions/api/ingest-routes.ts). */
export const apiRoutes = [
  { method: HttpMethod.POST, path: '/v1/updates', arnPath: '/v1/updates' },
  { method: HttpMethod.GET, path: '/v1/complaints/{trackingId}', arnPath: '/v1/complaints/*' },
] as const;

/** Semester worker: function timeout, and how many run at once (they share the SES sending rate). */
const workerTimeout = Duration.minutes(5);
const workerConcurrency = 2;

/**
 * Everything that can be deleted and redeployed without losing data: the functions, the HTTP API,
 * the queues, the schedules, SES sending configuration and the alarms.
 */
export class StatelessStack extends Stack {
  readonly ingestApi: HouseFunction;
  readonly bulkImport: HouseFunction;
  readonly deadlineCheck: ScheduledJob;
  readonly semesterStart: ScheduledJob;
  readonly semesterWorker: HouseFunction;
  readonly semesterQueue: Queue;
  readonly semesterDeadLetterQueue: Queue;
  readonly api: HttpApi;
  readonly ingestClientPolicy: ManagedPolicy;
  readonly configurationSet: ConfigurationSet;
  readonly alarmTopic: Topic;
  readonly scheduleGroup: ScheduleGroup;
  /** Every alarm, each naming its runbook section. */
  readonly alarms: Alarm[];
  readonly opsDashboard: OpsDashboard;
  /** The public scoreboard: generated daily into a private bucket, behind CloudFront when published. */
  readonly publicSite: PublicSite;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config } = props;
    // A stage pointed at a table restored from a point in time (runbook) uses it instead of its own.
    const table = config.tableName
      ? TableV2.fromTableName(this, 'RestoredTable', config.tableName)
      : props.table;
    const logRetention = config.logRetentionDays as RetentionDays;

    // --- SES: the configuration set every message is sent with, its feedback, and the grant.
    this.configurationSet = new ConfigurationSet(this, 'MailConfig', {
      // Digests and reports name complaints and officials: never deliver them in clear text.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    // Bounce notices carry roster addresses: both topics are encrypted with a key of their own,
    // which only CloudWatch (alarms) and SES (feedback) of this account may use to publish.
    const topicKey = new Key(this, 'TopicKey', {
      description: 'Encrypts the LAPOR Paman alarm and mail-feedback topics',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    topicKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'PublishFromCloudWatchAndSes',
        principals: [
          new ServicePrincipal('cloudwatch.amazonaws.com'),
          new ServicePrincipal('ses.amazonaws.com'),
        ],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // in a key policy, "*" is this key
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    const mailFeedback = new Topic(this, 'MailFeedback', {
      displayName: 'LAPOR Paman: SES bounces and complaints',
      enforceSSL: true,
      masterKey: topicKey,
    });
    new ConfigurationSetEventDestination(this, 'MailFeedbackDestination', {
      configurationSet: this.configurationSet,
      destination: EventDestination.snsTopic(mailFeedback),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const sendMail = new PolicyStatement({
      sid: 'SendAsConfiguredIdentity',
      actions: ['ses:SendRawEmail'],
      conditions: {
        // Only as the configured sender, even though the identity is the whole domain.
        StringEquals: { 'ses:FromAddress': bareAddress(config.senderAddress) },
        // A stage with a mail sink may mail no one else, whatever the code does.
        ...(config.mailSink ? { 'ForAllValues:StringLike': { 'ses:Recipients': [config.mailSink] } } : {}),
      },
      resources: [
        this.formatArn({ service: 'ses', resource: 'identity', resourceName: config.sesIdentity }),
        this.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: this.configurationSet.configurationSetName,
        }),
      ],
    });

    const common = (entry: string, description: string): HouseFunctionProps => ({
      entry,
      description,
      logRetention,
      xray: config.tracing,
      environment: {
        STAGE: config.stage,
        PROVINCE_CODE: config.provinceCode,
        SLA_POLICY: config.slaPolicy,
        LAPOR_BASE_URL: config.laporBaseUrl,
      },
    });
    const mailEnvironment = (rate: number) => ({
      SENDER_ADDRESS: config.senderAddress,
      SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      SES_MAX_SEND_RATE: String(rate),
      ...(config.mailSink ? { MAIL_SINK: config.mailSink } : {}),
    });

    // --- Ingest: the HTTP API, IAM-authorized.
    // Reserved concurrency: a flood of requests or files cannot take the account's concurrency
    // from the scheduled jobs, and is a ceiling on what they cost (0 in the config: none reserved).
    const reserved = (n: number) => (n > 0 ? { reservedConcurrentExecutions: n } : {});
    this.ingestApi = new HouseFunction(this, 'IngestApi', {
      ...common('handlers/ingest-api.ts', 'the ingest HTTP API (POST /v1/updates, GET /v1/complaints/{id})'),
      timeout: Duration.seconds(15),
      ...reserved(config.ingestReservedConcurrency),
    });
    this.ingestApi.bindTable(table, tableAccess['ingest-api']);

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: logRetention });
    this.api = new HttpApi(this, 'Api', {
      description: 'LAPOR Paman ingest API (SigV4-signed requests, IAM authorization)',
      createDefaultStage: false,
    });
    const stage = new HttpStage(this, 'ApiDefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // Any route without its own limit (none today) gets the smaller one.
      throttle: { rateLimit: config.readsRateLimit, burstLimit: config.readsBurstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Who called (the ingest client's IAM principal), what, and the outcome; never bodies.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            caller: '$context.identity.userArn',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    // Per-route limits for all clients together, sized in docs/security.md from BENCHMARKS.md
    // (RouteSettings is raw CloudFormation JSON: its keys are spelled as CloudFormation spells them).
    (stage.node.defaultChild as CfnStage).routeSettings = {
      'POST /v1/updates': {
        ThrottlingRateLimit: config.updatesRateLimit,
        ThrottlingBurstLimit: config.updatesBurstLimit,
      },
      'GET /v1/complaints/{trackingId}': {
        ThrottlingRateLimit: config.readsRateLimit,
        ThrottlingBurstLimit: config.readsBurstLimit,
      },
    };
    const integration = new HttpLambdaIntegration('Ingest', this.ingestApi);
    const authorizer = new HttpIamAuthorizer();
    for (const route of apiRoutes) {
      // The stage's route settings name the routes: they must exist first.
      for (const r of this.api.addRoutes({
        path: route.path,
        methods: [route.method],
        integration,
        authorizer,
      }))
        stage.node.addDependency(r);
    }
    const routeArn = (r: (typeof apiRoutes)[number]) =>
      this.api.arnForExecuteApi(r.method, r.arnPath, '$default');
    const clientRouteArns = apiRoutes.map(routeArn);
    this.ingestClientPolicy = new ManagedPolicy(this, 'IngestClientPolicy', {
      description:
        'Lets an ingest client call the LAPOR Paman API: POST /v1/updates, GET /v1/complaints/{id}',
      statements: [
        new PolicyStatement({
          sid: 'InvokeIngestRoutes',
          actions: ['execute-api:Invoke'],
          resources: clientRouteArns,
        }),
      ],
    });
    acknowledge(
      this.ingestClientPolicy,
      wildcardResourceFinding(this, routeArn(apiRoutes[1])),
      'The last path segment is the {trackingId} parameter of GET /v1/complaints/{trackingId}: the grant covers that one route.',
    );

    // --- Bulk import: S3 notifications on the import bucket, imports/*.csv and imports/*.xlsx.
    // The bucket belongs to the stateful stack: subscribe through a reference to it, so that the
    // notification (and its handler) live here and the stateful stack never depends on this one.
    const importBucket = Bucket.fromBucketArn(
      this,
      'ImportBucket',
      Fn.importValue(props.importBucketArnExport),
    );
    const importFailures = deadLetterQueue(this, 'BulkImportDeadLetters');
    this.bulkImport = new HouseFunction(this, 'BulkImport', {
      ...common('handlers/bulk-import.ts', 'the bulk import of LAPOR! exports dropped in S3'),
      memorySize: 1024,
      timeout: Duration.minutes(5),
      deadLetterQueue: importFailures,
      ...reserved(config.importReservedConcurrency),
      // The import bucket's policy (stateful stack) lets this role alone read uploads.
      roleName: importerRoleName(config),
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });
    this.bulkImport.bindTable(table, tableAccess['bulk-import']);
    this.bulkImport.addEnvironment('IMPORT_BUCKET', importBucket.bucketName);
    const uploads = importBucket.arnForObjects(`${importPrefix}*`);
    const results = importBucket.arnForObjects(`${resultPrefix}*`);
    // It reads an upload (the version the event names) and deletes it once answered; it writes only
    // its answers, under results/: it can neither change an upload nor plant one.
    this.bulkImport.addToRolePolicy(
      new PolicyStatement({
        sid: 'ReadAndRemoveUploads',
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:DeleteObject', 's3:DeleteObjectVersion'],
        resources: [uploads],
      }),
    );
    this.bulkImport.addToRolePolicy(
      new PolicyStatement({ sid: 'WriteResults', actions: ['s3:PutObject'], resources: [results] }),
    );
    for (const [arn, what] of [
      [uploads, 'imports/'],
      [results, 'results/'],
    ] as const) {
      acknowledge(
        this.bulkImport.executionRole,
        wildcardResourceFinding(this, arn),
        `Admins name the export files they upload: the grant is limited to objects under ${what} of the one import bucket.`,
      );
    }
    // Every object under imports/, whatever its name: S3's suffix filters are case-sensitive, and a
    // "LAPORAN.XLSX" or an ".xls" left without an answer would be lost in silence. The function
    // answers each file (a result beside it) and skips its own result files.
    importBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.bulkImport), {
      prefix: importPrefix,
    });
    const notificationsHandler = this.node.findChild(
      'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
    );
    // CDK's handler would log to a group Lambda creates on first use, kept forever: give it ours.
    const notificationsLogs = new LogGroup(this, 'BucketNotificationsHandlerLogs', {
      retention: logRetention,
    });
    // The handler is a raw CfnResource (not a CfnFunction): set the property by its CloudFormation name.
    (notificationsHandler.node.defaultChild as CfnResource).addPropertyOverride(
      'LoggingConfig.LogGroup',
      notificationsLogs.logGroupName,
    );
    acknowledge(
      notificationsHandler.node.findChild('Role'),
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "CDK's own deploy-time handler of S3 bucket notifications always gets this policy (log writes only); CDK offers no way to replace it.",
    );

    // --- Scheduled jobs (EventBridge Scheduler), in the province's zone from its place profile.
    const place = props.place ?? provincePlace(config.provinceCode);
    const zone = place.zone;
    const times = stageTimes(place, config.scheduleLeadMinutes);
    const timeZone = TimeZone.of(zone.id);
    this.scheduleGroup = new ScheduleGroup(this, 'Schedules');
    this.deadlineCheck = new ScheduledJob(this, 'DeadlineCheck', {
      // Every day, not Monday to Friday: the function does nothing on weekends and holidays but still
      // reports that it ran, so that a day without that report means the check is broken (the
      // missed-check alarm), never that it was Saturday.
      description: `Daily deadline check, ${times.dailyCheck.text} ${zone.abbreviation} every day (the function skips weekends and holidays)`,
      scheduleGroup: this.scheduleGroup,
      enabled: config.schedulesEnabled,
      schedule: ScheduleExpression.cron({
        minute: times.dailyCheck.minute,
        hour: times.dailyCheck.hour,
        timeZone,
      }),
      function: {
        ...common('handlers/check-deadlines.ts', 'the daily deadline check and digests'),
        timeout: Duration.minutes(10),
      },
    });

    this.semesterDeadLetterQueue = deadLetterQueue(this, 'SemesterWorkDeadLetters');
    this.semesterQueue = new Queue(this, 'SemesterWork', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // At least six times the worker's timeout, as Lambda recommends for SQS event sources.
      visibilityTimeout: Duration.seconds(workerTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.semesterDeadLetterQueue, maxReceiveCount: 3 },
    });
    this.semesterStart = new ScheduledJob(this, 'SemesterStart', {
      description: `Semester evaluation, ${times.semesterStart.text} ${zone.abbreviation} on 1 January and 1 July (for the semester just ended)`,
      scheduleGroup: this.scheduleGroup,
      enabled: config.schedulesEnabled,
      schedule: ScheduleExpression.cron({
        minute: times.semesterStart.minute,
        hour: times.semesterStart.hour,
        day: '1',
        month: '1,7',
        timeZone,
      }),
      function: {
        ...common('handlers/semester-start.ts', 'the start of the semester evaluation (fan-out)'),
        timeout: Duration.minutes(2),
      },
    });
    this.semesterWorker = new HouseFunction(this, 'SemesterWorker', {
      ...common('handlers/semester-worker.ts', 'the semester evaluation units (metrics, PDF, e-mail)'),
      memorySize: 1024,
      timeout: workerTimeout,
      shipFonts: true,
    });
    this.semesterWorker.addEventSource(
      new SqsEventSource(this.semesterQueue, {
        batchSize: 2,
        reportBatchItemFailures: true,
        maxConcurrency: workerConcurrency,
      }),
    );

    // Environment and grants, function by function.
    this.deadlineCheck.fn.bindTable(table, tableAccess['check-deadlines']);
    this.semesterStart.fn.bindTable(table, tableAccess['semester-start']);
    this.semesterWorker.bindTable(table, tableAccess['semester-worker']);
    for (const [k, v] of Object.entries(mailEnvironment(config.sesMaxSendRate))) {
      this.deadlineCheck.fn.addEnvironment(k, v);
      this.semesterStart.fn.addEnvironment(k, v);
    }
    // Workers run side by side: each gets its share of the account's sending rate.
    for (const [k, v] of Object.entries(mailEnvironment(config.sesMaxSendRate / workerConcurrency))) {
      this.semesterWorker.addEnvironment(k, v);
    }
    for (const fn of [this.semesterStart.fn, this.semesterWorker]) {
      fn.addEnvironment('SEMESTER_QUEUE_URL', this.semesterQueue.queueUrl);
      this.semesterQueue.grantSendMessages(fn);
    }
    this.deadlineCheck.fn.addToRolePolicy(sendMail);
    this.semesterWorker.addToRolePolicy(sendMail);

    // --- The public scoreboard (its own construct: bucket, publisher, CloudFront when published).
    const { entry: _entry, description: _description, ...functionDefaults } = common('', '');
    this.publicSite = new PublicSite(this, 'Scoreboard', {
      publish: config.publicScoreboard,
      ...(config.scoreboardDomain ? { domainName: config.scoreboardDomain } : {}),
      ...(config.scoreboardCertificateArn ? { certificateArn: config.scoreboardCertificateArn } : {}),
      table,
      function: functionDefaults,
      scheduleGroup: this.scheduleGroup,
      enabled: config.schedulesEnabled,
      times,
      zone,
    });

    // --- Alarms, all to one topic.
    this.alarmTopic = new Topic(this, 'Alarms', {
      displayName: 'LAPOR Paman alarms',
      enforceSSL: true,
      masterKey: topicKey,
    });
    if (config.alarmEmail) {
      this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
      mailFeedback.addSubscription(new EmailSubscription(config.alarmEmail));
    }
    const alarms: Alarm[] = [];
    this.alarms = alarms;
    const alarm = (
      id: string,
      description: string,
      section: string,
      metric: IMetric,
      threshold = 1,
      shape: Partial<{
        evaluationPeriods: number;
        comparisonOperator: ComparisonOperator;
        treatMissingData: TreatMissingData;
      }> = {},
    ) => {
      const created = new Alarm(this, id, {
        alarmDescription: `${description}. Runbook: ${runbookLink(config.runbookUrl, section)}`,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        ...shape,
      });
      created.addAlarmAction(new SnsAction(this.alarmTopic));
      alarms.push(created);
      return created;
    };

    const deadLetterQueues: [keyof typeof runbook.deadLetters, IQueue][] = [
      ['DeadlineCheck', this.deadlineCheck.deadLetterQueue],
      ['SemesterStart', this.semesterStart.deadLetterQueue],
      ['SemesterWork', this.semesterDeadLetterQueue],
      ['BulkImport', importFailures],
      ['PublishSite', this.publicSite.publisher.deadLetterQueue],
    ];
    for (const [name, queue] of deadLetterQueues) {
      const visible = queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      });
      alarm(
        `${name}DeadLettersAlarm`,
        `${name}: a message reached its dead-letter queue (a run, a unit or an import failed for good)`,
        runbook.deadLetters[name],
        visible,
      );
      // The alarm above stays in ALARM while the queue holds anything, so it would not mail again
      // for a second failure: this one goes to ALARM (and mails) each time more messages arrive in
      // a queue that already held some, and back to OK five minutes later.
      alarm(
        `${name}NewDeadLettersAlarm`,
        `${name}: another message reached its dead-letter queue while earlier ones still wait (a new failure)`,
        runbook.newDeadLetters,
        new MathExpression({
          expression: 'IF(DIFF(v) > 0 AND (v - DIFF(v)) > 0, 1, 0)',
          usingMetrics: { v: visible },
          period: Duration.minutes(5),
          label: `${name}: new dead letters`,
        }),
      );
    }
    const functions: [string, HouseFunction][] = [
      ['IngestApi', this.ingestApi],
      ['BulkImport', this.bulkImport],
      ['DeadlineCheck', this.deadlineCheck.fn],
      ['SemesterStart', this.semesterStart.fn],
      ['SemesterWorker', this.semesterWorker],
      ['PublishSite', this.publicSite.publisher.fn],
    ];
    for (const [name, fn] of functions) {
      alarm(
        `${name}ErrorsAlarm`,
        `${name}: the function failed`,
        runbook.functionErrors,
        fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      );
    }
    alarm(
      'ApiServerErrorsAlarm',
      'Ingest API: 5 or more 5xx responses in 5 minutes (the handler answers 500 on storage errors)',
      runbook.apiErrors,
      this.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      5,
    );
    const group = this.scheduleGroup;
    const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
    alarm(
      'ScheduleTargetErrorsAlarm',
      'Scheduler: invoking a job failed',
      runbook.scheduleFailures,
      group.metricTargetErrors(fiveMinutes),
    );
    alarm(
      'ScheduleDroppedAlarm',
      'Scheduler: a job invocation was dropped',
      runbook.scheduleFailures,
      group.metricDropped(fiveMinutes),
    );
    alarm(
      'ScheduleDeadLettersAlarm',
      'Scheduler: a job invocation went to its dead-letter queue',
      runbook.scheduleFailures,
      group.metricSentToDLQ(fiveMinutes),
    );
    alarm(
      'ScheduleDeadLetterFailedAlarm',
      'Scheduler: a job invocation could not even be put in its dead-letter queue',
      runbook.scheduleFailures,
      group.metricFailedToBeSentToDLQ(undefined, fiveMinutes),
    );
    // A working day without a completed check: the function reports each completed scheduled run
    // of today, every day (weekends and holidays too, where it sends nothing), so 25 hourly periods
    // without one mean today's run did not complete by two hours after its hour: a disabled
    // schedule, a deployment that broke the function, a Scheduler outage. Missing data breaches.
    alarm(
      'DeadlineCheckMissedAlarm',
      `DeadlineCheck: no completed daily check in 25 hours (today's ${times.dailyCheck.text} ${zone.abbreviation} run had not completed by ${times.checkCompletedBy})`,
      runbook.missedCheck,
      new Metric({
        namespace,
        metricName: opsMetrics.checkCompleted,
        dimensionsMap: { service: 'check-deadlines' },
        statistic: Stats.SUM,
        period: Duration.hours(1),
      }),
      1,
      {
        evaluationPeriods: 25,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.BREACHING,
      },
    );
    // An e-mail claim found "sending" by a run that did not take it: a send that hung, or a process
    // that died between SES and the ledger mark. The run fails so Lambda (or SQS) retries it after the
    // claim's lease; a person should still look the same morning (docs/exactly-once.md).
    const inProgress = (service: string) =>
      new Metric({
        namespace,
        metricName: opsMetrics.claimsInProgress,
        dimensionsMap: { service },
        statistic: Stats.SUM,
        period: Duration.minutes(5),
      });
    alarm(
      'ClaimsLeftSendingAlarm',
      'E-mail ledger: a claim was found left "sending" (a send hung or a run died between SES and the ledger mark)',
      runbook.claimsInProgress,
      new MathExpression({
        expression: 'FILL(d, 0) + FILL(w, 0)',
        usingMetrics: { d: inProgress('check-deadlines'), w: inProgress('semester-worker') },
        period: Duration.minutes(5),
        label: 'claims found sending',
      }),
    );
    const reputation = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: 'Maximum' });
    alarm(
      'SesBounceRateAlarm',
      'SES: bounce rate above 5% (SES reviews the account at 5%, may pause sending at 10%); check the roster addresses',
      runbook.sesReputation,
      reputation('Reputation.BounceRate'),
      0.05,
    );
    alarm(
      'SesComplaintRateAlarm',
      'SES: complaint rate above 0.1% (SES reviews the account at 0.1%, may pause sending at 0.5%)',
      runbook.sesReputation,
      reputation('Reputation.ComplaintRate'),
      0.001,
    );

    // --- One dashboard for the stage.
    this.opsDashboard = new OpsDashboard(this, 'Ops', {
      dashboardName: `${config.stackPrefix}-ops`,
      stage: config.stage,
      runbookUrl: config.runbookUrl,
      api: this.api,
      deadlineCheck: this.deadlineCheck.fn,
      semesterQueue: this.semesterQueue,
      deadLetterQueues,
      alarms,
    });

    // --- What DevOps needs to find.
    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'IngestClientPolicyArn', {
      description: 'Attach to the IAM user or role of each ingest client',
      value: this.ingestClientPolicy.managedPolicyArn,
    });
    new CfnOutput(this, 'DeadlineCheckFunction', { value: this.deadlineCheck.fn.functionName });
    new CfnOutput(this, 'SemesterStartFunction', { value: this.semesterStart.fn.functionName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
    new CfnOutput(this, 'MailFeedbackTopicArn', { value: mailFeedback.topicArn });
    new CfnOutput(this, 'SesConfigurationSet', { value: this.configurationSet.configurationSetName });
    for (const [name, queue] of deadLetterQueues) {
      new CfnOutput(this, `${name}DeadLetterQueueUrl`, { value: queue.queueUrl });
    }
    new CfnOutput(this, 'DashboardName', { value: this.opsDashboard.dashboard.dashboardName });
    // Everything `lapor-paman smoke --stage <name>` checks, in one output (read from
    // `cdk deploy --outputs-file`): see cli/commands/smoke.ts.
    const manifest: SmokeManifest = {
      stage: config.stage,
      region: this.region,
      apiUrl: this.api.apiEndpoint,
      tableName: table.tableName,
      deadlineCheckFunction: this.deadlineCheck.fn.functionName,
      scheduleGroup: this.scheduleGroup.scheduleGroupName,
      schedulesEnabled: config.schedulesEnabled,
      schedules: [
        ...[this.deadlineCheck, this.semesterStart, this.publicSite.publisher].map(
          (job) => job.schedule.scheduleName,
        ),
        this.publicSite.afterSemester.scheduleName,
      ],
      queues: Object.fromEntries([
        ['SemesterWork', this.semesterQueue.queueUrl],
        ...deadLetterQueues.map(([name, q]) => [`${name}DeadLetters`, q.queueUrl]),
      ]),
      alarms: alarms.map((a) => a.alarmName),
    };
    new CfnOutput(this, 'SmokeManifest', {
      description: 'What lapor-paman smoke checks: API, table, schedules, queues, alarms (JSON)',
      value: this.toJsonString(manifest),
    });
  }
}

/** A dead-letter queue: encrypted, TLS only, kept 14 days (the longest SQS allows). */
function deadLetterQueue(scope: Construct, id: string): Queue {
  return new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
}
