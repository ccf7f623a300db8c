import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/adapters/table-definition';
import { loadConfig } from '../../handlers/support/config';
import { type HouseFunction, shippedDataFolders } from '../../infra/constructs/house-function';
import { type FunctionName, forbiddenTableActions, tableAccess } from '../../infra/table-access';
import { kalsel } from '../support/data';
import { synthTestApp } from './app-fixture';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Sid?: string };

// One synthesis with real (local esbuild) bundling for the whole file.
let app: ReturnType<typeof synthTestApp>;
let stateful: Template;
let stateless: Template;
const alarmEmail = 'devops@kalselprov.go.id';

beforeAll(() => {
  app = synthTestApp({ alarmEmail });
  stateful = app.statefulTemplate;
  stateless = app.statelessTemplate;
}, 180_000);

const ref = (construct: IConstruct) => ({
  Ref: Stack.of(construct).getLogicalId(construct.node.defaultChild as never),
});
const logicalId = (construct: IConstruct) =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as never);
const arnOf = (construct: IConstruct) => ({ 'Fn::GetAtt': [logicalId(construct), 'Arn'] });
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resources = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

/** Every statement of every policy (inline and managed) in a template, with the policy's roles. */
function statements(template: Template): (Statement & { policy: string; roles: unknown[] })[] {
  const policies = {
    ...template.findResources('AWS::IAM::Policy'),
    ...template.findResources('AWS::IAM::ManagedPolicy'),
  } as Record<string, Resource>;
  return Object.entries(policies).flatMap(([policy, r]) =>
    (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement.map((s) => ({
      ...s,
      policy,
      roles: (r.Properties.Roles as unknown[]) ?? [],
    })),
  );
}

/** The statements granted to a function's role. */
function grantsOf(fn: { executionRole: IConstruct }) {
  const role = ref(fn.executionRole);
  return statements(stateless).filter((s) => s.roles.some((r) => JSON.stringify(r) === JSON.stringify(role)));
}

/** The functions by the name of their entry point. */
function functionsByName(): [FunctionName, HouseFunction][] {
  return [
    ['ingest-api', app.stateless.ingestApi],
    ['bulk-import', app.stateless.bulkImport],
    ['check-deadlines', app.stateless.deadlineCheck.fn],
    ['semester-start', app.stateless.semesterStart.fn],
    ['semester-worker', app.stateless.semesterWorker],
    ['publish-site', app.stateless.publicSite.publisher.fn],
  ];
}

describe('the stateful stack', () => {
  it('keeps the table: point-in-time recovery, deletion protection, encryption, retained', () => {
    const tables = stateful.findResources('AWS::DynamoDB::GlobalTable') as Record<string, Resource>;
    expect(Object.keys(tables)).toHaveLength(1);
    const table = Object.values(tables)[0]!;
    // cdk-nag's PITR rule ignores TableV2 (AWS::DynamoDB::GlobalTable): this is the check.
    expect(table.Properties.Replicas).toEqual([
      expect.objectContaining({
        Region: 'ap-southeast-3',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    ]);
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(
      (table.Properties.GlobalSecondaryIndexes as { IndexName: string }[]).map((g) => g.IndexName),
    ).toEqual(tableDefinition.globalSecondaryIndexes.map((g) => g.indexName));
  });

  it('keeps the import bucket private, encrypted, TLS-only, versioned, logged and retained', () => {
    stateful.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: {
          DestinationBucketName: ref(app.stateful.accessLogBucket),
          LogFilePrefix: Match.anyValue(),
        },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ Prefix: 'imports/', ExpirationInDays: 7 }),
            Match.objectLike({ Prefix: 'results/', ExpirationInDays: 180 }),
            Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 1 } }),
          ]),
        },
      }),
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(app.stateful.importBucket),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('creates the SES identity and retains it (new DKIM tokens would mean new DNS records)', () => {
    stateful.hasResource('AWS::SES::EmailIdentity', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ EmailIdentity: 'lapor.kalselprov.go.id' }),
    });
    expect(Object.keys(stateful.findOutputs('*')).filter((k) => k.startsWith('DkimRecord'))).toHaveLength(3);
  });
});

