import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RegencyMetrics } from '../domain/semester-metrics';
import type { CapacityMeter } from './capacity';
import { queryAll } from './query-all';

/**
 * The semester job's own items, under SEMESTER#<id>: each regency's computed metrics (phase one of
 * the fan-out) and the run record that tells when all regencies are done (the fan-in), so that the
 * reports, which rank every regency, are rendered only then.
 */
export class SemesterStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly meter?: CapacityMeter,
  ) {}

  private pk(semesterId: string) {
    return `SEMESTER#${semesterId}`;
  }

  async putMetrics(semesterId: string, current: RegencyMetrics, previous?: RegencyMetrics): Promise<void> {
    const result = await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: this.pk(semesterId),
          sk: `METRICS#${current.regencyCode}`,
          type: 'semester-metrics',
          // JSON keeps empty maps and lists as they are; the item is read whole anyway.
          current: JSON.stringify(current),
          ...(previous ? { previous: JSON.stringify(previous) } : {}),
        },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter?.record('write', result.ConsumedCapacity);
  }

  async listMetrics(semesterId: string): Promise<{ current: RegencyMetrics; previous?: RegencyMetrics }[]> {
    const items = await queryAll(
      this.doc,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
        ExpressionAttributeValues: { ':pk': this.pk(semesterId), ':m': 'METRICS#' },
      },
      this.meter,
    );
    return items.map((item) => ({
      current: JSON.parse(String(item.current)),
      ...(item.previous ? { previous: JSON.parse(String(item.previous)) } : {}),
    }));
  }

  /** Records which regencies a run expects; resets what was done (a re-run computes again). */
  async startRun(semesterId: string, regencyCodes: readonly string[], at: Date): Promise<void> {
    const result = await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: this.pk(semesterId),
          sk: 'RUN',
          type: 'semester-run',
          expected: regencyCodes.length,
          startedAt: at.toISOString(),
        },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter?.record('write', result.ConsumedCapacity);
  }

  /**
   * Marks a regency computed. Returns true exactly once per run: to the caller whose mark completed
   * the set (a string set, so a redelivered message cannot count twice), which starts phase two.
   */
  async markComputed(semesterId: string, regencyCode: string): Promise<boolean> {
    const key = { pk: this.pk(semesterId), sk: 'RUN' };
    const added = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: 'ADD done :code',
        ExpressionAttributeValues: { ':code': new Set([regencyCode]) },
        ReturnValues: 'ALL_NEW',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter?.record('write', added.ConsumedCapacity);
    const run = added.Attributes ?? {};
    const done = (run.done as Set<string> | undefined)?.size ?? 0;
    if (done < Number(run.expected ?? Number.POSITIVE_INFINITY)) return false;
    try {
      const flagged = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET reportsQueuedAt = :now',
          ConditionExpression: 'attribute_not_exists(reportsQueuedAt)',
          ExpressionAttributeValues: { ':now': new Date().toISOString() },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter?.record('write', flagged.ConsumedCapacity);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
