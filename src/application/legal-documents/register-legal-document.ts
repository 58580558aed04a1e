/**
 * The register's keeper enters a document the province issued (issue 23 item 8). A document the catalogue already
 * holds under that number (the legal basis of a publication decision) is taken into the register, one row for both; a
 * number already in the register is refused.
 */
import type { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import type { LegalDocumentOutcome, RegisterLegalDocumentBody } from '../../contract/legal-documents.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { checkLegalDocument, legalStatusOn } from '../../domain/legal-documents/legal-document.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { todayIn } from '../reform-plan/reform-store.js';
import { registerKeeper } from './legal-register-store.js';

export async function registerLegalDocument(
  deps: AppDeps,
  input: { body: z.output<typeof RegisterLegalDocumentBody>; meta: RequestMeta },
): Promise<Result<LegalDocumentOutcome>> {
  const keeper = registerKeeper(deps, input.meta);
  if (!keeper.ok) return keeper;
  const body = input.body;
  const problems = checkLegalDocument(body);
  if (problems.length > 0)
    return fail(
      'VALIDATION_FAILED',
      problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
    );
  const existing = await deps.db.selectFrom('legal_documents').select(['id', 'in_register']).where('number', '=', body.number).executeTakeFirst();
  if (existing?.in_register) return fail('LEGAL_DOCUMENT_EXISTS');
  const at = deps.clock();
  const row = {
    title: body.title,
    issuer: body.issuer,
    issued_on: body.issuedOn,
    effective_from: body.effectiveFrom,
    in_register: true,
    doc_type: body.type,
    province_code: keeper.value.provinceCode,
    expires_on: body.expiresOn,
    marked_status: body.markedStatus,
    review_due_on: body.reviewDueOn,
  };
  let id: string | null;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      // Taken over only while still outside the register: two keepers registering the same number at once, the second
      // finds it taken (and a new number inserted twice meets the unique key).
      const saved = existing
        ? await trx
            .updateTable('legal_documents')
            .set({ ...row, version: 2, updated_at: at })
            .where('id', '=', existing.id)
            .where('in_register', '=', false)
            .returning('id')
            .executeTakeFirst()
        : await trx
            .insertInto('legal_documents')
            .values({ number: body.number, ...row })
            .returning('id')
            .executeTakeFirstOrThrow();
      if (!saved) return null;
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: 'legal.document_registered',
        targetType: 'legal_document',
        targetId: saved.id,
        details: { number: body.number, type: body.type, fromCatalogue: existing !== undefined },
        at,
      });
      return saved.id;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return fail('LEGAL_DOCUMENT_EXISTS');
    throw error;
  }
  if (id === null) return fail('LEGAL_DOCUMENT_EXISTS');
  const status = legalStatusOn({ effectiveFrom: body.effectiveFrom, expiresOn: body.expiresOn, markedStatus: body.markedStatus }, [], todayIn(deps));
  return ok({ id, version: existing ? 2 : 1, status });
}
