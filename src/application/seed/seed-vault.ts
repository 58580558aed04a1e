/**
 * Reuse in the synthetic history (issue 20): a reused component points at a document of the citizen's data vault,
 * one per synthetic citizen, half of them copied from the national portal's vault; created on first use. About
 * one online dossier in four took its component from the vault instead of an upload.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';

export function seededReuse(
  db: Kysely<DB>,
  scan: { sha256: string; size: number } | null,
  ownerOf: ReadonlyMap<string, string | null>,
  random: () => number,
): (applicantId: string | null, at: Date) => Promise<{ reused: boolean; vault_document_id?: string; from_national_vault?: boolean }> {
  const docs = new Map<string, { id: string; national: boolean }>();
  const docOf = async (citizenId: string, at: Date) => {
    const owner = ownerOf.get(citizenId);
    if (!scan || !owner) return null;
    let doc = docs.get(citizenId);
    if (!doc) {
      // A later seed reuses what an earlier one put in the citizen's vault.
      const earlier = await db
        .selectFrom('vault_documents')
        .select(['id', 'source'])
        .where('owner_hash', '=', owner)
        .where('result_code', '=', '1.001193.KQ1')
        .where('superseded', '=', false)
        .executeTakeFirst();
      if (earlier) docs.set(citizenId, (doc = { id: earlier.id, national: earlier.source === 'nationalVault' }));
    }
    if (!doc) {
      const national = docs.size % 2 === 0;
      const row = await db
        .insertInto('vault_documents')
        .values({
          owner_hash: owner,
          result_code: '1.001193.KQ1',
          title: 'Giấy khai sinh',
          number: null,
          issuer: 'Ủy ban nhân dân xã (dữ liệu mẫu)',
          issued_on: null,
          valid_until: null,
          source: national ? 'nationalVault' : 'digitized',
          source_dossier_id: null,
          result_document_id: null,
          national_issuer: national ? 'seed' : null,
          national_path: national ? `seed/${citizenId}` : null,
          file_sha256: scan.sha256,
          file_name: 'Giấy khai sinh.pdf',
          content_type: 'application/pdf',
          size: scan.size,
          created_by: null,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      docs.set(citizenId, (doc = { id: row.id, national }));
    }
    return doc;
  };
  return async (applicantId, at) => {
    const roll = random(); // drawn for every file, so that the rest of the synthetic history does not shift
    const doc = applicantId && roll < 0.25 ? await docOf(applicantId, at) : null;
    return doc ? { reused: true, vault_document_id: doc.id, from_national_vault: doc.national } : { reused: false };
  };
}
