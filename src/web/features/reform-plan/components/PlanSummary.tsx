import { Paper, Stack, Text, Title } from '@mantine/core';
import { formatNumber } from '../../../shared/format.js';
import { RateBarChart } from '../../digitization/components/RateBarChart.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import type { ReformPlanView, UnitCompletion } from '../api/reform-plan-api.js';
import { chartBars, completionSentence, formatRate } from '../reform-view.js';

const UNIT_COLUMNS: Column<UnitCompletion>[] = [
  { header: 'Đơn vị chủ trì', cell: (u) => u.unitName },
  { header: 'Hoàn thành', cell: (u) => `${formatNumber(u.done)}/${formatNumber(u.total)}` },
  { header: 'Tỷ lệ hoàn thành', cell: (u) => formatRate(u.rate) },
  { header: 'Hoàn thành quá hạn', cell: (u) => formatNumber(u.doneLate) },
  { header: 'Quá hạn, chưa hoàn thành', cell: (u) => formatNumber(u.overdue) },
];

/** The plan's completion: the counts, the rate per owner unit as bars and, for screen readers and phones, as a table. */
export function PlanSummary({ plan }: { plan: ReformPlanView }) {
  const c = plan.completion;
  const counts: [string, number][] = [
    ['Tổng số nhiệm vụ', c.total],
    ['Hoàn thành đúng hạn', c.doneOnTime],
    ['Hoàn thành quá hạn', c.doneLate],
    ['Đang thực hiện', c.inProgress],
    ['Chưa thực hiện', c.notStarted],
    ['Quá hạn, chưa hoàn thành', c.overdue],
  ];
  const bars = chartBars(plan.units);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cchc-tong-hop">
      <Stack gap="md">
        <Title order={2} size="h3" id="cchc-tong-hop">
          {plan.scope === 'province' ? 'Tỷ lệ hoàn thành của tỉnh' : 'Tỷ lệ hoàn thành của đơn vị'}: {formatRate(c.rate)}
        </Title>
        <Text data-testid="reform-completion">{completionSentence(c)}</Text>
        <dl className="reform-counts">
          {counts.map(([label, n]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{formatNumber(n)}</dd>
            </div>
          ))}
        </dl>
        {bars.length > 0 ? (
          <>
            <Title order={3} size="h4">
              Tỷ lệ hoàn thành theo đơn vị chủ trì
            </Title>
            <RateBarChart
              bars={bars}
              seriesName="Tỷ lệ hoàn thành"
              testId="reform-rate-chart"
              label={`Tỷ lệ hoàn thành nhiệm vụ theo đơn vị: ${bars.map((b) => `${b.unitName} ${formatRate(b.rate)}`).join('; ')}`}
            />
            <ResponsiveTable
              caption="Tỷ lệ hoàn thành theo đơn vị"
              captionId="cchc-don-vi"
              rows={plan.units}
              rowKey={(u) => u.unitCode}
              columns={UNIT_COLUMNS}
              minWidth={640}
            />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
