import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient, getDocumentClient, getSesClient } from '../../functions/adapters/clients';
import { DynamoComplaintStore } from '../../functions/adapters/complaint-store';
import { SesMailer } from '../../functions/adapters/ses-mailer';
import { handleApiRequest } from '../../functions/api/ingest-routes';
import type { ComplaintUpdate } from '../../functions/domain/update';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import type { ItemResult } from '../../functions/use-cases/ingest-updates';
import { recordUpdate } from '../../functions/use-cases/ingest-updates';
import { localAwsEnv } from '../../local/stack';
import { calendar, kalsel, nationalPolicy } from '../support/data';
import { deadlineWorld } from '../support/deadlines';
import {
  type Attempt,
  complaintHistories,
  dynamoDbThrottled,
  expectConsistent,
  type Fault,
  type FaultInjection,
  injectFaults,
  scanAll,
  seededRandom,
  sesThrottled,
  shuffle,
  timeoutError,
  transactionThrottled,
} from '../support/faults';
import { apiEvent } from '../support/fixtures';
import { registeredClients } from '../support/ingest';
import { freshTable, localEndpoints, receivedMail } from '../support/local-aws';

const now = new Date('2026-07-01T08:00:00+08:00');
const sla = { calendar: calendar(), policy: nationalPolicy() };
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

// The production factories (clients.ts) read the SDK's own environment variables: point them at
// the local servers for this file, so that the "as in production" tests use production's clients.
beforeAll(() => {
  vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', localEndpoints().dynamodb);
  vi.stubEnv('AWS_ENDPOINT_URL_SES', localEndpoints().ses);
  vi.stubEnv('AWS_REGION', localAwsEnv.AWS_REGION);
  vi.stubEnv('AWS_ACCESS_KEY_ID', localAwsEnv.AWS_ACCESS_KEY_ID);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', localAwsEnv.AWS_SECRET_ACCESS_KEY);
});
afterAll(() => {
  vi.unstubAllEnvs();
});
const injections: FaultInjection[] = [];
afterEach(() => {
  for (const i of injections.splice(0)) i.remove();
});
const inject = (client: Parameters<typeof injectFaults>[0], decide: Parameters<typeof injectFaults>[1]) => {
  const injection = injectFaults(client, decide);
  injections.push(injection);
  return injection;
};

/**
 * Ingest against a fresh table, through production's DynamoDB client (clients.ts: SDK defaults,
 * standard retry mode, 4 attempts for DynamoDB), or through one with fewer attempts so that a
 * phase meant to exhaust them stays short.
 */
async function api(maxAttempts?: number) {
  const tableName = await freshTable('faults');
  const doc = maxAttempts
    ? createDocumentClient(
        new DynamoDBClient({
          endpoint: localEndpoints().dynamodb,
          region: localAwsEnv.AWS_REGION,
          credentials,
          maxAttempts,
        }),
      )
    : getDocumentClient();
  const deps = {
    store: new DynamoComplaintStore(doc, tableName, kalsel().zone),
    clients: await registeredClients(doc, tableName),
    regions: kalsel(),
    sla,
    clock: () => now,
  };
  const post = async (updates: readonly ComplaintUpdate[]) => {
    const response = await handleApiRequest(
      deps,
      apiEvent('POST', '/v1/updates', JSON.stringify({ updates })),
    );
    const body = JSON.parse(response.body ?? '{}') as {
      summary: Record<string, number>;
      results: ItemResult[];
    };
    return { status: response.statusCode, headers: response.headers ?? {}, ...body };
  };
  return { client: doc, post, items: () => scanAll(doc, tableName) };
}

/** A batch of ~10 complaints' histories, out of order, some updates twice. */
function batch(seed: number, complaints = 10): ComplaintUpdate[] {
  const random = seededRandom(seed);
  const updates = complaintHistories(random, complaints, `THR-${randomUUID().slice(0, 6)}`);
  return shuffle([...updates, ...updates.filter(() => random() < 0.2)], random);
}

/** Numbers each SDK call (all attempts of one call share its number) in the order calls start. */
function callNumbers() {
  const numbers = new Map<string, number>();
  return (a: Attempt) => {
    if (!numbers.has(a.invocationId)) numbers.set(a.invocationId, numbers.size);
    return numbers.get(a.invocationId) as number;
  };
}

