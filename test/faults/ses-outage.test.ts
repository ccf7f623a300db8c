import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoComplaintQueries } from '../../functions/adapters/complaint-queries';
import { loadPopulation } from '../../functions/adapters/data-files';
import { EmailChannel } from '../../functions/adapters/email-channel';
import { Ledger } from '../../functions/adapters/ledger';
import { renderPdf } from '../../functions/adapters/pdf-renderer';
import { RosterStore } from '../../functions/adapters/province-data-store';
import { DynamoSemesterStore } from '../../functions/adapters/semester-store';
import { SesMailer } from '../../functions/adapters/ses-mailer';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { recordUpdate } from '../../functions/use-cases/ingest-updates';
import { runSemesterReport, type SemesterDeliveryDeps } from '../../functions/use-cases/semester-report';
import { freePort } from '../../local/ports';
import { type SesLocal, startSesLocal } from '../../local/ses-local';
import { localAwsEnv } from '../../local/stack';
import { semesterViews } from '../../templates/semester-views';
import { calendar, dataDir, kalsel, kalselPolicy, nationalPolicy } from '../support/data';
import { deadlineWorld } from '../support/deadlines';
import { oneCallAtATime, scanAll } from '../support/faults';
import { anUpdate } from '../support/fixtures';
import type { StoredEmail } from '../support/local-aws';

/**
 * This file runs its own SES emulator, so that it can stop it and start it again on the same
 * port. The emulator keeps its store in this process's memory across restarts; every test uses
 * its own recipient domain and reads the store over HTTP, as anyone would.
 */
const running = new Set<SesLocal>();
afterAll(async () => {
  await Promise.allSettled([...running].map((s) => s.stop()));
});

async function startSes(port: number): Promise<SesLocal> {
  const ses = await startSesLocal({ port });
  expect(ses.port, 'the emulator comes back on the same port').toBe(port);
  running.add(ses);
  return ses;
}

async function stopSes(ses: SesLocal): Promise<void> {
  running.delete(ses);
  await ses.stop();
}

/** An SES client as production builds it (adaptive retry), with few attempts so a dead endpoint fails fast. */
function sesClient(port: number): SESClient {
  return new SESClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: localAwsEnv.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    retryMode: 'adaptive',
    maxAttempts: 2,
  });
}

