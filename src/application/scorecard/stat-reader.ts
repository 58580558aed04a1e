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

/** A period of whole days: [fromDay, toDay) as Julian day numbers. */
export interface DayPeriod {
  fromDay: number;
  toDay: number;
}

interface Boundary {
  day: string;
  month: string;
  year: string;
}

function boundary(jd: number): Boundary {
  const c = civilFromJdn(jd);
  return { day: isoFromJdn(jd), month: isoFromJdn(jdnFromCivil({ year: c.year, month: c.month, day: 1 })), year: isoFromJdn(jdnFromCivil({ year: c.year, month: 1, day: 1 })) };
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

/** The measures of several unit subtrees (one query), keyed by unit. */
export async function readUnits(db: Kysely<DB>, unitCodes: readonly string[], period: DayPeriod, measures?: readonly Measure[]): Promise<Map<string, MeasureReader>> {
  const out = new Map<string, Sums>(unitCodes.map((u) => [u, new Sums()]));
  if (unitCodes.length === 0) return out;
  const f = boundary(period.fromDay);
  const t = boundary(period.toDay);
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
  return out;
}

export async function readUnit(db: Kysely<DB>, unitCode: string, period: DayPeriod, measures?: readonly Measure[]): Promise<MeasureReader> {
  return (await readUnits(db, [unitCode], period, measures)).get(unitCode)!;
}

/**
 * The measures of each procedure within a unit subtree, keyed by procedure code (procedures without data are
 * absent). Procedure rollups are kept per dossier's own unit, so the subtree's units are summed here.
 */
export async function readProcedures(db: Kysely<DB>, tree: UnitTree, unitCode: string, period: DayPeriod, measures: readonly Measure[]): Promise<Map<string, MeasureReader>> {
  const out = new Map<string, Sums>();
  if (measures.length === 0) return out;
  const units = tree.all().filter((u) => tree.isWithin(u.code, unitCode)).map((u) => u.code);
  const f = boundary(period.fromDay);
  const t = boundary(period.toDay);
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
  return out;
}
