import type { Context, SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/clients';
import { localAwsEnv } from '../../local/stack';
import { anUpdate, apiEvent } from '../support/fixtures';
import { registeredClients } from '../support/ingest';
import { freshTable, localDynamoDbClient, localEndpoints } from '../support/local-aws';

const context = {
  awsRequestId: 'test-request',
  functionName: 'test',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

/**
 * The Lambda entry points themselves, as Lambda loads them: configuration from the environment at
 * import, SDK clients from the endpoint variables, against DynamoDB Local and the SES emulator.
 */
beforeAll(async () => {
  const tableName = await freshTable('handlers');
  Object.assign(process.env, {
    ...localAwsEnv,
    TABLE_NAME: tableName,
    PROVINCE_CODE: '63',
    SENDER_ADDRESS: 'LAPOR Paman <no-reply@handlers.example>',
    SES_MAX_SEND_RATE: '100',
    SEMESTER_QUEUE_URL: 'http://127.0.0.1:9/unused',
    AWS_ENDPOINT_URL_DYNAMODB: localEndpoints().dynamodb,
    AWS_ENDPOINT_URL_SES: localEndpoints().ses,
    POWERTOOLS_METRICS_NAMESPACE: 'LaporPaman',
    POWERTOOLS_DEV: 'true',
  });
  // The test events' caller: the local stack's province-wide client.
  await registeredClients(createDocumentClient(localDynamoDbClient()), tableName);
});

describe('the Lambda entry points', () => {
  it('ingest-api records a batch and answers per item', async () => {
    const { handler } = await import('../../handlers/ingest-api');
    const update = anUpdate();
    const response = await handler(
      apiEvent('POST', '/v1/updates', JSON.stringify({ updates: [update, { ...update, regencyCode: 'x' }] })),
      context,
    );
    expect(response.statusCode).toBe(207);
    expect(JSON.parse(response.body ?? '{}').summary).toMatchObject({ created: 1, rejected: 1 });
    const read = await handler(apiEvent('GET', `/v1/complaints/${update.trackingId}`), context);
    expect(read.statusCode).toBe(200);
  });

  it('check-deadlines runs a replayed day and skips a holiday', async () => {
    const { handler } = await import('../../handlers/check-deadlines');
    const holiday = await handler({ at: '2026-03-19T08:00:00+08:00' }, context);
    expect(holiday.skipped).toBe('non-working-day');
    const day = await handler({ at: '2026-06-02T08:00:00+08:00', dryRun: true }, context);
    expect(day.regencies).toHaveLength(13);
    await expect(handler({ at: 'yesterday' }, context)).rejects.toThrow('"at" is not an ISO-8601 instant');
  });

  it('semester-worker computes a regency unit and reports a bad message as a failed record', async () => {
    const { handler } = await import('../../handlers/semester-worker');
    const record = (body: string, id: string) => ({
      messageId: id,
      body,
      attributes: {},
      messageAttributes: {},
      eventSource: 'aws:sqs',
    });
    const event = {
      Records: [
        record(JSON.stringify({ kind: 'compute', semester: '2026-H1', regency: '6302' }), 'ok'),
        record('{"kind":"nope"}', 'bad'),
      ],
    } as unknown as SQSEvent;
    const response = await handler(event, context);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
  });
});
