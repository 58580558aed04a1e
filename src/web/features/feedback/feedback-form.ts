/**
 * The feedback forms as data (issue 22): the citizen's form on the portal and the official's entry of a call, a letter,
 * an e-mail or a forwarded item. What is checked before sending (the server's own limits, in the same words), the
 * error summary's order and the fields' ids, the request bodies, and the server's problems put back on their fields.
 * Pure: no React, no network.
 */
import type { ApiProblem } from '../../shared/api.js';
import { formatNumber } from '../../shared/format.js';
import { localInputToIso } from '../dossiers/action-forms.js';
import type { EnterFeedbackBody, FeedbackAttachmentInput, Reporter, SubmitFeedbackBody } from './api/feedback-api.js';

export const TITLE_MIN = 5;
export const TITLE_MAX = 300;
export const CONTENT_MIN = 20;
export const CONTENT_MAX = 10_000;

/** How the reporter is known: their contact typed here, anonymous, or (a signed-in citizen) their account's. */
export type ReporterMode = 'contact' | 'anonymous' | 'account';

export interface FeedbackValues {
  title: string;
  content: string;
  unitCode: string | null;
  procedureCode: string;
  dossierCode: string;
  reporterMode: ReporterMode;
  name: string;
  email: string;
  phone: string;
  address: string;
  /** Consent to show the name with the published answer. */
  showName: boolean;
  /** The answer to the challenge (the form without an account). */
  challenge: string;
}

/** The channels an official enters (the portal's items come through the form). */
export type EntryChannel = EnterFeedbackBody['channel'];

export interface EntryValues extends FeedbackValues {
  channel: EntryChannel | '';
  forwardedFrom: string;
  /** datetime-local, Vietnam time; empty: now. */
  receivedAt: string;
}

export const EMPTY_FEEDBACK: FeedbackValues = {
  title: '',
  content: '',
  unitCode: null,
  procedureCode: '',
  dossierCode: '',
  reporterMode: 'contact',
  name: '',
  email: '',
  phone: '',
  address: '',
  showName: false,
  challenge: '',
};

export const EMPTY_ENTRY: EntryValues = { ...EMPTY_FEEDBACK, reporterMode: 'anonymous', channel: '', forwardedFrom: '', receivedAt: '' };

export type FeedbackField =
  | 'channel'
  | 'title'
  | 'content'
  | 'unitCode'
  | 'procedureCode'
  | 'dossierCode'
  | 'forwardedFrom'
  | 'receivedAt'
  | 'reporterMode'
  | 'name'
  | 'email'
  | 'phone'
  | 'address'
  | 'attachments'
  | 'challenge';

export type FieldErrors = Partial<Record<FeedbackField, string>>;

/** The inputs' ids, for labels and the error summary's links; in the order of the forms. */
export const FIELD_IDS: Record<FeedbackField, string> = {
  channel: 'pakn-kenh',
  receivedAt: 'pakn-thoi-diem-tiep-nhan',
  forwardedFrom: 'pakn-co-quan-chuyen',
  title: 'pakn-tieu-de',
  content: 'pakn-noi-dung',
  unitCode: 'pakn-don-vi',
  procedureCode: 'pakn-thu-tuc',
  dossierCode: 'pakn-ho-so',
  reporterMode: 'pakn-nguoi-phan-anh',
  name: 'pakn-ho-ten',
  email: 'pakn-thu-dien-tu',
  phone: 'pakn-dien-thoai',
  address: 'pakn-dia-chi',
  attachments: 'pakn-tep',
  challenge: 'pakn-cau-hoi',
};

const FIELD_ORDER = Object.keys(FIELD_IDS) as FeedbackField[];

/** The problems in the order of the form, for the error summary. */
export function errorList(errors: FieldErrors): { field: FeedbackField; id: string; message: string }[] {
  return FIELD_ORDER.flatMap((field) => {
    const message = errors[field];
    return message ? [{ field, id: FIELD_IDS[field], message }] : [];
  });
}

/** "125/10.000 ký tự", and what is missing or too much: the content's live counter. */
export function contentCounter(content: string): { text: string; ok: boolean } {
  const n = content.trim().length;
  const count = `${formatNumber(n)}/${formatNumber(CONTENT_MAX)} ký tự`;
  if (n < CONTENT_MIN) return { text: `${count} (cần ít nhất ${CONTENT_MIN} ký tự, còn thiếu ${CONTENT_MIN - n})`, ok: false };
  if (n > CONTENT_MAX) return { text: `${count} (vượt quá ${formatNumber(n - CONTENT_MAX)} ký tự)`, ok: false };
  return { text: count, ok: true };
}