describe('the scheduled jobs', () => {
  it('runs the deadline check at 08:00 Asia/Makassar every day (the function skips weekends and holidays), on the live alias', () => {
    const job = app.stateless.deadlineCheck;
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Makassar',
      GroupName: Stack.of(app.stateless).resolve(app.stateless.scheduleGroup.scheduleGroupName),
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: ref(job.alias),
        DeadLetterConfig: { Arn: arnOf(job.deadLetterQueue) },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
      }),
    });
  });

  it('starts the semester evaluation at 07:00 Asia/Makassar on 1 January and 1 July', () => {
    const job = app.stateless.semesterStart;
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 1 1,7 ? *)',
      ScheduleExpressionTimezone: 'Asia/Makassar',
      Target: Match.objectLike({
        Arn: ref(job.alias),
        DeadLetterConfig: { Arn: arnOf(job.deadLetterQueue) },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
      }),
    });
  });

  it.each([
    ['deadline check', () => app.stateless.deadlineCheck],
    ['semester start', () => app.stateless.semesterStart],
  ])('gives the %s its own async retries and parks failed runs in the same dead-letter queue', (_, job) => {
    const { fn, alias, deadLetterQueue } = job();
    const qualifier = new Capture();
    stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(fn),
      Qualifier: qualifier,
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
    });
    expect(JSON.stringify(qualifier.asObject())).toContain(logicalId(alias));
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      DeadLetterConfig: { TargetArn: arnOf(deadLetterQueue) },
      LoggingConfig: { LogGroup: Match.anyValue() },
    });
    expect(grantsOf(fn)).toContainEqual(
      expect.objectContaining({ Action: 'sqs:SendMessage', Resource: arnOf(deadLetterQueue) }),
    );
  });

  it('lets the scheduler invoke only the alias, and write only to its dead-letter queue', () => {
    const schedulerGrants = statements(stateless).filter((s) => actions(s).includes('lambda:InvokeFunction'));
    expect(schedulerGrants.map((s) => s.Resource)).toEqual(
      expect.arrayContaining([
        ref(app.stateless.deadlineCheck.alias),
        ref(app.stateless.semesterStart.alias),
        ref(app.stateless.publicSite.publisher.alias),
      ]),
    );
    expect(schedulerGrants).toHaveLength(3);
  });
});

describe('the semester fan-out', () => {
  it('feeds the worker from SQS with partial batch responses and a small batch', () => {
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: ref(app.stateless.semesterWorker),
      EventSourceArn: arnOf(app.stateless.semesterQueue),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 2,
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('redrives a unit to the dead-letter queue after 3 receives, and hides it for 6 worker timeouts', () => {
    const queue = stateless.findResources('AWS::SQS::Queue')[
      logicalId(app.stateless.semesterQueue)
    ] as Resource;
    const worker = stateless.findResources('AWS::Lambda::Function')[
      logicalId(app.stateless.semesterWorker)
    ] as Resource;
    expect(queue.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: arnOf(app.stateless.semesterDeadLetterQueue),
      maxReceiveCount: 3,
    });
    expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
      6 * (worker.Properties.Timeout as number),
    );
    expect(worker.Properties.MemorySize).toBe(1024);
  });

  it('encrypts every queue and refuses requests without TLS', () => {
    for (const queue of Object.values(stateless.findResources('AWS::SQS::Queue')) as Resource[]) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    }
    const policies = Object.values(stateless.findResources('AWS::SQS::QueuePolicy')) as Resource[];
    expect(policies).toHaveLength(Object.keys(stateless.findResources('AWS::SQS::Queue')).length);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });
});

