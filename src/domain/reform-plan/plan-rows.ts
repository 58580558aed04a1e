/**
 * A reform plan's rows as officials write them in a spreadsheet (issue 23 item 7): one row per task with its text,
 * the owner unit (code or name), the deadline (dd/MM/yyyy) and the expected output, and optionally its kind ("Kiểm
 * tra" for an inspection). The header row is found by its titles among the first rows, so that a title above the
 * table (as the plan's own export has) and other columns (STT, status) are fine. Every problem is reported with its
 * row, in Vietnamese; the caller imports nothing unless there is none.
 */
import { foldVietnamese } from '../catalogue/search.js';
import { isRealIsoDate } from '../calendar/civil-date.js';
import type { ReformTaskKind } from './reform-task.js';

export interface SheetRow {
  /** The spreadsheet's row number (1 = the first row). */
  row: number;
  /** Cell texts from column A; a date cell as yyyy-MM-dd. */
  cells: readonly string[];
}

export interface PlanRow {
  row: number;
  kind: ReformTaskKind;
  content: string;
  unitCode: string;
  deadline: string;
  expectedOutput: string;
}

export interface RowProblem {
  row: number;
  message: string;
}

export const PLAN_COLUMNS = {
  content: 'Nội dung nhiệm vụ',
  unit: 'Đơn vị chủ trì (mã hoặc tên)',
  deadline: 'Thời hạn hoàn thành (dd/MM/yyyy)',
  expectedOutput: 'Sản phẩm dự kiến',
  kind: 'Loại',
} as const;
type ColumnKey = keyof typeof PLAN_COLUMNS;

export const MAX_PLAN_ROWS = 2_000;
export const MAX_TASK_TEXT = 2_000;
export const MAX_OUTPUT_TEXT = 1_000;
const HEADER_SEARCH_ROWS = 10;

/** Which header titles a column is found by (folded: no diacritics, lower case); the first matching column wins. */
const HEADER_MATCH: Record<ColumnKey, (folded: string) => boolean> = {
  kind: (h) => h === 'loai' || h.startsWith('loai '),
  content: (h) => !h.startsWith('loai') && (h.includes('noi dung') || h.includes('nhiem vu')),
  unit: (h) => h.includes('don vi'),
  deadline: (h) => h.includes('thoi han') || h.includes('han hoan thanh'),
  expectedOutput: (h) => h.includes('san pham') || h.includes('ket qua du kien'),
};

/** "31/03/2026", "1/3/2026" or "2026-03-31" (a date cell) → "2026-03-31"; null when it is not a real day. */
export function parsePlanDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(trimmed);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const day = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : null;
  return day !== null && isRealIsoDate(day) ? day : null;
}

/** What tells two tasks of a plan apart: the same text, owner and deadline is the same task. */
export function taskKey(task: Pick<PlanRow, 'content' | 'unitCode' | 'deadline'>): string {
  return `${foldVietnamese(task.content)}|${task.unitCode}|${task.deadline}`;
}

function findHeader(rows: readonly SheetRow[]): { row: number; columns: Partial<Record<ColumnKey, number>> } | null {
  for (const candidate of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const folded = candidate.cells.map((c) => foldVietnamese(c));
    const columns: Partial<Record<ColumnKey, number>> = {};
    for (const key of Object.keys(HEADER_MATCH) as ColumnKey[]) {
      const index = folded.findIndex((h, i) => HEADER_MATCH[key](h) && !Object.values(columns).includes(i));
      if (index >= 0) columns[key] = index;
    }
    if (columns.content !== undefined && columns.unit !== undefined && columns.deadline !== undefined) return { row: candidate.row, columns };
  }
  return null;
}

function kindOf(text: string): ReformTaskKind | null {
  const folded = foldVietnamese(text);
  if (folded === '' || folded === 'nhiem vu' || folded === 'task') return 'task';
  if (folded === 'kiem tra' || folded.startsWith('kiem tra ') || folded === 'inspection') return 'inspection';
  return null;
}

