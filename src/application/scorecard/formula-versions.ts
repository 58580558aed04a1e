/**
 * Formula versions: the built-in one (domain/scorecard/formula.ts) and those added as data by the provincial
 * office or an administrator (`POST /api/v1/scorecard/formulas`, `motcua scorecard formula add FILE.json`) when
 * the national portal changes weights. A version takes effect on its date; a period is scored with the one in
 * force on its first day. Adding one is audited; versions are never edited (add a later one instead).
 */
import { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { MEASURES } from '../../domain/scorecard/measures.js';
import { BUILT_IN_FORMULA, CATALOGUE_MEASURES, FEEDBACK_MEASURES, PROCEDURE_FILTERS, type FormulaVersion } from '../../domain/scorecard/formula.js';
import { checkFormulaVersion } from '../../domain/scorecard/formula-check.js';

const TermSchema = z.strictObject({
  measure: z.enum(MEASURES),
  at: z.enum(['period', 'start', 'end']),
  sign: z.union([z.literal(1), z.literal(-1)]).optional(),
});
const QuantitySchema = z.union([
  z.strictObject({ dossiers: z.array(TermSchema).max(20) }),
  z.strictObject({ procedures: z.strictObject({ of: z.enum(PROCEDURE_FILTERS), having: z.array(TermSchema).max(20).optional() }) }),
  z.strictObject({ catalogue: z.enum(CATALOGUE_MEASURES) }),
  z.strictObject({ feedback: z.enum(FEEDBACK_MEASURES) }),
]);
const IndicatorSchema = z.strictObject({
  id: z.string().min(1).max(20),
  name: z.string().min(1).max(300),
  definition: z.string().min(1).max(2000),
  maxPoints: z.number().min(0).max(100),
  target: z.number().nullable(),
  decimals: z.number().int().min(0).max(4).optional(),
  numerator: QuantitySchema,
  denominator: QuantitySchema,
});
export const FormulaVersionSchema = z.strictObject({
  id: z.string().min(1).max(40),
  effectiveFrom: z.iso.date(),
  source: z.string().max(500).optional(),
  groups: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(10),
        name: z.string().min(1).max(200),
        maxPoints: z.number().min(0).max(100),
        indicators: z.array(IndicatorSchema).min(1).max(30),
      }),
    )
    .min(1)
    .max(12),
});

/** Every version, oldest first. */
export async function listFormulaVersions(deps: Pick<AppDeps, 'db'>): Promise<FormulaVersion[]> {
  const rows = await deps.db.selectFrom('scorecard_formulas').select(['definition']).orderBy('effective_from').execute();
  return [BUILT_IN_FORMULA, ...rows.map((r) => r.definition as FormulaVersion)];
}

export async function addFormulaVersion(
  deps: AppDeps,
  input: { definition: unknown; meta: RequestMeta; /** The operator CLI: no role check (the operator owns the database). */ trusted?: boolean },
): Promise<Result<FormulaVersion>> {
  if (!input.trusted) {
    const allowed = authorize(input.meta.actor, 'scorecard.manage');
    if (!allowed.ok) return fail(allowed.code);
  }
  const parsed = FormulaVersionSchema.safeParse(input.definition);
  if (!parsed.success)
    return fail(
      'VALIDATION_FAILED',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  const version = parsed.data as FormulaVersion;
  const problems = checkFormulaVersion(version);
  const existing = await listFormulaVersions(deps);
  if (existing.some((v) => v.id === version.id)) problems.push(`id: đã có phiên bản "${version.id}"`);
  if (existing.some((v) => v.effectiveFrom === version.effectiveFrom)) problems.push(`effectiveFrom: đã có phiên bản có hiệu lực từ ${version.effectiveFrom}`);
  if (problems.length > 0)
    return fail(
      'FORMULA_INVALID',
      problems.map((message) => ({ path: 'definition', message })),
    );
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('scorecard_formulas')
      .values({ id: version.id, effective_from: version.effectiveFrom, definition: JSON.stringify(version), created_by: input.meta.actor?.userId ?? null })
      .execute();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'scorecard.formula_added',
      targetType: 'scorecard_formula',
      targetId: version.id,
      details: { effectiveFrom: version.effectiveFrom },
      at: deps.clock(),
    });
  });
  return ok(version);
}
