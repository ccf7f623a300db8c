import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CapacityMeter } from './capacity';
import { queryAll } from './query-all';

/**
 * Exactly-once e-mail: before sending, a job claims the ledger item with a conditional write; after
 * SES accepts, it marks it sent with the SES message id. A re-run finds "sent" and sends nothing; a
 * failed send is marked "failed" and the next run claims it again. A "sending" claim older than
 * `staleClaimMs` (a crash between claim and mark) is claimed again: the only window for a duplicate
 * is a crash in the milliseconds between SES accepting and the mark.
 */
export interface LedgerKey {
  pk: string;
  sk: string;
}

export type ClaimResult = 'claimed' | 'already-sent' | 'in-progress';

export const staleClaimMs = 15 * 60_000;

export const ledgerKeys = {
  digest: (date: string, regencyCode: string): LedgerKey => ({
    pk: `LEDGER#DIGEST#${date}`,
    sk: regencyCode,
  }),
  escalationNotice: (date: string, regencyCode: string): LedgerKey => ({
    pk: `LEDGER#ESCALATION#${date}`,
    sk: regencyCode,
  }),
  provinceDigest: (date: string, provinceCode: string): LedgerKey => ({
    pk: `LEDGER#PROVINCE#${date}`,
    sk: provinceCode,
  }),
  /**
   * One per (complaint, stage, level), filed per regency by the stage's due instant, so that a
   * run reads the records of its overdue complaints with one range query, not one read each.
   */
  escalation: (
    regencyCode: string,
    due: string,
    trackingId: string,
    stage: string,
    level: number,
  ): LedgerKey => ({
    pk: ledgerKeys.escalationPartition(regencyCode),
    sk: `${due}#${trackingId}#${stage}#${level}`,
  }),
  escalationPartition: (regencyCode: string) => `ESC#${regencyCode}`,
  report: (semester: string, regencyCode: string, recipient: string): LedgerKey => ({
    pk: `LEDGER#REPORT#${semester}`,
    sk: `${regencyCode}#${recipient.toLowerCase()}`,
  }),
} as const;

export class Ledger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly meter?: CapacityMeter,
  ) {}

  /** Claims the key for sending; `attributes` describe what is being sent (no personal data). */
  async claim(key: LedgerKey, attributes: Record<string, unknown> = {}): Promise<ClaimResult> {
    const now = this.clock();
    try {
      const result = await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, type: 'ledger', ...attributes, status: 'sending', claimedAt: now.toISOString() },
          ConditionExpression:
            'attribute_not_exists(pk) OR #s = :failed OR (#s = :sending AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':failed': 'failed',
            ':sending': 'sending',
            ':stale': new Date(now.getTime() - staleClaimMs).toISOString(),
          },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter?.record('write', result.ConsumedCapacity);
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const current = await this.status(key);
      return current === 'sent' ? 'already-sent' : 'in-progress';
    }
  }

  async markSent(key: LedgerKey, messageId: string): Promise<void> {
    await this.mark(key, { status: 'sent', messageId, sentAt: this.clock().toISOString() });
  }

  async markFailed(key: LedgerKey, reason: string): Promise<void> {
    await this.mark(key, {
      status: 'failed',
      failedAt: this.clock().toISOString(),
      reason: reason.slice(0, 500),
    });
  }

  /** Releases a claim without sending (nothing to send after all). */
  async markSkipped(key: LedgerKey, reason: string): Promise<void> {
    await this.mark(key, { status: 'failed', reason: `skipped: ${reason}` });
  }

  async status(key: LedgerKey): Promise<string | undefined> {
    const result = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: key,
        ConsistentRead: true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter?.record('read', result.ConsumedCapacity);
    return result.Item?.status as string | undefined;
  }

  /** Sort keys of the records under `pk` between two sort keys (inclusive) that are marked sent. */
  async sentBetween(pk: string, fromSk: string, toSk: string): Promise<Set<string>> {
    const items = await queryAll(
      this.doc,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': fromSk, ':to': toSk },
        ProjectionExpression: 'sk, #s',
        ExpressionAttributeNames: { '#s': 'status' },
        ConsistentRead: true,
      },
      this.meter,
    );
    return new Set(items.filter((i) => i.status === 'sent').map((i) => String(i.sk)));
  }

  /** Deletes the record so that `--resend` can send again on purpose. */
  async forget(key: LedgerKey): Promise<void> {
    await this.mark(key, { status: 'failed', reason: 'resend requested' });
  }

  private async mark(key: LedgerKey, values: Record<string, unknown>): Promise<void> {
    const names = Object.keys(values);
    const result = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: `SET ${names.map((_, i) => `#k${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#k${i}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, values[n]])),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter?.record('write', result.ConsumedCapacity);
  }
}
