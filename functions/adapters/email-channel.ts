import { emailChannel } from '../domain/ledger-keys';
import { mailbox, type RosterEntry } from '../domain/roster';
import type { DeadlineViews } from '../ports/deadline-views';
import type { EmailContent, Mailer, OutgoingEmail } from '../ports/mailer';
import type { Message, Notification, NotificationChannel } from '../ports/notification-channel';
import type { SemesterViews } from '../ports/semester-views';

/**
 * The words an e-mail channel writes with (templates/), per job: the daily check's e-mails, the
 * semester reports' cover letters. A composition passes only those of its job, so that a
 * function's bundle carries only its own templates.
 */
export interface EmailWording {
  deadline?: DeadlineViews;
  semester?: Pick<SemesterViews, 'regencyLetter' | 'provinceLetter'>;
}

/**
 * The e-mail channel: words a message with the e-mail views, addresses it to the people's
 * mailboxes from the roster and hands it to the mailer (MIME and SES are the mailer's business).
 * The ledger's name of the delivery travels in the X-Lapor-Paman-Ledger header.
 */
export class EmailChannel implements NotificationChannel {
  readonly name = emailChannel;

  constructor(
    private readonly mailer: Mailer,
    private readonly from: string,
    private readonly wording: EmailWording,
  ) {}

  /** Every roster entry has an e-mail address (the roster import requires one). */
  reaches(person: RosterEntry): boolean {
    return person.email !== '';
  }

  send(notification: Notification): Promise<string> {
    const { message } = notification;
    const email: OutgoingEmail = {
      from: this.from,
      to: notification.to.map(mailbox),
      ...(notification.cc ? { cc: notification.cc.map(mailbox) } : {}),
      ...this.content(message),
      ...('attachment' in message ? { attachments: [message.attachment] } : {}),
      headers: { 'X-Lapor-Paman-Ledger': notification.trace },
    };
    return this.mailer.send(email);
  }

  private content(message: Message): EmailContent {
    switch (message.kind) {
      case 'regency-digest':
        return this.deadline(message.kind).regencyDigest(message.view);
      case 'escalation-notice':
        return this.deadline(message.kind).escalationNotice(message.view);
      case 'province-digest':
        return this.deadline(message.kind).provinceDigest(message.view);
      case 'handover-digest':
        return this.deadline(message.kind).handoverDigest(message.view);
      case 'handover-notice':
        return this.deadline(message.kind).handoverNotice(message.view);
      case 'regency-report':
        return this.semester(message.kind).regencyLetter(message.view);
      case 'province-report':
        return this.semester(message.kind).provinceLetter(message.view);
    }
  }

  private deadline(kind: string): DeadlineViews {
    if (!this.wording.deadline)
      throw new Error(`the e-mail channel was composed without the words of ${kind}`);
    return this.wording.deadline;
  }

  private semester(kind: string): NonNullable<EmailWording['semester']> {
    if (!this.wording.semester)
      throw new Error(`the e-mail channel was composed without the words of ${kind}`);
    return this.wording.semester;
  }
}
