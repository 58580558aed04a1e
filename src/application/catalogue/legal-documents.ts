import type { Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { jdnFromIso } from '../../domain/calendar/civil-date.js';
import type { LegalDocumentBody, LegalDocumentCreated, LegalDocument as ListedLegalDocument } from '../../contract/publication.js';

export type LegalDocument = LegalDocumentBody;

/** Register a legal document whose procedures the province must publish (the watchdog follows it). */
export async function addLegalDocument(deps: AppDeps, input: LegalDocument & { meta: RequestMeta }): Promise<Result<LegalDocumentCreated>> {
  const decision = authorize(input.meta.actor, 'catalogue.manage');
  if (!decision.ok) return fail(decision.code);
  const problems = (['issuedOn', 'effectiveFrom'] as const).flatMap((key) => {
    try {
      jdnFromIso(input[key]);
      return [];
    } catch {
      return [{ path: `body.${key}`, message: `Ngày ${input[key]} không tồn tại` }];
    }
  });
  if (problems.length > 0) return fail('VALIDATION_FAILED', problems);
  const exists = await deps.db.selectFrom('legal_documents').select('id').where('number', '=', input.number).executeTakeFirst();
  if (exists) return fail('LEGAL_DOCUMENT_EXISTS');
  const { meta, ...doc } = input;
  const id = await deps.db.transaction().execute(async (trx) => {
    const docId = await insertLegalDocument(trx, doc);
    await appendAudit(trx, {
      ...auditActor(meta),
      action: 'catalogue.legal_document_added',
      targetType: 'legal_document',
      targetId: docId,
      details: { number: doc.number },
      at: deps.clock(),
    });
    return docId;
  });
  return ok({ id, ...doc });
}

/** Store one legal document (no checks, no audit: the caller's job) and return its id. */
export async function insertLegalDocument(trx: Transaction<DB>, doc: LegalDocument): Promise<string> {
  const row = await trx
    .insertInto('legal_documents')
    .values({ number: doc.number, title: doc.title, issuer: doc.issuer, issued_on: doc.issuedOn, effective_from: doc.effectiveFrom })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listLegalDocuments(deps: AppDeps, meta: RequestMeta): Promise<Result<ListedLegalDocument[]>> {
  const decision = authorize(meta.actor, 'catalogue.manage');
  if (!decision.ok) return fail(decision.code);
  const rows = await deps.db
    .selectFrom('legal_documents as l')
    .leftJoin('publication_decision_items as i', 'i.legal_document_id', 'l.id')
    .select(['l.id', 'l.number', 'l.title', 'l.issuer', 'l.issued_on', 'l.effective_from'])
    .select((eb) => eb.fn.count<string>('i.decision_id').distinct().as('decisions'))
    .groupBy(['l.id', 'l.number', 'l.title', 'l.issuer', 'l.issued_on', 'l.effective_from'])
    .orderBy('l.effective_from', 'desc')
    .execute();
  return ok(
    rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      issuer: r.issuer,
      issuedOn: r.issued_on,
      effectiveFrom: r.effective_from,
      decisions: Number(r.decisions),
    })),
  );
}
