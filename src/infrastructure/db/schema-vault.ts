/** The tables of "provide once" (issue 20): the data vault, desk consents and population-registry lookups (schema.ts). */
import type { ColumnType, Generated } from 'kysely';

type DateOnly = ColumnType<string, string, string>;

export type VaultSource = 'digitized' | 'eResult' | 'nationalVault';

export interface VaultDocumentsTable {
  id: Generated<string>;
  /** The keyed hash of the owner's ID number or tax code. */
  owner_hash: string;
  result_code: string;
  title: string;
  number: string | null;
  issuer: string;
  issued_on: DateOnly | null;
  valid_until: DateOnly | null;
  version: Generated<number>;
  previous_id: string | null;
  superseded: Generated<boolean>;
  source: VaultSource;
  source_dossier_id: string | null;
  result_document_id: string | null;
  national_issuer: string | null;
  national_path: string | null;
  file_sha256: string;
  file_name: string;
  content_type: 'application/pdf' | 'image/png' | 'image/jpeg';
  size: number;
  created_by: string | null;
  created_at: ColumnType<Date, Date, never>;
}

export interface VaultConsentsTable {
  id: Generated<string>;
  owner_hash: string;
  unit_code: string;
  granted_to: string;
  purpose: string;
  granted_at: ColumnType<Date, Date, never>;
  expires_at: Date;
}

export type PopulationLookupOutcome = 'found' | 'notFound' | 'refused' | 'unavailable';

export interface PopulationLookupsTable {
  id: Generated<string>;
  at: ColumnType<Date, Date, never>;
  official_id: string | null;
  requested_by: string;
  unit_code: string | null;
  channel: 'counter' | 'online';
  procedure_code: string;
  dossier_id: string | null;
  subject_hash: string;
  outcome: PopulationLookupOutcome;
  detail: string | null;
  duration_ms: number;
  prefill_digest: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
}

/** The e-form of a dossier as sent (issue 20). */
export interface EFormRecord {
  values: Record<string, string>;
  declared: number;
  typed: number;
  prefilled: string[];
  mismatches: string[];
  /** How the applicant's data came: the registry found them, or manual entry (and why). */
  registry: 'found' | 'notFound' | 'refused' | 'unavailable' | 'notAsked';
}
