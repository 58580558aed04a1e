/**
 * The unit and period of the scorecard pages live in the address (?don-vi=…&ky=2026-Q4&ngay-chot=15, or
 * &tu-ngay=…&den-ngay=…), so that every view can be linked to, bookmarked and opened from another unit.
 */
import { defaultPeriod, isCutoffDay, parsePeriodSpec, periodSpec, type CutoffDay, type Period } from './scorecard-period.js';
import type { SettlementGroupBy } from './api/scorecard-api.js';

export interface ScorecardSelection {
  unit: string;
  period: Period;
  /** Null: the province's own cut-off day (REPORT_CUTOFF_DAY), which the server applies. */
  cutoffDay: CutoffDay | null;
}

const GROUP_BY_PARAMS = { unit: 'don-vi', field: 'linh-vuc', procedure: 'thu-tuc' } as const satisfies Record<SettlementGroupBy, string>;

export function readSelection(params: URLSearchParams, defaults: { unit: string; today: string }): ScorecardSelection {
  const unit = params.get('don-vi')?.trim() || defaults.unit;
  const cutoff = Number(params.get('ngay-chot') ?? NaN);
  const named = parsePeriodSpec(params.get('ky') ?? '');
  const cutoffDay = named !== null && isCutoffDay(cutoff) ? cutoff : null;
  const from = params.get('tu-ngay');
  const to = params.get('den-ngay');
  const period: Period = named ?? (from !== null || to !== null ? { kind: 'range', from: from ?? '', to: to ?? '' } : defaultPeriod(defaults.today));
  return { unit, period, cutoffDay };
}

/** The address's query for a selection; `extra` keeps page-specific parameters (e.g. the report's grouping). */
export function selectionSearch(selection: ScorecardSelection, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set('don-vi', selection.unit);
  const spec = periodSpec(selection.period);
  if (spec !== null) {
    params.set('ky', spec);
    if (selection.cutoffDay !== null) params.set('ngay-chot', String(selection.cutoffDay));
  } else if (selection.period.kind === 'range') {
    params.set('tu-ngay', selection.period.from);
    params.set('den-ngay', selection.period.to);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `?${params.toString()}`;
}

export function readGroupBy(params: URLSearchParams): SettlementGroupBy {
  const value = params.get('theo');
  const found = (Object.keys(GROUP_BY_PARAMS) as SettlementGroupBy[]).find((k) => GROUP_BY_PARAMS[k] === value);
  return found ?? 'unit';
}

export function groupByParam(groupBy: SettlementGroupBy): Record<string, string> {
  return groupBy === 'unit' ? {} : { theo: GROUP_BY_PARAMS[groupBy] };
}

export const SCORECARD_PATH = '/can-bo/chi-so';
export const DEFINITIONS_PATH = '/can-bo/chi-so/dinh-nghia';
export const SETTLEMENT_REPORT_PATH = '/can-bo/bao-cao-giai-quyet';

export function dashboardLink(selection: ScorecardSelection): string {
  return `${SCORECARD_PATH}${selectionSearch(selection)}`;
}

export function drilldownLink(selection: ScorecardSelection, indicatorId: string): string {
  return `${SCORECARD_PATH}/chi-tiet/${encodeURIComponent(indicatorId)}${selectionSearch(selection)}`;
}

export function reportLink(selection: ScorecardSelection, groupBy: SettlementGroupBy = 'unit'): string {
  return `${SETTLEMENT_REPORT_PATH}${selectionSearch(selection, groupByParam(groupBy))}`;
}
