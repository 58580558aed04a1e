/**
 * Dossiers the portal refused too many times (issue 21 §1): listed with their error for a person to fix, and sent
 * again on demand (a change of the dossier sends it again too).
 */
import { sql } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import type { ParkedSync } from '../../contract/national-portal.js';

export async function listParkedSyncs(deps: AppDeps, input: { meta: RequestMeta }): Promise<Result<{ items: ParkedSync[] }>> {
  const allowed = authorize(input.meta.actor, 'audit.view');
  if (!allowed.ok) return fail(allowed.code);
  const rows = await deps.db
    .selectFrom('portal_sync as s')
    .innerJoin('dossiers as d', 'd.id', 's.dossier_id')
    .select(['s.dossier_id', 'd.code', 'd.unit_code', 's.attempts', 's.last_error', 's.parked_at'])
    .where('s.parked_at', 'is not', null)
    .orderBy('s.parked_at')
    .limit(500)
    .execute();
  return ok({
    items: rows.map((r) => ({
      dossierId: r.dossier_id,
      code: r.code,
      unitCode: r.unit_code,
      attempts: r.attempts,
      lastError: r.last_error,
      parkedAt: r.parked_at!.toISOString(),
    })),
  });
}

export async function retryParkedSync(deps: AppDeps, input: { dossierId: string; meta: RequestMeta }): Promise<Result<{ retried: true }>> {
  const allowed = authorize(input.meta.actor, 'integrations.manage');
  if (!allowed.ok) return fail(allowed.code);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('portal_sync')
      .set({ parked_at: null, attempts: 0, next_attempt_at: sql`now()`, in_doubt: true })
      .where('dossier_id', '=', input.dossierId)
      .where('parked_at', 'is not', null)
      .returning('dossier_id')
      .executeTakeFirst();
    if (!row) return fail('NOT_FOUND');
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'nationalSync.retry',
      targetType: 'dossier',
      targetId: input.dossierId,
      details: {},
      at: deps.clock(),
    });
    return ok({ retried: true as const });
  });
}
