import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/clients';
import { DynamoComplaintQueries } from '../../functions/adapters/complaint-queries';
import { loadPopulation } from '../../functions/adapters/data-files';
import { EmailChannel } from '../../functions/adapters/email-channel';
import { Ledger } from '../../functions/adapters/ledger';
import { renderPdf } from '../../functions/adapters/pdf-renderer';
import { RosterStore } from '../../functions/adapters/province-data-store';
import { SqsWorkQueue } from '../../functions/adapters/queue';
import { DynamoSemesterStore } from '../../functions/adapters/semester-store';
import { SesMailer } from '../../functions/adapters/ses-mailer';
import type { Regions } from '../../functions/domain/regions';
import type { RosterEntry } from '../../functions/domain/roster';
import {
  type FanoutDeps,
  handleSemesterMessage,
  semesterMessage,
  startSemesterRun,
} from '../../functions/use-cases/semester-fanout';
import { drain } from '../../local/event-source';
import { localAwsEnv } from '../../local/stack';
import { type LocalQueue, type LocalStorage, startLocalStorage } from '../../local/storage';
import { semesterViews } from '../../templates/semester-views';
import { calendar, dataDir, kalsel, kalselPolicy, nationalPolicy } from '../support/data';
import { type Attempt, afterEachCall, type Fault, injectFaults } from '../support/faults';
import { onRoster } from '../support/fixtures';
import { freshTable, localDynamoDbClient, localSesClient, receivedMail } from '../support/local-aws';

/**
 * The semester fan-out as deployed: semester-start queues one unit per regency, the worker takes
 * them from the queue (fauxqs: visibility timeout, redelivery, DLQ after 3 receives, as in the
 * stateless stack), the unit that completes the set queues the deliveries. The emulator runs on real
 * time with a visibility timeout of one second; the code under test runs on an injected clock that
 * moves by the deployed timeout (12 minutes) whenever the event source waits for a redelivery, so a
 * redelivered unit is as late for the code (a claim gone stale) as in AWS.
 * Each step is failed once, then twice; each test ends in "every head got exactly one report" or
 * "the unit is in the DLQ and the alarm condition holds".
 */
// Three regencies (one of each kind of head) keep each run to four PDFs; the fan-out is the same.
const province = kalsel();
const regencies = province.regencies.filter((r) => ['6301', '6305', '6371'].includes(r.code));
const regions: Regions = {
  ...province,
  regencies,
  get: (code) => regencies.find((r) => r.code === code),
  has: (code) => regencies.some((r) => r.code === code),
};
const deployedVisibilityMs = 6 * 2 * 60_000; // six times the worker's 2-minute timeout
vi.setConfig({ testTimeout: 180_000 });

let storage: LocalStorage;
beforeAll(async () => {
  storage = await startLocalStorage({
    region: localAwsEnv.AWS_REGION,
    credentials: {
      accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
      secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
    },
  });
});
afterAll(async () => {
  await storage?.stop();
});

