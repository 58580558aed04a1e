/**
 * The Decision 766 scorecard and the settlement report of a unit and its subunits for a period of days, read
 * from the rolled-up statistics (statistics.ts): no dossier is scanned to answer. Group 1 comes from the
 * catalogue and its publication decisions.
 */
import { feedbackCounts } from '../feedback/feedback-indicators.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { isoFromJdn, jdnFromIso } from '../../domain/calendar/civil-date.js';
import { missingParts } from '../../domain/catalogue/completeness.js';
import type { ProcedureRecord } from '../../domain/catalogue/procedure.js';
import type { UnitTree } from '../../domain/units/unit.js';
import {
  formulaFor,
  measuresOf,
  scoreFormula,
  type CatalogueMeasure,
  type FormulaVersion,
  type ProcedureFilter,
  type Quantity,
  type Scorecard,
} from '../../domain/scorecard/formula.js';
import type { MeasureReader } from '../../domain/scorecard/measures.js';
import { publicationCounts } from '../../domain/scorecard/publication.js';
import {
  addRows,
  emptyRow,
  isEmptyRow,
  onTimeRate,
  paidOnlineRate,
  settlementRow,
  SETTLEMENT_MEASURES,
  type SettlementRow,
} from '../../domain/scorecard/settlement.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { loadWatchedDecisions, provinceCode } from '../catalogue/watchdog-report.js';
import type { WatchedDecision } from '../../domain/catalogue/watchdog.js';
import { listFormulaVersions } from './formula-versions.js';
import type { GroupBy, SettlementRates, SettlementReport } from '../../domain/scorecard/views.js';
import type { ScorecardAnswer } from '../../contract/scorecard.js';
import { EMPTY_READER, readProcedures, readUnit, readUnits, type DayPeriod } from './stat-reader.js';
import { asOfPeriod } from '../../domain/dossier/timeliness.js';
import { toLocal } from '../dossier/dossier-store.js';

export type Deps = AppDeps & { catalogue: CatalogueDirectory; calendars: CalendarDirectory };

export interface PeriodInput {
  unit: string;
  from: string;
  to: string;
  meta: RequestMeta;
}

export interface CheckedPeriod extends DayPeriod {
  from: string;
  to: string;
}

export function checkPeriod(input: { from: string; to: string }): Result<CheckedPeriod> {
  try {
    const from = jdnFromIso(input.from);
    const to = jdnFromIso(input.to);
    if (to < from) return fail('VALIDATION_FAILED', [{ path: 'querystring.to', message: 'Ngày kết thúc phải sau ngày bắt đầu' }]);
    if (to - from > 3660) return fail('VALIDATION_FAILED', [{ path: 'querystring.to', message: 'Kỳ báo cáo tối đa 10 năm' }]);
    return ok({ from: input.from, to: input.to, fromDay: from, toDay: to + 1 });
  } catch {
    return fail('VALIDATION_FAILED', [{ path: 'querystring', message: 'Ngày không hợp lệ (yyyy-MM-dd)' }]);
  }
}

/**
 * The unit exists and the actor may see its figures; the period is valid. The period is judged as of the
 * earlier of now and its end (domain/dossier/timeliness.ts): an open dossier is not late before its due date.
 */
export function checkScope(deps: AppDeps, input: PeriodInput): Result<CheckedPeriod> {
  const tree = deps.units.tree();
  if (!tree.find(input.unit)) return fail('UNIT_NOT_FOUND');
  const decision = authorize(input.meta.actor, 'scorecard.view', { unitCode: input.unit }, tree);
  if (!decision.ok) return fail(decision.code);
  const period = checkPeriod(input);
  if (!period.ok) return period;
  return ok({ ...period.value, asOf: asOfPeriod(toLocal(deps.clock()), period.value.toDay * 1440) });
}

export const FILTERS: Record<ProcedureFilter, (r: ProcedureRecord) => boolean> = {
  all: () => true,
  feeBearing: (r) => r.fees.some((f) => f.amount > 0),
  fullOnlineEligible: (r) => r.fullOnlineEligible,
  paperResult: (r) => r.paperResultRequired,
  citizenSubjects: (r) => r.subjects.includes('citizen') || r.subjects.includes('foreigner'),
};

/** Does a catalogue item concern a unit's subtree? A commune-wide item concerns every unit with communes in it. */
export function concerns(tree: UnitTree, unitCode: string, item: { unitCodes: string[]; communeWide: boolean }): boolean {
  if (item.unitCodes.some((u) => tree.isWithin(u, unitCode))) return true;
  return item.communeWide && tree.all().some((u) => u.level === 'commune' && tree.isWithin(u.code, unitCode));
}

/** The measures procedure counts read (only those are fetched per procedure). */
const procedureCountMeasures = (version: FormulaVersion) => [
  ...new Set(
    version.groups.flatMap((g) =>
      g.indicators.flatMap((i) =>
        [i.numerator, i.denominator].flatMap((q: Quantity) => ('procedures' in q ? (q.procedures.having ?? []).map((t) => t.measure) : [])),
      ),
    ),
  ),
];

/** Publication decisions change a few times a year: read them at most every 30 s per database for the scorecards. */
const decisionsCache = new WeakMap<object, { at: number; value: Promise<WatchedDecision[]> }>();
function watchedDecisions(deps: Deps): Promise<WatchedDecision[]> {
  const now = Date.now();
  const cached = decisionsCache.get(deps.db);
  if (cached && now - cached.at <= 30_000) return cached.value;
  const value = loadWatchedDecisions(deps);
  decisionsCache.set(deps.db, { at: now, value });
  value.catch(() => decisionsCache.delete(deps.db));
  return value;
}

