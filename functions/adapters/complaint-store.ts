import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Classification, Status } from '../domain/complaint';
import type { TimelineEntry } from '../domain/sla';
import type { Contribution, Snapshot } from '../domain/snapshot';
import { contributionOf } from '../domain/snapshot';
import type { ComplaintUpdate } from '../domain/update';
import type { CapacityMeter } from './capacity';
import { keys } from './keys';
import { queryAll } from './query-all';

/** An update as stored: the event, with when and how it arrived. */
export interface StoredEvent extends ComplaintUpdate {
  receivedAt: string;
  /** "api", or "import:<file name>". */
  source: string;
}

export type CommitResult = 'committed' | 'duplicate' | 'conflict' | 'throttled';

/** The port the ingest use case needs; DynamoDB below, an in-memory fake in unit tests. */
export interface ComplaintStore {
  getSnapshot(trackingId: string): Promise<Snapshot | undefined>;
  getHistory(trackingId: string): Promise<{ snapshot?: Snapshot; events: StoredEvent[] }>;
  /**
   * Writes the event, the new snapshot and the aggregate changes together, or nothing.
   * `duplicate`: the event exists already. `conflict`: the snapshot moved since it was read.
   * `throttled`: DynamoDB cancelled the transaction for capacity; nothing was written.
   */
  commit(event: StoredEvent, next: Snapshot, previous: Snapshot | undefined): Promise<CommitResult>;
}

/**
 * DynamoDB implementation. Why one transaction per update rather than conditional writes in turn:
 * the event, the snapshot (whose attributes feed both indexes) and the monthly counters must move
 * together. Written one by one, a crash or throttle between them would leave an event the snapshot
 * does not reflect, or counters that count it twice on the retry. A transaction costs twice the
 * write units; the benchmark shows the figure (BENCHMARKS.md), and at LAPOR!'s national volume
 * (about 2 million complaints a year, a handful of updates each) it is cents a month.
 */
