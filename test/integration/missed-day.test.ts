import { describe, expect, it } from 'vitest';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { runCli } from '../support/cli';
import { localCliEnv } from '../support/cli-env';
import { kalsel } from '../support/data';
import { oneLateComplaintWorld } from '../support/deadlines';
import { receivedMail } from '../support/local-aws';

/**
 * The SES emulator's store. The CLI runs synchronously (spawnSync), so a kept-alive connection can
 * be closed by the emulator meanwhile: the first request after it may fail once.
 */
async function mailTo(address: string) {
  try {
    return await receivedMail(address);
  } catch {
    return receivedMail(address);
  }
}

/**
 * The runbook's catch-up of a working day whose check never ran (README, "A working day without a
 * deadline check"), against the local stack: DynamoDB Local, the SES emulator and the CLI a person runs.
 */
describe('catching up a working day whose check never ran', () => {
  it("sends that day's e-mails once with the documented command, escalates nothing twice, and sends nothing on a second run", async () => {
    // Due Thu 5 Feb; by Mon 2 Mar 15 working days late: the head's notice and the province's digest.
    const w = await oneLateComplaintWorld();
    const admin = `a.6301@${w.domain}`;
    const head = `h.6301@${w.domain}`;
    const province = `p.63@${w.domain}`;
    // Monday 2 March: no check ran (the schedule was disabled). Tuesday's scheduled run works.
    w.setNow('2026-03-03T08:00:00+08:00');
    const tuesday = await checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-03', kalsel()) });
    expect(tuesday.failures).toBe(0);
    expect(await mailTo(head)).toHaveLength(1); // the escalation, once, on Tuesday

    // The documented catch-up of Monday, as a person runs it against the stage's table and SES.
    const env = { ...localCliEnv(w.tableName), SENDER_ADDRESS: `LAPOR Paman <no-reply@${w.domain}>` };
    const catchUp = runCli(['check-deadlines', '--at', '2026-03-02T08:00:00+08:00', '--json'], env, 120_000);
    expect(catchUp.status, catchUp.stderr).toBe(0);
    const monday = JSON.parse(catchUp.stdout);
    expect(monday).toMatchObject({ date: '2026-03-02', failures: 0 });
    const digests = (await mailTo(admin)).filter(
      (m) => !(m.destination.cc ?? []).some((a) => a.includes(admin)),
    );
    expect(digests.length).toBeGreaterThanOrEqual(2); // Tuesday's digest and Monday's
    const subjects = (await mailTo(admin)).map((m) => m.subject);
    expect(
      subjects.filter((s) => s.includes('2 Maret') || s.includes('02-03') || s.includes('2026-03-02')).length,
    ).toBe(1);
    // Escalations are kept per (complaint, stage, level), not per day: the head is not told again.
    expect(await mailTo(head)).toHaveLength(1);
    const provinceMail = (await mailTo(province)).length;

    // Running the catch-up twice sends nothing more.
    const again = runCli(['check-deadlines', '--at', '2026-03-02T08:00:00+08:00', '--json'], env, 120_000);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ date: '2026-03-02', emailsSent: 0, failures: 0 });
    expect((await mailTo(admin)).map((m) => m.subject)).toEqual(subjects);
    expect(await mailTo(province)).toHaveLength(provinceMail);
  }, 240_000);
});
