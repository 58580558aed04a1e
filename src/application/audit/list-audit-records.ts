import type { AppDeps } from '../context.js';
import { authorize, scopeRootOf, type Actor } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';

export interface AuditRecordView {
  seq: number;
  at: string;
  actorName: string | null;
  role: string | null;
  unitCode: string | null;
  action: string;
  target: string | null;
  requestId: string;
}

/** Latest audit records whose actor belongs to the viewer's subtree (a province monitor sees all). */
export async function listAuditRecords(
  deps: AppDeps,
  { actor, limit, beforeSeq }: { actor: Actor | null; limit: number; beforeSeq?: number | undefined },
): Promise<Result<AuditRecordView[]>> {
  const tree = deps.units.tree();
  const decision = authorize(actor, 'audit.view', actor?.unitCode ? { unitCode: actor.unitCode } : {}, tree);
  if (!decision.ok || !actor?.unitCode) return fail(decision.ok ? 'FORBIDDEN_UNIT' : decision.code);
  const root = scopeRootOf(actor.unitCode, tree);
  const scope = tree.all().filter((u) => tree.isWithin(u.code, root)).map((u) => u.code);
  const isRoot = tree.find(root)?.parentCode === null;
  let query = deps.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'users.full_name',
      'audit_log.actor_role',
      'audit_log.actor_unit',
      'audit_log.action',
      'audit_log.target_type',
      'audit_log.target_id',
      'audit_log.request_id',
    ])
    .orderBy('audit_log.seq', 'desc')
    .limit(limit);
  if (beforeSeq !== undefined) query = query.where('audit_log.seq', '<', String(beforeSeq));
  // A province-level viewer also sees citizens' and anonymous records; others only their subtree's officials.
  if (!isRoot) query = query.where('audit_log.actor_unit', 'in', scope);
  const rows = await query.execute();
  return ok(
    rows.map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      actorName: r.full_name,
      role: r.actor_role,
      unitCode: r.actor_unit,
      action: r.action,
      target: r.target_type ? `${r.target_type}:${r.target_id ?? ''}` : null,
      requestId: r.request_id,
    })),
  );
}
