import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { localClients } from '../cli/local-env';
import { CapacityMeter } from '../functions/adapters/capacity';
import { DynamoClientRegistry } from '../functions/adapters/client-registry';
import { DynamoComplaintStore } from '../functions/adapters/complaint-store';
import { loadCalendar, loadRegions, loadSlaPolicy } from '../functions/adapters/data-files';
import { handleApiRequest } from '../functions/api/ingest-routes';
import { defaultDataDir } from '../functions/config';
import type { ComplaintUpdate } from '../functions/domain/update';
import { apiGatewayEvent } from '../local/api-event';
import { localKeys, registerLocalClients } from '../local/clients';
import { ensureTable, type LocalStack } from '../local/stack';
import { fmt, progress, table, time } from './support';

/** Updates of one complaint's life: submitted, disposed, followed up, completed. */
function lifeOf(i: number): ComplaintUpdate[] {
  const regencies = loadRegions(defaultDataDir(), '63').regencies.map((r) => r.code);
  const base = {
    trackingId: `BENCH-${String(i).padStart(6, '0')}`,
    regencyCode: regencies[i % regencies.length] as string,
    unit: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    category: 'Infrastruktur',
    classification: 'pengaduan-tidak-berkadar-pengawasan' as const,
    note: 'Jalan desa berlubang di depan sekolah dasar, membahayakan pengendara motor pada malam hari.',
  };
  const day = 1 + (i % 20);
  const at = (d: number, h: number) =>
    `2026-05-${String(day + d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+08:00`;
  return [
    { ...base, status: 'belum-terverifikasi', occurredAt: at(0, 9), sourceUpdateId: `${base.trackingId}-1` },
    {
      ...base,
      status: 'terdisposisi-belum-ditindaklanjuti',
      occurredAt: at(1, 10),
      sourceUpdateId: `${base.trackingId}-2`,
    },
    {
      ...base,
      status: 'terdisposisi-sedang-diproses',
      occurredAt: at(2, 11),
      sourceUpdateId: `${base.trackingId}-3`,
    },
    {
      ...base,
      status: 'terdisposisi-selesai',
      occurredAt: at(5, 15),
      sourceUpdateId: `${base.trackingId}-4`,
    },
  ];
}

/**
 * Ingest throughput and cost: updates through the API handler into DynamoDB Local, with the
 * capacity units DynamoDB reports, against a baseline of one plain PutItem per update.
 */
