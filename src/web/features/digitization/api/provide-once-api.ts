/**
 * "Provide once" at the desk (src/http/routes/data-vault.ts, issue 20): the population-registry lookup that
 * prefills the counter form, the citizen's consent and their data vault, reuse of a vault document for a
 * component, digitization of paper components signed with the unit's certificate, what a dossier recorded of all
 * this, and the reports. The shapes are the contract's (src/contract/data-vault.ts).
 */
import type { z } from 'zod';
import type {
  DigitizationReport,
  DigitizeBody,
  DossierProvideOnce,
  LookupReport,
  PopulationLookup,
  PopulationLookupBody,
  ReuseBody,
  VaultConsent,
  VaultConsentBody,
  VaultDocument,
  VaultListing,
} from '../../../../contract/data-vault.js';
import type { DossierFile } from '../../../../contract/dossier-files.js';
import { apiPost } from '../../../shared/api.js';

export type { DigitizationReport, DossierFile, DossierProvideOnce, LookupReport, PopulationLookup, VaultDocument, VaultListing };
export type LookupBody = z.input<typeof PopulationLookupBody>;
export type LookupOutcome = PopulationLookup['outcome'];
export type ConsentBody = z.input<typeof VaultConsentBody>;
export type Consent = z.infer<typeof VaultConsent>;
export type ReuseRequest = z.input<typeof ReuseBody>;
export type DigitizeRequest = z.input<typeof DigitizeBody>;
export type ScanPageBody = DigitizeRequest['pages'][number];
export type DigitizedFrom = DigitizeRequest['from'];
export type VaultOffer = VaultListing['offers'][number];
export type DigitizationUnitRow = DigitizationReport['units'][number];
export type DigitizationProcedureRow = DigitizationReport['procedures'][number];
export type LookupReportRow = LookupReport['rows'][number];
export type ProvideOnceLookup = DossierProvideOnce['lookups'][number];
export type ProvideOnceEForm = NonNullable<DossierProvideOnce['eform']>;

const API = '/api/v1';

function dossierBase(dossierId: string): string {
  return `${API}/dossiers/${encodeURIComponent(dossierId)}`;
}

/** POST: look a walk-in applicant up in the national population database (200 even when it could not). */
export function lookupPopulation(body: LookupBody): Promise<PopulationLookup> {
  return apiPost<PopulationLookup>(`${API}/population/lookups`, { body });
}

/** POST: the citizen agreed at the desk that the one-stop desk may see their data vault (for 2 hours). */
export function grantVaultConsent(body: ConsentBody): Promise<Consent> {
  return apiPost<Consent>(`${API}/vault/consents`, { body });
}

/** GET: the citizen's vault, with what can meet each component of the procedure (403 VAULT_CONSENT_REQUIRED without consent). */
export function deskVaultPath(personalId: string, procedureCode: string): string {
  return `${API}/vault?${new URLSearchParams({ personalId, procedure: procedureCode }).toString()}`;
}

/** POST: a component of the new dossier met by a document of the vault instead of paper. */
export function reuseVaultDocument(dossierId: string, body: ReuseRequest): Promise<DossierFile> {
  return apiPost<DossierFile>(`${dossierBase(dossierId)}/files/reuse`, { body });
}

/** POST: scanned pages of a paper component, made one PDF and signed with the unit's certificate. */
export function digitizeComponent(dossierId: string, body: DigitizeRequest): Promise<DossierFile> {
  return apiPost<DossierFile>(`${dossierBase(dossierId)}/files/digitize`, { body });
}

/** GET: what the dossier recorded of "provide once". */
export function provideOncePath(dossierId: string): string {
  return `${dossierBase(dossierId)}/provide-once`;
}

function reportQuery(from: string, to: string, unit: string | null): string {
  return new URLSearchParams({ from, to, ...(unit ? { unit } : {}) }).toString();
}

/** GET: digitization, reuse, registry use and intake time per unit; fields typed per procedure. */
export function digitizationReportPath(from: string, to: string, unit: string | null = null): string {
  return `${API}/reports/digitization?${reportQuery(from, to, unit)}`;
}

/** GET: registry lookups per unit and official. */
export function lookupReportPath(from: string, to: string, unit: string | null = null): string {
  return `${API}/reports/population-lookups?${reportQuery(from, to, unit)}`;
}
