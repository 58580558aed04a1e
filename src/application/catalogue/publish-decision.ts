/**
 * Publication decisions (quyết định công bố): drafted, checked, then published. Publishing creates the
 * new procedure versions and ends the old ones on the day before each item's effective date, so the
 * catalogue answers "which version was in force on day D" and existing dossiers keep theirs.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, DecisionItemKind } from '../../infrastructure/db/schema.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { ProcedureRecord } from '../../domain/catalogue/procedure.js';
import { publicationProblems } from '../../domain/catalogue/completeness.js';
import { isoFromJdn, jdnFromIso } from '../../domain/calendar/civil-date.js';
import type { UnitTree } from '../../domain/units/unit.js';
import type { CatalogueDirectory } from './catalogue-directory.js';
import { enqueueDeliveries } from './webhooks.js';
import type { DecisionCreated, DecisionDeleted, DecisionPublished, Problem } from '../../contract/publication.js';

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

export type { Problem } from '../../contract/publication.js';

type CatalogueDeps = AppDeps & { catalogue: CatalogueDirectory };

const dayBefore = (date: string) => isoFromJdn(jdnFromIso(date) - 1);

/** Shape rules of items that need no database: record present except for an abolition, codes agree. */
function itemShapeProblems(items: readonly DecisionItemInput[], tree: UnitTree): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const at = `items.${i}`;
    if (seen.has(item.procedureCode))
      problems.push({ path: `${at}.procedureCode`, message: `Thủ tục ${item.procedureCode} xuất hiện hai lần trong quyết định` });
    seen.add(item.procedureCode);
    if (item.kind === 'abolished' && item.record !== null) problems.push({ path: `${at}.record`, message: 'Thủ tục bãi bỏ không kèm nội dung thủ tục' });
    if (item.kind !== 'abolished' && item.record === null) problems.push({ path: `${at}.record`, message: 'Cần nội dung đầy đủ của thủ tục' });
    if (item.kind === 'replaced' && !item.replacesCode) problems.push({ path: `${at}.replacesCode`, message: 'Cần mã thủ tục bị thay thế' });
    if (item.kind !== 'replaced' && item.replacesCode)
      problems.push({ path: `${at}.replacesCode`, message: 'Chỉ thủ tục thay thế mới có mã thủ tục bị thay thế' });
    if (item.record && item.record.code !== item.procedureCode) {
      problems.push({ path: `${at}.record.code`, message: `Mã trong nội dung (${item.record.code}) khác mã thủ tục ${item.procedureCode}` });
    }
    if (!isDate(item.effectiveFrom)) problems.push({ path: `${at}.effectiveFrom`, message: `Ngày ${item.effectiveFrom} không tồn tại` });
    if (item.record) {
      for (const p of publicationProblems(item.record)) problems.push({ path: `${at}.record.${p.path}`, message: p.message });
      const { agency, processTemplate } = item.record;
      for (const code of [
        ...agency.implementingUnitCodes,
        ...agency.coordinatingUnitCodes,
        ...processTemplate.flatMap((s) => (s.unitCode ? [s.unitCode] : [])),
      ]) {
        if (!tree.find(code)) problems.push({ path: `${at}.record`, message: `Không có đơn vị mã ${code}` });
      }
    }
  });
  return problems;
}

function isDate(value: string): boolean {
  try {
    jdnFromIso(value);
    return true;
  } catch {
    return false;
  }
}

/** Create a draft decision; the response lists what would still block its publication. */
export async function createDecision(deps: CatalogueDeps, input: DecisionInput & { meta: RequestMeta }): Promise<Result<DecisionCreated>> {
  const decision = authorize(input.meta.actor, 'catalogue.manage', { unitCode: input.unitCode }, deps.units.tree());
  if (!decision.ok) return fail(decision.code);
  return saveDraftDecision(deps, input);
}

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