export class DynamoComplaintStore implements ComplaintStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly meter?: CapacityMeter,
  ) {}

  async getSnapshot(trackingId: string): Promise<Snapshot | undefined> {
    const result = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: keys.complaint(trackingId), sk: keys.snapshotSk },
        ConsistentRead: true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter?.record('read', result.ConsumedCapacity);
    return result.Item ? fromSnapshotItem(result.Item) : undefined;
  }

  async getHistory(trackingId: string): Promise<{ snapshot?: Snapshot; events: StoredEvent[] }> {
    const items = await queryAll(
      this.doc,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.complaint(trackingId) },
      },
      this.meter,
    );
    const snapshotItem = items.find((i) => i.sk === keys.snapshotSk);
    const events = items
      .filter((i) => String(i.sk).startsWith(keys.eventPrefix))
      .map((i) => fromEventItem(i))
      .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    return { ...(snapshotItem ? { snapshot: fromSnapshotItem(snapshotItem) } : {}), events };
  }

  async commit(event: StoredEvent, next: Snapshot, previous: Snapshot | undefined): Promise<CommitResult> {
    const pk = keys.complaint(next.trackingId);
    const transactItems: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> =
      [
        {
          Put: {
            TableName: this.tableName,
            Item: { pk, sk: keys.eventSk(event.sourceUpdateId), type: 'event', ...event },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: toSnapshotItem(next),
            ...(previous
              ? {
                  ConditionExpression: '#v = :v',
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':v': previous.version },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          },
        },
        ...aggregateUpdates(previous ? contributionOf(previous) : undefined, contributionOf(next)).map(
          (u) => ({
            Update: { TableName: this.tableName, ...u },
          }),
        ),
      ];
    try {
      const result = await this.doc.send(
        new TransactWriteCommand({ TransactItems: transactItems, ReturnConsumedCapacity: 'INDEXES' }),
      );
      this.meter?.record('write', result.ConsumedCapacity);
      return 'committed';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [eventReason, snapshotReason] = error.CancellationReasons ?? [];
      if (eventReason?.Code === 'ConditionalCheckFailed') return 'duplicate';
      if (snapshotReason?.Code === 'ConditionalCheckFailed') return 'conflict';
      if (error.CancellationReasons?.some((r) => r.Code === 'TransactionConflict')) return 'conflict';
      // The SDK does not retry a transaction cancelled for throttling: the caller backs off.
      if (
        error.CancellationReasons?.some(
          (r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded',
        )
      ) {
        return 'throttled';
      }
      throw error;
    }
  }
}

/** The counter changes between a complaint's old and new contribution, merged per item. */
function aggregateUpdates(before: Contribution | undefined, after: Contribution) {
  const deltas = new Map<string, { regencyCode: string; sk: string; fields: Map<string, number> }>();
  const bump = (regencyCode: string, sk: string, field: string, delta: number) => {
    const id = `${regencyCode}|${sk}`;
    const entry = deltas.get(id) ?? { regencyCode, sk, fields: new Map<string, number>() };
    entry.fields.set(field, (entry.fields.get(field) ?? 0) + delta);
    deltas.set(id, entry);
  };
  const add = (c: Contribution, sign: number) => {
    bump(c.regencyCode, keys.monthSk(c.month), 'received', sign);
    bump(c.regencyCode, keys.monthSk(c.month), `cls_${c.classification}`, sign);
    if (c.completedDay) {
      bump(c.regencyCode, keys.daySk(c.completedDay), 'completed', sign);
      if (c.completedOnTime) bump(c.regencyCode, keys.daySk(c.completedDay), 'completedOnTime', sign);
    }
  };
  if (before) add(before, -1);
  add(after, +1);
  return [...deltas.values()]
    .map((d) => ({ ...d, fields: [...d.fields].filter(([, v]) => v !== 0) }))
    .filter((d) => d.fields.length > 0)
    .map((d) => ({
      Key: { pk: keys.aggregatePk(d.regencyCode), sk: d.sk },
      UpdateExpression: `SET #type = :type, #regency = :regency ADD ${d.fields.map((_, i) => `#f${i} :d${i}`).join(', ')}`,
      ExpressionAttributeNames: {
        '#type': 'type',
        '#regency': 'regencyCode',
        ...Object.fromEntries(d.fields.map(([f], i) => [`#f${i}`, f])),
      },
      ExpressionAttributeValues: {
        ':type': 'aggregate',
        ':regency': d.regencyCode,
        ...Object.fromEntries(d.fields.map(([, v], i) => [`:d${i}`, v])),
      },
    }));
}

const snapshotAttributes = [
  'trackingId',
  'regencyCode',
  'unit',
  'category',
  'classification',
  'status',
  'submittedAt',
  'lastEventAt',
  'open',
  'paused',
  'closedAt',
  'timeline',
  'dueHint',
  'completion',
  'version',
] as const;

/**
 * The timeline is stored as compact strings ("<at>|<status>|<class>|<W if bukan wewenang>|<id>"):
 * the snapshot is written on every update, to the table and both indexes, and billed per started
 * kilobyte, so keeping a typical complaint under 1 KB halves its write cost.
 */
const statusCodes: Record<Status, string> = {
  'belum-terverifikasi': 'BT',
  'terdisposisi-belum-ditindaklanjuti': 'DB',
  'terdisposisi-sedang-diproses': 'DP',
  'terdisposisi-selesai': 'DS',
  tertunda: 'TT',
  arsip: 'AR',
};
const classCodes: Record<Classification, string> = {
  aspirasi: 'A',
  'permintaan-informasi': 'PI',
  'pengaduan-tidak-berkadar-pengawasan': 'PT',
  'pengaduan-berkadar-pengawasan': 'PB',
};
const statusByCode = new Map(Object.entries(statusCodes).map(([k, v]) => [v, k as Status]));
const classByCode = new Map(Object.entries(classCodes).map(([k, v]) => [v, k as Classification]));

export function encodeTimeline(timeline: readonly TimelineEntry[]): string[] {
  return timeline.map((e) =>
    [e.at, statusCodes[e.status], classCodes[e.classification], e.bukanWewenang ? 'W' : '', e.id].join('|'),
  );
}

export function decodeTimeline(encoded: readonly string[]): TimelineEntry[] {
  return encoded.map((line) => {
    const [at = '', status = '', cls = '', flag = '', ...id] = line.split('|');
    return {
      at,
      status: statusByCode.get(status) as Status,
      classification: classByCode.get(cls) as Classification,
      ...(flag === 'W' ? { bukanWewenang: true } : {}),
      id: id.join('|'),
    };
  });
}

export function toSnapshotItem(s: Snapshot): Record<string, unknown> {
  return {
    pk: keys.complaint(s.trackingId),
    sk: keys.snapshotSk,
    type: 'snapshot',
    ...s,
    timeline: encodeTimeline(s.timeline),
    // Sparse: only open complaints are in the deadline index.
    ...(s.open
      ? { gsi1pk: keys.openPk(s.regencyCode), gsi1sk: keys.openSk(s.dueHint?.due, s.trackingId) }
      : {}),
    gsi2pk: keys.activityPk(s.regencyCode),
    gsi2sk: keys.activitySk(s.closedAt, s.trackingId),
  };
}

export function fromSnapshotItem(item: Record<string, unknown>): Snapshot {
  const snapshot = Object.fromEntries(
    snapshotAttributes.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]),
  ) as unknown as Snapshot;
  return { ...snapshot, timeline: decodeTimeline(item.timeline as string[]) };
}

function fromEventItem(item: Record<string, unknown>): StoredEvent {
  const { pk: _pk, sk: _sk, type: _type, ...event } = item;
  return event as unknown as StoredEvent;
}
