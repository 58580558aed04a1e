import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import {
  FORMULAS_PATH,
  forecastPath,
  rankingPath,
  scorecardPath,
  settlementPath,
  settlementTimesPath,
  trendPath,
  type ForecastResponse,
  type FormulasResponse,
  type RankingResponse,
  type ScorecardResponse,
  type SettlementGroupBy,
  type SettlementReportResponse,
  type SettlementTimesResponse,
  type TrendResponse,
} from '../api/scorecard-api.js';
import type { PeriodQuery } from '../scorecard-period.js';

/** The Decision 766 card of a unit over a period (nothing is asked while the query is null). */
export function useScorecard(query: PeriodQuery | null): ApiQuery<ScorecardResponse> {
  return useApiQuery<ScorecardResponse>(query ? scorecardPath(query) : null);
}

export function useRanking(query: PeriodQuery | null): ApiQuery<RankingResponse> {
  return useApiQuery<RankingResponse>(query ? rankingPath(query) : null);
}

/** The last 12 months to today. */
export function useTrend(unit: string | null): ApiQuery<TrendResponse> {
  return useApiQuery<TrendResponse>(unit ? trendPath(unit) : null);
}

export function useForecast(query: PeriodQuery | null): ApiQuery<ForecastResponse> {
  return useApiQuery<ForecastResponse>(query ? forecastPath(query) : null);
}

export function useFormulas(): ApiQuery<FormulasResponse> {
  return useApiQuery<FormulasResponse>(FORMULAS_PATH);
}

export function useSettlementReport(query: PeriodQuery | null, groupBy: SettlementGroupBy): ApiQuery<SettlementReportResponse> {
  return useApiQuery<SettlementReportResponse>(query ? settlementPath(query, groupBy) : null);
}

/** Indicator 2.2: the average settlement time of each procedure. */
export function useSettlementTimes(query: PeriodQuery | null): ApiQuery<SettlementTimesResponse> {
  return useApiQuery<SettlementTimesResponse>(query ? settlementTimesPath(query) : null);
}
