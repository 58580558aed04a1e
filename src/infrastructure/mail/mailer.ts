/**
 * Sending e-mail: one interface, two transports chosen in one place (configured-mailer.ts): SMTP through
 * nodemailer, or — outside production when no SMTP server is configured — the demo mailbox, a table that
 * stores what would have been sent.
 */

/** Written into stored bodies where the server's public address goes; filled in when the message is sent. */
export const PUBLIC_URL_TOKEN = '{{PUBLIC_URL}}';

export interface MailMessage {
  /** The outbox row: gives the message a stable Message-ID, so that a retried message can be recognised. */
  outboxId: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'demo';
  /** Resolves once the message was handed over; rejects with a MailDeliveryError. */
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** A failed hand-over, described without the message's addresses or content (safe to store and log). */
export class MailDeliveryError extends Error {
  constructor(
    /** A short machine code: ECONNECTION, ETIMEDOUT, EENVELOPE 550, EAUTH 535… */
    readonly code: string,
    /** Retrying cannot help (the recipient's address was refused). */
    readonly permanent: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

const ADDRESS = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g;
const CREDENTIALS = /(smtps?:\/\/)[^@\s/]*@/gi;

/** Remove e-mail addresses and URL credentials from a text that will be stored or logged. */
export function scrubAddresses(text: string): string {
  return text.replace(CREDENTIALS, '$1***@').replace(ADDRESS, '<địa chỉ>');
}
