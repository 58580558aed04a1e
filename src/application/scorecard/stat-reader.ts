/**
 * Reading measures of a unit subtree over a period from the rollups: each boundary's prefix sum is the years
 * before its year, the months before its month in that year and the days before it in that month, so a
 * period costs a few dozen rows per measure however long the history.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { civilFromJdn, isoFromJdn, jdnFromCivil } from '../../domain/calendar/civil-date.js';
import type { Measure, MeasureReader } from '../../domain/scorecard/measures.js';
import type { UnitTree } from '../../domain/units/unit.js';
import { toDate } from '../dossier/dossier-store.js';

/**
 * A period of whole days: [fromDay, toDay) as Julian day numbers, judged as of `asOf` (local minutes) when the
 * period has not ended: the as-of instant of a period is the earlier of now and its end
 * (domain/dossier/timeliness.ts). Without `asOf` the period is read at its end, whenever that is.
 */
export interface DayPeriod {
  fromDay: number;
  toDay: number;
  asOf?: number;
}

/** The stocks whose deltas are dated ahead of time (the day a dossier will become late) and so need an as-of. */
const AHEAD: readonly Measure[] = ['overdue', 'openLate21'];

/**
 * Where a period reaches past its as-of instant, its boundaries are read at the first day boundary after that
 * instant (nothing but the stocks in AHEAD has deltas dated after now), and those stocks are corrected by the
 * open dossiers that the boundary finds late but the instant does not: due between the instant and the boundary.
 */
interface Clamp {
  fromDay: number;
  toDay: number;
  /** Subtract the correction from the stocks at the start (end) boundary. */
  start: boolean;
  end: boolean;
  asOf: number;
}

function clamp(period: DayPeriod): Clamp | null {
  if (period.asOf === undefined) return null;
  const boundary = Math.floor(period.asOf / 1440) + 1;
  const start = period.fromDay >= boundary;
  const end = period.toDay >= boundary;
  if (!start && !end) return null;
  return { fromDay: Math.min(period.fromDay, boundary), toDay: Math.min(period.toDay, boundary), start, end, asOf: period.asOf };
}

/**
 * Open dossiers (by their own unit, and by procedure) late at the first day boundary after `asOf` but not at
 * `asOf`: not supplemented twice, not waiting for a supplement requested before their due date, and due in
 * the minutes [asOf − 1, boundary − 2] (overdueFrom = due + 2 in (asOf, boundary]). Uses the partial index on
 * open dossiers' due dates.
 */
async function lateAfterAsOf(db: Kysely<DB>, units: readonly string[], c: Clamp): Promise<{ unit_code: string; procedure_code: string; n: number }[]> {
  if (units.length === 0) return [];
  const boundary = (Math.floor(c.asOf / 1440) + 1) * 1440;
  const rows = await sql<{ unit_code: string; procedure_code: string; n: string }>`
    select unit_code, procedure_code, count(*) as n
    from dossiers
    where national_code in (2, 4, 5, 6) and accepted_at is not null and finished_at is null
      and due_at >= ${toDate(c.asOf - 1)} and due_at < ${toDate(boundary - 1)}
      and not repeated_supplement
      and not (paused_since is not null and paused_since <= due_at)
      and unit_code in (${sql.join(units)})
    group by 1, 2`.execute(db);
  return rows.rows.map((r) => ({ unit_code: r.unit_code, procedure_code: r.procedure_code, n: Number(r.n) }));
}

interface Boundary {
  day: string;
  month: string;
  year: string;
}

function boundary(jd: number): Boundary {
  const c = civilFromJdn(jd);
  return {
    day: isoFromJdn(jd),
    month: isoFromJdn(jdnFromCivil({ year: c.year, month: c.month, day: 1 })),
    year: isoFromJdn(jdnFromCivil({ year: c.year, month: 1, day: 1 })),
  };
}

/** Rows of a prefix up to (not including) boundary b. */
const before = (b: Boundary) =>
  sql`((grain = 'y' and start < ${b.year}) or (grain = 'm' and start >= ${b.year} and start < ${b.month}) or (grain = 'd' and start >= ${b.month} and start < ${b.day}))`;

class Sums implements MeasureReader {
  readonly start = new Map<string, number>();
  readonly end = new Map<string, number>();
  flow(m: Measure) {
    return (this.end.get(m) ?? 0) - (this.start.get(m) ?? 0);
  }
  atStart(m: Measure) {
    return this.start.get(m) ?? 0;
  }
  atEnd(m: Measure) {
    return this.end.get(m) ?? 0;
  }
}

export const EMPTY_READER: MeasureReader = new Sums();