/**
 * The tasks of the rows under the header, or the problems: `unitOf` finds the owner unit of a cell's code or name (or
 * says why not), `known` holds the keys (taskKey) of tasks the plan has already. Empty rows are skipped.
 */
export function parsePlanRows(
  rows: readonly SheetRow[],
  unitOf: (text: string) => { code: string } | { problem: string },
  known: ReadonlySet<string> = new Set(),
): { tasks: PlanRow[]; problems: RowProblem[] } {
  const header = findHeader(rows);
  if (!header)
    return {
      tasks: [],
      problems: [
        {
          row: 0,
          message: `Không tìm thấy dòng tiêu đề: cần các cột “${PLAN_COLUMNS.content}”, “${PLAN_COLUMNS.unit}”, “${PLAN_COLUMNS.deadline}” và “${PLAN_COLUMNS.expectedOutput}”.`,
        },
      ],
    };
  const { columns } = header;
  const problems: RowProblem[] = [];
  if (columns.expectedOutput === undefined) problems.push({ row: header.row, message: `Thiếu cột “${PLAN_COLUMNS.expectedOutput}”.` });
  const body = rows.filter((r) => r.row > header.row && r.cells.some((c) => c.trim() !== ''));
  if (body.length === 0) problems.push({ row: header.row, message: 'Tệp không có nhiệm vụ nào dưới dòng tiêu đề.' });
  if (body.length > MAX_PLAN_ROWS) problems.push({ row: 0, message: `Tệp có ${body.length} dòng nhiệm vụ, vượt giới hạn ${MAX_PLAN_ROWS} dòng một lần nhập.` });
  if (problems.length > 0) return { tasks: [], problems };

  const tasks: PlanRow[] = [];
  const seen = new Set(known);
  const cell = (r: SheetRow, key: ColumnKey) => (columns[key] === undefined ? '' : (r.cells[columns[key]] ?? '').trim());
  for (const r of body) {
    const say = (message: string) => problems.push({ row: r.row, message: `Dòng ${r.row}: ${message}` });
    const before = problems.length;
    // A control character (a NUL written as _x0000_ in a hand-made file) is not text a plan can hold.
    if (r.cells.some((c) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(c))) say('ô có ký tự điều khiển không hợp lệ.');
    const content = cell(r, 'content');
    const unitText = cell(r, 'unit');
    const deadlineText = cell(r, 'deadline');
    const expectedOutput = cell(r, 'expectedOutput');
    if (content === '') say('thiếu nội dung nhiệm vụ.');
    else if (content.length > MAX_TASK_TEXT) say(`nội dung nhiệm vụ dài quá ${MAX_TASK_TEXT} ký tự.`);
    if (expectedOutput === '') say('thiếu sản phẩm dự kiến.');
    else if (expectedOutput.length > MAX_OUTPUT_TEXT) say(`sản phẩm dự kiến dài quá ${MAX_OUTPUT_TEXT} ký tự.`);
    const unit = unitText === '' ? { problem: 'thiếu đơn vị chủ trì.' } : unitOf(unitText);
    if ('problem' in unit) say(unit.problem);
    const deadline = parsePlanDate(deadlineText);
    if (deadlineText === '') say('thiếu thời hạn hoàn thành.');
    else if (deadline === null) say(`thời hạn “${deadlineText}” không phải ngày có thật dạng dd/MM/yyyy.`);
    const kind = kindOf(cell(r, 'kind'));
    if (kind === null) say(`loại “${cell(r, 'kind')}” không hợp lệ (để trống, “Nhiệm vụ” hoặc “Kiểm tra”).`);
    if (problems.length > before || 'problem' in unit || deadline === null || kind === null) continue;
    const task: PlanRow = { row: r.row, kind, content, unitCode: unit.code, deadline, expectedOutput };
    const key = taskKey(task);
    if (seen.has(key)) {
      say('nhiệm vụ trùng (cùng nội dung, đơn vị chủ trì và thời hạn) với một nhiệm vụ đã có trong kế hoạch hoặc ở dòng trên.');
      continue;
    }
    seen.add(key);
    tasks.push(task);
  }
  return problems.length > 0 ? { tasks: [], problems } : { tasks, problems };
}
