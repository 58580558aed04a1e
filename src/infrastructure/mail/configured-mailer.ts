/** The one place that chooses how e-mail leaves: SMTP_URL, the demo mailbox, or (production without SMTP) nothing. */
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config/env.js';
import type { DB } from '../db/schema.js';
import type { Mailer } from './mailer.js';
import { createSmtpMailer } from './smtp-mailer.js';
import { createDemoMailbox } from './demo-mailbox.js';

type MailConfig = Pick<AppConfig, 'SMTP_URL' | 'MAIL_FROM' | 'demoMailbox' | 'publicUrl'>;

export function mailSender(config: MailConfig): string {
  return config.MAIL_FROM ?? `"Hệ thống một cửa" <khong-tra-loi@${new URL(config.publicUrl).hostname}>`;
}

/** null: production without SMTP_URL; messages stay queued until an SMTP server is configured. */
export function createConfiguredMailer(config: MailConfig, db: Kysely<DB>, clock: () => Date = () => new Date()): Mailer | null {
  if (config.SMTP_URL) return createSmtpMailer({ url: config.SMTP_URL, from: mailSender(config), messageIdDomain: new URL(config.publicUrl).hostname });
  return config.demoMailbox ? createDemoMailbox(db, { from: mailSender(config), clock }) : null;
}
