/**
 * The rows of a catalogue file to import, from the Excel workbook (checked against the archive limits before it
 * is inflated) or the JSON export, for the API and the command line alike.
 */
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { SHEETS, xlsxToCatalogue } from '../../infrastructure/catalogue-xlsx.js';
import { recordsFromJson, type ImportProblem } from './catalogue-transfer.js';

export interface CatalogueFileRows {
  records: { row: number; sheet: string | null; record: unknown }[];
  /** What could not be read from the workbook (a bad cell, an unknown sheet). */
  readProblems: ImportProblem[];
}

/** A Buffer is an Excel workbook; anything else is the parsed JSON (an array of procedures or { procedures }). */
export async function readCatalogueFile(body: unknown): Promise<Result<CatalogueFileRows>> {
  if (Buffer.isBuffer(body)) {
    const parsed = await xlsxToCatalogue(body);
    if (parsed.refused) return fail('ARCHIVE_LIMITS_EXCEEDED', [{ path: 'body', message: parsed.refused }]);
    return ok({
      records: parsed.records.map((r) => ({ row: r.row, sheet: SHEETS.procedures.name, record: r.record })),
      readProblems: parsed.problems.map((p) => ({ row: p.row, sheet: p.sheet, code: p.code, path: null, message: p.message })),
    });
  }
  const list = recordsFromJson(body);
  if (!list) return fail('VALIDATION_FAILED', [{ path: 'body', message: 'Cần một mảng thủ tục hoặc { "procedures": [...] }' }]);
  return ok({ records: list.map((record, i) => ({ row: i + 1, sheet: null, record })), readProblems: [] });
}
