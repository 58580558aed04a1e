/**
 * From an indicator of a unit to what costs it points: the dossiers that fall short (each with the reason,
 * down to the step, unit and official that made it late), or the procedures (procedure counts, group 1).
 * Dossiers are read from stat_facts for the unit's subtree and the period, in pages, and judged one by one
 * with the indicator's own numerator and denominator (domain/scorecard/shortfall.ts).
 */
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { workingMinutesBetween } from '../../domain/calendar/clock.js';
import { asOfPeriod, judge, VERDICT_LABELS, type Verdict } from '../../domain/dossier/timeliness.js';
import { stepOverruns, workingHours, workingTimeText, type StepOverrunReport } from '../../domain/dossier/step-overrun.js';
import { isoFromJdn } from '../../domain/calendar/civil-date.js';
import { missingParts } from '../../domain/catalogue/completeness.js';
import { formulaFor, sumTerms, type FeedbackMeasure, type IndicatorSpec } from '../../domain/scorecard/formula.js';
import { fallsShort, shortfallKinds, SHORTFALL_LABELS, type ShortfallKind } from '../../domain/scorecard/shortfall.js';
import { publicationCounts } from '../../domain/scorecard/publication.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { loadWatchedDecisions, provinceCode } from '../catalogue/watchdog-report.js';
import { formatLocal } from '../dossier/notifications.js';
import { toDate, toLocal } from '../dossier/dossier-store.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import { listFormulaVersions } from './formula-versions.js';
import { checkScope, concerns, FILTERS, type Deps, type PeriodInput } from './scorecard.js';
import { factsFromRow } from './statistics.js';
import {
  DRILL_SORTS,
  type DrillDownDossier,
  type DrillDownList,
  type DrillSort,
  type ShortfallFeedback,
  type ShortfallProcedure,
} from '../../domain/scorecard/views.js';
import { judgeFeedbackItems } from '../feedback/feedback-indicators.js';

export { DRILL_SORTS, type DrillDownList, type DrillSort };
import { EMPTY_READER, readProcedures } from './stat-reader.js';

interface Judged {
  row: FactsRowWithCode;
  kinds: ShortfallKind[];
  header: DossierHeader;
  state: DossierState;
  verdict: Verdict | null;
  lateMinutes: number;
  report: StepOverrunReport;
}

type FactsRowWithCode = Parameters<typeof factsFromRow>[0] & {
  dossier_id: string;
  code: string;
  procedure_code: string;
  unit_code: string;
  accepted_at: Date | null;
  due_at: Date | null;
  finished_at: Date | null;
};

/** Where the lateness of a dossier is measured to: its end, the supplement request it waits on, or as-of. */
export function lateUntil(state: DossierState, asOf: number): number {
  if (state.finishedAt !== null && state.finishedAt < asOf) return state.finishedAt;
  return state.pausedSince !== null ? Math.min(asOf, state.pausedSince) : asOf;
}

/** The late story of a dossier: when it ended against the due date, and the steps that overran. */
function lateDetail(deps: Deps, j: Judged, officials: Map<string, string>, asOf: number): string {
  const { state, header, report } = j;
  const parts: string[] = [];
  if (state.dueAt !== null) {
    const end = lateUntil(state, asOf);
    const ended = state.finishedAt !== null && state.finishedAt < asOf;
    const when = ended
      ? `kết thúc lúc ${formatLocal(end)}`
      : state.pausedSince !== null
        ? `yêu cầu bổ sung lúc ${formatLocal(end)}`
        : 'đến cuối kỳ chưa kết thúc';
    const after = j.lateMinutes > 0 ? `, sau hạn ${workingTimeText(j.lateMinutes)}` : end > state.dueAt ? ', sau hạn (ngoài giờ làm việc)' : '';
    parts.push(`${when}${after} (hạn ${formatLocal(state.dueAt)})`);
  }
  const unitName = (code: string) => deps.units.tree().find(code)?.name ?? code;
  for (const v of report.charged.filter((c) => c.overrunMinutes > 0)) {
    const who = v.officialId ? officials.get(v.officialId) : undefined;
    parts.push(
      `bước ${v.stepIndex + 1} «${header.steps[v.stepIndex]?.name ?? v.stepName}», ${unitName(v.unitCode)}${who ? ` (${who})` : ''}: định mức ${workingTimeText(v.budgetMinutes)}, đã dùng ${workingTimeText(v.usedMinutes)}, vượt ${workingTimeText(v.overrunMinutes)}`,
    );
  }
  if (!report.charged.some((c) => c.overrunMinutes > 0) && report.heldAtDue) {
    const v = report.heldAtDue;
    const who = v.officialId ? officials.get(v.officialId) : undefined;
    parts.push(`không bước nào vượt định mức; đến hạn hồ sơ đang ở bước ${v.stepIndex + 1} «${v.stepName}», ${unitName(v.unitCode)}${who ? ` (${who})` : ''}`);
  }
  return parts.join('; ');
}

