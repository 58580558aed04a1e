/**
 * Taking documents from the national portal's personal data vault (issue 20, INTEGRATIONS §3.2): ask for the
 * result codes a procedure's components can be met by, fetch each file the portal names, copy it into motcua's
 * file store (hashed), and keep it in the owner's vault flagged as from the national vault, once per portal path.
 * A dossier component that uses one then carries DuocLayTuKhoDMQG (indicator 4.4). The portal being down or
 * refusing is reported, never thrown: the form goes on with uploads.
 */
import { sql } from 'kysely';
import type { VaultChannel } from '../../domain/data-vault/exchange.js';
import { sniffFileType } from '../../infrastructure/files/file-store.js';
import { SNIFFED } from '../dossier/dossier-file-views.js';
import { addToVault, type VaultDeps } from './vault-store.js';

export interface NationalImport {
  status: 'ok' | 'unavailable' | 'refused' | 'notAsked';
  message: string | null;
  copied: number;
}

export async function importFromNationalVault(
  deps: VaultDeps,
  input: {
    ownerHash: string;
    ownerId: string;
    requesterId: string;
    requesterName: string;
    channel: VaultChannel;
    procedureCode: string;
    resultCodes: string[];
    userId: string | null;
  },
): Promise<NationalImport> {
  if (!deps.nationalVault || input.resultCodes.length === 0) return { status: 'notAsked', message: null, copied: 0 };
  const answer = await deps.nationalVault.query({
    ownerId: input.ownerId,
    requesterId: input.requesterId,
    requesterName: input.requesterName,
    channel: input.channel,
    procedureCode: input.procedureCode,
    resultCodes: input.resultCodes.map((code) => ({ code })),
  });
  if (answer.kind !== 'ok') return { status: answer.kind, message: answer.message, copied: 0 };
  let copied = 0;
  const failures: string[] = [];
  for (const doc of answer.documents) {
    if (!input.resultCodes.includes(doc.resultCode)) continue;
    // One vault document per national document: its first file (a document split over several files is left out).
    const file = doc.files[0];
    if (!file) continue;
    const known = () =>
      deps.db
        .selectFrom('vault_documents')
        .select('id')
        .where('owner_hash', '=', input.ownerHash)
        .where('national_issuer', '=', doc.issuer)
        .where('national_path', '=', file.path)
        .executeTakeFirst();
    if (await known()) continue;
    const fetched = await deps.nationalVault.fetchFile(doc.issuer, file.path);
    if (fetched.kind !== 'ok') {
      failures.push(fetched.kind === 'notFound' ? `${doc.name}: không tìm thấy tệp` : `${doc.name}: ${fetched.message}`);
      continue;
    }
    const kind = sniffFileType(fetched.bytes);
    if (!kind) {
      failures.push(`${doc.name}: tệp không phải PDF, PNG hoặc JPEG`);
      continue;
    }
    const stored = await deps.files.put(fetched.bytes);
    const at = deps.clock();
    const added = await deps.db.transaction().execute(async (trx) => {
      // Two listings at once (two tabs) fetch the same file: the second finds the first's copy under the lock.
      await sql`select pg_advisory_xact_lock(hashtext(${`vault|${input.ownerHash}|${doc.resultCode}`}))`.execute(trx);
      if (
        await trx.selectFrom('vault_documents').select('id').where('owner_hash', '=', input.ownerHash).where('national_path', '=', file.path).executeTakeFirst()
      )
        return false;
      await addToVault(trx, {
        ownerHash: input.ownerHash,
        resultCode: doc.resultCode,
        title: doc.name,
        number: doc.number,
        issuer: doc.issuer,
        issuedOn: doc.issuedOn,
        validUntil: doc.validUntil,
        source: 'nationalVault',
        sourceDossierId: null,
        resultDocumentId: null,
        national: { issuer: doc.issuer, path: file.path },
        file: { sha256: stored.sha256, name: file.name.slice(0, 200) || `${doc.name}.pdf`, contentType: SNIFFED[kind], size: stored.size },
        createdBy: input.userId,
        at,
      });
      return true;
    });
    if (added) copied++;
  }
  return { status: 'ok', message: failures.length > 0 ? failures.join('; ') : null, copied };
}
