/**
 * Appraisal (issue 23 §4): the home-affairs department (or an appraisal council) accepts or changes each score of a
 * submitted assessment (a change needs a reason), asks once for more evidence (the assessment goes back to the unit),
 * marks it appraised, and enters survey-based results. Every step is audited; a closed round changes no more.
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { nextStatus } from '../../domain/par-index/assessment.js';
import { subCriteriaOf } from '../../domain/par-index/scheme.js';
import { pointsFor, type Answer } from '../../domain/par-index/scoring.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { scoresOf } from './assessment-scores.js';
import { accessOf, ownerOf, withAssessment } from './assess.js';
import { allow, bumpAssessment, loadRound, loadScheme, manages, type ParDeps, ParRefused } from './par-store.js';

const target = (a: { roundId: string; unitCode: string }) => `${a.roundId}/${a.unitCode}`;

/** Accept a sub-criterion's score (points equal to the unit's) or change it, with a reason. */
export async function appraiseSubCriterion(
  deps: ParDeps,
  input: { roundId: string; unitCode: string; subCode: string; expectedSeq: number; points: number; reason: string | null; meta: RequestMeta },
): Promise<Result<{ seq: number }>> {
  const refused = allow(deps, input.meta, 'par.manage');
  if (refused) return fail(refused);
  if (!accessOf(deps, input.meta, input.unitCode, await ownerOf(deps, input.roundId)).manager) return fail('PAR_ASSESSMENT_NOT_FOUND');
  return withAssessment(deps, input, 'appraise', async (trx, a, scheme) => {
    const sub = subCriteriaOf(scheme).find((s) => s.code === input.subCode);
    if (!sub) throw new ParRefused('VALIDATION_FAILED', [{ path: 'params.sub', message: `Không có tiêu chí thành phần ${input.subCode}` }]);
    if (input.points < 0 || input.points > sub.maxPoints)
      throw new ParRefused('VALIDATION_FAILED', [{ path: 'body.points', message: `Điểm của ${sub.code} phải từ 0 đến ${sub.maxPoints}` }]);
    const own = (await scoresOf(trx, a.roundId, a.unitCode)).get(sub.code)?.selfPoints ?? 0;
    const changed = Math.abs(own - input.points) > 1e-9;
    if (changed && !input.reason?.trim())
      throw new ParRefused('VALIDATION_FAILED', [{ path: 'body.reason', message: 'Cần nêu lý do khi thay đổi điểm tự chấm' }]);
    const reason = input.reason?.trim() || 'Chấp nhận điểm tự chấm';
    const now = deps.clock();
    const actor = input.meta.actor?.userId ?? null;
    await trx
      .insertInto('par_scores')
      .values({
        round_id: a.roundId,
        unit_code: a.unitCode,
        sub_code: sub.code,
        appraised_points: input.points,
        appraisal_reason: reason,
        appraised_by: actor,
        appraised_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['round_id', 'unit_code', 'sub_code'])
          .doUpdateSet({ appraised_points: input.points, appraisal_reason: reason, appraised_by: actor, appraised_at: now }),
      )
      .execute();
    await bumpAssessment(trx, a);
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: changed ? 'par.scoreChanged' : 'par.scoreAccepted',
      targetType: 'parAssessment',
      targetId: target(a),
      details: { sub: sub.code, from: own, to: input.points, reason },
      at: now,
    });
    return { seq: a.seq + 1 };
  });
}