const LATE_KINDS: ReadonlySet<ShortfallKind> = new Set(['endedLate', 'overdueAtPeriodEnd', 'supplementRequestedLate', 'repeatedSupplement']);

async function judgedShortfalls(
  deps: Deps,
  unitCode: string,
  spec: IndicatorSpec,
  period: { fromDay: number; toDay: number },
  filter: { within?: string | undefined; verdict?: Verdict | undefined },
) {
  const tree = deps.units.tree();
  const units = tree.subtreeCodes(filter.within ?? unitCode);
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
  // The dossiers are selected and judged at the same instant as the scorecard: not one due later today.
  const asOf = asOfPeriod(toLocal(deps.clock()), period.toDay * 1440);
  const found: { row: FactsRowWithCode; kinds: ShortfallKind[] }[] = [];
  let after: string | null = null;
  for (;;) {
    const rows = await page(after);
    for (const row of rows) {
      const facts = factsFromRow(row);
      if (fallsShort(spec, facts, period.fromDay, period.toDay, asOf))
        found.push({ row, kinds: shortfallKinds(spec, facts, period.fromDay, period.toDay, asOf) });
    }
    if (rows.length < 2000) break;
    after = rows.at(-1)!.dossier_id;
  }
  const judged: Judged[] = [];
  for (let i = 0; i < found.length; i += 1000) {
    const chunk = found.slice(i, i + 1000);
    const stored = await deps.db
      .selectFrom('dossiers')
      .select(['id', 'header', 'state'])
      .where(
        'id',
        'in',
        chunk.map((f) => f.row.dossier_id),
      )
      .execute();
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const f of chunk) {
      const s = byId.get(f.row.dossier_id);
      if (!s) continue;
      const header = s.header as DossierHeader;
      const state = s.state as DossierState;
      const judgement = judge(state, asOf);
      const verdict = judgement?.verdict ?? null;
      if (filter.verdict !== undefined && verdict !== filter.verdict) continue;
      const rules = deps.calendars.rulesFor(header.receivingUnitCode);
      const late = judgement?.late === true && state.dueAt !== null;
      const lateMinutes = late ? workingMinutesBetween(rules.calendar, rules.hours, state.dueAt!, lateUntil(state, asOf)) : 0;
      judged.push({ ...f, header, state, verdict, lateMinutes, report: stepOverruns(header, state, rules, asOf) });
    }
  }
  return { judged, asOf };
}

const maxOverrun = (j: Judged) => j.report.charged.reduce((m, v) => Math.max(m, v.overrunMinutes), 0);

/** Most late first (working time past the due date, then the largest step overrun), then by code. */
const SORTERS: Record<DrillSort, (a: Judged, b: Judged) => number> = {
  lateness: (a, b) =>
    b.lateMinutes - a.lateMinutes ||
    maxOverrun(b) - maxOverrun(a) ||
    Number(b.state.repeatedSupplement) - Number(a.state.repeatedSupplement) ||
    a.row.code.localeCompare(b.row.code),
  due: (a, b) => (a.state.dueAt ?? Infinity) - (b.state.dueAt ?? Infinity) || a.row.code.localeCompare(b.row.code),
  code: (a, b) => a.row.code.localeCompare(b.row.code),
};

