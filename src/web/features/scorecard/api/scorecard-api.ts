/**
 * The scorecard routes under /api/v1 (capability scorecard.view): the Decision 766 card, the ranking of the
 * subunits, the monthly trend, the forecast, the drill-down, the formula versions, and the settlement report.
 * The response shapes are the server's own (src/domain/scorecard/views.ts).
 */
import type { FormulaVersion, Scorecard } from '../../../../domain/scorecard/formula.js';
import type { PeriodQuery } from '../scorecard-period.js';
import type { Verdict } from '../../../../domain/dossier/timeliness.js';
import type {
  ChargedStep,
  DrillDownDossier,
  DrillDownList,
  DrillSort,
  Forecast,
  Fix,
  GroupBy,
  LatenessRow,
  LatenessSummary,
  RankingRow,
  SettlementReport,
  SettlementReportRow,
  SettlementTimeReport,
  SettlementTimeRow,
  ShortfallDossier,
  ShortfallProcedure,
  TrendPoint,
} from '../../../../domain/scorecard/views.js';

// The server's shapes (src/domain/scorecard/views.ts), under the names the pages use.
export type { RankingRow, TrendPoint, ShortfallDossier, ShortfallProcedure, SettlementReportRow, SettlementTimeRow, ChargedStep, LatenessRow };
export type DrilldownDossier = DrillDownDossier;
export type DrilldownResponse = DrillDownList;
export type DrilldownSort = DrillSort;
export type LatenessResponse = LatenessSummary;
export type SettlementTimesResponse = SettlementTimeReport;
export type ForecastFix = Fix;
export type ForecastResponse = Forecast;
/** The list's order and filters (none by default: most late first). */
export interface DrilldownFilters {
  sort: DrilldownSort;
  verdict: Verdict | null;
}
export const DEFAULT_DRILLDOWN_FILTERS: DrilldownFilters = { sort: 'lateness', verdict: null };
export type SettlementGroupBy = GroupBy;
export type SettlementReportResponse = SettlementReport;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_TYPE = 'application/pdf';

export interface ScorecardResponse extends Scorecard {
  unit: string;
  from: string;
  to: string;
  /** Indicator 2.1's denominator: the dossiers received or processed in the period. */
  dossiers: number;
}

export interface RankingResponse {
  unit: string;
  from: string;
  to: string;
  formulaVersion: string;
  minSample: number;
  rows: RankingRow[];
}

export interface TrendResponse {
  unit: string;
  points: TrendPoint[];
}

/** The province's reporting settings (GET /api/v1/scorecard/settings). */
export interface ReportSettings {
  reportCutoffDay: number;
  minSample: number;
}

export const REPORT_SETTINGS_PATH = '/api/v1/scorecard/settings';

export interface FormulasResponse {
  versions: FormulaVersion[];
}

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

export function rankingPath(q: PeriodQuery): string {
  return withQuery('/api/v1/scorecard/ranking', q);
}

export function trendPath(unit: string, months = 12): string {
  return withQuery('/api/v1/scorecard/trend', { unit, months });
}

/** Indicator 2.2 per procedure. */
export function settlementTimesPath(q: PeriodQuery): string {
  return withQuery('/api/v1/scorecard/settlement-times', q);
}

export function forecastPath(q: PeriodQuery): string {
  return withQuery('/api/v1/scorecard/forecast', q);
}

export function drilldownPath(q: PeriodQuery, indicator: string, page: { limit: number; offset: number }, filters: DrilldownFilters = DEFAULT_DRILLDOWN_FILTERS): string {
  return withQuery('/api/v1/scorecard/drilldown', { ...q, indicator, limit: page.limit, offset: page.offset, sort: filters.sort, ...(filters.verdict ? { verdict: filters.verdict } : {}) });
}

export const FORMULAS_PATH = '/api/v1/scorecard/formulas';

/** Where lateness happened: per unit and official, the steps of late dossiers over their budget. */
export function latenessPath(q: { unit: string; from: string; to: string }): string {
  return withQuery('/api/v1/scorecard/lateness', { unit: q.unit, from: q.from, to: q.to });
}


export function settlementPath(q: PeriodQuery, groupBy: SettlementGroupBy): string {
  return withQuery('/api/v1/reports/settlement', { ...q, groupBy });
}
