/**
 * The officials' actions on an item (issue 22) as data: which fields each asks for, what is checked before sending,
 * and the command sent with the version the official saw. The buttons are the actions the server offers
 * (availableActions); nothing here decides what is allowed. Pure: no React, no network.
 */
import { FEEDBACK_KINDS, KIND_LABELS, type FeedbackKind } from '../../../domain/feedback/feedback.js';
import type { FeedbackCommand, FeedbackCommandType } from './api/feedback-api.js';
import { ACTION_LABELS, isCommandType } from './feedback-view.js';

export type ActionField = 'kind' | 'procedureCode' | 'fieldCode' | 'toUnitCode' | 'to' | 'reason' | 'answer';

export interface ActionValues {
  kind: FeedbackKind | '';
  procedureCode: string;
  fieldCode: string | null;
  toUnitCode: string | null;
  to: string;
  reason: string;
  answer: string;
}

export type ActionErrors = Partial<Record<ActionField, string>>;

export const EMPTY_ACTION: ActionValues = { kind: '', procedureCode: '', fieldCode: null, toUnitCode: null, to: '', reason: '', answer: '' };

export const KIND_OPTIONS = FEEDBACK_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));

/** The fields of each action's form; none: the button acts at once. */
export const ACTION_FIELDS: Record<FeedbackCommandType, readonly ActionField[]> = {
  classify: ['kind', 'procedureCode', 'fieldCode'],
  accept: [],
  transfer: ['toUnitCode', 'reason'],
  transferOut: ['to', 'reason'],
  returnToSender: ['reason'],
  refuse: ['reason'],
  requestSupplement: ['reason'],
  draftAnswer: ['answer'],
  rejectDraft: ['reason'],
  approveAnswer: [],
  publish: [],
};

/** What the reason is called in each action's form. */
export const REASON_LABELS: Partial<Record<FeedbackCommandType, string>> = {
  transfer: 'Lý do chuyển',
  transferOut: 'Lý do chuyển',
  returnToSender: 'Lý do trả lại',
  refuse: 'Lý do từ chối tiếp nhận',
  requestSupplement: 'Nội dung cần người phản ánh bổ sung',
  rejectDraft: 'Lý do trả lại dự thảo',
};

/** Actions that close the item for the unit or turn it away: shown in red. */
export const ENDING_ACTIONS: ReadonlySet<FeedbackCommandType> = new Set(['refuse', 'returnToSender', 'transferOut', 'rejectDraft']);

/** The server's offer, as buttons: known actions only, in the server's order. */
export function offeredActions(available: readonly string[]): { type: FeedbackCommandType; label: string; needsForm: boolean }[] {
  return available.filter(isCommandType).map((type) => ({ type, label: ACTION_LABELS[type], needsForm: ACTION_FIELDS[type].length > 0 }));
}

/** The form's first values: the draft answer to edit again, the kind already chosen. */
export function initialActionValues(
  type: FeedbackCommandType,
  item: { answerDraft: string | null; kind: FeedbackKind | null; procedureCode: string | null },
): ActionValues {
  if (type === 'draftAnswer') return { ...EMPTY_ACTION, answer: item.answerDraft ?? '' };
  if (type === 'classify') return { ...EMPTY_ACTION, kind: item.kind ?? '', procedureCode: item.procedureCode ?? '' };
  return EMPTY_ACTION;
}

const ANSWER_MIN = 20;
const REASON_MIN = 3;

export function validateAction(type: FeedbackCommandType, v: ActionValues): ActionErrors {
  const errors: ActionErrors = {};
  const fields = ACTION_FIELDS[type];
  if (fields.includes('kind') && v.kind === '') errors.kind = 'Chọn loại phản ánh.';
  if (fields.includes('procedureCode') && v.procedureCode.trim().length > 40) errors.procedureCode = 'Mã thủ tục dài tối đa 40 ký tự.';
  if (fields.includes('toUnitCode') && !v.toUnitCode) errors.toUnitCode = 'Chọn đơn vị nhận.';
  if (fields.includes('to') && v.to.trim().length < 2) errors.to = 'Nhập tên cơ quan nhận.';
  if (fields.includes('reason')) {
    const reason = v.reason.trim();
    if (reason.length < REASON_MIN) errors.reason = reason === '' ? 'Nhập lý do.' : `Lý do cần ít nhất ${REASON_MIN} ký tự.`;
    else if (reason.length > 2000) errors.reason = 'Lý do dài tối đa 2.000 ký tự.';
  }
  if (fields.includes('answer')) {
    const answer = v.answer.trim();
    if (answer.length < ANSWER_MIN) errors.answer = answer === '' ? 'Nhập nội dung trả lời.' : `Trả lời cần ít nhất ${ANSWER_MIN} ký tự.`;
    else if (answer.length > 20_000) errors.answer = 'Trả lời dài tối đa 20.000 ký tự.';
  }
  return errors;
}

const orNull = (text: string | null): string | null => (text === null || text.trim() === '' ? null : text.trim());

/** The command of an action against version `expectedSeq`, or the problems of its form. */
export function buildCommand(
  type: FeedbackCommandType,
  v: ActionValues,
  expectedSeq: number,
): { ok: true; command: FeedbackCommand } | { ok: false; errors: ActionErrors } {
  const errors = validateAction(type, v);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const reason = v.reason.trim();
  switch (type) {
    case 'classify':
      return {
        ok: true,
        command: { type, expectedSeq, kind: v.kind === '' ? 'regulation' : v.kind, procedureCode: orNull(v.procedureCode), fieldCode: orNull(v.fieldCode) },
      };
    case 'transfer':
      return { ok: true, command: { type, expectedSeq, toUnitCode: v.toUnitCode ?? '', reason } };
    case 'transferOut':
      return { ok: true, command: { type, expectedSeq, to: v.to.trim(), reason } };
    case 'returnToSender':
    case 'refuse':
    case 'requestSupplement':
    case 'rejectDraft':
      return { ok: true, command: { type, expectedSeq, reason } };
    case 'draftAnswer':
      return { ok: true, command: { type, expectedSeq, answer: v.answer.trim() } };
    case 'accept':
    case 'approveAnswer':
    case 'publish':
      return { ok: true, command: { type, expectedSeq } };
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** The server's problems (`body.reason`, `body.toUnitCode`) on the action form's fields; the rest as text. */
export function actionFieldErrors(problems: readonly { path: string; message: string }[]): { fields: ActionErrors; other: string[] } {
  const fields: ActionErrors = {};
  const other: string[] = [];
  for (const p of problems) {
    const key = p.path.replace(/^body\.?/, '');
    if ((['kind', 'procedureCode', 'fieldCode', 'toUnitCode', 'to', 'reason', 'answer'] as const).some((f) => f === key))
      fields[key as ActionField] = p.message;
    else other.push(p.message);
  }
  return { fields, other };
}
