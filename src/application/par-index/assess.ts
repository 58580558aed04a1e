/**
 * A unit's self-assessment (issue 23 §2–3): its officials read the scheme with their scores, evidence and the figures
 * motcua fills in; score each sub-criterion (checked against the version read), attach evidence (a file judged by its
 * content, or a link to a legal document or one of motcua's reports); the unit's leader submits it, which takes the
 * figures as they stand. Every change is audited.
 */
import type { Transaction } from 'kysely';
import type { RequestMeta } from '../context.js';
import type { DB } from '../../infrastructure/db/schema.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { assessmentAllows, nextStatus, type AssessmentAction } from '../../domain/par-index/assessment.js';
import { subCriteriaOf, type SchemeDefinition } from '../../domain/par-index/scheme.js';
import { pointsFor, totalsOf, type Answer } from '../../domain/par-index/scoring.js';
import { sniffFileType } from '../../infrastructure/files/file-store.js';
import { SNIFFED } from '../dossier/dossier-file-views.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { figuresToFreeze, freezeFigures, scoresOf } from './assessment-scores.js';
import { parFigures } from './par-figures.js';
import { bumpAssessment, manages, ownUnit, loadRound, loadScheme, lockAssessment, ParRefused, type ParDeps, type StoredAssessment } from './par-store.js';

const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/**
 * Who may act on this unit's assessment: the managers of the round (its owner's subtree, not a manager sitting in the
 * assessed unit), or the unit's own officials.
 */
function accessOf(deps: ParDeps, meta: RequestMeta, unitCode: string, roundOwner: string | null): { manager: boolean; assessor: boolean; submitter: boolean } {
  return {
    manager: roundOwner !== null && manages(deps, meta, roundOwner) && !ownUnit(deps, meta, 'par.manage', unitCode),
    assessor: ownUnit(deps, meta, 'par.assess', unitCode),
    submitter: ownUnit(deps, meta, 'par.submit', unitCode),
  };
}

/** The round's owner, to scope its managers; null when there is no such round. */
const ownerOf = async (deps: ParDeps, roundId: string) => (await loadRound(deps.db, roundId))?.ownerUnit ?? null;

export { accessOf, ownerOf };

export async function getAssessment(deps: ParDeps, input: { roundId: string; unitCode: string; meta: RequestMeta }) {
  const round = await loadRound(deps.db, input.roundId);
  const access = accessOf(deps, input.meta, input.unitCode, round?.ownerUnit ?? null);
  if (!access.manager && !access.assessor) return fail(input.meta.actor ? 'PAR_ASSESSMENT_NOT_FOUND' : 'AUTH_REQUIRED');
  const row = round
    ? await deps.db.selectFrom('par_assessments').selectAll().where('round_id', '=', round.id).where('unit_code', '=', input.unitCode).executeTakeFirst()
    : undefined;
  if (!round || !row) return fail('PAR_ASSESSMENT_NOT_FOUND');
  const scheme = (await loadScheme(deps.db, round.schemeId))!;
  const [scores, evidence, figures] = await Promise.all([
    scoresOf(deps.db, round.id, input.unitCode),
    deps.db
      .selectFrom('par_evidence')
      .select(['id', 'sub_code', 'kind', 'name', 'url', 'content_type', 'size', 'created_at'])
      .where('round_id', '=', round.id)
      .where('unit_code', '=', input.unitCode)
      .orderBy('created_at')
      .execute(),
    parFigures(deps, { unitCode: input.unitCode, year: round.year }),
  ]);
  const state = { status: row.status, evidenceRequested: row.evidence_requested, roundClosed: round.status === 'closed' };
  const actions: AssessmentAction[] = (['score', 'submit', 'requestEvidence', 'appraise', 'finish'] as const).filter(
    (a) => assessmentAllows(state, a) && (a === 'score' ? access.assessor : a === 'submit' ? access.submitter : access.manager),
  );
  const unitTotals = totalsOf(scheme.definition, new Map([...scores].map(([k, s]) => [k, { ...s, appraisedPoints: null }])));
  return ok({
    round: { id: round.id, name: round.name, year: round.year, deadline: round.deadline, status: round.status },
    unitCode: input.unitCode,
    unitName: deps.units.tree().find(input.unitCode)?.name ?? input.unitCode,
    status: row.status,
    seq: row.seq,
    evidenceRequested: row.evidence_requested,
    evidenceNote: row.evidence_note,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    scheme: { id: scheme.id, name: scheme.name, level: scheme.level, year: scheme.year, definition: scheme.definition },
    scores: [...scores.values()],
    evidence: evidence.map((e) => ({
      id: e.id,
      subCode: e.sub_code,
      kind: e.kind,
      name: e.name,
      url: e.url,
      contentType: e.content_type,
      size: e.size,
      createdAt: e.created_at.toISOString(),
    })),
    // Once taken (at submission or the round's close), a figure is shown as it was scored, not as it reads today.
    figures: (figures.ok ? figures.value : []).map((f) => {
      const frozen = subCriteriaOf(scheme.definition)
        .filter((s) => s.method.kind === 'figure' && s.method.figure === f.figure)
        .map((s) => scores.get(s.code)?.answer)
        .find((a) => a?.kind === 'figure');
      return frozen?.kind === 'figure' ? { ...f, value: frozen.value, frozen: true } : { ...f, frozen: false };
    }),
    totals: { self: unitTotals, final: totalsOf(scheme.definition, scores) },
    availableActions: actions,
  });
}

