/**
 * The scorecard routes under /api/v1 (capability scorecard.view): the Decision 766 card, the ranking of the
 * subunits, the monthly trend, the forecast, the drill-down, the formula versions, and the settlement report.
 * The shapes are the routes' own (src/contract/scorecard.ts).
 */
import type {
  ChargedStep,
  DrillDownDossier,
  DrillDownList,
  DrillDownQuery,
  Fix,
  Forecast,
  Formulas,
  PeriodQuery,
  Ranking,
  RankingQuery,
  RankingRow,
  ReportSettings,
  ScorecardAnswer,
  SettlementQuery,
  SettlementReport,
  SettlementReportRow,
  SettlementTimeRow,
  SettlementTimes,
  ShortfallProcedure,
  ShortfallFeedback,
  Trend,
  TrendPoint,
  TrendQuery,
} from '../../../../contract/scorecard.js';
import type { LatenessRow, LatenessSummary } from '../../../../domain/scorecard/views.js';

// The routes' shapes (src/contract/scorecard.ts), under the names the pages use.
export type { RankingRow, TrendPoint, ShortfallProcedure, ShortfallFeedback, SettlementReportRow, SettlementTimeRow, ChargedStep, LatenessRow, ReportSettings };
export type DrilldownDossier = DrillDownDossier;
export type DrilldownResponse = DrillDownList;
export type DrilldownSort = DrillDownList['sort'];
export type LatenessResponse = LatenessSummary;
export type SettlementTimesResponse = SettlementTimes;
export type ForecastFix = Fix;
export type ForecastResponse = Forecast;
/** The list's order and filters (none by default: most late first); a null verdict is any. */
export type DrilldownFilters = Required<Pick<DrillDownQuery, 'sort'>> & Pick<DrillDownDossier, 'verdict'>;
export const DEFAULT_DRILLDOWN_FILTERS: DrilldownFilters = { sort: 'lateness', verdict: null };
export type SettlementGroupBy = SettlementReport['groupBy'];
export type SettlementReportResponse = SettlementReport;
export type ScorecardResponse = ScorecardAnswer;
export type RankingResponse = Ranking;
export type TrendResponse = Trend;
export type FormulasResponse = Formulas;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_TYPE = 'application/pdf';

/** The province's reporting settings. */
export const REPORT_SETTINGS_PATH = '/api/v1/scorecard/settings';

/** The most rows one drill-down request may ask for (the route's limit); the Excel export asks for that many. */
export const DRILLDOWN_EXPORT_LIMIT = 1000;

function withQuery(path: string, params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params) as [string, string | number | undefined][]) if (value !== undefined) search.set(key, String(value));
  return `${path}?${search.toString()}`;
}

export function scorecardPath(q: PeriodQuery): string {
  return withQuery('/api/v1/scorecard', q);
}

export function rankingPath(q: RankingQuery): string {
  return withQuery('/api/v1/scorecard/ranking', q);
}

export function trendPath(unit: string, months = 12): string {
  const query: TrendQuery = { unit, months };
  return withQuery('/api/v1/scorecard/trend', query);
}

/** Indicator 2.2 per procedure. */
export function settlementTimesPath(q: PeriodQuery): string {
  return withQuery('/api/v1/scorecard/settlement-times', q);
}

export function forecastPath(q: PeriodQuery): string {
  return withQuery('/api/v1/scorecard/forecast', q);
}

export function drilldownPath(
  q: PeriodQuery,
  indicator: string,
  page: Required<Pick<DrillDownQuery, 'limit' | 'offset'>>,
  filters: DrilldownFilters = DEFAULT_DRILLDOWN_FILTERS,
): string {
  const query: DrillDownQuery = {
    ...q,
    indicator,
    limit: page.limit,
    offset: page.offset,
    sort: filters.sort,
    ...(filters.verdict ? { verdict: filters.verdict } : {}),
  };
  return withQuery('/api/v1/scorecard/drilldown', query);
}

export const FORMULAS_PATH = '/api/v1/scorecard/formulas';

/** Where lateness happened: per unit and official, the steps of late dossiers over their budget. */
export function latenessPath(q: Pick<LatenessSummary, 'unit' | 'from' | 'to'>): string {
  return withQuery('/api/v1/scorecard/lateness', { unit: q.unit, from: q.from, to: q.to });
}

export function settlementPath(q: PeriodQuery, groupBy: SettlementGroupBy): string {
  const query: SettlementQuery = { ...q, groupBy };
  return withQuery('/api/v1/reports/settlement', query);
}
