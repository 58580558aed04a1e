/**
 * Telling the reporter (issue 22 §3): when their item is answered and published, refused, returned, handed over to
 * another agency or needs a supplement, a message to the e-mail address they gave goes into the notification outbox in
 * the transaction of the action (sent by the outbox worker, none lost, none twice, in order per item). No address, no
 * message; the address is read from the sealed contact data and never logged.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { PUBLIC_URL_TOKEN } from '../../infrastructure/mail/mailer.js';
import type { FeedbackEventType } from '../../domain/feedback/feedback.js';
import { openOrNull } from '../personal-data.js';
import type { FeedbackDeps } from './feedback-store.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** What the reporter is told of each action (the others are the officials' own business). */
const NOTICES: Partial<Record<FeedbackEventType, { subject: string; lines: (note: string | null) => string[]; link: 'answer' | 'track' }>> = {
  publish: { subject: 'đã được trả lời', lines: () => ['Câu trả lời đã được công khai trên Cổng dịch vụ công.'], link: 'answer' },
  requestSupplement: {
    subject: 'cần bổ sung thông tin',
    lines: (note) => ['Cơ quan giải quyết đề nghị Ông/Bà bổ sung thông tin:', note ?? '', 'Việc xử lý tạm dừng cho đến khi nhận được thông tin bổ sung.'],
    link: 'track',
  },
  refuse: { subject: 'bị từ chối tiếp nhận', lines: (note) => [`Lý do: ${note ?? ''}`], link: 'track' },
  returnToSender: { subject: 'được trả lại', lines: (note) => [`Lý do: ${note ?? ''}`], link: 'track' },
  transferOut: { subject: 'được chuyển đến cơ quan khác', lines: (note) => [`Chuyển đến: ${note ?? ''}`], link: 'track' },
};

/** Queue the reporter's message about an action, if the action is one they are told of and they gave an address. */
export async function noticeToReporter(
  trx: Transaction<DB>,
  deps: Pick<FeedbackDeps, 'personalData'>,
  item: { id: string; code: string },
  type: FeedbackEventType,
  note: string | null,
  now: Date,
): Promise<boolean> {
  const notice = NOTICES[type];
  if (!notice) return false;
  const row = await trx.selectFrom('feedback_items').select(['reporter_sealed', 'title']).where('id', '=', item.id).executeTakeFirstOrThrow();
  const contact = openOrNull(deps.personalData, row.reporter_sealed);
  const email = contact ? (JSON.parse(contact) as { email?: string | null }).email : null;
  if (!email || !EMAIL.test(email)) return false;
  const link =
    notice.link === 'answer'
      ? `Xem câu trả lời: ${PUBLIC_URL_TOKEN}/phan-anh-kien-nghi/${item.code}`
      : `Theo dõi phản ánh (cần mã tra cứu đã nhận khi gửi): ${PUBLIC_URL_TOKEN}/phan-anh-kien-nghi/tra-cuu?ma=${item.code}`;
  const body = [
    `Phản ánh, kiến nghị ${item.code} «${row.title}» của Ông/Bà ${notice.subject}.`,
    ...notice.lines(note),
    '',
    link,
    '',
    'Đây là thư tự động của hệ thống tiếp nhận phản ánh, kiến nghị; vui lòng không trả lời thư này.',
  ].join('\n');
  await trx
    .insertInto('notification_outbox')
    .values({
      feedback_id: item.id,
      event: `feedback.${type}`,
      recipient: email,
      subject: `Phản ánh, kiến nghị ${item.code} ${notice.subject}`,
      body,
      next_attempt_at: now,
      created_at: now,
    })
    .execute();
  return true;
}
