import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';

/** An e-mail as the use cases describe it; MIME encoding is this adapter's business. */
export interface OutgoingEmail {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** Extra headers (e.g. X-Lapor-Paman-Ledger) to trace a message back to its ledger entry. */
  headers?: Record<string, string>;
}

/** SES v1 rejects raw messages larger than 10 MB once encoded (the limit applies after base64). */
export const sesMaxRawMessageBytes = 10 * 1024 * 1024;

export class MessageTooLargeError extends Error {
  override name = 'MessageTooLargeError';
}

/** Builds the raw MIME message (RFC 2047 headers, RFC 2231 filenames, base64 at 76, CRLF). */
export async function composeRawEmail(email: OutgoingEmail): Promise<Buffer> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const composer = new MailComposer({
    from: email.from,
    to: email.to,
    cc: email.cc,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: email.headers,
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
      Destinations: [...email.to, ...(email.cc ?? [])],
      ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
    }),
  );
  if (!result.MessageId) throw new Error('SES returned no MessageId');
  return result.MessageId;
}

/** The port the jobs send through: SES below, anything that returns a message id in tests. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<string>;
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
