import '../scorecard.css';
import { Alert, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { jdnFromIso } from '../../../../domain/calendar/civil-date.js';
import { legalBasisOn } from '../../../../domain/dossier/legal-basis.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';
import { PDF_TYPE, XLSX_TYPE, settlementPath, type SettlementGroupBy } from '../api/scorecard-api.js';
import { LatenessTable } from './LatenessTable.js';
import { useFileExport } from '../hooks/useFileExport.js';
import { useSettlementReport } from '../hooks/useScorecardData.js';
import { useScorecardSelection } from '../hooks/useScorecardSelection.js';
import { useUnitNames } from '../hooks/useUnitNames.js';
import { rangeLabel } from '../scorecard-period.js';
import { groupByParam, readGroupBy, type ScorecardSelection } from '../scorecard-search.js';
import { GROUP_BY_LABELS } from '../settlement-columns.js';
import { ExportButton } from './ExportButton.js';
import { ScorecardFilters } from './ScorecardFilters.js';
import { ScorecardLinks } from './ScorecardLinks.js';
import { SettlementTable } from './SettlementTable.js';

const GROUP_BY_OPTIONS = (Object.keys(GROUP_BY_LABELS) as SettlementGroupBy[]).map((value) => ({ value, label: GROUP_BY_LABELS[value] }));

/**
 * The settlement report (the summary form of the one-stop decree in force at the period's end) of a unit over a
 * period, by unit, field or procedure; as Excel or PDF.
 */
export function SettlementReportPage() {
  usePageTitle('Báo cáo tình hình giải quyết');
  const user = useCurrentOfficial();
  const { selection, query, today, params, select } = useScorecardSelection();
  const groupBy = readGroupBy(params);
  const { units, nameOf } = useUnitNames();
  const report = useSettlementReport(query, groupBy);
  const exporter = useFileExport();
  // The decree and circular in force at the end of the period shown (Decree 118/2025 from 1/7/2025).
  const basis = legalBasisOn(jdnFromIso(report.data?.to ?? today));
  const change = (next: ScorecardSelection, nextGroupBy: SettlementGroupBy = groupBy) => select(next, groupByParam(nextGroupBy));

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Báo cáo tình hình giải quyết</Title>
        <Text>
          Tình hình, kết quả giải quyết thủ tục hành chính theo biểu tổng hợp của Nghị định số {basis.decree} và Thông tư số {basis.circular}.
        </Text>
        <ScorecardLinks selection={selection} current="report" />
      </Stack>
      <ScorecardFilters
        idPrefix="bao-cao"
        selection={selection}
        units={units}
        ownUnit={user.unitCode}
        today={today}
        onChange={(next) => change(next)}
        withCutoff
      />
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="tong-hop-theo">
            Tổng hợp theo
          </Text>
          <SegmentedControl
            aria-labelledby="tong-hop-theo"
            data={GROUP_BY_OPTIONS}
            value={groupBy}
            onChange={(value) => change(selection, value as SettlementGroupBy)}
          />
        </Stack>
        {query ? (
          <Group gap="sm">
            <ExportButton
              exporter={exporter}
              id="xlsx"
              label="Xuất Excel"
              path={settlementPath(query, groupBy)}
              accept={XLSX_TYPE}
              fallbackName="bao-cao-giai-quyet.xlsx"
              disabled={!report.data}
            />
            <ExportButton
              exporter={exporter}
              id="pdf"
              label="Xuất PDF"
              path={settlementPath(query, groupBy)}
              accept={PDF_TYPE}
              fallbackName="bao-cao-giai-quyet.pdf"
              disabled={!report.data}
            />
          </Group>
        ) : null}
      </Group>
      {exporter.error ? (
        <Alert color="govRed" variant="light" title="Không xuất được tệp" role="alert">
          {exporter.error.message}
        </Alert>
      ) : null}
      {query === null ? <Text role="status">Chọn đủ ngày bắt đầu và ngày kết thúc hợp lệ để xem báo cáo.</Text> : null}
      {report.loading ? <LoadingState label="Đang tổng hợp báo cáo…" /> : null}
      {report.error ? <ErrorState error={report.error} title="Không tải được báo cáo" onRetry={report.reload} /> : null}
      {report.data ? (
        <Stack gap="xs" component="section" aria-labelledby="ket-qua-bao-cao">
          <Title order={2} size="h4" id="ket-qua-bao-cao">
            {nameOf(report.data.unit)}: {rangeLabel(report.data.from, report.data.to).toLocaleLowerCase('vi')}
          </Title>
          {report.data.rows.length === 0 ? <Text size="sm">Không có hồ sơ nào trong kỳ.</Text> : null}
          <SettlementTable report={report.data} />
        </Stack>
      ) : null}
      {report.data ? <LatenessTable unit={report.data.unit} from={report.data.from} to={report.data.to} /> : null}
    </Stack>
  );
}
