/** The notices of procedures a ministry changed on the national procedure database, for the catalogue team (issue 21 item 6). */
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { ok, fail, type Result } from '../../domain/errors/error-codes.js';
import { parseSyncDate } from '../../contract/national-sync.js';
import type { NationalNotice, NationalNoticeList, NationalNoticeQuery } from '../../contract/national-catalogue.js';

const MAX_NOTICES = 500;

/** The notices (one, or those in a state), newest first, with their draft decision. */
export async function readNotices(deps: AppDeps, filter: { id?: string; state?: NationalNoticeQuery['state'] }): Promise<NationalNotice[]> {
  let query = deps.db
    .selectFrom('national_catalogue_notices as n')
    .leftJoin('publication_decisions as d', 'd.id', 'n.decision_id')
    .leftJoin('users as u', 'u.id', 'n.handled_by')
    .select([
      'n.id',
      'n.procedure_code',
      'n.procedure_name',
      'n.national_updated_at',
      'n.changes',
      'n.created_at',
      'n.handled_at',
      'u.full_name as handled_by',
      'd.id as decision_id',
      'd.number as decision_number',
      'd.status as decision_status',
    ])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.procedure_code')
    .limit(MAX_NOTICES);
  if (filter.id !== undefined) query = query.where('n.id', '=', filter.id);
  if (filter.state === 'open') query = query.where('n.handled_at', 'is', null);
  if (filter.state === 'handled') query = query.where('n.handled_at', 'is not', null);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    nationalUpdatedAt: (parseSyncDate(r.national_updated_at) ?? r.created_at).toISOString(),
    changes: r.changes as NationalNotice['changes'],
    draft: r.decision_id && r.decision_number && r.decision_status ? { id: r.decision_id, number: r.decision_number, status: r.decision_status } : null,
    createdAt: r.created_at.toISOString(),
    handledAt: r.handled_at?.toISOString() ?? null,
    handledBy: r.handled_by ?? null,
  }));
}

export async function listNationalNotices(deps: AppDeps, input: NationalNoticeQuery & { meta: RequestMeta }): Promise<Result<NationalNoticeList>> {
  const allowed = authorize(input.meta.actor, 'catalogue.manage');
  if (!allowed.ok) return fail(allowed.code);
  const [notices, open] = await Promise.all([
    readNotices(deps, { state: input.state }),
    deps.db
      .selectFrom('national_catalogue_notices')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('handled_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return ok({ notices, open: Number(open.n) });
}
