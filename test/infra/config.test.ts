import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { DeployConfigError, loadDeployConfig, parseDeployConfig } from '../../infra/config';
import { cdkJsonContext, defineTestApp } from './app-fixture';

describe('the deployment configuration', () => {
  it('has working defaults, in Jakarta, for Kalimantan Selatan', () => {
    expect(parseDeployConfig({})).toEqual({
      stage: 'production',
      region: 'ap-southeast-3',
      stackPrefix: 'LaporPaman',
      provinceCode: '63',
      slaPolicy: 'nasional',
      laporBaseUrl: 'https://www.lapor.go.id/laporan/detil',
      sesIdentity: 'lapor.kalselprov.go.id',
      senderAddress: 'LAPOR Paman <no-reply@lapor.kalselprov.go.id>',
      manageSesIdentity: true,
      sesMaxSendRate: 1,
      logRetentionDays: 90,
      importRetentionDays: 180,
      uploadRetentionDays: 7,
      schedulesEnabled: true,
      scheduleLeadMinutes: 0,
      runbookUrl: 'README.md',
      tracing: false,
      ingestReservedConcurrency: 10,
      importReservedConcurrency: 2,
      tableMaxWriteRequestUnits: 1000,
      updatesRateLimit: 10,
      updatesBurstLimit: 20,
      readsRateLimit: 5,
      readsBurstLimit: 10,
      publicScoreboard: false,
      pullRequestDiff: false,
      allowSharedAccount: false,
    });
  });

  it('reads cdk.json, then -c laporPaman.<key>=<value> overrides given as strings', () => {
    const context: Record<string, unknown> = {
      ...cdkJsonContext(),
      stage: 'production',
      'laporPaman.sesMaxSendRate': '14',
      'laporPaman.manageSesIdentity': 'false',
      'laporPaman.slaPolicy': 'kalsel',
      'laporPaman.alarmEmail': 'devops@kalselprov.go.id',
    };
    const config = loadDeployConfig((key) => context[key]);
    expect(config).toMatchObject({
      sesMaxSendRate: 14,
      manageSesIdentity: false,
      slaPolicy: 'kalsel',
      alarmEmail: 'devops@kalselprov.go.id',
      region: 'ap-southeast-3',
    });
  });

  it.each([
    [{ provinceCode: '6' }, 'laporPaman.provinceCode: must be a two-digit province code'],
    [{ provinceCode: '64' }, 'laporPaman.provinceCode: data/regions/64.json does not exist'],
    [{ slaPolicy: 'strict' }, 'laporPaman.slaPolicy: data/policies/strict does not exist'],
    [{ sesMaxSendRate: '0' }, 'laporPaman.sesMaxSendRate: must be a positive number'],
    [{ alarmEmail: 'devops' }, 'laporPaman.alarmEmail: must be an e-mail address'],
    [{ logRetentionDays: 100 }, 'laporPaman.logRetentionDays: must be one of 1, 3, 5'],
    [{ region: 'jakarta' }, 'laporPaman.region: must be an AWS region code'],
    [{ laporBaseUrl: 'http://www.lapor.go.id' }, 'laporPaman.laporBaseUrl'],
    [
      { senderAddress: 'no-reply@example.org' },
      'laporPaman.senderAddress: "no-reply@example.org" is not covered',
    ],
    [{ sesIdentity: 'admin@lapor.kalselprov.go.id' }, 'is not covered by laporPaman.sesIdentity'],
    [{ senderEmail: 'x@y.z' }, 'unknown key(s) laporPaman.senderEmail'],
    [
      { deadlineCheckHour: 7 },
      'laporPaman.deadlineCheckHour is no longer a deployment setting: the daily check runs at `schedule.dailyCheck` of data/regions/<code>.json',
    ],
    [{ scheduleLeadMinutes: 240 }, 'laporPaman.scheduleLeadMinutes'],
    [{ ingestReservedConcurrency: -1 }, 'laporPaman.ingestReservedConcurrency'],
    [{ tableMaxWriteRequestUnits: '0' }, 'laporPaman.tableMaxWriteRequestUnits'],
    [
      { updatesRateLimit: 30 },
      'laporPaman.updatesBurstLimit (20) must be at least laporPaman.updatesRateLimit (30)',
    ],
  ])('rejects %o, naming the value', (raw, message) => {
    expect(() => parseDeployConfig(raw)).toThrow(DeployConfigError);
    expect(() => parseDeployConfig(raw)).toThrow(message);
  });

  it('reports every bad value at once', () => {
    expect(() => parseDeployConfig({ provinceCode: 'x', alarmEmail: 'y' })).toThrow(
      /provinceCode[\s\S]*alarmEmail|alarmEmail[\s\S]*provinceCode/,
    );
  });

  it('fails synthesis before any stack is defined when the configuration is bad', () => {
    expect(() => defineTestApp({ sesMaxSendRate: -1 }, { bundle: false })).toThrow(
      'laporPaman.sesMaxSendRate',
    );
  });
});

describe('synthesis', () => {
  it('fails on any cdk-nag finding that is not acknowledged', () => {
    const { app, stateless } = defineTestApp({}, { bundle: false, cfnValidation: false });
    // A queue with neither a dead-letter queue nor a TLS-only policy.
    new Queue(stateless, 'Unreviewed', { enforceSSL: false });
    expect(() => app.synth()).toThrow(
      /AwsSolutions-SQS3[\s\S]*Unreviewed|Unreviewed[\s\S]*AwsSolutions-SQS3/,
    );
  });
});
