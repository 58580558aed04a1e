/** How a dossier reads to a citizen: dates, the appointment and why it is that day, the status tone. */
import { ACTION_LABELS, TERMINAL_STATUSES, type ActionType, type DossierStatus } from '../../../domain/dossier/dossier.js';
import { VIETNAM_TIME_ZONE } from '../../shared/format.js';
import type { DossierSummary, HistoryEntry } from './api/portal-dossiers-api.js';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  weekday: (typeof WEEKDAYS)[number];
}

function localParts(isoInstant: string): LocalParts | null {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return null;
  const p = Object.fromEntries(partsFormat.formatToParts(date).map((x) => [x.type, x.value])) as Record<string, string>;
  const year = p.year ?? '';
  const month = p.month ?? '';
  const day = p.day ?? '';
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay()] ?? WEEKDAYS[0];
  return { year, month, day, hour: p.hour ?? '', minute: p.minute ?? '', weekday };
}

/** An instant as "dd/MM/yyyy HH:mm", Vietnam time. */
export function formatInstant(isoInstant: string): string {
  const p = localParts(isoInstant);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : isoInstant;
}

/** An instant as "dd/MM/yyyy", Vietnam time. */
export function formatDay(isoInstant: string): string {
  const p = localParts(isoInstant);
  return p ? `${p.day}/${p.month}/${p.year}` : isoInstant;
}

/** The appointment as people say it: "09:00, thứ Ba, 24/11/2026". */
export function formatAppointment(isoInstant: string): string {
  const p = localParts(isoInstant);
  return p ? `${p.hour}:${p.minute}, ${p.weekday}, ${p.day}/${p.month}/${p.year}` : isoInstant;
}

export const APPOINTMENT_PENDING_TEXT = 'Ngày hẹn trả sẽ có khi hồ sơ được tiếp nhận';

/** The appointment line: the date, or why there is none (yet). */
export function appointmentText(d: Pick<DossierSummary, 'status' | 'appointmentAt'>): string {
  if (d.appointmentAt) return formatAppointment(d.appointmentAt);
  if (d.status === 'submitted' || d.status === 'receptionSupplement') return APPOINTMENT_PENDING_TEXT;
  return 'Không có ngày hẹn trả';
}

/** How a status looks: the words carry the meaning, the tone only helps. */
export type StatusTone = 'progress' | 'action' | 'done' | 'closed';

const TONES = {
  submitted: 'progress',
  accepted: 'progress',
  processing: 'progress',
  receptionSupplement: 'action',
  supplementRequested: 'action',
  feeRequested: 'action',
  resultReady: 'done',
  returned: 'done',
  refused: 'closed',
  withdrawn: 'closed',
  stopped: 'closed',
} as const satisfies Record<DossierStatus, StatusTone>;

export function statusTone(status: DossierStatus | string): StatusTone {
  return (TONES as Record<string, StatusTone>)[status] ?? 'progress';
}

/** What the citizen should know or do next, in one sentence, for the statuses that ask something of them. */
export function statusAdvice(status: DossierStatus | string): string | null {
  switch (status) {
    case 'submitted':
      return 'Hồ sơ đã được gửi tới cơ quan giải quyết và đang chờ cán bộ một cửa kiểm tra, tiếp nhận.';
    case 'receptionSupplement':
      return 'Cán bộ một cửa đề nghị bổ sung giấy tờ trước khi tiếp nhận. Sau khi bổ sung, hãy bấm "Nộp lại hồ sơ đã bổ sung".';
    case 'supplementRequested':
      return 'Cơ quan giải quyết đề nghị bổ sung giấy tờ. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.';
    case 'feeRequested':
      return 'Hồ sơ đang chờ bạn thực hiện nghĩa vụ tài chính (nộp phí, lệ phí) theo thông báo của cơ quan giải quyết.';
    case 'resultReady':
      return 'Đã có kết quả giải quyết. Bạn nhận kết quả theo hình thức đã đăng ký.';
    default:
      return null;
  }
}

export const EXPLANATION_INTRO =
  'Ngày hẹn trả được tính từ lúc hồ sơ được tiếp nhận, theo thời hạn giải quyết của thủ tục, giờ làm việc của cơ quan và lịch nghỉ lễ, Tết, nghỉ bù do Nhà nước công bố:';

/**
 * "Vì sao là ngày này?": the server's steps (in Vietnamese already), then what moved the date since:
 * a clock stopped while waiting for papers, an apology with a new date.
 */
export function appointmentReasons(
  d: Pick<DossierSummary, 'status' | 'explanation' | 'extensions' | 'appointmentAt' | 'dueAt'>,
  history: readonly Pick<HistoryEntry, 'type'>[] = [],
): string[] {
  if (d.appointmentAt === null && (d.status === 'submitted' || d.status === 'receptionSupplement')) {
    return ['Hồ sơ chưa được tiếp nhận. Thời hạn giải quyết bắt đầu tính từ khi cán bộ một cửa tiếp nhận hồ sơ; khi đó hệ thống tính và ghi ngày hẹn trả.'];
  }
  const lines = d.explanation.map((e) => e.text);
  if (history.some((h) => h.type === 'receiveSupplement')) {
    lines.push('Thời gian chờ bổ sung hồ sơ không tính vào thời hạn: ngày hẹn đã được lùi tương ứng.');
  }
  if (d.status === 'supplementRequested') {
    lines.push('Hồ sơ đang chờ bổ sung: thời gian chờ không tính vào thời hạn, ngày hẹn sẽ được lùi khi nhận đủ giấy tờ.');
  }
  if (d.extensions > 0 && d.appointmentAt) {
    lines.push(
      `Cơ quan giải quyết đã có văn bản xin lỗi và hẹn lại ngày trả${d.extensions > 1 ? ` (${d.extensions} lần)` : ''}: ${formatAppointment(d.appointmentAt)}.`,
    );
  }
  return lines;
}

/** The actions an applicant can take from the web app, among those the server offers, in display order. */
export const APPLICANT_ACTIONS = ['resubmit', 'withdraw'] as const satisfies readonly ActionType[];
export type ApplicantActionType = (typeof APPLICANT_ACTIONS)[number];

export function applicantActions(available: readonly string[]): ApplicantActionType[] {
  return APPLICANT_ACTIONS.filter((a) => available.includes(a));
}

/** A history entry's name for the citizen. */
export function historyLabel(type: string): string {
  if (type === 'submit') return 'Nộp hồ sơ';
  return (ACTION_LABELS as Record<string, string>)[type] ?? type;
}

export function isFinished(status: DossierStatus | string): boolean {
  return TERMINAL_STATUSES.has(status as DossierStatus);
}