/** Score one sub-criterion as the unit sees it (not a figure or a survey result: those are not the unit's to give). */
export async function scoreSubCriterion(
  deps: ParDeps,
  input: { roundId: string; unitCode: string; subCode: string; expectedSeq: number; answer: Answer; note: string | null; meta: RequestMeta },
): Promise<Result<{ seq: number; selfPoints: number }>> {
  const access = accessOf(deps, input.meta, input.unitCode, await ownerOf(deps, input.roundId));
  if (!access.assessor) return fail(input.meta.actor ? 'FORBIDDEN_UNIT' : 'AUTH_REQUIRED');
  return withAssessment(deps, input, 'score', async (trx, a, scheme) => {
    const sub = subCriteriaOf(scheme).find((s) => s.code === input.subCode);
    if (!sub) throw new ParRefused('VALIDATION_FAILED', [{ path: 'params.sub', message: `Không có tiêu chí thành phần ${input.subCode}` }]);
    if (sub.method.kind === 'figure' || sub.method.kind === 'survey')
      throw new ParRefused('VALIDATION_FAILED', [{ path: 'body.answer', message: `${sub.code} được chấm từ số liệu, đơn vị không tự chấm` }]);
    const points = pointsFor(sub, input.answer);
    if (points === null)
      throw new ParRefused('VALIDATION_FAILED', [
        { path: 'body.answer', message: `Câu trả lời không hợp với cách chấm của ${sub.code} (tối đa ${sub.maxPoints} điểm)` },
      ]);
    const now = deps.clock();
    await trx
      .insertInto('par_scores')
      .values({
        round_id: a.roundId,
        unit_code: a.unitCode,
        sub_code: sub.code,
        answer: JSON.stringify(input.answer),
        self_points: points,
        self_note: input.note,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['round_id', 'unit_code', 'sub_code']).doUpdateSet({
          answer: JSON.stringify(input.answer),
          self_points: points,
          self_note: input.note,
          // Scored again after being sent back: the appraisal of the old score no longer holds.
          appraised_points: null,
          appraisal_reason: null,
          appraised_by: null,
          appraised_at: null,
          updated_at: now,
        }),
      )
      .execute();
    await bumpAssessment(trx, a);
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'par.scored',
      targetType: 'parAssessment',
      targetId: `${a.roundId}/${a.unitCode}`,
      details: { sub: sub.code, points },
      at: now,
    });
    return { seq: a.seq + 1, selfPoints: points };
  });
}

/** The shared frame: lock, check the action and the version, run, map refusals. */
export async function withAssessment<T>(
  deps: ParDeps,
  input: { roundId: string; unitCode: string; expectedSeq: number | null },
  action: AssessmentAction,
  work: (trx: Transaction<DB>, a: StoredAssessment, scheme: SchemeDefinition) => Promise<T>,
): Promise<Result<T>> {
  try {
    return ok(
      await deps.db.transaction().execute(async (trx) => {
        const a = await lockAssessment(trx, input.roundId, input.unitCode);
        if (!a) throw new ParRefused('PAR_ASSESSMENT_NOT_FOUND');
        if (input.expectedSeq !== null && a.seq !== input.expectedSeq) throw new ParRefused('PAR_ASSESSMENT_CHANGED');
        if (!assessmentAllows(a, action)) throw new ParRefused('PAR_ACTION_NOT_ALLOWED');
        const round = (await loadRound(trx, input.roundId))!;
        const scheme = (await loadScheme(trx, round.schemeId))!;
        return work(trx, a, scheme.definition);
      }),
    );
  } catch (error) {
    if (error instanceof ParRefused) return fail(error.code, error.details);
    throw error;
  }
}

export type EvidenceInput = { kind: 'file'; name: string; contentType: string; data: string } | { kind: 'link'; name: string; url: string };

