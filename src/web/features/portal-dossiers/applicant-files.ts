/**
 * What the applicant sees of their dossier's files and forms, and where they may add papers while a
 * supplement is awaited. Pure: no React, no network.
 */
import { SUPPLEMENT_COMPONENT_CODE } from '../../shared/dossier-files-api.js';
import { availableForms, type DossierForm } from '../dossiers/dossier-forms.js';

/** Where files may be attached now: the papers asked for first, then the declared components the server accepts. */
export interface UploadSlot {
  code: string;
  name: string;
}

export const SUPPLEMENT_SLOT_NAME = 'Giấy tờ bổ sung theo yêu cầu';

/**
 * The pickers to offer, from the server's `uploadComponents`: the supplement slot (papers asked for that are
 * none of the declared components) first, then the declared components, in the dossier's order.
 */
export function uploadSlots(components: readonly { code: string; name: string }[], uploadComponents: readonly string[]): UploadSlot[] {
  const allowed = new Set(uploadComponents);
  const seen = new Set<string>();
  const declared = components.filter((c) => c.code !== '' && allowed.has(c.code) && !seen.has(c.code) && seen.add(c.code));
  return [
    ...(allowed.has(SUPPLEMENT_COMPONENT_CODE) ? [{ code: SUPPLEMENT_COMPONENT_CODE, name: SUPPLEMENT_SLOT_NAME }] : []),
    ...declared.map((c) => ({ code: c.code, name: c.name })),
  ];
}

/** The latest request for papers while the dossier waits for them: its reason and the papers listed. */
export function openSupplementRequest(dossier: {
  status: string;
  history: readonly { type: string; note: string | null; items?: readonly string[] }[];
}): { reason: string | null; items: string[] } | null {
  if (dossier.status !== 'receptionSupplement' && dossier.status !== 'supplementRequested') return null;
  const type = dossier.status === 'receptionSupplement' ? 'requestSupplementAtReception' : 'requestSupplement';
  const request = [...dossier.history].reverse().find((h) => h.type === type);
  return request ? { reason: request.note, items: [...(request.items ?? [])] } : null;
}

/** The printed forms addressed to the applicant and issued so far (not the offices' control slip, Mẫu 06). */
export function applicantForms(dossier: { acceptedAt: string | null; history: readonly { type: string }[] }): DossierForm[] {
  return availableForms(dossier).filter((form) => form !== '06');
}

/** Where a file of the dossier came from when the citizen did not send it: "Lấy từ kho dữ liệu (trên Cổng DVCQG)"; null otherwise. */
export function reuseText(file: { reused: boolean; fromNationalVault: boolean }): string | null {
  if (file.fromNationalVault) return 'Lấy từ kho dữ liệu trên Cổng DVCQG';
  return file.reused ? 'Lấy từ kho dữ liệu' : null;
}
