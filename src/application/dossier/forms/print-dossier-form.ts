/**
 * Mẫu 01–06 of one dossier as an A4 PDF, for whoever may see the dossier. An applicant (citizen or organisation)
 * gets only the forms addressed to them (01–05) of their own dossier; the control slip (06) is the offices'
 * internal record: FORBIDDEN_ROLE, whatever the dossier, so that the answer tells nothing about other dossiers.
 */
import type { AppDeps, RequestMeta } from '../../context.js';
import type { CatalogueDirectory } from '../../catalogue/catalogue-directory.js';
import type { CalendarDirectory } from '../../calendar/calendar-directory.js';
import { fail, ok, type Result } from '../../../domain/errors/error-codes.js';
import { isOfficialRole } from '../../../domain/access/roles.js';
import { pdfFile, type DocumentFile } from '../../document-file.js';
import { dossierFormDocument } from './dossier-form.js';
import type { DossierForm } from './form-basis.js';

/** The forms addressed to the applicant: receipt, supplement request, refusal, apology, stop notice. */
export const APPLICANT_FORMS: ReadonlySet<DossierForm> = new Set<DossierForm>(['01', '02', '03', '04', '05']);

export async function printDossierForm(
  deps: AppDeps & { catalogue: CatalogueDirectory; calendars: CalendarDirectory },
  input: { id: string; form: DossierForm; meta: RequestMeta; publicUrl: string },
): Promise<Result<DocumentFile>> {
  const actor = input.meta.actor;
  if (actor && !isOfficialRole(actor.role) && !APPLICANT_FORMS.has(input.form)) return fail('FORBIDDEN_ROLE');
  const document = await dossierFormDocument(deps, input);
  if (!document.ok) return document;
  return ok(await pdfFile(document.value.model, document.value.fileName));
}
