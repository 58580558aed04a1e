/** Storing a draft publication decision (quyết định công bố), for the API and for the operator's catalogue import. */
import type { RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { DecisionCreated } from '../../contract/publication.js';
import { insertDecisionItems, legalIds, type CatalogueDeps, type DecisionInput } from './decision-rows.js';
import { checkAgainstCatalogue, isDate } from './decision-checks.js';

/** Store a draft decision without an authorization check: for callers that already decided (the operator CLI). */
export async function saveDraftDecision(deps: CatalogueDeps, input: DecisionInput & { meta: RequestMeta }): Promise<Result<DecisionCreated>> {
  const tree = deps.units.tree();
  if (!tree.find(input.unitCode)) return fail('UNIT_NOT_FOUND');
  if (!isDate(input.issuedOn)) return fail('VALIDATION_FAILED', [{ path: 'body.issuedOn', message: `Ngày ${input.issuedOn} không tồn tại` }]);
  const taken = await deps.db.selectFrom('publication_decisions').select('id').where('number', '=', input.number).executeTakeFirst();
  if (taken) return fail('DECISION_NUMBER_TAKEN');
  const legal = await legalIds(deps.db, input.items);
  const unknownLegal = input.items.flatMap((item, i) =>
    item.legalDocumentNumber !== null && !legal.has(item.legalDocumentNumber)
      ? [{ path: `body.items.${i}.legalDocumentNumber`, message: `Chưa có văn bản ${item.legalDocumentNumber} trong danh mục văn bản pháp luật` }]
      : [],
  );
  if (unknownLegal.length > 0) return fail('VALIDATION_FAILED', unknownLegal);
  // What a draft cannot be stored without (the table's checks): refused here, not by the database.
  const unstorable = input.items.flatMap((item, i) => [
    ...(item.kind !== 'abolished' && item.record === null
      ? [{ path: `body.items.${i}.record`, message: 'Cần nội dung đầy đủ của thủ tục (trừ thủ tục bãi bỏ)' }]
      : []),
    ...(item.kind === 'abolished' && item.record !== null ? [{ path: `body.items.${i}.record`, message: 'Thủ tục bãi bỏ không kèm nội dung thủ tục' }] : []),
    ...(item.kind === 'replaced' && !item.replacesCode ? [{ path: `body.items.${i}.replacesCode`, message: 'Cần mã thủ tục bị thay thế' }] : []),
    ...(item.kind !== 'replaced' && item.replacesCode
      ? [{ path: `body.items.${i}.replacesCode`, message: 'Chỉ thủ tục thay thế mới có mã thủ tục bị thay thế' }]
      : []),
  ]);
  if (unstorable.length > 0) return fail('VALIDATION_FAILED', unstorable);
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('publication_decisions')
      .values({
        number: input.number,
        issued_on: input.issuedOn,
        signer: input.signer,
        unit_code: input.unitCode,
        created_by: input.meta.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertDecisionItems(trx, row.id, input.items, legal);
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'catalogue.decision_drafted',
      targetType: 'publication_decision',
      targetId: row.id,
      details: { number: input.number, items: input.items.length },
      at: deps.clock(),
    });
    return row.id;
  });
  const problems = await checkAgainstCatalogue(deps.db, input.items, tree);
  return ok({ id, status: 'draft' as const, problems });
}
