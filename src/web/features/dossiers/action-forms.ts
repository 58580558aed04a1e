/**
 * The fields of each dossier action, their checks (the server's rules, in Vietnamese, before sending)
 * and the body posted to /dossiers/{id}/actions, always with `expectedSeq`.
 */
import type { Channel } from '../../../domain/catalogue/procedure.js';
import type { ActionType } from '../../../domain/dossier/dossier.js';
import { transferTargets } from '../../../domain/dossier/workflow-graph.js';
import type { ActionBody, Dossier } from './api/dossiers-api.js';
import { formatDeadline } from './dossier-format.js';
import { vietnamFields, vietnamLocalInput } from '../../../domain/calendar/vietnam-time.js';

export type ActionField = 'reason' | 'items' | 'toStep' | 'toOfficialId' | 'note' | 'amount' | 'method' | 'newAppointmentAt' | 'acknowledgeLate';

const FIELDS = {
  accept: [],
  refuse: ['reason'],
  requestSupplementAtReception: ['reason', 'items'],
  resubmit: [],
  claim: [],
  transfer: ['toStep', 'toOfficialId', 'note'],
  requestSupplement: ['reason', 'items', 'acknowledgeLate'],
  receiveSupplement: [],
  requestFee: ['amount', 'note'],
  payFee: [],
  approve: ['note'],
  reject: ['reason'],
  issueResult: [],
  returnResult: ['method'],
  withdraw: ['reason'],
  stop: ['reason'],
  apologize: ['reason', 'newAppointmentAt'],
  recomputeDue: ['reason'],
} as const satisfies Record<ActionType, readonly ActionField[]>;

/** Not offered in the back office yet (the result file upload comes later). */
export const HIDDEN_ACTIONS: ReadonlySet<ActionType> = new Set(['issueResult']);

/** Ends the dossier or refuses it: shown apart, in red. */
export const DESTRUCTIVE_ACTIONS: ReadonlySet<ActionType> = new Set(['refuse', 'reject', 'withdraw', 'stop']);

/** The next move of the workflow: the filled buttons. */
export const PRIMARY_ACTIONS: ReadonlySet<ActionType> = new Set([
  'accept',
  'claim',
  'transfer',
  'approve',
  'receiveSupplement',
  'returnResult',
  'resubmit',
  'payFee',
]);

export function actionFields(type: ActionType): readonly ActionField[] {
  return FIELDS[type];
}

/** An action without fields runs on a click; the others open a small form. */
export function needsForm(type: ActionType): boolean {
  return FIELDS[type].length > 0;
}

export interface ActionFormValues {
  reason: string;
  /** One document per line. */
  items: string;
  /** The template step index, as the radio value. */
  toStep: string;
  /** The official named to receive the dossier; '' leaves it to the step unit's queue. */
  toOfficialId: string;
  /** The official knows a second supplement request makes the dossier late. */
  acknowledgeLate: boolean;
  note: string;
  /** In đồng, digits only (spaces and dots as thousands separators are accepted). */
  amount: string;
  method: Channel | '';
  /** datetime-local input value, Vietnam time: "2026-11-25T10:00". */
  newAppointmentAt: string;
}

export function emptyActionValues(defaults: Partial<ActionFormValues> = {}): ActionFormValues {
  return { reason: '', items: '', toStep: '', toOfficialId: '', acknowledgeLate: false, note: '', amount: '', method: '', newAppointmentAt: '', ...defaults };
}

export interface ActionContext {
  expectedSeq: number;
  /** The current step (a transfer must go elsewhere). */
  currentStepIndex: number | null;
  stepCount: number;
  /** The steps a transfer may go to (the domain's workflow graph); when given, the only ones accepted. */
  transferTargets?: readonly number[];
  /** The dossier already had a supplement request during processing: another must be acknowledged as late. */
  secondSupplement?: boolean;
  /** The appointment an apology must move later (ISO). */
  appointmentAt: string | null;
}

/** Shown before an official sends a second supplement request (REFERENCE §2.6: once only). */
export const SECOND_SUPPLEMENT_WARNING =
  'Yêu cầu bổ sung lần thứ hai: hồ sơ sẽ bị tính là quá hạn, vì theo quy định chỉ được yêu cầu bổ sung một lần trong quá trình giải quyết. Chỉ gửi khi đơn vị cho phép và thật sự cần thiết.';

/** The steps the dossier may be handed over to now: the same function the server's decide() uses. */
export function dossierTransferTargets(dossier: Pick<Dossier, 'template' | 'currentStep'>): number[] {
  return transferTargets({ steps: dossier.template }, { stepIndex: dossier.currentStep?.index ?? null });
}

/** Whether a supplement request now would be the second during processing. */
export function isSecondSupplement(dossier: Pick<Dossier, 'history'>): boolean {
  return dossier.history.some((h) => h.type === 'requestSupplement');
}

export type ActionErrors = Partial<Record<ActionField, string>>;

export type ActionFormResult = { ok: true; body: ActionBody } | { ok: false; errors: ActionErrors };

export const REASON_MAX = 2000;
export const ITEM_MAX = 500;
export const ITEMS_MAX = 50;
export const AMOUNT_MAX = 10_000_000_000;

