import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { localClients } from '../cli/local-env';
import { CapacityMeter } from '../functions/adapters/capacity';
import { DynamoClientRegistry } from '../functions/adapters/client-registry';
import { DynamoComplaintStore } from '../functions/adapters/complaint-store';
import { loadCalendar, loadRegions, loadSlaPolicy } from '../functions/adapters/data-files';
import { handleApiRequest } from '../functions/api/ingest-routes';
import type { ComplaintUpdate } from '../functions/domain/update';
import type { ComplaintStore } from '../functions/ports/complaint-store';
import type { IngestDeps } from '../functions/use-cases/ingest-updates';
import { recordUpdate } from '../functions/use-cases/ingest-updates';
import { defaultDataDir } from '../handlers/support/config';
import { apiGatewayEvent } from '../local/api-event';
import { localKeys, registerLocalClients } from '../local/clients';
import { ensureTable, type LocalStack } from '../local/stack';
import { fmt, progress, table, time } from './support';

/**
 * The figures of BENCHMARKS.md as of 2026-11-28 (before issue 14), for the "before" column: one
 * transaction per update then. Stated, not measured in this run.
 */
const before = {
  perSecond: '140',
  baselinePerSecond: '767 /s',
  ratio: '0.18',
  localWcu: '17',
  awsWcu: '8.5',
  rcu: '1',
  baselineWcu: '1',
  waves: ['16', '16', '16', '20'],
};

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
    store: new DynamoComplaintStore(clients.doc, tableName, loadRegions(dataDir, '63').zone, meter),
    regions: loadRegions(dataDir, '63'),
    sla: {
      calendar: loadCalendar(dataDir, loadRegions(dataDir, '63').zone),
      policy: loadSlaPolicy(dataDir, 'nasional'),
    },
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
  const perWave: { reads: number; writes: number; transactional: number }[] = [];
  // Units reported for transactions, apart: AWS bills those at half what DynamoDB Local reports.
  let transactionUnits = 0;
  clients.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'TransactWriteItemsCommand') {
        const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number }[] })
          .ConsumedCapacity;
        transactionUnits += (consumed ?? []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      }
      return result;
    },
    { step: 'initialize', name: 'benchTransactionUnits' },
  );
  const handler = await time(async () => {
    for (const wave of waves) {
      const totals = { ...meter.totals() };
      const transactionsBefore = transactionUnits;
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
        reads: meter.readCapacityUnits - totals.readCapacityUnits,
        writes: meter.writeCapacityUnits - totals.writeCapacityUnits,
        transactional: transactionUnits - transactionsBefore,
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
  const hot = await benchHotCounter(stack, deps);
  clients.destroy();

  const n = updates.length;
  // AWS bills a transactional write twice a standard one; DynamoDB Local reports it four times.
  const awsWrites = perWave.reduce((sum, w) => sum + w.writes - w.transactional / 2, 0);
  const perSecond = n / (handler.ms / 1000);
  const baselinePerSecond = n / (baseline.ms / 1000);
  const section = [
    '## Ingest: updates through the API handler into DynamoDB Local',
    '',
    `${n} updates (${complaints} complaints × submitted, disposed, followed up, completed), POSTed 100 per request to the`,
    'handler (JSON parse, zod validation, scrubbing, SLA replay, one transaction per update), 4 complaints at a time.',
    '',
    table(
      ['measure', 'this run', 'before (BENCHMARKS.md of 2026-11-28)'],
      [
        ['updates per second, handler → DynamoDB Local', fmt(perSecond, 0), before.perSecond],
        [
          'baseline: plain PutItem per update, same concurrency',
          `${fmt(baselinePerSecond, 0)} /s`,
          before.baselinePerSecond,
        ],
        ['handler throughput / baseline', fmt(perSecond / baselinePerSecond, 2), before.ratio],
        [
          'write capacity units per update, as DynamoDB Local reports them',
          fmt(meter.writeCapacityUnits / n, 2),
          before.localWcu,
        ],
        [
          'write capacity units per update under AWS billing (see below)',
          fmt(awsWrites / n, 2),
          before.awsWcu,
        ],
        [
          'read capacity units per update (consistent GetItem of the snapshot)',
          fmt(meter.readCapacityUnits / n, 2),
          before.rcu,
        ],
        ['baseline write capacity units per update', fmt(baselineUnits / n, 2), before.baselineWcu],
        ...perWave.map((w, i) => [
          `WCU per update as reported, wave ${i + 1} (${['submitted', 'disposed', 'followed up', 'completed'][i]}), of which in transactions`,
          `${fmt(w.writes / complaints, 2)} (${fmt(w.transactional / complaints, 2)})`,
          before.waves[i] as string,
        ]),
      ],
    ),
    '',
    'Why the handler stays under half the baseline: per update it reads the snapshot (consistent GetItem),',
    'replays the SLA over the whole timeline, then writes the event and the snapshot in sequence (a',
    "transaction on creation and completion), three round trips against the baseline's one; the client",
    'registry read is cached per container. The target of 0.5 would need the read folded into a',
    'conditional write (retrying on a version conflict) or the counters off the write path.',
    '',
    'DynamoDB Local 1.25 reports a transactional write at 4 units per started KB (table and each index it',
    'touches) where AWS bills 2 (transactional writes cost twice a standard write), and a standard write at 1,',
    'as AWS does. Checked in this repo against single-item calls: a 0.5 KB plain put reports 1 unit, the same',
    'put in a transaction 4. The AWS row therefore halves only the units of the waves written by a transaction.',
    '',
    'Where the units go: a new complaint (wave 1) and a completion (wave 4) move a counter (month received;',
    'day completed), so event, snapshot and counters go in one transaction: 2 AWS units per item per started',
    'KB, plus the snapshot entering or moving in the open-by-due index and, on creation and closing, the',
    'keys-only regency-activity index. A disposition or follow-up (waves 2 and 3) moves no counter: two',
    'conditional puts at standard price, the event (1) and the snapshot (1) with its open-by-due entry',
    "(a delete and a put when the due instant moves: 2). The floor for storing an update at all is the baseline's",
    '1 unit. Further cuts would need the counters off the write path (computed on read from the',
    'regency-activity index, or a stream consumer), which changes what the daily check and the public',
    `scoreboard read; at LAPOR!'s national volume (about 2 million complaints a year, ~3.7 updates each) this run's figure is about ${fmt((2e6 * 3.7 * awsWrites) / n / 1e6, 0)} million write units a year (see the cost section).`,
    '',
    hot,
  ].join('\n');
  return {
    section,
    figures: {
      writeUnitsPerUpdate: awsWrites / n,
      readUnitsPerUpdate: meter.readCapacityUnits / n,
    },
  };
}

/**
 * The hot counter item: 20 writers at once, each recording new complaints of one regency in one month,
 * so every commit is a transaction that adds to the same counter item (`AGG#6302`, `M#2026-05`).
 * DynamoDB cancels a transaction that meets another on the same item (TransactionConflict); the use
 * case reads again and retries with a short jittered backoff.
 */
async function benchHotCounter(
  stack: LocalStack,
  base: Omit<IngestDeps, 'store'>,
  writers = 20,
  perWriter = 10,
): Promise<string> {
  progress(`ingest: hot counter, ${writers} writers × ${perWriter} new complaints of one regency and month`);
  const clients = localClients(stack);
  const tableName = 'bench-hot-counter';
  await ensureTable(stack.dynamodb.endpoint, tableName);
  const inner = new DynamoComplaintStore(clients.doc, tableName, loadRegions(defaultDataDir(), '63').zone);
  const results = { committed: 0, conflict: 0, throttled: 0, duplicate: 0 };
  const attempts = new Map<string, number>();
  const store: ComplaintStore = {
    getSnapshot: (id) => inner.getSnapshot(id),
    getHistory: (id) => inner.getHistory(id),
    commit: async (event, next, previous) => {
      attempts.set(next.trackingId, (attempts.get(next.trackingId) ?? 0) + 1);
      const result = await inner.commit(event, next, previous);
      results[result] += 1;
      return result;
    },
  };
  const deps = { ...base, store };
  const elapsed = await time(() =>
    Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let k = 0; k < perWriter; k++) {
          const trackingId = `HOT-${w}-${k}`;
          await recordUpdate(
            deps,
            {
              trackingId,
              regencyCode: '6302',
              unit: 'Dinas Kesehatan',
              category: 'Kesehatan',
              classification: 'aspirasi',
              status: 'belum-terverifikasi',
              occurredAt: `2026-05-${String(1 + (k % 28)).padStart(2, '0')}T09:00:00+08:00`,
              sourceUpdateId: `${trackingId}-1`,
            },
            'bench',
          );
        }
      }),
    ),
  );
  clients.destroy();
  const n = writers * perWriter;
  const worst = Math.max(...attempts.values());
  return [
    `Hot counter: ${writers} writers at once, ${n} new complaints of one regency in one month (every commit a`,
    'transaction adding to the same counter item):',
    '',
    table(
      ['measure', 'value'],
      [
        ['updates committed', fmt(results.committed, 0)],
        [
          'transactions cancelled by a conflict, then retried',
          `${fmt(results.conflict, 0)} (${fmt((100 * results.conflict) / n, 0)}% of updates)`,
        ],
        [
          'attempts per update: mean / worst',
          `${fmt((results.committed + results.conflict + results.throttled) / n, 2)} / ${worst}`,
        ],
        ['updates per second', fmt(n / (elapsed.ms / 1000), 0)],
      ],
    ),
    '',
    'DynamoDB Local queues transactions that touch the same item, so this run measures their throughput, not',
    'conflicts: DynamoDB itself cancels a transaction that overlaps another on the same item',
    '(TransactionConflict), bills the cancelled attempt, and the use case reads again and retries with a',
    "jittered backoff of up to 20 ms × attempt (ingest's limit is its attempt count). Only creations,",
    'completions and class or month changes touch a counter item now; a regency records a few hundred',
    'complaints a month (Kalsel: ~2,800 a year for 13), far from 20 at once. A bulk import of one',
    "regency-month at this concurrency is where the counter item would become the limit (DynamoDB's",
    '1,000 writes a second per partition key, minus the retries).',
  ].join('\n');
}
