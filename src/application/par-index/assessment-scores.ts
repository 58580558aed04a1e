/**
 * A unit's scores in a round as stored (issue 23): read into the domain's shape, and the automatic figures frozen
 * into them when the unit submits (or when the round closes for a unit that never did), so that the appraised result
 * no longer moves with later dossiers.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { AUTO_FIGURES, subCriteriaOf, type AutoFigure, type SchemeDefinition } from '../../domain/par-index/scheme.js';
import { pointsFor, type Answer, type SubScore } from '../../domain/par-index/scoring.js';
import { parFigures } from './par-figures.js';
import type { ParDeps } from './par-store.js';

export interface StoredScore extends SubScore {
  answer: Answer | null;
  selfNote: string | null;
  appraisalReason: string | null;
  appraisedAt: string | null;
}

export async function scoresOf(db: ParDeps['db'] | Transaction<DB>, roundId: string, unitCode: string): Promise<Map<string, StoredScore>> {
  const rows = await db
    .selectFrom('par_scores')
    .select(['sub_code', 'answer', 'self_points', 'self_note', 'appraised_points', 'appraisal_reason', 'appraised_at'])
    .where('round_id', '=', roundId)
    .where('unit_code', '=', unitCode)
    .execute();
  return new Map(
    rows.map((r) => [
      r.sub_code,
      {
        code: r.sub_code,
        answer: r.answer === null ? null : typeof r.answer === 'string' ? (JSON.parse(r.answer) as Answer) : r.answer,
        selfPoints: r.self_points,
        selfNote: r.self_note,
        appraisedPoints: r.appraised_points,
        appraisalReason: r.appraisal_reason,
        appraisedAt: r.appraised_at?.toISOString() ?? null,
      },
    ]),
  );
}

/**
 * The unit's figures for the year, read before the transaction that freezes them (the statistics are read on their
 * own connection; an embedded database has one).
 */
export async function figuresToFreeze(deps: ParDeps, unitCode: string, year: number): Promise<Map<AutoFigure, number | null>> {
  const figures = await parFigures(deps, { unitCode, year });
  return new Map(figures.ok ? figures.value.map((f) => [f.figure, f.value]) : []);
}

/** Take the unit's automatic figures for the round's year into its scores, where not taken yet. */
export async function freezeFigures(
  deps: ParDeps,
  trx: Transaction<DB>,
  input: { roundId: string; unitCode: string; scheme: SchemeDefinition; figures: ReadonlyMap<AutoFigure, number | null> },
): Promise<void> {
  const subs = subCriteriaOf(input.scheme).filter((s) => s.method.kind === 'figure');
  const byFigure = input.figures;
  const now = deps.clock();
  for (const sub of subs) {
    if (sub.method.kind !== 'figure') continue;
    const value = byFigure.get(sub.method.figure) ?? null;
    const spec = AUTO_FIGURES[sub.method.figure] as { whenNone?: number };
    const answer: Answer = { kind: 'figure', value };
    // A figure with nothing to count is left to the appraisers (unscored), unless the scheme's reading says otherwise.
    const scored = pointsFor(sub, value === null && spec.whenNone !== undefined ? { kind: 'figure', value: spec.whenNone } : answer);
    await trx
      .insertInto('par_scores')
      .values({
        round_id: input.roundId,
        unit_code: input.unitCode,
        sub_code: sub.code,
        answer: JSON.stringify(answer),
        self_points: scored,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['round_id', 'unit_code', 'sub_code']).doNothing())
      .execute();
  }
}
