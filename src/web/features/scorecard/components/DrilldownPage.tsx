import '../scorecard.css';
import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { VERDICT_LABELS, VERDICTS, type Verdict } from '../../../../domain/dossier/timeliness.js';
import { useParams } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatNumber } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import {
  DEFAULT_DRILLDOWN_FILTERS,
  DRILLDOWN_EXPORT_LIMIT,
  XLSX_TYPE,
  drilldownPath,
  type DrilldownFilters,
  type DrilldownSort,
} from '../api/scorecard-api.js';
import { useDrilldown } from '../hooks/useDrilldown.js';
import { useFileExport } from '../hooks/useFileExport.js';
import { useScorecardSelection } from '../hooks/useScorecardSelection.js';
import { useUnitNames } from '../hooks/useUnitNames.js';
import { periodLabel, rangeLabel } from '../scorecard-period.js';
import { DossierShortfalls, FeedbackShortfalls, ProcedureShortfalls } from './DrilldownList.js';
import { ExportButton } from './ExportButton.js';
import { ScorecardLinks } from './ScorecardLinks.js';

const SORT_OPTIONS = [
  { value: 'lateness', label: 'Chậm nhiều nhất trước' },
  { value: 'due', label: 'Hạn giải quyết sớm nhất trước' },
  { value: 'code', label: 'Theo mã hồ sơ' },
];

const VERDICT_OPTIONS = [{ value: '', label: 'Tất cả' }, ...VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))];

/** From an indicator to the dossiers (or procedures) that cost it points, with the reason, page by page. */
export function DrilldownPage() {
  const { indicator = '' } = useParams();
  const { selection, query } = useScorecardSelection();
  const { nameOf } = useUnitNames();
  const [filters, setFilters] = useState<DrilldownFilters>(DEFAULT_DRILLDOWN_FILTERS);
  const drilldown = useDrilldown(query, indicator, filters);
  const exporter = useFileExport();
  const head = drilldown.head;
  usePageTitle(`Chỉ số ${indicator}: hồ sơ làm mất điểm`);
  const count = drilldown.dossiers.length + drilldown.procedures.length + drilldown.feedback.length;
  const byProcedure = drilldown.procedures.length > 0;
  const byFeedback = drilldown.feedback.length > 0;
  const what = byFeedback ? 'phản ánh' : byProcedure ? 'thủ tục' : 'hồ sơ';

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>
          Chỉ số {indicator}
          {head ? `: ${head.indicator.name}` : ''}
        </Title>
        <Text>
          {byFeedback ? 'Phản ánh, kiến nghị' : byProcedure ? 'Thủ tục' : 'Hồ sơ'} làm mất điểm của {nameOf(selection.unit)},{' '}
          {head ? rangeLabel(head.from, head.to).toLocaleLowerCase('vi') : periodLabel(selection.period).toLocaleLowerCase('vi')}
          {head ? ` (công thức ${head.indicator.formulaVersion})` : ''}.
        </Text>
        <ScorecardLinks selection={selection} current="drilldown" />
      </Stack>
      {query === null ? <Text role="status">Chọn đủ ngày bắt đầu và ngày kết thúc hợp lệ.</Text> : null}
      {drilldown.loading ? <LoadingState label="Đang tìm hồ sơ làm mất điểm…" /> : null}
      {drilldown.error ? <ErrorState error={drilldown.error} title="Không tải được danh sách" onRetry={drilldown.reload} /> : null}
      {head ? (
        <>
          <Group justify="space-between" align="center" gap="sm">
            <Text role="status">
              {count === 0
                ? 'Không có hồ sơ hay thủ tục nào làm mất điểm chỉ số này trong kỳ.'
                : `${formatNumber(head.total)} ${what}; đang hiện ${formatNumber(count)}${drilldown.more ? ', còn nữa' : ''}.`}
            </Text>
            {query && count > 0 ? (
              <ExportButton
                exporter={exporter}
                id="xlsx"
                label="Xuất Excel"
                path={drilldownPath(query, indicator, { limit: DRILLDOWN_EXPORT_LIMIT, offset: 0 }, filters)}
                accept={XLSX_TYPE}
                fallbackName={`chi-so-${indicator}.xlsx`}
              />
            ) : null}
          </Group>
          {byProcedure || byFeedback ? null : (
            <Group gap="sm" align="flex-end">
              <Select
                label="Sắp xếp"
                data={SORT_OPTIONS}
                value={filters.sort}
                allowDeselect={false}
                onChange={(value) => value && setFilters((f) => ({ ...f, sort: value as DrilldownSort }))}
                w={220}
              />
              <Select
                label="Kết quả đánh giá"
                data={VERDICT_OPTIONS}
                value={filters.verdict ?? ''}
                allowDeselect={false}
                onChange={(value) => setFilters((f) => ({ ...f, verdict: value ? (value as Verdict) : null }))}
                w={260}
              />
            </Group>
          )}
          {exporter.error ? (
            <Alert color="govRed" variant="light" title="Không xuất được tệp Excel" role="alert">
              {exporter.error.message}
            </Alert>
          ) : null}
          {byFeedback ? (
            <FeedbackShortfalls items={drilldown.feedback} watched={head?.indicator.watched ?? false} />
          ) : byProcedure ? (
            <ProcedureShortfalls procedures={drilldown.procedures} />
          ) : (
            <DossierShortfalls dossiers={drilldown.dossiers} />
          )}
          {drilldown.more ? (
            <Button variant="light" onClick={drilldown.loadMore} loading={drilldown.loadingMore} style={{ alignSelf: 'flex-start' }}>
              Xem thêm
            </Button>
          ) : null}
          {count > 0 ? (
            <Text size="xs" c="dimmed">
              Tệp Excel có tối đa {formatNumber(DRILLDOWN_EXPORT_LIMIT)} dòng đầu tiên.
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
