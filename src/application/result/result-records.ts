/**
 * A dossier's result documents as records (issue 19): loading them with their signatures, the views the
 * back office, the citizen and the public page read, and the opaque code each carries in its QR.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AppDeps } from '../context.js';
import type { DB, ResultDocumentsTable, ResultSignaturesTable } from '../../infrastructure/db/schema.js';
import type { FileStore } from '../../infrastructure/files/file-store.js';
import type { SignOutcome, SigningPort, SigningProviderName } from '../../domain/esign/signing.js';
import type { SignatureFinding } from '../../domain/esign/verification.js';
import type { PublicResult, ResultDocument } from '../../contract/result.js';

export type ResultDeps = AppDeps & { files: FileStore; signing: SigningPort; publicUrl: string };
export type DocumentRow = Selectable<ResultDocumentsTable>;
export type SignatureRow = Selectable<ResultSignaturesTable>;

/** 16 characters of base64url: 96 random bits, not guessable, short enough for a QR on paper. */
export const newVerificationCode = (): string => randomBytes(12).toString('base64url');
export const verificationUrl = (publicUrl: string, code: string): string => `${publicUrl}/xac-thuc/${code}`;

export async function loadDocuments(db: Kysely<DB> | Transaction<DB>, dossierId: string): Promise<{ row: DocumentRow; signatures: SignatureRow[] }[]> {
  const rows = await db.selectFrom('result_documents').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('id').execute();
  if (rows.length === 0) return [];
  const signatures = await db
    .selectFrom('result_signatures')
    .selectAll()
    .where(
      'document_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({ row, signatures: signatures.filter((s) => s.document_id === row.id) }));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function documentView(publicUrl: string, row: DocumentRow, signatures: readonly SignatureRow[]): ResultDocument {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    resultCode: row.result_code,
    source: row.source,
    status: row.status,
    fileName: row.file_name,
    sha256: row.file_sha256,
    verificationCode: row.verification_code,
    verificationUrl: verificationUrl(publicUrl, row.verification_code),
    level: row.level,
    registerNumber: row.register_number === null ? null : `${row.register_number}/${row.register_year}`,
    createdAt: row.created_at.toISOString(),
    signedAt: iso(row.signed_at),
    revokedReason: row.revoked_reason,
    replaces: row.replaces,
    replacedBy: row.replaced_by,
    signatures: signatures.map((s) => ({
      signerName: s.signer_name,
      provider: s.provider,
      certificateSubject: s.certificate_subject,
      certificateIssuer: s.certificate_issuer,
      level: s.level,
      timestampAt: iso(s.timestamp_at),
      timestampNote: s.timestamp_note,
      signedAt: s.signed_at.toISOString(),
    })),
    version: row.version,
  };
}

/** The public record of a document found by its code; null for an unknown code or one never signed. */
export async function publicRecord(deps: AppDeps, code: string): Promise<{ view: PublicResult; row: DocumentRow } | null> {
  const row = await deps.db.selectFrom('result_documents').selectAll().where('verification_code', '=', code).executeTakeFirst();
  if (!row || row.signed_at === null) return null;
  const dossier = await deps.db.selectFrom('dossiers').select('code').where('id', '=', row.dossier_id).executeTakeFirstOrThrow();
  const signatures = await deps.db.selectFrom('result_signatures').selectAll().where('document_id', '=', row.id).orderBy('seq').execute();
  const replacement = row.replaced_by
    ? await deps.db.selectFrom('result_documents').select('verification_code').where('id', '=', row.replaced_by).executeTakeFirst()
    : undefined;
  const unit = deps.units.tree().find(row.unit_code);
  return {
    row,
    view: {
      code: row.verification_code,
      title: row.title,
      kind: row.kind,
      issuer: unit?.name ?? row.unit_code,
      dossierCode: dossier.code,
      status: row.status,
      signedAt: iso(row.signed_at),
      signers: signatures.map((s) => ({ name: s.signer_name, level: s.level, signedAt: s.signed_at.toISOString() })),
      sha256: row.file_sha256,
      revokedReason: row.revoked_reason,
      replacedBy: replacement?.verification_code ?? null,
    },
  };
}

/** The record of a signature just made and checked: who, with which certificate and provider, at which level. */
export function signatureRecord(input: {
  documentId: string;
  seq: number;
  signerId: string;
  fallbackName: string;
  provider: SigningProviderName;
  finding: SignatureFinding;
  outcome: Pick<SignOutcome, 'level' | 'timestampNote'>;
  sha256: string;
  at: Date;
}): Omit<SignatureRow, 'id'> {
  const { finding } = input;
  return {
    document_id: input.documentId,
    seq: input.seq,
    signer_id: input.signerId,
    signer_name: finding.signerName ?? input.fallbackName,
    provider: input.provider,
    certificate_subject: finding.signerName ?? '',
    certificate_issuer: finding.issuerName ?? '',
    certificate_serial: finding.serialNumber ?? '',
    level: input.outcome.level,
    timestamp_at: finding.timestamp?.at ? new Date(finding.timestamp.at) : null,
    timestamp_note: input.outcome.timestampNote,
    file_sha256: input.sha256,
    signed_at: input.at,
  };
}
