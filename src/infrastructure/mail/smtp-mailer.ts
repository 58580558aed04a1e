/** The SMTP transport (nodemailer): a small connection pool, bounded timeouts, permanent vs temporary errors. */
import nodemailer from 'nodemailer';
import { MailDeliveryError, scrubAddresses, type Mailer } from './mailer.js';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 or smtps://…; query parameters set further nodemailer options. */
  url: string;
  /** The From header. */
  from: string;
  /** Domain of the Message-IDs (the public host). */
  messageIdDomain: string;
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** SMTP commands whose 5xx reply refuses this recipient or message for good (not the server or our login). */
const PERMANENT_COMMANDS = new Set(['RCPT TO', 'DATA']);

function toDeliveryError(error: unknown): MailDeliveryError {
  if (!(error instanceof Error)) return new MailDeliveryError('UNKNOWN', false, 'Lỗi không xác định');
  const e = error as Error & { code?: unknown; responseCode?: unknown; command?: unknown };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command : null;
  const code = [typeof e.code === 'string' ? e.code : e.name, responseCode].filter((x) => x !== null).join(' ');
  const permanent = responseCode !== null && responseCode >= 500 && command !== null && PERMANENT_COMMANDS.has(command);
  return new MailDeliveryError(code, permanent, scrubAddresses(`${code}: ${e.message}`).slice(0, 300));
}

export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: 3,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.connectionTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: 'smtp',
    async send(message) {
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId: `<thong-bao-${message.outboxId}@${options.messageIdDomain}>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}
