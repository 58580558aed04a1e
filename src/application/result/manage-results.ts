/**
 * A dossier's result documents in the back office and on the applicant's page (issue 19): the list, a
 * document's file (a draft for preview by officials; the applicant sees only what was signed), sending a draft
 * for signature, and revoking a signed one (it stays verifiable as revoked).
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability } from '../../domain/access/roles.js';
import type { DossierResults, ResultDocument } from '../../contract/result.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { followDossiers } from '../scorecard/statistics.js';
import { withdrawResultFromVault } from '../data-vault/vault-store.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { mayPrepare } from './prepare-result.js';
import { mayCertify } from './certify-copy.js';
import { documentView, loadDocuments, publicRecord, type ResultDeps } from './result-records.js';

const ISSUED = new Set(['signed', 'revoked', 'replaced']);

export async function listResultDocuments(deps: ResultDeps, input: { id: string; meta: RequestMeta }): Promise<Result<DossierResults>> {
  const seen = await findVisibleDossier(deps, input.id, input.meta);
  if (!seen.ok) return seen;
  const { relation, actor } = seen.value;
  const official = !relation.isApplicant;
  const docs = (await loadDocuments(deps.db, input.id)).filter((d) => official || ISSUED.has(d.row.status));
  const prepare = mayPrepare(relation);
  return ok({
    items: docs.map((d) => documentView(deps.publicUrl, d.row, d.signatures)),
    providers: [...deps.signing.providers()],
    canPrepare: prepare,
    canSign: prepare,
    canCertify: mayCertify(relation) && hasCapability(actor.role, 'dossier.receive'),
  });
}

export async function readResultDocumentFile(
  deps: ResultDeps,
  input: { id: string; documentId: string; meta: RequestMeta },
): Promise<Result<{ fileName: string; contentType: 'application/pdf'; bytes: Buffer }>> {
  const seen = await findVisibleDossier(deps, input.id, input.meta);
  if (!seen.ok) return seen;
  const doc = (await loadDocuments(deps.db, input.id)).find((d) => d.row.id === input.documentId);
  if (!doc || (seen.value.relation.isApplicant && !ISSUED.has(doc.row.status))) return fail('RESULT_DOCUMENT_NOT_FOUND');
  const bytes = await deps.files.read(doc.row.file_sha256);
  return bytes ? ok({ fileName: doc.row.file_name, contentType: 'application/pdf', bytes }) : fail('FILE_NOT_FOUND');
}

/** Anyone holding the QR code downloads the signed file it names (the printed copy carries the same code). */
export async function readPublicResultFile(
  deps: ResultDeps,
  code: string,
): Promise<Result<{ fileName: string; contentType: 'application/pdf'; bytes: Buffer }>> {
  const found = await publicRecord(deps, code);
  if (!found) return fail('RESULT_DOCUMENT_NOT_FOUND');
  const bytes = await deps.files.read(found.row.file_sha256);
  return bytes ? ok({ fileName: found.row.file_name, contentType: 'application/pdf', bytes }) : fail('FILE_NOT_FOUND');
}

async function change(
  deps: ResultDeps,
  input: { id: string; documentId: string; version: number; meta: RequestMeta },
  rule: { from: string; capability: 'dossier.process' | 'dossier.approve'; action: string },
  set: (now: Date) => { status: 'awaitingSignature' | 'revoked'; submitted_at?: Date; revoked_at?: Date; revoked_reason?: string },
): Promise<Result<ResultDocument>> {
  const seen = await findVisibleDossier(deps, input.id, input.meta);
  if (!seen.ok) return seen;
  const { relation, actor } = seen.value;
  if (!mayPrepare(relation) || (rule.capability === 'dossier.approve' && !hasCapability(actor.role, 'dossier.approve'))) return fail('FORBIDDEN_ROLE');
  const doc = (await loadDocuments(deps.db, input.id)).find((d) => d.row.id === input.documentId);
  if (!doc || doc.row.kind === 'certifiedCopy') return fail('RESULT_DOCUMENT_NOT_FOUND');
  if (doc.row.status !== rule.from) return fail('RESULT_DOCUMENT_STATE');
  const now = deps.clock();
  const updated = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('result_documents')
      .set({ ...set(now), version: doc.row.version + 1 })
      .where('id', '=', doc.row.id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    if (row.status === 'revoked') await withdrawResultFromVault(trx, row.id);
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: rule.action,
      targetType: 'dossier',
      targetId: input.id,
      details: { documentId: row.id, status: row.status },
      at: now,
    });
    await followDossiers(trx, [input.id]);
    return row;
  });
  return updated ? ok(documentView(deps.publicUrl, updated, doc.signatures)) : fail('CONFLICT');
}

export const submitForSignature = (deps: ResultDeps, input: { id: string; documentId: string; version: number; meta: RequestMeta }) =>
  change(deps, input, { from: 'draft', capability: 'dossier.process', action: 'result.submitted' }, (now) => ({
    status: 'awaitingSignature',
    submitted_at: now,
  }));

export const revokeResultDocument = (deps: ResultDeps, input: { id: string; documentId: string; version: number; reason: string; meta: RequestMeta }) =>
  change(deps, input, { from: 'signed', capability: 'dossier.approve', action: 'result.revoked' }, (now) => ({
    status: 'revoked',
    revoked_at: now,
    revoked_reason: input.reason,
  }));
