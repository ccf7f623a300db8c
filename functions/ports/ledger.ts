/**
 * Port: the delivery ledger behind exactly-once sending (docs/exactly-once.md). Claim before
 * sending, mark sent with the message id after, mark failed when nothing went out.
 */
import type { LedgerKey } from '../domain/ledger-keys';

export type { LedgerKey };

export type ClaimResult = 'claimed' | 'already-sent' | 'in-progress';

/** A claim: the token proves ownership to `markSent` / `markFailed`. */
export type Claim = { status: 'claimed'; token: string } | { status: 'already-sent' | 'in-progress' };

export interface DeliveryLedger {
  /** Claims the key for sending; `attributes` describe what is being sent (no personal data). */
  claim(key: LedgerKey, attributes?: Record<string, unknown>): Promise<Claim>;
  /** Marks a claimed key sent; false when the claim is no longer ours; throws when unreachable. */
  markSent(key: LedgerKey, token: string, messageId: string): Promise<boolean>;
  /** Releases a claim after the channel refused, so the next run claims it again. */
  markFailed(key: LedgerKey, token: string, reason: string): Promise<boolean>;
  /** Files keys carried by another message as pending on it, before that message is sent. */
  pend(keys: readonly LedgerKey[], via: LedgerKey, attributes?: Record<string, unknown>): Promise<void>;
  /** Marks keys filed with `pend` sent, once the message carrying them went out. */
  settle(keys: readonly LedgerKey[], messageId: string): Promise<void>;
  /** Sort keys under `pk` between two sort keys (inclusive) that are sent. */
  sentBetween(pk: string, fromSk: string, toSk: string): Promise<Set<string>>;
  /** Releases the record (whoever holds it) so that a resend on purpose can send again. */
  forget(key: LedgerKey): Promise<void>;
}
