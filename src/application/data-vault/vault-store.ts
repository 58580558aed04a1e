/**
 * The data vault's records (issue 20): who owns a document (the keyed hash of their ID number or tax code, never
 * the number), adding a document with its versions (same owner, type and number: the new one supersedes the old,
 * which stays readable), and the view of a document. Shared by the vault's use cases and by those that feed it
 * (digitization at the desk, signed e-results, the national vault).
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import type { AppDeps } from '../context.js';
import type { DB } from '../../infrastructure/db/schema.js';
import type { VaultDocumentsTable, VaultSource } from '../../infrastructure/db/schema-vault.js';
import type { FileStore } from '../../infrastructure/files/file-store.js';
import type { PersonalDataCipher } from '../personal-data.js';
import type { NationalVault, PopulationRegistry } from '../../domain/data-vault/exchange.js';
import type { SigningPort } from '../../domain/esign/signing.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import { reuseRefusal } from '../../domain/data-vault/vault.js';
import type { VaultDocument } from '../../contract/data-vault.js';

export type VaultRow = Selectable<VaultDocumentsTable>;

export type VaultDeps = AppDeps & {
  files: FileStore;
  personalData: PersonalDataCipher;
  catalogue: CatalogueDirectory;
  signing: SigningPort;
  nationalVault: NationalVault | null;
  populationRegistry: PopulationRegistry | null;
};

export interface NewVaultDocument {
  ownerHash: string;
  resultCode: string;
  title: string;
  number: string | null;
  issuer: string;
  issuedOn: string | null;
  validUntil: string | null;
  source: VaultSource;
  sourceDossierId: string | null;
  resultDocumentId: string | null;
  national: { issuer: string; path: string } | null;
  file: { sha256: string; name: string; contentType: VaultRow['content_type']; size: number };
  createdBy: string | null;
  at: Date;
}

/** Adds a document to its owner's vault, as a new version of the same owner's document of that type and number. */
export async function addToVault(trx: Transaction<DB>, doc: NewVaultDocument): Promise<VaultRow> {
  // One writer at a time per owner and type: two versions written at once would both find no current one.
  await sql`select pg_advisory_xact_lock(hashtext(${`vault|${doc.ownerHash}|${doc.resultCode}`}))`.execute(trx);
  const previous =
    doc.number === null
      ? undefined
      : await trx
          .selectFrom('vault_documents')
          .select(['id', 'version'])
          .where('owner_hash', '=', doc.ownerHash)
          .where('result_code', '=', doc.resultCode)
          .where('number', '=', doc.number)
          .where('superseded', '=', false)
          .forUpdate()
          .executeTakeFirst();
  if (previous) await trx.updateTable('vault_documents').set({ superseded: true }).where('id', '=', previous.id).execute();
  return trx
    .insertInto('vault_documents')
    .values({
      owner_hash: doc.ownerHash,
      result_code: doc.resultCode,
      title: doc.title,
      number: doc.number,
      issuer: doc.issuer,
      issued_on: doc.issuedOn,
      valid_until: doc.validUntil,
      version: previous ? previous.version + 1 : 1,
      previous_id: previous?.id ?? null,
      source: doc.source,
      source_dossier_id: doc.sourceDossierId,
      result_document_id: doc.resultDocumentId,
      national_issuer: doc.national?.issuer ?? null,
      national_path: doc.national?.path ?? null,
      file_sha256: doc.file.sha256,
      file_name: doc.file.name,
      content_type: doc.file.contentType,
      size: doc.file.size,
      created_by: doc.createdBy,
      created_at: doc.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The owner's current documents (newest first), optionally of some types only. */
export async function ownerDocuments(db: Kysely<DB> | Transaction<DB>, ownerHash: string, resultCodes?: readonly string[]): Promise<VaultRow[]> {
  if (resultCodes && resultCodes.length === 0) return [];
  let q = db.selectFrom('vault_documents').selectAll().where('owner_hash', '=', ownerHash).where('superseded', '=', false);
  if (resultCodes) q = q.where('result_code', 'in', resultCodes);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(500).execute();
}

const isoDay = (d: unknown): string | null =>
  d === null || d === undefined ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);

/** A document as the wire carries it; `today` decides whether it is still valid. */
export function vaultView(row: VaultRow, today: string, typeName: (code: string) => string | null): VaultDocument {
  const validUntil = isoDay(row.valid_until);
  return {
    id: row.id,
    resultCode: row.result_code,
    typeName: typeName(row.result_code),
    title: row.title,
    number: row.number,
    issuer: row.issuer,
    issuedOn: isoDay(row.issued_on),
    validUntil,
    valid: validUntil === null || validUntil >= today,
    version: row.version,
    source: row.source,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.file_sha256,
    addedAt: row.created_at.toISOString(),
  };
}

/** The reason a document cannot meet a component today, with the date it is judged on. */
export const refusalFor = (row: VaultRow, component: { code: string; replaceableBy?: readonly string[] }, today: string) =>
  reuseRefusal({ resultCode: row.result_code, validUntil: isoDay(row.valid_until), superseded: row.superseded }, component, today);

export { isoDay };

/** A signed e-result goes into its owner's vault (a later procedure can reuse it); a corrected one supersedes it. */
export async function addResultToVault(
  trx: Transaction<DB>,
  input: {
    dossierId: string;
    document: { id: string; title: string; result_code: string | null; file_sha256: string; file_name: string; replaces: string | null };
    size: number;
    issuer: string;
    at: Date;
  },
): Promise<void> {
  const owner = await provenOwner(trx, input.dossierId);
  if (!owner || !input.document.result_code) return;
  if (input.document.replaces) await withdrawResultFromVault(trx, input.document.replaces);
  await addToVault(trx, {
    ownerHash: owner,
    resultCode: input.document.result_code,
    title: input.document.title,
    number: null,
    issuer: input.issuer,
    issuedOn: vietnamDate(input.at),
    validUntil: null,
    source: 'eResult',
    sourceDossierId: input.dossierId,
    resultDocumentId: input.document.id,
    national: null,
    file: { sha256: input.document.file_sha256, name: input.document.file_name, contentType: 'application/pdf', size: input.size },
    createdBy: null,
    at: input.at,
  });
}

/** A revoked or replaced e-result is no longer offered for reuse. */
export async function withdrawResultFromVault(trx: Transaction<DB>, resultDocumentId: string): Promise<void> {
  await trx.updateTable('vault_documents').set({ superseded: true }).where('result_document_id', '=', resultDocumentId).execute();
}

/**
 * Whose vault a dossier's documents may go into: the owner of an online dossier (their eID account), or at the
 * counter the person the population registry found under the number typed, with the lookup linked to the
 * dossier. A number typed by hand alone (a typo, a representative's) files nothing into anyone's vault.
 */
export async function provenOwner(trx: Transaction<DB> | Kysely<DB>, dossierId: string): Promise<string | null> {
  const d = await trx.selectFrom('dossiers').select(['owner_hash', 'channel', 'applicant_id']).where('id', '=', dossierId).executeTakeFirstOrThrow();
  if (!d.owner_hash) return null;
  if (d.channel === 'online' && d.applicant_id !== null) return d.owner_hash;
  const found = await trx
    .selectFrom('population_lookups')
    .select('id')
    .where('dossier_id', '=', dossierId)
    .where('outcome', '=', 'found')
    .where('subject_hash', '=', d.owner_hash)
    .executeTakeFirst();
  return found ? d.owner_hash : null;
}
