/**
 * The printed forms of a dossier (TT 03/2025/TT-VPCP, Mẫu 01–06) served as PDFs by
 * GET /api/v1/dossiers/{id}/forms/{form}.pdf, and which of them exist yet: a form appears once the action
 * that issues it has happened (the server answers 404 FILE_NOT_FOUND before that).
 */
import { DOSSIER_FORMS, FORM_TITLES, type DossierFormNumber as DossierForm } from '../../../domain/dossier/vocabulary.js';
import { dossierPath } from './api/dossiers-api.js';

export { DOSSIER_FORMS, FORM_TITLES, type DossierForm };

export function formPath(dossierId: string, form: DossierForm): string {
  return `${dossierPath(dossierId)}/forms/${form}.pdf`;
}

/** The forms issued so far, in their official order. */
export function availableForms(dossier: { acceptedAt: string | null; history: readonly { type: string }[] }): DossierForm[] {
  const happened = new Set(dossier.history.map((h) => h.type));
  const issued: Record<DossierForm, boolean> = {
    '01': dossier.acceptedAt !== null,
    '02': happened.has('requestSupplement') || happened.has('requestSupplementAtReception'),
    '03': happened.has('refuse'),
    '04': happened.has('apologize'),
    '05': happened.has('stop'),
    '06': dossier.acceptedAt !== null,
  };
  return DOSSIER_FORMS.filter((form) => issued[form]);
}
