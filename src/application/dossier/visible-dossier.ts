/** A dossier for a request, only when the requesting actor may see it (dossier-store.ts canSee); otherwise "not found". */
import type { AppDeps, RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { Actor } from '../../domain/access/policy.js';
import type { ActorRelation } from '../../domain/dossier/decide.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import type { UnitTree } from '../../domain/units/unit.js';
import { canSee, relationOf } from './dossier-store.js';

/** A stored dossier row with its header and state read, and how the actor stands to it. */
export interface SeenDossier<R> {
  row: R;
  header: DossierHeader;
  state: DossierState;
  relation: ActorRelation;
}

/**
 * A dossier row (undefined when none was found) as this actor sees it; DOSSIER_NOT_FOUND when there is no row
 * or the actor may not see it, so that a stranger cannot even tell the dossier exists.
 */
export function seenBy<R extends { header: unknown; state: unknown }>(actor: Actor, row: R | undefined, tree: UnitTree): Result<SeenDossier<R>> {
  if (!row) return fail('DOSSIER_NOT_FOUND');
  const header = row.header as DossierHeader;
  const state = row.state as DossierState;
  const relation = relationOf(actor, header, state, tree);
  return canSee(relation, header, tree, actor) ? ok({ row, header, state, relation }) : fail('DOSSIER_NOT_FOUND');
}

type DossierRow = { id: string; code: string; header: unknown; state: unknown; components: unknown };

export type VisibleDossier = SeenDossier<DossierRow> & { actor: Actor };

/** The dossier with this id as the request's actor sees it: AUTH_REQUIRED without a signed-in actor, else as `seenBy`. */
export async function findVisibleDossier(deps: AppDeps, id: string, meta: RequestMeta): Promise<Result<VisibleDossier>> {
  const actor = meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  const row = await deps.db.selectFrom('dossiers').select(['id', 'code', 'header', 'state', 'components']).where('id', '=', id).executeTakeFirst();
  const seen = seenBy(actor, row, deps.units.tree());
  return seen.ok ? ok({ actor, ...seen.value }) : seen;
}
