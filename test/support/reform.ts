/** A reform plan as an officials' spreadsheet, built in a test (test/api/reform-plans.test.ts, the access matrix's probes). */
import ExcelJS from 'exceljs';

export const PLAN_HEADER = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì (mã hoặc tên)', 'Thời hạn hoàn thành (dd/MM/yyyy)', 'Sản phẩm dự kiến', 'Loại'];

/** A workbook with a title line, the header and the rows (cells from column A), as base64 for ImportReformPlanBody. */
export async function planWorkbook(rows: readonly (readonly (string | number | Date)[])[], title = 'Kế hoạch cải cách hành chính'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kế hoạch');
  sheet.addRow([title]);
  sheet.addRow(PLAN_HEADER);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** The first sheet's rows as text, from an exported workbook. */
export async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) =>
    rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}
