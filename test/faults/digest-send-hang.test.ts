import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '../../functions/ports/mailer';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { claimsInProgress } from '../../handlers/support/ops-metrics';
import { kalsel } from '../support/data';
import { oneLateComplaintWorld } from '../support/deadlines';
import { receivedMail } from '../support/local-aws';

/**
 * Issue 24, finding 3: the send of one regency's digest hangs until the function's timeout (10
 * minutes); Lambda retries the invocation about 1 and then 2 more minutes after each failed attempt.
 * The admin must get that day's digest exactly once, or the run must report the claim it found held
 * (the metric of ClaimsLeftSendingAlarm) and fail, so that Lambda retries and, in the end, the
 * dead-letter queue's alarm fires. Against DynamoDB Local and the SES emulator; only the hang is made up.
 */
const world = oneLateComplaintWorld;

/** A mailer whose send of the admin's digest never returns; every other e-mail goes to SES. */
function hangingDigest(real: Mailer, admin: string): Mailer & { hung: number; reached: Promise<void> } {
  let reach = () => {};
  const mailer = {
    hung: 0,
    reached: new Promise<void>((resolve) => {
      reach = resolve;
    }),
    send: (email: OutgoingEmail) => {
      if (
        email.to.some((t) => t.includes(admin)) &&
        email.headers?.['X-Lapor-Paman-Ledger']?.startsWith('DIGEST#')
      ) {
        mailer.hung += 1;
        reach();
        return new Promise<string>(() => {});
      }
      return real.send(email);
    },
  };
  return mailer;
}

/**
 * One Lambda invocation of the check as the handler runs it: it fails (so Lambda retries) when the
 * report counts a failure, and it is cut off at the function's timeout (the process is frozen: the
 * abandoned promise never resumes). Real time is short; the injected clock carries the minutes.
 */
async function invocation(w: Awaited<ReturnType<typeof world>>, startedAt: string, timeout: Promise<void>) {
  w.setNow(startedAt);
  const run = checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });
  return Promise.race([
    run.then((report) => ({ kind: report.failures > 0 ? ('failed' as const) : ('ok' as const), report })),
    timeout.then(() => ({ kind: 'timed out' as const })),
  ]);
}

/** A retry is never cut off here: it completes well within the function's timeout. */
const never = new Promise<void>(() => {});

const at = (minutes: number, seconds = 0) =>
  new Date(new Date('2026-03-02T08:00:00+08:00').getTime() + minutes * 60_000 + seconds * 1000).toISOString();

describe('a digest whose send hangs past the function timeout', () => {
  it('reaches the admin exactly once through Lambda’s retries 1 and 3 minutes after the timeout', async () => {
    const w = await world();
    const admin = `a.6301@${w.domain}`;
    const hanging = hangingDigest(w.realMailer, admin);
    w.setMailer(hanging);
    // 08:00: the claim is taken, the send hangs; at 08:10 Lambda ends the invocation (timeout).
    expect((await invocation(w, at(0), hanging.reached)).kind).toBe('timed out');
    expect(hanging.hung).toBe(1);
    w.setMailer(w.realMailer);
    // Lambda's first retry, a minute after the timeout, then the second two minutes after that.
    const retries = [];
    for (const minute of [10 + 1, 10 + 1 + 2]) {
      const outcome = await invocation(w, at(minute), never);
      retries.push(outcome.kind);
      if (outcome.kind === 'ok') break;
    }
    expect(retries.at(-1)).toBe('ok');
    // The admin's mail of the day: the digest once, and a copy of the head's notice once.
    expect(await receivedMail(`h.6301@${w.domain}`)).toHaveLength(1);
    expect(await receivedMail(`p.63@${w.domain}`)).toHaveLength(1);
    expect(await receivedMail(admin)).toHaveLength(2);
  }, 120_000);

  it('fails the retry that finds the claim still held (reporting it), so the next retry sends it once', async () => {
    const w = await world();
    const admin = `a.6301@${w.domain}`;
    const hanging = hangingDigest(w.realMailer, admin);
    w.setMailer(hanging);
    // The claim is taken late in the invocation (08:09:30), half a minute before the timeout.
    expect((await invocation(w, at(9, 30), hanging.reached)).kind).toBe('timed out');
    w.setMailer(w.realMailer);
    // 08:11, a minute after the timeout: the claim is 90 seconds old, still held.
    const first = await invocation(w, at(11), never);
    expect(first.kind).toBe('failed');
    if (first.kind !== 'failed') return;
    expect(first.report.regencies.find((r) => r.code === '6301')?.digest).toBe('in-progress');
    expect(claimsInProgress(first.report)).toBe(1);
    expect(await receivedMail(admin)).toHaveLength(1); // only the copy of the head's notice so far
    // 08:14, Lambda's second retry: the claim has lapsed; the digest goes out, once.
    const second = await invocation(w, at(14), never);
    expect(second.kind).toBe('ok');
    expect(await receivedMail(admin)).toHaveLength(2);
    expect(await receivedMail(`p.63@${w.domain}`)).toHaveLength(1);
  }, 120_000);
});
