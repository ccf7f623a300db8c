import type { RosterEntry } from '../domain/roster';
import type { ProvinceSemester, RankedMetrics } from '../domain/semester-metrics';
import type {
  EscalationNoticeInput,
  HandoverDigestInput,
  HandoverNoticeInput,
  ProvinceDigestInput,
  RegencyDigestInput,
} from './deadline-views';

/**
 * Port: a channel that tells people what the pipeline found (docs/architecture: notification
 * channels). A use case says who (people from the roster) and what (a message's view model); the
 * channel words it and delivers it. E-mail is the one channel built (functions/adapters/email-channel.ts);
 * a second one (a chat message beside the e-mail) implements this interface and is added in the
 * composition (handlers/support/compose.ts), with no change to the use cases.
 */

/** A file a message carries (the semester report's PDF). */
export type Attachment = { filename: string; content: Buffer; contentType: string };

/** What to say: the view model of one message, by kind. Each channel words each kind its own way. */
export type Message =
  | { kind: 'regency-digest'; view: RegencyDigestInput }
  | { kind: 'escalation-notice'; view: EscalationNoticeInput }
  | { kind: 'province-digest'; view: ProvinceDigestInput }
  | { kind: 'handover-digest'; view: HandoverDigestInput }
  | { kind: 'handover-notice'; view: HandoverNoticeInput }
  | {
      kind: 'regency-report';
      view: { report: RankedMetrics; province: ProvinceSemester };
      attachment: Attachment;
    }
  | { kind: 'province-report'; view: { province: ProvinceSemester }; attachment: Attachment };

/** One message to people: `to` are addressed, `cc` get a copy (a channel without copies addresses both). */
export type Notification = {
  message: Message;
  to: readonly RosterEntry[];
  cc?: readonly RosterEntry[];
  /** The delivery's name in the ledger ("DIGEST#2026-03-02#6301"), to trace a message back to its entry. */
  trace: string;
};

export interface NotificationChannel {
  /**
   * The channel's name ("email"). Every ledger key of a message it sends carries it
   * (functions/domain/ledger-keys.ts), so each channel delivers each message exactly once on its own.
   */
  readonly name: string;
  /** Whether the roster gives a way to reach this person on the channel (an address, a handle). */
  reaches(person: RosterEntry): boolean;
  /** Delivers one message and returns the channel's message id; throws when the channel refused it. */
  send(notification: Notification): Promise<string>;
}
