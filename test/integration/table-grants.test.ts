import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/clients';
import { renderPdf } from '../../functions/adapters/pdf-renderer';
import { OutreachStore, RosterStore } from '../../functions/adapters/province-data-store';
import { DirectorySiteTarget } from '../../functions/adapters/site-target';
import { handleApiRequest } from '../../functions/api/ingest-routes';
import type { RosterEntry } from '../../functions/domain/roster';
import type { WorkQueue } from '../../functions/ports/work-queue';
import { checkDeadlines } from '../../functions/use-cases/check-deadlines';
import { importFile } from '../../functions/use-cases/import-file';
import { ingestBatch } from '../../functions/use-cases/ingest-updates';
import { publishSite } from '../../functions/use-cases/publish-site';
import {
  handleSemesterMessage,
  type SemesterMessage,
  startSemesterRun,
} from '../../functions/use-cases/semester-fanout';
import {
  deadlineDeps,
  importDeps,
  ingestApiDeps,
  ingestDeps,
  semesterDeliveryDeps,
  semesterDeps,
  siteDeps,
} from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import {
  type FunctionName,
  forbiddenTableActions,
  matchesPattern,
  type TableAccess,
  tableAccess,
} from '../../infra/table-access';
import { deadlineViews } from '../../templates/deadline-emails';
import { semesterViews } from '../../templates/semester-views';
import { siteView } from '../../templates/site';
import { kalsel } from '../support/data';
import { anUpdate, apiEvent, onRoster } from '../support/fixtures';
import { registeredClients } from '../support/ingest';
import { freshTable, localDynamoDbClient, localSesClient } from '../support/local-aws';
import { recordingDocumentClient, type TableCall } from '../support/table-calls';

/**
 * Each function's use cases, wired as its Lambda wires them, against DynamoDB Local through a
 * client that records every request as IAM authorizes it. Every request must be allowed by the
 * grant the function's role gets (infra/table-access.ts, rendered into the template), and every
 * grant must be used: the roles hold exactly what the code needs.
 */
let config: ReturnType<typeof loadConfig>;
const calls: Partial<Record<FunctionName, TableCall[]>> = {};
const setup = createDocumentClient(localDynamoDbClient());

/** A capturing stand-in for the SQS queue (the grants under test are DynamoDB's). */
function capturingQueue(): WorkQueue & { sent: SemesterMessage[] } {
  const sent: SemesterMessage[] = [];
  return { sent, send: async (messages) => void sent.push(...(messages as SemesterMessage[])) };
}

