/**
 * The invitation to answer the survey, by e-mail through the notification outbox (sent by the worker in
 * infrastructure/mail/outbox-worker.ts, after the dossier's earlier messages). The address is the applicant's, read
 * from the dossier as the dossier's own messages read it (notifications.ts CONTACT_COLUMNS) and never logged or shown;
 * without a valid one nothing is written. The message holds the dossier's code and procedure, never the applicant's ID
 * number; the link carries the token, the page's only credential.
 */
import type { Insertable } from 'kysely';
import type { NotificationOutboxTable } from '../../infrastructure/db/schema.js';
import { PUBLIC_URL_TOKEN } from '../../infrastructure/mail/mailer.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** "30/12/2026" from "2026-12-30". */
export const dayText = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export interface InvitationMail {
  dossierId: string;
  code: string;
  email: string | null;
  procedureName: string | null;
  token: string;
  answerBy: string;
  at: Date;
}

/** The outbox row of an invitation, or null when the applicant gave no valid address. */
export function invitationMessage(mail: InvitationMail): Insertable<NotificationOutboxTable> | null {
  const email = mail.email?.trim();
  if (!email || !EMAIL.test(email)) return null;
  const body = [
    'Kính gửi Quý ông/bà,',
    '',
    `Hồ sơ ${mail.code}${mail.procedureName ? ` (thủ tục: ${mail.procedureName})` : ''} của Quý ông/bà đã được trả kết quả.`,
    'Để nâng cao chất lượng phục vụ, cơ quan hành chính trân trọng mời Quý ông/bà cho biết mức độ hài lòng qua phiếu khảo sát',
    '(5 câu hỏi, khoảng 2 phút):',
    `${PUBLIC_URL_TOKEN}/khao-sat/${mail.token}`,
    '',
    `Phiếu nhận ý kiến đến hết ngày ${dayText(mail.answerBy)}. Đường dẫn chỉ dùng được một lần; ý kiến được tổng hợp chung, không gắn với tên người trả lời.`,
    '',
    'Đây là thư tự động của hệ thống giải quyết thủ tục hành chính; vui lòng không trả lời thư này.',
  ].join('\n');
  return {
    dossier_id: mail.dossierId,
    event: 'survey.invitation',
    recipient: email,
    subject: `Khảo sát mức độ hài lòng: hồ sơ ${mail.code}`,
    body,
    created_at: mail.at,
    next_attempt_at: mail.at,
  };
}
