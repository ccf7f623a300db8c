import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CapacityMeter } from '../../functions/adapters/capacity';
import { DynamoClientRegistry } from '../../functions/adapters/client-registry';
import { createDocumentClient } from '../../functions/adapters/clients';
import { DynamoComplaintStore } from '../../functions/adapters/complaint-store';
import { keys } from '../../functions/adapters/keys';
import { spreadsheetRows } from '../../functions/adapters/spreadsheet';
import type { ApiDeps } from '../../functions/api/ingest-routes';
import type { FileImportDeps } from '../../functions/use-cases/import-file';
import { localKeys, registerLocalClients } from '../../local/clients';
import { calendar, kalsel, nationalPolicy } from './data';
import { scanAll } from './faults';
import { freshTable, localDynamoDbClient } from './local-aws';

/** Ingest dependencies against a fresh table in DynamoDB Local, with a fixed clock. */
export async function localIngest(now = '2026-07-01T08:00:00+08:00') {
  const tableName = await freshTable('ingest');
  const doc = createDocumentClient(localDynamoDbClient());
  const meter = new CapacityMeter();
  const store = new DynamoComplaintStore(doc, tableName, kalsel().zone, meter);
  const deps: ApiDeps & FileImportDeps = {
    readRows: spreadsheetRows,
    store,
    clients: await registeredClients(doc, tableName),
    regions: kalsel(),
    sla: { calendar: calendar(), policy: nationalPolicy() },
    clock: () => new Date(now),
  };
  /** Every item in the test's table but the client registry (tests may scan; jobs never do). */
  const allItems = async () => (await scanAll(doc, tableName)).filter((i) => i.pk !== keys.clients);
  return { deps, store, doc, tableName, meter, allItems };
}

/**
 * The client registry of a test table, with the local stack's keys registered: `local` for the
 * whole province (the default caller of test events), `local-<code>` for one regency each.
 */
export async function registeredClients(doc: DynamoDBDocumentClient, tableName: string) {
  const clients = new DynamoClientRegistry(doc, tableName);
  await registerLocalClients(clients, localKeys(kalsel()));
  return clients;
}
