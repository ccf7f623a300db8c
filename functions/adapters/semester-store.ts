import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RegencyMetrics } from '../domain/semester-metrics';
import type { SemesterStore } from '../ports/semester-store';
import type { CapacityMeter } from './capacity';
import { queryAll } from './query-all';

/**
 * The semester job's own items, under SEMESTER#<id>: each regency's computed metrics (phase one of
 * the fan-out) and the run record that tells when all regencies are done (the fan-in), so that the
 * reports, which rank every regency, are rendered only then.
 */
export class DynamoSemesterStore implements SemesterStore {
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
   * Marks a regency computed (a string set, so a redelivered unit cannot count twice). Returns true
   * when the set is complete and the reports are not yet queued: the caller queues them, then calls
   * `markReportsQueued`. Until that mark, every redelivered unit of the run queues them again, so a
   * failed queueing is retried by SQS instead of being lost; duplicates of a delivery unit are
   * harmless (the report ledger sends each recipient one copy).
   */
  async markComputed(semesterId: string, regencyCode: string): Promise<boolean> {
    const added = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: this.pk(semesterId), sk: 'RUN' },
        UpdateExpression: 'ADD done :code',
        ExpressionAttributeValues: { ':code': new Set([regencyCode]) },
        ReturnValues: 'ALL_NEW',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter?.record('write', added.ConsumedCapacity);
    const run = added.Attributes ?? {};
    const done = (run.done as Set<string> | undefined)?.size ?? 0;
    return done >= Number(run.expected ?? Number.POSITIVE_INFINITY) && run.reportsQueuedAt === undefined;
  }

  /** Records that the delivery phase was queued (after SQS accepted it); later units then stop at "computed". */
  async markReportsQueued(semesterId: string, at: Date): Promise<void> {
    try {
      const flagged = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: this.pk(semesterId), sk: 'RUN' },
          UpdateExpression: 'SET reportsQueuedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(reportsQueuedAt)',
          ExpressionAttributeValues: { ':now': at.toISOString() },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter?.record('write', flagged.ConsumedCapacity);
    } catch (error) {
      // Another unit queued and marked them first: nothing to do.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