async function mailOf(port: number, domain: string): Promise<StoredEmail[]> {
  const response = await fetch(`http://127.0.0.1:${port}/store`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.filter((e) => [...e.destination.to, ...e.destination.cc].some((a) => a.includes(domain)));
}

/** "<to address> <subject>" of each mail: the same twice means an e-mail was sent twice. */
const deliveries = (mails: StoredEmail[]) =>
  mails.flatMap((m) =>
    m.destination.to.map((to) => `${to.replace(/.*</, '').replace('>', '')} ${m.subject}`),
  );

async function ledgerItems(world: Awaited<ReturnType<typeof deadlineWorld>>) {
  return (await scanAll(world.doc, world.tableName)).filter((i) => i.type === 'ledger');
}

async function world() {
  const w = await deadlineWorld();
  await w.roster.replace([
    w.person('6301', 'admin', 'a'),
    w.person('6301', 'head', 'h'),
    w.person('6302', 'admin', 'a'),
    w.person('6302', 'head', 'h'),
    w.person('63', 'province', 'p'),
  ]);
  for (const [trackingId, regencyCode, at] of [
    ['SES-6301', '6301', '2026-02-02T09:00:00+08:00'], // long overdue: digest, head escalation, province
    ['SES-6302', '6302', '2026-02-25T09:00:00+08:00'], // due about now: digest
  ] as const) {
    w.setNow(at);
    await recordUpdate(
      w.ingest,
      anUpdate({ trackingId, regencyCode, occurredAt: at, sourceUpdateId: `${trackingId}-1` }),
      'test',
    );
  }
  return w;
}

function semesterDeps(w: Awaited<ReturnType<typeof world>>, mailer: SesMailer): SemesterDeliveryDeps {
  return {
    regions: kalsel(),
    calendar: calendar(),
    national: nationalPolicy(),
    provincial: kalselPolicy(),
    population: loadPopulation(dataDir, '63'),
    queries: new DynamoComplaintQueries(w.doc, w.tableName),
    roster: new RosterStore(w.doc, w.tableName),
    store: new DynamoSemesterStore(w.doc, w.tableName),
    ledger: new Ledger(w.doc, w.tableName),
    channels: [new EmailChannel(mailer, `LAPOR Paman <no-reply@${w.domain}>`, { semester: semesterViews })],
    renderPdf,
    views: semesterViews,
    clock: () => new Date('2026-07-01T07:00:00+08:00'),
  };
}

describe('the SES emulator down during the deadline and semester jobs', () => {
  it('marks nothing sent while SES is down, and after it is back sends exactly the missing e-mails, once each', async () => {
    const w = await world();
    const port = await freePort();
    await stopSes(await startSes(port)); // ours, and down
    const mailer = new SesMailer(sesClient(port), { maxPerSecond: Number.POSITIVE_INFINITY });
    w.setMailer(mailer);

    const day = await checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });
    expect(day.emailsSent).toBe(0);
    expect(day.regencies.find((r) => r.code === '6301')).toMatchObject({
      digest: 'failed',
      escalationNotice: 'failed',
    });
    expect(day.regencies.find((r) => r.code === '6302')?.digest).toBe('failed');
    expect(day.province.digest).toBe('failed');
    // One regency's report (rendering all thirteen PDFs twice would only slow the suite down).
    const semester = await runSemesterReport(semesterDeps(w, mailer), '2026-H1', {
      send: true,
      regency: '6301',
    });
    expect(semester.regencies.map((r) => [r.code, r.delivery?.status])).toEqual([['6301', 'failed']]);

    // Nothing claims to be sent: every e-mail's ledger entry says failed, and the escalations they
    // would have carried are only pending on them (sent only once their carrier is).
    const all = await ledgerItems(w);
    const down = all.filter((i) => !String(i.pk).startsWith('ESC#'));
    expect(all.filter((i) => i.status === 'sent')).toEqual([]);
    expect(all.filter((i) => String(i.pk).startsWith('ESC#')).every((i) => i.status === 'pending')).toBe(
      true,
    );
    expect(down.map((i) => `${i.pk} ${i.sk} ${i.status}`).sort()).toEqual(
      [
        'LEDGER#DIGEST#2026-03-02 6301 failed',
        'LEDGER#DIGEST#2026-03-02 6302 failed',
        'LEDGER#ESCALATION#2026-03-02 6301 failed',
        'LEDGER#PROVINCE#2026-03-02 63 failed',
        ...['a.6301', 'h.6301', 'p.63'].map((who) => `LEDGER#REPORT#2026-H1 6301#${who}@${w.domain} failed`),
      ].sort(),
    );

    // SES is back on the same port: the same runs, later that day, send what is missing.
    await startSes(port);
    expect(await mailOf(port, w.domain)).toEqual([]);
    const retry = await checkDeadlines(w.deps(), { at: new Date('2026-03-02T10:00:00+08:00') });
    expect(retry.emailsSent).toBe(4);
    expect(retry.failures).toBe(0);
    const semesterRetry = await runSemesterReport(semesterDeps(w, mailer), '2026-H1', {
      send: true,
      regency: '6301',
    });
    expect(semesterRetry.regencies[0]?.delivery).toMatchObject({
      status: 'sent',
      recipients: [`h.6301@${w.domain}`, `a.6301@${w.domain}`, `p.63@${w.domain}`],
    });

    const mails = await mailOf(port, w.domain);
    expect(mails).toHaveLength(5);
    const each = deliveries(mails);
    expect(new Set(each).size, 'no e-mail twice to the same person').toBe(each.length);
    // Every ledger entry is now sent, with the id SES gave the one message that carried it.
    const up = await ledgerItems(w);
    const notices = up.filter((i) => !String(i.pk).startsWith('ESC#'));
    expect(notices.every((i) => i.status === 'sent')).toBe(true);
    expect(new Set(notices.map((i) => i.messageId))).toEqual(new Set(mails.map((m) => m.messageId)));

    // A third run finds everything sent.
    const third = await checkDeadlines(w.deps(), { at: new Date('2026-03-02T11:00:00+08:00') });
    expect(third.emailsSent).toBe(0);
    expect(await mailOf(port, w.domain)).toHaveLength(5);
  }, 60_000);

  it('sends only the rest when SES goes down in the middle of a run', async () => {
    const w = await world();
    const port = await freePort();
    let ses = await startSes(port);
    const client = sesClient(port);
    // The emulator stops right after accepting the first message of the run, before the next
    // request goes out (the job sends for several regencies at a time: its calls are queued here).
    let accepted = 0;
    oneCallAtATime(client, async () => {
      if (++accepted === 1) await stopSes(ses);
    });
    w.setMailer(new SesMailer(client, { maxPerSecond: Number.POSITIVE_INFINITY }));

    const first = await checkDeadlines(w.deps(), { at: scheduledInstant('2026-03-02', kalsel()) });
    expect(first.emailsSent).toBe(1);
    expect(first.failures).toBe(3);
    const ledger = await ledgerItems(w);
    const sentThen = ledger.filter((i) => i.status === 'sent');
    expect(sentThen).toHaveLength(1);
    expect(ledger.filter((i) => i.status === 'failed')).toHaveLength(3);

    ses = await startSes(port);
    expect((await mailOf(port, w.domain)).map((m) => m.messageId)).toEqual([sentThen[0]?.messageId]);
    const retry = await checkDeadlines(w.deps(), { at: new Date('2026-03-02T10:00:00+08:00') });
    expect(retry.emailsSent).toBe(3);
    expect(retry.failures).toBe(0);
    const statuses = [
      ...retry.regencies.flatMap((r) => [r.digest, r.escalationNotice]),
      retry.province.digest,
    ].filter((s) => s !== 'nothing-to-send');
    expect(statuses.sort()).toEqual(['already-sent', 'sent', 'sent', 'sent']);
    const mails = await mailOf(port, w.domain);
    expect(mails).toHaveLength(4);
    const each = deliveries(mails);
    expect(new Set(each).size, 'no e-mail twice to the same person').toBe(each.length);
    const notices = (await ledgerItems(w)).filter((i) => !String(i.pk).startsWith('ESC#'));
    expect(new Set(notices.map((i) => i.messageId))).toEqual(new Set(mails.map((m) => m.messageId)));
  }, 60_000);
});
