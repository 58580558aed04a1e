/**
 * A document of the register (issue 23 item 8): how it stands, the documents that changed it and those it changed,
 * its reviews (each on schedule or late), and how many publication decisions rest on it.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import type { LegalDocumentDetail } from '../../contract/legal-documents.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { LEGAL_RELATION_LABELS, REVIEW_KIND_LABELS, REVIEW_RESULT_LABELS, reviewedOnSchedule } from '../../domain/legal-documents/legal-document.js';
import { todayIn } from '../reform-plan/reform-store.js';
import { documentSummary, registeredDocument } from './legal-register-store.js';

export async function readLegalDocument(deps: AppDeps, input: { id: string; meta: RequestMeta }): Promise<Result<LegalDocumentDetail>> {
  const found = await registeredDocument(deps, input.id, input.meta);
  if (!found.ok) return found;
  const doc = found.value;
  const links = (column: 'l.document_id' | 'l.by_document_id', other: 'l.by_document_id' | 'l.document_id') =>
    deps.db
      .selectFrom('legal_document_links as l')
      .innerJoin('legal_documents as o', 'o.id', other)
      .select(['o.id', 'o.number', 'o.title', 'o.effective_from', 'l.relation', 'l.note'])
      .where(column, '=', doc.id)
      .orderBy('o.effective_from')
      .execute();
  const [changedBy, changes, reviews, cited] = await Promise.all([
    links('l.document_id', 'l.by_document_id'),
    links('l.by_document_id', 'l.document_id'),
    deps.db
      .selectFrom('legal_document_reviews')
      .select(['id', 'kind', 'reviewed_on', 'due_on', 'result', 'reviewer', 'note', 'next_due_on'])
      .where('document_id', '=', doc.id)
      .orderBy('reviewed_on', 'desc')
      .execute(),
    deps.db
      .selectFrom('publication_decision_items')
      .select((eb) => eb.fn.count<string>('decision_id').distinct().as('n'))
      .where('legal_document_id', '=', doc.id)
      .executeTakeFirst(),
  ]);
  const linkView = (l: (typeof changedBy)[number]) => ({
    id: l.id,
    number: l.number,
    title: l.title,
    relation: l.relation,
    relationLabel: LEGAL_RELATION_LABELS[l.relation],
    effectiveFrom: l.effective_from,
    note: l.note,
  });
  return ok({
    ...documentSummary(doc, todayIn(deps)),
    markedStatus: doc.marked_status,
    changedBy: changedBy.map(linkView),
    changes: changes.map(linkView),
    reviews: reviews.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: REVIEW_KIND_LABELS[r.kind],
      reviewedOn: r.reviewed_on,
      dueOn: r.due_on,
      onSchedule: reviewedOnSchedule({ reviewedOn: r.reviewed_on, dueOn: r.due_on, nextDueOn: r.next_due_on }),
      result: r.result,
      resultLabel: REVIEW_RESULT_LABELS[r.result],
      reviewer: r.reviewer,
      note: r.note,
      nextDueOn: r.next_due_on,
    })),
    citedByDecisions: Number(cited?.n ?? 0),
  });
}
