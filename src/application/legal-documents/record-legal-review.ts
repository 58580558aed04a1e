/**
 * A review or systematization of a document (rà soát, hệ thống hóa; issue 23 item 8): the day, the result, who
 * reviewed, and the next due date it sets. It answers the due date pending when it is recorded (on schedule when done
 * by then); reviews are recorded in the order they were done, none in the future.
 */
import type { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import type { LegalDocumentOutcome, RecordReviewBody } from '../../contract/legal-documents.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { changeDocument } from './legal-register-store.js';

export async function recordLegalReview(
  deps: AppDeps,
  input: { id: string; body: z.output<typeof RecordReviewBody>; meta: RequestMeta },
): Promise<Result<LegalDocumentOutcome>> {
  const { expectedVersion, ...review } = input.body;
  return changeDocument(deps, { id: input.id, expectedVersion, meta: input.meta }, async (doc, today) => {
    const problems: { path: string; message: string }[] = [];
    const last = doc.reviews
      .map((r) => r.reviewedOn)
      .sort()
      .at(-1);
    if (review.reviewedOn > today) problems.push({ path: 'body.reviewedOn', message: 'Ngày rà soát không được ở tương lai.' });
    if (review.reviewedOn < doc.issued_on) problems.push({ path: 'body.reviewedOn', message: 'Ngày rà soát không được trước ngày ban hành văn bản.' });
    if (last !== undefined && review.reviewedOn < last)
      problems.push({ path: 'body.reviewedOn', message: 'Ngày rà soát không được trước lần rà soát đã ghi gần nhất.' });
    if (review.nextDueOn !== null && review.nextDueOn <= review.reviewedOn)
      problems.push({ path: 'body.nextDueOn', message: 'Hạn rà soát tiếp theo phải sau ngày rà soát.' });
    if (problems.length > 0) return fail('VALIDATION_FAILED', problems);
    const onSchedule = doc.review_due_on === null || review.reviewedOn <= doc.review_due_on;
    return ok({
      set: { review_due_on: review.nextDueOn },
      audit: { action: 'legal.document_reviewed', details: { reviewedOn: review.reviewedOn, dueOn: doc.review_due_on, onSchedule, result: review.result } },
      also: async (trx) => {
        await trx
          .insertInto('legal_document_reviews')
          .values({
            document_id: doc.id,
            kind: review.kind,
            reviewed_on: review.reviewedOn,
            due_on: doc.review_due_on,
            result: review.result,
            note: review.note,
            reviewer: review.reviewer,
            next_due_on: review.nextDueOn,
            recorded_by: input.meta.actor?.userId ?? null,
            recorded_at: deps.clock(),
          })
          .execute();
      },
    });
  });
}
