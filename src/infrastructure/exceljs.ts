/**
 * exceljs is loaded when the first workbook is written or read, not when the server starts: about 6 MB of the
 * server's heap (bench/memory.ts --gc: 64 → 58 MB used after seeding) that it needs only when an official exports
 * or imports a spreadsheet.
 */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  loading ??= import('exceljs').then((module) => module.default);
  const { Workbook } = await loading;
  return new Workbook();
}
