/**
 * The demo mailbox: outside production, when no SMTP server is configured, "sending" stores the message in
 * the demo_mailbox table, where GET /api/v1/demo/mailbox shows it. Storing twice (a retry after a crash)
 * keeps one copy.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { MailDeliveryError, type Mailer } from './mailer.js';

export function createDemoMailbox(db: Kysely<DB>, options: { from: string; clock: () => Date }): Mailer {
  return {
    kind: 'demo',
    async send(message) {
      try {
        await db
          .insertInto('demo_mailbox')
          .values({
            outbox_id: message.outboxId,
            sender: options.from,
            recipient: message.to,
            subject: message.subject,
            body: message.text,
            delivered_at: options.clock(),
          })
          .onConflict((oc) => oc.column('outbox_id').doNothing())
          .execute();
      } catch (error) {
        throw new MailDeliveryError('DEMO_MAILBOX', false, `Không lưu được vào hộp thư thử nghiệm: ${(error as Error).name}`);
      }
    },
    async close() {},
  };
}
