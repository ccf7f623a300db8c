import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CliCredentialsStackSynthesizer, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/config';
import { defineTestApp } from './app-fixture';

/**
 * The `cdk bootstrap` the README documents: the CloudFormation execution role gets
 * infra/bootstrap/execution-policy.json instead of AdministratorAccess, and every role (the
 * execution role and each role the app creates) gets infra/bootstrap/permissions-boundary.json.
 * These tests hold both files to the synthesized templates: whatever the app creates, the policy
 * must allow; whatever the app's roles are granted, the boundary must allow.
 */
type Statement = {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string>>;
};
type Policy = { Statement: Statement[] };
type Resource = { Type: string; Properties?: Record<string, unknown> };

const readPolicy = (file: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'infra/bootstrap', file), 'utf8')) as Policy;
const executionPolicy = readPolicy('execution-policy.json');
const boundary = readPolicy('permissions-boundary.json');
const boundaryName = 'lapor-paman-boundary';

const glob = (pattern: string, value: string, caseless = false) => {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    caseless ? 'i' : '',
  );
  return re.test(value);
};
const list = (v: string | string[]) => [v].flat();
const conditionHolds = (condition: Statement['Condition'], context: Record<string, string>) =>
  Object.entries(condition ?? {}).every(([op, pairs]) =>
    Object.entries(pairs).every(([key, pattern]) => {
      const value = context[key];
      if (op === 'StringLike') return value !== undefined && glob(pattern, value);
      if (op === 'StringNotLike') return value === undefined || !glob(pattern, value);
      throw new Error(`condition operator ${op} not understood by this test`);
    }),
  );
const matches = (s: Statement, action: string, arn: string, context: Record<string, string>) =>
  list(s.Action).some((a) => glob(a, action, true)) &&
  list(s.Resource).some((r) => glob(r, arn)) &&
  conditionHolds(s.Condition, context);
/** IAM's evaluation, as far as these policies need it: an explicit deny wins, then any allow. */
function allows(policy: Policy, action: string, arn: string, context: Record<string, string> = {}): boolean {
  if (policy.Statement.some((s) => s.Effect === 'Deny' && matches(s, action, arn, context))) return false;
  return policy.Statement.some((s) => s.Effect === 'Allow' && matches(s, action, arn, context));
}

const account = '111111111111';
const region = 'ap-southeast-3';
const withBoundary = { 'iam:PermissionsBoundary': `arn:aws:iam::${account}:policy/${boundaryName}` };

/**
 * For each resource type the app's templates hold: the actions CloudFormation calls to create,
 * update and delete it, and the ARN CloudFormation gives it (names generated from the stack name).
 * A type missing here fails the test: add it, and what it needs to execution-policy.json.
 */
const needs: Record<
  string,
  (stack: string) => { actions: string[]; arn: string; context?: Record<string, string> }
