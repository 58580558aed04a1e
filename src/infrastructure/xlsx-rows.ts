/**
 * The rows of a workbook's first sheet as plain cells (text, or numbers as numbers), for importers that read a table
 * of their own (the reform-index schemes). Bounded like the catalogue's importer before exceljs inflates anything.
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from './exceljs.js';
import { zipBoundsProblem } from './files/zip-bounds.js';
import { cellText } from './catalogue-xlsx.js';

export type SheetCell = string | number | null;

export async function readFirstSheet(bytes: Buffer): Promise<{ ok: true; rows: SheetCell[][] } | { ok: false; message: string }> {
  const bounds = zipBoundsProblem(bytes);
  if (bounds?.kind === 'limits') return { ok: false, message: bounds.message };
  if (bounds) return { ok: false, message: 'Tệp không phải là tệp Excel (.xlsx) đọc được' };
  const workbook = await newWorkbook();
  try {
    // exceljs's declared Buffer type predates Node 20's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: 'Tệp không phải là tệp Excel (.xlsx) đọc được' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: 'Tệp Excel không có trang tính nào' };
  const rows: SheetCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1); // 1-based
    rows[number - 1] = values.map((v) => (typeof v === 'number' ? v : cellText(v) || null));
  });
  return { ok: true, rows: Array.from(rows, (r) => r ?? []) };
}