describe('least privilege', () => {
  it('names a resource in every statement: no Resource "*" anywhere', () => {
    for (const template of [stateful, stateless]) {
      for (const s of statements(template))
        expect(resources(s), `${s.policy} ${actions(s)}`).not.toContain('*');
    }
  });

  it('grants each function exactly its own table actions, by partition key, and no delete or scan', () => {
    for (const [name, fn] of functionsByName()) {
      const access = tableAccess[name];
      const dynamo = grantsOf(fn).filter((s) => actions(s).some((a) => a.startsWith('dynamodb:')));
      const expected = [
        ...access.items.map((g) => ({
          Sid: `Table${g.sid}`,
          Effect: 'Allow',
          Action: g.actions.map((a) => `dynamodb:${a}`).sort(),
          Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...g.leadingKeys] } },
        })),
        ...(access.indexQueries.length > 0
          ? [{ Sid: 'TableIndexQueries', Effect: 'Allow', Action: ['dynamodb:Query'] }]
          : []),
      ];
      const shape = (st: Statement & { Condition?: unknown }) => ({
        Sid: st.Sid,
        Effect: st.Effect,
        Action: actions(st).sort(),
        ...(st.Condition ? { Condition: st.Condition } : {}),
      });
      expect(dynamo.map(shape), name).toEqual(expected);
      for (const s of dynamo) {
        for (const a of actions(s))
          expect(forbiddenTableActions.map((f) => `dynamodb:${f}`)).not.toContain(a);
        const arn = JSON.stringify(s.Resource);
        if (s.Sid === 'TableIndexQueries') {
          const indexes = resources(s).map((r) => /\/index\/([a-z-]+)/.exec(JSON.stringify(r))?.[1]);
          expect(indexes, name).toEqual([...access.indexQueries]);
        } else {
          expect(arn, name).not.toContain('/index/');
          expect(arn, name).toContain('Complaints');
        }
      }
    }
    // Spelled out for the reader: what the two writers and the scheduler's light job may do.
    const flat = (name: FunctionName) =>
      tableAccess[name].items.flatMap((g) => g.actions.map((a) => `${a} ${g.leadingKeys.join('|')}`)).sort();
    expect(flat('semester-start')).toEqual(['PutItem SEMESTER#*']);
    expect(flat('bulk-import')).toEqual(['GetItem C#*', 'PutItem C#*', 'UpdateItem AGG#*']);
    expect(tableAccess['ingest-api'].indexQueries).toEqual([]);
    expect(tableAccess['bulk-import'].indexQueries).toEqual([]);
  });

  it('lets only the two mailing functions send, only as the identity and with the configuration set', () => {
    const send = statements(stateless).filter((s) => actions(s).some((a) => a.startsWith('ses:')));
    expect(send.flatMap((s) => s.roles)).toEqual(
      expect.arrayContaining([
        ref(app.stateless.deadlineCheck.fn.executionRole),
        ref(app.stateless.semesterWorker.executionRole),
      ]),
    );
    expect(send.flatMap((s) => s.roles)).toHaveLength(2);
    for (const s of send) {
      expect(actions(s)).toEqual(['ses:SendRawEmail']);
      const arns = resources(s).map((r) => JSON.stringify(r));
      expect(arns).toHaveLength(2);
      expect(arns.some((a) => a.includes(':identity/lapor.kalselprov.go.id'))).toBe(true);
      expect(
        arns.some(
          (a) => a.includes(':configuration-set/') && a.includes(logicalId(app.stateless.configurationSet)),
        ),
      ).toBe(true);
    }
    for (const fn of [app.stateless.ingestApi, app.stateless.bulkImport, app.stateless.semesterStart.fn]) {
      expect(grantsOf(fn).some((s) => actions(s).some((a) => a.startsWith('ses:')))).toBe(false);
    }
  });

  it('lets the bulk import read and remove uploads under imports/ and write results under results/ only', () => {
    const s3 = grantsOf(app.stateless.bulkImport).filter((s) => actions(s).some((a) => a.startsWith('s3:')));
    expect(s3).toHaveLength(2);
    const [uploads, results] = s3;
    expect(actions(uploads!).sort()).toEqual([
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:GetObject',
      's3:GetObjectVersion',
    ]);
    expect(JSON.stringify(uploads!.Resource)).toMatch(/"\/imports\/\*"/);
    expect(actions(results!)).toEqual(['s3:PutObject']);
    expect(JSON.stringify(results!.Resource)).toMatch(/"\/results\/\*"/);
  });

  it('lets only the semester functions send to the semester queue', () => {
    const senders = statements(stateless).filter(
      (s) =>
        actions(s).includes('sqs:SendMessage') &&
        JSON.stringify(s.Resource) === JSON.stringify(arnOf(app.stateless.semesterQueue)),
    );
    expect(senders.flatMap((s) => s.roles)).toEqual(
      expect.arrayContaining([
        ref(app.stateless.semesterStart.fn.executionRole),
        ref(app.stateless.semesterWorker.executionRole),
      ]),
    );
    expect(senders.flatMap((s) => s.roles)).toHaveLength(2);
  });
});

