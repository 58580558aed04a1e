/**
 * Answered feedback in public (issue 22 §3–4): the list and search of published answers by text, field and unit, an
 * answer's page, and the similar answers a citizen sees before submitting. No personal data: the reporter's name only
 * when they agreed, never their contact data.
 */
import { sql } from 'kysely';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { PublicFeedback } from '../../contract/feedback.js';
import { searchText, type FeedbackDeps } from './feedback-store.js';

const COLUMNS = [
  'code',
  'title',
  'content',
  'unit_code',
  'field_code',
  'procedure_code',
  'public_name',
  'received_at',
  'answer',
  'published_at',
  'likes',
  'dislikes',
] as const;

type Row = {
  code: string;
  title: string;
  content: string;
  unit_code: string;
  field_code: string | null;
  procedure_code: string | null;
  public_name: string | null;
  received_at: Date;
  answer: string | null;
  published_at: Date | null;
  likes: number;
  dislikes: number;
};

function publicOf(deps: FeedbackDeps, r: Row): PublicFeedback {
  return {
    code: r.code,
    title: r.title,
    content: r.content,
    unitName: deps.units.tree().find(r.unit_code)?.name ?? r.unit_code,
    fieldName: r.field_code ? deps.catalogue.fieldName(r.field_code) : null,
    procedureCode: r.procedure_code,
    reporterName: r.public_name,
    receivedAt: r.received_at.toISOString(),
    answer: r.answer ?? '',
    publishedAt: (r.published_at ?? r.received_at).toISOString(),
    likes: r.likes,
    dislikes: r.dislikes,
  };
}

/** Matches are counted exactly up to this many (then "more than"). */
export const COUNT_BOUND = 1000;

/** Words of the query, without diacritics, at most 8; each must appear. */
const wordsOf = (q: string | undefined) =>
  searchText(q)
    .split(' ')
    .filter((w) => w.length >= 2)
    .slice(0, 8);

export async function listPublicFeedback(
  deps: FeedbackDeps,
  input: { q?: string; unit?: string; field?: string; limit: number; offset: number },
): Promise<Result<{ items: PublicFeedback[]; total: number; more: boolean }>> {
  const tree = deps.units.tree();
  if (input.unit && !tree.find(input.unit)) return fail('VALIDATION_FAILED', [{ path: 'query.unit', message: `Không có đơn vị ${input.unit}` }]);
  let q = deps.db.selectFrom('feedback_items').where('status', '=', 'published');
  if (input.unit) {
    const root = input.unit;
    q = q.where('unit_code', 'in', tree.subtreeCodes(root));
  }
  if (input.field) q = q.where('field_code', '=', input.field);
  // Every word, the last one as a prefix (typed as the citizen goes); letters and digits only reach the query.
  const words = wordsOf(input.q)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w.length > 0);
  if (words.length > 0) {
    const query = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
    q = q.where(sql<boolean>`search_tsv @@ to_tsquery('simple', ${query})`);
  }
  // Counted up to a bound past the page asked for: an exact count of a common word's matches among a million answers
  // costs more than the page itself, and nobody pages through a thousand answers (the citizen narrows the search).
  const bound = Math.max(COUNT_BOUND, input.offset + input.limit) + 1;
  const [rows, counted] = await Promise.all([
    q.select(COLUMNS).orderBy('published_at', 'desc').orderBy('code').limit(input.limit).offset(input.offset).execute(),
    deps.db
      .selectFrom(
        q
          .select(sql<number>`1`.as('one'))
          .limit(bound)
          .as('m'),
      )
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(counted.n);
  return ok({ items: rows.map((r) => publicOf(deps, r)), total: Math.min(n, bound - 1), more: n >= bound });
}

export async function getPublicFeedback(deps: FeedbackDeps, input: { code: string }): Promise<Result<PublicFeedback>> {
  const row = await deps.db.selectFrom('feedback_items').select(COLUMNS).where('code', '=', input.code).where('status', '=', 'published').executeTakeFirst();
  return row ? ok(publicOf(deps, row)) : fail('FEEDBACK_NOT_FOUND');
}
