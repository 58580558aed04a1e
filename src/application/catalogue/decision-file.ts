/** The signed file of a publication decision (PDF): stored content-addressed, public once the decision is. */
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { sniffFileType, type FileStore } from '../../infrastructure/files/file-store.js';
import type { DecisionFileAttached } from '../../contract/publication.js';

type Deps = AppDeps & { files: FileStore };

export async function attachDecisionFile(
  deps: Deps,
  input: { id: string; fileName: string; bytes: Buffer; meta: RequestMeta },
): Promise<Result<DecisionFileAttached>> {
  const row = await deps.db.selectFrom('publication_decisions').select(['id', 'unit_code', 'number']).where('id', '=', input.id).executeTakeFirst();
  if (!row) return fail('DECISION_NOT_FOUND');
  const decision = authorize(input.meta.actor, 'catalogue.manage', { unitCode: row.unit_code }, deps.units.tree());
  if (!decision.ok) return fail(decision.code);
  if (sniffFileType(input.bytes) !== 'pdf')
    return fail('UNSUPPORTED_MEDIA_TYPE', [{ path: 'body', message: 'Tệp quyết định phải là PDF (kiểm tra theo nội dung tệp, không theo tên)' }]);
  const stored = await deps.files.put(input.bytes);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('publication_decisions').set({ file_name: input.fileName, file_sha256: stored.sha256 }).where('id', '=', row.id).execute();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'catalogue.decision_file_attached',
      targetType: 'publication_decision',
      targetId: row.id,
      details: { number: row.number, fileName: input.fileName, sha256: stored.sha256, size: stored.size },
      at: deps.clock(),
    });
  });
  return ok({ id: row.id, fileName: input.fileName, sha256: stored.sha256, size: stored.size });
}

/** A published decision's file is public; a draft's only for its unit's catalogue managers, hidden from anyone else. */
export async function readDecisionFile(deps: Deps, input: { id: string; meta: RequestMeta }): Promise<Result<{ fileName: string; bytes: Buffer }>> {
  const row = await deps.db
    .selectFrom('publication_decisions')
    .select(['unit_code', 'status', 'file_name', 'file_sha256'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row) return fail('DECISION_NOT_FOUND');
  if (row.status !== 'published') {
    const decision = authorize(input.meta.actor, 'catalogue.manage', { unitCode: row.unit_code }, deps.units.tree());
    if (!decision.ok) return fail('DECISION_NOT_FOUND');
  }
  if (!row.file_sha256) return fail('FILE_NOT_FOUND');
  const bytes = await deps.files.read(row.file_sha256);
  if (!bytes) return fail('FILE_NOT_FOUND');
  return ok({ fileName: row.file_name ?? 'quyet-dinh.pdf', bytes });
}
