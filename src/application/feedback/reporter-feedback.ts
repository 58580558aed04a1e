/**
 * What the reporter does with their item (issue 22 §4): follow it with its code and tracking secret (or from their
 * account), send the one supplement asked of them, and re-raise a published answer they are not satisfied with (it
 * reopens the item and counts against indicator 5.3). Likes and dislikes on a published answer: one vote per account,
 * or the reporter's own with the secret.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { allowed, STATUS_LABELS, type FeedbackStatus } from '../../domain/feedback/feedback.js';
import { toLocal } from '../dossier/dossier-store.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { lockItem, recordEvent, secretHash, searchText, type FeedbackDeps } from './feedback-store.js';
import { attachmentsOf, stateOf } from './feedback-views.js';

interface Owned {
  id: string;
  status: FeedbackStatus;
}

const sameHash = (a: string | null, b: string) => a !== null && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Whether the tracking secret, or the signed-in account that sent it, proves the item is the caller's. */
export function reporterOwns(row: { secret_hash: string | null; reporter_user_id: string | null }, secret: string | null, meta: RequestMeta): boolean {
  const bySecret = secret !== null && sameHash(row.secret_hash, secretHash(secret));
  const byAccount = row.reporter_user_id !== null && meta.actor?.userId === row.reporter_user_id;
  return bySecret || byAccount;
}

/** The item of `code` when the secret (or the signed-in reporter's account) proves it is theirs. */
async function ownedItem(deps: FeedbackDeps, code: string, secret: string | null, meta: RequestMeta): Promise<Owned | null> {
  const row = await deps.db
    .selectFrom('feedback_items')
    .select(['id', 'status', 'secret_hash', 'reporter_user_id'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row && reporterOwns(row, secret, meta) ? { id: row.id, status: row.status as FeedbackStatus } : null;
}

export async function reporterView(deps: FeedbackDeps, input: { code: string; secret: string | null; meta: RequestMeta }) {
  const owned = await ownedItem(deps, input.code, input.secret, input.meta);
  if (!owned) return fail('FEEDBACK_NOT_FOUND');
  const [row, attachments] = await Promise.all([
    deps.db.selectFrom('feedback_items').select(['code', 'title', 'answer', 'state']).where('id', '=', owned.id).executeTakeFirstOrThrow(),
    attachmentsOf(deps, owned.id),
  ]);
  const state = stateOf(row);
  return ok({
    id: owned.id,
    attachments,
    code: row.code,
    title: row.title,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    answer: state.status === 'published' ? row.answer : null,
    canSupplement: allowed(state, 'supplement'),
    canReraise: allowed(state, 'reraise'),
  });
}

async function reporterEvent(
  deps: FeedbackDeps,
  input: { code: string; secret: string | null; meta: RequestMeta },
  type: 'supplement' | 'reraise',
  text: string,
): Promise<Result<{ code: string; status: string }>> {
  const owned = await ownedItem(deps, input.code, input.secret, input.meta);
  if (!owned) return fail('FEEDBACK_NOT_FOUND');
  return deps.db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, owned.id);
    if (!item || !allowed(item.state, type)) return fail('FEEDBACK_ACTION_NOT_ALLOWED');
    const now = deps.clock();
    const row = await trx.selectFrom('feedback_items').select(['title', 'content']).where('id', '=', item.id).executeTakeFirstOrThrow();
    const content = `${row.content}\n\n[${type === 'supplement' ? 'Bổ sung' : 'Phản ánh lại'} ${now.toISOString().slice(0, 10)}] ${text}`;
    await trx
      .updateTable('feedback_items')
      .set({ content, search_text: searchText(row.title, content) })
      .where('id', '=', item.id)
      .execute();
    const event = type === 'supplement' ? { type, at: toLocal(now) } : { type, at: toLocal(now), reason: text };
    const next = await recordEvent(trx, item, event, input.meta, now);
    return ok({ code: item.code, status: next.status });
  });
}

export const supplementFeedback = (deps: FeedbackDeps, input: { code: string; secret: string | null; content: string; meta: RequestMeta }) =>
  reporterEvent(deps, input, 'supplement', input.content);

export const reraiseFeedback = (deps: FeedbackDeps, input: { code: string; secret: string | null; reason: string; meta: RequestMeta }) =>
  reporterEvent(deps, input, 'reraise', input.reason);

/** A like or dislike of a published answer: an account's vote, or the reporter's with the secret; a second vote replaces the first. */
export async function voteFeedback(
  deps: FeedbackDeps,
  input: { code: string; vote: 'like' | 'dislike'; secret: string | null; meta: RequestMeta },
): Promise<Result<{ likes: number; dislikes: number }>> {
  const row = await deps.db.selectFrom('feedback_items').select(['id', 'status', 'secret_hash']).where('code', '=', input.code).executeTakeFirst();
  if (!row || row.status !== 'published') return fail('FEEDBACK_NOT_FOUND');
  const voter = input.meta.actor
    ? `user:${input.meta.actor.userId}`
    : input.secret !== null && sameHash(row.secret_hash, secretHash(input.secret))
      ? `reporter:${row.id}`
      : null;
  if (!voter) return fail('AUTH_REQUIRED');
  const voterHash = createHash('sha256').update(`motcua vote ${voter}`).digest('base64url');
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('feedback_votes')
      .values({ feedback_id: row.id, voter_hash: voterHash, vote: input.vote })
      .onConflict((oc) => oc.columns(['feedback_id', 'voter_hash']).doUpdateSet({ vote: input.vote, at: deps.clock() }))
      .execute();
    const counts = await trx
      .selectFrom('feedback_votes')
      .select((eb) => [
        eb.fn.countAll<string>().filterWhere('vote', '=', 'like').as('likes'),
        eb.fn.countAll<string>().filterWhere('vote', '=', 'dislike').as('dislikes'),
      ])
      .where('feedback_id', '=', row.id)
      .executeTakeFirstOrThrow();
    const likes = Number(counts.likes);
    const dislikes = Number(counts.dislikes);
    await trx.updateTable('feedback_items').set({ likes, dislikes }).where('id', '=', row.id).execute();
    // A vote moves indicator 5.3: audited, without who cast it beyond the session's actor.
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'feedback.vote',
      targetType: 'feedback',
      targetId: row.id,
      details: { code: input.code, vote: input.vote },
      at: deps.clock(),
    });
    return ok({ likes, dislikes });
  });
}