beforeAll(async () => {
  const domain = `g${randomUUID().slice(0, 8)}.example`;
  config = loadConfig(
    {
      TABLE_NAME: await freshTable('grants'),
      PROVINCE_CODE: '63',
      SENDER_ADDRESS: `LAPOR Paman <no-reply@${domain}>`,
      SES_MAX_SEND_RATE: '1000',
    },
    { email: true },
  );
  const regencies = kalsel().regencies;
  const roster: RosterEntry[] = [
    ...regencies.flatMap((r) => [
      onRoster(r.code, 'head', `Kepala ${r.code}`, `head.${r.code}@${domain}`),
      onRoster(r.code, 'admin', `Admin ${r.code}`, `admin.${r.code}@${domain}`),
    ]),
    onRoster('63', 'province', 'Tim Provinsi', `prov@${domain}`),
  ];
  await new RosterStore(setup, config.tableName).replace(roster);
  // An outreach event near the semester: its effect is read from the month counters (AGG#).
  await new OutreachStore(setup, config.tableName).replace([
    { date: '2026-02-12', code: '6302', kind: 'sosialisasi-masyarakat', source: 'test' },
  ]);
  await registeredClients(setup, config.tableName);
  // Complaints of the first half of 2026, some overdue at the check below, some completed.
  const history = ingestDeps(config, { doc: setup, clock: () => new Date('2026-06-30T08:00:00+08:00') });
  const updates = regencies.flatMap((r, i) => {
    const open = anUpdate({ regencyCode: r.code, occurredAt: '2026-05-04T09:00:00+08:00' });
    const done = anUpdate({ regencyCode: r.code, occurredAt: '2026-03-02T09:00:00+08:00' });
    return [
      open,
      done,
      {
        ...done,
        status: 'terdisposisi-selesai' as const,
        occurredAt: `2026-03-${String(4 + (i % 5)).padStart(2, '0')}T09:00:00+08:00`,
        sourceUpdateId: `${done.sourceUpdateId}-end`,
      },
    ];
  });
  await ingestBatch(history, updates, 'test');

  // ingest-api: a new complaint, an update to it, and a read of its history.
  const api = recordingDocumentClient();
  const apiDeps = ingestApiDeps(config, { doc: api.doc, clock: () => new Date('2026-06-30T08:00:00+08:00') });
  const update = anUpdate();
  for (const body of [
    update,
    { ...update, status: 'tertunda', sourceUpdateId: `${update.sourceUpdateId}-b` },
  ]) {
    expect(
      (await handleApiRequest(apiDeps, apiEvent('POST', '/v1/updates', JSON.stringify(body)))).statusCode,
    ).toBe(200);
  }
  expect(
    (await handleApiRequest(apiDeps, apiEvent('GET', `/v1/complaints/${update.trackingId}`))).statusCode,
  ).toBe(200);
  calls['ingest-api'] = api.calls;

  // bulk-import: the same file twice (created, then duplicates).
  const bulk = recordingDocumentClient();
  const bulkDeps = importDeps(config, { doc: bulk.doc, clock: () => new Date('2026-06-30T08:00:00+08:00') });
  const csv = Buffer.from(
    [
      'ID Tracking;Kode Wilayah;Instansi Terdisposisi;Kategori;Klasifikasi;Status;Waktu Status',
      `G-${domain}-1;6302;Dinas PUPR;Infrastruktur;Aspirasi;Belum Terverifikasi;2026-06-01 09:00`,
      `G-${domain}-1;6302;Dinas PUPR;Infrastruktur;Aspirasi;Terdisposisi Belum Ditindaklanjuti;2026-06-02 09:00`,
    ].join('\n'),
  );
  for (let i = 0; i < 2; i++) await importFile(bulkDeps, { name: 'ekspor.csv', content: csv });
  calls['bulk-import'] = bulk.calls;

  // check-deadlines: one working day, run twice (the second finds every ledger item sent).
  const check = recordingDocumentClient();
  const checkDeps = deadlineDeps(config, {
    doc: check.doc,
    ses: localSesClient(),
    clock: () => new Date('2026-06-15T08:00:00+08:00'),
    views: deadlineViews,
  });
  for (let i = 0; i < 2; i++) await checkDeadlines(checkDeps, {});
  calls['check-deadlines'] = check.calls;

  // semester-start queues the units; semester-worker computes each, then delivers one report twice.
  const start = recordingDocumentClient();
  const queue = capturingQueue();
  const clock = () => new Date('2026-07-01T07:00:00+08:00');
  await startSemesterRun({ ...semesterDeps(config, { doc: start.doc, clock }), queue }, '2026-H1');
  calls['semester-start'] = start.calls;

  const worker = recordingDocumentClient();
  const workerQueue = capturingQueue();
  const workerDeps = {
    ...semesterDeliveryDeps(config, {
      doc: worker.doc,
      clock,
      renderPdf,
      views: semesterViews,
      ses: localSesClient(),
    }),
    queue: workerQueue,
  };
  for (const message of queue.sent) await handleSemesterMessage(workerDeps, message);
  const deliver = workerQueue.sent.find((m) => m.kind === 'deliver' && m.regency === '6302');
  expect(deliver).toBeDefined();
  for (let i = 0; i < 2; i++) await handleSemesterMessage(workerDeps, deliver as SemesterMessage);
  calls['semester-worker'] = worker.calls;

  // publish-site: the scoreboard after the semester run, into a scratch folder.
  const site = recordingDocumentClient();
  const siteDir = mkdtempSync(path.join(os.tmpdir(), 'grants-site-'));
  await publishSite(
    siteDeps(config, { doc: site.doc, clock, view: siteView, target: new DirectorySiteTarget(siteDir) }),
    {
      at: new Date('2026-07-01T08:00:00+08:00'),
    },
  );
  rmSync(siteDir, { recursive: true, force: true });
  calls['publish-site'] = site.calls;
}, 120_000);

/** The grants a call falls under, or none. */
function allowedBy(access: TableAccess, call: TableCall): string[] {
  if (call.index) {
    return call.action === 'Query' && access.indexQueries.includes(call.index as never)
      ? [`index ${call.index}`]
      : [];
  }
  return access.items
    .filter(
      (g) =>
        g.actions.includes(call.action as never) &&
        call.leadingKeys.every((k) => g.leadingKeys.some((p) => matchesPattern(p, k))),
    )
    .map((g) => g.sid);
}

describe('each function calls DynamoDB only as its role allows, and uses all it is allowed', () => {
  it.each(Object.keys(tableAccess) as FunctionName[])('%s', (name) => {
    const made = calls[name] ?? [];
    expect(made.length, name).toBeGreaterThan(0);
    const access = tableAccess[name];
    const denied = made.filter((c) => allowedBy(access, c).length === 0);
    expect(denied, `${name}: requests its role would be denied`).toEqual([]);
    for (const c of made) expect(forbiddenTableActions).not.toContain(c.action);

    // Every action of a grant is used, and every partition pattern of it (some paths, like a
    // ledger claim lost to a concurrent run, cannot be staged here: a grant holds them together).
    const unused: string[] = [];
    for (const grant of access.items) {
      const mine = made.filter((c) => !c.index && allowedBy(access, c).includes(grant.sid));
      for (const action of grant.actions) {
        if (!mine.some((c) => c.action === action)) unused.push(`${grant.sid}: ${action}`);
      }
      for (const pattern of grant.leadingKeys) {
        if (!mine.some((c) => c.leadingKeys.some((k) => matchesPattern(pattern, k))))
          unused.push(`${grant.sid}: ${pattern}`);
      }
    }
    for (const index of access.indexQueries) {
      if (!made.some((c) => c.index === index)) unused.push(`Query on index ${index}`);
    }
    expect(unused, `${name}: granted but never used`).toEqual([]);
  });
});
