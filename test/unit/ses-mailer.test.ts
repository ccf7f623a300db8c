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
});
