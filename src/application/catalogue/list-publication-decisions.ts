/** The publication decisions, newest first, with how many items each carries (the catalogue managers' list). */
import type { AppDeps } from '../context.js';
import type { DecisionSummary } from '../../contract/publication.js';

export async function listPublicationDecisions(deps: Pick<AppDeps, 'db'>): Promise<DecisionSummary[]> {
  const rows = await deps.db
    .selectFrom('publication_decisions as d')
    .leftJoin('publication_decision_items as i', 'i.decision_id', 'd.id')
    .select(['d.id', 'd.number', 'd.issued_on', 'd.signer', 'd.status', 'd.published_at'])
    .select((eb) => eb.fn.count<string>('i.position').as('items'))
    .groupBy(['d.id', 'd.number', 'd.issued_on', 'd.signer', 'd.status', 'd.published_at'])
    .orderBy('d.issued_on', 'desc')
    .execute();
  return rows.map((d) => ({
    id: d.id,
    number: d.number,
    issuedOn: d.issued_on,
    signer: d.signer,
    status: d.status,
    publishedAt: d.published_at?.toISOString() ?? null,
    items: Number(d.items),
  }));
}
