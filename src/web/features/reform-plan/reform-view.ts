/**
 * The reform plan's pages, pure (issue 23 item 7): their paths, the year shown, rates the Vietnamese way (50,34%), how
 * a task's standing looks, the bars of the completion chart, the evidence a browser may send and the task form's checks.
 * The server checks everything again.
 */
import { formatFileSize } from '../../shared/attachments.js';
import { BADGE_LOOKS, type BadgeLook } from '../../shared/badge-looks.js';
import { formatNumber, formatPercent } from '../../shared/format.js';
import { REFORM_TASK_KINDS, REFORM_TASK_STANDING_LABELS, REFORM_TASK_STANDINGS, type EvidenceType } from '../../../domain/reform-plan/reform-task.js';
import type { CompletionCounts, ReformTaskStanding, UnitCompletion } from './api/reform-plan-api.js';

export const REFORM_PAGE = '/can-bo/ke-hoach-cai-cach';
export const IMPORT_PAGE = `${REFORM_PAGE}/nhap`;
export const taskPage = (id: string) => `${REFORM_PAGE}/nhiem-vu/${id}`;
export const planPage = (year: number) => `${REFORM_PAGE}?nam=${year}`;

/** The year in `?nam=`, or this year (from today yyyy-MM-dd) when it is missing or not a year. */
export function yearOf(param: string | null, today: string): number {
  const year = Number(param);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(today.slice(0, 4));
}

/** 50.34 → "50,34%"; no tasks → "—". */
export const formatRate = (rate: number | null): string => formatPercent(rate, 2);

/** "662/1.315 nhiệm vụ hoàn thành (50,34%)". */
export function completionSentence(c: Pick<CompletionCounts, 'done' | 'total' | 'rate'>): string {
  return c.total === 0 ? 'Chưa có nhiệm vụ' : `${formatNumber(c.done)}/${formatNumber(c.total)} nhiệm vụ hoàn thành (${formatRate(c.rate)})`;
}

/** How a standing looks: colour only doubles the words (theme shades with 4.5:1 contrast). */
export const STANDING_LOOKS: Record<ReformTaskStanding, BadgeLook> = {
  notStarted: { color: 'gray', variant: 'outline' },
  inProgress: BADGE_LOOKS.info,
  overdue: BADGE_LOOKS.danger,
  doneOnTime: { color: 'govBlue', variant: 'filled' },
  doneLate: BADGE_LOOKS.warning,
};

export const STANDING_OPTIONS = [
  { value: '', label: 'Tất cả tình trạng' },
  ...REFORM_TASK_STANDINGS.map((s) => ({ value: s, label: REFORM_TASK_STANDING_LABELS[s] })),
];
export const KIND_OPTIONS = REFORM_TASK_KINDS.map((k) => ({ value: k, label: k === 'task' ? 'Nhiệm vụ' : 'Kiểm tra (có kết quả kiểm tra)' }));

/** The units' rates for the chart: units with tasks, highest first (as the server sorts them). */
export function chartBars(units: readonly UnitCompletion[]): { unitName: string; rate: number }[] {
  return units.flatMap((u) => (u.rate === null ? [] : [{ unitName: u.unitName, rate: u.rate }]));
}

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const BY_EXTENSION: Record<string, EvidenceType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const EVIDENCE_ACCEPT = Object.keys(BY_EXTENSION)
  .map((e) => `.${e}`)
  .join(',');

/** The type an evidence file is sent as (by its extension), or why it cannot be sent. */
export function checkEvidenceFile(file: Pick<File, 'name' | 'size'>): { ok: true; contentType: EvidenceType } | { ok: false; message: string } {
  const type = BY_EXTENSION[/\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? ''];
  if (!type) return { ok: false, message: `Tệp "${file.name}" không đúng định dạng: chỉ nhận tệp PDF, PNG, JPEG, DOCX hoặc XLSX.` };
  if (file.size === 0) return { ok: false, message: `Tệp "${file.name}" rỗng (0 byte), vui lòng chọn tệp khác.` };
  if (file.size > EVIDENCE_MAX_BYTES) return { ok: false, message: `Tệp "${file.name}" có dung lượng ${formatFileSize(file.size)}, vượt quá giới hạn 10 MB.` };
  return { ok: true, contentType: type };
}

/** Whether a plan file may be sent: an .xlsx of at most 10 MB. */
export function checkPlanFile(file: Pick<File, 'name' | 'size'>): string | null {
  if (!/\.xlsx$/i.test(file.name)) return `Tệp "${file.name}" không phải tệp Excel (.xlsx).`;
  if (file.size === 0 || file.size > EVIDENCE_MAX_BYTES) return `Tệp "${file.name}" rỗng hoặc lớn hơn 10 MB.`;
  return null;
}

export interface TaskValues {
  kind: 'task' | 'inspection';
  content: string;
  unitCode: string | null;
  deadline: string;
  expectedOutput: string;
}
export type TaskErrors = Partial<Record<keyof TaskValues, string>>;
export const EMPTY_TASK: TaskValues = { kind: 'task', content: '', unitCode: null, deadline: '', expectedOutput: '' };

/** The task form's problems, by field (empty when it may be sent). */
export function taskErrors(values: TaskValues): TaskErrors {
  const errors: TaskErrors = {};
  if (values.content.trim().length < 5) errors.content = 'Cần ghi nội dung nhiệm vụ (ít nhất 5 ký tự).';
  if (!values.unitCode) errors.unitCode = 'Cần chọn đơn vị chủ trì.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.deadline)) errors.deadline = 'Cần chọn thời hạn hoàn thành.';
  if (values.expectedOutput.trim().length < 3) errors.expectedOutput = 'Cần ghi sản phẩm dự kiến.';
  return errors;
}
