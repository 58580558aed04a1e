/** The files of a dossier, for whoever sees it, and whether the viewer may attach files now. */
import { SUPPLEMENT_COMPONENT_CODE } from '../../domain/dossier/vocabulary.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import type { DossierStatus } from '../../domain/dossier/dossier.js';
import { findVisibleDossier } from './visible-dossier.js';
import { AWAITING_SUPPLEMENT, attachRefusal, toView, uploaders, type DossierFileView } from './dossier-file-views.js';

/** The dossier's files, the result file once issued, and whether the viewer may attach files now. */
export interface DossierFilesView {
  items: DossierFileView[];
  result: { fileName: string } | null;
  canUpload: boolean;
  /** Component codes the viewer may attach files under now (the declared ones, and SUPPLEMENT_COMPONENT_CODE while a supplement is awaited). */
  uploadComponents: string[];
}

/** The codes a file may be attached under now. */
function uploadComponentsOf(declared: readonly { code: string }[], status: DossierStatus): string[] {
  const codes = [...new Set(declared.map((c) => c.code).filter((c) => c !== ''))];
  return AWAITING_SUPPLEMENT.has(status) ? [...codes, SUPPLEMENT_COMPONENT_CODE] : codes;
}

export async function listDossierFiles(deps: AppDeps, input: { id: string; meta: RequestMeta }): Promise<Result<DossierFilesView>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const found = visible.value;
  const { header, state, relation } = found;
  const rows = await deps.db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', found.row.id).orderBy('uploaded_at').orderBy('id').execute();
  const names = await uploaders(deps, rows, header, relation.isApplicant);
  const canUpload = attachRefusal(relation, header, state) === null;
  return ok({
    items: rows.map((r) => toView(r, names.get(r.uploaded_by)!)),
    result: state.resultFile ? { fileName: state.resultFile.name } : null,
    canUpload,
    uploadComponents: canUpload ? uploadComponentsOf(found.row.components as { code: string }[], state.status) : [],
  });
}