/** Send the assessment back once for more evidence, or mark it appraised. */
export async function decideAssessment(
  deps: ParDeps,
  input: { roundId: string; unitCode: string; expectedSeq: number; decision: 'requestEvidence' | 'finish'; note: string | null; meta: RequestMeta },
): Promise<Result<{ seq: number; status: string }>> {
  const refused = allow(deps, input.meta, 'par.manage');
  if (refused) return fail(refused);
  if (input.decision === 'requestEvidence' && !input.note?.trim())
    return fail('VALIDATION_FAILED', [{ path: 'body.note', message: 'Cần nêu tài liệu kiểm chứng cần bổ sung' }]);
  if (!accessOf(deps, input.meta, input.unitCode, await ownerOf(deps, input.roundId)).manager) return fail('PAR_ASSESSMENT_NOT_FOUND');
  return withAssessment(deps, input, input.decision, async (trx, a) => {
    const now = deps.clock();
    const status = nextStatus(a, input.decision);
    await bumpAssessment(
      trx,
      a,
      input.decision === 'requestEvidence' ? { status, evidence_requested: true, evidence_note: input.note!.trim() } : { status, appraised_at: now },
    );
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: input.decision === 'requestEvidence' ? 'par.evidenceRequested' : 'par.appraised',
      targetType: 'parAssessment',
      targetId: target(a),
      details: input.note ? { note: input.note } : {},
      at: now,
    });
    return { seq: a.seq + 1, status };
  });
}

/** Survey-based sub-criteria: the results (percentages) per unit, entered by the appraisers as their points. */
export async function enterSurveyResults(
  deps: ParDeps,
  input: { roundId: string; results: { unitCode: string; subCode: string; value: number }[]; meta: RequestMeta },
): Promise<Result<{ entered: number }>> {
  const refused = allow(deps, input.meta, 'par.manage');
  if (refused) return fail(refused);
  const round = await loadRound(deps.db, input.roundId);
  if (!round || !manages(deps, input.meta, round.ownerUnit)) return fail('PAR_ROUND_NOT_FOUND');
  if (round.status === 'closed') return fail('PAR_ACTION_NOT_ALLOWED');
  const scheme = (await loadScheme(deps.db, round.schemeId))!;
  const subs = new Map(subCriteriaOf(scheme.definition).map((s) => [s.code, s]));
  const units = new Set((await deps.db.selectFrom('par_assessments').select('unit_code').where('round_id', '=', round.id).execute()).map((r) => r.unit_code));
  const problems = input.results.flatMap((r, i) => {
    const sub = subs.get(r.subCode);
    if (!units.has(r.unitCode)) return [{ path: `body.results.${i}.unitCode`, message: `Đơn vị ${r.unitCode} không thuộc đợt đánh giá` }];
    if (sub?.method.kind !== 'survey') return [{ path: `body.results.${i}.subCode`, message: `${r.subCode} không chấm theo điều tra xã hội học` }];
    return r.value < 0 || r.value > 100 ? [{ path: `body.results.${i}.value`, message: 'Kết quả điều tra là tỷ lệ từ 0 đến 100%' }] : [];
  });
  if (problems.length > 0) return fail('VALIDATION_FAILED', problems);
  const now = deps.clock();
  const closed = await deps.db.transaction().execute(async (trx) => {
    // Not into a round being closed: its row is locked, as closing locks it.
    const locked = await trx.selectFrom('par_rounds').select('status').where('id', '=', round.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status === 'closed') return true;
    for (const r of input.results) {
      const answer: Answer = { kind: 'survey', value: r.value };
      const points = pointsFor(subs.get(r.subCode)!, answer);
      const values = {
        answer: JSON.stringify(answer),
        appraised_points: points,
        appraisal_reason: `Kết quả điều tra xã hội học: ${String(r.value).replace('.', ',')}%`,
        appraised_by: input.meta.actor?.userId ?? null,
        appraised_at: now,
      };
      await trx
        .insertInto('par_scores')
        .values({ round_id: round.id, unit_code: r.unitCode, sub_code: r.subCode, ...values })
        .onConflict((oc) => oc.columns(['round_id', 'unit_code', 'sub_code']).doUpdateSet(values))
        .execute();
    }
    for (const unitCode of new Set(input.results.map((r) => r.unitCode))) await bumpAssessment(trx, { roundId: round.id, unitCode });
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'par.surveyEntered',
      targetType: 'parRound',
      targetId: round.id,
      details: { results: input.results.length },
      at: now,
    });
    return false;
  });
  return closed ? fail('PAR_ACTION_NOT_ALLOWED') : ok({ entered: input.results.length });
}
