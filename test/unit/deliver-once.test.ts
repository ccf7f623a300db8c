import { describe, expect, it } from 'vitest';
import type { LedgerKey } from '../../functions/domain/ledger-keys';
import type { Claim, DeliveryLedger } from '../../functions/ports/ledger';
import { deliverOnce } from '../../functions/use-cases/deliver-once';

/**
 * The one delivery protocol, step by step, over an in-memory ledger (the DynamoDB ledger and the
 * flows that use it are tested against DynamoDB Local in test/faults/).
 */
function memoryLedger(held: string[] = [], sent: string[] = []) {
  const state = new Map<string, string>([
    ...held.map((k) => [k, 'sending'] as const),
    ...sent.map((k) => [k, 'sent'] as const),
  ]);
  const id = (k: LedgerKey) => `${k.pk}|${k.sk}`;
  const ledger: DeliveryLedger = {
    claim: async (key): Promise<Claim> => {
      const s = state.get(id(key));
      if (s === 'sent') return { status: 'already-sent' };
      if (s === 'sending') return { status: 'in-progress' };
      state.set(id(key), 'sending');
      return { status: 'claimed', token: id(key) };
    },
    markSent: async (key) => {
      state.set(id(key), 'sent');
      return true;
    },
    markFailed: async (key) => {
      state.set(id(key), 'failed');
      return true;
    },
    pend: async (keys) => {
      for (const k of keys) state.set(id(k), 'pending');
    },
    settle: async (keys) => {
      for (const k of keys) state.set(id(k), 'sent');
    },
    sentBetween: async () => new Set(),
    forget: async (key) => void state.delete(id(key)),
  };
  return { ledger, state };
}

const part = (sk: string) => ({ key: { pk: 'LEDGER#REPORT#2026-H1', sk }, name: sk });

describe('deliverOnce', () => {
  it('sends one message to the parts it claimed, and marks each sent with what it carries', async () => {
    const { ledger, state } = memoryLedger([], ['LEDGER#REPORT#2026-H1|6302#sent@x']);
    const to: string[][] = [];
    const outcome = await deliverOnce(
      ledger,
      {
        parts: [part('6302#a@x'), part('6302#sent@x'), part('6302#b@x')],
        what: { kind: 'semester-report' },
        carries: { keys: [{ pk: 'ESC#6302', sk: 'k' }], attributes: {} },
      },
      async (claimed) => {
        to.push(claimed.map((p) => p.name));
        return 'msg-1';
      },
    );
    expect(to).toEqual([['6302#a@x', '6302#b@x']]);
    expect(outcome).toMatchObject({ status: 'sent', messageId: 'msg-1', held: 0, unrecorded: [] });
    expect(state.get('LEDGER#REPORT#2026-H1|6302#a@x')).toBe('sent');
    expect(state.get('ESC#6302|k')).toBe('sent');
  });

  it('reports a part another attempt holds, so the caller does not call the message done', async () => {
    const { ledger } = memoryLedger(['LEDGER#REPORT#2026-H1|6302#b@x']);
    const only = await deliverOnce(ledger, { parts: [part('6302#b@x')], what: {} }, async () => 'never');
    expect(only).toEqual({ status: 'in-progress', held: 1 });
    const some = await deliverOnce(
      ledger,
      { parts: [part('6302#a@x'), part('6302#b@x')], what: {} },
      async () => 'm',
    );
    expect(some).toMatchObject({ status: 'sent', held: 1 });
  });

  it('releases every claim as failed when the channel refuses, so the next attempt sends at once', async () => {
    const { ledger, state } = memoryLedger();
    const outcome = await deliverOnce(ledger, { parts: [part('6302#a@x')], what: {} }, async () => {
      throw new Error('MessageRejected');
    });
    expect(outcome).toEqual({ status: 'failed', error: 'MessageRejected' });
    expect(state.get('LEDGER#REPORT#2026-H1|6302#a@x')).toBe('failed');
  });

  it('reports a mark it could not write after the channel accepted, and never releases that claim', async () => {
    const { ledger, state } = memoryLedger();
    ledger.markSent = async () => {
      throw new Error('DynamoDB unreachable');
    };
    const outcome = await deliverOnce(ledger, { parts: [part('6302#a@x')], what: {} }, async () => 'msg-2');
    expect(outcome).toMatchObject({
      status: 'sent',
      messageId: 'msg-2',
      unrecorded: [{ key: part('6302#a@x').key, error: 'DynamoDB unreachable' }],
    });
    expect(state.get('LEDGER#REPORT#2026-H1|6302#a@x')).toBe('sending');
  });
});
