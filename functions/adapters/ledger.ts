import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LedgerKey } from '../domain/ledger-keys';
import type { Claim, DeliveryLedger } from '../ports/ledger';
import type { CapacityMeter } from './capacity';
import { queryAll } from './query-all';

/** Marking "sent" is retried this many calls (each with the SDK's own retries) before giving up. */
const markAttempts = 4;

/**
 * The lease of a "sending" claim. Longer than a live holder can keep it (the SES client gives up on a
 * send within about 80 seconds, `getSesClient`; marking takes a few seconds), shorter than the three
 * minutes between a timed-out invocation and Lambda's second retry (about 1, then 2 more minutes).
 */
export const staleClaimMs = 150_000;

/**
 * Exactly-once e-mail (docs/exactly-once.md): before sending, a job claims the ledger item with a
 * conditional write that stores a fresh claim token; after SES accepts, it marks it sent with the
 * SES message id, on condition that its token still holds (a claim taken over as stale is not
 * overwritten). A re-run finds "sent" and sends nothing; a send SES refused is marked "failed" and
 * the next run claims it again. If marking "sent" fails after SES accepted, the claim is left
 * "sending" (never "failed"), so a retry within `staleClaimMs` does not send again. A "sending"
 * claim older than `staleClaimMs` (its holder died or hung between claim and mark) is claimed
 * again: that is the window for a duplicate, since SES has no idempotency key. The lease is shorter
 * than Lambda's retry spacing, so a claim left by a hung invocation is taken over by a retry the
 * same morning instead of holding the e-mail back for the day (docs/exactly-once.md).
 */
export class Ledger implements DeliveryLedger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly meter?: CapacityMeter,
  ) {}

  /** Claims the key for sending; `attributes` describe what is being sent (no personal data). */
  async claim(key: LedgerKey, attributes: Record<string, unknown> = {}): Promise<Claim> {
    const now = this.clock();
    const token = randomUUID();
    try {
      const result = await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...key,
            type: 'ledger',
            ...attributes,
            status: 'sending',
            claimedAt: now.toISOString(),
            claimToken: token,
          },
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
      return { status: 'claimed', token };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const current = await this.read(key);
      // Our own write applied, its answer lost, the SDK's retry refused: still ours.
      if (current?.claimToken === token) return { status: 'claimed', token };
      return { status: current?.status === 'sent' ? 'already-sent' : 'in-progress' };
    }
  }

  /**
   * Marks a claimed key sent. Retried a few times: SES has accepted the e-mail, and a claim left
   * "sending" past `staleClaimMs` would be sent again. Returns false when the claim is no longer
   * ours (taken over as stale); throws when DynamoDB stays unreachable (the caller must then NOT
   * mark it failed).
   */
  async markSent(key: LedgerKey, token: string, messageId: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.mark(key, token, { status: 'sent', messageId, sentAt: this.clock().toISOString() });
      } catch (error) {
        if (attempt >= markAttempts) throw error;
        await new Promise((r) => setTimeout(r, 100 * 4 ** (attempt - 1)));
      }
    }
  }

  /** Releases a claim after SES refused the e-mail, so the next run claims it again. */
  async markFailed(key: LedgerKey, token: string, reason: string): Promise<boolean> {
    return this.mark(key, token, {
      status: 'failed',
      failedAt: this.clock().toISOString(),
      reason: reason.slice(0, 500),
    });
  }

  /**
   * Files keys carried by another e-mail (the escalations in a head's notice or the province digest)
   * as "pending" on it, BEFORE that e-mail is sent: if the run dies after the e-mail went out and
   * before `settle`, `sentBetween` still finds them sent through it.
   */
  async pend(
    keys: readonly LedgerKey[],
    via: LedgerKey,
    attributes: Record<string, unknown> = {},
  ): Promise<void> {
    for (const key of keys) {
      try {
        const result = await this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...key, type: 'ledger', ...attributes, status: 'pending', via: `${via.pk}|${via.sk}` },
            ConditionExpression: 'attribute_not_exists(pk) OR #s <> :sent',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':sent': 'sent' },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        this.meter?.record('write', result.ConsumedCapacity);
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  }

  /** Marks keys filed with `pend` sent, once the e-mail carrying them went out. */
  async settle(keys: readonly LedgerKey[], messageId: string): Promise<void> {
    for (const key of keys) {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET #s = :sent, messageId = :id, sentAt = :now',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':sent': 'sent',
            ':id': messageId,
            ':now': this.clock().toISOString(),
          },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter?.record('write', result.ConsumedCapacity);
    }
  }

  async status(key: LedgerKey): Promise<string | undefined> {
    return (await this.read(key))?.status as string | undefined;
  }

  private async read(key: LedgerKey): Promise<Record<string, unknown> | undefined> {
    const result = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: key,
        ConsistentRead: true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter?.record('read', result.ConsumedCapacity);
    return result.Item;
  }

  /**
   * Sort keys of the records under `pk` between two sort keys (inclusive) that are sent: marked sent,
   * or pending on an e-mail that was sent (the run died before settling them; settled here).
   */
  async sentBetween(pk: string, fromSk: string, toSk: string): Promise<Set<string>> {
    const items = await queryAll(
      this.doc,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': fromSk, ':to': toSk },
        ProjectionExpression: 'sk, #s, via',
        ExpressionAttributeNames: { '#s': 'status' },
        ConsistentRead: true,
      },
      this.meter,
    );
    const sent = new Set(items.filter((i) => i.status === 'sent').map((i) => String(i.sk)));
    const pending = items.filter((i) => i.status === 'pending' && typeof i.via === 'string');
    for (const via of new Set(pending.map((i) => String(i.via)))) {
      const [viaPk = '', viaSk = ''] = via.split('|');
      const carrier = await this.read({ pk: viaPk, sk: viaSk });
      if (carrier?.status !== 'sent') continue;
      const keys = pending.filter((i) => i.via === via).map((i) => ({ pk, sk: String(i.sk) }));
      await this.settle(keys, String(carrier.messageId));
      for (const k of keys) sent.add(k.sk);
    }
    return sent;
  }

  /** Releases the record (whoever holds it) so that `--resend` can send again on purpose. */
  async forget(key: LedgerKey): Promise<void> {
    const result = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: 'SET #s = :failed, reason = :reason REMOVE claimToken',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':failed': 'failed', ':reason': 'resend requested' },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter?.record('write', result.ConsumedCapacity);
  }

  /**
   * Writes the outcome of a claim, only while the claim is ours (same token, still "sending"). A
   * retried write whose first try applied finds the item already in the wanted state: also success.
   */
  private async mark(key: LedgerKey, token: string, values: Record<string, unknown>): Promise<boolean> {
    const names = Object.keys(values);
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET ${names.map((_, i) => `#k${i} = :v${i}`).join(', ')}`,
          ConditionExpression: 'claimToken = :token AND #status = :sending',
          ExpressionAttributeNames: {
            ...Object.fromEntries(names.map((n, i) => [`#k${i}`, n])),
            '#status': 'status',
          },
          ExpressionAttributeValues: {
            ...Object.fromEntries(names.map((n, i) => [`:v${i}`, values[n]])),
            ':token': token,
            ':sending': 'sending',
          },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter?.record('write', result.ConsumedCapacity);
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const current = await this.read(key);
      return current?.claimToken === token && current.status === values.status;
    }
  }
}