/** Subtract the correction of `lateAfterAsOf` rows from the readers' AHEAD stocks at the clamped boundaries. */
function correct(
  readers: Iterable<[string, Sums]>,
  keyOf: (row: { unit_code: string; procedure_code: string }) => string[],
  rows: { unit_code: string; procedure_code: string; n: number }[],
  c: Clamp,
): void {
  const byKey = new Map<string, number>();
  for (const r of rows) for (const k of keyOf(r)) byKey.set(k, (byKey.get(k) ?? 0) + r.n);
  for (const [key, s] of readers) {
    const n = byKey.get(key) ?? 0;
    if (n === 0) continue;
    for (const m of AHEAD) {
      if (c.start && s.start.has(m)) s.start.set(m, s.start.get(m)! - n);
      if (c.end && s.end.has(m)) s.end.set(m, s.end.get(m)! - n);
    }
  }
}

/**
 * The measures of several unit subtrees (one query), keyed by unit. A period with an as-of instant needs the
 * unit tree, to find the open dossiers of each subtree.
 */
export async function readUnits(
  db: Kysely<DB>,
  unitCodes: readonly string[],
  period: DayPeriod,
  measures?: readonly Measure[],
  tree?: UnitTree,
): Promise<Map<string, MeasureReader>> {
  const out = new Map<string, Sums>(unitCodes.map((u) => [u, new Sums()]));
  if (unitCodes.length === 0) return out;
  const c = clamp(period);
  const f = boundary(c?.fromDay ?? period.fromDay);
  const t = boundary(c?.toDay ?? period.toDay);
  const rows = await sql<{ unit_code: string; measure: string; at_start: string | null; at_end: string | null }>`
    select unit_code, measure,
      sum(value) filter (where ${before(f)}) as at_start,
      sum(value) filter (where ${before(t)}) as at_end
    from stat_rollups
    where unit_code in (${sql.join(unitCodes)}) and (${before(f)} or ${before(t)})
      ${measures ? sql`and measure in (${sql.join(measures)})` : sql``}
    group by unit_code, measure`.execute(db);
  for (const r of rows.rows) {
    const s = out.get(r.unit_code)!;
    s.start.set(r.measure, Number(r.at_start ?? 0));
    s.end.set(r.measure, Number(r.at_end ?? 0));
  }
  if (c && (!measures || measures.some((m) => AHEAD.includes(m)))) {
    if (!tree) throw new Error('readUnits: a period with an as-of instant needs the unit tree');
    const units = tree
      .all()
      .filter((u) => unitCodes.some((root) => tree.isWithin(u.code, root)))
      .map((u) => u.code);
    const late = await lateAfterAsOf(db, units, c);
    correct(out, (r) => unitCodes.filter((root) => tree.isWithin(r.unit_code, root)), late, c);
  }
  return out;
}

export async function readUnit(db: Kysely<DB>, unitCode: string, period: DayPeriod, measures?: readonly Measure[], tree?: UnitTree): Promise<MeasureReader> {
  return (await readUnits(db, [unitCode], period, measures, tree)).get(unitCode)!;
}

/**
 * The measures of each procedure within a unit subtree, keyed by procedure code (procedures without data are
 * absent). Procedure rollups are kept per dossier's own unit, so the subtree's units are summed here.
 */
export async function readProcedures(
  db: Kysely<DB>,
  tree: UnitTree,
  unitCode: string,
  period: DayPeriod,
  measures: readonly Measure[],
): Promise<Map<string, MeasureReader>> {
  const out = new Map<string, Sums>();
  if (measures.length === 0) return out;
  const units = tree
    .all()
    .filter((u) => tree.isWithin(u.code, unitCode))
    .map((u) => u.code);
  const c = clamp(period);
  const f = boundary(c?.fromDay ?? period.fromDay);
  const t = boundary(c?.toDay ?? period.toDay);
  const rows = await sql<{ procedure_code: string; measure: string; at_start: string | null; at_end: string | null }>`
    select procedure_code, measure,
      sum(value) filter (where ${before(f)}) as at_start,
      sum(value) filter (where ${before(t)}) as at_end
    from stat_procedure_rollups
    where unit_code in (${sql.join(units)}) and measure in (${sql.join(measures)}) and (${before(f)} or ${before(t)})
    group by procedure_code, measure`.execute(db);
  for (const r of rows.rows) {
    let s = out.get(r.procedure_code);
    if (!s) out.set(r.procedure_code, (s = new Sums()));
    s.start.set(r.measure, Number(r.at_start ?? 0));
    s.end.set(r.measure, Number(r.at_end ?? 0));
  }
  if (c && measures.some((m) => AHEAD.includes(m))) correct(out, (r) => [r.procedure_code], await lateAfterAsOf(db, units, c), c);
  return out;
}
