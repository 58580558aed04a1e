import '../../publication/publication.css';
import '../reform-plan.css';
import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { todayInVietnam } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { PageHeading } from '../../publication/components/PageHeading.js';
import { ExportButton } from '../../scorecard/components/ExportButton.js';
import { useFileExport } from '../../scorecard/hooks/useFileExport.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { planPath } from '../api/reform-plan-api.js';
import { useReformPlan, useReformPlans } from '../hooks/useReformPlan.js';
import { IMPORT_PAGE, STANDING_OPTIONS, yearOf } from '../reform-view.js';
import { AddTaskForm } from './AddTaskForm.js';
import { PlanSummary } from './PlanSummary.js';
import { TaskTable } from './TaskTable.js';

const PAGE_TITLE = 'Kế hoạch cải cách hành chính';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * /can-bo/ke-hoach-cai-cach?nam=2026: the year's plan: its completion rate (the province's for those who keep it, their
 * unit's for a unit's officials) and per owner unit, the overdue tasks most overdue first, the tasks by standing; the
 * workbook with each task's standing; for the plan's keepers, the import and one more task.
 */
export function ReformPlanPage() {
  usePageTitle(PAGE_TITLE);
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const year = yearOf(params.get('nam'), today);
  const standing = params.get('tinh-trang') ?? '';
  const plans = useReformPlans();
  const plan = useReformPlan(year, standing ? `?standing=${standing}` : '');
  const exporter = useFileExport();
  const { data: unitData } = useUnits();
  const canManage = plans.data?.canManage ?? false;
  const thisYear = Number(today.slice(0, 4));
  const years = [...new Set([thisYear + 1, thisYear, year, ...(plans.data?.items.map((p) => p.year) ?? [])])].sort((a, b) => b - a);
  const go = (nextYear: string, nextStanding: string) => setParams(nextStanding ? { nam: nextYear, 'tinh-trang': nextStanding } : { nam: nextYear });
  const data = plan.data;

  return (
    <Stack gap="lg">
      <PageHeading
        title={PAGE_TITLE}
        action={
          <Group gap="sm">
            {canManage ? (
              <Button component={Link} to={`${IMPORT_PAGE}?nam=${year}`}>
                Nhập kế hoạch từ Excel
              </Button>
            ) : null}
            <ExportButton
              exporter={exporter}
              id="xlsx"
              label="Xuất Excel kèm tình trạng"
              path={planPath(year)}
              accept={XLSX}
              fallbackName={`ke-hoach-cai-cach-hanh-chinh-${year}.xlsx`}
              disabled={!data || data.completion.total === 0}
            />
          </Group>
        }
      >
        <Text>
          Nhiệm vụ của kế hoạch cải cách hành chính năm: đơn vị chủ trì, thời hạn, sản phẩm, tình trạng thực hiện và minh chứng hoàn thành. Đơn vị chủ trì báo
          cáo tiến độ, kết quả ở trang của từng nhiệm vụ; hệ thống nhắc trước thời hạn và khi quá hạn.
        </Text>
      </PageHeading>
      <Group align="flex-end" gap="sm">
        <NativeSelect id="cchc-nam" label="Năm kế hoạch" value={String(year)} onChange={(e) => go(e.currentTarget.value, standing)} data={years.map(String)} />
        <NativeSelect
          id="cchc-tinh-trang"
          label="Tình trạng"
          value={standing}
          onChange={(e) => go(String(year), e.currentTarget.value)}
          data={STANDING_OPTIONS}
        />
      </Group>
      {exporter.error ? <ErrorState error={exporter.error} title="Không xuất được tệp Excel" /> : null}
      {plan.loading && !data ? <LoadingState label="Đang tải kế hoạch…" /> : null}
      {plan.error ? <ErrorState error={plan.error} title="Không tải được kế hoạch" onRetry={plan.reload} /> : null}
      {data ? (
        <>
          <Text fw={700}>{data.exists ? data.title : `Chưa có kế hoạch cải cách hành chính năm ${year}.`}</Text>
          {data.completion.total > 0 ? <PlanSummary plan={data} /> : null}
          {data.overdue.length > 0 ? (
            <Paper withBorder p="md" component="section" aria-labelledby="cchc-qua-han">
              <Stack gap="sm">
                <Title order={2} size="h3" id="cchc-qua-han">
                  Nhiệm vụ quá hạn ({data.overdue.length})
                </Title>
                <TaskTable tasks={data.overdue} caption="Nhiệm vụ quá hạn, quá hạn lâu nhất trước" captionId="cchc-bang-qua-han" overdue />
              </Stack>
            </Paper>
          ) : null}
          <Paper withBorder p="md" component="section" aria-labelledby="cchc-nhiem-vu">
            <Stack gap="sm">
              <Title order={2} size="h3" id="cchc-nhiem-vu">
                Danh sách nhiệm vụ ({data.tasks.length})
              </Title>
              {data.tasks.length === 0 ? <Text>Không có nhiệm vụ nào.</Text> : null}
              {data.tasks.length > 0 ? <TaskTable tasks={data.tasks} caption="Nhiệm vụ theo thứ tự trong kế hoạch" captionId="cchc-bang-nhiem-vu" /> : null}
            </Stack>
          </Paper>
          {canManage ? <AddTaskForm year={year} units={unitData?.units ?? []} onAdded={plan.reload} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
