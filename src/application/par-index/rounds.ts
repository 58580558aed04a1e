/**
 * Rounds of a reform index (issue 23 §2, §4): the home-affairs department opens one for a year with a scheme, the
 * units of the scheme's level (or those chosen) and a deadline for the self-assessment; lists them with each unit's
 * progress; and closes one, which freezes every assessment (a figure not yet taken is taken then).
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '../../domain/par-index/assessment.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { figuresToFreeze, freezeFigures } from './assessment-scores.js';
import { allow, loadRound, loadScheme, manages, ownUnit, ParRefused, type ParDeps } from './par-store.js';

export interface RoundSummary {
  id: string;
  schemeId: string;
  schemeName: string;
  level: string;
  name: string;
  year: number;
  deadline: string;
  status: 'open' | 'closed';
  units: { unitCode: string; unitName: string; status: AssessmentStatus; statusLabel: string; submittedAt: string | null }[];
}

export async function openRound(
  deps: ParDeps,
  input: { schemeId: string; name: string; year: number; deadline: string; unitCodes: string[] | null; meta: RequestMeta },
): Promise<Result<RoundSummary>> {
  const refused = allow(deps, input.meta, 'par.manage');
  if (refused) return fail(refused);
  const scheme = await loadScheme(deps.db, input.schemeId);
  const owner = input.meta.actor?.unitCode;
  if (!scheme || !owner || !manages(deps, input.meta, scheme.ownerUnit)) return fail('PAR_SCHEME_NOT_FOUND');
  const tree = deps.units.tree();
  if (input.year !== scheme.year) return fail('VALIDATION_FAILED', [{ path: 'body.year', message: `Bộ chỉ số dùng cho năm ${scheme.year}` }]);
  const units = [
    ...new Set(
      input.unitCodes ??
        tree
          .all()
          .filter((u) => u.level === scheme.level && u.validTo === null && manages(deps, input.meta, u.code))
          .map((u) => u.code),
    ),
  ];
  const unknown = units.filter((c) => tree.find(c)?.level !== scheme.level || !manages(deps, input.meta, c));
  if (unknown.length > 0) return fail('VALIDATION_FAILED', [{ path: 'body.unitCodes', message: `Không phải đơn vị cấp của bộ chỉ số: ${unknown.join(', ')}` }]);
  if (units.length === 0) return fail('VALIDATION_FAILED', [{ path: 'body.unitCodes', message: 'Không có đơn vị nào để đánh giá' }]);
  const now = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('par_rounds')
      .values({
        scheme_id: scheme.id,
        name: input.name,
        year: input.year,
        deadline: input.deadline,
        owner_unit: owner,
        created_by: input.meta.actor?.userId ?? null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('par_assessments')
      .values(units.map((unit_code) => ({ round_id: row.id, unit_code })))
      .execute();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'par.roundOpened',
      targetType: 'parRound',
      targetId: row.id,
      details: { scheme: scheme.id, year: input.year, deadline: input.deadline, units: units.length },
      at: now,
    });
    return row.id;
  });
  return getRound(deps, { id, meta: input.meta });
}

/** The rounds the actor may see: all for the department; those assessing their unit for a unit's officials. */
export async function listRounds(deps: ParDeps, input: { meta: RequestMeta }): Promise<Result<RoundSummary[]>> {
  const manager = allow(deps, input.meta, 'par.manage') === null;
  const refused = manager ? null : allow(deps, input.meta, 'par.assess');
  if (refused) return fail(refused);
  let q = deps.db.selectFrom('par_rounds as r').select(['r.id', 'r.owner_unit']).orderBy('r.year', 'desc').orderBy('r.created_at', 'desc');
  if (!manager) {
    const unit = input.meta.actor!.unitCode ?? '';
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('par_assessments as a').select('a.unit_code').whereRef('a.round_id', '=', 'r.id').where('a.unit_code', '=', unit)),
    );
  }
  const ids = (await q.execute()).filter((r) => !manager || manages(deps, input.meta, r.owner_unit));
  const rounds: RoundSummary[] = [];
  for (const { id } of ids) {
    const round = await getRound(deps, { id, meta: input.meta });
    if (round.ok) rounds.push(round.value);
  }
  return ok(rounds);
}

export async function getRound(deps: ParDeps, input: { id: string; meta: RequestMeta }): Promise<Result<RoundSummary>> {
  const refused = allow(deps, input.meta, 'par.manage') && allow(deps, input.meta, 'par.assess');
  if (refused) return fail(refused);
  const round = await loadRound(deps.db, input.id);
  if (!round) return fail('PAR_ROUND_NOT_FOUND');
  const manager = manages(deps, input.meta, round.ownerUnit);
  const scheme = (await loadScheme(deps.db, round.schemeId))!;
  const tree = deps.units.tree();
  const rows = await deps.db
    .selectFrom('par_assessments')
    .select(['unit_code', 'status', 'submitted_at'])
    .where('round_id', '=', round.id)
    .orderBy('unit_code')
    .execute();
  // A unit's officials see their own unit's line only.
  const visible = manager ? rows : rows.filter((r) => ownUnit(deps, input.meta, 'par.assess', r.unit_code));
  if (visible.length === 0) return fail('PAR_ROUND_NOT_FOUND');
  return ok({
    id: round.id,
    schemeId: scheme.id,
    schemeName: scheme.name,
    level: scheme.level,
    name: round.name,
    year: round.year,
    deadline: round.deadline,
    status: round.status,
    units: visible.map((r) => ({
      unitCode: r.unit_code,
      unitName: tree.find(r.unit_code)?.name ?? r.unit_code,
      status: r.status,
      statusLabel: ASSESSMENT_STATUS_LABELS[r.status],
      submittedAt: r.submitted_at?.toISOString() ?? null,
    })),
  });
}

/** Close a round: every assessment is frozen as it stands (figures not yet taken are taken now). */
export async function closeRound(deps: ParDeps, input: { id: string; meta: RequestMeta }): Promise<Result<RoundSummary>> {
  const refused = allow(deps, input.meta, 'par.manage');
  if (refused) return fail(refused);
  const round = await loadRound(deps.db, input.id);
  if (!round || !manages(deps, input.meta, round.ownerUnit)) return fail('PAR_ROUND_NOT_FOUND');
  if (round.status === 'closed') return fail('PAR_ACTION_NOT_ALLOWED');
  const scheme = (await loadScheme(deps.db, round.schemeId))!;
  const units = await deps.db.selectFrom('par_assessments').select('unit_code').where('round_id', '=', round.id).execute();
  const figures = new Map(await Promise.all(units.map(async (u) => [u.unit_code, await figuresToFreeze(deps, u.unit_code, round.year)] as const)));
  const now = deps.clock();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const locked = await trx.selectFrom('par_rounds').select('status').where('id', '=', round.id).forUpdate().executeTakeFirstOrThrow();
      if (locked.status === 'closed') throw new ParRefused('PAR_ACTION_NOT_ALLOWED');
      for (const { unit_code } of units)
        await freezeFigures(deps, trx, { roundId: round.id, unitCode: unit_code, scheme: scheme.definition, figures: figures.get(unit_code)! });
      await trx
        .updateTable('par_rounds')
        .set({ status: 'closed', closed_at: now, closed_by: input.meta.actor?.userId ?? null })
        .where('id', '=', round.id)
        .execute();
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: 'par.roundClosed',
        targetType: 'parRound',
        targetId: round.id,
        details: { units: units.length },
        at: now,
      });
    });
  } catch (error) {
    if (error instanceof ParRefused) return fail(error.code);
    throw error;
  }
  return getRound(deps, input);
}