async function dossierShortfalls(
  deps: Deps,
  unitCode: string,
  spec: IndicatorSpec,
  period: { fromDay: number; toDay: number },
  options: { limit: number; offset: number; sort: DrillSort; within?: string | undefined; verdict?: Verdict | undefined },
) {
  const tree = deps.units.tree();
  const { judged, asOf } = await judgedShortfalls(deps, unitCode, spec, period, options);
  judged.sort(SORTERS[options.sort]);
  const pageRows = judged.slice(options.offset, options.offset + options.limit);
  const officialIds = new Set(pageRows.flatMap((j) => j.state.visits.map((v) => v.officialId).filter((x): x is string => x !== null)));
  const officials = new Map(
    officialIds.size === 0
      ? []
      : (
          await deps.db
            .selectFrom('users')
            .select(['id', 'full_name'])
            .where('id', 'in', [...officialIds])
            .execute()
        ).map((u) => [u.id, u.full_name] as const),
  );
  const iso = (d: Date | null) => (d === null ? null : vietnamIso(d));
  const dossiers: DrillDownDossier[] = pageRows.map((j) => {
    const { row, kinds } = j;
    const late = kinds.some((k) => LATE_KINDS.has(k)) || j.report.judgement?.late === true;
    const detail = late ? lateDetail(deps, j, officials, asOf) : '';
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
      verdict: j.verdict,
      verdictLabel: j.verdict === null ? null : VERDICT_LABELS[j.verdict],
      lateHours: workingHours(j.lateMinutes),
      charged: j.report.charged.map((v) => ({
        stepIndex: v.stepIndex,
        stepName: v.stepName,
        unitCode: v.unitCode,
        unitName: tree.find(v.unitCode)?.name ?? v.unitCode,
        officialName: v.officialId ? (officials.get(v.officialId) ?? null) : null,
        budgetHours: workingHours(v.budgetMinutes),
        usedHours: workingHours(v.usedMinutes),
        overrunHours: workingHours(v.overrunMinutes),
      })),
    };
  });
  return { dossiers, total: judged.length, more: options.offset + options.limit < judged.length };
}

async function procedureShortfalls(
  deps: Deps,
  unitCode: string,
  spec: IndicatorSpec,
  period: { from: string; to: string; fromDay: number; toDay: number },
): Promise<ShortfallProcedure[]> {
  const tree = deps.units.tree();
  const lastDay = isoFromJdn(period.toDay - 1);
  const inForce = deps.catalogue.search({ unit: unitCode, at: lastDay });
  const row = (code: string, reason: string): ShortfallProcedure => ({
    procedureCode: code,
    procedureName: deps.catalogue.history(code).at(-1)?.record.name ?? code,
    reason,
  });
  const q = spec.numerator;
  if ('procedures' in q) {
    const having = q.procedures.having ?? [];
    const readers = await readProcedures(
      deps.db,
      tree,
      unitCode,
      period,
      having.map((t) => t.measure),
    );
    return inForce
      .filter((v) => FILTERS[q.procedures.of](v.record) && sumTerms(readers.get(v.code) ?? EMPTY_READER, having) <= 0)
      .map((v) => row(v.code, `Không có hồ sơ trong kỳ đạt yêu cầu: ${spec.name}`));
  }
  if ('catalogue' in q) {
    if (q.catalogue === 'madePublicComplete')
      return inForce.flatMap((v) =>
        missingParts(v.record).length > 0
          ? [
              row(
                v.code,
                missingParts(v.record)
                  .map((p) => p.message)
                  .join('; '),
              ),
            ]
          : [],
      );
    const decisions = await loadWatchedDecisions(deps);
    const counts = publicationCounts(deps.calendars.rulesFor(provinceCode(deps)).calendar, decisions, (item) => concerns(tree, unitCode, item), period);
    if (q.catalogue === 'decisionProceduresOnTime')
      return counts.late.decision.map((c) => row(c, 'Quyết định công bố ban hành sau hạn (chậm hơn 5 ngày làm việc trước ngày văn bản có hiệu lực)'));
    if (q.catalogue === 'publishedOnTime')
      return counts.late.publication.map((c) => row(c, 'Chưa công khai hoặc công khai quá 5 ngày làm việc kể từ ngày quyết định công bố'));
  }
  return [];
}

