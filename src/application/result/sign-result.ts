/**
 * Signing a result document (issue 19). A specialist's signature is an initial and leaves the document
 * awaiting the leader's; the leader's makes it signed and issued. Every signature is incremental, so the
 * earlier ones stay valid. Nothing is written unless the signing service answered and the new signature
 * checks out against the trust anchors: a refused, slow or broken signing leaves the dossier as it was, and
 * the official is told why. The leader's signature on the main result records "issue e-result" in the
 * dossier's history (which tells the applicant).
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability } from '../../domain/access/roles.js';
import { SigningFailure, type SigningProviderName } from '../../domain/esign/signing.js';
import { SIGNATURE_PROBLEM_TEXT } from '../../domain/esign/verification.js';
import type { ResultDocument } from '../../contract/result.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { followDossiers } from '../scorecard/statistics.js';
import { addResultToVault } from '../data-vault/vault-store.js';
import { actOnDossier } from '../dossier/act-on-dossier.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { mayPrepare } from './prepare-result.js';
import { documentView, loadDocuments, signatureRecord, type ResultDeps } from './result-records.js';

export type SignDeps = ResultDeps & Parameters<typeof actOnDossier>[0];

export async function signResultDocument(
  deps: SignDeps,
  input: { id: string; documentId: string; version: number; provider: SigningProviderName; meta: RequestMeta },
): Promise<Result<ResultDocument>> {
  const seen = await findVisibleDossier(deps, input.id, input.meta);
  if (!seen.ok) return seen;
  const { relation, state, actor } = seen.value;
  if (!mayPrepare(relation)) return fail('FORBIDDEN_ROLE');
  const doc = (await loadDocuments(deps.db, input.id)).find((d) => d.row.id === input.documentId);
  if (!doc || doc.row.kind === 'certifiedCopy') return fail('RESULT_DOCUMENT_NOT_FOUND');
  if (doc.row.status !== 'awaitingSignature') return fail('RESULT_DOCUMENT_STATE');
  if (doc.row.version !== input.version) return fail('CONFLICT');
  const final = hasCapability(actor.role, 'dossier.approve');
  if (final && doc.row.kind === 'result' && state.outcome !== 'approved') return fail('RESULT_NOT_READY');
  const bytes = await deps.files.read(doc.row.file_sha256);
  if (!bytes) return fail('FILE_NOT_FOUND');
  const user = await deps.db.selectFrom('users').select(['full_name', 'username', 'unit_code']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const unit = deps.units.tree().find(user.unit_code ?? doc.row.unit_code);
  const now = deps.clock();
  let outcome;
  try {
    outcome = await deps.signing.sign({
      pdf: bytes,
      signer: {
        kind: 'user',
        id: actor.userId,
        remoteUserId: user.username ?? actor.userId,
        commonName: user.full_name,
        organization: unit?.name ?? doc.row.unit_code,
      },
      provider: input.provider,
      reason: final ? 'Ký ban hành kết quả giải quyết thủ tục hành chính' : 'Ký nháy, chịu trách nhiệm về nội dung',
      location: unit?.name ?? '',
      signingTime: now,
      docId: doc.row.id,
      fileName: doc.row.file_name,
    });
  } catch (error) {
    if (error instanceof SigningFailure) return fail(error.code, { reason: error.reason });
    throw error;
  }
  const report = await deps.signing.verify(outcome.pdf);
  const mine = report.signatures[report.signatures.length - 1];
  const broken = report.signatures.find((s) => s.problem !== null);
  if (!mine || report.signatures.length !== doc.signatures.length + 1 || broken) {
    const reason = broken?.problem ? SIGNATURE_PROBLEM_TEXT[broken.problem] : 'Tệp trả về không có thêm chữ ký nào.';
    return fail('SIGNATURE_INVALID', { reason });
  }
  const stored = await deps.files.put(outcome.pdf);
  const signed = await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('result_documents')
      .set({
        file_sha256: stored.sha256,
        status: final ? 'signed' : 'awaitingSignature',
        level: outcome.level,
        signed_at: final ? now : null,
        version: doc.row.version + 1,
      })
      .where('id', '=', doc.row.id)
      .where('version', '=', doc.row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) return null;
    await trx
      .insertInto('result_signatures')
      .values(
        signatureRecord({
          documentId: doc.row.id,
          seq: doc.signatures.length + 1,
          signerId: actor.userId,
          fallbackName: user.full_name,
          provider: input.provider,
          finding: mine,
          outcome,
          sha256: stored.sha256,
          at: now,
        }),
      )
      .execute();
    if (final && doc.row.replaces) {
      await trx
        .updateTable('result_documents')
        .set({ status: 'replaced', replaced_by: doc.row.id })
        .where('id', '=', doc.row.replaces)
        .where('status', '=', 'signed')
        .execute();
    }
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: final ? 'result.signed' : 'result.initialled',
      targetType: 'dossier',
      targetId: input.id,
      details: { documentId: doc.row.id, provider: input.provider, level: outcome.level, sha256: stored.sha256 },
      at: now,
    });
    // An issued result goes into the applicant's data vault (issue 20): the next procedure need not ask for it.
    if (final && updated.kind === 'result') {
      const unit = deps.units.tree().find(updated.unit_code);
      await addResultToVault(trx, { dossierId: input.id, document: updated, size: stored.size, issuer: unit?.name ?? updated.unit_code, at: now });
    }
    await followDossiers(trx, [input.id]);
    return updated;
  });
  if (!signed) return fail('CONFLICT');
  if (final && signed.kind === 'result') await recordIssued(deps, input, stored.sha256, signed.file_name);
  const after = (await loadDocuments(deps.db, input.id)).find((d) => d.row.id === doc.row.id);
  return ok(documentView(deps.publicUrl, after?.row ?? signed, after?.signatures ?? []));
}

/**
 * The history says the e-result was issued (and the applicant is told) once the dossier is ready for it; a dossier
 * changed meanwhile is read again (three tries). A dossier not at "result ready" keeps its signed result all the same.
 */
async function recordIssued(deps: SignDeps, input: { id: string; meta: RequestMeta }, sha256: string, fileName: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await deps.db.selectFrom('dossiers').select(['last_seq', 'status']).where('id', '=', input.id).executeTakeFirstOrThrow();
    if (row.status !== 'resultReady') return;
    const acted = await actOnDossier(deps, {
      id: input.id,
      command: { type: 'issueResult', fileSha256: sha256, fileName },
      expectedSeq: row.last_seq,
      meta: input.meta,
    });
    if (acted.ok || acted.error.code !== 'DOSSIER_CHANGED') return;
  }
}
