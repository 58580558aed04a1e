/**
 * The ranking of a unit's direct subunits over a period: each scored with the formula in force, with its
 * sample (indicator 2.1's denominator) and a Wilson interval; below SCORECARD_MIN_SAMPLE dossiers a unit is
 * shown but not ranked.
 */
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { formulaFor } from '../../domain/scorecard/formula.js';
import { rankUnits } from '../../domain/scorecard/ranking.js';
import type { Ranking } from '../../contract/scorecard.js';
import { listFormulaVersions } from './formula-versions.js';
import { checkScope, scoreUnit, type Deps, type PeriodInput } from './scorecard.js';

export async function rankSubunits(deps: Deps, input: PeriodInput & { minSample: number }): Promise<Result<Ranking>> {
  const period = checkScope(deps, input);
  if (!period.ok) return period;
  const tree = deps.units.tree();
  const version = formulaFor(input.from, await listFormulaVersions(deps));
  const children = tree.children(input.unit);
  const cards = await Promise.all(children.map((u) => scoreUnit(deps, u.code, period.value, version)));
  const inputs = children.map((u, i) => {
    const i21 = cards[i]!.groups.flatMap((g) => g.indicators).find((x) => x.id === '2.1');
    return { unitCode: u.code, total: cards[i]!.total, sample: i21?.denominator ?? 0, onTime: Math.max(0, i21?.numerator ?? 0) };
  });
  const byCode = new Map(children.map((u, i) => [u.code, { unit: u, card: cards[i]! }]));
  const rows = rankUnits(inputs, input.minSample)
    .filter((r) => r.sample > 0 || byCode.get(r.unitCode)!.unit.validTo === null)
    .map((r) => {
      const { unit, card } = byCode.get(r.unitCode)!;
      return { ...r, unitName: unit.name, level: unit.level, groups: card.groups.map((g) => ({ id: g.id, points: g.points, maxPoints: g.maxPoints })) };
    });
  return ok({ unit: input.unit, from: input.from, to: input.to, formulaVersion: version.id, minSample: input.minSample, rows });
}
