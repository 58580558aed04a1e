/**
 * From an indicator of a unit to what costs it points: the dossiers that fall short (each with the reason,
 * down to the step, unit and official that made it late), or the procedures (procedure counts, group 1).
 * Dossiers are read from stat_facts for the unit's subtree and the period, in pages, and judged one by one
 * with the indicator's own numerator and denominator (domain/scorecard/shortfall.ts).
 */
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { workingMinutesBetween } from '../../domain/calendar/clock.js';
import { isoFromJdn } from '../../domain/calendar/civil-date.js';
import { missingParts } from '../../domain/catalogue/completeness.js';
import { formulaFor, sumTerms, type IndicatorSpec } from '../../domain/scorecard/formula.js';
import { fallsShort, shortfallKinds, SHORTFALL_LABELS, type ShortfallKind } from '../../domain/scorecard/shortfall.js';
import { publicationCounts } from '../../domain/scorecard/publication.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { loadWatchedDecisions, provinceCode } from '../catalogue/watchdog-report.js';
import { formatLocal } from '../dossier/notifications.js';
import { toDate } from '../dossier/dossier-store.js';
import { vietnamIso } from '../vietnam-time.js';
import { listFormulaVersions } from './formula-versions.js';
import { checkScope, concerns, FILTERS, type Deps, type PeriodInput } from './scorecard.js';
import { factsFromRow } from './statistics.js';
import type { DrillDown, ShortfallDossier, ShortfallProcedure } from '../../domain/scorecard/views.js';
import { EMPTY_READER, readProcedures } from './stat-reader.js';




