import { useMemo } from 'react';
import { formatNumber } from '../../../shared/format.js';
import { EChart, type ChartOption } from '../../scorecard/components/EChart.js';
import type { SyncBar } from '../sync-view.js';

export const SYNCED_COLOR = '#1a4f94';
/** About 3.3:1 on white: the remainder of the bar stays visible next to the synced part. */
export const NOT_SYNCED_COLOR = '#868e96';
const TEXT = '#495057';
const BAR_SPACE = 36;

/** Received dossiers per unit as one bar, split into those the portal acknowledged and the rest, the units top to bottom. */
function stackedOption(bars: readonly SyncBar[]): ChartOption {
  const units = bars.map((b) => b.unitName).reverse();
  const part = (name: string, color: string, values: number[]) => ({
    type: 'bar' as const,
    name,
    stack: 'received',
    data: values,
    color,
    barMaxWidth: 24,
  });
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${formatNumber(v)} hồ sơ` : String(v)) },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT, fontSize: 11, formatter: (v: number) => formatNumber(v) } },
    yAxis: { type: 'category', data: units, axisLabel: { color: TEXT, fontSize: 11, width: 170, overflow: 'truncate' } },
    series: [
      part('Đã đồng bộ', SYNCED_COLOR, bars.map((b) => b.synced).reverse()),
      part('Chưa đồng bộ', NOT_SYNCED_COLOR, bars.map((b) => b.unsynced).reverse()),
    ],
  };
}

/** The units' synced and not yet synced dossiers as stacked horizontal bars; the drawing is an image with a text alternative. */
export function SyncRateChart({ bars, label }: { bars: readonly SyncBar[]; label: string }) {
  const option = useMemo(() => stackedOption(bars), [bars]);
  return <EChart option={option} label={label} height={Math.max(120, bars.length * BAR_SPACE + 60)} testId="sync-rate-chart" />;
}
