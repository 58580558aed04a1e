/**
 * The officials' feedback queue and an item's page (issue 22): the items of the official's unit and the units below,
 * most urgent first (late first, then by the next deadline); an item with its history, its attachments, the actions
 * its state allows, and the reporter's contact data, which only the handling unit's officials see.
 */
import type { RequestMeta } from '../context.js';
import { authorize, scopeRootOf } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { ALLOWED, allowed, FEEDBACK_STATUSES, HANDLED, type FeedbackEventType, type FeedbackStatus } from '../../domain/feedback/feedback.js';
import type { FeedbackDetail, FeedbackSummary, Reporter } from '../../contract/feedback.js';
import { openOrNull } from '../personal-data.js';
import { attachmentsOf, stateOf, summaryOf } from './feedback-views.js';
import type { FeedbackDeps } from './feedback-store.js';

const REPORTER_ACTIONS: ReadonlySet<FeedbackEventType> = new Set(['receive', 'supplement', 'reraise']);
const OPEN = FEEDBACK_STATUSES.filter((s) => !HANDLED.has(s) || s === 'awaitingPublication');

export async function listFeedback(
  deps: FeedbackDeps,
  input: { status?: FeedbackStatus; open?: 'true' | 'false'; limit: number; meta: RequestMeta },
): Promise<Result<{ items: FeedbackSummary[]; total: number }>> {
  const actor = input.meta.actor;
  const allowed = authorize(actor, 'feedback.handle');
  if (!allowed.ok) return fail(allowed.code);
  if (!actor?.unitCode) return fail('FORBIDDEN_UNIT');
  const tree = deps.units.tree();
  const root = scopeRootOf(actor.unitCode, tree);
  const scope = tree.subtreeCodes(root);
  let q = deps.db
    .selectFrom('feedback_items')
    .select(['id', 'code', 'title', 'channel', 'unit_code', 'kind', 'status', 'received_at', 'state'])
    .where('unit_code', 'in', scope);
  if (input.status) q = q.where('status', '=', input.status);
  else if (input.open !== 'false') q = q.where('status', 'in', OPEN);
  const rows = await q.orderBy('received_at').limit(2000).execute();
  const items = rows.map((r) => summaryOf(deps, r));
  // Late first, then the nearest deadline, then the oldest.
  items.sort((a, b) => b.late.length - a.late.length || (a.next?.dueAt ?? '9').localeCompare(b.next?.dueAt ?? '9') || a.receivedAt.localeCompare(b.receivedAt));
  return ok({ items: items.slice(0, input.limit), total: items.length });
}

/** Whether the caller handles an item of `unitCode`: an official with feedback.handle whose scope covers the unit (an item's page, its files). */
export const handlesItem = (deps: FeedbackDeps, meta: RequestMeta, unitCode: string) =>
  authorize(meta.actor, 'feedback.handle', { unitCode }, deps.units.tree()).ok;

export async function getFeedback(deps: FeedbackDeps, input: { id: string; meta: RequestMeta }): Promise<Result<FeedbackDetail>> {
  const role = authorize(input.meta.actor, 'feedback.handle');
  if (!role.ok) return fail(role.code);
  const row = await deps.db.selectFrom('feedback_items').selectAll().where('id', '=', input.id).executeTakeFirst();
  const tree = deps.units.tree();
  if (!row || !handlesItem(deps, input.meta, row.unit_code)) return fail('FEEDBACK_NOT_FOUND');
  const [events, attachments, dossier] = await Promise.all([
    deps.db.selectFrom('feedback_events').select(['seq', 'type', 'at', 'actor_role', 'payload']).where('feedback_id', '=', row.id).orderBy('seq').execute(),
    attachmentsOf(deps, row.id),
    row.dossier_id ? deps.db.selectFrom('dossiers').select('code').where('id', '=', row.dossier_id).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const state = stateOf(row);
  const sealed = openOrNull(deps.personalData, row.reporter_sealed);
  const canApprove = authorize(input.meta.actor, 'feedback.approve', { unitCode: row.unit_code }, tree).ok;
  // What the state allows (one supplement request included), less the reporter's own actions and, for those who
  // may not approve, the leader's.
  const actions = ALLOWED[state.status].filter(
    (a: FeedbackEventType) => allowed(state, a) && !REPORTER_ACTIONS.has(a) && (canApprove || (a !== 'approveAnswer' && a !== 'rejectDraft')),
  );
  return ok({
    ...summaryOf(deps, row),
    content: row.content,
    procedureCode: row.procedure_code,
    fieldCode: row.field_code,
    dossierCode: dossier?.code ?? null,
    forwardedFrom: row.forwarded_from,
    reporter: sealed ? (JSON.parse(sealed) as Reporter) : null,
    showName: row.public_name !== null,
    answerDraft: row.answer_draft,
    answer: row.answer,
    publishedAt: row.published_at?.toISOString() ?? null,
    likes: row.likes,
    dislikes: row.dislikes,
    seq: row.seq,
    availableActions: actions,
    events: events.map((e) => {
      const p = e.payload as { reason?: string };
      return { seq: e.seq, type: e.type, at: e.at.toISOString(), actorRole: e.actor_role, note: typeof p.reason === 'string' ? p.reason : null };
    }),
    attachments,
  });
}
