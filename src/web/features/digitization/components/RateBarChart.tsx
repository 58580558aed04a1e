import { useMemo } from 'react';
import { formatPercent } from '../../../shared/format.js';
import { EChart, type ChartOption } from '../../scorecard/components/EChart.js';

const BAR = '#1a4f94';
const AXIS_TEXT = '#495057';
const ROW_HEIGHT = 34;

function barOption(bars: readonly { unitName: string; rate: number }[], seriesName: string): ChartOption {
  // ECharts draws a category axis from the bottom up: reversed, the highest rate is on top.
  const rows = [...bars].reverse();
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? formatPercent(v, 1) : String(v)) },
    xAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { color: AXIS_TEXT, fontSize: 11, formatter: (v: number) => `${v}%` } },
    yAxis: {
      type: 'category',
      data: rows.map((b) => b.unitName),
      axisLabel: { color: AXIS_TEXT, fontSize: 11, width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: rows.map((b) => b.rate),
        color: BAR,
        barMaxWidth: 22,
        label: { show: true, position: 'right', color: AXIS_TEXT, fontSize: 11, formatter: (p) => formatPercent(Number(p.value), 1) },
      },
    ],
  };
}

interface RateBarChartProps {
  bars: readonly { unitName: string; rate: number }[];
  label: string;
  /** The rate's name in the tooltip (the digitization rate by default; the reform plan's completion rate). */
  seriesName?: string;
  testId?: string;
}

/** A rate of each unit (digitization, a reform plan's completion) as horizontal bars; the drawing is an image with a text alternative. */
export function RateBarChart({ bars, label, seriesName = 'Tỷ lệ số hóa', testId = 'digitization-rate-chart' }: RateBarChartProps) {
  const option = useMemo(() => barOption(bars, seriesName), [bars, seriesName]);
  return <EChart option={option} label={label} height={Math.max(120, bars.length * ROW_HEIGHT + 40)} testId={testId} />;
}
