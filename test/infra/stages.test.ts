import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { opsMetrics } from '../../handlers/support/ops-metrics';
import { DeployConfigError, loadDeployConfig, repoRoot } from '../../infra/config';
import { headingAnchor, runbookAnchors } from '../../infra/runbook';
import { cdkJsonContext, synthTestApp } from './app-fixture';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Condition?: unknown };

const fromContext = (context: Record<string, unknown>) => (key: string) => context[key];

describe('choosing a stage', () => {
  it('stops synthesis without -c stage, naming the configured stages', () => {
    const run = () => loadDeployConfig(fromContext(cdkJsonContext()));
    expect(run).toThrow(DeployConfigError);
    expect(run).toThrow('choose a stage with -c stage=<name> (configured stages: staging, production)');
  });

  it('stops synthesis for a stage that is not configured, saying where to add it', () => {
    const run = () => loadDeployConfig(fromContext({ ...cdkJsonContext(), stage: 'qa' }));
    expect(run).toThrow(
      'stage "qa" is not configured: add a "qa" block to laporPaman.stages in cdk.json (configured stages: staging, production)',
    );
  });

  it('merges the shared keys, the stage block, then -c laporPaman.<key> overrides', () => {
    const context = { ...cdkJsonContext(), stage: 'staging', 'laporPaman.sesMaxSendRate': '3' };
    const config = loadDeployConfig(fromContext(context));
    expect(config).toMatchObject({
      stage: 'staging',
      stackPrefix: 'LaporPaman-Staging',
      provinceCode: '63', // shared
      mailSink: 'success@simulator.amazonses.com', // the stage's
      sesMaxSendRate: 3, // the override
    });
  });

  it('gives a stage without a stack prefix its own, so that two stages never share stacks', () => {
    const base = cdkJsonContext().laporPaman as Record<string, unknown>;
    const context = { laporPaman: { ...base, stages: { 'dev-budi': {} } }, stage: 'dev-budi' };
    expect(loadDeployConfig(fromContext(context)).stackPrefix).toBe('LaporPaman-Dev-Budi');
  });

  it('does not let -c laporPaman.stage rename a stage', () => {
    const context = { ...cdkJsonContext(), stage: 'staging', 'laporPaman.stage': 'production' };
    expect(loadDeployConfig(fromContext(context))).toMatchObject({ stage: 'staging' });
  });
});

// Both stages, without bundling (the code is the same; stacks.test.ts bundles production).
let staging: ReturnType<typeof synthTestApp>;
let production: ReturnType<typeof synthTestApp>;
beforeAll(() => {
  const options = { bundle: false, cfnValidation: false };
  staging = synthTestApp({}, { ...options, stage: 'staging' });
  production = synthTestApp({}, { ...options, stage: 'production' });
}, 180_000);

const functions = (t: Template) => Object.values(t.findResources('AWS::Lambda::Function')) as Resource[];
const env = (f: Resource) =>
  ((f.Properties.Environment as { Variables?: Record<string, unknown> })?.Variables ?? {}) as Record<
    string,
    unknown
  >;