/**
 * The feedback items behind an indicator: those that lost 5.2 (not on time) or 5.3 (not satisfied), with why; for
 * 5.1's shares (watched, not scored), the items of the kind counted.
 */
async function feedbackShortfalls(deps: Deps, unitCode: string, spec: IndicatorSpec, period: { from: string; to: string }): Promise<ShortfallFeedback[]> {
  const measure = 'feedback' in spec.numerator ? spec.numerator.feedback : null;
  const items = await judgeFeedbackItems(deps, unitCode, period);
  const KIND_OF: Partial<Record<FeedbackMeasure, string>> = { aboutRegulation: 'regulation', aboutConduct: 'conduct' };
  const kind = measure ? KIND_OF[measure] : undefined;
  const listed = items.filter((i) => (kind ? i.kindCode === kind : measure === 'handledOnTime' ? !i.onTime : measure === 'satisfied' ? !i.satisfied : false));
  return listed.map((i) => ({
    id: i.id,
    code: i.code,
    title: i.title,
    unitCode: i.unitCode,
    receivedAt: i.receivedAt,
    reason: kind ? (i.kind ?? '') : i.reasons.join('; ') || 'Chưa xử lý xong',
  }));
}

export interface DrillDownInput extends PeriodInput {
  indicator: string;
  limit: number;
  offset: number;
  /** Most late first by default. */
  sort?: DrillSort | undefined;
  /** Only dossiers of this unit's subtree (within the scope unit). */
  within?: string | undefined;
  /** Only dossiers with this verdict (the one judgement at the period's as-of instant). */
  verdict?: Verdict | undefined;
}

export async function drillDown(deps: Deps, input: DrillDownInput): Promise<Result<DrillDownList>> {
  const period = checkScope(deps, input);
  if (!period.ok) return period;
  const tree = deps.units.tree();
  if (input.within !== undefined && (!tree.find(input.within) || !tree.isWithin(input.within, input.unit))) {
    return fail('VALIDATION_FAILED', [{ path: 'querystring.within', message: `Đơn vị ${input.within} không thuộc ${input.unit}` }]);
  }
  const version = formulaFor(input.from, await listFormulaVersions(deps));
  const spec = version.groups.flatMap((g) => g.indicators).find((i) => i.id === input.indicator);
  if (!spec) return fail('VALIDATION_FAILED', [{ path: 'querystring.indicator', message: `Không có chỉ số ${input.indicator} trong phiên bản ${version.id}` }]);
  const byDossier = 'dossiers' in spec.numerator && 'dossiers' in spec.denominator;
  const sort = input.sort ?? 'lateness';
  const { dossiers, more, total } = byDossier
    ? await dossierShortfalls(deps, input.unit, spec, period.value, {
        limit: input.limit,
        offset: input.offset,
        sort,
        within: input.within,
        verdict: input.verdict,
      })
    : { dossiers: [], more: false, total: 0 };
  const byFeedback = 'feedback' in spec.numerator;
  const procedures = byDossier || byFeedback ? [] : await procedureShortfalls(deps, input.unit, spec, period.value);
  const feedback = byFeedback ? await feedbackShortfalls(deps, input.unit, spec, period.value) : [];
  return ok({
    unit: input.unit,
    from: input.from,
    to: input.to,
    indicator: { id: spec.id, name: spec.name, formulaVersion: version.id, watched: spec.maxPoints === 0 },
    dossiers,
    procedures,
    feedback,
    more,
    total: byDossier ? total : byFeedback ? feedback.length : procedures.length,
    sort,
  });
}
