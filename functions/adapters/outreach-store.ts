import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type OutreachEvent, outreachEventId } from '../domain/outreach';
import type { OutreachDirectory } from '../ports/outreach';
import { batchWriteAll, type WriteRequest } from './batch-write';
import type { CapacityMeter } from './capacity';
import { keys } from './keys';
import { queryAll } from './query-all';

/**
 * Outreach events: one item per event under OUTREACH#<regency>, sorted by date, so a regency's events
 * are one Query (docs/data-model.md). A file holds each named regency's whole history, like the
 * commitments: importing it again changes nothing.
 */
export class OutreachStore implements OutreachDirectory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly meter?: CapacityMeter,
  ) {}

  /** Every event of one regency, oldest first. */
  async list(code: string): Promise<OutreachEvent[]> {
    const items = await queryAll(
      this.doc,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.outreach(code) },
      },
      this.meter,
    );
    return items
      .map(({ pk: _pk, sk: _sk, type: _type, ...e }) => e as unknown as OutreachEvent)
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  async listMany(codes: readonly string[]): Promise<OutreachEvent[]> {
    return (await Promise.all(codes.map((c) => this.list(c)))).flat();
  }

  /** Makes the stored events of every regency named in `events` equal to the given ones. */
  async replace(events: readonly OutreachEvent[]): Promise<{ written: number; deleted: number }> {
    const codes = [...new Set(events.map((e) => e.code))];
    const existing = await this.listMany(codes);
    const wanted = new Set(events.map((e) => e.code + itemKey(e).sk));
    const stale = existing.filter((e) => !wanted.has(e.code + itemKey(e).sk));
    const requests: WriteRequest[] = [
      ...events.map((e) => ({ PutRequest: { Item: { ...itemKey(e), type: 'outreach', ...e } } })),
      ...stale.map((e) => ({ DeleteRequest: { Key: itemKey(e) } })),
    ];
    await batchWriteAll(this.doc, this.tableName, requests, this.meter);
    return { written: events.length, deleted: stale.length };
  }
}

function itemKey(e: OutreachEvent) {
  return { pk: keys.outreach(e.code), sk: `EV#${outreachEventId(e)}` };
}
