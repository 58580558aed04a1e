/**
 * What the survey's use cases share (issue 23 §6): the invitation's token (a random credential of which only the hash is
 * kept), a round as the API shows it, who may see a round (officials whose subtree meets the round's units), and the
 * survey's frame (the dossiers whose result was returned in a period, in the subtrees of some units).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { SurveyRoundsTable } from '../../infrastructure/db/schema-survey.js';
import type { AppDeps, RequestMeta } from '../context.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import { authorize, scopeRootOf, type Actor } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { UnitTree } from '../../domain/units/unit.js';
import { MARGIN_SCALE } from '../../domain/survey/sampling.js';
import { percentOf } from '../../domain/survey/survey-index.js';
import type { RoundReach, SurveyQuestion } from '../../domain/survey/survey.js';
import { vietnamDate, vietnamDayEnd, vietnamDayStart, vietnamIso } from '../../domain/calendar/vietnam-time.js';
import type { SurveyRound } from '../../contract/survey.js';

export type SurveyDeps = AppDeps & { catalogue: CatalogueDirectory };

export type RoundRow = Selectable<SurveyRoundsTable>;

/** A fresh token for the answering page (32 random bytes, 43 characters) and the hash kept of it. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}
export const tokenHash = (token: string) => createHash('sha256').update(`motcua survey ${token}`).digest('base64url');

/** jsonb as either engine hands it back. */
export const jsonOf = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export const reachOf = (row: Pick<RoundRow, 'period_from' | 'period_to' | 'unit_codes'>): RoundReach => ({
  from: row.period_from,
  to: row.period_to,
  unitCodes: row.unit_codes,
});

/** The root of the subtree an official reads (null for anyone else). */
export function readerRoot(actor: Actor, tree: UnitTree): string | null {
  return actor.unitCode === null ? null : scopeRootOf(actor.unitCode, tree);
}

/** Whether the actor may open or close rounds (survey.manage) over these units: each one within their subtree. */
export function mayManage(meta: RequestMeta, unitCodes: readonly string[], tree: UnitTree): Result<null> {
  const allowed = authorize(meta.actor, 'survey.manage');
  if (!allowed.ok) return fail(allowed.code);
  for (const unitCode of unitCodes) {
    const inScope = authorize(meta.actor, 'survey.manage', { unitCode }, tree);
    if (!inScope.ok) return fail(inScope.code, { unitCode });
  }
  return ok(null);
}

/** A reader of the survey's results (scorecard.view): the root of their subtree, and the top of what they asked for (`unit`, within it). */
export function readerScope(meta: RequestMeta, tree: UnitTree, unit?: string): Result<{ root: string; top: string }> {
  const allowed = authorize(meta.actor, 'scorecard.view');
  if (!allowed.ok) return fail(allowed.code);
  const root = readerRoot(meta.actor!, tree);
  if (root === null) return fail('FORBIDDEN_UNIT');
  if (unit !== undefined) {
    const inScope = authorize(meta.actor, 'scorecard.view', { unitCode: unit }, tree);
    if (!inScope.ok) return fail(inScope.code);
  }
  return ok({ root, top: unit ?? root });
}

/** Whether a round concerns the reader: one of its units lies within the reader's subtree, or above it. */
export function roundConcerns(round: RoundReach, root: string, tree: UnitTree): boolean {
  return round.unitCodes.some((u) => tree.isWithin(u, root) || tree.isWithin(root, u));
}

/** The procedure's name as the catalogue last knew it. */
export const procedureName = (deps: Pick<SurveyDeps, 'catalogue'>, code: string): string => deps.catalogue.history(code).at(-1)?.record.name ?? code;

/** The competent units a round reaches: every unit in the subtrees of its units. */
export function unitsReached(unitCodes: readonly string[], tree: UnitTree): string[] {
  return [...new Set(unitCodes.flatMap((u) => tree.subtreeCodes(u)))];
}

export interface FrameDossier {
  id: string;
  code: string;
  unit_code: string;
  procedure_code: string;
  returned_at: Date;
}

/** The dossiers of these units whose result was returned from `from` to `to` (Vietnam days), by code: the sampling frame. */
export async function returnedDossiers(
  db: Kysely<DB> | Transaction<DB>,
  period: { from: string; to: string },
  units: readonly string[],
): Promise<FrameDossier[]> {
  if (units.length === 0) return [];
  const rows = await db
    .selectFrom('dossiers')
    .select(['id', 'code', 'unit_code', 'procedure_code', 'returned_at'])
    .where('returned_at', '>=', vietnamDayStart(period.from))
    .where('returned_at', '<', vietnamDayEnd(period.to))
    .where('unit_code', 'in', units)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ ...r, returned_at: r.returned_at! }));
}

/** How many of the frame each unit holds. */
export function countByUnit(frame: readonly { unit_code: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of frame) counts[d.unit_code] = (counts[d.unit_code] ?? 0) + 1;
  return counts;
}

export interface RoundCounts {
  invited: number;
  notified: number;
  answered: number;
}

/** Invited, e-mailed and answered per round. */
export async function roundCounts(db: Kysely<DB> | Transaction<DB>, ids: readonly string[]): Promise<Map<string, RoundCounts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('survey_invitations')
    .select((eb) => [
      'round_id',
      eb.fn.countAll<string>().as('invited'),
      eb.fn.count<string>('answered_at').as('answered'),
      eb.fn.sum<string>(eb.case().when('notified', '=', true).then(1).else(0).end()).as('notified'),
    ])
    .where('round_id', 'in', ids)
    .groupBy('round_id')
    .execute();
  return new Map(rows.map((r) => [r.round_id, { invited: Number(r.invited), notified: Number(r.notified ?? 0), answered: Number(r.answered) }]));
}

export function roundView(row: RoundRow, counts: RoundCounts | undefined, tree: UnitTree): SurveyRound {
  const c = counts ?? { invited: 0, notified: 0, answered: 0 };
  return {
    id: row.id,
    name: row.name,
    from: row.period_from,
    to: row.period_to,
    unitCodes: row.unit_codes,
    unitNames: row.unit_codes.map((u) => tree.find(u)?.name ?? u),
    margin: row.margin_bp / MARGIN_SCALE,
    questions: jsonOf<SurveyQuestion[]>(row.questions),
    population: row.population,
    sampleSize: row.sample_size,
    seed: row.seed,
    answerBy: row.answer_by,
    status: row.status,
    openedAt: vietnamIso(row.opened_at),
    closedAt: row.closed_at ? vietnamIso(row.closed_at) : null,
    ...c,
    responseRate: percentOf(c.answered, c.invited),
  };
}

/** Whether an invitation of this round may still be answered at `now`. */
export const roundTakesAnswers = (row: Pick<RoundRow, 'status' | 'answer_by'>, now: Date): boolean =>
  row.status === 'open' && vietnamDate(now) <= row.answer_by;
