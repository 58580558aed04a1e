/**
 * What the legal-documents register's use cases share (issue 23 item 8): who keeps it (reform.manage in their
 * province), its documents with the links and reviews their status and review schedule are judged from, a document as
 * listed, and one way to change a document at the version its keeper saw, audited in the same transaction.
 */
import type { Transaction, Updateable } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import type { DB, LegalDocumentsTable } from '../../infrastructure/db/schema.js';
import type { LegalDocumentOutcome } from '../../contract/legal-documents.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { jdnFromIso } from '../../domain/calendar/civil-date.js';
import {
  LEGAL_DOCUMENT_TYPE_LABELS,
  LEGAL_STATUS_LABELS,
  legalStatusOn,
  pendingReviewDue,
  reviewOverdueOn,
  type IncomingLink,
  type RecordedReview,
} from '../../domain/legal-documents/legal-document.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { reformReader, todayIn, writeAtVersion } from '../reform-plan/reform-store.js';

/** The province whose register the actor keeps. */
export function registerKeeper(deps: AppDeps, meta: RequestMeta): Result<{ provinceCode: string }> {
  const reader = reformReader(deps, meta);
  if (!reader.ok) return reader;
  return reader.value.manage ? ok({ provinceCode: reader.value.provinceCode }) : fail('FORBIDDEN_ROLE');
}

const DOCUMENT_COLUMNS = [
  'id',
  'number',
  'title',
  'issuer',
  'issued_on',
  'effective_from',
  'doc_type',
  'province_code',
  'expires_on',
  'marked_status',
  'review_due_on',
  'version',
] as const;

/** The register's documents of a province (all, or those of `ids`), each with its incoming links and reviews. */
export async function loadRegister(db: AppDeps['db'], provinceCode: string, ids?: readonly string[]) {
  if (ids && ids.length === 0) return [];
  const docs = await db
    .selectFrom('legal_documents')
    .select(DOCUMENT_COLUMNS)
    .where('in_register', '=', true)
    .where('province_code', '=', provinceCode)
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
    .orderBy('issued_on', 'desc')
    .orderBy('number')
    .execute();
  if (docs.length === 0) return [];
  const docIds = docs.map((d) => d.id);
  const [links, reviews] = await Promise.all([
    db
      .selectFrom('legal_document_links as l')
      .innerJoin('legal_documents as b', 'b.id', 'l.by_document_id')
      .select(['l.document_id', 'l.relation', 'b.effective_from'])
      .where('l.document_id', 'in', docIds)
      .execute(),
    db.selectFrom('legal_document_reviews').select(['document_id', 'reviewed_on', 'due_on', 'next_due_on']).where('document_id', 'in', docIds).execute(),
  ]);
  return docs.map((d) => ({
    ...d,
    links: links.filter((l) => l.document_id === d.id).map((l): IncomingLink => ({ relation: l.relation, byEffectiveFrom: l.effective_from })),
    reviews: reviews
      .filter((r) => r.document_id === d.id)
      .map((r): RecordedReview => ({ reviewedOn: r.reviewed_on, dueOn: r.due_on, nextDueOn: r.next_due_on })),
  }));
}
export type RegisterDocument = Awaited<ReturnType<typeof loadRegister>>[number];

/** The document's dates as the domain judges them. */
export const datedOf = (d: RegisterDocument) => ({ effectiveFrom: d.effective_from, expiresOn: d.expires_on, markedStatus: d.marked_status });

/** A document as the register lists it, judged on `today`. */
export function documentSummary(d: RegisterDocument, today: string) {
  const status = legalStatusOn(datedOf(d), d.links, today);
  const overdue = reviewOverdueOn(datedOf(d), d.links, d.review_due_on, d.reviews, today);
  const due = pendingReviewDue(d.review_due_on, d.reviews, today);
  const type = d.doc_type ?? 'decision';
  return {
    id: d.id,
    number: d.number,
    type,
    typeLabel: LEGAL_DOCUMENT_TYPE_LABELS[type],
    title: d.title,
    issuer: d.issuer,
    issuedOn: d.issued_on,
    effectiveFrom: d.effective_from,
    expiresOn: d.expires_on,
    status,
    statusLabel: LEGAL_STATUS_LABELS[status],
    reviewDueOn: d.review_due_on,
    reviewOverdueDays: overdue && due !== null ? jdnFromIso(today) - jdnFromIso(due) : 0,
    version: d.version,
  };
}

/** The document of the actor's register, or LEGAL_DOCUMENT_NOT_FOUND. */
export async function registeredDocument(deps: AppDeps, id: string, meta: RequestMeta): Promise<Result<RegisterDocument>> {
  const keeper = registerKeeper(deps, meta);
  if (!keeper.ok) return keeper;
  const [doc] = await loadRegister(deps.db, keeper.value.provinceCode, [id]);
  return doc ? ok(doc) : fail('LEGAL_DOCUMENT_NOT_FOUND');
}

export interface DocumentChange {
  set: Omit<Updateable<LegalDocumentsTable>, 'version' | 'updated_at'>;
  audit: { action: string; details: Record<string, unknown> };
  also?: (trx: Transaction<DB>) => Promise<void>;
}

/** Changes a document of the actor's register at the version they saw (else LEGAL_DOCUMENT_CHANGED), as `decide` says. */
export async function changeDocument(
  deps: AppDeps,
  input: { id: string; expectedVersion: number; meta: RequestMeta },
  decide: (doc: RegisterDocument, today: string) => Promise<Result<DocumentChange>>,
): Promise<Result<LegalDocumentOutcome>> {
  const found = await registeredDocument(deps, input.id, input.meta);
  if (!found.ok) return found;
  const doc = found.value;
  if (doc.version !== input.expectedVersion) return fail('LEGAL_DOCUMENT_CHANGED', { version: doc.version });
  const decided = await decide(doc, todayIn(deps));
  if (!decided.ok) return decided;
  const change = decided.value;
  const at = deps.clock();
  const version = input.expectedVersion + 1;
  const row = { table: 'legal_documents' as const, id: doc.id, expectedVersion: input.expectedVersion, set: { ...change.set, updated_at: at } };
  const written = await writeAtVersion(deps.db, row, async (trx) => {
    await change.also?.(trx);
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: change.audit.action,
      targetType: 'legal_document',
      targetId: doc.id,
      details: { number: doc.number, ...change.audit.details },
      at,
    });
  });
  if (!written) return fail('LEGAL_DOCUMENT_CHANGED');
  const [after] = await loadRegister(deps.db, doc.province_code!, [doc.id]);
  return ok({ id: doc.id, version, status: documentSummary(after!, todayIn(deps)).status });
}
