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
  });
});
