/**
 * The current period's forecast for a unit: the score so far; the projected score at the period's end if the
 * open dossiers finish on their current trajectory (one on track — not overdue, its current step within its
 * deadline — finishes on time; one already overdue, or whose step has overrun and is due before the period
 * ends, finishes late); and the fixes that would gain the most points, per procedure.
 */
import { sql } from 'kysely';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { isoFromJdn } from '../../domain/calendar/civil-date.js';
import { formulaFor, scoreIndicator, sumTerms, type IndicatorSpec, type Scorecard } from '../../domain/scorecard/formula.js';
import { dayOf, type Measure, type MeasureReader } from '../../domain/scorecard/measures.js';
import { toDate, toLocal } from '../dossier/dossier-store.js';
import { listFormulaVersions } from './formula-versions.js';
import { checkScope, scoreUnit, type Deps, type PeriodInput } from './scorecard.js';
import { EMPTY_READER, readProcedures } from './stat-reader.js';
import type { Fix, Forecast } from '../../domain/scorecard/views.js';

/** Retro-fixable shortfalls: the numerator measure, and how to say the fix. */
const FIXABLE: Partial<Record<Measure, (n: number, name: string) => string>> = {
  eResult: (n, name) => `Cấp kết quả điện tử cho ${n} hồ sơ thủ tục «${name}»`,
  digitized: (n, name) => `Số hóa thành phần hồ sơ (và kết quả) của ${n} hồ sơ thủ tục «${name}»`,
};

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function forecastScore(deps: Deps, input: PeriodInput): Promise<Result<Forecast>> {
  const period = checkScope(deps, input);
  if (!period.ok) return period;
  const tree = deps.units.tree();
  const units = tree.subtreeCodes(input.unit);
  const now = deps.clock();
  const nowLocal = toLocal(now);
  const today = dayOf(nowLocal);
  const version = formulaFor(input.from, await listFormulaVersions(deps));
  const soFarTo = Math.min(period.value.toDay, today + 1);
  const actual = await scoreUnit(deps, input.unit, { ...period.value, toDay: soFarTo, to: isoFromJdn(soFarTo - 1) }, version);

  // Open dossiers due before the period ends but not yet late: on track or not, per procedure.
  const end = toDate(period.value.toDay * 1440 - 1)!;
  const trajectory = await sql<{ procedure_code: string; on_track: string; off_track: string }>`
    select procedure_code,
      count(*) filter (where step_due_at is null or step_due_at >= ${now}) as on_track,
      count(*) filter (where step_due_at < ${now}) as off_track
    from dossiers
    where unit_code in (${sql.join(units)}) and national_code in (2, 4, 6)
      and not repeated_supplement and paused_since is null
      and due_at >= ${now} and due_at < ${end}
    group by procedure_code`.execute(deps.db);
  const onTrack = trajectory.rows.reduce((n, r) => n + Number(r.on_track), 0);
  const offTrack = trajectory.rows.reduce((n, r) => n + Number(r.off_track), 0);
  // Those on track finish on time: they leave the stocks that would count them late at the period's end.
  const onTrajectory = (r: MeasureReader): MeasureReader => ({
    flow: (m) => r.flow(m),
    atStart: (m) => r.atStart(m),
    atEnd: (m) => (m === 'openLate21' || m === 'overdue' ? r.atEnd(m) - onTrack : r.atEnd(m)),
  });
  // The projection judges the period at its end (no as-of): the open dossiers have finished by then.
  const projected = await scoreUnit(deps, input.unit, { ...period.value, asOf: undefined }, version, onTrajectory);

  const specs = version.groups.flatMap((g) => g.indicators);
  const indicatorOf = (card: Scorecard, id: string) => card.groups.flatMap((g) => g.indicators).find((i) => i.id === id)!;
  const gainOf = (spec: IndicatorSpec, card: Scorecard, extra: number) => {
    const i = indicatorOf(card, spec.id);
    return round2(scoreIndicator(spec, i.numerator + extra, i.denominator).points - i.points);
  };
  const name = (code: string) => deps.catalogue.history(code).at(-1)?.record.name ?? code;
  const fixes: Fix[] = [];
  for (const spec of specs) {
    if (!('dossiers' in spec.numerator) || !('dossiers' in spec.denominator)) continue;
    const fixable = spec.numerator.dossiers.map((t) => FIXABLE[t.measure]).find((f) => f !== undefined);
    if (!fixable) continue;
    const numTerms = spec.numerator.dossiers;
    const denTerms = spec.denominator.dossiers;
    const readers = await readProcedures(deps.db, tree, input.unit, period.value, [...new Set([...numTerms, ...denTerms].map((t) => t.measure))]);
    for (const [code, reader] of readers) {
      const gap = sumTerms(reader ?? EMPTY_READER, denTerms) - sumTerms(reader, numTerms);
      if (gap <= 0) continue;
      const gain = gainOf(spec, projected, gap);
      if (gain > 0)
        fixes.push({
          indicatorId: spec.id,
          procedureCode: code,
          procedureName: name(code),
          dossiers: gap,
          gain,
          text: `${fixable(gap, name(code))}: +${String(gain).replace('.', ',')} điểm`,
        });
    }
  }
  const i21 = specs.find((s) => s.id === '2.1');
  if (i21) {
    for (const r of trajectory.rows) {
      const n = Number(r.off_track);
      if (n === 0) continue;
      // Already counted on time in the projection only if on track: these off-track ones gain if finished on time.
      const gain = round2(
        gainOf(i21, projected, n) +
          (specs.some((s) => s.id === '5.4')
            ? gainOf(
                specs.find((s) => s.id === '5.4')!,
                projected,
                n,
              )
            : 0),
      );
      if (gain > 0)
        fixes.push({
          indicatorId: '2.1',
          procedureCode: r.procedure_code,
          procedureName: name(r.procedure_code),
          dossiers: n,
          gain,
          text: `Giải quyết đúng hạn ${n} hồ sơ đang chậm ở bước hiện tại của thủ tục «${name(r.procedure_code)}»: +${String(gain).replace('.', ',')} điểm`,
        });
    }
  }
  fixes.sort((a, b) => b.gain - a.gain || b.dossiers - a.dossiers);
  return ok({
    unit: input.unit,
    from: input.from,
    to: input.to,
    asOf: now.toISOString(),
    actual,
    projected,
    open: { onTrack, offTrack },
    fixes: fixes.slice(0, 10),
  });
}
