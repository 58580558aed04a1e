import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyRow } from '../../domain/scorecard/settlement.js';
import type { SettlementReport } from '../../domain/scorecard/views.js';
import { UnitTree } from '../../domain/units/unit.js';
import { renderOfficialDocument } from '../../infrastructure/pdf/official-document.js';
import { tableToXlsx } from '../../infrastructure/pdf/table-xlsx.js';
import { settlementDocument, settlementWorkbook } from './report-documents.js';
import { jdnFromIso } from '../../domain/calendar/civil-date.js';

const PROVINCE = '000.00.00.H37';
const tree = new UnitTree([
  { code: PROVINCE, name: 'Ủy ban nhân dân tỉnh Lạng Sơn', level: 'province', parentCode: null, validFrom: '2020-01-01', validTo: null, replacedBy: [] },
]);

function report(from: string, to: string): SettlementReport {
  const row = { ...emptyRow(), received: 1234, settled: 3, settledEarly: 1, settledOnTime: 1, settledLateWithoutApology: 1, feeDue: 8, feePaidOnline: 6 };
  return {
    unit: PROVINCE,
    from,
    to,
    groupBy: 'field',
    rows: [
      { key: 'TP', name: 'Tư pháp', ...row, onTimeRate: 66.67, paidOnlineRate: 75 },
      { key: 'XD', name: 'Xây dựng', ...emptyRow(), onTimeRate: null, paidOnlineRate: null },
    ],
    total: { ...row, onTimeRate: 66.67, paidOnlineRate: 75 },
  };
}

/** The PDF's text as poppler's pdftotext reads it, spaces collapsed, in NFC. */
async function pdfText(model: Parameters<typeof renderOfficialDocument>[0]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), await renderOfficialDocument(model));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Rendering a PDF with its embedded font takes a few seconds on a loaded machine.
describe('the printed settlement report cites the legal basis in force at the end of its period', { timeout: 60_000 }, () => {
  const printedAt = jdnFromIso('2026-12-06') * 1440 + 600;

  it('a period ending from 1/7/2025 cites Decree 118/2025/NĐ-CP and Circular 03/2025/TT-VPCP, not the superseded texts', async () => {
    const text = await pdfText(settlementDocument(report('2026-01-01', '2026-11-30'), tree, printedAt));
    expect(text).toContain('Biểu tổng hợp theo Nghị định số 118/2025/NĐ-CP và Thông tư số 03/2025/TT-VPCP');
    expect(text).not.toContain('61/2018');
    expect(text).not.toContain('01/2018');
    // After the on-time rate: the fee-bearing dossiers received, those paid online, and the rate (indicator 3.6).
    expect(text).toContain('Thanh toán trực tuyến Tỷ lệ thanh toán trực tuyến');
    expect(text).toContain('75,00%');
  });

  it('a period that ended before 1/7/2025 cites Decree 61/2018/NĐ-CP and Circular 01/2018/TT-VPCP, even printed today', async () => {
    const text = await pdfText(settlementDocument(report('2025-01-01', '2025-06-30'), tree, printedAt));
    expect(text).toContain('Biểu tổng hợp theo Nghị định số 61/2018/NĐ-CP và Thông tư số 01/2018/TT-VPCP');
    expect(text).not.toContain('118/2025');
  });
});

describe('the settlement workbook holds numbers with number formats', { timeout: 60_000 }, () => {
  it('counts are numbers with a thousands format, rates are fractions with a percent format, a missing rate is a dash', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableToXlsx(settlementWorkbook(report('2026-01-01', '2026-11-30'), 'Tỉnh Lạng Sơn'))) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const titles = [1, 2, 3, 4].map((r) => String(sheet.getCell(r, 1).value));
    expect(titles).toContain('Biểu tổng hợp theo Nghị định số 118/2025/NĐ-CP và Thông tư số 03/2025/TT-VPCP');
    const header = titles.length + 2;
    const headings = sheet.getRow(header).values as unknown[];
    const rateColumn = headings.indexOf('Tỷ lệ trước hạn, đúng hạn');
    expect(rateColumn).toBe(19);
    const receivedColumn = headings.indexOf('Tiếp nhận trong kỳ');
    expect(receivedColumn).toBeGreaterThan(0);
    // Then the online payment of the fee-bearing dossiers received (indicator 3.6), the rate last.
    expect(headings.slice(rateColumn + 1)).toEqual(['Hồ sơ có phí', 'Thanh toán trực tuyến', 'Tỷ lệ thanh toán trực tuyến']);
    const paidRateColumn = sheet.getRow(header).cellCount;

    const justice = sheet.getRow(header + 1);
    expect(justice.getCell(rateColumn).type).toBe(ExcelJS.ValueType.Number);
    expect(justice.getCell(rateColumn).value).toBe(0.6667);
    expect(justice.getCell(rateColumn).numFmt).toBe('0.00%');
    expect(justice.getCell(receivedColumn).value).toBe(1234);
    expect(justice.getCell(receivedColumn).numFmt).toBe('#,##0');
    expect([rateColumn + 1, rateColumn + 2].map((c) => justice.getCell(c).value)).toEqual([8, 6]);
    expect(justice.getCell(paidRateColumn).value).toBe(0.75);
    expect(justice.getCell(paidRateColumn).numFmt).toBe('0.00%');

    expect(sheet.getRow(header + 2).getCell(rateColumn).value).toBe('—');
    expect(sheet.getRow(header + 2).getCell(paidRateColumn).value).toBe('—');
    const total = sheet.getRow(header + 3);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(rateColumn).type).toBe(ExcelJS.ValueType.Number);
    expect(total.getCell(rateColumn).value).toBe(0.6667);
    expect(total.getCell(paidRateColumn).value).toBe(0.75);
  });
});
