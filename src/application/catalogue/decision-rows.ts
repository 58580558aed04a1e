/**
 * The rows of a publication decision (quyết định công bố) and its items: their input shape, storing and loading
 * them, and applying a published decision to the catalogue. Applying creates the new procedure versions and ends
 * the old ones on the day before each item's effective date, so the catalogue answers "which version was in force
 * on day D" and existing dossiers keep theirs.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, DecisionItemKind } from '../../infrastructure/db/schema.js';
import type { AppDeps } from '../context.js';
import type { ProcedureRecord } from '../../domain/catalogue/procedure.js';
import { isoFromJdn, jdnFromIso } from '../../domain/calendar/civil-date.js';
import type { CatalogueDirectory } from './catalogue-directory.js';
import { enqueueDeliveries } from './enqueue-webhook-deliveries.js';

export interface DecisionItemInput {
  kind: DecisionItemKind;
  procedureCode: string;
  replacesCode: string | null;
  effectiveFrom: string;
  legalDocumentNumber: string | null;
  record: ProcedureRecord | null;
}

export interface DecisionInput {
  number: string;
  issuedOn: string;
  signer: string;
  unitCode: string;
  items: DecisionItemInput[];
}

export type CatalogueDeps = AppDeps & { catalogue: CatalogueDirectory };

const dayBefore = (date: string) => isoFromJdn(jdnFromIso(date) - 1);

/** The ids of the legal documents the items cite, by number. */
export async function legalIds(db: Kysely<DB> | Transaction<DB>, items: readonly DecisionItemInput[]): Promise<Map<string, string>> {
  const numbers = [...new Set(items.flatMap((i) => (i.legalDocumentNumber ? [i.legalDocumentNumber] : [])))];
  if (numbers.length === 0) return new Map();
  const rows = await db.selectFrom('legal_documents').select(['id', 'number']).where('number', 'in', numbers).execute();
  return new Map(rows.map((r) => [r.number, r.id]));
}

/** Store a decision's items in order (legal documents given by number, resolved through `legal`). */
export async function insertDecisionItems(
  trx: Transaction<DB>,
  decisionId: string,
  items: readonly DecisionItemInput[],
  legal: Map<string, string>,
): Promise<void> {
  if (items.length === 0) return;
  await trx
    .insertInto('publication_decision_items')
    .values(
      items.map((item, position) => ({
        decision_id: decisionId,
        position,
        kind: item.kind,
        procedure_code: item.procedureCode,
        replaces_code: item.replacesCode,
        effective_from: item.effectiveFrom,
        legal_document_id: item.legalDocumentNumber ? (legal.get(item.legalDocumentNumber) ?? null) : null,
        record: item.record === null ? null : JSON.stringify(item.record),
      })),
    )
    .execute();
}

/**
 * Apply a decision's items in a transaction: versions, ends of old versions, change events. The caller
 * has checked the items (checkAgainstCatalogue, decision-checks.ts) in the same transaction.
 */
export async function applyDecisionItems(
  trx: Transaction<DB>,
  decision: { id: string; number: string },
  items: readonly DecisionItemInput[],
  at: Date,
): Promise<void> {
  for (const item of items) {
    const record = item.record;
    const endCurrent = async (code: string, reason: 'amended' | 'replaced' | 'abolished') => {
      const ended = await trx
        .updateTable('procedure_versions')
        .set({ effective_to: dayBefore(item.effectiveFrom), end_reason: reason, replaced_by: reason === 'replaced' ? item.procedureCode : null })
        .where('procedure_code', '=', code)
        .where('effective_to', 'is', null)
        .returning(['version', 'name', 'field_code', 'level', 'record'])
        .executeTakeFirstOrThrow();
      return ended;
    };
    let version: number | null = null;
    let previous: { name: string; field_code: string; level: string; record: unknown } | null = null;
    if (item.kind === 'amended') {
      const ended = await endCurrent(item.procedureCode, 'amended');
      version = ended.version + 1;
    } else if (item.kind === 'replaced') {
      await endCurrent(item.replacesCode!, 'replaced');
      version = 1;
    } else if (item.kind === 'abolished') {
      previous = await endCurrent(item.procedureCode, 'abolished');
    } else {
      version = 1;
    }
    if (record && version !== null) {
      if (version === 1) await trx.insertInto('procedures').values({ code: item.procedureCode }).execute();
      await trx
        .insertInto('procedure_versions')
        .values({
          procedure_code: item.procedureCode,
          version,
          decision_id: decision.id,
          effective_from: item.effectiveFrom,
          name: record.name,
          field_code: record.fieldCode,
          level: record.level,
          online_level: record.onlineLevel,
          record: JSON.stringify(record),
        })
        .execute();
    }
    const described = record ?? (previous?.record as ProcedureRecord | undefined) ?? null;
    await trx
      .insertInto('catalogue_events')
      .values({
        at,
        kind: item.kind,
        procedure_code: item.procedureCode,
        procedure_name: described?.name ?? item.procedureCode,
        version,
        decision_id: decision.id,
        decision_number: decision.number,
        effective_from: item.effectiveFrom,
        field_code: described?.fieldCode ?? null,
        level: described?.level ?? null,
        unit_codes: described?.agency.implementingUnitCodes ?? [],
      })
      .execute();
  }
  await enqueueDeliveries(trx, decision.id);
}

/** A stored decision's items, in order. */
export async function loadItems(db: Kysely<DB> | Transaction<DB>, decisionId: string): Promise<DecisionItemInput[]> {
  const rows = await db
    .selectFrom('publication_decision_items as i')
    .leftJoin('legal_documents as l', 'l.id', 'i.legal_document_id')
    .select(['i.kind', 'i.procedure_code', 'i.replaces_code', 'i.effective_from', 'l.number as legal_number', 'i.record'])
    .where('i.decision_id', '=', decisionId)
    .orderBy('i.position')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    procedureCode: r.procedure_code,
    replacesCode: r.replaces_code,
    effectiveFrom: r.effective_from,
    legalDocumentNumber: r.legal_number,
    record: (r.record ?? null) as ProcedureRecord | null,
  }));
}
