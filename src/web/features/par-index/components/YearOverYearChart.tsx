import { Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { formatPercent } from '../../../shared/format.js';
import { EChart, type ChartOption } from '../../scorecard/components/EChart.js';
import { yearOverYearSummary, type yearOverYear } from '../par-view.js';

type Rows = ReturnType<typeof yearOverYear>;
const THIS_YEAR = '#1a4f94';
/** About 3.5:1 on white, beside the darker bar of this year. */
const LAST_YEAR = '#868e96';
const INK = '#495057';

/** Each unit's index this year beside last year's, units top to bottom in ranking order. */
function pairedBars(rows: Rows, year: number): ChartOption {
  const bottomUp = [...rows].reverse();
  const series = (name: string, colour: string, values: (number | null)[]) => ({
    type: 'bar' as const,
    name,
    data: values,
    color: colour,
    barMaxWidth: 14,
    barGap: '15%',
    label: { show: true, position: 'right' as const, color: INK, fontSize: 10, formatter: (p: { value: unknown }) => formatPercent(Number(p.value), 1) },
  });
  return {
    grid: { left: 8, right: 60, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? formatPercent(v) : 'Chưa đánh giá') },
    xAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { color: INK, fontSize: 11, formatter: (v: number) => `${v}%` } },
    yAxis: { type: 'category', data: bottomUp.map((r) => r.unitName), axisLabel: { color: INK, fontSize: 11, width: 150, overflow: 'truncate' } },
    series: [
      series(
        `Năm ${year - 1}`,
        LAST_YEAR,
        bottomUp.map((r) => r.previous),
      ),
      series(
        `Năm ${year}`,
        THIS_YEAR,
        bottomUp.map((r) => r.current),
      ),
    ],
  };
}

/** This year's index of every unit against last year's; the drawing is an image that says every figure. */
export function YearOverYearChart({ rows, year }: { rows: Rows; year: number }) {
  const option = useMemo(() => pairedBars(rows, year), [rows, year]);
  return (
    <>
      <Group gap="md" aria-hidden="true">
        <Group gap={6}>
          <span className="par-swatch par-swatch-fill" style={{ background: LAST_YEAR }} />
          <Text size="sm">Năm {year - 1}</Text>
        </Group>
        <Group gap={6}>
          <span className="par-swatch par-swatch-fill" style={{ background: THIS_YEAR }} />
          <Text size="sm">Năm {year}</Text>
        </Group>
      </Group>
      <EChart option={option} label={yearOverYearSummary(rows, year)} height={Math.max(140, rows.length * 44 + 40)} testId="par-year-over-year" />
    </>
  );
}
