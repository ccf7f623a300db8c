import type { Mailer, OutgoingEmail } from '../ports/mailer';

/**
 * A stage that must never mail real people (staging) sends every message to one sink address
 * instead: the SES mailbox simulator, or a verified test mailbox. The message keeps its content,
 * so what staging would have sent can be read; the intended recipients are counted, not named.
 * The functions' IAM grant allows no other recipient (infra), so a bug here fails closed.
 */
export class SinkMailer implements Mailer {
  constructor(
    private readonly inner: Mailer,
    private readonly sink: string,
    private readonly stage = 'staging',
  ) {}

  send(email: OutgoingEmail): Promise<string> {
    const intended = email.to.length + (email.cc?.length ?? 0);
    const { cc: _cc, ...rest } = email;
    return this.inner.send({
      ...rest,
      to: [this.sink],
      subject: `[${this.stage}] ${email.subject}`,
      headers: { ...email.headers, 'X-Lapor-Paman-Intended-Recipients': String(intended) },
    });
  }
}
