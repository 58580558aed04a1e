/**
 * A later document of the register changes this one (issue 23 item 8): amends it, repeals part of it, repeals or
 * replaces it. The status follows once the later document takes effect. Linking the same pair again corrects the
 * relation.
 */
import type { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import type { LegalDocumentOutcome, LinkLegalDocumentBody } from '../../contract/legal-documents.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { changeDocument } from './legal-register-store.js';

export async function linkLegalDocuments(
  deps: AppDeps,
  input: { id: string; body: z.output<typeof LinkLegalDocumentBody>; meta: RequestMeta },
): Promise<Result<LegalDocumentOutcome>> {
  const { expectedVersion, relation, byNumber, note } = input.body;
  return changeDocument(deps, { id: input.id, expectedVersion, meta: input.meta }, async (doc) => {
    const by = await deps.db
      .selectFrom('legal_documents')
      .select(['id', 'number', 'issued_on'])
      .where('number', '=', byNumber)
      .where('in_register', '=', true)
      .where('province_code', '=', doc.province_code)
      .executeTakeFirst();
    const problem = (message: string) => fail('VALIDATION_FAILED', [{ path: 'body.byNumber', message }]);
    if (!by) return problem(`Văn bản ${byNumber} chưa có trong danh mục của tỉnh: nhập văn bản đó trước.`);
    if (by.id === doc.id) return problem('Văn bản không sửa đổi, bãi bỏ chính nó.');
    if (by.issued_on < doc.issued_on) return problem(`Văn bản ${byNumber} ban hành trước văn bản này nên không sửa đổi, bãi bỏ được nó.`);
    return ok({
      set: {},
      audit: { action: 'legal.document_linked', details: { relation, by: by.number } },
      also: async (trx) => {
        await trx
          .insertInto('legal_document_links')
          .values({ document_id: doc.id, by_document_id: by.id, relation, note, created_by: input.meta.actor?.userId ?? null, created_at: deps.clock() })
          .onConflict((oc) => oc.columns(['document_id', 'by_document_id']).doUpdateSet({ relation, note }))
          .execute();
      },
    });
  });
}
