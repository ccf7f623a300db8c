import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/clients';
import { Ledger } from '../../functions/adapters/ledger';
import { renderPdf } from '../../functions/adapters/pdf-renderer';
import { RosterStore } from '../../functions/adapters/province-data-store';
import type { RosterEntry } from '../../functions/domain/roster';
import type { Notification, NotificationChannel } from '../../functions/ports/notification-channel';
import { checkDeadlines } from '../../functions/use-cases/check-deadlines';
import { ingestBatch } from '../../functions/use-cases/ingest-updates';
import { runSemesterReport } from '../../functions/use-cases/semester-report';
import { deadlineDeps, ingestDeps, semesterDeliveryDeps } from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import { deadlineViews } from '../../templates/deadline-emails';
import { semesterViews } from '../../templates/semester-views';
import { anUpdate, onRoster } from '../support/fixtures';
import { freshTable, localDynamoDbClient, localSesClient, receivedMail } from '../support/local-aws';

/**
 * The notification port proven by a second channel: a chat channel for tests only (it records what
 * it is given, and can refuse once), plugged in beside the e-mail through the composition
 * (handlers/support/compose.ts, `channels`), with no change to the daily check. Against DynamoDB
 * Local and the SES emulator.
 */
class RecordingChat implements NotificationChannel {
  readonly name = 'chat';
  readonly received: {
    kind: string;
    to: string[];
    cc: string[];
    trace: string;
    attachment?: { filename: string; content: Buffer };
  }[] = [];
  /** Message kinds refused on their next send (a chat service down for a moment). */
  readonly refuseOnce = new Set<string>();

  reaches(_person: RosterEntry): boolean {
    return true;
  }

  async send(n: Notification): Promise<string> {
    if (this.refuseOnce.delete(n.message.kind)) throw new Error('chat service unavailable');
    this.received.push({
      kind: n.message.kind,
      to: n.to.map((p) => p.email),
      cc: (n.cc ?? []).map((p) => p.email),
      trace: n.trace,
      ...('attachment' in n.message ? { attachment: n.message.attachment } : {}),
    });
    return `chat-${this.received.length}`;
  }
}

/** The bare addresses of mail headers as the SES emulator stores them (one entry may hold several). */
const addresses = (headers: readonly string[]) =>
  headers.flatMap((h) => [...h.matchAll(/<([^<>]+)>/g)].map((m) => m[1] as string));

/** Who a message went to, as one comparable line. */
const people = (to: readonly string[], cc: readonly string[]) =>
  [...to.map((a) => `to:${a}`), ...cc.map((a) => `cc:${a}`)].sort().join(' ');

