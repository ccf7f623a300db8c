/**
 * Use case step: the one exactly-once delivery protocol (docs/exactly-once.md), shared by every
 * message the pipeline sends (the daily check's digests, notices and province digest; the semester
 * reports). Steps:
 * 1. claim the ledger key of each part (a part is one recipient, or the whole message);
 * 2. if nothing was claimed: already sent, or held by another attempt (a caller must treat that as
 *    not done: fail, so that its retry comes after the claim's lease);
 * 3. file the keys the message carries (escalations) as pending on it;
 * 4. send one message to the parts claimed;
 * 5. if the channel refused: release every claim as failed (the next attempt sends at once);
 * 6. once the channel accepted: mark every claim sent and settle what it carries, never "failed"
 *    (a retry would send it again); a mark that cannot be written is reported, not thrown.
 */
import type { LedgerKey } from '../domain/ledger-keys';
import type { DeliveryLedger } from '../ports/ledger';

/** What the protocol did with one message. */
export type DeliveryOutcome<P> =
  | {
      status: 'sent';
      messageId: string;
      /** The parts this attempt claimed and sent to. */
      sent: P[];
      /** Parts another attempt holds: not sent by this one (the caller decides when to come back). */
      held: number;
      /** Marks that could not be written after the channel accepted: the claims stay "sending". */
      unrecorded: { key: LedgerKey; error: string }[];
    }
  | { status: 'already-sent' }
  | { status: 'in-progress'; held: number }
  | { status: 'failed'; error: string };

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Delivers one message at most once per part. `send` receives the parts this attempt claimed and
 * returns the channel's message id. A claim that throws releases what this attempt had claimed and
 * rethrows (nothing went out).
 */
export async function deliverOnce<P extends { key: LedgerKey }>(
  ledger: DeliveryLedger,
  input: {
    parts: readonly P[];
    /** What is being sent, stored on each claim (no personal data). */
    what: Record<string, unknown>;
    /** Keys this message delivers besides its own (escalations), pending on it until it is sent. */
    carries?: { keys: readonly LedgerKey[]; attributes: Record<string, unknown> };
  },
  send: (claimed: readonly P[]) => Promise<string>,
): Promise<DeliveryOutcome<P>> {
  const claimed: (P & { token: string })[] = [];
  let held = 0;
  try {
    for (const part of input.parts) {
      const claim = await ledger.claim(part.key, input.what);
      if (claim.status === 'claimed') claimed.push({ ...part, token: claim.token });
      else if (claim.status === 'in-progress') held += 1;
    }
  } catch (error) {
    await Promise.allSettled(
      claimed.map((p) => ledger.markFailed(p.key, p.token, 'claim of another part failed')),
    );
    throw error;
  }
  if (claimed.length === 0) return held > 0 ? { status: 'in-progress', held } : { status: 'already-sent' };
  const carries = input.carries?.keys ?? [];
  let messageId: string;
  try {
    const first = claimed[0] as P & { token: string };
    if (carries.length > 0) await ledger.pend(carries, first.key, input.carries?.attributes ?? {});
    messageId = await send(claimed.map(({ token: _token, ...part }) => part as unknown as P));
  } catch (error) {
    // Nothing went out: release the claims so the next attempt sends at once (if even that write
    // fails, the claims' lease runs out and a later attempt sends).
    await Promise.allSettled(claimed.map((p) => ledger.markFailed(p.key, p.token, reason(error))));
    return { status: 'failed', error: reason(error) };
  }
  const marks = await Promise.allSettled([
    ...claimed.map((p) => ledger.markSent(p.key, p.token, messageId)),
    carries.length > 0 ? ledger.settle(carries, messageId) : Promise.resolve(true),
  ]);
  const unrecorded = marks.flatMap((m, i) =>
    m.status === 'rejected'
      ? [{ key: (claimed[i] ?? claimed[0])?.key as LedgerKey, error: reason(m.reason) }]
      : [],
  );
  return {
    status: 'sent',
    messageId,
    sent: claimed.map(({ token: _token, ...part }) => part as unknown as P),
    held,
    unrecorded,
  };
}
