/**
 * One printed form of a dossier (Mẫu 01–06), as a document model to draw. Visible to whoever may see the
 * dossier (else DOSSIER_NOT_FOUND); a form whose triggering action has not happened is FILE_NOT_FOUND,
 * with the Vietnamese reason in the details.
 */
import type { AppDeps, RequestMeta } from '../../context.js';
import type { CatalogueDirectory } from '../../catalogue/catalogue-directory.js';
import type { CalendarDirectory } from '../../calendar/calendar-directory.js';
import { ok, type Result } from '../../../domain/errors/error-codes.js';
import type { OfficialDocumentModel } from '../../../infrastructure/pdf/official-document.js';
import { loadDossierFormData, type DossierFormData } from './form-data.js';
import type { DossierForm } from './form-basis.js';
import { receiptForm } from './receipt-form.js';
import { apologyForm, refusalForm, stopForm, supplementForm } from './notice-forms.js';
import { controlSlipForm } from './control-slip-form.js';

const BUILDERS = {
  '01': receiptForm,
  '02': supplementForm,
  '03': refusalForm,
  '04': apologyForm,
  '05': stopForm,
  '06': controlSlipForm,
} as const satisfies Record<DossierForm, (data: DossierFormData) => Result<OfficialDocumentModel>>;

export interface DossierFormDocument {
  model: OfficialDocumentModel;
  /** "mau-01-000.00.31.H37-261123-0001.pdf" */
  fileName: string;
}

export async function dossierFormDocument(
  deps: AppDeps & { catalogue: CatalogueDirectory; calendars: CalendarDirectory },
  input: { id: string; form: DossierForm; meta: RequestMeta; publicUrl: string },
): Promise<Result<DossierFormDocument>> {
  const data = await loadDossierFormData(deps, input);
  if (!data.ok) return data;
  const built = BUILDERS[input.form](data.value);
  if (!built.ok) return built;
  return ok({ model: built.value, fileName: `mau-${input.form}-${data.value.code.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf` });
}
