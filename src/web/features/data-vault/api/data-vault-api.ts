/**
 * The citizen's side of "provide once" (src/http/routes/data-vault.ts, issue 20): the e-form of a procedure
 * prefilled from the VNeID account and the population registry, the data vault with what it can meet in a
 * procedure, and the reuse of a vault document for a component of a new dossier. The shapes are the contract's
 * (src/contract/data-vault.ts): a change of a route's shape is a type error here.
 */
import type { z } from 'zod';
import type { IntakeForm, ReuseBody, VaultDocument, VaultListing } from '../../../../contract/data-vault.js';
import type { DossierFile } from '../../../../contract/dossier-files.js';
import { apiPost } from '../../../shared/api.js';

export type { IntakeForm, VaultDocument, VaultListing };
/** One field of a procedure's e-form. */
export type EFormFieldView = IntakeForm['fields'][number];
export type PopulationLookupView = IntakeForm['lookup'];
/** The documents of the vault that can meet one component of the procedure asked about. */
export type VaultOffer = VaultListing['offers'][number];
export type VaultSource = VaultDocument['source'];
export type ReuseRequest = z.input<typeof ReuseBody>;
export type ReusedFile = DossierFile;

/** The citizen's own vault page. */
export const MY_VAULT_PAGE = '/tai-khoan/kho-du-lieu';

/** GET: the logged-in citizen's vault; with a procedure, what it can meet there (the national portal's vault is asked too). */
export function myVaultPath(procedureCode?: string | null): string {
  return `/api/v1/my/vault${procedureCode ? `?procedure=${encodeURIComponent(procedureCode)}` : ''}`;
}

/** GET: the procedure's e-form, prefilled for the logged-in citizen (each call is one population-registry lookup). */
export function intakeFormPath(procedureCode: string): string {
  return `/api/v1/my/intake-form?procedure=${encodeURIComponent(procedureCode)}`;
}

/** POST: a component of the dossier met by a document of the vault instead of an upload. */
export function reuseVaultDocument(dossierId: string, request: ReuseRequest): Promise<ReusedFile> {
  return apiPost<ReusedFile>(`/api/v1/dossiers/${encodeURIComponent(dossierId)}/files/reuse`, { body: request });
}