> = {
  'AWS::DynamoDB::GlobalTable': (stack) => ({
    actions: [
      'dynamodb:CreateTable',
      'dynamodb:UpdateTable',
      'dynamodb:DeleteTable',
      'dynamodb:DescribeTable',
      'dynamodb:UpdateContinuousBackups',
      'dynamodb:TagResource',
    ],
    arn: `arn:aws:dynamodb:${region}:${account}:table/${stack}-TableCD117FA1-ABC123`,
  }),
  'AWS::S3::Bucket': (stack) => ({
    actions: [
      's3:CreateBucket',
      's3:PutBucketVersioning',
      's3:PutEncryptionConfiguration',
      's3:PutLifecycleConfiguration',
      's3:PutBucketLogging',
      's3:PutBucketPublicAccessBlock',
      's3:PutBucketTagging',
      's3:DeleteBucket',
    ],
    arn: `arn:aws:s3:::${stack.toLowerCase()}-importbucket-abc123`,
  }),
  'AWS::S3::BucketPolicy': (stack) => ({
    actions: ['s3:PutBucketPolicy', 's3:GetBucketPolicy', 's3:DeleteBucketPolicy'],
    arn: `arn:aws:s3:::${stack.toLowerCase()}-importbucket-abc123`,
  }),
  'AWS::IAM::Role': (stack) => ({
    actions: [
      'iam:CreateRole',
      'iam:GetRole',
      'iam:PutRolePolicy',
      'iam:AttachRolePolicy',
      'iam:TagRole',
      'iam:PassRole',
      'iam:DeleteRole',
    ],
    arn: `arn:aws:iam::${account}:role/${stack}-IngestApiRole-ABC123`,
    context: withBoundary,
  }),
  'AWS::IAM::Policy': (stack) => ({
    actions: ['iam:PutRolePolicy', 'iam:GetRolePolicy', 'iam:DeleteRolePolicy'],
    arn: `arn:aws:iam::${account}:role/${stack}-IngestApiRole-ABC123`,
    context: withBoundary,
  }),
  'AWS::IAM::ManagedPolicy': (stack) => ({
    actions: [
      'iam:CreatePolicy',
      'iam:CreatePolicyVersion',
      'iam:GetPolicy',
      'iam:DeletePolicy',
      'iam:DeletePolicyVersion',
      'iam:ListPolicyVersions',
    ],
    arn: `arn:aws:iam::${account}:policy/${stack}-IngestClientPolicy-ABC123`,
  }),
  'AWS::KMS::Key': () => ({
    actions: [
      'kms:CreateKey',
      'kms:PutKeyPolicy',
      'kms:EnableKeyRotation',
      'kms:DescribeKey',
      'kms:ScheduleKeyDeletion',
      'kms:TagResource',
    ],
    arn: `arn:aws:kms:${region}:${account}:key/0a1b2c3d-0000-0000-0000-000000000000`,
  }),
  'AWS::Lambda::Function': (stack) => ({
    actions: [
      'lambda:CreateFunction',
      'lambda:UpdateFunctionCode',
      'lambda:UpdateFunctionConfiguration',
      'lambda:PutFunctionConcurrency',
      'lambda:DeleteFunction',
      'lambda:TagResource',
      'lambda:GetFunction',
    ],
    arn: `arn:aws:lambda:${region}:${account}:function:${stack}-IngestApi-ABC123`,
  }),
  'AWS::Lambda::Version': (stack) => ({
    actions: ['lambda:PublishVersion', 'lambda:DeleteFunction'],
    arn: `arn:aws:lambda:${region}:${account}:function:${stack}-DeadlineCheck-ABC123`,
  }),
  'AWS::Lambda::Alias': (stack) => ({
    actions: ['lambda:CreateAlias', 'lambda:UpdateAlias', 'lambda:DeleteAlias'],
    arn: `arn:aws:lambda:${region}:${account}:function:${stack}-DeadlineCheck-ABC123`,
  }),
  'AWS::Lambda::EventInvokeConfig': (stack) => ({
    actions: ['lambda:PutFunctionEventInvokeConfig', 'lambda:DeleteFunctionEventInvokeConfig'],
    arn: `arn:aws:lambda:${region}:${account}:function:${stack}-DeadlineCheck-ABC123`,
  }),
  'AWS::Lambda::EventSourceMapping': () => ({
    actions: [
      'lambda:CreateEventSourceMapping',
      'lambda:UpdateEventSourceMapping',
      'lambda:DeleteEventSourceMapping',
      'lambda:GetEventSourceMapping',
    ],
    arn: '*',
  }),
  'AWS::Lambda::Permission': (stack) => ({
    actions: ['lambda:AddPermission', 'lambda:RemovePermission'],
    arn: `arn:aws:lambda:${region}:${account}:function:${stack}-BulkImport-ABC123`,
  }),
  'Custom::S3BucketNotifications': (stack) => ({
    actions: ['lambda:InvokeFunction'],
    arn: `arn:aws:lambda:${region}:${account}:function:${stack}-BucketNotificationsHandler-ABC123`,
  }),
  'AWS::Logs::LogGroup': (stack) => ({
    actions: [
      'logs:CreateLogGroup',
      'logs:PutRetentionPolicy',
      'logs:DeleteLogGroup',
      'logs:TagResource',
      'logs:DescribeLogGroups',
    ],
    arn: `arn:aws:logs:${region}:${account}:log-group:${stack}-IngestApiLogs-ABC123`,
  }),
  'AWS::SQS::Queue': (stack) => ({
    actions: [
      'sqs:CreateQueue',
      'sqs:SetQueueAttributes',
      'sqs:GetQueueAttributes',
      'sqs:TagQueue',
      'sqs:DeleteQueue',
    ],
    arn: `arn:aws:sqs:${region}:${account}:${stack}-SemesterWork-ABC123`,
  }),
  'AWS::SQS::QueuePolicy': (stack) => ({
    actions: ['sqs:SetQueueAttributes'],
    arn: `arn:aws:sqs:${region}:${account}:${stack}-SemesterWork-ABC123`,
  }),
  'AWS::SNS::Topic': (stack) => ({
    actions: [
      'sns:CreateTopic',
      'sns:SetTopicAttributes',
      'sns:GetTopicAttributes',
      'sns:TagResource',
      'sns:DeleteTopic',
    ],
    arn: `arn:aws:sns:${region}:${account}:${stack}-Alarms-ABC123`,
  }),
  'AWS::SNS::TopicPolicy': (stack) => ({
    actions: ['sns:SetTopicAttributes'],
    arn: `arn:aws:sns:${region}:${account}:${stack}-Alarms-ABC123`,
  }),
  'AWS::SNS::Subscription': (stack) => ({
    actions: ['sns:Subscribe', 'sns:Unsubscribe', 'sns:GetSubscriptionAttributes'],
    arn: `arn:aws:sns:${region}:${account}:${stack}-Alarms-ABC123`,
  }),
  'AWS::CloudWatch::Alarm': (stack) => ({
    actions: [
      'cloudwatch:PutMetricAlarm',
      'cloudwatch:DescribeAlarms',
      'cloudwatch:DeleteAlarms',
      'cloudwatch:TagResource',
    ],
    arn: `arn:aws:cloudwatch:${region}:${account}:alarm:${stack}-DeadlineCheckErrorsAlarm-ABC123`,
  }),
  'AWS::CloudWatch::Dashboard': (stack) => ({
    actions: ['cloudwatch:PutDashboard', 'cloudwatch:GetDashboard', 'cloudwatch:DeleteDashboards'],
    arn: `arn:aws:cloudwatch::${account}:dashboard/${stack}-ops`,
  }),
  'AWS::Scheduler::Schedule': () => ({
    actions: [
      'scheduler:CreateSchedule',
      'scheduler:UpdateSchedule',
      'scheduler:GetSchedule',
      'scheduler:DeleteSchedule',
    ],
    arn: '*',
  }),
  'AWS::Scheduler::ScheduleGroup': () => ({
    actions: [
      'scheduler:CreateScheduleGroup',
      'scheduler:GetScheduleGroup',
      'scheduler:DeleteScheduleGroup',
      'scheduler:TagResource',
    ],
    arn: '*',
  }),
  'AWS::SES::EmailIdentity': () => ({
    actions: [
      'ses:CreateEmailIdentity',
      'ses:GetEmailIdentity',
      'ses:PutEmailIdentityDkimSigningAttributes',
      'ses:DeleteEmailIdentity',
    ],
    arn: `arn:aws:ses:${region}:${account}:identity/lapor.kalselprov.go.id`,
  }),
  'AWS::SES::ConfigurationSet': () => ({
    actions: [
      'ses:CreateConfigurationSet',
      'ses:PutConfigurationSetDeliveryOptions',
      'ses:PutConfigurationSetReputationOptions',
      'ses:PutConfigurationSetSuppressionOptions',
      'ses:DeleteConfigurationSet',
    ],
    arn: `arn:aws:ses:${region}:${account}:configuration-set/MailConfig-ABC123`,
  }),
  'AWS::SES::ConfigurationSetEventDestination': () => ({
    actions: [
      'ses:CreateConfigurationSetEventDestination',
      'ses:UpdateConfigurationSetEventDestination',
      'ses:DeleteConfigurationSetEventDestination',
    ],
    arn: `arn:aws:ses:${region}:${account}:configuration-set/MailConfig-ABC123`,
  }),
  'AWS::ApiGatewayV2::Api': () => ({
    actions: ['apigateway:POST', 'apigateway:PATCH', 'apigateway:GET', 'apigateway:DELETE'],
    arn: `arn:aws:apigateway:${region}::/apis`,
  }),
  'AWS::ApiGatewayV2::Stage': () => ({
    actions: ['apigateway:POST', 'apigateway:PATCH', 'apigateway:DELETE'],
    arn: `arn:aws:apigateway:${region}::/apis/abc123/stages`,
  }),
  'AWS::ApiGatewayV2::Route': () => ({
    actions: ['apigateway:POST', 'apigateway:PATCH', 'apigateway:DELETE'],
    arn: `arn:aws:apigateway:${region}::/apis/abc123/routes`,
  }),
  'AWS::ApiGatewayV2::Integration': () => ({
    actions: ['apigateway:POST', 'apigateway:PATCH', 'apigateway:DELETE'],
    arn: `arn:aws:apigateway:${region}::/apis/abc123/integrations`,
  }),
  'AWS::CloudFront::Distribution': () => ({
    actions: [
      'cloudfront:CreateDistribution',
      'cloudfront:UpdateDistribution',
      'cloudfront:GetDistribution',
      'cloudfront:DeleteDistribution',
      'cloudfront:TagResource',
    ],
    arn: `arn:aws:cloudfront::${account}:distribution/E123`,
  }),
  'AWS::CloudFront::OriginAccessControl': () => ({
    actions: ['cloudfront:CreateOriginAccessControl', 'cloudfront:DeleteOriginAccessControl'],
    arn: `arn:aws:cloudfront::${account}:origin-access-control/E123`,
  }),
  'AWS::CloudFront::ResponseHeadersPolicy': () => ({
    actions: [
      'cloudfront:CreateResponseHeadersPolicy',
      'cloudfront:UpdateResponseHeadersPolicy',
      'cloudfront:DeleteResponseHeadersPolicy',
    ],
    arn: `arn:aws:cloudfront::${account}:response-headers-policy/abc`,
  }),
  'AWS::CDK::Metadata': () => ({ actions: [], arn: '*' }),
};

