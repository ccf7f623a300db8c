import { SESClient } from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import {
  composeRawEmail,
  MessageTooLargeError,
  sendEmail,
  sesMaxRawMessageBytes,
} from '../../functions/adapters/ses-mailer';

const email = (bytes: number) => ({
  from: 'LAPOR Paman <no-reply@x.example>',
  to: ['Bupati Tanah Laut <bupati@x.example>'],
  subject: 'Laporan Evaluasi LAPOR! Semester I 2026 (Januari–Juni) — Kabupaten Tanah Laut',
  text: 'Terlampir.',
  attachments: [
    {
      filename: 'evaluasi lapor 2026-H1 Tanah Laut.pdf',
      content: Buffer.alloc(bytes, 7),
      contentType: 'application/pdf',
    },
  ],
});

describe('the SES mailer', () => {
  it('dates a message by the given instant (a replay on an injected clock), else by the time of composing', async () => {
    const at = new Date('2026-03-02T00:00:00Z');
    const dated = (await composeRawEmail({ ...email(10), date: at })).toString('utf8');
    expect(/^Date: (.+)$/m.exec(dated)?.[1]?.trim()).toBe(at.toUTCString().replace('GMT', '+0000'));
    const now = (await composeRawEmail(email(10))).toString('utf8');
    expect(Math.abs(Date.parse(/^Date: (.+)$/m.exec(now)?.[1] ?? '') - Date.now())).toBeLessThan(60_000);
  });

  it('refuses, before calling SES, a message over SES v1 raw limit once base64-encoded (~7.5 MB of PDF)', async () => {
    // A client that would fail loudly if it were ever called.
    const ses = new SESClient({
      region: 'ap-southeast-3',
      endpoint: 'http://127.0.0.1:9',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    await expect(sendEmail(ses, email(8 * 1024 * 1024))).rejects.toThrow(MessageTooLargeError);
    await expect(sendEmail(ses, email(8 * 1024 * 1024))).rejects.toThrow(
      `SES accepts at most ${sesMaxRawMessageBytes}`,
    );
  });

  it('builds MIME that SES accepts: CRLF lines within its 1,000-character limit, encoded subject and file name', async () => {
    const raw = (await composeRawEmail(email(200_000))).toString('utf8');
    const lines = raw.split('\r\n');
    expect(raw.includes('\r\n')).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(998);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(raw).toMatch(/filename\*0\*?=|filename="?evaluasi/);
  });

  it('gives SES bare addresses as destinations and the sender as Source; names only in MIME headers', async () => {
    const sent: Record<string, unknown>[] = [];
    const ses = new SESClient({
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    // Capture the request instead of sending it.
    ses.middlewareStack.add(
      () => async (args) => {
        sent.push(args.input as Record<string, unknown>);
        return { output: { MessageId: 'm-1', $metadata: {} }, response: {} } as never;
      },
      { step: 'initialize', name: 'capture' },
    );
    const message = {
      ...email(10),
      // A name with a comma (stored before names were checked) and one with a line break.
      to: ['Kepala, Dinas Kominfo <kepala@x.example>', 'Admin\r\nBcc: all@evil.example <admin@x.example>'],
      cc: ['tim@x.example'],
    };
    await sendEmail(ses, message);
    expect(sent[0]?.Destinations).toEqual(['kepala@x.example', 'admin@x.example', 'tim@x.example']);
    expect(sent[0]?.Source).toBe('no-reply@x.example');
    const raw = (await composeRawEmail(message)).toString('utf8');
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(headers).toMatch(/^To: "Kepala, Dinas Kominfo" <kepala@x\.example>,/m);
    expect(headers).toMatch(/^From: LAPOR Paman <no-reply@x\.example>/m);
  });
});