async function world() {
  const tableName = await freshTable('channels');
  const domain = `c${randomUUID().slice(0, 8)}.example`;
  const config = {
    ...loadConfig(
      { TABLE_NAME: tableName, PROVINCE_CODE: '63', SENDER_ADDRESS: `LAPOR Paman <no-reply@${domain}>` },
      { email: true },
    ),
    sesMaxSendRate: 1000,
  };
  const doc = createDocumentClient(localDynamoDbClient());
  let now = new Date('2026-02-02T09:00:00+08:00');
  const chat = new RecordingChat();
  const options = { doc, ses: localSesClient(), clock: () => now };
  const address = (local: string) => `${local}@${domain}`;
  await new RosterStore(doc, tableName).replace([
    onRoster('6301', 'head', 'Bupati Tanah Laut', address('head.6301')),
    onRoster('6301', 'admin', 'Admin Tanah Laut', address('admin.6301')),
    onRoster('6301', 'backup', 'Cadangan Tanah Laut', address('backup.6301')),
    // Banjar's admin changes on Monday 2 March: a handover digest and a notice.
    { ...onRoster('6303', 'admin', 'Admin Lama Banjar', address('old.6303')), to: '2026-02-27' },
    { ...onRoster('6303', 'admin', 'Admin Baru Banjar', address('new.6303')), from: '2026-03-02' },
    onRoster('6303', 'head', 'Bupati Banjar', address('head.6303')),
    onRoster('63', 'province', 'Tim Provinsi', address('p.63')),
  ]);
  // Due Thu 5 Feb; by Mon 2 Mar 15 working days late: the head's escalation and the province's.
  const submitted = '2026-02-02T09:00:00+08:00';
  const results = await ingestBatch(
    ingestDeps(config, options),
    [
      anUpdate({ trackingId: 'CH-6301', regencyCode: '6301', occurredAt: submitted }),
      anUpdate({ trackingId: 'CH-6303', regencyCode: '6303', occurredAt: submitted }),
    ],
    'api',
  );
  expect(results.map((r) => r.result)).toEqual(['created', 'created']);
  return {
    chat,
    domain,
    doc,
    tableName,
    // The daily check as the handler composes it, with the chat channel beside the e-mail.
    // The semester job as the CLI and the worker compose it, with the same chat channel.
    semester: async (instant: Date) => {
      now = instant;
      return runSemesterReport(
        semesterDeliveryDeps(config, { ...options, renderPdf, views: semesterViews, channels: [chat] }),
        '2026-H1',
        { regency: '6301', send: true },
      );
    },
    check: async (instant: Date) => {
      now = instant;
      return checkDeadlines(deadlineDeps(config, { ...options, views: deadlineViews, channels: [chat] }), {
        at: instant,
      });
    },
    mail: async () =>
      (await receivedMail()).filter((m) => m.destination.to.some((a) => a.includes(`@${domain}`))),
  };
}

