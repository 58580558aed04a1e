/** The e-result tables (migration 20261207000400_e_results.sql). */
import type { Generated } from 'kysely';

export type ResultDocumentKind = 'result' | 'annex' | 'certifiedCopy';
export type ResultDocumentStatus = 'draft' | 'awaitingSignature' | 'signed' | 'revoked' | 'replaced';
export type SigningProvider = 'pkcs12' | 'remote' | 'hashOnly';

/** Issue 19: a dossier's result documents, each with an opaque verification code, and the signatures on them. */
export interface ResultDocumentsTable {
  id: Generated<string>;
  dossier_id: string;
  unit_code: string;
  verification_code: string;
  kind: ResultDocumentKind;
  title: string;
  result_code: string | null;
  source: 'template' | 'upload' | 'scan' | 'imported';
  /** Imported results: where the national portal holds the file. */
  source_url: string | null;
  status: ResultDocumentStatus;
  file_sha256: string;
  file_name: string;
  level: 'B-B' | 'B-T' | null;
  replaces: string | null;
  replaced_by: string | null;
  revoked_reason: string | null;
  register_year: number | null;
  register_number: number | null;
  created_by: string | null;
  created_at: Date;
  submitted_at: Date | null;
  signed_at: Date | null;
  revoked_at: Date | null;
  version: Generated<number>;
}

export interface ResultSignaturesTable {
  id: Generated<string>;
  document_id: string;
  seq: number;
  signer_id: string | null;
  signer_name: string;
  provider: SigningProvider;
  certificate_subject: string;
  certificate_issuer: string;
  certificate_serial: string;
  level: 'B-B' | 'B-T';
  timestamp_at: Date | null;
  timestamp_note: string | null;
  file_sha256: string;
  signed_at: Date;
}

export interface SigningCredentialsTable {
  id: Generated<string>;
  owner_kind: 'authority' | 'unit' | 'user' | 'timestamping';
  owner_id: string;
  certificate: Buffer;
  pkcs12: Buffer;
  passphrase: string;
  serial: string;
  not_after: Date;
  revoked_at: Date | null;
  created_at: Date;
}

export interface CertificationFieldsTable {
  field_code: string;
}
