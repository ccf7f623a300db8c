import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Classification, Status } from '../domain/complaint';
import type { TimelineEntry } from '../domain/sla';
import type { Contribution, Snapshot } from '../domain/snapshot';
import { contributionOf, snapshotFields } from '../domain/snapshot';
import type { Zone } from '../domain/zone';
import type { CommitResult, ComplaintStore, StoredEvent } from '../ports/complaint-store';
import type { CapacityMeter } from './capacity';
import { keys } from './keys';
import { queryAll } from './query-all';

/**
 * DynamoDB implementation. An update that moves a monthly or daily counter writes event, snapshot and
 * counters in one transaction: a counter `ADD` is not idempotent, so it moves only together with the
 * snapshot whose version check guards it. Any other update (most of them) is two conditional
 * single-item writes at half the write units; see commitWithoutCounters and docs/data-model.md.
 */
export class DynamoComplaintStore implements ComplaintStore {
  /** @param zone the province's zone: the counters' months and days are its own */
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly zone: Zone,
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
    const counters = aggregateUpdates(
      previous ? contributionOf(previous, this.zone) : undefined,
      contributionOf(next, this.zone),
    );
    if (previous && counters.length === 0) return this.commitWithoutCounters(event, next, previous);
    return this.commitWithCounters(event, next, previous, counters, false);
  }

  /**
   * Event, snapshot and counters in one transaction: the counters are `ADD`s, which a retry would
   * apply twice, so they move only with the snapshot whose version check guards them. `eventStored`:
   * an earlier attempt (see commitWithoutCounters) stored the event without folding it in.
   */
  private async commitWithCounters(
    event: StoredEvent,
    next: Snapshot,
    previous: Snapshot | undefined,
    counters: ReturnType<typeof aggregateUpdates>,
    eventStored: boolean,
  ): Promise<CommitResult> {
    const eventPut = {
      Put: {
        TableName: this.tableName,
        Item: eventItem(event, next.trackingId),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    const transactItems: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> =
      [
        ...(eventStored ? [] : [eventPut]),
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
        ...counters.map((u) => ({ Update: { TableName: this.tableName, ...u } })),
      ];
    try {
      const result = await this.doc.send(
        new TransactWriteCommand({ TransactItems: transactItems, ReturnConsumedCapacity: 'INDEXES' }),
      );
      this.meter?.record('write', result.ConsumedCapacity);
      return 'committed';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const [eventReason, snapshotReason] = eventStored ? [undefined, reasons[0]] : reasons;
      if (snapshotReason?.Code === 'ConditionalCheckFailed') return 'conflict';
      // The event is stored but the snapshot, which the caller just read, does not list it (foldUpdate
      // found no duplicate): an earlier attempt stopped between its two writes. Fold it in now.
      if (eventReason?.Code === 'ConditionalCheckFailed') {
        return this.commitWithCounters(event, next, previous, counters, true);
      }
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

  /**
   * An update that moves no counter (most of a complaint's life: disposed, followed up, paused) is
   * two single-item conditional writes instead of a transaction, at half the write units: the event
   * first (absent, or already there from an earlier attempt whose snapshot write did not land), then
   * the snapshot with its version check. The snapshot's timeline, which lists every event it folded
   * in, is what decides a duplicate (foldUpdate), so a retry after a crash between the two writes
   * finds the event stored but not folded, and completes the snapshot. Until that retry the event is
   * in the history and not yet in the snapshot; the snapshot is never ahead of the history.
   */
  private async commitWithoutCounters(
    event: StoredEvent,
    next: Snapshot,
    previous: Snapshot,
  ): Promise<CommitResult> {
    try {
      const stored = await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: eventItem(event, next.trackingId),
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnConsumedCapacity: 'INDEXES',
        }),
      );
      this.meter?.record('write', stored.ConsumedCapacity);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) return throttledOrThrow(error);
    }
    try {
      const written = await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toSnapshotItem(next),
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': previous.version },
          ReturnConsumedCapacity: 'INDEXES',
        }),
      );
      this.meter?.record('write', written.ConsumedCapacity);
      return 'committed';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'conflict';
      return throttledOrThrow(error);
    }
  }
}

/** A single-item write that the SDK's own retries could not get past throttling: the caller backs off. */
function throttledOrThrow(error: unknown): 'throttled' {
  if (error instanceof ProvisionedThroughputExceededException || error instanceof ThrottlingException) {
    return 'throttled';
  }
  throw error;
}

function eventItem(event: StoredEvent, trackingId: string): Record<string, unknown> {
  return { pk: keys.complaint(trackingId), sk: keys.eventSk(event.sourceUpdateId), type: 'event', ...event };
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

/**
 * One line per entry: `at|status|class|flags|id` (the id last: it may hold '|'). Flags: `W` for
 * bukan wewenang, then `I<planned>~<done>` for a field-inspection mark (either date may be empty).
 */
export function encodeTimeline(timeline: readonly TimelineEntry[]): string[] {
  return timeline.map((e) =>
    [e.at, statusCodes[e.status], classCodes[e.classification], flagsOf(e), e.id].join('|'),
  );
}

function flagsOf(e: TimelineEntry): string {
  const inspection = e.inspection ? `I${e.inspection.plannedOn ?? ''}~${e.inspection.doneOn ?? ''}` : '';
  return `${e.bukanWewenang ? 'W' : ''}${inspection}`;
}

function inspectionFlag(flags: string): Pick<TimelineEntry, 'inspection'> {
  const m = /I(\d{4}-\d{2}-\d{2})?~(\d{4}-\d{2}-\d{2})?$/.exec(flags);
  if (!m) return {};
  return { inspection: { ...(m[1] ? { plannedOn: m[1] } : {}), ...(m[2] ? { doneOn: m[2] } : {}) } };
}

export function decodeTimeline(encoded: readonly string[]): TimelineEntry[] {
  return encoded.map((line) => {
    const [at = '', status = '', cls = '', flag = '', ...id] = line.split('|');
    return {
      at,
      status: statusByCode.get(status) as Status,
      classification: classByCode.get(cls) as Classification,
      ...(flag.startsWith('W') ? { bukanWewenang: true } : {}),
      ...inspectionFlag(flag),
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
    // Sparse: only an inspection still to do is in the inspection index.
    ...(s.open && s.fieldInspection?.plannedOn && !s.fieldInspection.doneOn
      ? {
          gsi3pk: keys.inspectionPk(s.regencyCode),
          gsi3sk: keys.inspectionSk(s.fieldInspection.plannedOn, s.trackingId),
        }
      : {}),
  };
}

export function fromSnapshotItem(item: Record<string, unknown>): Snapshot {
  const snapshot = Object.fromEntries(
    snapshotFields.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]),
  ) as unknown as Snapshot;
  return { ...snapshot, timeline: decodeTimeline(item.timeline as string[]) };
}

function fromEventItem(item: Record<string, unknown>): StoredEvent {
  const { pk: _pk, sk: _sk, type: _type, ...event } = item;
  return event as unknown as StoredEvent;
}
