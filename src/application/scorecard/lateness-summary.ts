/**
 * Where lateness happened (REFERENCE §2.5, §2.8): for a unit and a period, the dossiers of the unit's subtree
 * that are late (the one judgement at the period's as-of instant: ended late in the period, or open and
 * overdue at its end), and the steps charged with it (domain/dossier/step-overrun.ts): per unit and per
 * official who held a step beyond its budget, how many late dossiers, how many steps and how many working
 * hours over budget. A step may belong to another unit (an inter-agency step): it is charged to that unit.
 * Late dossiers where no step overran are counted apart, with the unit that held them when they fell due.
 */
import { ok, type Result } from '../../domain/errors/error-codes.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { asOfPeriod, judge } from '../../domain/dossier/timeliness.js';
import { stepOverruns, workingHours } from '../../domain/dossier/step-overrun.js';
import { toDate, toLocal } from '../dossier/dossier-store.js';
import { checkScope, type Deps, type PeriodInput } from './scorecard.js';
import type { LatenessRow, LatenessSummary } from '../../domain/scorecard/views.js';

export type { LatenessRow, LatenessSummary };

interface Tally {
  dossiers: Set<string>;
  steps: number;
  overrun: number;
}

const PAGE = 1000;

export async function latenessSummary(deps: Deps, input: PeriodInput): Promise<Result<LatenessSummary>> {
  const period = checkScope(deps, input);
  if (!period.ok) return period;
  const tree = deps.units.tree();
  const units = tree.subtreeCodes(input.unit);
  const fromLocal = period.value.fromDay * 1440;
  const asOf = asOfPeriod(toLocal(deps.clock()), period.value.toDay * 1440);
  const byUnit = new Map<string, Tally>();
  const byOfficial = new Map<string, Tally & { unitCode: string; officialId: string | null }>();
  const heldAtDue = new Map<string, number>();
  let lateDossiers = 0;
  let withoutOverrun = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await deps.db
      .selectFrom('dossiers')
      .select(['id', 'header', 'state'])
      .where('unit_code', 'in', units)
      .where('accepted_at', '<', toDate(asOf)!)
      .where((eb) => eb.or([eb('finished_at', 'is', null), eb('finished_at', '>=', toDate(fromLocal)!)]))
      .$if(after !== null, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const header = row.header as DossierHeader;
      const state = row.state as DossierState;
      const judgement = judge(state, asOf);
      if (!judgement?.late || (judgement.ended && state.finishedAt! < fromLocal)) continue;
      lateDossiers += 1;
      const report = stepOverruns(header, state, deps.calendars.rulesFor(header.receivingUnitCode), asOf);
      const overran = report.charged.filter((v) => v.overrunMinutes > 0);
      if (overran.length === 0) {
        withoutOverrun += 1;
        if (report.heldAtDue) heldAtDue.set(report.heldAtDue.unitCode, (heldAtDue.get(report.heldAtDue.unitCode) ?? 0) + 1);
        continue;
      }
      for (const v of overran) {
        const u = byUnit.get(v.unitCode) ?? { dossiers: new Set<string>(), steps: 0, overrun: 0 };
        u.dossiers.add(row.id);
        u.steps += 1;
        u.overrun += v.overrunMinutes;
        byUnit.set(v.unitCode, u);
        const key = `${v.unitCode}/${v.officialId ?? ''}`;
        const o = byOfficial.get(key) ?? { dossiers: new Set<string>(), steps: 0, overrun: 0, unitCode: v.unitCode, officialId: v.officialId };
        o.dossiers.add(row.id);
        o.steps += 1;
        o.overrun += v.overrunMinutes;
        byOfficial.set(key, o);
      }
    }
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.id;
  }
  const officialIds = [...byOfficial.values()].map((o) => o.officialId).filter((x): x is string => x !== null);
  const names = new Map(
    officialIds.length === 0
      ? []
      : (await deps.db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', officialIds).execute()).map((u) => [u.id, u.full_name] as const),
  );
  const unitName = (code: string) => tree.find(code)?.name ?? code;
  const order = (a: LatenessRow, b: LatenessRow) => b.overrunHours - a.overrunHours || b.dossiers - a.dossiers || a.unitCode.localeCompare(b.unitCode);
  return ok({
    unit: input.unit,
    from: period.value.from,
    to: period.value.to,
    lateDossiers,
    withoutOverrun,
    withoutOverrunByUnit: [...heldAtDue]
      .map(([unitCode, dossiers]) => ({ unitCode, unitName: unitName(unitCode), dossiers }))
      .sort((a, b) => b.dossiers - a.dossiers || a.unitCode.localeCompare(b.unitCode)),
    units: [...byUnit]
      .map(([unitCode, t]) => ({
        unitCode,
        unitName: unitName(unitCode),
        officialId: null,
        officialName: null,
        dossiers: t.dossiers.size,
        steps: t.steps,
        overrunHours: workingHours(t.overrun),
      }))
      .sort(order),
    officials: [...byOfficial.values()]
      .map((t) => ({
        unitCode: t.unitCode,
        unitName: unitName(t.unitCode),
        officialId: t.officialId,
        officialName: t.officialId ? (names.get(t.officialId) ?? null) : null,
        dossiers: t.dossiers.size,
        steps: t.steps,
        overrunHours: workingHours(t.overrun),
      }))
      .sort(order),
  });
}