/** Forget the cached decisions of a database: the portal acknowledged a publication, or a draft was made (1.2 moves). */
export function forgetWatchedDecisions(db: object): void {
  decisionsCache.delete(db);
}

const usesQuantity = (version: FormulaVersion, kind: 'procedures' | 'catalogue' | 'feedback') =>
  version.groups.some((g) => g.indicators.some((i) => [i.numerator, i.denominator].some((q: Quantity) => kind in q)));

/** Score one unit subtree over a checked period with a formula version. */
export async function scoreUnit(
  deps: Deps,
  unitCode: string,
  period: CheckedPeriod,
  version: FormulaVersion,
  adjust: (r: MeasureReader) => MeasureReader = (r) => r,
): Promise<Scorecard> {
  const tree = deps.units.tree();
  const lastDay = isoFromJdn(period.toDay - 1);
  const inForce = deps.catalogue.search({ unit: unitCode, at: lastDay });
  const dossiers = readUnit(deps.db, unitCode, period, measuresOf(version), tree);
  const procedureMeasures = procedureCountMeasures(version);
  const procedureReaders =
    procedureMeasures.length > 0 ? readProcedures(deps.db, tree, unitCode, period, procedureMeasures) : Promise.resolve(new Map<string, MeasureReader>());
  const catalogue = usesQuantity(version, 'catalogue')
    ? watchedDecisions(deps).then((decisions) => {
        const calendar = deps.calendars.rulesFor(provinceCode(deps)).calendar;
        const { late: _late, ...counts } = publicationCounts(calendar, decisions, (item) => concerns(tree, unitCode, item), period);
        const complete = inForce.filter((v) => missingParts(v.record).length === 0).length;
        return { ...counts, madePublic: inForce.length, madePublicComplete: complete } satisfies Record<CatalogueMeasure, number>;
      })
    : Promise.resolve(null);
  // Group 5's feedback indicators, from the feedback records (issue 22).
  const feedback = usesQuantity(version, 'feedback') ? feedbackCounts(deps, unitCode, period) : Promise.resolve(null);
  const [reader, byProcedure, catalogueCounts, feedbackCounted] = await Promise.all([dossiers, procedureReaders, catalogue, feedback]);
  return scoreFormula(version, {
    dossiers: adjust(reader),
    procedures: (of) => inForce.filter((v) => FILTERS[of](v.record)).map((v) => byProcedure.get(v.code) ?? EMPTY_READER),
    catalogue: (m) => catalogueCounts?.[m] ?? 0,
    feedback: (m) => feedbackCounted?.[m] ?? 0,
  });
}

export async function computeScorecard(deps: Deps, input: PeriodInput): Promise<Result<ScorecardAnswer>> {
  const period = checkScope(deps, input);
  if (!period.ok) return period;
  const version = formulaFor(input.from, await listFormulaVersions(deps));
  const card = await scoreUnit(deps, input.unit, period.value, version);
  const dossiers = card.groups.flatMap((g) => g.indicators).find((i) => i.id === '2.1')?.denominator ?? 0;
  return ok({ unit: input.unit, from: input.from, to: input.to, dossiers, ...card });
}

const rates = (row: SettlementRow): SettlementRates => ({ onTimeRate: onTimeRate(row), paidOnlineRate: paidOnlineRate(row) });

/**
 * The settlement report. By unit: the unit's direct subunits (each with everything below it) and the
 * dossiers of the unit itself; by procedure or field: the procedures of the whole subtree. Each row ends with
 * the online payment of its fee-bearing dossiers received in the period, from indicator 3.6's measures.
 */
export async function settlementReport(deps: Deps, input: PeriodInput & { groupBy: GroupBy }): Promise<Result<SettlementReport>> {
  const period = checkScope(deps, input);
  if (!period.ok) return period;
  const tree = deps.units.tree();
  const rows: { key: string; name: string; row: SettlementRow }[] = [];
  let total: SettlementRow;
  if (input.groupBy === 'unit') {
    const children = tree.children(input.unit).map((u) => u.code);
    const readers = await readUnits(deps.db, [input.unit, ...children], period.value, SETTLEMENT_MEASURES, tree);
    total = settlementRow(readers.get(input.unit)!);
    const own = { ...total };
    for (const c of children) {
      const row = settlementRow(readers.get(c)!);
      addRows(own, row, -1);
      rows.push({ key: c, name: tree.find(c)?.name ?? c, row });
    }
    rows.unshift({ key: input.unit, name: `${tree.find(input.unit)?.name ?? input.unit} (trực tiếp giải quyết)`, row: own });
  } else {
    const readers = await readProcedures(deps.db, tree, input.unit, period.value, SETTLEMENT_MEASURES);
    total = emptyRow();
    const byKey = new Map<string, { key: string; name: string; row: SettlementRow }>();
    for (const [code, reader] of readers) {
      const row = settlementRow(reader);
      addRows(total, row);
      const record = deps.catalogue.history(code).at(-1)?.record;
      const key = input.groupBy === 'field' ? (record?.fieldCode ?? '—') : code;
      const name = input.groupBy === 'field' ? (deps.catalogue.fieldName(key) ?? key) : (record?.name ?? code);
      const entry = byKey.get(key) ?? { key, name, row: emptyRow() };
      addRows(entry.row, row);
      byKey.set(key, entry);
    }
    rows.push(...byKey.values());
  }
  const collator = new Intl.Collator('vi');
  const sorted = input.groupBy === 'unit' ? rows : rows.sort((a, b) => collator.compare(a.name, b.name));
  return ok({
    unit: input.unit,
    from: input.from,
    to: input.to,
    groupBy: input.groupBy,
    rows: sorted.filter((r) => !isEmptyRow(r.row)).map((r) => ({ key: r.key, name: r.name, ...r.row, ...rates(r.row) })),
    total: { ...total, ...rates(total) },
  });
}
