/**
 * Notices to officials in the caller's transaction: one on each official's bell and, for those with an e-mail
 * address, a message in the notification outbox (sent by the outbox worker, none lost, none twice). `subject` names
 * what the notice is about, as the two tables hold it (a dossier, a feedback item, a reform task, an assessment).
 */
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../infrastructure/db/schema.js';

const MAILBOX = /^[^\s@]+@[^\s@]+$/;

export interface OfficialNotice {
  kind: Insertable<DB['official_notifications']>['kind'];
  /** The outbox's event name. */
  event: string;
  title: string;
  body: string;
  mailBody: string;
}

export async function notifyOfficials(
  trx: Transaction<DB>,
  officials: readonly { id: string; email: string | null }[],
  subject: Pick<Insertable<DB['official_notifications']>, 'dossier_id' | 'feedback_id' | 'reform_task_id' | 'par_round_id' | 'par_unit_code'>,
  notice: OfficialNotice,
  now: Date,
): Promise<{ notifications: number; emails: number }> {
  if (officials.length > 0)
    await trx
      .insertInto('official_notifications')
      .values(officials.map((o) => ({ ...subject, user_id: o.id, kind: notice.kind, title: notice.title, body: notice.body, created_at: now })))
      .execute();
  const mail = officials.filter((o) => o.email !== null && MAILBOX.test(o.email));
  const { par_unit_code: _unit, ...outboxSubject } = subject;
  if (mail.length > 0)
    await trx
      .insertInto('notification_outbox')
      .values(
        mail.map((o) => ({
          ...outboxSubject,
          event: notice.event,
          recipient: o.email!,
          subject: notice.title,
          body: notice.mailBody,
          next_attempt_at: now,
          created_at: now,
        })),
      )
      .execute();
  return { notifications: officials.length, emails: mail.length };
}