const PHONE = /^\+?[0-9 .-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function textErrors(v: FeedbackValues): FieldErrors {
  const errors: FieldErrors = {};
  const title = v.title.trim();
  if (title.length < TITLE_MIN) errors.title = title === '' ? 'Nhập tiêu đề phản ánh.' : `Tiêu đề cần ít nhất ${TITLE_MIN} ký tự.`;
  else if (title.length > TITLE_MAX) errors.title = `Tiêu đề dài tối đa ${TITLE_MAX} ký tự.`;
  const content = v.content.trim();
  if (content.length < CONTENT_MIN) errors.content = content === '' ? 'Nhập nội dung phản ánh.' : `Nội dung cần ít nhất ${CONTENT_MIN} ký tự.`;
  else if (content.length > CONTENT_MAX) errors.content = `Nội dung dài tối đa ${formatNumber(CONTENT_MAX)} ký tự.`;
  if (v.procedureCode.trim().length > 40) errors.procedureCode = 'Mã thủ tục dài tối đa 40 ký tự.';
  if (v.dossierCode.trim().length > 60) errors.dossierCode = 'Mã hồ sơ dài tối đa 60 ký tự.';
  return errors;
}

function reporterErrors(v: FeedbackValues): FieldErrors {
  if (v.reporterMode !== 'contact') return {};
  const errors: FieldErrors = {};
  const name = v.name.trim();
  if (name.length < 2) errors.name = name === '' ? 'Nhập họ và tên, hoặc chọn gửi ẩn danh.' : 'Họ và tên cần ít nhất 2 ký tự.';
  else if (name.length > 200) errors.name = 'Họ và tên dài tối đa 200 ký tự.';
  if (v.email.trim() !== '' && (!EMAIL.test(v.email.trim()) || v.email.trim().length > 200)) errors.email = 'Địa chỉ thư điện tử không hợp lệ.';
  if (v.phone.trim() !== '' && !PHONE.test(v.phone.trim())) errors.phone = 'Số điện thoại không hợp lệ (8–20 chữ số).';
  if (v.address.trim().length > 500) errors.address = 'Địa chỉ dài tối đa 500 ký tự.';
  return errors;
}

/** The citizen's form before it is sent; `challenge`: whether the question must be answered (no account). */
export function validateFeedback(v: FeedbackValues, options: { challenge: boolean }): FieldErrors {
  const errors = { ...textErrors(v), ...reporterErrors(v) };
  if (options.challenge && !/^\d{1,3}$/.test(v.challenge.trim()))
    errors.challenge = v.challenge.trim() === '' ? 'Trả lời câu hỏi kiểm tra.' : 'Trả lời câu hỏi kiểm tra bằng số, ví dụ 12.';
  return errors;
}

/** The official's entry before it is sent; `now` bounds the first reception time. */
export function validateEntry(v: EntryValues, now: Date): FieldErrors {
  const errors = { ...textErrors(v), ...reporterErrors(v) };
  if (v.channel === '') errors.channel = 'Chọn kênh tiếp nhận.';
  if (!v.unitCode) errors.unitCode = 'Chọn đơn vị xử lý.';
  if (v.channel === 'forwarded') {
    if (v.forwardedFrom.trim() === '') errors.forwardedFrom = 'Nhập cơ quan chuyển đến.';
    if (v.receivedAt === '') errors.receivedAt = 'Nhập thời điểm cơ quan đầu tiên tiếp nhận.';
  }
  if (v.forwardedFrom.trim().length > 300) errors.forwardedFrom = 'Tên cơ quan dài tối đa 300 ký tự.';
  if (v.receivedAt !== '' && !errors.receivedAt) {
    const iso = localInputToIso(v.receivedAt);
    if (iso === null) errors.receivedAt = 'Thời điểm tiếp nhận không hợp lệ.';
    else if (Date.parse(iso) > now.getTime()) errors.receivedAt = 'Thời điểm tiếp nhận không được ở tương lai.';
  }
  return errors;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function reporterOf(v: FeedbackValues): Reporter | null {
  if (v.reporterMode !== 'contact') return null;
  return { name: v.name.trim(), email: orNull(v.email), phone: orNull(v.phone), address: orNull(v.address) };
}

/** The consent means nothing without a name to show. */
const showNameOf = (v: FeedbackValues) => v.showName && v.reporterMode !== 'anonymous';

/** The citizen's request: an anonymous one carries no contact and no consent; `challengeToken` null with an account. */
export function submitBody(v: FeedbackValues, attachments: FeedbackAttachmentInput[], challengeToken: string | null): SubmitFeedbackBody {
  return {
    title: v.title.trim(),
    content: v.content.trim(),
    unitCode: v.unitCode,
    procedureCode: orNull(v.procedureCode),
    dossierCode: orNull(v.dossierCode),
    reporter: reporterOf(v),
    showName: showNameOf(v),
    attachments,
    challenge: challengeToken === null ? null : { token: challengeToken, answer: v.challenge.trim() },
  };
}

/** The official's entry (checked by validateEntry first: a channel and a unit are chosen). */
export function entryBody(v: EntryValues, attachments: FeedbackAttachmentInput[]): EnterFeedbackBody {
  return {
    channel: v.channel === '' ? 'hotline' : v.channel,
    title: v.title.trim(),
    content: v.content.trim(),
    unitCode: v.unitCode ?? '',
    procedureCode: orNull(v.procedureCode),
    dossierCode: orNull(v.dossierCode),
    reporter: reporterOf(v),
    showName: showNameOf(v),
    forwardedFrom: v.channel === 'forwarded' ? orNull(v.forwardedFrom) : null,
    receivedAt: v.receivedAt === '' ? null : localInputToIso(v.receivedAt),
    attachments,
  };
}

const PATH_FIELDS: Record<string, FeedbackField> = {
  channel: 'channel',
  title: 'title',
  content: 'content',
  unitCode: 'unitCode',
  procedureCode: 'procedureCode',
  dossierCode: 'dossierCode',
  forwardedFrom: 'forwardedFrom',
  receivedAt: 'receivedAt',
  reporter: 'reporterMode',
  'reporter.name': 'name',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
  'reporter.address': 'address',
  attachments: 'attachments',
  challenge: 'challenge',
};

/**
 * The server's problems (`body.reporter.phone`, `body.attachments.1`) on the form's fields; those of no field
 * (or of a field the form does not have) are left for the general message.
 */
export function serverFieldErrors(problems: readonly ApiProblem[]): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const p of problems) {
    const path = p.path.replace(/^body\.?/, '');
    const key = PATH_FIELDS[path] ?? PATH_FIELDS[path.split('.').slice(0, 2).join('.')] ?? PATH_FIELDS[path.split('.')[0] ?? ''];
    if (key && !fields[key]) fields[key] = p.message;
    else if (!key) other.push(p.message);
  }
  return { fields, other };
}
