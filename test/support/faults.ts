import { Readable } from 'node:stream';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { fromSnapshotItem } from '../../functions/adapters/complaint-store';
import { keys } from '../../functions/adapters/keys';
import { sortTimeline } from '../../functions/domain/sla';
import {
  contributionOf,
  replaySnapshot,
  type SlaContext,
  type Snapshot,
  toTimelineEntry,
} from '../../functions/domain/snapshot';
import type { ComplaintUpdate } from '../../functions/domain/update';
import { localAwsEnv } from '../../local/stack';
import { kalsel } from './data';

/**
 * Fault injection at the SDK boundary, for the fault suite: the servers are the real local ones,
 * only the faults are made up. Everything here is test-only.
 */

const credentials = {
  accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
  secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
};

/** A DynamoDB client for an endpoint the test controls; `maxAttempts` low keeps failing phases fast. */
export function dynamoDbClientFor(endpoint: string, maxAttempts?: number): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: localAwsEnv.AWS_REGION,
    credentials,
    ...(maxAttempts ? { maxAttempts } : {}),
  });
}

/** What a fault middleware sees of one attempt of one SDK call. */
export interface Attempt {
  /** The SDK command, e.g. "TransactWriteItemsCommand", "SendRawEmailCommand". */
  command: string;
  /** 1 for the first try, 2 for the first retry, ... (from the SDK's amz-sdk-request header). */
  attempt: number;
  /** The SDK's invocation id: the same for every attempt of one call. */
  invocationId: string;
  /** The serialized request body (for DynamoDB: JSON with the marshalled keys). */
  body: string;
}

/** An HTTP response as the SDK's deserializers read it. */
export interface FakeResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Readable;
}

/**
 * A fault for one attempt:
 * - `respond`: the service's answer is this response (e.g. an HTTP 400 throttling error), which the
 *   SDK parses into its own error type; the request never reaches the server.
 * - `throw`: the attempt fails on the client side (e.g. a timeout) before reaching the server.
 * - `lose-response`: the request reaches the server and is applied, then the client times out.
 */
export type Fault =
  | { kind: 'respond'; response: () => FakeResponse }
  | { kind: 'throw'; error: () => Error }
  | { kind: 'lose-response'; error: () => Error }
  | undefined;

interface MiddlewareStackOwner {
  middlewareStack: {
    add(middleware: unknown, options: Record<string, unknown>): void;
    remove(name: string): boolean;
  };
}

/** What the SDK reported for one call (all its attempts). */
export interface CallRecord {
  command: string;
  attempts: number;
  totalRetryDelay: number;
  ok: boolean;
  error?: string;
}

export interface FaultInjection {
  /** Every attempt seen, in order, with the fault applied to it. */
  log: (Attempt & { at: number; fault?: Exclude<Fault, undefined>['kind'] })[];
  /** Calls that completed, with the SDK's own `$metadata.attempts` and `totalRetryDelay`. */
  calls: CallRecord[];
  remove(): void;
}

type Next = (args: unknown) => Promise<unknown>;

/** A request body as text: JSON protocols serialize to bytes, the query protocol (SES) to a string. */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array)
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return '';
}

/**
 * Adds fault injection below the SDK's retry and deserializer middleware (step `deserialize`,
 * priority `low`: right above the HTTP handler). `decide` runs once per attempt, so the SDK's own
 * retry strategy sees every injected error, classifies it and backs off as it would in AWS. A
 * second middleware, above the retries, records `$metadata.attempts` of every call.
 */