describe('limits against floods and runaway cost', () => {
  it('reserves concurrency for the ingest API and the bulk import, and for nothing else', () => {
    const fn = (f: IConstruct) => stateless.findResources('AWS::Lambda::Function')[logicalId(f)] as Resource;
    expect(fn(app.stateless.ingestApi).Properties.ReservedConcurrentExecutions).toBe(10);
    expect(fn(app.stateless.bulkImport).Properties.ReservedConcurrentExecutions).toBe(2);
    const reserved = (Object.values(stateless.findResources('AWS::Lambda::Function')) as Resource[]).filter(
      (r) => r.Properties.ReservedConcurrentExecutions !== undefined,
    );
    expect(reserved).toHaveLength(2);
  });

  it("caps the table's on-demand writes (the indexes inherit the cap)", () => {
    stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      WriteOnDemandThroughputSettings: { MaxWriteRequestUnits: 1000 },
    });
  });

  it('throttles each route for all clients together, after the routes exist', () => {
    const stages = stateless.findResources('AWS::ApiGatewayV2::Stage') as Record<
      string,
      Resource & { DependsOn?: string[] }
    >;
    const [stage] = Object.values(stages);
    expect(stage?.Properties.RouteSettings).toEqual({
      'POST /v1/updates': { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
      'GET /v1/complaints/{trackingId}': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    });
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: 5,
      ThrottlingBurstLimit: 10,
    });
    const routes = Object.keys(stateless.findResources('AWS::ApiGatewayV2::Route'));
    expect(stage?.DependsOn).toEqual(expect.arrayContaining(routes));
  });

  it('takes every limit from the configuration, and 0 reserves no concurrency', () => {
    const other = synthTestApp(
      {
        ingestReservedConcurrency: 0,
        importReservedConcurrency: 1,
        tableMaxWriteRequestUnits: 200,
        updatesRateLimit: 2,
        updatesBurstLimit: 4,
      },
      { bundle: false, cfnValidation: false },
    );
    const fns = other.statelessTemplate.findResources('AWS::Lambda::Function') as Record<string, Resource>;
    const id = (f: IConstruct) => Stack.of(f).getLogicalId(f.node.defaultChild as never);
    expect(fns[id(other.stateless.ingestApi)]?.Properties.ReservedConcurrentExecutions).toBeUndefined();
    expect(fns[id(other.stateless.bulkImport)]?.Properties.ReservedConcurrentExecutions).toBe(1);
    other.statefulTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      WriteOnDemandThroughputSettings: { MaxWriteRequestUnits: 200 },
    });
    other.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: Match.objectLike({
        'POST /v1/updates': { ThrottlingRateLimit: 2, ThrottlingBurstLimit: 4 },
      }),
    });
  });
});

