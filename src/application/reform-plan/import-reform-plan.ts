/**
 * The plan's keeper imports a year's plan from a spreadsheet (issue 23 item 7): one row per task (text, owner unit by
 * code or name, deadline dd/MM/yyyy, expected output, and optionally "Kiểm tra" for an inspection), read by
 * domain/reform-plan/plan-rows.ts. All or nothing: one bad row (or a task the plan has already) and nothing is
 * imported, every problem said with its row.
 */
import type { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import type { ImportReformPlanBody, ReformImportResult } from '../../contract/reform-plan.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { parsePlanRows } from '../../domain/reform-plan/plan-rows.js';
import { readFirstSheet } from '../../infrastructure/xlsx-rows.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { appendTasks, knownTasks, ownerUnit, reformReader, todayIn } from './reform-store.js';

const MAX_BYTES = 10 * 1024 * 1024;

export async function importReformPlan(
  deps: AppDeps,
  input: { year: number; body: z.output<typeof ImportReformPlanBody>; meta: RequestMeta },
): Promise<Result<z.infer<typeof ReformImportResult>>> {
  const reader = reformReader(deps, input.meta);
  if (!reader.ok) return reader;
  if (!reader.value.manage) return fail('FORBIDDEN_ROLE');
  const { provinceCode } = reader.value;
  const bytes = Buffer.from(input.body.data, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_BYTES) return fail('VALIDATION_FAILED', [{ path: 'body.data', message: 'Tệp rỗng hoặc lớn hơn 10 MB' }]);
  const sheet = await readFirstSheet(bytes);
  if (!sheet.ok) return fail('REFORM_IMPORT_INVALID', [{ path: 'file', message: sheet.message }]);
  const today = todayIn(deps);
  const tree = deps.units.tree();
  const plan = await deps.db
    .selectFrom('reform_plans')
    .select('id')
    .where('province_code', '=', provinceCode)
    .where('year', '=', input.year)
    .executeTakeFirst();
  const parsed = parsePlanRows(
    sheet.rows.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === null ? '' : String(c))) })),
    (text) => ownerUnit(tree, provinceCode, text, today),
    await knownTasks(deps.db, plan?.id ?? null),
  );
  if (parsed.problems.length > 0)
    return fail(
      'REFORM_IMPORT_INVALID',
      parsed.problems.map((p) => ({ path: p.row > 0 ? `row.${p.row}` : 'file', message: p.message })),
    );
  const at = deps.clock();
  const added = await deps.db.transaction().execute(async (trx) => {
    const result = await appendTasks(trx, {
      provinceCode,
      year: input.year,
      title: input.body.planTitle,
      tasks: parsed.tasks,
      type: 'imported',
      meta: input.meta,
      at,
    });
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'reform.plan_imported',
      targetType: 'reform_plan',
      targetId: result.planId,
      details: { year: input.year, fileName: input.body.fileName, tasks: result.ids.length },
      at,
    });
    return result;
  });
  return ok({ year: input.year, imported: added.ids.length, total: added.total });
}
