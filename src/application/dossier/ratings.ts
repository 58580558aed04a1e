/**
 * Satisfaction ratings (SIPAS): once the result has been returned, the applicant rates the five elements
 * from 1 to 5, once per dossier. An online dossier is rated by the citizen who owns it, in their account; a
 * counter or postal dossier at a kiosk of the receiving unit's desk, where the desk officer enters the
 * rating on the applicant's behalf (`via: 'kiosk'`). The rating is kept with the competent unit and the
 * units of the steps the dossier went through, so it feeds back to them.
 */
import { RATING_ELEMENTS, type RatingElement } from '../../domain/dossier/vocabulary.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { fail, ok, type ErrorCode, type Result } from '../../domain/errors/error-codes.js';
import type { Actor } from '../../domain/access/policy.js';
import type { ActorRelation } from '../../domain/dossier/decide.js';
import type { DossierHeader } from '../../domain/dossier/fold.js';
import { findVisibleDossier } from './visible-dossier.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import { followDossiers } from '../scorecard/statistics.js';
import type { DossierRating, DossierRatingState, RatingScores } from '../../contract/rating.js';

export { RATING_ELEMENTS, type RatingElement };

export type { RatingScores };
export type RatingVia = DossierRating['via'];
/** The rating as the API shows it (src/contract/rating.ts). */
export type RatingView = DossierRating;

/** How this actor may rate this dossier, or why not (after it was found visible). */
function ratingChannel(actor: Actor, header: DossierHeader, relation: ActorRelation): { ok: true; via: RatingVia } | { ok: false; code: ErrorCode } {
  if (header.channel === 'online') return relation.isApplicant ? { ok: true, via: 'online' } : { ok: false, code: 'FORBIDDEN_ROLE' };
  return actor.role === 'desk_officer' && relation.atReceivingUnit ? { ok: true, via: 'kiosk' } : { ok: false, code: 'FORBIDDEN_ROLE' };
}

function toView(r: {
  dossier_id: string;
  unit_code: string;
  step_unit_codes: string[];
  score_access: number;
  score_procedure: number;
  score_official: number;
  score_result: number;
  score_feedback: number | null;
  comment: string | null;
  via: RatingVia;
  rated_at: Date;
}): RatingView {
  return {
    dossierId: r.dossier_id,
    unitCode: r.unit_code,
    stepUnitCodes: r.step_unit_codes,
    scores: { access: r.score_access, procedure: r.score_procedure, official: r.score_official, result: r.score_result, feedback: r.score_feedback },
    comment: r.comment,
    via: r.via,
    ratedAt: vietnamIso(r.rated_at),
  };
}

class Refused extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/** Record the rating of a returned dossier: 404 when not visible, 403 for the wrong person, 409 when not returned or already rated. */
export async function rateDossier(
  deps: AppDeps,
  input: { id: string; scores: RatingScores; comment: string | null; meta: RequestMeta },
): Promise<Result<RatingView>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const { actor, ...found } = visible.value;
  const allowed = ratingChannel(actor, found.header, found.relation);
  if (!allowed.ok) return fail(allowed.code);
  if (found.state.status !== 'returned') return fail('ACTION_NOT_AVAILABLE', { reason: 'Chỉ đánh giá được sau khi đã trả kết quả' });
  const now = deps.clock();
  const stepUnitCodes = [...new Set(found.state.visits.map((v) => v.unitCode))];
  const { scores } = input;
  try {
    const saved = await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('dossier_ratings')
        .values({
          dossier_id: found.row.id,
          unit_code: found.header.unitCode,
          step_unit_codes: stepUnitCodes,
          score_access: scores.access,
          score_procedure: scores.procedure,
          score_official: scores.official,
          score_result: scores.result,
          score_feedback: scores.feedback,
          comment: input.comment,
          via: allowed.via,
          rated_by: actor.userId,
          rated_at: now,
        })
        .onConflict((oc) => oc.column('dossier_id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new Refused('DOSSIER_ALREADY_RATED');
      await followDossiers(trx, [found.row.id]); // satisfaction counts in the statistics
      // The comment stays out of the audit trail: it may name people.
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: 'dossier.rated',
        targetType: 'dossier',
        targetId: found.row.id,
        details: { code: found.row.code, via: allowed.via, scores: { ...scores }, commented: input.comment !== null },
        at: now,
      });
      return row;
    });
    return ok(toView(saved));
  } catch (error) {
    if (error instanceof Refused) return fail(error.code);
    throw error;
  }
}

/** A dossier's rating (null before it is rated), and whether the caller may rate it now. */
export async function getDossierRating(deps: AppDeps, input: { id: string; meta: RequestMeta }): Promise<Result<DossierRatingState>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const { actor, ...found } = visible.value;
  const row = await deps.db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', found.row.id).executeTakeFirst();
  const canRate = !row && found.state.status === 'returned' && ratingChannel(actor, found.header, found.relation).ok;
  return ok({ rating: row ? toView(row) : null, canRate });
}