/** Attach evidence to a sub-criterion: a PDF or image judged by its content, or a link. */
export async function addEvidence(
  deps: ParDeps,
  input: { roundId: string; unitCode: string; subCode: string; evidence: EvidenceInput; meta: RequestMeta },
): Promise<Result<{ id: string }>> {
  const access = accessOf(deps, input.meta, input.unitCode, await ownerOf(deps, input.roundId));
  if (!access.assessor) return fail(input.meta.actor ? 'FORBIDDEN_UNIT' : 'AUTH_REQUIRED');
  let stored: { sha256: string; contentType: string; size: number } | null = null;
  if (input.evidence.kind === 'file') {
    const bytes = Buffer.from(input.evidence.data, 'base64');
    const sniffed = sniffFileType(bytes);
    if (bytes.length === 0 || bytes.length > MAX_EVIDENCE_BYTES)
      return fail('VALIDATION_FAILED', [{ path: 'body.data', message: 'Tệp rỗng hoặc lớn hơn 10 MB' }]);
    if (!sniffed || SNIFFED[sniffed] !== input.evidence.contentType)
      return fail('VALIDATION_FAILED', [{ path: 'body.data', message: `Nội dung tệp không phải ${input.evidence.contentType} (chỉ nhận PDF, PNG, JPEG)` }]);
    stored = { sha256: (await deps.files.put(bytes)).sha256, contentType: SNIFFED[sniffed], size: bytes.length };
  }
  const evidence = input.evidence;
  return withAssessment(deps, { ...input, expectedSeq: null }, 'score', async (trx, a, scheme) => {
    if (!subCriteriaOf(scheme).some((s) => s.code === input.subCode))
      throw new ParRefused('VALIDATION_FAILED', [{ path: 'params.sub', message: `Không có tiêu chí thành phần ${input.subCode}` }]);
    const now = deps.clock();
    const row = await trx
      .insertInto('par_evidence')
      .values({
        round_id: a.roundId,
        unit_code: a.unitCode,
        sub_code: input.subCode,
        kind: evidence.kind,
        name: evidence.name,
        sha256: stored?.sha256 ?? null,
        content_type: stored?.contentType ?? null,
        size: stored?.size ?? null,
        url: evidence.kind === 'link' ? evidence.url : null,
        created_by: input.meta.actor?.userId ?? null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'par.evidenceAdded',
      targetType: 'parAssessment',
      targetId: `${a.roundId}/${a.unitCode}`,
      details: { sub: input.subCode, kind: evidence.kind, evidence: row.id },
      at: now,
    });
    return { id: row.id };
  });
}

/** The unit's leader submits: the figures are taken as they stand; sub-criteria scored above 0 that ask for evidence need some. */
export async function submitAssessment(
  deps: ParDeps,
  input: { roundId: string; unitCode: string; expectedSeq: number; meta: RequestMeta },
): Promise<Result<{ seq: number; status: string }>> {
  const access = accessOf(deps, input.meta, input.unitCode, await ownerOf(deps, input.roundId));
  if (!access.submitter) return fail(input.meta.actor ? 'FORBIDDEN_ROLE' : 'AUTH_REQUIRED');
  const round = await loadRound(deps.db, input.roundId);
  const figures = await figuresToFreeze(deps, input.unitCode, round?.year ?? 0);
  return withAssessment(deps, input, 'submit', async (trx, a, scheme) => {
    const scores = await scoresOf(trx, a.roundId, a.unitCode);
    const withEvidence = new Set(
      (await trx.selectFrom('par_evidence').select('sub_code').where('round_id', '=', a.roundId).where('unit_code', '=', a.unitCode).execute()).map(
        (e) => e.sub_code,
      ),
    );
    const missing = subCriteriaOf(scheme).filter(
      (s) =>
        s.evidence !== '' && s.method.kind !== 'figure' && s.method.kind !== 'survey' && (scores.get(s.code)?.selfPoints ?? 0) > 0 && !withEvidence.has(s.code),
    );
    if (missing.length > 0)
      throw new ParRefused(
        'VALIDATION_FAILED',
        missing.map((s) => ({ path: `scores.${s.code}`, message: `${s.code}: cần tài liệu kiểm chứng (${s.evidence})` })),
      );
    await freezeFigures(deps, trx, { roundId: a.roundId, unitCode: a.unitCode, scheme, figures });
    const now = deps.clock();
    const status = nextStatus(a, 'submit');
    await bumpAssessment(trx, a, { status, submitted_at: now, submitted_by: input.meta.actor?.userId ?? null });
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'par.submitted',
      targetType: 'parAssessment',
      targetId: `${a.roundId}/${a.unitCode}`,
      details: { total: totalsOf(scheme, await scoresOf(trx, a.roundId, a.unitCode)).total },
      at: now,
    });
    return { seq: a.seq + 1, status };
  });
}

/** An evidence file, for the unit's officials and the appraisers. */
export async function readEvidence(
  deps: ParDeps,
  input: { roundId: string; unitCode: string; evidenceId: string; meta: RequestMeta },
): Promise<Result<{ fileName: string; contentType: string; bytes: Buffer }>> {
  const access = accessOf(deps, input.meta, input.unitCode, await ownerOf(deps, input.roundId));
  if (!access.manager && !access.assessor) return fail(input.meta.actor ? 'PAR_ASSESSMENT_NOT_FOUND' : 'AUTH_REQUIRED');
  const row = await deps.db
    .selectFrom('par_evidence')
    .select(['name', 'sha256', 'content_type'])
    .where('id', '=', input.evidenceId)
    .where('round_id', '=', input.roundId)
    .where('unit_code', '=', input.unitCode)
    .where('kind', '=', 'file')
    .executeTakeFirst();
  const bytes = row?.sha256 ? await deps.files.read(row.sha256) : null;
  if (!row || !bytes) return fail('FILE_NOT_FOUND');
  return ok({ fileName: row.name, contentType: row.content_type ?? 'application/octet-stream', bytes });
}