const touches = (a: Attempt, trackingId: string) => a.body.includes(`"C#${trackingId}"`);

describe('throttling and timeouts injected at the DynamoDB boundary', () => {
  it('absorbs throttled and timed-out attempts with the SDK retries and backoff: the batch lands whole, each update once', async () => {
    const { client, post, items } = await api();
    const updates = batch(11, 8);
    const callNumber = callNumbers();
    // At most two faults per call (the SDK default allows four attempts): every call ends up
    // succeeding. Throttling backs off for up to 1 s, then 2 s: a few of those keep the test short.
    const faults = inject(client, (a): Fault => {
      const n = callNumber(a);
      if (n === 1 && a.attempt <= 2) return { kind: 'respond', response: dynamoDbThrottled };
      if (n % 10 === 0 && a.attempt === 1) return { kind: 'respond', response: dynamoDbThrottled };
      if (n % 5 === 3 && a.attempt <= 2) return { kind: 'throw', error: timeoutError };
      // The server applies the transaction, the client never hears back and tries again.
      if (n % 3 === 2 && a.attempt === 1 && a.command === 'TransactWriteItemsCommand')
        return { kind: 'lose-response', error: timeoutError };
      return undefined;
    });

    const response = await post(updates);

    expect(response.status).toBe(200);
    expect(response.summary.failed).toBe(0);
    const injected = faults.log.filter((a) => a.fault).length;
    expect(injected).toBeGreaterThan(10);
    // The SDK retried each injected failure once: one extra attempt per fault, no more, no less.
    const retries = faults.calls.reduce((n, c) => n + c.attempts - 1, 0);
    expect(retries).toBe(injected);
    expect(faults.calls.some((c) => c.attempts === 3)).toBe(true);
    // ...after a backoff (jittered exponential: up to 1 s, 2 s, ... for throttling; 50 ms, 100 ms, ...
    // for timeouts).
    const retried = faults.calls.filter((c) => c.attempts > 1);
    expect(retried.reduce((ms, c) => ms + c.totalRetryDelay, 0)).toBeGreaterThan(0);
    // A transaction whose response was lost is retried with the same ClientRequestToken, so the
    // retry is answered as the first was: the update is still reported as recorded, once.
    expect(faults.log.filter((a) => a.fault === 'lose-response').length).toBeGreaterThan(0);
    const recorded = response.results.filter((r) => r.result !== 'duplicate');
    expect(recorded.map((r) => ('sourceUpdateId' in r ? r.sourceUpdateId : '')).sort()).toEqual(
      [...new Set(updates.map((u) => u.sourceUpdateId))].sort(),
    );
    faults.remove();
    expectConsistent(await items(), updates, sla, now);
  }, 60_000);

  it('reports the items whose retries ran out as failed and retryable, and the same batch sent again stores everything exactly once', async () => {
    const { client, post, items } = await api(2);
    const prefix = `EXH-${randomUUID().slice(0, 6)}`;
    const [first, second] = [`${prefix}-F1`, `${prefix}-F2`];
    const throttled: ComplaintUpdate[] = [
      {
        trackingId: first,
        regencyCode: '6303',
        unit: 'Dinas Sosial',
        category: 'Sosial',
        classification: 'aspirasi',
        status: 'belum-terverifikasi',
        occurredAt: '2026-05-04T09:00:00+08:00',
        sourceUpdateId: `${first}-1`,
      },
      {
        trackingId: second,
        regencyCode: '6371',
        unit: 'Dinas Kesehatan',
        category: 'Kesehatan',
        classification: 'permintaan-informasi',
        status: 'terdisposisi-selesai',
        occurredAt: '2026-05-06T09:00:00+08:00',
        submittedAt: '2026-05-04T10:00:00+08:00',
        sourceUpdateId: `${second}-2`,
      },
    ];
    const updates = shuffle([...batch(12, 6), ...throttled], seededRandom(12));
    // Every attempt touching the two complaints is throttled, as long as the fault lasts.
    const faults = inject(
      client,
      (a): Fault =>
        touches(a, first) || touches(a, second)
          ? { kind: 'respond', response: dynamoDbThrottled }
          : undefined,
    );

    const partial = await post(updates);

    expect(partial.status).toBe(207);
    expect(partial.headers['retry-after']).toBe('5');
    expect(partial.summary.failed).toBe(2);
    for (const [index, u] of updates.entries()) {
      const result = partial.results[index];
      if (u.trackingId === first || u.trackingId === second)
        expect(result).toMatchObject({
          index,
          result: 'failed',
          retryable: true,
          trackingId: u.trackingId,
          sourceUpdateId: u.sourceUpdateId,
          message: expect.stringContaining('provisioned throughput'),
        });
      else expect(['created', 'applied', 'stale', 'duplicate']).toContain(result?.result);
    }
    // Each failed call was tried as often as the client allows (here 2), backing off in between.
    const exhausted = faults.calls.filter((c) => !c.ok);
    expect(exhausted.map((c) => [c.error, c.attempts])).toEqual([
      ['ProvisionedThroughputExceededException', 2],
      ['ProvisionedThroughputExceededException', 2],
    ]);
    expect(exhausted.reduce((ms, c) => ms + c.totalRetryDelay, 0)).toBeGreaterThan(0);
    // Nothing half-written for them; the rest is complete.
    const others = updates.filter((u) => u.trackingId !== first && u.trackingId !== second);
    expectConsistent(await items(), others, sla, now);

    // The throttling is over; the client sends the very same batch again, as told.
    faults.remove();
    const again = await post(updates);
    expect(again.status).toBe(200);
    expect(again.summary).toMatchObject({ failed: 0, created: 2 });
    for (const [index, u] of updates.entries())
      if (u.trackingId !== first && u.trackingId !== second)
        expect(again.results[index]?.result).toBe('duplicate');
    expectConsistent(await items(), updates, sla, now);
  }, 60_000);

  it('retries an update whose transaction DynamoDB cancelled for throttling (reason ThrottlingError)', async () => {
    // For TransactWriteItems, DynamoDB reports throttling as TransactionCanceledException with the
    // reason code ThrottlingError, which the SDK does not retry (it is not a throttling error name).
    const { client, post, items } = await api();
    const [update] = batch(13, 1);
    let cancelled = 0;
    const faults = inject(client, (a): Fault => {
      if (a.command !== 'TransactWriteItemsCommand' || cancelled > 0) return undefined;
      cancelled += 1;
      const itemCount = (JSON.parse(a.body) as { TransactItems: unknown[] }).TransactItems.length;
      return { kind: 'respond', response: () => transactionThrottled(itemCount) };
    });

    const response = await post([update as ComplaintUpdate]);

    expect(cancelled).toBe(1);
    expect(faults.calls.find((c) => c.command === 'TransactWriteItemsCommand')).toMatchObject({
      ok: false,
      error: 'TransactionCanceledException',
    });
    expect(response.results[0]).toMatchObject({ result: 'created' });
    expectConsistent(await items(), [update as ComplaintUpdate], sla, now);
  }, 30_000);
});