/** The code's clock: moves only when told to. */
class TestClock {
  constructor(private ms: number) {}
  date(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

interface World {
  deps: FanoutDeps;
  queue: LocalQueue;
  dlq: LocalQueue;
  clock: TestClock;
  /** Every body sent to the work queue through the port, for tests that count what was queued. */
  sent: string[];
  domain: string;
  dynamodb: ReturnType<typeof localDynamoDbClient>;
  ses: ReturnType<typeof localSesClient>;
  head: (code: string) => string;
}

async function world(): Promise<World> {
  const tableName = await freshTable('fanout');
  const domain = `f${randomUUID().slice(0, 8)}.example`;
  const dynamodb = localDynamoDbClient();
  const ses = localSesClient();
  const doc = createDocumentClient(dynamodb);
  const head = (code: string) => `bupati.${code}@${domain}`;
  const roster: RosterEntry[] = [
    ...regencies.map((r) => onRoster(r.code, 'head', `Kepala ${r.code}`, head(r.code))),
    onRoster('63', 'province', 'Tim Provinsi', `provinsi@${domain}`),
  ];
  await new RosterStore(doc, tableName).replace(roster);
  const clock = new TestClock(Date.parse('2026-07-01T07:00:00+08:00'));
  const id = randomUUID().slice(0, 8);
  const dlq = storage.createQueue(`semester-dlq-${id}`);
  const queue = storage.createQueue(`semester-${id}`, {
    visibilityTimeoutSeconds: 1,
    maxReceiveCount: 3,
    deadLetter: dlq,
  });
  const sent: string[] = [];
  const sqsQueue = new SqsWorkQueue(queue.sqs, queue.url);
  const deps: FanoutDeps = {
    regions,
    calendar: calendar(),
    national: nationalPolicy(),
    provincial: kalselPolicy(),
    population: loadPopulation(dataDir, '63'),
    queries: new DynamoComplaintQueries(doc, tableName),
    roster: new RosterStore(doc, tableName),
    store: new DynamoSemesterStore(doc, tableName),
    ledger: new Ledger(doc, tableName, () => clock.date()),
    channels: [
      new EmailChannel(
        new SesMailer(ses, { maxPerSecond: Number.POSITIVE_INFINITY }),
        `LAPOR Paman <no-reply@${domain}>`,
        { semester: semesterViews },
      ),
    ],
    renderPdf,
    views: semesterViews,
    clock: () => clock.date(),
    queue: {
      send: async (messages) => {
        await sqsQueue.send(messages);
        sent.push(...messages.map((m) => JSON.stringify(m)));
      },
    },
  };
  return { deps, queue, dlq, clock, sent, domain, dynamodb, ses, head };
}

/** The Lambda process dying mid-batch (timeout, out of memory): nothing of the batch is deleted. */
class Crash extends Error {}

/** The worker's batch semantics (handlers/semester-worker.ts): one record at a time, failures reported. */
function worker(deps: FanoutDeps) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: { itemIdentifier: string }[] = [];
    for (const r of event.Records) {
      try {
        await handleSemesterMessage(deps, semesterMessage.parse(JSON.parse(r.body)));
      } catch (error) {
        if (error instanceof Crash) throw error;
        batchItemFailures.push({ itemIdentifier: r.messageId });
      }
    }
    return { batchItemFailures };
  };
}

/** Runs the job as deployed: semester-start, then the worker on the queue until it is empty. */
async function run(w: World): Promise<void> {
  await startSemesterRun(w.deps, '2026-H1');
  await drain(w.queue, worker(w.deps), { onRedeliveryWait: () => w.clock.advance(deployedVisibilityMs) });
}

async function reportsPerHead(w: World): Promise<Map<string, number>> {
  const mails = (await receivedMail(w.domain)).filter((m) => m.subject.includes('Semester I 2026'));
  return new Map(
    regencies.map((r) => [
      r.code,
      mails.filter((m) => m.destination.to.some((t) => t.includes(w.head(r.code)))).length,
    ]),
  );
}

const everyHeadOnce = () => new Map(regencies.map((r) => [r.code, 1]));

/** The sort key prefix and command of each DynamoDB write of the worker. */
const writes = {
  'the run record (fan-in)': (a: Attempt) => a.command === 'UpdateCommand' && writeKey(a).includes('"RUN"'),
  'the ledger claim': (a: Attempt) => a.command === 'PutCommand' && writeKey(a).includes('LEDGER#REPORT'),
  'the ledger mark': (a: Attempt) => a.command === 'UpdateCommand' && writeKey(a).includes('LEDGER#REPORT'),
} as const;

/** The first recipient of a SendRawEmail request (query protocol): stable across retries of one e-mail. */
const destination = (a: Attempt) => new URLSearchParams(a.body).get('Destinations.member.1') ?? '';

/** The command and the item key of a DynamoDB write: stable across retries, whatever the values. */
function writeKey(a: Attempt): string {
  const body = JSON.parse(a.body) as { Key?: unknown; Item?: { pk?: unknown; sk?: unknown } };
  return `${a.command} ${JSON.stringify(body.Key ?? { pk: body.Item?.pk, sk: body.Item?.sk })}`;
}

/** A fault the SDK does not retry itself, so that the retry is the queue's. */
const injected = () => Object.assign(new Error('injected fault'), { name: 'InjectedFault' });

/**
 * Fails the first `calls` calls per key completely (every attempt of the SDK's retries), then lets
 * them through. Counted by the SDK's invocation id, so its retry quota running dry changes nothing.
 */
function failCalls(calls: number, key: (a: Attempt) => string | undefined): (a: Attempt) => Fault {
  const seen = new Map<string, string[]>();
  return (a) => {
    const k = key(a);
    if (k === undefined) return undefined;
    const ids = seen.get(k) ?? [];
    if (!ids.includes(a.invocationId)) ids.push(a.invocationId);
    seen.set(k, ids);
    return ids.indexOf(a.invocationId) < calls ? { kind: 'throw', error: injected } : undefined;
  };
}

