import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Commitment } from '../domain/commitments';
import { type OutreachEvent, outreachEventId } from '../domain/outreach';
import type { RosterEntry } from '../domain/roster';
import type { ProvinceDataSet } from '../ports/province-data';
import { batchWriteAll, type WriteRequest } from './batch-write';
import type { CapacityMeter } from './capacity';
import { keys } from './keys';
import { queryAll } from './query-all';

/** How one data set is kept in the table: its item type, keys and order (docs/data-model.md). */
export interface ProvinceDataKind<T extends { code: string }> {
  /** The items' `type` attribute. */
  type: string;
  /** The partition holding one code's entries. */
  pk: (code: string) => string;
  /** An entry's sort key in its partition: two entries with one key are one entry. */
  sk: (entry: T) => string;
  /** The order one code's entries are listed in. */
  order: (a: T, b: T) => number;
}

/** Roster items: one per appointment, under ROSTER#<regency or province code>. */
export const rosterKind: ProvinceDataKind<RosterEntry> = {
  type: 'roster',
  pk: keys.roster,
  sk: (e) => `${e.role}#${e.from}#${createHash('sha256').update(e.email).digest('hex').slice(0, 12)}`,
  order: (a, b) => a.role.localeCompare(b.role) || a.from.localeCompare(b.from),
};

/**
 * The heads' commitments: one item per commitment under COMMIT#<regency>, sorted by the date it
 * takes effect, so "which commitment is in force" is one Query per regency.
 */
export const commitmentKind: ProvinceDataKind<Commitment> = {
  type: 'commitment',
  pk: keys.commitments,
  sk: (c) => `FROM#${c.from}`,
  order: (a, b) => a.from.localeCompare(b.from),
};

/** Outreach events: one item per event under OUTREACH#<regency>, sorted by date. */
export const outreachKind: ProvinceDataKind<OutreachEvent> = {
  type: 'outreach',
  pk: keys.outreach,
  sk: (e) => `EV#${outreachEventId(e)}`,
  order: (a, b) => a.date.localeCompare(b.date),
};

/**
 * One DynamoDB store for every province data set: a kind says how its entries are keyed and ordered.
 * A file holds each named code's whole history, so `replace` makes the stored entries of those codes
 * equal to the file's; importing it again changes nothing.
 */
export class ProvinceDataStore<T extends { code: string }> implements ProvinceDataSet<T> {
  constructor(
    private readonly kind: ProvinceDataKind<T>,
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly meter?: CapacityMeter,
  ) {}

  /** Every entry of one code, in the kind's order. */
  async list(code: string): Promise<T[]> {
    const items = await queryAll(
      this.doc,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': this.kind.pk(code) },
      },
      this.meter,
    );
    return items
      .map(({ pk: _pk, sk: _sk, type: _type, ...entry }) => entry as unknown as T)
      .sort(this.kind.order);
  }

  async listMany(codes: readonly string[]): Promise<T[]> {
    return (await Promise.all(codes.map((c) => this.list(c)))).flat();
  }

  /**
   * Makes the stored entries of every code named in `entries` equal to the given ones: new and
   * changed entries are written, ones no longer listed are deleted. Running it twice changes nothing.
   */
  async replace(entries: readonly T[]): Promise<{ written: number; deleted: number }> {
    const codes = [...new Set(entries.map((e) => e.code))];
    const existing = await this.listMany(codes);
    const id = (e: T) => `${this.kind.pk(e.code)}\n${this.kind.sk(e)}`;
    const wanted = new Set(entries.map(id));
    const stale = existing.filter((e) => !wanted.has(id(e)));
    const requests: WriteRequest[] = [
      ...entries.map((e) => ({ PutRequest: { Item: { ...this.key(e), type: this.kind.type, ...e } } })),
      ...stale.map((e) => ({ DeleteRequest: { Key: this.key(e) } })),
    ];
    await batchWriteAll(this.doc, this.tableName, requests, this.meter);
    return { written: entries.length, deleted: stale.length };
  }

  private key(e: T) {
    return { pk: this.kind.pk(e.code), sk: this.kind.sk(e) };
  }
}

/** The roster's store (the appointments that decide who receives what). */
export class RosterStore extends ProvinceDataStore<RosterEntry> {
  constructor(doc: DynamoDBDocumentClient, tableName: string, meter?: CapacityMeter) {
    super(rosterKind, doc, tableName, meter);
  }
}

/** The heads' commitments' store. */
export class CommitmentStore extends ProvinceDataStore<Commitment> {
  constructor(doc: DynamoDBDocumentClient, tableName: string, meter?: CapacityMeter) {
    super(commitmentKind, doc, tableName, meter);
  }
}

/** The outreach events' store. */
export class OutreachStore extends ProvinceDataStore<OutreachEvent> {
  constructor(doc: DynamoDBDocumentClient, tableName: string, meter?: CapacityMeter) {
    super(outreachKind, doc, tableName, meter);
  }
}
