/**
 * An official's in-app notifications (the back office's bell): the step-deadline warnings and escalations
 * written by warn-step-deadlines.ts, newest first, with the number still unread; and marking them read. Each
 * official sees only their own.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { fail, ok } from '../../domain/errors/error-codes.js';
import { isOfficialRole } from '../../domain/access/roles.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';

export async function listOfficialNotifications(deps: AppDeps, input: { limit: number; meta: RequestMeta }) {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!isOfficialRole(actor.role)) return fail('FORBIDDEN_ROLE');
  const rows = await deps.db
    .selectFrom('official_notifications as n')
    .leftJoin('dossiers as d', 'd.id', 'n.dossier_id')
    .leftJoin('feedback_items as f', 'f.id', 'n.feedback_id')
    .select([
      'n.id',
      'n.dossier_id',
      'd.code',
      'n.feedback_id',
      'f.code as feedback_code',
      'n.reform_task_id',
      'n.par_round_id',
      'n.par_unit_code',
      'n.kind',
      'n.title',
      'n.body',
      'n.created_at',
      'n.read_at',
    ])
    .where('n.user_id', '=', actor.userId)
    .orderBy('n.id', 'desc')
    .limit(input.limit)
    .execute();
  const unread = await deps.db
    .selectFrom('official_notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return ok({
    unread: Number(unread.n),
    items: rows.map((r) => ({
      id: String(r.id),
      dossierId: r.dossier_id,
      dossierCode: r.code,
      feedbackId: r.feedback_id,
      feedbackCode: r.feedback_code,
      reformTaskId: r.reform_task_id,
      parRoundId: r.par_round_id,
      parUnitCode: r.par_unit_code,
      kind: r.kind,
      title: r.title,
      body: r.body,
      createdAt: vietnamIso(r.created_at),
      read: r.read_at !== null,
    })),
  });
}

/** Mark the official's own notifications read: the ones listed, or all of them. */
export async function markOfficialNotificationsRead(deps: AppDeps, input: { ids: string[] | null; meta: RequestMeta }) {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!isOfficialRole(actor.role)) return fail('FORBIDDEN_ROLE');
  const result = await deps.db
    .updateTable('official_notifications')
    .set({ read_at: deps.clock() })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .$if(input.ids !== null, (q) => q.where('id', 'in', input.ids!.length === 0 ? ['0'] : input.ids!))
    .executeTakeFirst();
  return ok({ marked: Number(result.numUpdatedRows) });
}
