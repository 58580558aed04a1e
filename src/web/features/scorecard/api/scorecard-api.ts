/**
 * The scorecard routes under /api/v1 (capability scorecard.view): the Decision 766 card, the ranking of the
 * subunits, the monthly trend, the forecast, the drill-down, the formula versions, and the settlement report.
 * Shapes follow src/http/routes/scorecard.ts.
 */
import type { FormulaVersion, Scorecard } from '../../../../domain/scorecard/formula.js';
import type { Ranked } from '../../../../domain/scorecard/ranking.js';
import type { SettlementRow } from '../../../../domain/scorecard/settlement.js';
import type { ShortfallKind } from '../../../../domain/scorecard/shortfall.js';
import type { PeriodQuery } from '../scorecard-period.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_TYPE = 'application/pdf';

export interface ScorecardResponse extends Scorecard {
  unit: string;
  from: string;
  to: string;
  /** Indicator 2.1's denominator: the dossiers received or processed in the period. */
  dossiers: number;
}

export interface RankingRow extends Ranked {
  unitName: string;
  level: string;
  groups: { id: string; points: number; maxPoints: number }[];
}

export interface RankingResponse {
  unit: string;
  from: string;
  to: string;
  formulaVersion: string;
  minSample: number;
  rows: RankingRow[];
}

export interface TrendPoint {
  /** yyyy-MM */
  month: string;
  from: string;
  to: string;
  total: number;
  groups: { id: string; name: string; points: number; maxPoints: number }[];
}

export interface TrendResponse {
  unit: string;
  points: TrendPoint[];
}

export interface ForecastFix {
  indicatorId: string;
  procedureCode: string;
  procedureName: string;
  dossiers: number;
  gain: number;
  text: string;
}

export interface ForecastResponse {
  unit: string;
  from: string;
  to: string;
  /** ISO instant of the computation. */
  asOf: string;
  actual: Scorecard;
  projected: Scorecard;
  open: { onTrack: number; offTrack: number };
  fixes: ForecastFix[];
}

export interface ShortfallDossier {
  dossierId: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  unitCode: string;
  unitName: string;
  acceptedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  kinds: ShortfallKind[];
  reason: string;
}

export interface ShortfallProcedure {
  procedureCode: string;
  procedureName: string;
  reason: string;
}

export interface DrilldownResponse {
  unit: string;
  from: string;
  to: string;
  indicator: { id: string; name: string; formulaVersion: string };
  dossiers: ShortfallDossier[];
  procedures: ShortfallProcedure[];
  more: boolean;
}

export interface FormulasResponse {
  versions: FormulaVersion[];
}

export type SettlementGroupBy = 'unit' | 'field' | 'procedure';
export type SettlementReportRow = SettlementRow & { key: string; name: string; onTimeRate: number | null };

export interface SettlementReportResponse {
  unit: string;
  from: string;
  to: string;
  groupBy: SettlementGroupBy;
  rows: SettlementReportRow[];
  total: SettlementRow & { onTimeRate: number | null };
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

export function forecastPath(q: PeriodQuery): string {
  return withQuery('/api/v1/scorecard/forecast', q);
}

export function drilldownPath(q: PeriodQuery, indicator: string, page: { limit: number; offset: number }): string {
  return withQuery('/api/v1/scorecard/drilldown', { ...q, indicator, limit: page.limit, offset: page.offset });
}

export const FORMULAS_PATH = '/api/v1/scorecard/formulas';

export function settlementPath(q: PeriodQuery, groupBy: SettlementGroupBy): string {
  return withQuery('/api/v1/reports/settlement', { ...q, groupBy });
}