/** The documents to supply, one a line, blank lines dropped. */
export function parseItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** "2026-11-25T10:00" (Vietnam time) → "2026-11-25T10:00:00+07:00"; null when unreadable. */
export function localInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:00+07:00`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Reject 31/02 and the like, which Date would roll over.
  const check = vietnamFields(date);
  if (check.day !== Number(d) || check.month !== Number(mo)) return null;
  return iso;
}

/** An ISO instant → the datetime-local value in Vietnam time ("2026-11-25T10:00"). */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return vietnamLocalInput(date);
}

/** "1.500.000" or "1 500 000" → 1500000; null when not a whole number of đồng. */
export function parseAmount(text: string): number | null {
  const digits = text.replace(/[\s.,]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const amount = Number(digits);
  return Number.isSafeInteger(amount) ? amount : null;
}

function reasonError(reason: string, what = 'lý do'): string | undefined {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return `Nhập ${what}.`;
  if (trimmed.length > REASON_MAX) return `Không quá ${REASON_MAX.toLocaleString('vi-VN')} ký tự.`;
  return undefined;
}

function noteValue(note: string): string | null {
  const trimmed = note.trim();
  return trimmed.length === 0 ? null : trimmed;
}

/** Check the form of `type` and build its body; every problem is returned at once, by field. */
export function buildActionBody(type: ActionType, values: ActionFormValues, context: ActionContext): ActionFormResult {
  const errors: ActionErrors = {};
  const fields: Record<string, unknown> = {};
  for (const field of FIELDS[type] as readonly ActionField[]) {
    switch (field) {
      case 'reason': {
        const error = reasonError(values.reason);
        if (error) errors.reason = error;
        else fields.reason = values.reason.trim();
        break;
      }
      case 'items': {
        const items = parseItems(values.items);
        if (items.length === 0) errors.items = 'Liệt kê ít nhất một giấy tờ cần bổ sung.';
        else if (items.length > ITEMS_MAX) errors.items = `Không quá ${ITEMS_MAX} giấy tờ.`;
        else if (items.some((item) => item.length > ITEM_MAX)) errors.items = `Mỗi giấy tờ không quá ${ITEM_MAX} ký tự.`;
        else fields.items = items;
        break;
      }
      case 'toStep': {
        const index = values.toStep === '' ? Number.NaN : Number(values.toStep);
        if (!Number.isInteger(index) || index < 0 || index >= context.stepCount) errors.toStep = 'Chọn bước chuyển hồ sơ đến.';
        else if (index === context.currentStepIndex) errors.toStep = 'Hồ sơ đang ở bước này; chọn bước khác.';
        else if (context.transferTargets && !context.transferTargets.includes(index)) errors.toStep = 'Chỉ chuyển được đến bước tiếp theo của quy trình.';
        else fields.toStep = index;
        break;
      }
      case 'toOfficialId': {
        if (values.toOfficialId !== '') fields.toOfficialId = values.toOfficialId;
        break;
      }
      case 'acknowledgeLate': {
        if (!context.secondSupplement) break;
        if (!values.acknowledgeLate) errors.acknowledgeLate = 'Xác nhận đã biết hồ sơ sẽ bị tính là quá hạn.';
        else fields.acknowledgeLate = true;
        break;
      }
      case 'note': {
        if (values.note.trim().length > REASON_MAX) errors.note = `Không quá ${REASON_MAX.toLocaleString('vi-VN')} ký tự.`;
        else fields.note = noteValue(values.note);
        break;
      }
      case 'amount': {
        const amount = parseAmount(values.amount);
        if (amount === null) errors.amount = 'Nhập số tiền bằng chữ số (đồng).';
        else if (amount > AMOUNT_MAX) errors.amount = 'Số tiền quá lớn.';
        else fields.amount = amount;
        break;
      }
      case 'method': {
        if (values.method === '') errors.method = 'Chọn hình thức trả kết quả.';
        else fields.method = values.method;
        break;
      }
      case 'newAppointmentAt': {
        const iso = localInputToIso(values.newAppointmentAt);
        if (iso === null) errors.newAppointmentAt = 'Nhập ngày và giờ hẹn trả mới.';
        else if (context.appointmentAt !== null && new Date(iso).getTime() <= new Date(context.appointmentAt).getTime()) {
          errors.newAppointmentAt = `Ngày hẹn mới phải sau ngày hẹn hiện tại (${formatDeadline(context.appointmentAt)}).`;
        } else fields.newAppointmentAt = iso;
        break;
      }
      default: {
        const never: never = field;
        throw new Error(`unknown field ${String(never)}`);
      }
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // The fields are those FIELDS lists for `type`, each checked above: the contract's body of that action.
  return { ok: true, body: { type, expectedSeq: context.expectedSeq, ...fields } as ActionBody };
}

/** The step a transfer proposes: the first step it may go to, if any. */
export function defaultTransferStep(targets: readonly number[]): string {
  return targets.length > 0 ? String(targets[0]) : '';
}

/** How a result is returned by default: the way the dossier came in. */
export function defaultReturnMethod(channel: string): Channel | '' {
  return channel === 'counter' || channel === 'online' || channel === 'postal' ? channel : '';
}
