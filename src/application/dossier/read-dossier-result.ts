/** Downloading a dossier's electronic result. */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { sniffFileType } from '../../infrastructure/files/file-store.js';
import type { DossierFileContentType } from '../../infrastructure/db/schema.js';
import { findVisibleDossier } from './visible-dossier.js';
import { SNIFFED, type DossierFileDeps } from './dossier-file-views.js';

/** The electronic result of the dossier (issueResult), for whoever sees the dossier; FILE_NOT_FOUND before it is issued. */
export async function readDossierResult(
  deps: DossierFileDeps,
  input: { id: string; meta: RequestMeta },
): Promise<Result<{ fileName: string; contentType: DossierFileContentType; bytes: Buffer }>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const found = visible.value;
  const result = found.state.resultFile;
  if (!result) return fail('FILE_NOT_FOUND', { reason: 'Hồ sơ chưa có kết quả điện tử.' });
  const bytes = await deps.files.read(result.sha256);
  const sniffed = bytes ? sniffFileType(bytes) : null;
  if (!bytes || !sniffed) return fail('FILE_NOT_FOUND', { reason: 'Tệp kết quả điện tử không có trong kho lưu trữ.' });
  return ok({ fileName: result.name, contentType: SNIFFED[sniffed], bytes });
}
