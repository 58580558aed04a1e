/**
 * Reform-index schemes (issue 23 §1): listed by year and level, created from their definition or from a spreadsheet,
 * amended against the version read (not once a round uses them: copy them instead), copied to another year, and
 * exported as a spreadsheet. Every change is audited.
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { checkScheme, maxOfScheme, type SchemeDefinition, type SchemeLevel } from '../../domain/par-index/scheme.js';
import { rowsOfScheme, schemeFromRows, SCHEME_COLUMNS } from '../../domain/par-index/scheme-rows.js';
import { readFirstSheet } from '../../infrastructure/xlsx-rows.js';
import { SchemeDefinition as SchemeDefinitionSchema } from '../../contract/par-index.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { xlsxFile, type DocumentFile } from '../document-file.js';
import { allow, loadScheme, manages, ParRefused, type ParDeps, type StoredScheme } from './par-store.js';

export interface SchemeSummary {
  id: string;
  year: number;
  level: SchemeLevel;
  name: string;
  version: number;
  maxPoints: number;
  subCriteria: number;
  rounds: number;
}

export async function listSchemes(deps: ParDeps, input: { meta: RequestMeta }): Promise<Result<SchemeSummary[]>> {
  const refused = allow(deps, input.meta, 'par.manage') && allow(deps, input.meta, 'par.assess');
  if (refused) return fail(refused);
  const assessed = await schemesAssessing(deps, input.meta);
  const all = await deps.db
    .selectFrom('par_schemes as s')
    .select(['s.id', 's.year', 's.level', 's.name', 's.version', 's.definition', 's.owner_unit'])
    .select((eb) => eb.selectFrom('par_rounds as r').whereRef('r.scheme_id', '=', 's.id').select(eb.fn.countAll<string>().as('n')).as('rounds'))
    .orderBy('s.year', 'desc')
    .orderBy('s.level')
    .orderBy('s.name')
    .execute();
  const rows = all.filter((r) => manages(deps, input.meta, r.owner_unit) || assessed.has(r.id));
  return ok(
    rows.map((r) => {
      const definition = (typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition) as SchemeDefinition;
      return {
        id: r.id,
        year: r.year,
        level: r.level,
        name: r.name,
        version: r.version,
        maxPoints: maxOfScheme(definition),
        subCriteria: definition.fields.flatMap((f) => f.criteria.flatMap((c) => c.subCriteria)).length,
        rounds: Number(r.rounds ?? 0),
      };
    }),
  );
}

/** The schemes of the rounds that assess the actor's own unit. */
async function schemesAssessing(deps: ParDeps, meta: RequestMeta): Promise<Set<string>> {
  const unit = meta.actor?.unitCode;
  if (!unit || allow(deps, meta, 'par.assess')) return new Set();
  const rows = await deps.db
    .selectFrom('par_rounds as r')
    .innerJoin('par_assessments as a', 'a.round_id', 'r.id')
    .select('r.scheme_id')
    .where('a.unit_code', '=', unit)
    .execute();
  return new Set(rows.map((r) => r.scheme_id));
}

/** A scheme its managers see, and the units a round of it assesses; to anyone else it does not exist. */
export async function getScheme(deps: ParDeps, input: { id: string; meta: RequestMeta }): Promise<Result<StoredScheme>> {
  const refused = allow(deps, input.meta, 'par.manage') && allow(deps, input.meta, 'par.assess');
  if (refused) return fail(refused);
  const scheme = await loadScheme(deps.db, input.id);
  const visible = scheme && (manages(deps, input.meta, scheme.ownerUnit) || (await schemesAssessing(deps, input.meta)).has(scheme.id));
  return visible ? ok(scheme) : fail('PAR_SCHEME_NOT_FOUND');
}

export interface SchemeInput {
  year: number;
  level: SchemeLevel;
  name: string;
  definition: SchemeDefinition;
}

/** A new scheme; `copiedFrom` when it starts as a copy of another. */
export async function createScheme(deps: ParDeps, input: SchemeInput & { copiedFrom?: string; meta: RequestMeta }): Promise<Result<StoredScheme>> {
  const refused = allow(deps, input.meta, 'par.manage');
  if (refused) return fail(refused);
  // Kept by the maker's unit (the province's, for its department).
  const owner = input.meta.actor?.unitCode;
  if (!owner || !manages(deps, input.meta, owner)) return fail('FORBIDDEN_UNIT');
  const problems = checkScheme(input.definition);
  if (problems.length > 0)
    return fail(
      'PAR_SCHEME_INVALID',
      problems.map((message) => ({ path: 'body.definition', message })),
    );
  const taken = await deps.db
    .selectFrom('par_schemes')
    .select('id')
    .where('owner_unit', '=', owner)
    .where('year', '=', input.year)
    .where('level', '=', input.level)
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (taken) return fail('VALIDATION_FAILED', [{ path: 'body.name', message: `Đã có bộ chỉ số "${input.name}" năm ${input.year} cho cấp này` }]);
  const now = deps.clock();
  const nameTaken = [{ path: 'body.name', message: `Đã có bộ chỉ số "${input.name}" năm ${input.year} cho cấp này` }];
  let id: string;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('par_schemes')
        .values({
          year: input.year,
          level: input.level,
          name: input.name,
          definition: JSON.stringify(input.definition),
          copied_from: input.copiedFrom ?? null,
          owner_unit: owner,
          created_by: input.meta.actor?.userId ?? null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: input.copiedFrom ? 'par.schemeCopied' : 'par.schemeCreated',
        targetType: 'parScheme',
        targetId: row.id,
        details: { year: input.year, level: input.level, name: input.name, copiedFrom: input.copiedFrom ?? null, maxPoints: maxOfScheme(input.definition) },
        at: now,
      });
      return row.id;
    });
  } catch (error) {
    // Two made at once under one name: the second is told, as the check above tells it.
    if ((error as { code?: string }).code === '23505') return fail('VALIDATION_FAILED', nameTaken);
    throw error;
  }
  return ok((await loadScheme(deps.db, id))!);
}

