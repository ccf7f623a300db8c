import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/clients';
import { keys } from '../../functions/adapters/keys';
import { localAwsEnv } from '../../local/stack';
import { freshTable, localDynamoDbClient, localEndpoints } from '../support/local-aws';

const context = {
  awsRequestId: 'check',
  functionName: 'check-deadlines',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

/** The check-deadlines Lambda as loaded in AWS: one regency's failure is logged by name before it throws. */
beforeAll(async () => {
  const tableName = await freshTable('handler');
  Object.assign(process.env, {
    ...localAwsEnv,
    TABLE_NAME: tableName,
    PROVINCE_CODE: '63',
    SENDER_ADDRESS: 'LAPOR Paman <no-reply@handler.example>',
    SES_MAX_SEND_RATE: '100',
    AWS_ENDPOINT_URL_DYNAMODB: localEndpoints().dynamodb,
    AWS_ENDPOINT_URL_SES: localEndpoints().ses,
    POWERTOOLS_METRICS_NAMESPACE: 'LaporPaman',
    POWERTOOLS_DEV: 'true',
    // Powertools keeps metrics quiet in dev mode unless told: these tests read them.
    POWERTOOLS_METRICS_DISABLED: 'false',
    // The test reads the log; the suite's own level (vitest.config.ts) is SILENT.
    LOG_LEVEL: 'INFO',
  });
  // A snapshot of Kotabaru that cannot be read (its timeline is not a list): that regency fails.
  await createDocumentClient(localDynamoDbClient()).send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: 'C#BROKEN',
        sk: keys.snapshotSk,
        gsi1pk: keys.openPk('6302'),
        gsi1sk: '2026-02-01T00:00:00.000Z#BROKEN',
        timeline: 'not a list',
      },
    }),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the check-deadlines handler', () => {
  it('logs each regency it could not check, by code and error, before it throws for the retry', async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    };
    for (const method of ['log', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation(capture);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const { handler } = await import('../../handlers/check-deadlines');
    await expect(handler({ at: '2026-03-02T08:00:00+08:00', dryRun: true }, context)).rejects.toThrow(
      'part(s) of the deadline check failed',
    );
    const notChecked = lines.filter((l) => l.includes('regency not checked'));
    expect(notChecked).toHaveLength(1);
    expect(notChecked[0]).toContain('6302');
    expect(notChecked[0]).toMatch(/map|not a function|timeline/);
    // A failed run is no completed check: the missed-check alarm keeps counting.
    expect(lines.join('\n')).not.toContain('deadline_check_completed');
  });

  it('reports a completed check on a Saturday, where it sends nothing, so a weekend never pages', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    for (const method of ['log', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(' '));
      });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-05T08:00:05+08:00'));
    try {
      const { handler } = await import('../../handlers/check-deadlines');
      const report = await handler({}, context);
      expect(report).toMatchObject({ date: '2026-12-05', skipped: 'non-working-day', emailsSent: 0 });
    } finally {
      vi.useRealTimers();
    }
    const emf = lines.filter((l) => l.includes('_aws'));
    expect(emf.join('\n')).toMatch(/"deadline_check_completed":\s*1/);
  });
});
