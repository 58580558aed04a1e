/** A unit's score month by month (each month scored with the version in force on its first day). */
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { civilFromJdn, isoFromJdn, jdnFromCivil, jdnFromIso } from '../../domain/calendar/civil-date.js';
import { formulaFor } from '../../domain/scorecard/formula.js';
import { listFormulaVersions } from './formula-versions.js';
import type { Trend } from '../../contract/scorecard.js';
import { checkScope, scoreUnit, type Deps, type PeriodInput } from './scorecard.js';

/** The `months` calendar months ending with the month of `to` (to itself if the month is not over). */
export async function scoreTrend(deps: Deps, input: Omit<PeriodInput, 'from'> & { months: number }): Promise<Result<Trend>> {
  const last = civilFromJdn(jdnFromIso(input.to));
  const first = jdnFromCivil({ year: last.year, month: last.month, day: 1 });
  const months = Array.from({ length: input.months }, (_, i) => {
    const c = civilFromJdn(first);
    const idx = c.year * 12 + (c.month - 1) - (input.months - 1 - i);
    const start = jdnFromCivil({ year: Math.floor(idx / 12), month: (idx % 12) + 1, day: 1 });
    const next = jdnFromCivil({ year: Math.floor((idx + 1) / 12), month: ((idx + 1) % 12) + 1, day: 1 });
    return { from: isoFromJdn(start), to: isoFromJdn(Math.min(next - 1, jdnFromIso(input.to))) };
  });
  const scope = checkScope(deps, { ...input, from: months[0]!.from });
  if (!scope.ok) return scope;
  const versions = await listFormulaVersions(deps);
  const points = await Promise.all(
    months.map(async (m) => {
      const toDay = jdnFromIso(m.to) + 1;
      // Each month judged as of the earlier of now and its end, as the scorecard of that month is.
      const asOf = Math.min(scope.value.asOf ?? Infinity, toDay * 1440);
      const card = await scoreUnit(deps, input.unit, { from: m.from, to: m.to, fromDay: jdnFromIso(m.from), toDay, asOf }, formulaFor(m.from, versions));
      return {
        month: m.from.slice(0, 7),
        from: m.from,
        to: m.to,
        total: card.total,
        groups: card.groups.map((g) => ({ id: g.id, name: g.name, points: g.points, maxPoints: g.maxPoints })),
      };
    }),
  );
  return ok({ unit: input.unit, points });
}
