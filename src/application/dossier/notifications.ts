/**
 * Telling applicants what happens to their dossier. Each recorded action that matters to them (a status
 * change; the appointment on acceptance; a supplement request with its reason and items; an apology with
 * the new date; the result) becomes one plain Vietnamese e-mail, written to notification_outbox in the
 * transaction of the action itself: a rolled-back action leaves no message, a committed one always has its
 * message (sent later by the worker in infrastructure/mail/outbox-worker.ts).
 *
 * The address is the dossier's `applicant.email`. Without one nothing is written: there is no one to
 * write to, and the applicant learns the same from the counter and the public status page. Messages carry
 * the dossier code and the public status link, never the personal ID (CCCD), which is also masked should an
 * official have typed it into a reason.
 */
import { sql, type Insertable, type Transaction } from 'kysely';
import type { DB, NotificationOutboxTable } from '../../infrastructure/db/schema.js';
import { PUBLIC_URL_TOKEN } from '../../infrastructure/mail/mailer.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { Channel } from '../../domain/catalogue/procedure.js';
import { STATUS_LABELS, type RecordedAction } from '../../domain/dossier/dossier.js';
import type { DossierState } from '../../domain/dossier/fold.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import { toDate, toLocal } from './dossier-store.js';
import { openOrNull, type PersonalDataCipher } from '../personal-data.js';

