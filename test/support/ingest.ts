import { CapacityMeter } from '../../functions/adapters/capacity';
import { createDocumentClient } from '../../functions/adapters/clients';
import { DynamoComplaintStore } from '../../functions/adapters/complaint-store';
import type { IngestDeps } from '../../functions/use-cases/ingest-updates';
import { calendar, kalsel, nationalPolicy } from './data';
import { scanAll } from './faults';
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
  const allItems = () => scanAll(doc, tableName);
  return { deps, store, doc, tableName, meter, allItems };
}
