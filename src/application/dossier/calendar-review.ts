/**
 * When a schedule is published late, open dossiers counted across a changed date are listed for review.
 * Their appointments never change by themselves: an official recomputes one (the `recomputeDue` action,
 * audited) or leaves it, and the change is then marked reviewed.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize, coversUnit } from '../../domain/access/policy.js';
import { isOfficialRole } from '../../domain/access/roles.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { NATIONAL_SCOPE } from '../calendar/calendar-directory.js';
import { vietnamDate, vietnamIso } from '../../domain/calendar/vietnam-time.js';

export interface ReviewItem {
  changeId: string;
  scope: string;
  changedAt: string;
  dossierId: string;
  code: string;
  acceptedAt: string;
  dueAt: string;
  /** The changed dates inside the dossier's counting period. */
  dates: string[];
}

export async function calendarReview(
  deps: AppDeps,
  meta: RequestMeta,
): Promise<Result<{ items: ReviewItem[]; changes: { id: string; scope: string; year: number; changedAt: string; dates: string[] }[] }>> {
  const actor = meta.actor;
  if (!actor || !isOfficialRole(actor.role) || !actor.unitCode) return fail(actor ? 'FORBIDDEN_ROLE' : 'AUTH_REQUIRED');
  const tree = deps.units.tree();
  const changes = await deps.db.selectFrom('calendar_changes').selectAll().where('reviewed_at', 'is', null).orderBy('changed_at').execute();
  if (changes.length === 0) return ok({ items: [], changes: [] });
  const latest = new Date(Math.max(...changes.map((c) => c.changed_at.getTime())));
  const open = await deps.db
    .selectFrom('dossiers')
    .select(['id', 'code', 'unit_code', 'receiving_unit_code', 'accepted_at', 'due_at'])
    .where('national_code', 'in', [2, 4, 5, 6])
    .where('accepted_at', '<', latest)
    .execute();
  const items: ReviewItem[] = [];
  for (const change of changes) {
    for (const d of open) {
      if (!d.accepted_at || !d.due_at || d.accepted_at >= change.changed_at) continue;
      const inScope = tree.find(d.unit_code) && (coversUnit(actor, d.unit_code, tree) || coversUnit(actor, d.receiving_unit_code, tree));
      if (!inScope) continue;
      if (change.scope !== NATIONAL_SCOPE && !tree.isWithin(d.unit_code, change.scope)) continue;
      const from = vietnamDate(d.accepted_at);
      const to = vietnamDate(d.due_at);
      const dates = change.changed_dates.filter((date) => date >= from && date <= to);
      if (dates.length === 0) continue;
      items.push({
        changeId: change.id,
        scope: change.scope,
        changedAt: vietnamIso(change.changed_at),
        dossierId: d.id,
        code: d.code,
        acceptedAt: vietnamIso(d.accepted_at),
        dueAt: vietnamIso(d.due_at),
        dates,
      });
    }
  }
  return ok({ items, changes: changes.map((c) => ({ id: c.id, scope: c.scope, year: c.year, changedAt: vietnamIso(c.changed_at), dates: c.changed_dates })) });
}

/** Close a schedule change's review (administrators). */
export async function markChangeReviewed(deps: AppDeps, input: { id: string; meta: RequestMeta }): Promise<Result<{ id: string }>> {
  const decision = authorize(input.meta.actor, 'calendar.manage');
  if (!decision.ok) return fail(decision.code);
  const now = deps.clock();
  const done = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('calendar_changes')
      .set({ reviewed_at: now })
      .where('id', '=', input.id)
      .where('reviewed_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'calendar.change_reviewed',
      targetType: 'calendar_change',
      targetId: input.id,
      details: {},
      at: now,
    });
    return true;
  });
  return done ? ok({ id: input.id }) : fail('NOT_FOUND');
}