describe('the semester fan-out over the queue', () => {
  it.each([1, 2])(
    'mails every head once when queueing the delivery phase fails %i time(s)',
    async (times) => {
      const w = await world();
      const send = w.deps.queue.send.bind(w.deps.queue);
      let failures = times;
      w.deps.queue.send = async (messages) => {
        if (failures > 0 && messages.some((m) => (m as { kind: string }).kind === 'deliver')) {
          failures -= 1;
          throw new Error('SQS SendMessageBatch: injected fault');
        }
        return send(messages);
      };
      await run(w);
      expect(await reportsPerHead(w)).toEqual(everyHeadOnce());
      expect(await w.dlq.depth()).toBe(0);
    },
  );

  it('mails every head once when the worker dies between queueing the deliveries and marking them queued', async () => {
    const w = await world();
    const mark = w.deps.store.markReportsQueued.bind(w.deps.store);
    let crashes = 1;
    w.deps.store.markReportsQueued = async (...args) => {
      if (crashes-- > 0) throw new Crash('worker died');
      return mark(...args);
    };
    await run(w);
    // The deliveries were queued twice; the ledger lets each recipient have one copy.
    expect(w.sent.filter((b) => b.includes('"deliver"')).length).toBe(2 * regencies.length);
    expect(await reportsPerHead(w)).toEqual(everyHeadOnce());
    expect(await w.dlq.depth()).toBe(0);
  });

  it.each([1, 2])('mails every head once when each report e-mail fails %i time(s) at SES', async (times) => {
    const w = await world();
    injectFaults(
      w.ses,
      failCalls(times, (a) => (a.command === 'SendRawEmailCommand' ? destination(a) : undefined)),
    );
    await run(w);
    expect(await reportsPerHead(w)).toEqual(everyHeadOnce());
    expect(await w.dlq.depth()).toBe(0);
  });

  for (const [step, matches] of Object.entries(writes)) {
    it.each([1, 2])(`mails every head once when ${step} fails %i time(s) at DynamoDB`, async (times) => {
      const w = await world();
      injectFaults(
        w.dynamodb,
        failCalls(times, (a) => (matches(a) ? writeKey(a) : undefined)),
      );
      await run(w);
      expect(await reportsPerHead(w)).toEqual(everyHeadOnce());
      expect(await w.dlq.depth()).toBe(0);
    });
  }

  it('sends one head a second copy when the worker dies between SES accepting and the ledger mark: the one window', async () => {
    const w = await world();
    // The process dies as SES answers: nothing it would write afterwards reaches DynamoDB.
    let dead = false;
    let crashes = 1;
    afterEachCall(w.ses, () => {
      if (crashes-- > 0) dead = true;
    });
    injectFaults(w.dynamodb, () =>
      dead ? { kind: 'throw', error: () => new Crash('process gone') } : undefined,
    );
    const handle = worker(w.deps);
    await startSemesterRun(w.deps, '2026-H1');
    await drain(
      w.queue,
      async (event) => {
        try {
          const response = await handle(event);
          if (dead) throw new Crash('worker died right after SES accepted');
          return response;
        } finally {
          dead = false; // the next invocation is a fresh process
        }
      },
      { onRedeliveryWait: () => w.clock.advance(deployedVisibilityMs) },
    );
    // SES has no idempotency key: the claim left "sending" goes stale, the redelivery sends again.
    const counts = [...(await reportsPerHead(w)).values()].sort();
    expect(counts).toEqual([1, 1, 2]);
    expect(await w.dlq.depth()).toBe(0);
  });

  it('parks a unit that always fails in the dead-letter queue after three receives; the others still deliver', async () => {
    const w = await world();
    injectFaults(w.ses, (a) =>
      a.command === 'SendRawEmailCommand' && destination(a).includes(w.head('6305'))
        ? { kind: 'throw', error: injected }
        : undefined,
    );
    await run(w);
    expect(await reportsPerHead(w)).toEqual(
      new Map([...everyHeadOnce()].map(([c, n]) => [c, c === '6305' ? 0 : n])),
    );
    // The alarm on the DLQ fires on ApproximateNumberOfMessagesVisible >= 1.
    expect(w.dlq.bodies()).toEqual([{ kind: 'deliver', semester: '2026-H1', regency: '6305' }]);
  });
});