export function injectFaults(client: MiddlewareStackOwner, decide: (a: Attempt) => Fault): FaultInjection {
  const log: FaultInjection['log'] = [];
  const calls: CallRecord[] = [];
  const id = Math.random().toString(36).slice(2, 8);
  const perAttempt =
    (next: Next, context: { commandName?: string }) =>
    async (args: { request?: { headers?: Record<string, string>; body?: unknown } }) => {
      const headers = args.request?.headers ?? {};
      const attempt: Attempt = {
        command: context.commandName ?? '?',
        attempt: Number(/attempt=(\d+)/.exec(headers['amz-sdk-request'] ?? '')?.[1] ?? 1),
        invocationId: headers['amz-sdk-invocation-id'] ?? '',
        body: bodyText(args.request?.body),
      };
      const fault = decide(attempt);
      log.push({ ...attempt, at: Date.now(), ...(fault ? { fault: fault.kind } : {}) });
      if (fault?.kind === 'respond') return { response: fault.response() };
      if (fault?.kind === 'throw') throw fault.error();
      const result = await next(args);
      if (fault?.kind === 'lose-response') throw fault.error();
      return result;
    };
  const perCall = (next: Next, context: { commandName?: string }) => async (args: unknown) => {
    const command = context.commandName ?? '?';
    try {
      const result = (await next(args)) as {
        output: { $metadata: { attempts?: number; totalRetryDelay?: number } };
      };
      const { attempts = 1, totalRetryDelay = 0 } = result.output.$metadata;
      calls.push({ command, attempts, totalRetryDelay, ok: true });
      return result;
    } catch (error) {
      const { attempts = 1, totalRetryDelay = 0 } =
        (error as { $metadata?: { attempts?: number; totalRetryDelay?: number } }).$metadata ?? {};
      calls.push({ command, attempts, totalRetryDelay, ok: false, error: (error as Error).name });
      throw error;
    }
  };
  client.middlewareStack.add(perAttempt, {
    step: 'deserialize',
    priority: 'low',
    name: `faultPerAttempt-${id}`,
  });
  client.middlewareStack.add(perCall, { step: 'initialize', priority: 'high', name: `faultPerCall-${id}` });
  return {
    log,
    calls,
    remove: () => {
      client.middlewareStack.remove(`faultPerAttempt-${id}`);
      client.middlewareStack.remove(`faultPerCall-${id}`);
    },
  };
}

/**
 * Runs `after` each time a call has succeeded (above the retries, so once per call): a hook to
 * stop a server at a chosen point of a run. The call's result is returned once `after` is done.
 */
export function afterEachCall(
  client: MiddlewareStackOwner,
  after: (command: string) => Promise<void> | void,
): void {
  const middleware = (next: Next, context: { commandName?: string }) => async (args: unknown) => {
    const result = await next(args);
    await after(context.commandName ?? '?');
    return result;
  };
  client.middlewareStack.add(middleware, {
    step: 'initialize',
    priority: 'low',
    name: `afterEachCall-${Math.random().toString(36).slice(2, 8)}`,
  });
}

/**
 * Lets the client's calls through one at a time and runs `after` once a call has succeeded, before
 * the next call starts: so that a server can be stopped between two calls, with none in flight.
 * (Stopped under a call in flight, SES may have accepted a message whose answer never arrives: the
 * sender cannot tell, and a retry sends it again. That window is real, but not what a test of
 * "send exactly what is missing" can assert on.)
 */
export function oneCallAtATime(
  client: MiddlewareStackOwner,
  after: (command: string) => Promise<void> | void,
): void {
  let queue: Promise<unknown> = Promise.resolve();
  const middleware = (next: Next, context: { commandName?: string }) => (args: unknown) => {
    const turn = queue.then(async () => {
      const result = await next(args);
      await after(context.commandName ?? '?');
      return result;
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
  client.middlewareStack.add(middleware, {
    step: 'initialize',
    priority: 'high',
    name: `oneCallAtATime-${Math.random().toString(36).slice(2, 8)}`,
  });
}

/** A DynamoDB error response (JSON 1.0 protocol), as the service sends it. */
export function dynamoDbErrorResponse(
  type: string,
  message: string,
  extra: Record<string, unknown> = {},
): FakeResponse {
  return {
    statusCode: 400,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `fault-${Math.random()}` },
    body: Readable.from([
      Buffer.from(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message, ...extra })),
    ]),
  };
}

