import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { Mailer, OutgoingEmail } from '../ports/mailer';

/** SES v1 rejects raw messages larger than 10 MB once encoded (the limit applies after base64). */
export const sesMaxRawMessageBytes = 10 * 1024 * 1024;

export class MessageTooLargeError extends Error {
  override name = 'MessageTooLargeError';
}

/**
 * A mailbox (`Name <address>` or a bare address) as name and address. The address is what is
 * inside the last angle brackets; line breaks in the name are dropped, so that a name stored
 * before names were checked can never start a header of its own.
 */
export function parseMailbox(mailbox: string): { name: string; address: string } {
  const match = /^(.*)<([^<>]+)>\s*$/s.exec(mailbox);
  if (!match) return { name: '', address: mailbox.trim() };
  const name = (match[1] ?? '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/^\s*"|"\s*$/g, '')
    .trim();
  return { name, address: (match[2] ?? '').trim() };
}

/** Builds the raw MIME message (RFC 2047 headers, RFC 2231 filenames, base64 at 76, CRLF). */
export async function composeRawEmail(email: OutgoingEmail): Promise<Buffer> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  // Names and addresses apart: the composer quotes and encodes each name, whatever it holds.
  const composer = new MailComposer({
    from: parseMailbox(email.from),
    to: email.to.map(parseMailbox),
    cc: email.cc?.map(parseMailbox),
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: email.headers,
    ...(email.date ? { date: email.date } : {}),
    attachments: email.attachments?.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
    })),
  });
  return composer.compile().build();
}

/**
 * Sends one e-mail through SES SendRawEmail and returns the SES message id. Refuses a message SES
 * would reject for size before calling it, so the caller gets a clear error instead of a 400.
 */
export async function sendEmail(
  ses: SESClient,
  email: OutgoingEmail,
  configurationSet?: string,
  /** The message already composed by composeRawEmail (e.g. to keep a copy of it). */
  composed?: Buffer,
): Promise<string> {
  const raw = composed ?? (await composeRawEmail(email));
  // The SDK sends the message base64-encoded: that is the size SES measures.
  const encodedBytes = Math.ceil(raw.length / 3) * 4;
  if (encodedBytes > sesMaxRawMessageBytes) {
    throw new MessageTooLargeError(
      `message "${email.subject}" is ${encodedBytes} bytes once encoded; SES accepts at most ${sesMaxRawMessageBytes}`,
    );
  }
  const result = await ses.send(
    new SendRawEmailCommand({
      RawMessage: { Data: raw },
      // Bare addresses only: names belong in the MIME headers, where the composer encodes them.
      Source: parseMailbox(email.from).address,
      Destinations: [...email.to, ...(email.cc ?? [])].map((m) => parseMailbox(m).address),
      ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
    }),
  );
  if (!result.MessageId) throw new Error('SES returned no MessageId');
  return result.MessageId;
}

/**
 * Sends through SES at no more than `maxPerSecond` messages a second (the account's sending rate:
 * 1/s in the SES sandbox, 14/s by default in production). Throttling that still happens is retried
 * by the SDK (adaptive retry mode, see clients.ts).
 */
export class SesMailer implements Mailer {
  private nextSlot = 0;

  constructor(
    private readonly ses: SESClient,
    private readonly options: { maxPerSecond?: number; configurationSet?: string } = {},
  ) {}

  async send(email: OutgoingEmail): Promise<string> {
    const rate = this.options.maxPerSecond ?? 1;
    if (Number.isFinite(rate) && rate > 0) {
      const now = Date.now();
      const slot = Math.max(now, this.nextSlot);
      this.nextSlot = slot + 1000 / rate;
      if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
    }
    return sendEmail(this.ses, email, this.options.configurationSet);
  }
}
