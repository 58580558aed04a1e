/** Mẫu 07, a unit's register of dossiers received in a period, as an A4 landscape PDF or an Excel workbook. */
import type { RequestMeta } from '../../context.js';
import { ok, type Result } from '../../../domain/errors/error-codes.js';
import { pdfFile, xlsxFile, type DocumentFile } from '../../document-file.js';
import { dossierRegister, registerDocument, registerFileName, registerWorkbook } from './dossier-register.js';

export async function printDossierRegister(
  deps: Parameters<typeof dossierRegister>[0],
  input: { unitCode: string; from: string; to: string; meta: RequestMeta; format: 'pdf' | 'xlsx' },
): Promise<Result<DocumentFile>> {
  const register = await dossierRegister(deps, input);
  if (!register.ok) return register;
  const r = register.value;
  return ok(
    input.format === 'pdf' ? await pdfFile(registerDocument(r), registerFileName(r, 'pdf')) : await xlsxFile(registerWorkbook(r), registerFileName(r, 'xlsx')),
  );
}
