import { describe, expect, it } from 'vitest';
import { Ledger, staleClaimMs } from '../../functions/adapters/ledger';
import { SesMailer } from '../../functions/adapters/ses-mailer';
import { ledgerKeys } from '../../functions/domain/ledger-keys';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { kalsel } from '../support/data';
import { oneLateComplaintWorld } from '../support/deadlines';
import { type Attempt, afterEachCall, injectFaults } from '../support/faults';
import { localSesClient, receivedMail } from '../support/local-aws';

/**
 * The windows of the e-mail ledger in the deadline check (issue 12, item 8), against DynamoDB
 * Local and the SES emulator; only the failures are made up.
 */
const world = oneLateComplaintWorld;

const injected = () => Object.assign(new Error('injected fault'), { name: 'InjectedFault' });
const destination = (a: Attempt) => new URLSearchParams(a.body).get('Destinations.member.1') ?? '';

const mailTo = (w: { domain: string }, local: string) => receivedMail(`${local}@${w.domain}`);

describe('the e-mail ledger of the deadline check', () => {
  it('does not send again on retry when marking "sent" fails once after SES accepted', async () => {
    const w = await world();
    const ses = localSesClient();
    w.setMailer(new SesMailer(ses, { maxPerSecond: Number.POSITIVE_INFINITY }));
    // After each e-mail SES accepts, the next DynamoDB write (the mark) fails: every attempt of that call.
    let armed = false;
    let failing: string | undefined;
    afterEachCall(ses, () => {
      armed = true;
    });
    injectFaults(w.doc, (a) => {
      if (armed && /^(Put|Update)/.test(a.command)) {
        armed = false;
        failing = a.invocationId;
      }
      return a.invocationId === failing ? { kind: 'throw', error: injected } : undefined;
    });
    w.setNow('2026-03-02T08:00:00+08:00');
    const first = await checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });
    expect(first.emailsSent).toBe(3);
    // The asynchronous retry a minute later.
    armed = false;
    failing = undefined;
    w.setNow('2026-03-02T08:01:00+08:00');
    const retry = await checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });
    expect(retry.emailsSent).toBe(0);
    expect(await mailTo(w, 'a.6301')).toHaveLength(2); // the digest, and a copy of the head's notice
    expect(await mailTo(w, 'h.6301')).toHaveLength(1);
    expect(await mailTo(w, 'p.63')).toHaveLength(1);
  });

  it('does not escalate the same complaints again the next day when the run died after the notice was marked sent', async () => {
    const w = await world();
    const ses = localSesClient();
    w.setMailer(new SesMailer(ses, { maxPerSecond: Number.POSITIVE_INFINITY }));
    // SES accepts the head's notice; its mark is written; then the process is gone: no more writes.
    let writesLeft = Number.POSITIVE_INFINITY;
    injectFaults(ses, (a) => {
      if (a.command === 'SendRawEmailCommand' && destination(a).includes(`h.6301@${w.domain}`))
        writesLeft = 1;
      return undefined;
    });
    injectFaults(w.doc, (a) => {
      if (!/^(Put|Update|BatchWrite|TransactWrite)/.test(a.command)) return undefined;
      if (writesLeft > 0) {
        writesLeft -= 1;
        return undefined;
      }
      return { kind: 'throw', error: injected };
    });
    w.setNow('2026-03-02T08:00:00+08:00');
    await checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-02', kalsel()) }).catch(() => undefined);
    expect(await w.deps().ledger.status(ledgerKeys.escalationNotice('2026-03-02', '6301', 'email'))).toBe(
      'sent',
    );

    writesLeft = Number.POSITIVE_INFINITY;
    w.setNow('2026-03-03T08:00:00+08:00');
    const next = await checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-03', kalsel()) });
    expect(next.regencies.find((r) => r.code === '6301')?.escalationNotice).toBe('nothing-to-send');
    expect(await mailTo(w, 'h.6301')).toHaveLength(1);
  });

  it('lets only the holder of a claim mark it: a stale claim taken over is not overwritten by its first owner', async () => {
    const w = await world();
    let now = new Date('2026-03-02T08:00:00+08:00');
    const ledger = new Ledger(w.doc, w.tableName, () => now);
    const key = ledgerKeys.digest('2026-03-02', '6301', 'email');
    const first = await ledger.claim(key);
    expect(first.status).toBe('claimed');
    // The first owner hangs past the stale limit; a second run takes the claim over and sends.
    now = new Date(now.getTime() + staleClaimMs + 1000);
    const second = await ledger.claim(key);
    expect(second.status).toBe('claimed');
    if (first.status !== 'claimed' || second.status !== 'claimed') throw new Error('unreachable');
    expect(await ledger.markSent(key, second.token, 'ses-2')).toBe(true);
    // The first owner wakes up, its send failed: its "failed" must not reopen a sent e-mail.
    expect(await ledger.markFailed(key, first.token, 'timeout')).toBe(false);
    expect(await ledger.status(key)).toBe('sent');
    expect((await ledger.claim(key)).status).toBe('already-sent');
  });

  /**
   * The scheduled invocation as Lambda runs it asynchronously: the handler throws when any part
   * failed, and Lambda retries it twice (retryAttempts: 2) before the function's dead-letter queue.
   */
  async function invokeWithRetries(w: Awaited<ReturnType<typeof world>>) {
    const attempts = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      w.setNow(`2026-03-02T08:0${attempt}:00+08:00`);
      const report = await checkDeadlines(w.deps(), {
        at: scheduledInstant('2026-03-02', kalsel()),
      }).catch((error: Error) => ({ failures: 1, error: error.message }));
      attempts.push(report);
      if (report.failures === 0) return { attempts, deadLettered: false };
    }
    return { attempts, deadLettered: true };
  }

  it.each([1, 2])(
    'sends each e-mail once when every send fails %i time(s) at SES, within the retries',
    async (times) => {
      const w = await world();
      const ses = localSesClient();
      w.setMailer(new SesMailer(ses, { maxPerSecond: Number.POSITIVE_INFINITY }));
      const seen = new Map<string, string[]>();
      injectFaults(ses, (a) => {
        if (a.command !== 'SendRawEmailCommand') return undefined;
        const ids = seen.get(destination(a)) ?? [];
        if (!ids.includes(a.invocationId)) ids.push(a.invocationId);
        seen.set(destination(a), ids);
        return ids.indexOf(a.invocationId) < times ? { kind: 'throw', error: injected } : undefined;
      });
      const { attempts, deadLettered } = await invokeWithRetries(w);
      expect(deadLettered).toBe(false);
      expect(attempts).toHaveLength(times + 1);
      expect(await mailTo(w, 'a.6301')).toHaveLength(2); // the digest, and a copy of the head's notice
      expect(await mailTo(w, 'h.6301')).toHaveLength(1);
      expect(await mailTo(w, 'p.63')).toHaveLength(1);
    },
  );

  const steps = {
    'the digest claim': (a: Attempt) => a.command === 'PutCommand' && a.body.includes('"LEDGER#DIGEST#'),
    'the digest mark': (a: Attempt) => a.command === 'UpdateCommand' && a.body.includes('"LEDGER#DIGEST#'),
    'the escalations filed on the notice': (a: Attempt) =>
      a.command === 'PutCommand' && a.body.includes('"ESC#'),
    'the notice mark': (a: Attempt) =>
      a.command === 'UpdateCommand' && a.body.includes('"LEDGER#ESCALATION#'),
  } as const;
  for (const [step, matches] of Object.entries(steps)) {
    it.each([1, 2])(`sends each e-mail once when ${step} fails %i time(s) at DynamoDB`, async (times) => {
      const w = await world();
      const seen: string[] = [];
      injectFaults(w.doc, (a) => {
        if (!matches(a)) return undefined;
        if (!seen.includes(a.invocationId)) seen.push(a.invocationId);
        return seen.indexOf(a.invocationId) < times ? { kind: 'throw', error: injected } : undefined;
      });
      const { deadLettered } = await invokeWithRetries(w);
      expect(deadLettered).toBe(false);
      expect(await mailTo(w, 'a.6301')).toHaveLength(2); // the digest, and a copy of the head's notice
      expect(await mailTo(w, 'h.6301')).toHaveLength(1);
      expect(await mailTo(w, 'p.63')).toHaveLength(1);
    });
  }

  it('ends in the dead-letter queue, and the province is told, when one regency cannot be read at all', async () => {
    const w = await world();
    await w.roster.replace([
      w.person('6301', 'admin', 'a'),
      w.person('6301', 'head', 'h'),
      w.person('6302', 'admin', 'a'),
      w.person('63', 'province', 'p'),
    ]);
    injectFaults(w.doc, (a) =>
      a.command === 'QueryCommand' && a.body.includes('6302') && a.body.includes('open-by-due')
        ? { kind: 'throw', error: injected }
        : undefined,
    );
    const { attempts, deadLettered } = await invokeWithRetries(w);
    expect(deadLettered).toBe(true);
    expect(attempts).toHaveLength(3);
    // 6301 was served once; the province digest of the first attempt names the unchecked regency.
    expect(await mailTo(w, 'a.6301')).toHaveLength(2);
    const [province] = await mailTo(w, 'p.63');
    expect(province?.body.text).toContain('Kotabaru');
    expect(await mailTo(w, 'p.63')).toHaveLength(1);
  });
});
