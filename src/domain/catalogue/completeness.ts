/**
 * Checks before a procedure version is published: the constituent parts of Decree 63/2010, Art. 8(2)
 * (the 766 formula's indicator 1.3 counts a–g; h, the result, is required too), and the process-template
 * rule: step budgets add up exactly to the legal time limit.
 */
import type { ProcedureRecord } from './procedure.js';

/** The decree's letters: a, b, c, d, đ, e, g, h (the Vietnamese alphabet has no f). */
export const CONSTITUENT_PARTS = {
  a: 'Tên thủ tục',
  b: 'Trình tự thực hiện',
  c: 'Cách thức thực hiện',
  d: 'Thành phần, số lượng hồ sơ',
  đ: 'Thời hạn giải quyết',
  e: 'Đối tượng thực hiện',
  g: 'Cơ quan thực hiện',
  h: 'Kết quả thực hiện',
} as const;
export type ConstituentPart = keyof typeof CONSTITUENT_PARTS;

export interface CatalogueProblem {
  /** The constituent part concerned, or 'process' for the process template. */
  part: ConstituentPart | 'process';
  path: string;
  message: string;
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/** Missing or empty constituent parts a–h, with Vietnamese messages. Empty when complete. */
export function missingParts(p: ProcedureRecord): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const missing = (part: ConstituentPart, path: string, detail = 'chưa có nội dung') =>
    problems.push({ part, path, message: `${part}) ${CONSTITUENT_PARTS[part]}: ${detail}` });
  if (blank(p.name)) missing('a', 'name');
  if (p.sequence.length === 0 || p.sequence.some((s) => blank(s))) missing('b', 'sequence', p.sequence.length === 0 ? 'chưa có nội dung' : 'có bước để trống');
  if (p.methods.length === 0) missing('c', 'methods');
  if (p.components.length === 0) missing('d', 'components');
  p.components.forEach((c, i) => {
    if (blank(c.name)) missing('d', `components.${i}.name`, `thành phần thứ ${i + 1} chưa có tên`);
    if (!Number.isInteger(c.quantity) || c.quantity < 1) missing('d', `components.${i}.quantity`, `số lượng của "${c.name}" phải từ 1 trở lên`);
  });
  if (p.methods.length === 0) missing('đ', 'methods');
  p.methods.forEach((m, i) => {
    if (!Number.isInteger(m.timeLimit.amount) || m.timeLimit.amount <= 0)
      missing('đ', `methods.${i}.timeLimit.amount`, `thời hạn của kênh thứ ${i + 1} phải lớn hơn 0`);
  });
  const channels = new Set(p.methods.map((m) => m.channel));
  if (channels.size !== p.methods.length) missing('c', 'methods', 'mỗi kênh chỉ được khai báo một lần');
  if (p.subjects.length === 0) missing('e', 'subjects');
  if (blank(p.agency.competentAuthority)) missing('g', 'agency.competentAuthority', 'chưa có cơ quan có thẩm quyền');
  if (p.level === 'province' && p.agency.implementingUnitCodes.length === 0)
    missing('g', 'agency.implementingUnitCodes', 'thủ tục cấp tỉnh phải có đơn vị thực hiện');
  if (p.results.length === 0 || p.results.some((r) => blank(r.name))) missing('h', 'results');
  return problems;
}

/** Working minutes of a working-time duration: a working day is 8 working hours. */
export function workingMinutes(d: { amount: number; unit: string }): number | null {
  if (d.unit === 'working_days') return d.amount * 8 * 60;
  if (d.unit === 'working_hours') return d.amount * 60;
  return null;
}

function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / 480);
  const hours = (minutes % 480) / 60;
  return [days > 0 ? `${days} ngày làm việc` : '', hours > 0 ? `${hours} giờ làm việc` : ''].filter(Boolean).join(' ') || '0 giờ';
}

/**
 * The process template must cover the time limit exactly: the sum of step budgets equals the time limit
 * of the counter channel (the first channel when there is no counter) and exceeds no other channel's.
 * Limits in calendar days or months cannot be compared with working-time budgets and are not checked.
 */
export function processTemplateProblems(p: ProcedureRecord): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  if (p.processTemplate.length === 0) {
    return [{ part: 'process', path: 'processTemplate', message: 'Quy trình nội bộ chưa có bước nào' }];
  }
  p.processTemplate.forEach((step, i) => {
    if (blank(step.name)) problems.push({ part: 'process', path: `processTemplate.${i}.name`, message: `Bước ${i + 1} chưa có tên` });
    if (!Number.isInteger(step.budget.amount) || step.budget.amount <= 0) {
      problems.push({ part: 'process', path: `processTemplate.${i}.budget.amount`, message: `Thời gian của bước ${i + 1} phải lớn hơn 0` });
    }
    if (step.interAgency && step.unitCode === null) {
      problems.push({ part: 'process', path: `processTemplate.${i}.unitCode`, message: `Bước liên thông ${i + 1} phải nêu đơn vị phối hợp` });
    }
  });
  const total = p.processTemplate.reduce((sum, s) => sum + (workingMinutes(s.budget) ?? 0), 0);
  const main = p.methods.find((m) => m.channel === 'counter') ?? p.methods[0];
  if (!main) return problems;
  const limit = workingMinutes(main.timeLimit);
  if (limit !== null && total !== limit) {
    problems.push({
      part: 'process',
      path: 'processTemplate',
      message: `Tổng thời gian các bước (${formatMinutes(total)}) phải bằng thời hạn giải quyết (${formatMinutes(limit)})`,
    });
  }
  p.methods.forEach((m, i) => {
    const other = workingMinutes(m.timeLimit);
    if (m !== main && other !== null && total > other) {
      problems.push({
        part: 'process',
        path: `methods.${i}.timeLimit`,
        message: `Tổng thời gian các bước (${formatMinutes(total)}) vượt thời hạn của kênh ${i + 1} (${formatMinutes(other)})`,
      });
    }
  });
  return problems;
}

/** Everything that blocks publication of a version. */
export function publicationProblems(p: ProcedureRecord): CatalogueProblem[] {
  return [...missingParts(p), ...processTemplateProblems(p)];
}
