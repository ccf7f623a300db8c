import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/clients';
import { DynamoComplaintStore } from '../../functions/adapters/complaint-store';
import { ingestBatch } from '../../functions/use-cases/ingest-updates';
import { calendar, kalsel, nationalPolicy } from '../support/data';
import { expectConsistent, scanAll } from '../support/faults';
import { freshTable, localDynamoDbClient } from '../support/local-aws';
import { deliveriesArb } from '../support/update-arbitraries';

const sla = { calendar: calendar(), policy: nationalPolicy() };
const now = new Date('2026-07-01T08:00:00+08:00');
const client = localDynamoDbClient();
const doc = createDocumentClient(client);
afterAll(() => client.destroy());

let run = 0;

describe('ingest properties, against DynamoDB Local', () => {
  it('stores a snapshot equal to the sorted replay, each update once, and counters equal to a recount, whatever the order, repeats and concurrency of delivery', async () => {
    await fc.assert(
      fc.asyncProperty(
        deliveriesArb(() => `PR${++run}`, 3),
        fc.integer({ min: 1, max: 3 }),
        async ({ updates, order }, lanes) => {
          // Every run (and every shrink) gets its own table: the counters are a whole-table recount.
          const tableName = await freshTable('prop');
          try {
            const deps = {
              store: new DynamoComplaintStore(doc, tableName, kalsel().zone),
              regions: kalsel(),
              sla,
              clock: () => now,
            };
            // Deliveries split over up to three concurrent batches (lanes), each in its own order.
            const batches = Array.from({ length: lanes }, (_, lane) =>
              order.filter((_, i) => i % lanes === lane),
            );
            const results = (await Promise.all(batches.map((b) => ingestBatch(deps, b, 'api')))).flat();
            expect(results.filter((r) => r.result === 'failed' || r.result === 'rejected')).toEqual([]);
            expectConsistent(await scanAll(doc, tableName), updates, sla, now);
          } finally {
            await client.send(new DeleteTableCommand({ TableName: tableName }));
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});