describe('template hardening', () => {
  it('encrypts every topic with a rotated key that only CloudWatch and SES of this account may use', () => {
    const topics = Object.values(stateless.findResources('AWS::SNS::Topic')) as Resource[];
    expect(topics.length).toBeGreaterThanOrEqual(2);
    const keys = stateless.findResources('AWS::KMS::Key') as Record<string, Resource>;
    for (const topic of topics) {
      const keyRef = topic.Properties.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] };
      const key = keys[keyRef?.['Fn::GetAtt']?.[0]];
      expect(key, JSON.stringify(topic.Properties.DisplayName)).toBeDefined();
      expect(key?.Properties.EnableKeyRotation).toBe(true);
      const services = (
        (key?.Properties.KeyPolicy ?? { Statement: [] }) as { Statement: Record<string, unknown>[] }
      ).Statement.filter((st) => (st.Principal as { Service?: unknown })?.Service);
      expect(services).toEqual([
        expect.objectContaining({
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Principal: { Service: ['cloudwatch.amazonaws.com', 'ses.amazonaws.com'] },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        }),
      ]);
    }
  });

  it('requires TLS for every message of the configuration set', () => {
    stateless.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
  });

  it('lets the mailing functions send only from the configured sender address', () => {
    const send = statements(stateless).filter((st) => actions(st).some((a) => a.startsWith('ses:')));
    expect(send).toHaveLength(2);
    for (const st of send) {
      expect((st as { Condition?: Record<string, Record<string, unknown>> }).Condition?.StringEquals).toEqual(
        {
          'ses:FromAddress': 'no-reply@lapor.kalselprov.go.id',
        },
      );
    }
  });

  it("keeps CDK's bucket-notification handler's logs in a log group with a retention", () => {
    const handlers = stateless.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('Custom::S3BucketNotifications') },
    }) as Record<string, Resource>;
    const [handler] = Object.values(handlers);
    const group = (handler?.Properties.LoggingConfig as { LogGroup?: { Ref: string } })?.LogGroup?.Ref;
    expect(group).toBeDefined();
    expect(stateless.findResources('AWS::Logs::LogGroup')[group as string]?.Properties).toMatchObject({
      RetentionInDays: 90,
    });
  });
});

describe('the HTTP API', () => {
  it('authorizes both routes with IAM', () => {
    for (const routeKey of ['POST /v1/updates', 'GET /v1/complaints/{trackingId}']) {
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        AuthorizationType: 'AWS_IAM',
      });
    }
    expect(Object.keys(stateless.findResources('AWS::ApiGatewayV2::Route'))).toHaveLength(2);
  });

  it('logs access with the caller and throttles the default stage', () => {
    const format = new Capture();
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: format },
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue() }),
    });
    expect(JSON.parse(format.asString())).toMatchObject({
      requestId: '$context.requestId',
      caller: '$context.identity.userArn',
    });
  });

  it('offers a managed "ingest client" policy allowing exactly the two routes, and outputs its ARN', () => {
    const [statement, ...others] = statements(stateless).filter((s) =>
      actions(s).includes('execute-api:Invoke'),
    );
    expect(others).toHaveLength(0);
    const arns = resources(statement!).map((r) => JSON.stringify(r));
    expect(arns).toHaveLength(2);
    expect(arns.some((a) => a.includes('/$default/POST/v1/updates"'))).toBe(true);
    expect(arns.some((a) => a.includes('/$default/GET/v1/complaints/*"'))).toBe(true);
    stateless.hasOutput('IngestClientPolicyArn', { Value: ref(app.stateless.ingestClientPolicy) });
  });
});

