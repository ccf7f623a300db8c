import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { CapacityMeter } from '../../functions/adapters/capacity';
import { createDocumentClient } from '../../functions/adapters/clients';
import { DynamoComplaintStore } from '../../functions/adapters/complaint-store';
import type { IngestDeps } from '../../functions/use-cases/ingest-updates';
import { calendar, kalsel, nationalPolicy } from './data';
import { freshTable, localDynamoDbClient } from './local-aws';

/** Ingest dependencies against a fresh table in DynamoDB Local, with a fixed clock. */
export async function localIngest(now = '2026-07-01T08:00:00+08:00') {
  const tableName = await freshTable('ingest');
  const doc = createDocumentClient(localDynamoDbClient());
  const meter = new CapacityMeter();
  const store = new DynamoComplaintStore(doc, tableName, meter);
  const deps: IngestDeps = {
    store,
    regions: kalsel(),
    sla: { calendar: calendar(), policy: nationalPolicy() },
    clock: () => new Date(now),
  };
  /** Every item in the test's table (tests may scan; jobs never do). */
  const allItems = async () => {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  };
  return { deps, store, doc, tableName, meter, allItems };
}