const hoursText = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} phút làm việc` : m === 0 ? `${h} giờ làm việc` : `${h} giờ ${m} phút làm việc`;
};

/** The late story of a dossier: when it ended against the due date, and the step that overran most. */
function lateDetail(deps: Deps, header: DossierHeader, state: DossierState, officials: Map<string, string>, periodEnd: number): string {
  const rules = deps.calendars.rulesFor(header.receivingUnitCode);
  const parts: string[] = [];
  const end = state.finishedAt !== null && state.finishedAt < periodEnd ? state.finishedAt : (state.pausedSince ?? periodEnd - 1);
  if (state.dueAt !== null) {
    const late = workingMinutesBetween(rules.calendar, rules.hours, state.dueAt, end);
    const when = state.finishedAt !== null && state.finishedAt < periodEnd ? `kết thúc lúc ${formatLocal(end)}` : state.pausedSince !== null ? `yêu cầu bổ sung lúc ${formatLocal(end)}` : `đến cuối kỳ chưa kết thúc`;
    const after = late > 0 ? `, sau hạn ${hoursText(late)}` : end > state.dueAt ? ', sau hạn (ngoài giờ làm việc)' : '';
    parts.push(`${when}${after} (hạn ${formatLocal(state.dueAt)})`);
  }
  let worst: { index: number; unitCode: string; officialId: string | null; over: number } | null = null;
  for (const v of state.visits) {
    const until = v.handedOverAt ?? Math.min(periodEnd - 1, end);
    const over = workingMinutesBetween(rules.calendar, rules.hours, v.dueAt, until);
    if (over > 0 && (!worst || over > worst.over)) worst = { index: v.index, unitCode: v.unitCode, officialId: v.officialId, over };
  }
  if (worst) {
    const step = header.steps[worst.index];
    const unit = deps.units.tree().find(worst.unitCode)?.name ?? worst.unitCode;
    const who = worst.officialId ? officials.get(worst.officialId) : undefined;
    parts.push(`chậm nhất ở bước ${worst.index + 1} «${step?.name ?? ''}», ${unit}${who ? ` (${who})` : ''}: quá hạn bước ${hoursText(worst.over)}`);
  }
  return parts.join('; ');
}

async function dossierShortfalls(deps: Deps, unitCode: string, spec: IndicatorSpec, period: { fromDay: number; toDay: number }, limit: number, offset: number) {
  const tree = deps.units.tree();
  const units = tree.all().filter((u) => tree.isWithin(u.code, unitCode)).map((u) => u.code);
  const from = toDate(period.fromDay * 1440)!;
  const to = toDate(period.toDay * 1440)!;
  const page = (after: string | null) =>
    deps.db
      .selectFrom('stat_facts as f')
      .innerJoin('dossiers as d', 'd.id', 'f.dossier_id')
      .selectAll('f')
      .select(['d.code'])
      .where('f.unit_code', 'in', units)
      .where('f.accepted_at', '<', to)
      .where((eb) => eb.or([eb('f.finished_at', 'is', null), eb('f.finished_at', '>=', from), eb('f.rated_at', '>=', from)]))
      .$if(after !== null, (q) => q.where('f.dossier_id', '>', after!))
      .orderBy('f.dossier_id')
      .limit(2000)
      .execute();
  const found: { row: Awaited<ReturnType<typeof page>>[number]; kinds: ShortfallKind[] }[] = [];
  let after: string | null = null;
  let more = false;
  for (;;) {
    const rows = await page(after);
    for (const row of rows) {
      const facts = factsFromRow(row);
      if (!fallsShort(spec, facts, period.fromDay, period.toDay)) continue;
      if (found.length === offset + limit) {
        more = true;
        break;
      }
      found.push({ row, kinds: shortfallKinds(spec, facts, period.fromDay, period.toDay) });
    }
    if (more || rows.length < 2000) break;
    after = rows.at(-1)!.dossier_id;
  }
  const pageRows = found.slice(offset);
  const ids = pageRows.map((f) => f.row.dossier_id);
  const states = ids.length === 0 ? [] : await deps.db.selectFrom('dossiers').select(['id', 'header', 'state']).where('id', 'in', ids).execute();
  const byId = new Map(states.map((s) => [s.id, s]));
  const officialIds = new Set(states.flatMap((s) => (s.state as DossierState).visits.map((v) => v.officialId).filter((x): x is string => x !== null)));
  const officials = new Map(
    officialIds.size === 0 ? [] : (await deps.db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', [...officialIds]).execute()).map((u) => [u.id, u.full_name] as const),
  );
  const iso = (d: Date | null) => (d === null ? null : vietnamIso(d));
  const dossiers: ShortfallDossier[] = pageRows.map(({ row, kinds }) => {
    const stored = byId.get(row.dossier_id)!;
    const late = kinds.some((k) => k === 'endedLate' || k === 'overdueAtPeriodEnd' || k === 'supplementRequestedLate' || k === 'repeatedSupplement');
    const detail = late ? lateDetail(deps, stored.header as DossierHeader, stored.state as DossierState, officials, period.toDay * 1440) : '';
    return {
      dossierId: row.dossier_id,
      code: row.code,
      procedureCode: row.procedure_code,
      procedureName: deps.catalogue.history(row.procedure_code).at(-1)?.record.name ?? row.procedure_code,
      unitCode: row.unit_code,
      unitName: tree.find(row.unit_code)?.name ?? row.unit_code,
      acceptedAt: iso(row.accepted_at),
      dueAt: iso(row.due_at),
      finishedAt: iso(row.finished_at),
      kinds,
      reason: [kinds.map((k) => SHORTFALL_LABELS[k]).join('; '), detail].filter(Boolean).join(': '),
    };
  });
  return { dossiers, more };
}

async function procedureShortfalls(deps: Deps, unitCode: string, spec: IndicatorSpec, period: { from: string; to: string; fromDay: number; toDay: number }): Promise<ShortfallProcedure[]> {
  const tree = deps.units.tree();
  const lastDay = isoFromJdn(period.toDay - 1);
  const inForce = deps.catalogue.search({ unit: unitCode, at: lastDay });
  const row = (code: string, reason: string): ShortfallProcedure => ({ procedureCode: code, procedureName: deps.catalogue.history(code).at(-1)?.record.name ?? code, reason });
  const q = spec.numerator;
  if ('procedures' in q) {
    const having = q.procedures.having ?? [];
    const readers = await readProcedures(deps.db, tree, unitCode, period, having.map((t) => t.measure));
    return inForce
      .filter((v) => FILTERS[q.procedures.of](v.record) && sumTerms(readers.get(v.code) ?? EMPTY_READER, having) <= 0)
      .map((v) => row(v.code, `Không có hồ sơ trong kỳ đạt yêu cầu: ${spec.name}`));
  }
  if ('catalogue' in q) {
    if (q.catalogue === 'madePublicComplete') return inForce.flatMap((v) => (missingParts(v.record).length > 0 ? [row(v.code, missingParts(v.record).map((p) => p.message).join('; '))] : []));
    const decisions = await loadWatchedDecisions(deps);
    const counts = publicationCounts(deps.calendars.rulesFor(provinceCode(deps)).calendar, decisions, (item) => concerns(tree, unitCode, item), period);
    if (q.catalogue === 'decisionProceduresOnTime') return counts.late.decision.map((c) => row(c, 'Quyết định công bố ban hành sau hạn (chậm hơn 5 ngày làm việc trước ngày văn bản có hiệu lực)'));
    if (q.catalogue === 'publishedOnTime') return counts.late.publication.map((c) => row(c, 'Chưa công khai hoặc công khai quá 5 ngày làm việc kể từ ngày quyết định công bố'));
  }
  return [];
}

export async function drillDown(deps: Deps, input: PeriodInput & { indicator: string; limit: number; offset: number }): Promise<Result<DrillDown>> {
  const period = checkScope(deps, input);
  if (!period.ok) return period;
  const version = formulaFor(input.from, await listFormulaVersions(deps.db));
  const spec = version.groups.flatMap((g) => g.indicators).find((i) => i.id === input.indicator);
  if (!spec) return fail('VALIDATION_FAILED', [{ path: 'querystring.indicator', message: `Không có chỉ số ${input.indicator} trong phiên bản ${version.id}` }]);
  const byDossier = 'dossiers' in spec.numerator && 'dossiers' in spec.denominator;
  const { dossiers, more } = byDossier ? await dossierShortfalls(deps, input.unit, spec, period.value, input.limit, input.offset) : { dossiers: [], more: false };
  const procedures = byDossier ? [] : await procedureShortfalls(deps, input.unit, spec, period.value);
  return ok({ unit: input.unit, from: input.from, to: input.to, indicator: { id: spec.id, name: spec.name, formulaVersion: version.id }, dossiers, procedures, more });
}