describe('the functions', () => {
  const fns = () =>
    [
      ['ingest-api', app.stateless.ingestApi, { email: false }],
      ['bulk-import', app.stateless.bulkImport, { email: false }],
      ['check-deadlines', app.stateless.deadlineCheck.fn, { email: true }],
      ['semester-start', app.stateless.semesterStart.fn, { email: true }],
      ['semester-worker', app.stateless.semesterWorker, { email: true }],
    ] as const;

  it('run ARM64 on nodejs24.x with source maps and a log group with a retention', () => {
    for (const [name, fn] of fns()) {
      const resource = stateless.findResources('AWS::Lambda::Function')[logicalId(fn)] as Resource;
      expect(resource.Properties, name).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: '--enable-source-maps' }) },
      });
      const logGroupId = (resource.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(stateless.findResources('AWS::Logs::LogGroup')[logGroupId]?.Properties).toMatchObject({
        RetentionInDays: 90,
      });
    }
  });

  it('get every environment variable their cold start requires', () => {
    const extra: Record<string, string[]> = {
      'bulk-import': ['IMPORT_BUCKET'],
      'semester-start': ['SEMESTER_QUEUE_URL', 'SES_CONFIGURATION_SET'],
      'semester-worker': ['SEMESTER_QUEUE_URL', 'SES_CONFIGURATION_SET'],
      'check-deadlines': ['SES_CONFIGURATION_SET'],
    };
    for (const [name, fn, needs] of fns()) {
      const resource = stateless.findResources('AWS::Lambda::Function')[logicalId(fn)] as Resource;
      const variables = (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      // Tokens (table name, queue URL) resolve at deploy time: any string stands in for them.
      const env = Object.fromEntries(
        Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' ? v : 'resolved-at-deploy']),
      );
      expect(() => loadConfig(env, needs), name).not.toThrow();
      for (const key of extra[name] ?? []) expect(env[key], `${name} ${key}`).toBeTruthy();
    }
    const worker = stateless.findResources('AWS::Lambda::Function')[
      logicalId(app.stateless.semesterWorker)
    ] as Resource;
    // Two workers at once share the account's sending rate (1/s in the sandbox).
    expect(
      (worker.Properties.Environment as { Variables: Record<string, string> }).Variables.SES_MAX_SEND_RATE,
    ).toBe('0.5');
  });

  it('are bundled locally with data/ beside the bundle (no roster), fonts for the worker only', () => {
    for (const [name, fn] of fns()) {
      const resource = stateless.findResources('AWS::Lambda::Function')[logicalId(fn)] as Resource;
      const key = (resource.Properties.Code as { S3Key: string }).S3Key;
      const assetDir = path.join(app.outdir, `asset.${key.replace(/\.zip$/, '')}`);
      expect(readdirSync(assetDir).sort(), name).toEqual(
        name === 'semester-worker'
          ? ['data', 'fonts', 'index.mjs', 'index.mjs.map']
          : ['data', 'index.mjs', 'index.mjs.map'],
      );
      expect(readdirSync(path.join(assetDir, 'data')).sort()).toEqual([...shippedDataFolders].sort());
      expect(existsSync(path.join(assetDir, 'data', 'regions', '63.json'))).toBe(true);
    }
  });
});

describe('the S3 import trigger', () => {
  it('invokes the bulk import for every object under imports/ (any name gets an answer), with its own retries and dead letters', () => {
    const configs = new Capture();
    stateless.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: { LambdaFunctionConfigurations: configs },
      Managed: false,
    });
    const filters = (
      configs.asArray() as { Filter: { Key: { FilterRules: { Name: string; Value: string }[] } } }[]
    ).map((c) => Object.fromEntries(c.Filter.Key.FilterRules.map((r) => [r.Name, r.Value])));
    // S3's suffix filters are case-sensitive: "LAPORAN.XLSX" or a ".xls" would be ignored in silence.
    expect(filters).toEqual([{ prefix: 'imports/' }]);
    stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(app.stateless.bulkImport),
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
    });
  });
});

