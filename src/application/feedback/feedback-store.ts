/**
 * What the feedback use cases share (issue 22): the item's code, the search text, the working-day clock of the
 * province, recording an event (folded into the item's state in the same transaction, audited), and the rules of who
 * handles an item (the officials of the unit that must answer, and the units above it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Transaction, type Updateable } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import type { DB } from '../../infrastructure/db/schema.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import type { PersonalDataCipher } from '../personal-data.js';
import { addWorkingTime, workingMinutesPerDay } from '../../domain/calendar/working-time.js';
import { evolveFeedback, type FeedbackEvent, type FeedbackState } from '../../domain/feedback/feedback.js';
import { DEFAULT_FEEDBACK_DEADLINES, type AddWorkingDays, type FeedbackDeadlines } from '../../domain/feedback/deadlines.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { toLocal } from '../dossier/dossier-store.js';
import { vietnamFields } from '../../domain/calendar/vietnam-time.js';
import { stateOf } from './feedback-views.js';

export type FeedbackDeps = AppDeps & {
  calendars: CalendarDirectory;
  catalogue: CatalogueDirectory;
  personalData: PersonalDataCipher;
  /** The deadlines in working days (configuration; defaults REFERENCE §5). */
  feedbackDeadlines?: FeedbackDeadlines;
};

export const deadlinesOf = (deps: Pick<FeedbackDeps, 'feedbackDeadlines'>): FeedbackDeadlines => deps.feedbackDeadlines ?? DEFAULT_FEEDBACK_DEADLINES;

/** Working days in the calendar and office hours of the unit. */
export function workingDaysOf(deps: Pick<FeedbackDeps, 'calendars'>, unitCode: string): AddWorkingDays {
  const rules = deps.calendars.rulesFor(unitCode);
  const perDay = workingMinutesPerDay(rules.hours);
  return (from, days) => addWorkingTime(rules.calendar, rules.hours, from, days * perDay);
}

/** Lowercase, without diacritics (đ as d), single spaces: what the public search compares. */
export function searchText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/giu, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** PAKN-yyyy-nnnnnn, the year in Vietnam time. */
export async function nextFeedbackCode(trx: Transaction<DB>, at: Date): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('feedback_number_seq')::text as n`.execute(trx);
  return `PAKN-${vietnamFields(at).year}-${rows[0]!.n.padStart(6, '0')}`;
}

/** A reporter's tracking secret, shown once; the item keeps its hash. */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(12).toString('base64url');
  return { secret, hash: secretHash(secret) };
}
export const secretHash = (secret: string) => createHash('sha256').update(`motcua feedback ${secret}`).digest('base64url');

export interface StoredItem {
  id: string;
  code: string;
  unit_code: string;
  state: FeedbackState;
  seq: number;
}

/** The item, locked for the caller's transaction. */
export async function lockItem(trx: Transaction<DB>, id: string): Promise<StoredItem | null> {
  const row = await trx.selectFrom('feedback_items').select(['id', 'code', 'unit_code', 'state', 'seq']).where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? { ...row, state: stateOf(row) } : null;
}

/** Records an event: the item's state folded forward, the event kept, an audit record; returns the new state. */
export async function recordEvent(
  trx: Transaction<DB>,
  item: StoredItem,
  event: FeedbackEvent,
  meta: RequestMeta,
  now: Date,
  extra: Pick<
    Updateable<DB['feedback_items']>,
    'answer_draft' | 'answer' | 'published_at' | 'unit_code' | 'kind' | 'procedure_code' | 'field_code' | 'search_text'
  > = {},
  details: Record<string, unknown> = {},
): Promise<FeedbackState> {
  const next = evolveFeedback(item.state, event);
  const seq = item.seq + 1;
  const actor = meta.actor;
  await trx
    .updateTable('feedback_items')
    .set({ ...extra, state: JSON.stringify(next), status: next.status, seq })
    .where('id', '=', item.id)
    .execute();
  await trx
    .insertInto('feedback_events')
    .values({
      feedback_id: item.id,
      seq,
      type: event.type,
      payload: JSON.stringify(event),
      at: now,
      actor_id: actor?.userId ?? null,
      actor_role: actor?.role ?? null,
      actor_unit: actor?.unitCode ?? null,
    })
    .execute();
  await appendAudit(trx, {
    ...auditActor(meta),
    action: `feedback.${event.type}`,
    targetType: 'feedback',
    targetId: item.id,
    details: { code: item.code, seq, ...details },
    at: now,
  });
  return next;
}

export const localNow = (deps: AppDeps) => toLocal(deps.clock());
