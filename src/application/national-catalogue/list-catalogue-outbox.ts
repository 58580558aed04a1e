/**
 * What the catalogue sends the national portal and what it acknowledged (issue 21 items 5 and 6): the procedures of
 * published decisions waiting to be made public (with their attempts and last error), the latest made public, and
 * the months of ratings sent or waiting.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { NationalCatalogueOutbox } from '../../contract/national-catalogue.js';

const RECENT = 100;
const MONTHS = 24;

export async function listCatalogueOutbox(
  deps: AppDeps & { portalConfigured: boolean },
  input: { meta: RequestMeta },
): Promise<Result<NationalCatalogueOutbox>> {
  const allowed = authorize(input.meta.actor, 'catalogue.manage');
  if (!allowed.ok) return fail(allowed.code);
  const publications = deps.db
    .selectFrom('portal_procedure_publications as p')
    .innerJoin('publication_decisions as d', 'd.id', 'p.decision_id')
    .select([
      'p.decision_id',
      'd.number',
      'd.issued_on',
      'p.procedure_code',
      'p.made_public_at',
      'p.origin',
      'p.attempts',
      'p.next_attempt_at',
      'p.last_error',
    ]);
  const [pending, recent, months] = await Promise.all([
    publications.where('p.made_public_at', 'is', null).orderBy('p.next_attempt_at').orderBy('p.procedure_code').execute(),
    publications.where('p.made_public_at', 'is not', null).orderBy('p.made_public_at', 'desc').orderBy('p.procedure_code').limit(RECENT).execute(),
    deps.db.selectFrom('portal_rating_months').selectAll().orderBy('month', 'desc').limit(MONTHS).execute(),
  ]);
  return ok({
    portalConfigured: deps.portalConfigured,
    publications: [...pending, ...recent].map((p) => ({
      decisionId: p.decision_id,
      decisionNumber: p.number,
      issuedOn: p.issued_on,
      procedureCode: p.procedure_code,
      status: p.made_public_at ? ('acknowledged' as const) : ('pending' as const),
      origin: p.origin,
      madePublicAt: p.made_public_at?.toISOString() ?? null,
      attempts: p.attempts,
      nextAttemptAt: p.made_public_at ? null : p.next_attempt_at.toISOString(),
      lastError: p.last_error,
    })),
    ratingMonths: months.map((m) => ({
      month: m.month,
      ratings: m.ratings,
      items: Array.isArray(m.items) ? m.items.length : 0,
      sentAt: m.sent_at?.toISOString() ?? null,
      attempts: m.attempts,
      nextAttemptAt: m.sent_at ? null : m.next_attempt_at.toISOString(),
      lastError: m.last_error,
    })),
  });
}
