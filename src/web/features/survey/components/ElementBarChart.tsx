import { useMemo } from 'react';
import { formatPercent } from '../../../shared/format.js';
import { EChart, type ChartOption } from '../../scorecard/components/EChart.js';
import { barsSummary, type ElementBar } from '../survey-view.js';

const COLUMN = '#1a4f94';
const LABEL = '#495057';

/** The satisfaction index of each element as a column, 0–100%, its value written on top. */
function columnsOption(bars: readonly ElementBar[]): ChartOption {
  return {
    grid: { left: 44, right: 12, top: 28, bottom: 84 },
    tooltip: { trigger: 'item', valueFormatter: (v) => (typeof v === 'number' ? formatPercent(v) : 'Chưa có phiếu') },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.label),
      axisLabel: { color: LABEL, fontSize: 11, lineHeight: 14, interval: 0, width: 96, overflow: 'break' },
    },
    yAxis: { type: 'value', min: 0, max: 100, splitNumber: 4, axisLabel: { color: LABEL, fontSize: 11, formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: 'Chỉ số hài lòng',
        data: bars.map((b) => b.index ?? 0),
        color: COLUMN,
        barMaxWidth: 56,
        label: { show: true, position: 'top', color: LABEL, fontSize: 12, formatter: (p) => formatPercent(bars[p.dataIndex]?.index ?? null, 1) },
      },
    ],
  };
}

/** The five elements' satisfaction indices; the drawing is an image whose text alternative says every figure. */
export function ElementBarChart({ bars }: { bars: readonly ElementBar[] }) {
  const option = useMemo(() => columnsOption(bars), [bars]);
  return <EChart option={option} label={barsSummary(bars)} height={300} testId="survey-element-chart" />;
}
