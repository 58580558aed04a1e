/** What the dashboard shows from the card, the ranking and the trend, computed apart from the components. */
import type { ScoredIndicator, Scorecard } from '../../../domain/scorecard/formula.js';
import { formatNumber, formatPercent } from '../../shared/format.js';
import type { RankingRow, SettlementTimeRow, TrendResponse } from './api/scorecard-api.js';
import { DURATION_UNIT_WORDS } from '../catalogue/catalogue-format.js';
import { labelColour, scoreFill } from './score-colours.js';

/** Not applicable: nothing to count in the period (the denominator is 0), scored 0. */
export function isNotApplicable(indicator: Pick<ScoredIndicator, 'ratio'>): boolean {
  return indicator.ratio === null;
}

/** There are dossiers or procedures that cost it points, to list on the drill-down page. */
export function canDrillDown(indicator: Pick<ScoredIndicator, 'ratio' | 'points' | 'maxPoints'>): boolean {
  // A watched indicator (no points, 5.1's shares) opens on what it counted.
  if (indicator.maxPoints === 0) return indicator.ratio !== null && indicator.ratio > 0;
  return indicator.ratio !== null && indicator.points < indicator.maxPoints;
}

/** "17,96/20" */
export function pointsText(points: number, maxPoints: number): string {
  return `${formatNumber(points)}/${formatNumber(maxPoints)}`;
}

export interface WeakIndicator extends ScoredIndicator {
  groupId: string;
  groupName: string;
  /** points ÷ maxPoints, 0–1 */
  share: number;
  lost: number;
}

/** The applicable indicators that earn the smallest share of their points (ties: the most points lost first). */
export function worstIndicators(card: Scorecard, count = 5): WeakIndicator[] {
  return card.groups
    .flatMap((g) =>
      g.indicators.map((i) => ({
        ...i,
        groupId: g.id,
        groupName: g.name,
        share: i.maxPoints > 0 ? i.points / i.maxPoints : 1,
        lost: Math.max(0, i.maxPoints - i.points),
      })),
    )
    .filter((i) => !isNotApplicable(i) && i.maxPoints > 0 && i.points < i.maxPoints)
    .sort((a, b) => a.share - b.share || b.lost - a.lost || a.id.localeCompare(b.id))
    .slice(0, count);
}

/** "2026-11" → "11/2026" */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

/** A Wilson interval as "85,1%–93,4%"; "—" without a sample. */
export function intervalText(interval: { low: number; high: number } | null): string {
  return interval === null ? '—' : `${formatPercent(interval.low, 1)}–${formatPercent(interval.high, 1)}`;
}

/** The rank, or why there is none: "Chưa đủ mẫu (n < 30)". */
export function rankText(row: Pick<RankingRow, 'rank'>, minSample: number): string {
  return row.rank === null ? `Chưa đủ mẫu (n < ${formatNumber(minSample)})` : String(row.rank);
}

/** On-time share of the sample (indicator 2.1), as a percentage; null without a sample. */
export function onTimeShare(row: Pick<RankingRow, 'onTime' | 'sample'>): number | null {
  return row.sample > 0 ? Math.round((row.onTime / row.sample) * 10000) / 100 : null;
}

export interface TrendSeries {
  id: string;
  name: string;
  maxPoints: number;
  values: number[];
}

/** The total and each group as a series over the months (groups as in the first month). */
export function trendSeries(trend: TrendResponse): { months: string[]; total: TrendSeries; groups: TrendSeries[] } {
  const months = trend.points.map((p) => p.month);
  const first = trend.points[0]?.groups ?? [];
  const groups = first.map((g) => ({
    id: g.id,
    name: `Nhóm ${g.id}. ${g.name}`,
    maxPoints: g.maxPoints,
    values: trend.points.map((p) => p.groups.find((x) => x.id === g.id)?.points ?? 0),
  }));
  return { months, total: { id: 'total', name: 'Tổng điểm', maxPoints: 100, values: trend.points.map((p) => p.total) }, groups };
}

/** A sentence a screen reader can say instead of the line chart. */
export function trendSummary(series: TrendSeries, months: readonly string[]): string {
  if (series.values.length === 0 || months.length === 0) return `${series.name}: chưa có số liệu.`;
  const low = Math.min(...series.values);
  const high = Math.max(...series.values);
  const last = series.values.at(-1)!;
  return `${series.name} theo tháng, từ ${monthLabel(months[0]!)} đến ${monthLabel(months.at(-1)!)}: thấp nhất ${formatNumber(low)}, cao nhất ${formatNumber(high)}, tháng gần nhất ${formatNumber(last)} trên ${formatNumber(series.maxPoints)} điểm.`;
}

export interface UnitTile {
  unitCode: string;
  name: string;
  total: number;
  /** The tile's area: the unit's sample of dossiers. */
  value: number;
  fill: string;
  labelColour: string;
}

/** The subunits with dossiers in the period as tiles sized by sample and coloured by total among them. */
export function unitTiles(rows: readonly RankingRow[]): { tiles: UnitTile[]; min: number; max: number; withoutDossiers: number } {
  const shown = rows.filter((r) => r.sample > 0);
  const totals = shown.map((r) => r.total);
  const min = totals.length > 0 ? Math.min(...totals) : 0;
  const max = totals.length > 0 ? Math.max(...totals) : 0;
  const tiles = shown.map((r) => {
    const fill = scoreFill(r.total, min, max);
    return { unitCode: r.unitCode, name: r.unitName, total: r.total, value: r.sample, fill, labelColour: labelColour(fill) };
  });
  return { tiles, min, max, withoutDossiers: rows.length - shown.length };
}

/** Indicator 2.2 of a procedure: "3,25 ngày làm việc". */
export function settlementTimeText(row: Pick<SettlementTimeRow, 'average' | 'timeUnit'>): string {
  return `${formatNumber(row.average)} ${DURATION_UNIT_WORDS[row.timeUnit]}`;
}