export const NOTIFICATION_EVENTS = [
  'submitted',
  'accepted',
  'refused',
  'supplementRequested',
  'resubmitted',
  'processing',
  'supplementReceived',
  'feeRequested',
  'feePaid',
  'result',
  'resultIssued',
  'returned',
  'withdrawn',
  'stopped',
  'apology',
  'appointmentChanged',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export interface DossierNotificationInput {
  dossierId: string;
  code: string;
  channel: Channel;
  /** The state before the action; null when the dossier is being created. */
  before: DossierState | null;
  after: DossierState;
  /** The action just recorded; null for an online submission (no action yet). */
  action: RecordedAction | null;
  at: Date;
}

export interface ComposedMessage {
  event: NotificationEvent;
  subject: string;
  body: string;
}

/** "09:15 ngày 24/11/2026", Vietnam time, from local minutes. */
export function formatLocal(local: number): string {
  const iso = vietnamIso(toDate(local)!);
  return `${iso.slice(11, 16)} ngày ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const money = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;
const appointment = (state: DossierState) => (state.appointmentAt === null ? [] : [`Ngày hẹn trả kết quả: ${formatLocal(state.appointmentAt)}.`]);
const reasonLine = (reason: string) => `Lý do: ${reason}`;
const itemLines = (items: readonly string[]) => (items.length === 0 ? [] : ['Giấy tờ cần bổ sung:', ...items.map((i) => `  - ${i}`)]);

/** What to tell, if anything, for one action: the event, a headline for the subject, and the body's lines. */
function whatToTell(
  input: Omit<DossierNotificationInput, 'dossierId' | 'at'> & { at: number },
): { event: NotificationEvent; headline: string; lines: string[] } | null {
  const { action, after, before } = input;
  const the = `Hồ sơ ${input.code}`;
  const hs = `hồ sơ ${input.code}`;
  if (action === null) {
    return {
      event: 'submitted',
      headline: STATUS_LABELS.submitted,
      lines: [`${the} đã được gửi lúc ${formatLocal(input.at)} và đang chờ cán bộ một cửa tiếp nhận.`],
    };
  }
  const at = formatLocal(action.at);
  switch (action.type) {
    case 'accept':
      return { event: 'accepted', headline: 'Đã tiếp nhận, hẹn trả kết quả', lines: [`${the} đã được tiếp nhận lúc ${at}.`, ...appointment(after)] };
    case 'refuse':
      return { event: 'refused', headline: STATUS_LABELS.refused, lines: [`${the} không được tiếp nhận.`, reasonLine(action.reason)] };
    case 'requestSupplementAtReception':
      return {
        event: 'supplementRequested',
        headline: 'Cần bổ sung giấy tờ trước khi tiếp nhận',
        lines: [`${the} cần được bổ sung trước khi tiếp nhận.`, reasonLine(action.reason), ...itemLines(action.items)],
      };
    case 'requestSupplement':
      return {
        event: 'supplementRequested',
        headline: 'Yêu cầu bổ sung hồ sơ',
        lines: [
          `Cơ quan giải quyết đề nghị bổ sung ${hs}.`,
          reasonLine(action.reason),
          ...itemLines(action.items),
          'Thời hạn giải quyết tạm dừng cho đến khi nhận đủ hồ sơ bổ sung.',
        ],
      };
    case 'resubmit':
      return { event: 'resubmitted', headline: 'Đã nộp lại hồ sơ bổ sung', lines: [`${the} đã được nộp lại sau khi bổ sung và đang chờ tiếp nhận.`] };
    case 'claim':
      return null;
    case 'transfer':
      return before !== null && before.status !== after.status
        ? {
            event: 'processing',
            headline: STATUS_LABELS[after.status],
            lines: [`${the} đã được chuyển đến bộ phận chuyên môn để xử lý.`, ...appointment(after)],
          }
        : null;
    case 'receiveSupplement':
      return {
        event: 'supplementReceived',
        headline: 'Đã nhận hồ sơ bổ sung',
        lines: [`Đã nhận hồ sơ bổ sung lúc ${at}; ${hs} tiếp tục được xử lý.`, ...appointment(after)],
      };
    case 'requestFee':
      return {
        event: 'feeRequested',
        headline: STATUS_LABELS.feeRequested,
        lines: [`Đề nghị thực hiện nghĩa vụ tài chính cho ${hs}: ${money(action.amount)}.`, ...(action.note ? [`Ghi chú: ${action.note}`] : [])],
      };
    case 'payFee':
      return { event: 'feePaid', headline: 'Đã xác nhận nộp phí, lệ phí', lines: [`Đã xác nhận nộp phí, lệ phí; ${hs} tiếp tục được xử lý.`] };
    case 'approve':
      return {
        event: 'result',
        headline: 'Đã có kết quả',
        lines: [`${the} đã có kết quả giải quyết.`, 'Mời Quý ông/bà nhận kết quả theo hình thức đã đăng ký khi nộp hồ sơ.'],
      };
    case 'reject':
      return {
        event: 'result',
        headline: 'Không được giải quyết',
        lines: [`${the} không được giải quyết.`, reasonLine(action.reason), 'Mời Quý ông/bà nhận văn bản trả lời theo hình thức đã đăng ký khi nộp hồ sơ.'],
      };
    case 'issueResult':
      return { event: 'resultIssued', headline: 'Đã có kết quả điện tử', lines: [`Kết quả điện tử của ${hs} đã sẵn sàng.`] };
    case 'returnResult':
      return {
        event: 'returned',
        headline: STATUS_LABELS.returned,
        lines: [
          `Kết quả của ${hs} đã được trả lúc ${at}.`,
          input.channel === 'online'
            ? 'Mời Quý ông/bà đánh giá mức độ hài lòng trong mục "Hồ sơ của tôi" trên Cổng dịch vụ công.'
            : 'Quý ông/bà có thể đánh giá mức độ hài lòng tại bộ phận một cửa nơi nhận kết quả.',
        ],
      };
    case 'withdraw':
      return { event: 'withdrawn', headline: STATUS_LABELS.withdrawn, lines: [`${the} đã được rút.`, reasonLine(action.reason)] };
    case 'stop':
      return { event: 'stopped', headline: STATUS_LABELS.stopped, lines: [`Cơ quan giải quyết đã dừng xử lý ${hs}.`, reasonLine(action.reason)] };
    case 'apologize':
      return {
        event: 'apology',
        headline: 'Thư xin lỗi và hẹn lại ngày trả kết quả',
        lines: [
          `Cơ quan giải quyết xin lỗi Quý ông/bà vì ${hs} chưa được giải quyết đúng hẹn.`,
          reasonLine(action.reason),
          `Ngày hẹn trả kết quả mới: ${formatLocal(action.newAppointmentAt)}.`,
        ],
      };
    case 'recomputeDue':
      return before !== null && before.appointmentAt !== after.appointmentAt
        ? {
            event: 'appointmentChanged',
            headline: 'Điều chỉnh ngày hẹn trả kết quả',
            lines: [`Ngày hẹn trả kết quả của ${hs} được tính lại theo lịch làm việc mới.`, ...appointment(after)],
          }
        : null;
    default: {
      const never: never = action;
      throw new Error(`unknown action ${(never as { type: string }).type}`);
    }
  }
}

/** The message for one action (null: nothing to tell). The link base is PUBLIC_URL_TOKEN, filled in when sent. */
export function composeDossierMessage(input: Omit<DossierNotificationInput, 'dossierId'> & { procedureName: string | null }): ComposedMessage | null {
  const described = whatToTell({ ...input, at: toLocal(input.at) });
  if (!described) return null;
  const link = `${PUBLIC_URL_TOKEN}/tra-cuu-ho-so/${encodeURIComponent(input.code)}`;
  const body = [
    'Kính gửi Quý ông/bà,',
    '',
    ...(input.procedureName ? [`Thủ tục: ${input.procedureName}.`] : []),
    ...described.lines,
    '',
    `Tình trạng hiện tại: ${STATUS_LABELS[input.after.status]}.`,
    `Tra cứu tình trạng hồ sơ: ${link}`,
    '',
    'Đây là thư tự động của hệ thống giải quyết thủ tục hành chính; vui lòng không trả lời thư này.',
  ].join('\n');
  return { event: described.event, subject: `Hồ sơ ${input.code}: ${described.headline}`, body };
}

/** Mask the applicant's personal ID, and anything shaped like one (12 digits), in a message. */
export function maskPersonalIds(text: string, personalId: string | null): string {
  const exact = personalId && personalId.length >= 6 ? text.replaceAll(personalId, '***') : text;
  return exact.replace(/(?<!\d)\d{12}(?!\d)/g, '***');
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Whom a dossier's messages go to: the address the applicant gave, and the personal ID to mask. */
export interface DossierContact {
  email: string | null;
  personalId: string | null;
  procedureName: string | null;
}

/** Whether an action tells the applicant anything (most claims and transfers within processing do not). */
export const tellsApplicant = (input: DossierNotificationInput): boolean => whatToTell({ ...input, at: toLocal(input.at) }) !== null;

/** The outbox row for a recorded action, or null: nothing to tell, or no valid address. */
export function notificationRow(input: DossierNotificationInput, contact: DossierContact): Insertable<NotificationOutboxTable> | null {
  const email = contact.email?.trim();
  if (!email || !EMAIL.test(email)) return null;
  const message = composeDossierMessage({ ...input, procedureName: contact.procedureName });
  if (!message) return null;
  return {
    dossier_id: input.dossierId,
    event: message.event,
    recipient: email,
    subject: maskPersonalIds(message.subject, contact.personalId),
    body: maskPersonalIds(message.body, contact.personalId),
    created_at: input.at,
    next_attempt_at: input.at,
  };
}

/** The contact columns, for a query on `dossiers as d` joined with `procedure_versions as v` (the personal ID sealed). */
export const CONTACT_COLUMNS = [
  sql<string | null>`d.applicant->>'email'`.as('email'),
  sql<string | null>`d.applicant->>'personalId'`.as('personal_id'),
  sql<string | null>`v.name`.as('procedure_name'),
] as const;

/**
 * Write the applicant's message for a recorded action into the outbox, in the caller's transaction.
 * Returns the number of rows written (0: nothing to tell, or no address).
 */
export async function enqueueDossierNotifications(trx: Transaction<DB>, input: DossierNotificationInput, personalData: PersonalDataCipher): Promise<number> {
  // Decide first: most actions (claims, transfers within processing) tell nothing, and cost no query.
  if (!tellsApplicant(input)) return 0;
  const row = await trx
    .selectFrom('dossiers as d')
    .leftJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .select(CONTACT_COLUMNS)
    .where('d.id', '=', input.dossierId)
    .executeTakeFirst();
  const values = row
    ? notificationRow(input, { email: row.email, personalId: openOrNull(personalData, row.personal_id), procedureName: row.procedure_name })
    : null;
  if (!values) return 0;
  await trx.insertInto('notification_outbox').values(values).execute();
  return 1;
}

export interface DemoMailView {
  id: string;
  dossierCode: string;
  event: string;
  from: string;
  to: string;
  subject: string;
  body: string;
  deliveredAt: string;
}

/** The demo mailbox, newest first (administrators and monitors; served only when it is in use). */
export async function listDemoMailbox(deps: AppDeps, input: { limit: number; meta: RequestMeta }): Promise<Result<DemoMailView[]>> {
  const decision = authorize(input.meta.actor, 'audit.view');
  if (!decision.ok) return fail(decision.code);
  const rows = await deps.db
    .selectFrom('demo_mailbox as m')
    .innerJoin('notification_outbox as o', 'o.id', 'm.outbox_id')
    .innerJoin('dossiers as d', 'd.id', 'o.dossier_id')
    .select(['m.id', 'd.code', 'o.event', 'm.sender', 'm.recipient', 'm.subject', 'm.body', 'm.delivered_at'])
    .orderBy('m.id', 'desc')
    .limit(input.limit)
    .execute();
  return ok(
    rows.map((r) => ({
      id: r.id,
      dossierCode: r.code,
      event: r.event,
      from: r.sender,
      to: r.recipient,
      subject: r.subject,
      body: r.body,
      deliveredAt: vietnamIso(r.delivered_at),
    })),
  );
}
