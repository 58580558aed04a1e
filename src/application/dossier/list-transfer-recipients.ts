/**
 * Who may receive a dossier at a step it is being handed over to: the active officials of that step's
 * unit with the step's role (the same rule decide() applies to a named recipient). Only the official
 * who may hand the dossier over to that step asks; anyone else is told the action is not available.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { permits } from '../../domain/dossier/decide.js';
import { isEligibleRecipient, transferTargets } from '../../domain/dossier/workflow-graph.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { canSee, relationOf } from './dossier-store.js';

export interface TransferRecipient {
  id: string;
  fullName: string;
  username: string;
}

export async function listTransferRecipients(
  deps: AppDeps,
  input: { id: string; toStep: number; meta: RequestMeta },
): Promise<Result<{ toStep: number; unitCode: string; role: string; officials: TransferRecipient[] }>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  const tree = deps.units.tree();
  const row = await deps.db.selectFrom('dossiers').select(['header', 'state']).where('id', '=', input.id).executeTakeFirst();
  if (!row) return fail('DOSSIER_NOT_FOUND');
  const header = row.header as DossierHeader;
  const state = row.state as DossierState;
  const relation = relationOf(actor, header, state, tree);
  if (!canSee(relation, header, tree, actor)) return fail('DOSSIER_NOT_FOUND');
  if (!permits('transfer', header, state, relation)) return fail('ACTION_NOT_AVAILABLE');
  const step = header.steps[input.toStep];
  if (!step || !transferTargets(header, state).includes(input.toStep)) return fail('INVALID_STEP');
  const rows = await deps.db
    .selectFrom('users')
    .select(['id', 'username', 'full_name', 'role', 'unit_code', 'disabled'])
    .where('kind', '=', 'official')
    .where('role', '=', step.role)
    .where('disabled', '=', false)
    .orderBy('full_name')
    .execute();
  const officials = rows
    .filter((u) => isEligibleRecipient(step, { userId: u.id, role: u.role, unitCode: u.unit_code, disabled: u.disabled }, tree))
    .map((u) => ({ id: u.id, fullName: u.full_name, username: u.username ?? '' }));
  return ok({ toStep: input.toStep, unitCode: step.unitCode, role: step.role, officials });
}