describe('SES and alarms', () => {
  it('publishes bounces and complaints of the configuration set to a topic', () => {
    stateless.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: ref(app.stateless.configurationSet),
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: Match.anyValue() },
      }),
    });
  });

  it('sends every alarm to the alarm topic, which e-mails the configured address', () => {
    const alarms = Object.values(stateless.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    for (const alarm of alarms)
      expect(alarm.Properties.AlarmActions).toEqual([ref(app.stateless.alarmTopic)]);
    stateless.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: alarmEmail,
      TopicArn: ref(app.stateless.alarmTopic),
    });
  });

  it('watches every dead-letter queue, every function, the schedule group and the SES reputation', () => {
    const alarms = Object.values(stateless.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const dimension = (a: Resource) =>
      JSON.stringify((a.Properties.Dimensions as { Value: unknown }[])?.[0]?.Value);
    const watched = (metric: string) =>
      alarms.filter((a) => a.Properties.MetricName === metric).map(dimension);

    const dlqs = [
      app.stateless.deadlineCheck.deadLetterQueue,
      app.stateless.semesterStart.deadLetterQueue,
      app.stateless.semesterDeadLetterQueue,
      app.stateless.publicSite.publisher.deadLetterQueue,
    ];
    const queueNames = dlqs.map((q) => JSON.stringify({ 'Fn::GetAtt': [logicalId(q), 'QueueName'] }));
    expect(watched('ApproximateNumberOfMessagesVisible')).toEqual(expect.arrayContaining(queueNames));
    expect(watched('ApproximateNumberOfMessagesVisible')).toHaveLength(5); // + the bulk import's
    const deadLetterTargets = (Object.values(stateless.findResources('AWS::Lambda::Function')) as Resource[])
      .map((f) => (f.Properties.DeadLetterConfig as { TargetArn?: { 'Fn::GetAtt': string[] } })?.TargetArn)
      .filter((t) => t !== undefined)
      .map((t) => JSON.stringify({ 'Fn::GetAtt': [t['Fn::GetAtt'][0], 'QueueName'] }));
    expect(watched('ApproximateNumberOfMessagesVisible')).toEqual(expect.arrayContaining(deadLetterTargets));

    const functionIds = [
      app.stateless.ingestApi,
      app.stateless.bulkImport,
      app.stateless.deadlineCheck.fn,
      app.stateless.semesterStart.fn,
      app.stateless.semesterWorker,
      app.stateless.publicSite.publisher.fn,
    ].map((f) => JSON.stringify(ref(f)));
    expect(watched('Errors').sort()).toEqual(functionIds.sort());

    const group = JSON.stringify(
      Stack.of(app.stateless).resolve(app.stateless.scheduleGroup.scheduleGroupName),
    );
    for (const metric of [
      'TargetErrorCount',
      'InvocationDroppedCount',
      'InvocationsSentToDeadLetterCount',
      'InvocationsFailedToBeSentToDeadLetterCount',
    ]) {
      expect(watched(metric), metric).toEqual([group]);
    }
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Threshold: 0.05,
    });
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.ComplaintRate',
      Threshold: 0.001,
    });
  });
});

