/** Downloading a file attached to a dossier, for whoever sees the dossier. */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { DossierFileContentType } from '../../infrastructure/db/schema.js';
import { findVisibleDossier } from './visible-dossier.js';
import type { DossierFileDeps } from './dossier-file-views.js';

export async function readDossierFile(
  deps: DossierFileDeps,
  input: { id: string; fileId: string; meta: RequestMeta },
): Promise<Result<{ fileName: string; contentType: DossierFileContentType; bytes: Buffer }>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const found = visible.value;
  const row = await deps.db
    .selectFrom('dossier_files')
    .select(['file_name', 'content_type', 'sha256'])
    .where('id', '=', input.fileId)
    .where('dossier_id', '=', found.row.id)
    .executeTakeFirst();
  if (!row) return fail('FILE_NOT_FOUND');
  const bytes = await deps.files.read(row.sha256);
  if (!bytes) return fail('FILE_NOT_FOUND');
  return ok({ fileName: row.file_name, contentType: row.content_type, bytes });
}
