/** Port: the e-mail channel. MIME encoding and the transport (SES) are the adapter's business. */

/** An e-mail as the use cases describe it. */
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
  /** The Date header; unset, the time of composing (a replay on an injected clock sets its own). */
  date?: Date;
}

/** Sends one e-mail and returns the transport's message id. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<string>;
}

/** An e-mail's words, as a view writes them: subject, plain text and HTML, and any attachment. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}