describe('the alarms that notice what did not happen', () => {
  const alarmNamed = (id: string) => {
    const found = Object.entries(stateless.findResources('AWS::CloudWatch::Alarm')).find(([logical]) =>
      logical.startsWith(id),
    );
    if (!found) throw new Error(`no alarm ${id}`);
    return found[1] as Resource;
  };

  it('fires when no daily check completed in 25 hours: missing data breaches, and the run reports every day', () => {
    const missed = alarmNamed('DeadlineCheckMissedAlarm');
    expect(missed.Properties).toMatchObject({
      Namespace: 'LaporPaman',
      MetricName: 'deadline_check_completed',
      Dimensions: [{ Name: 'service', Value: 'check-deadlines' }],
      Statistic: 'Sum',
      Period: 3600,
      EvaluationPeriods: 25,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      AlarmActions: [ref(app.stateless.alarmTopic)],
    });
    expect(String(missed.Properties.AlarmDescription)).toContain('#a-working-day-without-a-deadline-check');
    // Weekends and holidays do not page: the schedule runs every day and the function reports a
    // completed run on those days too (test/integration/check-deadlines-handler.test.ts).
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 * * ? *)',
      Target: Match.objectLike({ Arn: ref(app.stateless.deadlineCheck.alias) }),
    });
  });

  it('fires when an e-mail claim is found left "sending", by the daily check or a semester worker', () => {
    const claims = alarmNamed('ClaimsLeftSendingAlarm');
    const metrics = claims.Properties.Metrics as {
      Id: string;
      Expression?: string;
      MetricStat?: { Metric: { MetricName: string; Dimensions: { Value: string }[] } };
    }[];
    expect(metrics.find((m) => m.Expression)?.Expression).toBe('FILL(d, 0) + FILL(w, 0)');
    expect(
      metrics
        .filter((m) => m.MetricStat)
        .map((m) => [m.MetricStat?.Metric.MetricName, m.MetricStat?.Metric.Dimensions[0]?.Value])
        .sort(),
    ).toEqual([
      ['claims_in_progress', 'check-deadlines'],
      ['claims_in_progress', 'semester-worker'],
    ]);
    expect(claims.Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(String(claims.Properties.AlarmDescription)).toContain('#an-e-mail-claim-left-sending');
  });

  it('mails again for each new failure in a dead-letter queue that already holds messages', () => {
    for (const name of ['DeadlineCheck', 'SemesterStart', 'SemesterWork', 'BulkImport', 'PublishSite']) {
      const again = alarmNamed(`${name}NewDeadLettersAlarm`);
      const metrics = again.Properties.Metrics as {
        Expression?: string;
        MetricStat?: { Metric: { MetricName: string } };
      }[];
      expect(metrics.find((m) => m.Expression)?.Expression).toBe(
        'IF(DIFF(v) > 0 AND (v - DIFF(v)) > 0, 1, 0)',
      );
      expect(metrics.find((m) => m.MetricStat)?.MetricStat?.Metric.MetricName).toBe(
        'ApproximateNumberOfMessagesVisible',
      );
      expect(again.Properties).toMatchObject({
        Threshold: 1,
        TreatMissingData: 'notBreaching',
        AlarmActions: [ref(app.stateless.alarmTopic)],
      });
    }
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in either stack (AwsSolutions)', () => {
    const report = new AwsSolutionsChecks().validateScope(app.app);
    expect(
      report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges each finding on one resource, for one rule, with a reason', () => {
    const acknowledged: { path: string; rule: string; reason: string }[] = [];
    const visit = (c: IConstruct) => {
      for (const entry of c.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [rule, reason] of Object.entries(entry.data as Record<string, string>)) {
          acknowledged.push({ path: c.node.path, rule: rule.replace(/^annotation::/i, ''), reason });
        }
      }
      for (const child of c.node.children) visit(child);
    };
    visit(app.app);
    for (const ack of acknowledged) {
      expect(ack.path.split('/').length, ack.path).toBeGreaterThan(1); // a resource, not a stack or the app
      expect(ack.rule).toMatch(/^AwsSolutions-[A-Z]+\d+(\[[^\]]+\])?$/);
      expect(ack.reason.length, ack.rule).toBeGreaterThan(40);
    }
    // Each uploader policy names two prefixes of the import bucket (its uploads, its results).
    const uploaderPolicies = [
      ...kalsel().regencies.map((r) => `UploaderPolicy${r.code}`),
      'ProvinceUploaderPolicy',
    ].flatMap((id) => [
      `LaporPaman-Stateful/${id} AwsSolutions-IAM5[…]`,
      `LaporPaman-Stateful/${id} AwsSolutions-IAM5[…]`,
    ]);
    expect(acknowledged.map((a) => `${a.path} ${a.rule.replace(/\[.*\]$/, '[…]')}`).sort()).toEqual(
      [
        ...uploaderPolicies,
        'LaporPaman-Stateless/BucketNotificationsHandler050a0587b7544547bf325f094a3db834/Role AwsSolutions-IAM4[…]',
        'LaporPaman-Stateless/BulkImportRole AwsSolutions-IAM5[…]',
        'LaporPaman-Stateless/BulkImportRole AwsSolutions-IAM5[…]',
        'LaporPaman-Stateless/IngestClientPolicy AwsSolutions-IAM5[…]',
        'LaporPaman-Stateless/Scoreboard/Logs AwsSolutions-S1',
        'LaporPaman-Stateless/Scoreboard/Publisher/FunctionRole AwsSolutions-IAM5[…]',
      ].sort(),
    );
  });
});