describe('a second notification channel beside the e-mail', () => {
  it('gets every message of the daily check, to the same people as the e-mail, once across a re-run', async () => {
    // Prepare
    const w = await world();

    // Act
    const first = await w.check(new Date('2026-03-02T08:00:00+08:00'));
    const again = await w.check(new Date('2026-03-02T09:00:00+08:00'));

    // Assess: every kind went out on the chat channel (Banjar's admin, handed over today, has no
    // second digest), and the e-mail to the same people.
    expect(first.failures).toBe(0);
    // The report's e-mail count is the e-mails alone, as before.
    expect(first.emailsSent).toBe(6);
    expect(w.chat.received.map((m) => m.kind).sort()).toEqual([
      'escalation-notice',
      'escalation-notice',
      'handover-digest',
      'handover-notice',
      'province-digest',
      'regency-digest',
    ]);
    const mails = await w.mail();
    const mailed = mails.map((m) => people(addresses(m.destination.to), addresses(m.destination.cc)));
    expect(w.chat.received.map((m) => people(m.to, m.cc)).sort()).toEqual(mailed.sort());
    expect(w.chat.received.find((m) => m.kind === 'escalation-notice')).toMatchObject({
      to: [`head.6301@${w.domain}`],
      cc: [`admin.6301@${w.domain}`],
      trace: 'ESCALATION#2026-03-02#6301',
    });
    // The re-run sends nothing on either channel.
    expect(again.emailsSent).toBe(0);
    expect(w.chat.received).toHaveLength(6);
    expect(await w.mail()).toHaveLength(mails.length);
    expect(again.regencies.find((r) => r.code === '6301')).toMatchObject({
      digest: 'already-sent',
      escalationNotice: 'nothing-to-send',
    });
  }, 120_000);

  it('retries a message the chat refused on the next run, without mailing anyone twice', async () => {
    // Prepare
    const w = await world();
    w.chat.refuseOnce.add('escalation-notice');
    w.chat.refuseOnce.add('province-digest');

    // Act
    const first = await w.check(new Date('2026-03-02T08:00:00+08:00'));
    const mailsAfterFirst = (await w.mail()).length;
    const retry = await w.check(new Date('2026-03-02T08:05:00+08:00'));

    // Assess: the first run reports the chat's refusals (so it is retried); the e-mail went out.
    expect(first.regencies.find((r) => r.code === '6301')?.escalationNotice).toBe('failed');
    expect(first.province.digest).toBe('failed');
    expect(first.failures).toBe(2);
    expect(mailsAfterFirst).toBe(6);
    // The retry sends the chat what it missed, with the escalations the e-mail already carried.
    expect(retry.failures).toBe(0);
    expect(retry.regencies.find((r) => r.code === '6301')?.escalationNotice).toBe('sent');
    expect(retry.province.digest).toBe('sent');
    expect(w.chat.received.map((m) => m.kind).sort()).toEqual([
      'escalation-notice',
      'escalation-notice',
      'handover-digest',
      'handover-notice',
      'province-digest',
      'regency-digest',
    ]);
    expect(await w.mail()).toHaveLength(mailsAfterFirst);
  }, 120_000);

  it('finds the e-mail ledger entries written before channels existed: a re-run after deploy mails nobody twice', async () => {
    // Prepare: the entries the daily check wrote before the port, in their literal form.
    const w = await world();
    const ledger = new Ledger(w.doc, w.tableName);
    const before = [
      { pk: 'LEDGER#DIGEST#2026-03-02', sk: '6301' },
      { pk: 'LEDGER#DIGEST#2026-03-02', sk: '6303' },
      { pk: 'LEDGER#ESCALATION#2026-03-02', sk: '6301' },
      { pk: 'LEDGER#ESCALATION#2026-03-02', sk: '6303' },
      { pk: 'LEDGER#PROVINCE#2026-03-02', sk: '63' },
      { pk: 'LEDGER#HANDOVER#6303', sk: `2026-03-02#new.6303@${w.domain}` },
      { pk: 'LEDGER#HANDOVER#6303', sk: `2026-03-02#new.6303@${w.domain}#notice` },
    ];
    for (const key of before) {
      const claim = await ledger.claim(key);
      if (claim.status !== 'claimed') throw new Error(`could not write ${key.pk} ${key.sk}`);
      await ledger.markSent(key, claim.token, 'sent-before-the-port');
    }

    // Act
    const report = await w.check(new Date('2026-03-02T08:00:00+08:00'));

    // Assess: no e-mail at all; the chat, new, gets every message.
    expect(await w.mail()).toHaveLength(0);
    expect(report.failures).toBe(0);
    expect(w.chat.received).toHaveLength(6);
  }, 120_000);

  it("gets a regency's semester report with its PDF, to the same people as the e-mail, once across a re-run", async () => {
    // Prepare
    const w = await world();

    // Act
    const first = await w.semester(new Date('2026-07-01T07:00:00+08:00'));
    const again = await w.semester(new Date('2026-07-01T08:00:00+08:00'));

    // Assess
    expect(first.regencies.find((r) => r.code === '6301')?.delivery?.status).toBe('sent');
    expect(again.regencies.find((r) => r.code === '6301')?.delivery?.status).toBe('already-sent');
    expect(w.chat.received).toHaveLength(1);
    const [report] = w.chat.received;
    expect(report).toMatchObject({
      kind: 'regency-report',
      to: [`head.6301@${w.domain}`],
      cc: [`admin.6301@${w.domain}`, `p.63@${w.domain}`],
      trace: 'REPORT#2026-H1#6301',
    });
    const mails = await w.mail();
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(people(report?.to ?? [], report?.cc ?? [])).toBe(
      people(addresses(mail?.destination.to ?? []), addresses(mail?.destination.cc ?? [])),
    );
    // The same PDF on both channels.
    expect(mail?.attachments[0]?.filename).toBe(report?.attachment?.filename);
    expect(
      Buffer.from(mail?.attachments[0]?.content ?? '', 'base64').equals(
        report?.attachment?.content ?? Buffer.alloc(0),
      ),
    ).toBe(true);
  }, 180_000);
});
