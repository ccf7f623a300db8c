import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Commitment } from '../domain/commitments';
import type { CommitmentDirectory } from '../ports/commitments';
import { batchWriteAll, type WriteRequest } from './batch-write';
import type { CapacityMeter } from './capacity';
import { keys } from './keys';
import { queryAll } from './query-all';

/**
 * The heads' commitments: one item per commitment under COMMIT#<regency>, sorted by the date it
 * takes effect, so "which commitment is in force" is one Query per regency (docs/data-model.md).
 */
export class CommitmentStore implements CommitmentDirectory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly meter?: CapacityMeter,
  ) {}

  /** Every commitment of one regency, oldest first. */
  async list(code: string): Promise<Commitment[]> {
    const items = await queryAll(
      this.doc,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.commitments(code) },
      },
      this.meter,
    );
    return items
      .map(({ pk: _pk, sk: _sk, type: _type, ...c }) => c as unknown as Commitment)
      .sort((a, b) => a.from.localeCompare(b.from));
  }

  async listMany(codes: readonly string[]): Promise<Commitment[]> {
    return (await Promise.all(codes.map((c) => this.list(c)))).flat();
  }

  /**
   * Makes the stored commitments of every regency named in `commitments` equal to the given ones
   * (a file holds each named regency's whole history): new and changed are written, ones no longer
   * listed deleted. Running it twice changes nothing.
   */
  async replace(commitments: readonly Commitment[]): Promise<{ written: number; deleted: number }> {
    const codes = [...new Set(commitments.map((c) => c.code))];
    const existing = await this.listMany(codes);
    const wanted = new Set(commitments.map((c) => itemKey(c).sk + c.code));
    const stale = existing.filter((c) => !wanted.has(itemKey(c).sk + c.code));
    const requests: WriteRequest[] = [
      ...commitments.map((c) => ({ PutRequest: { Item: { ...itemKey(c), type: 'commitment', ...c } } })),
      ...stale.map((c) => ({ DeleteRequest: { Key: itemKey(c) } })),
    ];
    await batchWriteAll(this.doc, this.tableName, requests, this.meter);
    return { written: commitments.length, deleted: stale.length };
  }
}

function itemKey(c: Commitment) {
  return { pk: keys.commitments(c.code), sk: `FROM#${c.from}` };
}