async function legalIds(db: Kysely<DB> | Transaction<DB>, items: readonly DecisionItemInput[]): Promise<Map<string, string>> {
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
 * Everything that blocks publication: the shape and completeness of each item, then its kind against the
 * catalogue (a new code must be free; an amended, replaced or abolished procedure must be in force and
 * its current version must start before the new effective date).
 */
async function checkAgainstCatalogue(db: Kysely<DB> | Transaction<DB>, items: readonly DecisionItemInput[], tree: UnitTree): Promise<Problem[]> {
  const problems = itemShapeProblems(items, tree);
  const fieldCodes = new Set((await db.selectFrom('procedure_fields').select('code').execute()).map((f) => f.code));
  const codes = [...new Set(items.flatMap((i) => [i.procedureCode, ...(i.replacesCode ? [i.replacesCode] : [])]))];
  const latest = new Map<string, { effective_from: string; effective_to: string | null }>();
  if (codes.length > 0) {
    const rows = await db
      .selectFrom('procedure_versions')
      .select(['procedure_code', 'version', 'effective_from', 'effective_to'])
      .where('procedure_code', 'in', codes)
      .orderBy('version')
      .execute();
    for (const r of rows) latest.set(r.procedure_code, r);
  }
  items.forEach((item, i) => {
    const at = `items.${i}`;
    if (item.record && !fieldCodes.has(item.record.fieldCode))
      problems.push({ path: `${at}.record.fieldCode`, message: `Không có lĩnh vực mã ${item.record.fieldCode}` });
    const existing = latest.get(item.procedureCode);
    if (item.kind === 'new' || item.kind === 'replaced') {
      if (existing) problems.push({ path: `${at}.procedureCode`, message: `Mã thủ tục ${item.procedureCode} đã có trong danh mục` });
    }
    const target = item.kind === 'replaced' ? item.replacesCode : item.kind === 'new' ? null : item.procedureCode;
    if (target) {
      const current = latest.get(target);
      if (!current) problems.push({ path: `${at}.procedureCode`, message: `Chưa có thủ tục ${target} trong danh mục` });
      else if (current.effective_to !== null)
        problems.push({ path: `${at}.procedureCode`, message: `Thủ tục ${target} đã hết hiệu lực từ ${current.effective_to}` });
      else if (current.effective_from >= item.effectiveFrom) {
        problems.push({ path: `${at}.effectiveFrom`, message: `Ngày hiệu lực phải sau ngày hiệu lực của phiên bản hiện hành (${current.effective_from})` });
      }
    }
  });
  return problems;
}

/**
 * Apply a decision's items in a transaction: versions, ends of old versions, change events. The caller
 * has checked the items (checkAgainstCatalogue) in the same transaction.
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

async function loadItems(db: Kysely<DB> | Transaction<DB>, decisionId: string): Promise<DecisionItemInput[]> {
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

class Blocked extends Error {
  constructor(readonly problems: Problem[]) {
    super('blocked');
  }
}

/** Publish a draft: check every item against the catalogue, then create the versions, atomically. */
export async function publishDecision(deps: CatalogueDeps, input: { id: string; meta: RequestMeta }): Promise<Result<DecisionPublished>> {
  const tree = deps.units.tree();
  const row = await deps.db.selectFrom('publication_decisions').select(['id', 'number', 'unit_code', 'status']).where('id', '=', input.id).executeTakeFirst();
  if (!row) return fail('DECISION_NOT_FOUND');
  const decision = authorize(input.meta.actor, 'catalogue.manage', { unitCode: row.unit_code }, tree);
  if (!decision.ok) return fail(decision.code);
  if (row.status !== 'draft') return fail('DECISION_NOT_DRAFT');
  const now = deps.clock();
  try {
    const count = await deps.db.transaction().execute(async (trx) => {
      // Claim the draft first: a concurrent publish of the same decision waits here, then finds it taken.
      const claimed = await trx
        .updateTable('publication_decisions')
        .set({ status: 'published', published_at: now })
        .where('id', '=', row.id)
        .where('status', '=', 'draft')
        .returning('id')
        .executeTakeFirst();
      if (!claimed) throw new Blocked([]);
      const items = await loadItems(trx, row.id);
      if (items.length === 0) throw new Blocked([{ path: 'items', message: 'Quyết định chưa có thủ tục nào' }]);
      const problems = await checkAgainstCatalogue(trx, items, tree);
      if (problems.length > 0) throw new Blocked(problems);
      await applyDecisionItems(trx, { id: row.id, number: row.number }, items, now);
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: 'catalogue.decision_published',
        targetType: 'publication_decision',
        targetId: row.id,
        details: { number: row.number, items: items.map((i) => `${i.kind}:${i.procedureCode}`) },
        at: now,
      });
      return items.length;
    });
    await deps.catalogue.reload();
    return ok({ id: row.id, status: 'published' as const, items: count });
  } catch (error) {
    // An empty Blocked: a concurrent request published the draft first.
    if (error instanceof Blocked) return error.problems.length === 0 ? fail('DECISION_NOT_DRAFT') : fail('PUBLICATION_BLOCKED', error.problems);
    throw error;
  }
}

/** A draft's items and what still blocks it; a published decision's items. */
export async function getDecision(deps: CatalogueDeps, input: { id: string; meta: RequestMeta }) {
  const decision = authorize(input.meta.actor, 'catalogue.manage');
  if (!decision.ok) return fail(decision.code);
  const row = await deps.db.selectFrom('publication_decisions').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) return fail('DECISION_NOT_FOUND');
  // The issuing unit's catalogue managers, as for publishing and deleting it.
  const inScope = authorize(input.meta.actor, 'catalogue.manage', { unitCode: row.unit_code }, deps.units.tree());
  if (!inScope.ok) return fail(inScope.code);
  const items = await loadItems(deps.db, row.id);
  const problems = row.status === 'draft' ? await checkAgainstCatalogue(deps.db, items, deps.units.tree()) : [];
  return ok({
    id: row.id,
    number: row.number,
    issuedOn: row.issued_on,
    signer: row.signer,
    unitCode: row.unit_code,
    status: row.status,
    publishedAt: row.published_at?.toISOString() ?? null,
    items,
    problems,
  });
}

/** Delete a draft (a published decision is history and stays). */
export async function deleteDraftDecision(deps: CatalogueDeps, input: { id: string; meta: RequestMeta }): Promise<Result<DecisionDeleted>> {
  const row = await deps.db.selectFrom('publication_decisions').select(['id', 'unit_code', 'status', 'number']).where('id', '=', input.id).executeTakeFirst();
  if (!row) return fail('DECISION_NOT_FOUND');
  const decision = authorize(input.meta.actor, 'catalogue.manage', { unitCode: row.unit_code }, deps.units.tree());
  if (!decision.ok) return fail(decision.code);
  if (row.status !== 'draft') return fail('DECISION_NOT_DRAFT');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('publication_decisions').where('id', '=', row.id).where('status', '=', 'draft').execute();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'catalogue.decision_deleted',
      targetType: 'publication_decision',
      targetId: row.id,
      details: { number: row.number },
      at: deps.clock(),
    });
  });
  return ok({ id: row.id });
}