describe('throttling injected at the SES boundary', () => {
  /** An SES client as production builds it (clients.ts: adaptive retry), with fewer attempts. */
  const sesClient = (maxAttempts: number) =>
    new SESClient({
      endpoint: localEndpoints().ses,
      region: localAwsEnv.AWS_REGION,
      credentials,
      retryMode: 'adaptive',
      maxAttempts,
    });

  async function world() {
    const w = await deadlineWorld();
    await w.roster.replace([
      w.person('6301', 'admin', 'a'),
      w.person('6301', 'head', 'h'),
      w.person('63', 'province', 'p'),
    ]);
    const at = '2026-02-02T09:00:00+08:00';
    w.setNow(at);
    const trackingId = `SESTHR-${randomUUID().slice(0, 6)}`;
    await recordUpdate(
      w.ingest,
      {
        trackingId,
        regencyCode: '6301',
        unit: 'Dinas PUPR',
        category: 'Infrastruktur',
        classification: 'aspirasi',
        status: 'belum-terverifikasi',
        occurredAt: at,
        sourceUpdateId: `${trackingId}-1`,
      },
      'test',
    );
    return w;
  }

  it('retries throttled sends and delivers each e-mail once', async () => {
    const w = await world();
    const client = getSesClient(); // production's: adaptive retry, 6 attempts
    const callNumber = callNumbers();
    // The last message of the run is throttled twice. (Throttled earlier, the adaptive mode's rate
    // limiter would slow every later message of the run down too: correct, and slow for a test.)
    const faults = inject(
      client,
      (a): Fault =>
        callNumber(a) === 2 && a.attempt <= 2 ? { kind: 'respond', response: sesThrottled } : undefined,
    );
    w.setMailer(new SesMailer(client, { maxPerSecond: Number.POSITIVE_INFINITY }));

    const report = await checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });

    // Admin digest, head escalation, province digest: all sent, the last on its third attempt.
    expect(report.emailsSent).toBe(3);
    expect(report.failures).toBe(0);
    expect(faults.calls.map((c) => [c.ok, c.attempts])).toEqual([
      [true, 1],
      [true, 1],
      [true, 3],
    ]);
    expect(faults.calls[2]?.totalRetryDelay).toBeGreaterThan(0);
    expect(faults.log.filter((a) => a.fault)).toHaveLength(2);
    const mails = await receivedMail(w.domain);
    expect(mails).toHaveLength(3);
    const ledger = (await scanAll(w.doc, w.tableName)).filter(
      (i) => i.type === 'ledger' && !String(i.pk).startsWith('ESC#'),
    );
    expect(new Set(ledger.map((i) => i.messageId))).toEqual(new Set(mails.map((m) => m.messageId)));
  }, 60_000);

  it('marks a send whose retries ran out as failed, and the next run sends it once', async () => {
    const w = await world();
    const client = sesClient(2);
    const head = encodeURIComponent(`h.6301@${w.domain}`);
    const faults = inject(
      client,
      (a): Fault => (a.body.includes(head) ? { kind: 'respond', response: sesThrottled } : undefined),
    );
    w.setMailer(new SesMailer(client, { maxPerSecond: Number.POSITIVE_INFINITY }));

    const first = await checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });
    expect(first.regencies.find((r) => r.code === '6301')).toMatchObject({
      digest: 'sent',
      escalationNotice: 'failed',
    });
    expect(faults.calls.filter((c) => !c.ok).map((c) => [c.error, c.attempts])).toEqual([['Throttling', 2]]);
    expect(await receivedMail(`h.6301@${w.domain}`)).toEqual([]);
    const ledger = await scanAll(w.doc, w.tableName);
    expect(ledger.find((i) => i.pk === 'LEDGER#ESCALATION#2026-03-02')).toMatchObject({
      status: 'failed',
      reason: 'Maximum sending rate exceeded.',
    });
    // The escalated complaint is not recorded as escalated either: the notice carrying it failed.
    expect(ledger.filter((i) => String(i.pk).startsWith('ESC#') && i.status === 'sent')).toHaveLength(1);

    faults.remove();
    const retry = await checkDeadlines(w.deps(), { at: new Date('2026-03-02T09:30:00+08:00') });
    expect(retry.regencies.find((r) => r.code === '6301')).toMatchObject({
      digest: 'already-sent',
      escalationNotice: 'sent',
    });
    expect(retry.emailsSent).toBe(1);
    expect(await receivedMail(`h.6301@${w.domain}`)).toHaveLength(1);
    expect((await receivedMail(w.domain)).length).toBe(3);
  }, 60_000);

  it('spaces messages at the configured sending rate', async () => {
    const w = await world();
    const client = sesClient(1);
    const faults = inject(client, () => undefined);
    const mailer = new SesMailer(client, { maxPerSecond: 5 });
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        mailer.send({ from: `x@${w.domain}`, to: [`rate${i}@${w.domain}`], subject: `rate ${i}`, text: 'x' }),
      ),
    );
    // The k-th message may not leave before k slots of 200 ms. A lower bound from the start, not the
    // gap between two sends: a busy machine can delay one send and shorten the next gap.
    const times = faults.log.map((a) => a.at as number).sort((a, b) => a - b);
    for (const [k, at] of times.entries()) expect(at - started).toBeGreaterThanOrEqual(k * 200 - 5);
    expect(await receivedMail(w.domain)).toHaveLength(4);
  });
});
