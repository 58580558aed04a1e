import { Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatIsoDate, formatNumber, formatPercent } from '../../../shared/format.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { XLSX_TYPE } from '../../scorecard/api/scorecard-api.js';
import { ExportButton } from '../../scorecard/components/ExportButton.js';
import { useFileExport } from '../../scorecard/hooks/useFileExport.js';
import type { SurveyResults } from '../api/survey-api.js';
import { elementBars } from '../survey-view.js';
import { ElementBarChart } from './ElementBarChart.js';
import { SurveyResultsTable } from './SurveyResultsTable.js';

/** The results behind `path` (a round's or a month's): the headline figures, the chart per element, the table per unit, Excel. */
export function SurveyResultsPanel({ path, headingId, fileName }: { path: string; headingId: string; fileName: string }) {
  const results = useApiQuery<SurveyResults>(path);
  const exporter = useFileExport();
  const data = results.data;
  const bars = useMemo(() => (data ? elementBars(data.total) : []), [data]);
  if (results.loading) return <LoadingState label="Đang tổng hợp kết quả khảo sát…" />;
  if (results.error) return <ErrorState error={results.error} title="Không tải được kết quả khảo sát" onRetry={results.reload} />;
  if (!data) return null;
  const t = data.total;
  const heading = (
    <Title order={2} size="h4" id={headingId}>
      Kết quả: {data.title} (hồ sơ trả kết quả từ {formatIsoDate(data.from)} đến {formatIsoDate(data.to)})
    </Title>
  );
  if (data.units.length === 0) {
    return (
      <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid="survey-results">
        {heading}
        <Text role="status">Không có phiếu mời nào cho hồ sơ trả kết quả trong kỳ này.</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid="survey-results">
      {heading}
      <Text>
        Chỉ số hài lòng chung <strong>{formatPercent(t.overall)}</strong>; {formatNumber(t.answers)} phiếu trả lời trên {formatNumber(t.invited)} phiếu mời (tỷ
        lệ phản hồi {formatPercent(t.responseRate)}), từ {formatNumber(t.population)} hồ sơ đã trả kết quả
        {t.margin === null ? '' : `; sai số ±${formatNumber(t.margin)} điểm phần trăm`}.
      </Text>
      {t.answers === 0 ? <Text role="status">Chưa có phiếu trả lời.</Text> : <ElementBarChart bars={bars} />}
      <SurveyResultsTable results={data} />
      <Group>
        <ExportButton exporter={exporter} id="survey-xlsx" label="Xuất Excel" path={path} accept={XLSX_TYPE} fallbackName={fileName} />
      </Group>
      {exporter.error ? <ErrorState error={exporter.error} title="Không xuất được tệp Excel" /> : null}
    </Stack>
  );
}
