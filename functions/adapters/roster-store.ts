import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RosterEntry } from '../domain/roster';
import type { RosterDirectory } from '../ports/roster';
import { batchWriteAll, type WriteRequest } from './batch-write';
import type { CapacityMeter } from './capacity';
import { keys } from './keys';
import { queryAll } from './query-all';

/** Roster items: one per appointment, under ROSTER#<regency or province code>. */
export class RosterStore implements RosterDirectory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly meter?: CapacityMeter,
  ) {}

  /** Every appointment of one code, past, present and future. */
  async list(code: string): Promise<RosterEntry[]> {
    const items = await queryAll(
      this.doc,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.roster(code) },
      },
      this.meter,
    );
    const entries = items.map(
      ({ pk: _pk, sk: _sk, type: _type, ...entry }) => entry as unknown as RosterEntry,
    );
    return entries.sort((a, b) => a.role.localeCompare(b.role) || a.from.localeCompare(b.from));
  }

  async listMany(codes: readonly string[]): Promise<RosterEntry[]> {
    return (await Promise.all(codes.map((c) => this.list(c)))).flat();
  }

  /**
   * Makes the stored roster of every code in `entries` equal to the given entries: new and changed
   * appointments are written, ones no longer listed are deleted. Running it twice changes nothing.
   */
  async replace(entries: readonly RosterEntry[]): Promise<{ written: number; deleted: number }> {
    const codes = [...new Set(entries.map((e) => e.code))];
    const existing = await this.listMany(codes);
    const wanted = new Map(entries.map((e) => [itemKey(e).sk, e]));
    const stale = existing.filter((e) => !wanted.has(itemKey(e).sk));
    const requests: WriteRequest[] = [
      ...entries.map((e) => ({ PutRequest: { Item: { ...itemKey(e), type: 'roster', ...e } } })),
      ...stale.map((e) => ({ DeleteRequest: { Key: itemKey(e) } })),
    ];
    await batchWriteAll(this.doc, this.tableName, requests, this.meter);
    return { written: entries.length, deleted: stale.length };
  }
}

function itemKey(e: RosterEntry) {
  const person = createHash('sha256').update(e.email).digest('hex').slice(0, 12);
  return { pk: keys.roster(e.code), sk: `${e.role}#${e.from}#${person}` };
}
