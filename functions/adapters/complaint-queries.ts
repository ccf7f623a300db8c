import { BatchGetCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Snapshot } from '../domain/snapshot';
import type { ComplaintQueries } from '../ports/complaint-queries';
import type { CapacityMeter } from './capacity';
import { fromSnapshotItem } from './complaint-store';
import { keys, utc } from './keys';
import { queryAll } from './query-all';

/**
 * The jobs' reads, each through an index and one regency at a time: no job scans the table.
 */
export class DynamoComplaintQueries implements ComplaintQueries {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly meter?: CapacityMeter,
  ) {}

  /** Open complaints of a regency whose stored due instant is at or before `until` (open-by-due). */
  async openDueBy(regencyCode: string, until: string): Promise<Snapshot[]> {
    const items = await this.queryAll({
      IndexName: 'open-by-due',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :until',
      ExpressionAttributeValues: { ':pk': keys.openPk(regencyCode), ':until': `${utc(until)}#~` },
    });
    return items.map(fromSnapshotItem);
  }

  /**
   * Open complaints of a regency with a field inspection planned on or before `untilDate` and not
   * done (inspection-by-plan): the overdue ones and those coming by the horizon.
   */
  async inspectionsPlannedBy(regencyCode: string, untilDate: string): Promise<Snapshot[]> {
    const items = await this.queryAll({
      IndexName: 'inspection-by-plan',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :until',
      ExpressionAttributeValues: { ':pk': keys.inspectionPk(regencyCode), ':until': `${untilDate}#~` },
    });
    return items.map(fromSnapshotItem);
  }

  /** Every open complaint of a regency, paused ones included (open-by-due). */
  async allOpen(regencyCode: string): Promise<Snapshot[]> {
    const items = await this.queryAll({
      IndexName: 'open-by-due',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.openPk(regencyCode) },
    });
    return items.map(fromSnapshotItem);
  }

  /**
   * Complaints of a regency closed at or after `since`, plus (if `includeOpen`) those still open
   * (regency-activity, keys only), then their snapshots by BatchGetItem.
   */
  async closedSince(regencyCode: string, since: string, includeOpen = false): Promise<Snapshot[]> {
    const condition = includeOpen
      ? 'gsi2pk = :pk AND gsi2sk >= :since'
      : 'gsi2pk = :pk AND gsi2sk BETWEEN :since AND :closedEnd';
    const listed = await this.queryAll({
      IndexName: 'regency-activity',
      KeyConditionExpression: condition,
      ExpressionAttributeValues: {
        ':pk': keys.activityPk(regencyCode),
        ':since': utc(since),
        ...(includeOpen ? {} : { ':closedEnd': '9999' }),
      },
    });
    return this.getSnapshots(listed.map((i) => String(i.pk)));
  }

  /** Counter items of a regency between two sort keys (`M#<month>` or `D#<day>`), inclusive. */
  async counters(regencyCode: string, fromSk: string, toSk: string): Promise<Record<string, unknown>[]> {
    return this.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.aggregatePk(regencyCode), ':from': fromSk, ':to': toSk },
    });
  }

  /** Complaints received per month (YYYY-MM) between two months, inclusive (month counters). */
  async receivedByMonth(
    regencyCode: string,
    fromMonth: string,
    toMonth: string,
  ): Promise<Map<string, number>> {
    const items = await this.counters(regencyCode, keys.monthSk(fromMonth), keys.monthSk(toMonth));
    return new Map(items.map((i) => [String(i.sk).slice(2), Number(i.received ?? 0)] as const));
  }

  /** Complaints completed between two WITA days, and how many within their limit (day counters). */
  async completions(
    regencyCode: string,
    fromDay: string,
    toDay: string,
  ): Promise<{ completed: number; onTime: number }> {
    const items = await this.counters(regencyCode, keys.daySk(fromDay), keys.daySk(toDay));
    return {
      completed: items.reduce((n, i) => n + Number(i.completed ?? 0), 0),
      onTime: items.reduce((n, i) => n + Number(i.completedOnTime ?? 0), 0),
    };
  }

  /** Snapshots by partition key, 100 per BatchGetItem (eventually consistent: half the read cost). */
  async getSnapshots(pks: readonly string[]): Promise<Snapshot[]> {
    const snapshots: Snapshot[] = [];
    for (let i = 0; i < pks.length; i += 100) {
      let request: Record<string, unknown>[] | undefined = pks
        .slice(i, i + 100)
        .map((pk) => ({ pk, sk: keys.snapshotSk }));
      for (let attempt = 0; request && request.length > 0; attempt++) {
        const result = await this.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: request } },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        this.meter?.record('read', result.ConsumedCapacity);
        snapshots.push(...(result.Responses?.[this.tableName] ?? []).map(fromSnapshotItem));
        request = result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
        if (request?.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
    return snapshots;
  }

  private queryAll(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'ReturnConsumedCapacity'>,
  ) {
    return queryAll(this.doc, { ...input, TableName: this.tableName }, this.meter);
  }
}
