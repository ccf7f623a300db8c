import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/clients';
import { DynamoComplaintStore } from '../../functions/adapters/complaint-store';
import { readRows, spreadsheetRows } from '../../functions/adapters/spreadsheet';
import { defaultImportLimits } from '../../functions/domain/import-limits';
import { mapImportRows } from '../../functions/domain/import-rows';
import { type ComplaintUpdate, validateUpdate } from '../../functions/domain/update';
import type { FileImportDeps } from '../../functions/use-cases/import-file';
import { importFile } from '../../functions/use-cases/import-file';
import type { IngestDeps } from '../../functions/use-cases/ingest-updates';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/dynamodb-local';
import { freePort } from '../../local/ports';
import { ensureTable } from '../../local/stack';
import { calendar, kalsel, nationalPolicy } from '../support/data';
import {
  afterEachCall,
  complaintHistories,
  dynamoDbClientFor,
  expectConsistent,
  scanAll,
  seededRandom,
  shuffle,
} from '../support/faults';

const now = new Date('2026-07-01T08:00:00+08:00');
const sla = { calendar: calendar(), policy: nationalPolicy() };
const tableName = 'restart';
const dbPath = mkdtempSync(path.join(os.tmpdir(), 'ddb-restart-'));
const servers: DynamoDbLocal[] = [];

afterAll(async () => {
  await Promise.allSettled(servers.map((s) => s.stop()));
  rmSync(dbPath, { recursive: true, force: true });
});

/** A LAPOR! export of 50 complaints (about 170 rows): rows shuffled (out of order), some delivered twice. */
function exportFile(): { name: string; content: Buffer } {
  const random = seededRandom(20260701);
  const updates = complaintHistories(random, 50, 'RST');
  const rows = shuffle([...updates, ...updates.filter(() => random() < 0.15)], random);
  const cls: Record<ComplaintUpdate['classification'], string> = {
    aspirasi: 'Aspirasi',
    'permintaan-informasi': 'Permintaan Informasi',
    'pengaduan-tidak-berkadar-pengawasan': 'Pengaduan tidak berkadar pengawasan',
    'pengaduan-berkadar-pengawasan': 'Pengaduan berkadar pengawasan',
  };
  // WITA wall-clock, as the dashboard exports it: "2026-03-02 09:00".
  const wall = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  const lines = [
    'ID Tracking;Kode Wilayah;Instansi Terdisposisi;Kategori;Klasifikasi;Status;Waktu Status;Tanggal Laporan',
    ...rows.map((u) =>
      [
        u.trackingId,
        u.regencyCode,
        u.unit,
        u.category,
        cls[u.classification],
        u.status,
        wall(u.occurredAt),
        wall(u.submittedAt ?? u.occurredAt),
      ].join(';'),
    ),
  ];
  return { name: 'ekspor-semester.csv', content: Buffer.from(lines.join('\r\n')) };
}

/** The updates of the file as the importer reads them: the reference for the checks. */
async function updatesOf(file: { name: string; content: Buffer }): Promise<ComplaintUpdate[]> {
  const table: unknown[][] = [];
  for await (const row of readRows(file.name, file.content, defaultImportLimits)) table.push(row.cells);
  const { rows } = mapImportRows(table, file.name, kalsel().zone);
  return rows.map((r) => {
    const v = validateUpdate(r.input, kalsel(), now);
    if (!v.ok) throw new Error(`fixture row ${r.line} is invalid: ${JSON.stringify(v.errors)}`);
    return v.update;
  });
}

function ingestDeps(endpoint: string, maxAttempts?: number) {
  const client = dynamoDbClientFor(endpoint, maxAttempts);
  const doc = createDocumentClient(client);
  const deps: IngestDeps & FileImportDeps = {
    readRows: spreadsheetRows,
    store: new DynamoComplaintStore(doc, tableName, kalsel().zone),
    regions: kalsel(),
    sla,
    clock: () => now,
  };
  return { client, doc, deps };
}

describe('DynamoDB Local stopped in the middle of an import', () => {
  it('loses nothing and doubles nothing: the re-import after a restart on the same data stores each update once, with consistent snapshots and counters', async () => {
    const file = exportFile();
    const updates = await updatesOf(file);
    const distinct = new Set(updates.map((u) => u.sourceUpdateId)).size;
    expect(updates.length).toBeGreaterThan(distinct); // the file does carry duplicates

    const port = await freePort();
    const first = await startDynamoDbLocal({ dbPath, port });
    servers.push(first);
    await ensureTable(first.endpoint, tableName);

    // Phase 1: one attempt per call (no SDK retries), and the server goes down after 30 writes.
    // Writes of any kind are counted, so that the stop lands between writes however the store
    // writes (a transaction per update today).
    const failing = ingestDeps(first.endpoint, 1);
    const stopAfterCommits = 30;
    const writes = new Set(['TransactWriteItemsCommand', 'PutItemCommand', 'UpdateItemCommand']);
    let commits = 0;
    let stopped: Promise<void> | undefined;
    afterEachCall(failing.client, (command) => {
      // Not awaited: the import goes on while DynamoDB Local shuts down under it.
      if (writes.has(command) && ++commits === stopAfterCommits) stopped = first.stop();
    });
    const interrupted = await importFile(failing.deps, file);
    await stopped;
    failing.client.destroy();
    expect(commits).toBeGreaterThanOrEqual(stopAfterCommits);
    expect(interrupted.counts.failed).toBeGreaterThan(0);
    expect(
      interrupted.counts.created + interrupted.counts.applied + interrupted.counts.stale,
    ).toBeGreaterThan(0);
    expect(
      interrupted.results.filter((r) => r.result === 'failed').every((r) => 'retryable' in r && r.retryable),
    ).toBe(true);

    // Phase 2: the same data directory, the same port when it is free again.
    const second = await startDynamoDbLocal({ dbPath, port });
    servers.push(second);
    expect(await ensureTable(second.endpoint, tableName)).toBe('existed');
    const healthy = ingestDeps(second.endpoint);
    const retried = await importFile(healthy.deps, file);
    expect(retried.counts.failed).toBe(0);
    expect(retried.counts.rejected).toBe(0);

    expectConsistent(await scanAll(healthy.doc, tableName), updates, sla, now);

    healthy.client.destroy();
  }, 90_000);
});
