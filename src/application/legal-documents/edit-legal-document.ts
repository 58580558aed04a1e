/**
 * The register's keeper corrects a document (issue 23 item 8): its type, title, issuer, dates, the status marked by
 * hand and the next review due date (rescheduled), at the version they saw. Its number stays.
 */
import type { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import type { EditLegalDocumentBody, LegalDocumentOutcome } from '../../contract/legal-documents.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { checkLegalDocument } from '../../domain/legal-documents/legal-document.js';
import { changeDocument } from './legal-register-store.js';

export async function editLegalDocument(
  deps: AppDeps,
  input: { id: string; body: z.output<typeof EditLegalDocumentBody>; meta: RequestMeta },
): Promise<Result<LegalDocumentOutcome>> {
  const { expectedVersion, ...fields } = input.body;
  return changeDocument(deps, { id: input.id, expectedVersion, meta: input.meta }, async (doc) => {
    const problems = checkLegalDocument({ ...fields, number: doc.number });
    if (problems.length > 0)
      return fail(
        'VALIDATION_FAILED',
        problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
      );
    const before: Record<string, unknown> = {
      type: doc.doc_type,
      title: doc.title,
      issuer: doc.issuer,
      issuedOn: doc.issued_on,
      effectiveFrom: doc.effective_from,
      expiresOn: doc.expires_on,
      markedStatus: doc.marked_status,
      reviewDueOn: doc.review_due_on,
    };
    const changed = Object.keys(before).filter((k) => before[k] !== fields[k as keyof typeof fields]);
    return ok({
      set: {
        doc_type: fields.type,
        title: fields.title,
        issuer: fields.issuer,
        issued_on: fields.issuedOn,
        effective_from: fields.effectiveFrom,
        expires_on: fields.expiresOn,
        marked_status: fields.markedStatus,
        review_due_on: fields.reviewDueOn,
      },
      audit: { action: 'legal.document_edited', details: { changed } },
    });
  });
}