type Defined = ReturnType<typeof defineTestApp>;
let stages: Defined[];
beforeAll(() => {
  stages = [
    // Every optional resource on: the published scoreboard with its distribution, the alarm e-mail.
    defineTestApp(
      {
        githubRepository: 'kalselprov/lapor-paman',
        publicScoreboard: true,
        alarmEmail: 'ops@kalselprov.go.id',
      },
      { bundle: false, cfnValidation: false, stage: 'staging' },
    ),
    defineTestApp(
      { githubRepository: 'kalselprov/lapor-paman', alarmEmail: 'ops@kalselprov.go.id' },
      { bundle: false, cfnValidation: false, stage: 'production' },
    ),
  ];
}, 180_000);

/** The stacks the pipeline deploys through the bootstrap's execution role. */
const pipelineStacks = (d: Defined): Stack[] => [d.stateful, d.stateless];
const resources = (stack: Stack) =>
  Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, Resource>);

describe('the documented cdk bootstrap: execution policy', () => {
  it('allows what CloudFormation needs for every resource type the app creates, on the names it gives them', () => {
    const missing: string[] = [];
    const unknown = new Set<string>();
    for (const d of stages) {
      for (const stack of pipelineStacks(d)) {
        for (const type of new Set(resources(stack).map((r) => r.Type))) {
          const need = needs[type];
          if (!need) {
            unknown.add(type);
            continue;
          }
          const { actions, arn, context } = need(stack.stackName);
          for (const action of actions) {
            if (!allows(executionPolicy, action, arn, context)) missing.push(`${type}: ${action} on ${arn}`);
          }
        }
      }
    }
    expect([...unknown], 'resource types this test and execution-policy.json do not know yet').toEqual([]);
    expect(missing).toEqual([]);
  });

  it("reaches no other stack's data: tables and buckets only by the app's names", () => {
    expect(
      allows(executionPolicy, 'dynamodb:Scan', `arn:aws:dynamodb:${region}:${account}:table/payroll`),
    ).toBe(false);
    expect(allows(executionPolicy, 's3:GetObject', 'arn:aws:s3:::finance-exports/2026.csv')).toBe(false);
    expect(allows(executionPolicy, 'ec2:RunInstances', '*')).toBe(false);
    expect(allows(executionPolicy, 'organizations:LeaveOrganization', '*')).toBe(false);
  });

  it("creates roles only under the permissions boundary, and never touches the pipeline's own roles or the OIDC provider", () => {
    const role = `arn:aws:iam::${account}:role/LaporPaman-Stateless-IngestApiRole-ABC`;
    expect(allows(executionPolicy, 'iam:CreateRole', role, withBoundary)).toBe(true);
    expect(allows(executionPolicy, 'iam:CreateRole', role)).toBe(false);
    expect(allows(executionPolicy, 'iam:PutRolePolicy', role)).toBe(false);
    expect(
      allows(executionPolicy, 'iam:CreateRole', `arn:aws:iam::${account}:role/Admin`, withBoundary),
    ).toBe(false);
    expect(
      allows(
        executionPolicy,
        'iam:AttachRolePolicy',
        `arn:aws:iam::${account}:role/LaporPaman-github-deploy`,
        withBoundary,
      ),
    ).toBe(false);
    expect(
      allows(
        executionPolicy,
        'iam:UpdateAssumeRolePolicy',
        `arn:aws:iam::${account}:role/LaporPaman-Staging-github-diff`,
      ),
    ).toBe(false);
    expect(
      allows(
        executionPolicy,
        'iam:CreateOpenIDConnectProvider',
        `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`,
      ),
    ).toBe(false);
    expect(
      allows(executionPolicy, 'iam:CreatePolicyVersion', `arn:aws:iam::${account}:policy/${boundaryName}`),
    ).toBe(false);
    expect(allows(executionPolicy, 'iam:CreateUser', `arn:aws:iam::${account}:user/LaporPaman`)).toBe(false);
  });

  it("deploys the pipeline's own access (DeployAccess) with an administrator's credentials, not through the execution role", () => {
    for (const d of stages) {
      expect(d.deployAccess?.synthesizer).toBeInstanceOf(CliCredentialsStackSynthesizer);
    }
  });

  it('fits in one customer managed policy (6,144 characters without white space)', () => {
    for (const file of ['execution-policy.json', 'permissions-boundary.json']) {
      const text = readFileSync(path.join(repoRoot, 'infra/bootstrap', file), 'utf8');
      expect(text.replace(/\s/g, '').length, file).toBeLessThanOrEqual(6144);
    }
  });

  it('is the file the README tells the administrator to bootstrap with', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('infra/bootstrap/execution-policy.json');
    expect(readme).toContain('infra/bootstrap/permissions-boundary.json');
    expect(readme).toContain(`--custom-permissions-boundary ${boundaryName}`);
    expect(readme).toContain('--cloudformation-execution-policies');
  });
});

