import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatNumber } from '../../../shared/format.js';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import type { TrendResponse } from '../api/scorecard-api.js';
import { monthLabel, trendSeries, trendSummary, type TrendSeries } from '../scorecard-view.js';
import { EChart, type ChartOption } from './EChart.js';

const LINE = '#1a4f94';
const AXIS_TEXT = '#495057';

function lineOption(series: TrendSeries, months: readonly string[]): ChartOption {
  return {
    grid: { left: 36, right: 12, top: 12, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${formatNumber(v)} điểm` : String(v)) },
    xAxis: { type: 'category', data: months.map(monthLabel), axisLabel: { color: AXIS_TEXT, fontSize: 11, hideOverlap: true } },
    yAxis: {
      type: 'value',
      min: 0,
      max: series.maxPoints,
      interval: series.maxPoints / 4,
      axisLabel: { color: AXIS_TEXT, fontSize: 11, formatter: (v: number) => formatNumber(v) },
    },
    series: [{ type: 'line', name: series.name, data: series.values, color: LINE, symbolSize: 6, lineStyle: { width: 2 } }],
  };
}

function TrendChart({ series, months, headingId }: { series: TrendSeries; months: readonly string[]; headingId: string }) {
  const option = useMemo(() => lineOption(series, months), [series, months]);
  return (
    <figure className="scorecard-figure" aria-labelledby={headingId}>
      <Text size="sm" fw={600} id={headingId} component="figcaption">
        {series.name} (tối đa {formatNumber(series.maxPoints)})
      </Text>
      <EChart option={option} label={trendSummary(series, months)} height={170} />
    </figure>
  );
}

/** The figures of the charts as a table, for reading and for screen readers. */
function TrendTable({ months, total, groups }: ReturnType<typeof trendSeries>) {
  const all = [total, ...groups];
  return (
    <details className="scorecard-details">
      <summary>Xem số liệu dạng bảng</summary>
      <div className="table-scroll" role="region" aria-label="Điểm theo tháng (cuộn ngang để xem thêm cột)" tabIndex={0}>
        <Table withTableBorder striped verticalSpacing={4} fz="sm" captionSide="top">
          <Table.Caption className="table-caption">Điểm theo tháng của tổng và từng nhóm chỉ số</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Tháng</Table.Th>
              {all.map((s) => (
                <Table.Th key={s.id} scope="col">
                  {s.id === 'total' ? 'Tổng điểm' : `Nhóm ${s.id}`}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((month, i) => (
              <Table.Tr key={month}>
                <Table.Th scope="row">{monthLabel(month)}</Table.Th>
                {all.map((s) => (
                  <Table.Td key={s.id}>{formatNumber(s.values[i] ?? 0)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </details>
  );
}

/** The last 12 months: the total and each group of indicators, one small line chart each. */
export function TrendCharts({ trend }: { trend: ApiQuery<TrendResponse> }) {
  const { data, error, loading, reload } = trend;
  const series = useMemo(() => (data ? trendSeries(data) : null), [data]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="xu-huong">
      <Title order={2} size="h3" id="xu-huong">
        Diễn biến 12 tháng gần nhất
      </Title>
      {loading ? <LoadingState label="Đang tải diễn biến theo tháng…" /> : null}
      {error ? <ErrorState error={error} title="Không tải được diễn biến theo tháng" onRetry={reload} /> : null}
      {series ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {[series.total, ...series.groups].map((s) => (
              <TrendChart key={s.id} series={s} months={series.months} headingId={`xu-huong-${s.id}`} />
            ))}
          </SimpleGrid>
          <TrendTable {...series} />
        </>
      ) : null}
    </Stack>
  );
}