/** DynamoDB's answer when a request exceeds the table's (or a partition's) throughput. */
export const dynamoDbThrottled = (): FakeResponse =>
  dynamoDbErrorResponse(
    'ProvisionedThroughputExceededException',
    'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  );

/**
 * DynamoDB's answer when a transaction is throttled: not a throttling error but a cancelled
 * transaction whose reason for the throttled item is ThrottlingError (the others: None).
 */
export const transactionThrottled = (itemCount: number): FakeResponse => {
  const reasons = [
    {
      Code: 'ThrottlingError',
      Message:
        'Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly.',
    },
    ...Array.from({ length: itemCount - 1 }, () => ({ Code: 'None' })),
  ];
  return dynamoDbErrorResponse(
    'TransactionCanceledException',
    `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
    { CancellationReasons: reasons },
  );
};

/** SES's answer above the account's sending rate (query protocol, XML). */
export const sesThrottled = (): FakeResponse => ({
  statusCode: 400,
  headers: { 'content-type': 'text/xml', 'x-amzn-requestid': `fault-${Math.random()}` },
  body: Readable.from([
    Buffer.from(
      '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error><RequestId>fault</RequestId></ErrorResponse>',
    ),
  ]),
});

/** A client-side timeout, as the SDK's HTTP handler raises it (a transient error: retried). */
export function timeoutError(): Error {
  return Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' });
}

/** Every item of a table (tests may scan; jobs never do). */
export async function scanAll(doc: DynamoDBDocumentClient, tableName: string) {
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
}

/** Counters of the AGG# items recomputed from snapshots, without zeros: "pk|sk" -> field -> count. */
export function recountAggregates(snapshots: readonly Snapshot[]): Map<string, Record<string, number>> {
  const counters = new Map<string, Record<string, number>>();
  const bump = (pk: string, sk: string, field: string) => {
    const item = counters.get(`${pk}|${sk}`) ?? {};
    item[field] = (item[field] ?? 0) + 1;
    counters.set(`${pk}|${sk}`, item);
  };
  for (const s of snapshots) {
    const c = contributionOf(s, kalsel().zone);
    const pk = keys.aggregatePk(c.regencyCode);
    bump(pk, keys.monthSk(c.month), 'received');
    bump(pk, keys.monthSk(c.month), `cls_${c.classification}`);
    if (c.completedDay) {
      bump(pk, keys.daySk(c.completedDay), 'completed');
      if (c.completedOnTime) bump(pk, keys.daySk(c.completedDay), 'completedOnTime');
    }
  }
  return counters;
}

/** The AGG# items as stored, in the shape of `recountAggregates` (zero counters dropped). */
export function storedAggregates(
  items: readonly Record<string, unknown>[],
): Map<string, Record<string, number>> {
  const counters = new Map<string, Record<string, number>>();
  for (const item of items) {
    if (!String(item.pk).startsWith('AGG#')) continue;
    const fields = Object.entries(item).filter(([k, v]) =>
      ['received', 'completed', 'completedOnTime'].includes(k) || k.startsWith('cls_') ? v !== 0 : false,
    );
    if (fields.length > 0)
      counters.set(`${item.pk}|${item.sk}`, Object.fromEntries(fields) as Record<string, number>);
  }
  return counters;
}

/** Distinct updates per complaint (first delivery of each source id wins, as ingest keeps it). */
export function distinctByComplaint(updates: readonly ComplaintUpdate[]): Map<string, ComplaintUpdate[]> {
  const seen = new Set<string>();
  const byComplaint = new Map<string, ComplaintUpdate[]>();
  for (const u of updates) {
    const id = `${u.trackingId}|${u.sourceUpdateId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    byComplaint.set(u.trackingId, [...(byComplaint.get(u.trackingId) ?? []), u]);
  }
  return byComplaint;
}

/** The updates in time order, as the replay reference takes them (ties as the timeline breaks them). */
export function sortedByTime(updates: readonly ComplaintUpdate[]): ComplaintUpdate[] {
  const byId = new Map(updates.map((u) => [u.sourceUpdateId, u]));
  return sortTimeline(updates.map(toTimelineEntry)).map((e) => byId.get(e.id) as ComplaintUpdate);
}

/**
 * Checks a table holding exactly the given updates (and no other complaints) against the
 * guarantees of ingest: each update stored once as an event, the snapshot equal to a replay of
 * the distinct updates sorted by time, its timeline listing exactly the stored events, and every
 * AGG# counter equal to a recount from the stored snapshots.
 */
export function expectConsistent(
  items: readonly Record<string, unknown>[],
  updates: readonly ComplaintUpdate[],
  sla: SlaContext,
  now: Date,
): void {
  const expected = distinctByComplaint(updates);
  const events = new Map<string, string[]>();
  const snapshots: Snapshot[] = [];
  for (const item of items) {
    if (item.type === 'event') {
      const trackingId = String(item.trackingId);
      events.set(trackingId, [...(events.get(trackingId) ?? []), String(item.sourceUpdateId)]);
    } else if (item.sk === keys.snapshotSk) {
      snapshots.push(fromSnapshotItem(item));
    }
  }
  expect(new Set(snapshots.map((s) => s.trackingId))).toEqual(new Set(expected.keys()));
  for (const [trackingId, distinct] of expected) {
    const stored = events.get(trackingId) ?? [];
    expect(stored.sort(), `events of ${trackingId}`).toEqual(distinct.map((u) => u.sourceUpdateId).sort());
    const snapshot = snapshots.find((s) => s.trackingId === trackingId);
    expect(snapshot, `snapshot of ${trackingId}`).toEqual(replaySnapshot(sortedByTime(distinct), sla, now));
    expect(snapshot?.timeline.map((e) => e.id).sort(), `timeline of ${trackingId}`).toEqual(stored.sort());
  }
  expect(storedAggregates(items)).toEqual(recountAggregates(snapshots));
}

/** A deterministic pseudo-random generator (the demo's mulberry32), so a failing run can be replayed. */
export { seededRandom } from '../../demo/generate';

/** Fisher-Yates with the given generator. */
export function shuffle<T>(values: readonly T[], random: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const regencyCodes = kalsel().regencies.map((r) => r.code);
const classes = [
  'aspirasi',
  'permintaan-informasi',
  'pengaduan-tidak-berkadar-pengawasan',
  'pengaduan-berkadar-pengawasan',
] as const;

/** An instant as a WITA wall-clock ISO string with offset, to the minute. */
export function wita(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16)}:00+08:00`;
}

const hour = 3_600_000;

/**
 * Plausible LAPOR! histories, between January and June 2026: submitted, then (maybe) disposed,
 * followed up, completed on time or late, paused, archived or reclassified for field inspection.
 * Each update has its own source id; the list is in history order (callers shuffle it).
 */
export function complaintHistories(random: () => number, count: number, prefix: string): ComplaintUpdate[] {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
  const updates: ComplaintUpdate[] = [];
  for (let n = 0; n < count; n++) {
    const trackingId = `${prefix}-${n}`;
    const classification = pick(classes);
    let at = Date.UTC(2026, 0, 5) + Math.floor(random() * 130) * 24 * hour + Math.floor(random() * 10) * hour;
    const submittedAt = wita(at);
    const base = {
      trackingId,
      regencyCode: pick(regencyCodes),
      unit: pick(['Dinas PUPR', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Sosial']),
      category: pick(['Infrastruktur', 'Kesehatan', 'Pendidikan', 'Sosial']),
      submittedAt,
    };
    const step = (
      status: ComplaintUpdate['status'],
      cls: ComplaintUpdate['classification'] = classification,
    ) => {
      updates.push({
        ...base,
        classification: cls,
        status,
        occurredAt: wita(at),
        sourceUpdateId: `${trackingId}-${status}`,
      });
    };
    step('belum-terverifikasi');
    if (random() < 0.15) continue;
    at += Math.floor(random() * 72 + 2) * hour;
    if (random() < 0.08) {
      step('arsip');
      continue;
    }
    step('terdisposisi-belum-ditindaklanjuti');
    if (random() < 0.2) continue;
    at += Math.floor(random() * 150 + 2) * hour;
    const reclassified = random() < 0.15 ? 'pengaduan-berkadar-pengawasan' : classification;
    step('terdisposisi-sedang-diproses', reclassified);
    if (random() < 0.15) {
      at += Math.floor(random() * 48 + 2) * hour;
      step('tertunda', reclassified);
    }
    if (random() < 0.3) continue;
    at += Math.floor(random() * 600 + 2) * hour;
    step('terdisposisi-selesai', reclassified);
  }
  return updates;
}