describe('the documented cdk bootstrap: permissions boundary', () => {
  const roles = (d: Defined) =>
    [d.stateful, d.stateless, d.deployAccess].flatMap((stack) =>
      stack
        ? Object.entries(Template.fromStack(stack).findResources('AWS::IAM::Role')).map(([id, r]) => ({
            stack,
            id,
            r: r as Resource,
          }))
        : [],
    );

  it('is set on every role of every stack', () => {
    for (const d of stages) {
      for (const { stack, id, r } of roles(d)) {
        expect(JSON.stringify(r.Properties?.PermissionsBoundary), `${stack.stackName} ${id}`).toContain(
          `:policy/${boundaryName}`,
        );
      }
    }
  });

  it('allows every action the app grants its roles (or they would fail at run time)', () => {
    const outside: string[] = [];
    for (const d of stages) {
      for (const stack of [d.stateful, d.stateless, d.deployAccess]) {
        if (!stack) continue;
        const t = Template.fromStack(stack);
        const documents = [
          ...Object.values(t.findResources('AWS::IAM::Policy')).map(
            (p) => (p as Resource).Properties?.PolicyDocument,
          ),
          ...Object.values(t.findResources('AWS::IAM::ManagedPolicy')).map(
            (p) => (p as Resource).Properties?.PolicyDocument,
          ),
          ...Object.values(t.findResources('AWS::IAM::Role')).flatMap((r) =>
            (((r as Resource).Properties?.Policies as { PolicyDocument: unknown }[]) ?? []).map(
              (p) => p.PolicyDocument,
            ),
          ),
        ] as Policy[];
        for (const doc of documents) {
          for (const s of doc.Statement.filter((x) => x.Effect === 'Allow')) {
            for (const action of list(s.Action)) {
              // The resource does not narrow the boundary's allows (all on "*"): the action decides.
              if (
                !allows(boundary, action, `arn:aws:${action.split(':')[0]}:${region}:${account}:LaporPaman-x`)
              )
                outside.push(`${stack.stackName}: ${action}`);
            }
          }
        }
      }
    }
    expect([...new Set(outside)]).toEqual([]);
  });

  it('denies creating a role without it, removing it, or rewriting it', () => {
    const role = `arn:aws:iam::${account}:role/anything`;
    expect(allows(boundary, 'iam:CreateRole', role)).toBe(false);
    expect(allows(boundary, 'iam:CreateRole', role, withBoundary)).toBe(true);
    expect(allows(boundary, 'iam:DeleteRolePermissionsBoundary', role, withBoundary)).toBe(false);
    expect(
      allows(boundary, 'iam:CreatePolicyVersion', `arn:aws:iam::${account}:policy/${boundaryName}`),
    ).toBe(false);
    expect(allows(boundary, 'iam:CreateAccessKey', `arn:aws:iam::${account}:user/x`)).toBe(false);
  });
});
