import type { AppDeps } from '../context.js';
import { authorize, type Actor } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';

export interface OfficialSummary {
  id: string;
  username: string;
  fullName: string;
  role: string;
}

/** The officials of one unit; only visible to officials whose subtree contains that unit. */
export async function listUnitOfficials(deps: AppDeps, { actor, unitCode }: { actor: Actor | null; unitCode: string }): Promise<Result<OfficialSummary[]>> {
  const tree = deps.units.tree();
  if (!tree.find(unitCode)) return fail('UNIT_NOT_FOUND');
  const decision = authorize(actor, 'officials.view', { unitCode }, tree);
  if (!decision.ok) return fail(decision.code);
  const rows = await deps.db
    .selectFrom('users')
    .select(['id', 'username', 'full_name', 'role'])
    .where('kind', '=', 'official')
    .where('unit_code', '=', unitCode)
    .orderBy('username')
    .execute();
  return ok(rows.map((r) => ({ id: r.id, username: r.username ?? '', fullName: r.full_name, role: r.role })));
}
