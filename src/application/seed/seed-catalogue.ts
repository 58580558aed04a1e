/** Seeds the demo catalogue: fields, legal documents, and the decisions that published the procedures. */
import type { Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { DEMO_FIELDS, DEMO_LEGAL_DOCUMENTS, DEMO_PROCEDURES, DEMO_PUBLICATION_DECISIONS } from '../../infrastructure/seed/demo-catalogue.js';
import { DEMO_PROVINCE_CODE } from '../../infrastructure/seed/demo-province.js';
import { applyDecisionItems, insertDecisionItems, type DecisionItemInput } from '../catalogue/decision-rows.js';
import { insertLegalDocument } from '../catalogue/legal-documents.js';
import { recordHistoricPublication } from '../national-catalogue/publication-outbox.js';
import type { ProcedureRecord } from '../../domain/catalogue/procedure.js';

/** 09:00 in Vietnam on a yyyy-MM-dd day. */
const morningOf = (date: string) => new Date(`${date}T09:00:00+07:00`);

export async function seedDemoCatalogue(trx: Transaction<DB>): Promise<{ procedures: number; decisions: number }> {
  await trx
    .insertInto('procedure_fields')
    .values(DEMO_FIELDS.map((f) => ({ code: f.code, name: f.name })))
    .execute();
  const legal = new Map<string, string>();
  for (const doc of DEMO_LEGAL_DOCUMENTS) {
    legal.set(doc.number, await insertLegalDocument(trx, doc));
  }
  const records = new Map<string, ProcedureRecord>(DEMO_PROCEDURES.map((p) => [p.code, p]));
  // Older decisions first, so that amendments find the versions they amend.
  const decisions = [...DEMO_PUBLICATION_DECISIONS].sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0));
  for (const d of decisions) {
    const publishedAt = d.publishedOn === null ? null : morningOf(d.publishedOn);
    const row = await trx
      .insertInto('publication_decisions')
      .values({
        number: d.number,
        issued_on: d.issuedOn,
        signer: d.signer,
        unit_code: DEMO_PROVINCE_CODE,
        status: publishedAt ? 'published' : 'draft',
        published_at: publishedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items: DecisionItemInput[] = d.items.map((item) => ({
      kind: item.kind,
      procedureCode: item.procedureCode,
      replacesCode: item.replacesCode ?? null,
      effectiveFrom: item.effectiveFrom,
      legalDocumentNumber: item.legalDocumentNumber,
      record: item.kind === 'abolished' ? null : (records.get(item.procedureCode) ?? null),
    }));
    await insertDecisionItems(trx, row.id, items, legal);
    if (publishedAt) {
      await applyDecisionItems(trx, { id: row.id, number: d.number }, items, publishedAt);
      // The demo's history: made public on the national procedure database that day, before motcua sent decisions there.
      await recordHistoricPublication(
        trx,
        row.id,
        items.map((i) => i.procedureCode),
        publishedAt,
      );
    }
  }
  return { procedures: DEMO_PROCEDURES.length, decisions: decisions.length };
}