const houseFunctions = (t: Template) => functions(t).filter((f) => env(f).PROVINCE_CODE !== undefined);
const sendStatements = (t: Template) =>
  (Object.values(t.findResources('AWS::IAM::Policy')) as Resource[]).flatMap((p) =>
    (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement.filter((s) =>
      [s.Action].flat().includes('ses:SendRawEmail'),
    ),
  );

describe('staging and production from one app', () => {
  it('name their stacks apart, and their exports too (both can live in one account)', () => {
    expect([staging.stateful.stackName, staging.stateless.stackName]).toEqual([
      'LaporPaman-Staging-Stateful',
      'LaporPaman-Staging-Stateless',
    ]);
    expect([production.stateful.stackName, production.stateless.stackName]).toEqual([
      'LaporPaman-Stateful',
      'LaporPaman-Stateless',
    ]);
    const exportName = (t: Template) =>
      (t.findOutputs('ImportBucketArn').ImportBucketArn as { Export: { Name: string } }).Export.Name;
    expect(exportName(staging.statefulTemplate)).toBe('LaporPaman-Staging-ImportBucketArn');
    expect(exportName(production.statefulTemplate)).toBe('LaporPaman-ImportBucketArn');
  });

  it('mail only the sink from staging: every mailing function gets MAIL_SINK, and IAM allows no other recipient', () => {
    const mailing = houseFunctions(staging.statelessTemplate).filter((f) => env(f).SENDER_ADDRESS);
    expect(mailing.length).toBeGreaterThanOrEqual(2);
    for (const f of mailing) expect(env(f).MAIL_SINK).toBe('success@simulator.amazonses.com');
    const grants = sendStatements(staging.statelessTemplate);
    expect(grants.length).toBeGreaterThanOrEqual(2);
    for (const s of grants) {
      expect(s.Condition).toEqual({
        'ForAllValues:StringLike': { 'ses:Recipients': ['success@simulator.amazonses.com'] },
        StringEquals: { 'ses:FromAddress': 'no-reply@staging.lapor.kalselprov.go.id' },
      });
    }
    // Production mails its real recipients.
    for (const f of houseFunctions(production.statelessTemplate)) expect(env(f).MAIL_SINK).toBeUndefined();
    for (const s of sendStatements(production.statelessTemplate)) {
      expect(s.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@lapor.kalselprov.go.id' } });
    }
  });

  it('run staging an hour before production, so a broken change shows there first', () => {
    const crons = (t: Template) =>
      (Object.values(t.findResources('AWS::Scheduler::Schedule')) as Resource[])
        .map((s) => [s.Properties.ScheduleExpression, s.Properties.State])
        .sort();
    // Each job, then the scoreboard after it: 30 minutes after the check, 3 hours after the semester start.
    expect(crons(staging.statelessTemplate)).toEqual([
      ['cron(0 6 1 1,7 ? *)', 'ENABLED'],
      ['cron(0 7 * * ? *)', 'ENABLED'],
      ['cron(0 9 1 1,7 ? *)', 'ENABLED'],
      ['cron(30 7 ? * MON-FRI *)', 'ENABLED'],
    ]);
    expect(crons(production.statelessTemplate)).toEqual([
      ['cron(0 10 1 1,7 ? *)', 'ENABLED'],
      ['cron(0 7 1 1,7 ? *)', 'ENABLED'],
      ['cron(0 8 * * ? *)', 'ENABLED'],
      ['cron(30 8 ? * MON-FRI *)', 'ENABLED'],
    ]);
  });

  it('keeps the schedules but disables them when a stage says so', () => {
    const stopped = synthTestApp(
      { schedulesEnabled: false },
      { bundle: false, cfnValidation: false, stage: 'staging' },
    );
    const states = (
      Object.values(stopped.statelessTemplate.findResources('AWS::Scheduler::Schedule')) as Resource[]
    ).map((s) => s.Properties.State);
    expect(states).toEqual(['DISABLED', 'DISABLED', 'DISABLED', 'DISABLED']);
  });

  it('point a stage at a restored table: the functions and their grants move to it', () => {
    const restored = synthTestApp(
      { tableName: 'lapor-paman-production-20260317' },
      { bundle: false, cfnValidation: false, stage: 'production' },
    );
    const t = restored.statelessTemplate;
    for (const f of houseFunctions(t)) expect(env(f).TABLE_NAME).toBe('lapor-paman-production-20260317');
    const tableGrants = (Object.values(t.findResources('AWS::IAM::Policy')) as Resource[]).flatMap((p) =>
      (p.Properties.PolicyDocument as { Statement: (Statement & { Resource: unknown })[] }).Statement.filter(
        (s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')),
      ),
    );
    expect(tableGrants.length).toBeGreaterThan(0);
    for (const s of tableGrants)
      expect(JSON.stringify(s.Resource)).toContain('table/lapor-paman-production-20260317');
    // The stateful stack keeps its own table, untouched.
    expect(Object.keys(restored.statefulTemplate.findResources('AWS::DynamoDB::GlobalTable'))).toHaveLength(
      1,
    );
  });

  it('cap staging smaller: table writes, API throttle, no reserved concurrency in a small account', () => {
    const cap = (t: Template) =>
      JSON.stringify(Object.values(t.findResources('AWS::DynamoDB::GlobalTable'))[0]).match(
        /"MaxWriteRequestUnits":(\d+)/,
      )?.[1];
    expect(cap(staging.statefulTemplate)).toBe('100');
    expect(cap(production.statefulTemplate)).toBe('1000');
    const reserved = (t: Template) =>
      houseFunctions(t)
        .map((f) => f.Properties.ReservedConcurrentExecutions)
        .filter((r) => r !== undefined);
    expect(reserved(staging.statelessTemplate)).toEqual([]);
    expect(reserved(production.statelessTemplate).sort()).toEqual([10, 2]);
  });

  it('trace staging with X-Ray, not production', () => {
    for (const f of houseFunctions(staging.statelessTemplate)) {
      expect(f.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(env(f).POWERTOOLS_TRACE_ENABLED).toBe('true');
    }
    for (const f of houseFunctions(production.statelessTemplate)) {
      expect(f.Properties.TracingConfig).toBeUndefined();
      expect(env(f).POWERTOOLS_TRACE_ENABLED).toBeUndefined();
    }
  });

  it('keep staging logs and imports for less time, and tell each function its stage', () => {
    const retention = (t: Template) =>
      new Set(
        (Object.values(t.findResources('AWS::Logs::LogGroup')) as Resource[]).map(
          (l) => l.Properties.RetentionInDays,
        ),
      );
    expect(retention(staging.statelessTemplate)).toEqual(new Set([30]));
    expect(retention(production.statelessTemplate)).toEqual(new Set([90]));
    for (const f of houseFunctions(staging.statelessTemplate)) expect(env(f).STAGE).toBe('staging');
    for (const f of houseFunctions(production.statelessTemplate)) expect(env(f).STAGE).toBe('production');
  });

  it.each([
    ['staging', () => staging],
    ['production', () => production],
  ])('pass cdk-nag (AwsSolutions) in %s', (_, app) => {
    const report = new AwsSolutionsChecks().validateScope(app().app);
    expect(
      report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([]);
  });
});

describe('the alarms', () => {
  it('each name the runbook section to read, and each section is a heading of the README', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const headings = new Set([...readme.matchAll(/^#{2,4} (.+)$/gm)].map((m) => headingAnchor(m[1] ?? '')));
    for (const anchor of runbookAnchors()) expect(headings, anchor).toContain(anchor);
    const alarms = Object.values(
      production.statelessTemplate.findResources('AWS::CloudWatch::Alarm'),
    ) as Resource[];
    expect(alarms.length).toBeGreaterThanOrEqual(16);
    for (const alarm of alarms) {
      const link = /Runbook: README\.md#([a-z0-9-]+)$/.exec(String(alarm.Properties.AlarmDescription));
      expect(link?.[1], String(alarm.Properties.AlarmDescription)).toBeDefined();
      expect(headings).toContain(link?.[1]);
    }
  });
});

describe('the dashboard', () => {
  const body = (t: Template) => {
    const dashboards = Object.values(t.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
    expect(dashboards).toHaveLength(1);
    return JSON.stringify(dashboards[0]?.Properties.DashboardBody);
  };

  it('is one per stage, named for it', () => {
    const name = (t: Template) =>
      (Object.values(t.findResources('AWS::CloudWatch::Dashboard')) as Resource[])[0]?.Properties
        .DashboardName;
    expect(name(staging.statelessTemplate)).toBe('LaporPaman-Staging-ops');
    expect(name(production.statelessTemplate)).toBe('LaporPaman-ops');
    expect(body(staging.statelessTemplate)).toContain('LAPOR Paman: staging');
  });

  it.each([
    ['Updates ingested', ['updates_created', 'updates_applied', 'ingest-api', 'bulk-import']],
    ['Updates rejected and failed', ['updates_rejected', 'updates_failed']],
    ['API 4xx and 5xx', ['4xx', '5xx']],
    ['API latency', ['Latency', 'p99']],
    ['Deadline check duration', ['Duration']],
    ['E-mails sent, per kind', [opsMetrics.emailsSent, ...opsMetrics.mailKinds]],
    ['E-mails failed, per kind', [opsMetrics.emailsFailed]],
    [
      'Dead-letter queue depths',
      ['ApproximateNumberOfMessagesVisible', 'DeadlineCheck', 'SemesterWork', 'BulkImport'],
    ],
    ['SES bounce and complaint rates', ['Reputation.BounceRate', 'Reputation.ComplaintRate']],
    ['Semester progress', [opsMetrics.unitsQueued, opsMetrics.unitsDone, opsMetrics.unitsFailed]],
    ['Alarms', ['"alarms\\":[']],
  ])('shows %s', (title, needles) => {
    const text = body(production.statelessTemplate);
    expect(text).toContain(title);
    for (const needle of needles) expect(text, needle).toContain(needle);
  });

  it('lists every alarm in its alarm status widget', () => {
    const text = body(production.statelessTemplate);
    for (const alarm of production.stateless.alarms) {
      const id = production.stateless.getLogicalId(alarm.node.defaultChild as never);
      expect(text, id).toContain(id);
    }
  });
});
