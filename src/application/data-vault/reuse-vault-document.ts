/**
 * Reuse (issue 20): a component of a dossier is met by a document of its owner's data vault instead of an
 * upload. The document must be the dossier owner's, of a type the procedure's component lists (MaKetQuaThayThe),
 * current and still valid today; a desk officer needs the citizen's consent recorded at their unit. The file row
 * points at the same stored bytes and records the reuse (DuocTaiSuDung) and, for a document the national
 * portal's vault gave, DuocLayTuKhoDMQG: indicators 4.3 and 4.4 count these rows.
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { followDossiers } from '../scorecard/statistics.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { attachRefusal, savedView, type DossierFileView } from '../dossier/dossier-file-views.js';
import { consentInForce } from './list-vault.js';
import { isoDay, refusalFor, type VaultDeps } from './vault-store.js';

export async function reuseVaultDocument(
  deps: VaultDeps,
  input: { id: string; componentCode: string; vaultDocumentId: string; meta: RequestMeta },
): Promise<Result<DossierFileView>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const { actor, header, state, relation, row } = visible.value;
  const refusal = attachRefusal(relation, header, state);
  if (refusal) return fail('ACTION_NOT_AVAILABLE', { reason: refusal });
  const dossier = await deps.db
    .selectFrom('dossiers')
    .select(['owner_hash', 'procedure_version_id', 'procedure_code'])
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const record = deps.catalogue.history(dossier.procedure_code).find((v) => v.id === dossier.procedure_version_id)?.record;
  const component = record?.components.find((c) => c.code === input.componentCode);
  const declared = row.components as { code: string }[];
  if (!component || (declared.length > 0 && !declared.some((c) => c.code === input.componentCode)))
    return fail('VALIDATION_FAILED', [{ path: 'body.componentCode', message: 'Hồ sơ không có thành phần này' }]);
  const doc = await deps.db.selectFrom('vault_documents').selectAll().where('id', '=', input.vaultDocumentId).executeTakeFirst();
  // Another person's document is as good as absent: nothing tells whose it is.
  if (!doc || dossier.owner_hash === null || doc.owner_hash !== dossier.owner_hash) return fail('VAULT_DOCUMENT_NOT_FOUND');
  if (!relation.isApplicant && !(actor.unitCode && (await consentInForce(deps, doc.owner_hash, actor.unitCode)))) return fail('VAULT_CONSENT_REQUIRED');
  const now = deps.clock();
  const problem = refusalFor(doc, component, vietnamDate(now));
  if (problem) return fail(problem);
  const saved = await deps.db.transaction().execute(async (trx) => {
    const file = await trx
      .insertInto('dossier_files')
      .values({
        dossier_id: row.id,
        component_code: component.code,
        file_name: doc.file_name,
        content_type: doc.content_type,
        sha256: doc.file_sha256,
        size: doc.size,
        pages: null,
        form: 'electronic',
        digitized: false,
        reused: true,
        vault_document_id: doc.id,
        from_national_vault: doc.source === 'nationalVault',
        valid_until: isoDay(doc.valid_until),
        uploaded_by: actor.userId,
        uploaded_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await followDossiers(trx, [row.id]);
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'dossier.file_reused',
      targetType: 'dossier',
      targetId: row.id,
      details: { code: row.code, fileId: file.id, componentCode: component.code, vaultDocumentId: doc.id, source: doc.source, sha256: doc.file_sha256 },
      at: now,
    });
    return file;
  });
  return ok(await savedView(deps, saved, header, relation.isApplicant));
}
