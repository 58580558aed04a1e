/**
 * Append an action to a dossier. The dossier row is locked, the caller's `expectedSeq` must be the last
 * action's number (optimistic concurrency: of two officials acting at once, one gets DOSSIER_CHANGED),
 * the domain decides, and the action, the projection and the audit record are written together.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { fail, ok, type Result, type ErrorCode } from '../../domain/errors/error-codes.js';
import { decide } from '../../domain/dossier/decide.js';
import { evolve, type DossierHeader, type DossierState } from '../../domain/dossier/fold.js';
import type { Command, RecordedAction } from '../../domain/dossier/dossier.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { appendAction, projection, relationOf, toLocal } from './dossier-store.js';
import { enqueueDossierNotifications } from './notifications.js';

type Deps = AppDeps & { calendars: CalendarDirectory };

class Refused extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export async function actOnDossier(
  deps: Deps,
  input: { id: string; command: Command; expectedSeq: number; meta: RequestMeta },
): Promise<Result<{ id: string; seq: number; status: string; nationalCode: number }>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  const tree = deps.units.tree();
  try {
    const result = await deps.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('dossiers').select(['id', 'code', 'header', 'state', 'last_seq']).where('id', '=', input.id).forUpdate().executeTakeFirst();
      if (!row) throw new Refused('DOSSIER_NOT_FOUND');
      const header = row.header as DossierHeader;
      const state = row.state as DossierState;
      const relation = relationOf(actor, header, state, tree);
      if (!relation.isApplicant && !relation.atReceivingUnit && !relation.atCompetentUnit && !relation.atStepUnit) throw new Refused('DOSSIER_NOT_FOUND');
      if (row.last_seq !== input.expectedSeq) throw new Refused('DOSSIER_CHANGED', { lastSeq: row.last_seq });
      const now = deps.clock();
      const at = toLocal(now);
      const rules = deps.calendars.rulesFor(header.receivingUnitCode);
      const decided = decide(header, state, input.command, relation, at, rules);
      if (!decided.ok) throw new Refused(decided.refusal.code);
      const action = { ...decided.event, seq: row.last_seq + 1, at, actor: { userId: actor.userId, role: actor.role, unitCode: actor.unitCode } } as RecordedAction;
      const next = evolve(header, state, action);
      await appendAction(trx, row.id, action);
      await trx.updateTable('dossiers').set(projection(header, next)).where('id', '=', row.id).execute();
      await enqueueDossierNotifications(trx, { dossierId: row.id, code: row.code, channel: header.channel, before: state, after: next, action, at: now });
      // Last: the audit chain's head row lock serialises every writer until commit, so hold it briefly.
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: `dossier.${input.command.type}`,
        targetType: 'dossier',
        targetId: row.id,
        details: { code: row.code, seq: action.seq, status: next.status },
        at: now,
      });
      return { id: row.id, seq: action.seq, status: next.status, nationalCode: next.nationalCode };
    });
    return ok(result);
  } catch (error) {
    if (error instanceof Refused) return fail(error.code, error.details);
    // Two transactions inserting the same (dossier, seq): the loser is told to reload.
    if ((error as { code?: string }).code === '23505') return fail('DOSSIER_CHANGED');
    throw error;
  }
}
