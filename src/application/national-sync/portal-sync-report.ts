/**
 * The report of the sync with the national portal (issue 21 §4): the queue (pending, in doubt, parked, lag, last
 * acknowledgement and error), and per competent unit of the reader's scope the dossiers received in the period,
 * those the portal acknowledged with their reception date (indicator 1.4), those waiting and those parked, with the
 * last error; and the last reconciliation.
 */
import { sql } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize, scopeRootOf } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { vietnamDayEnd, vietnamDayStart } from '../../domain/calendar/vietnam-time.js';
import type { PortalReconciliation, PortalSyncReport } from '../../contract/national-portal.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function lastReconciliation(db: AppDeps['db']): Promise<PortalReconciliation | null> {
  const r = await db.selectFrom('portal_reconciliations').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!r) return null;
  const { id, trigger, checked, missing, stale, resent, error } = r;
  // Only the declared fields: a nullable object is matched whole when it is written out.
  return { id, trigger, checked, missing, stale, resent, error, startedAt: r.started_at.toISOString(), finishedAt: iso(r.finished_at) };
}

/** The queue as a whole: also the connected-systems page's and the metrics' figures. */
export async function portalQueue(db: AppDeps['db'], now: Date): Promise<PortalSyncReport['queue']> {
  const q = await db
    .selectFrom('portal_sync')
    .select([
      sql<string>`count(*) filter (where version > synced_version and parked_at is null)`.as('pending'),
      sql<string>`count(*) filter (where in_doubt)`.as('in_doubt'),
      sql<string>`count(*) filter (where parked_at is not null)`.as('parked'),
      sql<Date | null>`min(pending_since) filter (where version > synced_version)`.as('oldest'),
      sql<Date | null>`max(last_acked_at)`.as('last_acked'),
    ])
    .executeTakeFirstOrThrow();
  const lastError = await db
    .selectFrom('portal_sync')
    .select('last_error')
    .where('last_error', 'is not', null)
    .whereRef('version', '>', 'synced_version')
    .orderBy('next_attempt_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const oldest = q.oldest ? new Date(q.oldest) : null;
  return {
    pending: Number(q.pending),
    inDoubt: Number(q.in_doubt),
    parked: Number(q.parked),
    oldestPendingAt: iso(oldest),
    lagSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
    lastAckedAt: q.last_acked ? new Date(q.last_acked).toISOString() : null,
    lastError: lastError?.last_error ?? null,
  };
}

export async function portalSyncReport(
  deps: AppDeps & { portalConfigured: boolean },
  input: { from: string; to: string; meta: RequestMeta },
): Promise<Result<PortalSyncReport>> {
  const actor = input.meta.actor;
  const allowed = authorize(actor, 'audit.view');
  if (!allowed.ok) return fail(allowed.code);
  if (!actor?.unitCode) return fail('FORBIDDEN_UNIT');
  if (input.to < input.from) return fail('VALIDATION_FAILED', [{ path: 'query.to', message: 'Ngày kết thúc trước ngày bắt đầu' }]);
  const tree = deps.units.tree();
  const root = scopeRootOf(actor.unitCode, tree);
  const scope = tree.subtreeCodes(root);
  const rows = await deps.db
    .selectFrom('dossiers as d')
    .leftJoin('portal_sync as s', 's.dossier_id', 'd.id')
    .select([
      'd.unit_code',
      sql<string>`count(*)`.as('received'),
      sql<string>`count(*) filter (where s.reception_acked_at is not null)`.as('synced'),
      sql<string>`count(*) filter (where s.version > s.synced_version and s.parked_at is null)`.as('pending'),
      sql<string>`count(*) filter (where s.parked_at is not null)`.as('failed'),
      sql<
        string | null
      >`(array_agg(s.last_error order by s.next_attempt_at desc) filter (where s.last_error is not null and s.version > s.synced_version))[1]`.as('last_error'),
    ])
    .where('d.accepted_at', '>=', vietnamDayStart(input.from))
    .where('d.accepted_at', '<', vietnamDayEnd(input.to))
    .where('d.unit_code', 'in', scope)
    .groupBy('d.unit_code')
    .orderBy('d.unit_code')
    .execute();
  return ok({
    configured: deps.portalConfigured,
    queue: await portalQueue(deps.db, deps.clock()),
    units: rows.map((r) => ({
      unitCode: r.unit_code,
      unitName: tree.find(r.unit_code)?.name ?? r.unit_code,
      received: Number(r.received),
      synced: Number(r.synced),
      pending: Number(r.pending),
      failed: Number(r.failed),
      lastError: r.last_error,
    })),
    lastReconciliation: await lastReconciliation(deps.db),
  });
}