/** Amend a scheme's definition against the version read; a scheme a round already uses is not changed under it. */
export async function updateScheme(
  deps: ParDeps,
  input: { id: string; expectedVersion: number; name: string; definition: SchemeDefinition; meta: RequestMeta },
): Promise<Result<StoredScheme>> {
  const refused = allow(deps, input.meta, 'par.manage');
  if (refused) return fail(refused);
  const problems = checkScheme(input.definition);
  if (problems.length > 0)
    return fail(
      'PAR_SCHEME_INVALID',
      problems.map((message) => ({ path: 'body.definition', message })),
    );
  try {
    await deps.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('par_schemes').select(['version', 'owner_unit']).where('id', '=', input.id).forUpdate().executeTakeFirst();
      if (!current || !manages(deps, input.meta, current.owner_unit)) throw new ParRefused('PAR_SCHEME_NOT_FOUND');
      if (current.version !== input.expectedVersion) throw new ParRefused('PAR_SCHEME_CHANGED');
      const used = await trx.selectFrom('par_rounds').select('id').where('scheme_id', '=', input.id).executeTakeFirst();
      if (used) throw new ParRefused('PAR_SCHEME_IN_USE');
      const now = deps.clock();
      await trx
        .updateTable('par_schemes')
        .set({ name: input.name, definition: JSON.stringify(input.definition), version: current.version + 1, updated_at: now })
        .where('id', '=', input.id)
        .execute();
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: 'par.schemeAmended',
        targetType: 'parScheme',
        targetId: input.id,
        details: { version: current.version + 1, maxPoints: maxOfScheme(input.definition) },
        at: now,
      });
    });
  } catch (error) {
    if (error instanceof ParRefused) return fail(error.code);
    if ((error as { code?: string }).code === '23505')
      return fail('VALIDATION_FAILED', [{ path: 'body.name', message: `Đã có bộ chỉ số "${input.name}" cùng năm và cấp` }]);
    throw error;
  }
  return ok((await loadScheme(deps.db, input.id))!);
}

/** Last year's scheme (or any) as the start of another year's: the same definition, to amend. */
export async function copyScheme(deps: ParDeps, input: { id: string; year: number; name: string; meta: RequestMeta }): Promise<Result<StoredScheme>> {
  const from = await loadScheme(deps.db, input.id);
  if (!from || !manages(deps, input.meta, from.ownerUnit)) return fail(allow(deps, input.meta, 'par.manage') ?? 'PAR_SCHEME_NOT_FOUND');
  return createScheme(deps, { year: input.year, level: from.level, name: input.name, definition: from.definition, copiedFrom: from.id, meta: input.meta });
}

/** A scheme from a spreadsheet (the layout of the export); every bad row is named. */
export async function importScheme(
  deps: ParDeps,
  input: { year: number; level: SchemeLevel; name: string; bytes: Buffer; meta: RequestMeta },
): Promise<Result<StoredScheme>> {
  const refused = allow(deps, input.meta, 'par.manage');
  if (refused) return fail(refused);
  const sheet = await readFirstSheet(input.bytes);
  if (!sheet.ok) return fail('PAR_SCHEME_INVALID', [{ path: 'body', message: sheet.message }]);
  const parsed = schemeFromRows(sheet.rows);
  if (!parsed.ok)
    return fail(
      'PAR_SCHEME_INVALID',
      parsed.problems.map((p) => ({ path: p.row > 0 ? `dòng ${p.row}` : 'body', message: p.message })),
    );
  // The same bounds as a scheme sent as JSON: what is imported can be saved again.
  const bounded = SchemeDefinitionSchema.safeParse(parsed.definition);
  if (!bounded.success)
    return fail(
      'PAR_SCHEME_INVALID',
      bounded.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  return createScheme(deps, { year: input.year, level: input.level, name: input.name, definition: parsed.definition, meta: input.meta });
}

export async function exportScheme(deps: ParDeps, input: { id: string; meta: RequestMeta }): Promise<Result<DocumentFile>> {
  const found = await getScheme(deps, input);
  if (!found.ok) return found;
  const scheme = found.value;
  const [, ...rows] = rowsOfScheme(scheme.definition);
  return ok(
    await xlsxFile(
      {
        sheetName: 'Bộ chỉ số',
        title: [`${scheme.name} (năm ${scheme.year})`, `Tổng điểm tối đa: ${String(maxOfScheme(scheme.definition)).replace('.', ',')}`],
        columns: SCHEME_COLUMNS.map((header, i) => ({ header, width: [10, 60, 12, 22, 40, 24, 50][i]! })),
        rows,
      },
      `bo-chi-so-${scheme.year}-${scheme.level}.xlsx`,
    ),
  );
}
