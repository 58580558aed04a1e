/**
 * A printed table's twin as an Excel workbook: the same title lines and columns as the PDF, one sheet,
 * a bold ruled header row frozen under the title, wrapped text, counts as numbers with a thousands format,
 * rates as numbers with a percent format, and date-times as real Excel dates shown dd/mm/yyyy hh:mm (so that
 * officials can sort, filter and add up what they export). Excel shows the formats in the reader's locale
 * (95,58% in Vietnamese).
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../exceljs.js';

export interface XlsxColumn {
  header: string;
  /** In characters, as Excel measures column widths. */
  width: number;
}

/**
 * A cell: text, a count (a whole number, or any number shown as it is), empty, a rate in percent (95.58
 * for 95,58%, stored as the number 0.9558 with a percent format; null is shown as "—"), or a local
 * wall-clock date-time 'yyyy-MM-ddTHH:mm' (Vietnam time is written as it reads: Excel dates carry no time
 * zone).
 */
export type XlsxCell = string | number | null | { dateTime: string } | { percent: number | null };

export interface XlsxTable {
  sheetName: string;
  /** Lines above the table, merged across its width; the first one bold. */
  title: readonly string[];
  columns: readonly XlsxColumn[];
  rows: readonly (readonly XlsxCell[])[];
  creator?: string;
}

const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
const PERCENT_FORMAT = '0.00%';
const COUNT_FORMAT = '#,##0';
const NO_RATE = '—';
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function cellValue(cell: XlsxCell): ExcelJS.CellValue {
  if (cell === null || typeof cell === 'number') return cell;
  if (typeof cell === 'string') return cell.normalize('NFC');
  // Rates are rounded to 2 decimals of a percent: keep that precision (0.9558, not 0.9558000000000001).
  if ('percent' in cell) return cell.percent === null ? NO_RATE : Math.round(cell.percent * 100) / 10000;
  const m = LOCAL_DATE_TIME.exec(cell.dateTime);
  if (!m) throw new RangeError(`not a local date-time yyyy-MM-ddTHH:mm: ${cell.dateTime}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
}

function numberFormat(cell: XlsxCell): string | null {
  if (cell === null || typeof cell === 'string') return null;
  if (typeof cell === 'number') return Number.isInteger(cell) ? COUNT_FORMAT : null;
  if ('percent' in cell) return cell.percent === null ? null : PERCENT_FORMAT;
  return DATE_TIME_FORMAT;
}

export async function tableToXlsx(table: XlsxTable): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = table.creator ?? 'motcua';
  const headerRow = table.title.length + 2;
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  const width = table.columns.length;
  table.title.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = line.normalize('NFC');
    row.getCell(1).font = { bold: i === 0, size: i === 0 ? 14 : 11 };
    row.getCell(1).alignment = { horizontal: 'center' };
    if (width > 1) sheet.mergeCells(i + 1, 1, i + 1, width);
  });
  const header = sheet.getRow(headerRow);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header.normalize('NFC');
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
    cell.border = BORDER;
    sheet.getColumn(i + 1).width = column.width;
  });
  table.rows.forEach((values, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(value);
      const format = numberFormat(value);
      if (format) cell.numFmt = format;
      cell.alignment = format ? { vertical: 'top', horizontal: 'right' } : { vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
