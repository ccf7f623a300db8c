import { Sha256 } from '@aws-crypto/sha256-js';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { GetScheduleCommand, ResourceNotFoundException, SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetQueueAttributesCommand, QueueDoesNotExist, SQSClient } from '@aws-sdk/client-sqs';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { DeploymentProbe, SmokeApi } from './run';

/**
 * The ingest API over HTTP with SigV4-signed requests (service execute-api), as any ingest client
 * calls it: in AWS with the caller's credentials, locally with the local stack's key.
 */
export function signedApi(
  url: string,
  region: string,
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider,
): SmokeApi {
  const base = new URL(url);
  const signer = new SignatureV4({ credentials, region, service: 'execute-api', sha256: Sha256 });
  const call = async (method: 'GET' | 'POST', path: string, body?: string) => {
    const target = new URL(path, base);
    const signed = await signer.sign({
      method,
      protocol: target.protocol,
      hostname: target.hostname,
      ...(target.port ? { port: Number(target.port) } : {}),
      path: target.pathname,
      headers: { host: target.host, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body } : {}),
    });
    const res = await fetch(target, {
      method,
      headers: signed.headers as Record<string, string>,
      ...(body ? { body } : {}),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (a gateway error page): keep the text for the message.
    }
    return { status: res.status, body: parsed };
  };
  return {
    url: base.origin,
    post: (body) => call('POST', '/v1/updates', JSON.stringify(body)),
    get: (path) => call('GET', path),
  };
}

/** The deployed resources, through EventBridge Scheduler, SQS and CloudWatch (read-only calls). */
export class AwsDeploymentProbe implements DeploymentProbe {
  private readonly scheduler: SchedulerClient;
  private readonly sqs: SQSClient;
  private readonly cloudwatch: CloudWatchClient;

  constructor(region: string) {
    this.scheduler = new SchedulerClient({ region });
    this.sqs = new SQSClient({ region });
    this.cloudwatch = new CloudWatchClient({ region });
  }

  async scheduleState(group: string, name: string): Promise<string | undefined> {
    try {
      const out = await this.scheduler.send(new GetScheduleCommand({ GroupName: group, Name: name }));
      return out.State;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }
  }

  async queueDepth(url: string): Promise<number | undefined> {
    try {
      const out = await this.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
      );
      return Number(out.Attributes?.ApproximateNumberOfMessages ?? 0);
    } catch (error) {
      if (error instanceof QueueDoesNotExist) return undefined;
      throw error;
    }
  }

  async alarms(names: string[]) {
    const found: { name: string; state: string; actionsEnabled: boolean }[] = [];
    // DescribeAlarms takes at most 100 names a call.
    for (let i = 0; i < names.length; i += 100) {
      const out = await this.cloudwatch.send(
        new DescribeAlarmsCommand({ AlarmNames: names.slice(i, i + 100), AlarmTypes: ['MetricAlarm'] }),
      );
      for (const a of out.MetricAlarms ?? []) {
        found.push({
          name: a.AlarmName ?? '',
          state: a.StateValue ?? '',
          actionsEnabled: a.ActionsEnabled === true,
        });
      }
    }
    return found;
  }

  /** The caller's credentials from the SDK's default chain (environment, profile, SSO, role). */
  credentials(): AwsCredentialIdentityProvider {
    return () => this.sqs.config.credentials();
  }

  destroy(): void {
    this.scheduler.destroy();
    this.sqs.destroy();
    this.cloudwatch.destroy();
  }
}
