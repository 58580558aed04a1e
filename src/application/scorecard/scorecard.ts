/**
 * The Decision 766 scorecard and the settlement report of a unit and its subunits for a period, computed
 * from the dossiers' folded states. This first version reads the dossiers of the period on each request
 * (bounded by the period and the unit's subtree); incremental rollups updated in each action's
 * transaction are the next step (issue 6).
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { isoFromJdn, jdnFromIso } from '../../domain/calendar/civil-date.js';
import { utcMsFromLocalMinutes } from '../../domain/calendar/working-time.js';
import type { DossierState } from '../../domain/dossier/fold.js';
import { publicationProblems } from '../../domain/catalogue/completeness.js';
import { formulaFor, score, type Scorecard } from '../../domain/scorecard/formula.js';
import { emptyRow, indicator21, onTimeRate, settlementContribution, SETTLEMENT_COUNTS, type DossierFacts, type Period, type SettlementRow } from '../../domain/scorecard/settlement.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import { toLocal } from '../dossier/dossier-store.js';

type Deps = AppDeps & { catalogue: CatalogueDirectory };

export interface PeriodInput {
  unit: string;
  from: string;
  to: string;
  meta: RequestMeta;
}

function checkPeriod(input: PeriodInput): Result<Period> {
  try {
    const from = jdnFromIso(input.from);
    const to = jdnFromIso(input.to);
    if (to < from) return fail('VALIDATION_FAILED', [{ path: 'querystring.to', message: 'Ngày kết thúc phải sau ngày bắt đầu' }]);
    if (to - from > 3660) return fail('VALIDATION_FAILED', [{ path: 'querystring.to', message: 'Kỳ báo cáo tối đa 10 năm' }]);
    return ok({ from: from * 1440, to: (to + 1) * 1440 });
  } catch {
    return fail('VALIDATION_FAILED', [{ path: 'querystring', message: 'Ngày không hợp lệ (yyyy-MM-dd)' }]);
  }
}

interface Loaded {
  facts: DossierFacts;
  unitCode: string;
  procedureCode: string;
}

async function loadPeriod(deps: Deps, input: PeriodInput): Promise<Result<{ period: Period; dossiers: Loaded[]; units: string[] }>> {
  const tree = deps.units.tree();
  if (!tree.find(input.unit)) return fail('UNIT_NOT_FOUND');
  const decision = authorize(input.meta.actor, 'scorecard.view', { unitCode: input.unit }, tree);
  if (!decision.ok) return fail(decision.code);
  const period = checkPeriod(input);
  if (!period.ok) return period;
  const units = tree.all().filter((u) => tree.isWithin(u.code, input.unit)).map((u) => u.code);
  const fromDate = new Date(utcMsFromLocalMinutes(period.value.from));
  const toDate = new Date(utcMsFromLocalMinutes(period.value.to));
  const rows = await deps.db
    .selectFrom('dossiers')
    .select(['channel', 'location_independent', 'submitted_at', 'state', 'unit_code', 'procedure_code'])
    .where('unit_code', 'in', units)
    .where('accepted_at', '<', toDate)
    .where((eb) => eb.or([eb('finished_at', 'is', null), eb('finished_at', '>=', fromDate)]))
    .execute();
  return ok({
    period: period.value,
    units,
    dossiers: rows.map((r) => ({
      unitCode: r.unit_code,
      procedureCode: r.procedure_code,
      facts: { channel: r.channel, locationIndependent: r.location_independent, submittedAt: toLocal(r.submitted_at), state: r.state as DossierState },
    })),
  });
}

export async function computeScorecard(deps: Deps, input: PeriodInput): Promise<Result<Scorecard & { unit: string; from: string; to: string; dossiers: number }>> {
  const loaded = await loadPeriod(deps, input);
  if (!loaded.ok) return loaded;
  const { period, dossiers } = loaded.value;
  const counts = new Map<string, { numerator: number; denominator: number }>();
  const bump = (id: string, hit: boolean) => {
    const c = counts.get(id) ?? { numerator: 0, denominator: 0 };
    c.denominator++;
    if (hit) c.numerator++;
    counts.set(id, c);
  };
  for (const d of dossiers) {
    const r21 = indicator21(d.facts, period);
    if (r21.counted) {
      bump('2.1', r21.onTime);
      bump('5.4', r21.onTime);
    }
    const record = deps.catalogue.history(d.procedureCode).at(-1)?.record;
    const s = d.facts.state;
    const receivedInPeriod = s.acceptedAt !== null && s.acceptedAt >= period.from && s.acceptedAt < period.to;
    if (record && receivedInPeriod && record.fullOnlineEligible) {
      bump('3.3', d.facts.channel === 'online' && (!record.paperResultRequired || s.resultFile !== null));
    }
    const finishedInPeriod = s.finishedAt !== null && s.finishedAt >= period.from && s.finishedAt < period.to && s.outcome === 'approved';
    if (record && finishedInPeriod && record.paperResultRequired) bump('4.1', s.resultFile !== null);
  }
  // 1.3 is a snapshot of the catalogue in force: procedures made public with every constituent part.
  const lastDay = isoFromJdn(period.to / 1440 - 1);
  for (const v of deps.catalogue.search({ unit: input.unit, at: lastDay })) bump('1.3', publicationProblems(v.record).filter((p) => p.part !== 'process').length === 0);
  const card = score(formulaFor(input.from), counts);
  return ok({ unit: input.unit, from: input.from, to: input.to, dossiers: dossiers.length, ...card });
}

export type GroupBy = 'unit' | 'field' | 'procedure';

export async function settlementReport(
  deps: Deps,
  input: PeriodInput & { groupBy: GroupBy },
): Promise<Result<{ unit: string; from: string; to: string; groupBy: GroupBy; rows: (SettlementRow & { key: string; name: string; onTimeRate: number | null })[]; total: SettlementRow & { onTimeRate: number | null } }>> {
  const loaded = await loadPeriod(deps, input);
  if (!loaded.ok) return loaded;
  const { period, dossiers } = loaded.value;
  const tree = deps.units.tree();
  const rows = new Map<string, SettlementRow & { key: string; name: string }>();
  const total = emptyRow();
  for (const d of dossiers) {
    const contribution = settlementContribution(d.facts, period);
    if (Object.keys(contribution).length === 0) continue;
    const record = deps.catalogue.history(d.procedureCode).at(-1)?.record;
    const key = input.groupBy === 'unit' ? d.unitCode : input.groupBy === 'field' ? (record?.fieldCode ?? '—') : d.procedureCode;
    const name =
      input.groupBy === 'unit' ? (tree.find(d.unitCode)?.name ?? d.unitCode) : input.groupBy === 'field' ? (deps.catalogue.fieldName(key) ?? key) : (record?.name ?? d.procedureCode);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, name, ...emptyRow() }));
    for (const k of SETTLEMENT_COUNTS) {
      row[k] += contribution[k] ?? 0;
      total[k] += contribution[k] ?? 0;
    }
  }
  const collator = new Intl.Collator('vi');
  return ok({
    unit: input.unit,
    from: input.from,
    to: input.to,
    groupBy: input.groupBy,
    rows: [...rows.values()].sort((a, b) => collator.compare(a.name, b.name)).map((r) => ({ ...r, onTimeRate: onTimeRate(r) })),
    total: { ...total, onTimeRate: onTimeRate(total) },
  });
}