export async function benchIngest(
  stack: LocalStack,
  complaints = 500,
): Promise<{ section: string; figures: { writeUnitsPerUpdate: number; readUnitsPerUpdate: number } }> {
  const clients = localClients(stack);
  const dataDir = defaultDataDir();
  const meter = new CapacityMeter();
  const tableName = 'bench-ingest';
  await ensureTable(stack.dynamodb.endpoint, tableName);
  const deps = {
    store: new DynamoComplaintStore(clients.doc, tableName, meter),
    regions: loadRegions(dataDir, '63'),
    sla: { calendar: loadCalendar(dataDir), policy: loadSlaPolicy(dataDir, 'permenpanrb-62-2018') },
    clock: () => new Date('2026-07-01T08:00:00+08:00'),
    // The caller's scope is looked up once per minute per warm instance: not metered per update.
    clients: new DynamoClientRegistry(clients.doc, tableName),
  };
  await registerLocalClients(deps.clients, localKeys(deps.regions));
  const lives = Array.from({ length: complaints }, (_, i) => lifeOf(i));
  const updates = lives.flat();
  // Deliver in waves (every complaint's first update, then every second...), 100 per request.
  const waves = [0, 1, 2, 3].map((w) => lives.map((l) => l[w] as ComplaintUpdate));
  progress(`ingest: ${updates.length} updates of ${complaints} complaints through the API handler`);
  const perWave: { reads: number; writes: number }[] = [];
  const handler = await time(async () => {
    for (const wave of waves) {
      const before = { ...meter.totals() };
      for (let i = 0; i < wave.length; i += 100) {
        const response = await handleApiRequest(
          deps,
          apiGatewayEvent({
            method: 'POST',
            path: '/v1/updates',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ updates: wave.slice(i, i + 100) }),
          }),
        );
        if (response.statusCode !== 200)
          throw new Error(`bench batch failed: ${response.statusCode} ${response.body}`);
      }
      perWave.push({
        reads: meter.readCapacityUnits - before.readCapacityUnits,
        writes: meter.writeCapacityUnits - before.writeCapacityUnits,
      });
    }
  });

  progress('ingest: baseline, one PutItem per update');
  const baselineTable = 'bench-ingest-baseline';
  await ensureTable(stack.dynamodb.endpoint, baselineTable);
  let baselineUnits = 0;
  const baseline = await time(async () => {
    for (let i = 0; i < updates.length; i += 4) {
      await Promise.all(
        updates.slice(i, i + 4).map(async (u) => {
          const r = await clients.doc.send(
            new PutCommand({
              TableName: baselineTable,
              Item: { pk: `C#${u.trackingId}`, sk: `EV#${u.sourceUpdateId}`, ...u },
              ReturnConsumedCapacity: 'TOTAL',
            }),
          );
          baselineUnits += r.ConsumedCapacity?.CapacityUnits ?? 0;
        }),
      );
    }
  });
  clients.destroy();

  const n = updates.length;
  const perSecond = n / (handler.ms / 1000);
  const baselinePerSecond = n / (baseline.ms / 1000);
  const section = [
    '## Ingest: updates through the API handler into DynamoDB Local',
    '',
    `${n} updates (${complaints} complaints × submitted, disposed, followed up, completed), POSTed 100 per request to the`,
    'handler (JSON parse, zod validation, scrubbing, SLA replay, one transaction per update), 4 complaints at a time.',
    '',
    table(
      ['measure', 'value'],
      [
        ['updates per second, handler → DynamoDB Local', fmt(perSecond, 0)],
        ['baseline: plain PutItem per update, same concurrency', `${fmt(baselinePerSecond, 0)} /s`],
        ['handler throughput / baseline', fmt(perSecond / baselinePerSecond, 2)],
        [
          'write capacity units per update, as DynamoDB Local reports them',
          fmt(meter.writeCapacityUnits / n, 2),
        ],
        [
          'write capacity units per update under AWS billing (see below)',
          fmt(meter.writeCapacityUnits / n / 2, 2),
        ],
        [
          'read capacity units per update (consistent GetItem of the snapshot)',
          fmt(meter.readCapacityUnits / n, 2),
        ],
        ['baseline write capacity units per update', fmt(baselineUnits / n, 2)],
        ...perWave.map((w, i) => [
          `WCU per update, wave ${i + 1} (${['submitted', 'disposed', 'followed up', 'completed'][i]})`,
          fmt(w.writes / complaints, 2),
        ]),
      ],
    ),
    '',
    'DynamoDB Local 1.25 reports a transactional write at 4 units per started KB (table and each index it',
    'touches); AWS bills 2 (transactional writes cost twice a standard write): the AWS row halves the measured',
    'figure. Checked in this repo against single-item calls: a 0.5 KB plain put reports 1 unit, the same put in',
    'a transaction 4.',
    '',
    'Why that many: each update is one `TransactWriteItems` holding the event (< 1 KB) and the snapshot (< 1 KB:',
    'its timeline is stored as compact strings), plus the month counter when a complaint is new or changes month',
    'or class. Under AWS rules that is 2 units for the event and 2 for the snapshot; the snapshot also moves its',
    'entry in the open-by-due index whenever its due instant changes (a delete and a put: 2-4 units), and enters',
    'the keys-only regency-activity index only when it is created, closed or reopened. The baseline is the floor',
    'for storing an update at all: one plain item write of 1 unit. The transaction buys exactly-once semantics',
    "(event, snapshot and counters move together or not at all); at LAPOR!'s national volume (about 2 million",
    `complaints a year, ~3.7 updates each) that is about ${fmt((2e6 * 3.7 * meter.writeCapacityUnits) / n / 2 / 1e6, 0)} million write units a year (see the cost section).`,
  ].join('\n');
  return {
    section,
    figures: {
      writeUnitsPerUpdate: meter.writeCapacityUnits / n / 2,
      readUnitsPerUpdate: meter.readCapacityUnits / n,
    },
  };
}
