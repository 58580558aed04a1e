/**
 * A dossier's vocabulary: its internal statuses (finer than, and mapped onto, the national portal's 10
 * codes), the actions that move it, and their Vietnamese names. The history of actions is the truth; the
 * status is derived from it (fold.ts) by the same function on the server and in the web app.
 */
import type { Channel } from '../catalogue/procedure.js';
import type { ExplanationStep } from '../calendar/working-time.js';

export const DOSSIER_STATUSES = [
  'submitted',
  'receptionSupplement',
  'refused',
  'accepted',
  'processing',
  'supplementRequested',
  'feeRequested',
  'resultReady',
  'returned',
  'withdrawn',
  'stopped',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** TrangThaiHoSo of the national portal (REFERENCE §2.2). */
export const NATIONAL_STATUS_CODE = {
  submitted: 1,
  receptionSupplement: 5,
  refused: 3,
  accepted: 2,
  processing: 4,
  supplementRequested: 5,
  feeRequested: 6,
  resultReady: 9,
  returned: 10,
  withdrawn: 8,
  stopped: 8,
} as const satisfies Record<DossierStatus, number>;

/**
 * A withdrawal passes through two national codes (REFERENCE §2.2, "any non-terminal state → 7 → 8"): the
 * applicant's request to withdraw (7, Công dân yêu cầu rút hồ sơ) and the end of processing it causes (8,
 * Dừng xử lý). motcua records both in one action, since the request stops the dossier at once: the
 * dossier ends at 8 with the internal status `withdrawn`, which statistics count apart from stops.
 */
export const WITHDRAWAL_REQUESTED_CODE = 7;

/** The national codes an action moves a dossier through, in order (the last is the dossier's code after it). */
export function nationalCodesPassed(type: ActionType, after: DossierStatus): number[] {
  return type === 'withdraw' && after === 'withdrawn' ? [WITHDRAWAL_REQUESTED_CODE, NATIONAL_STATUS_CODE.withdrawn] : [NATIONAL_STATUS_CODE[after]];
}

/** What a citizen reads. */
export const STATUS_LABELS = {
  submitted: 'Mới đăng ký, chờ tiếp nhận',
  receptionSupplement: 'Cần bổ sung giấy tờ trước khi tiếp nhận',
  refused: 'Không được tiếp nhận',
  accepted: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  supplementRequested: 'Yêu cầu bổ sung giấy tờ',
  feeRequested: 'Chờ thực hiện nghĩa vụ tài chính',
  resultReady: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng xử lý',
} as const satisfies Record<DossierStatus, string>;

export const TERMINAL_STATUSES: ReadonlySet<DossierStatus> = new Set(['refused', 'returned', 'withdrawn', 'stopped']);
/** The legal clock runs (or is paused) in these. */
export const OPEN_STATUSES: ReadonlySet<DossierStatus> = new Set(['accepted', 'processing', 'supplementRequested', 'feeRequested']);

export const CHANNEL_CODES = { counter: 1, online: 2, postal: 3 } as const satisfies Record<Channel, number>;

export const ACTION_TYPES = [
  'accept',
  'refuse',
  'requestSupplementAtReception',
  'resubmit',
  'claim',
  'transfer',
  'requestSupplement',
  'receiveSupplement',
  'requestFee',
  'payFee',
  'approve',
  'reject',
  'issueResult',
  'returnResult',
  'withdraw',
  'stop',
  'apologize',
  'recomputeDue',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const ACTION_LABELS = {
  accept: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  requestSupplementAtReception: 'Yêu cầu bổ sung trước khi tiếp nhận',
  resubmit: 'Nộp lại hồ sơ đã bổ sung',
  claim: 'Nhận xử lý',
  transfer: 'Chuyển bước',
  requestSupplement: 'Yêu cầu bổ sung hồ sơ',
  receiveSupplement: 'Nhận hồ sơ bổ sung',
  requestFee: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  payFee: 'Xác nhận đã nộp phí, lệ phí',
  approve: 'Phê duyệt',
  reject: 'Từ chối giải quyết',
  issueResult: 'Đính kèm kết quả điện tử',
  returnResult: 'Trả kết quả',
  withdraw: 'Rút hồ sơ',
  stop: 'Dừng xử lý',
  apologize: 'Xin lỗi và hẹn lại ngày trả',
  recomputeDue: 'Tính lại ngày hẹn theo lịch mới',
} as const satisfies Record<ActionType, string>;

/** What an official or applicant asks for, by type (validated by the server's schema first). */
export type Command =
  | { type: 'accept' }
  | { type: 'refuse'; reason: string }
  | { type: 'requestSupplementAtReception'; reason: string; items: string[] }
  | { type: 'resubmit' }
  | { type: 'claim' }
  /** `toOfficialId`: the official named to receive it at that step; absent or null leaves it to the unit's queue. */
  | { type: 'transfer'; toStep: number; note: string | null; toOfficialId?: string | null }
  /** `acknowledgeLate`: the official knows a second request makes the dossier late (where a unit allows one). */
  | { type: 'requestSupplement'; reason: string; items: string[]; acknowledgeLate?: boolean }
  | { type: 'receiveSupplement' }
  | { type: 'requestFee'; amount: number; note: string | null }
  | { type: 'payFee' }
  | { type: 'approve'; note: string | null }
  | { type: 'reject'; reason: string }
  | { type: 'issueResult'; fileSha256: string; fileName: string }
  | { type: 'returnResult'; method: Channel }
  | { type: 'withdraw'; reason: string }
  | { type: 'stop'; reason: string }
  | { type: 'apologize'; reason: string; newAppointmentAt: number }
  | { type: 'recomputeDue'; reason: string };

export interface ActionActor {
  userId: string | null;
  role: string;
  unitCode: string | null;
}

/**
 * What was decided when a command was accepted, stored with it: due dates are computed once, with the
 * calendar of that moment, so a later calendar change never moves an appointment silently.
 */
export interface Computed {
  accept: { dueAt: number; explanation: ExplanationStep[]; stepDueAt: number };
  transfer: { stepDueAt: number };
  /** The deadline of the template's final desk step ("trả kết quả") the result enters, if there is one. */
  approve: { stepDueAt: number | null };
  reject: { stepDueAt: number | null };
  receiveSupplement: { pausedMinutes: number; dueAt: number; stepDueAt: number | null };
  apologize: { apologyLate: boolean };
  recomputeDue: { dueAt: number; explanation: ExplanationStep[] };
}

/** A command as recorded: with what was computed for it. */
export type ActionEvent = { [C in Command as C['type']]: C & (C['type'] extends keyof Computed ? Computed[C['type']] : unknown) }[Command['type']];

/** One recorded action: its sequence number in the dossier, when (local minutes, UTC+7) and by whom. */
export type RecordedAction = ActionEvent & { seq: number; at: number; actor: ActionActor };
