/** The catalogue team marks a notice of a national change handled (issue 21 item 6): once, audited; again is a no-op. */
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { ok, fail, type Result } from '../../domain/errors/error-codes.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import type { NationalNotice } from '../../contract/national-catalogue.js';
import { readNotices } from './list-national-notices.js';

export async function handleNationalNotice(deps: AppDeps, input: { id: string; meta: RequestMeta }): Promise<Result<NationalNotice>> {
  const allowed = authorize(input.meta.actor, 'catalogue.manage');
  if (!allowed.ok) return fail(allowed.code);
  const now = deps.clock();
  const found = await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('national_catalogue_notices').select(['id', 'procedure_code', 'handled_at']).where('id', '=', input.id).executeTakeFirst();
    if (!row) return false;
    if (row.handled_at !== null) return true;
    const marked = await trx
      .updateTable('national_catalogue_notices')
      .set({ handled_at: now, handled_by: input.meta.actor?.userId ?? null })
      .where('id', '=', row.id)
      .where('handled_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    // A concurrent request marked it first: nothing more to record.
    if (!marked) return true;
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'catalogue.national_notice_handled',
      targetType: 'national_catalogue_notice',
      targetId: row.id,
      details: { procedureCode: row.procedure_code },
      at: now,
    });
    return true;
  });
  if (!found) return fail('NATIONAL_NOTICE_NOT_FOUND');
  const [notice] = await readNotices(deps, { id: input.id });
  return ok(notice!);
}
