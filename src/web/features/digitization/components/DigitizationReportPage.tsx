import '../digitization.css';
import { Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { todayInVietnam } from '../../../shared/format.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { PeriodPicker } from '../../scorecard/components/PeriodPicker.js';
import { periodDays, periodLabel, type Period } from '../../scorecard/scorecard-period.js';
import { digitizationReportPath, lookupReportPath, type DigitizationReport, type LookupReport } from '../api/provide-once-api.js';
import { rateBars, rateSummary } from '../provide-once-view.js';
import { LookupTable, ProcedureFieldsTable, UnitTable } from './DigitizationTables.js';
import { RateBarChart } from './RateBarChart.js';

const TITLE = 'Báo cáo số hóa và dữ liệu dân cư';

/** This month so far: the period a desk's leader looks at first. */
function thisMonth(today: string): Period {
  return { kind: 'month', year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

/**
 * Digitization and the population registry over a period (issue 20): per unit, the dossiers received, digitized
 * (and the rate, also as bars), reused from the data vault or the national portal's vault, that used registry
 * data, and the average intake time; per procedure, the e-form's fields and those typed; lookups per unit and official.
 */
export function DigitizationReportPage() {
  usePageTitle(TITLE);
  const today = todayInVietnam();
  const [period, setPeriod] = useState<Period>(() => thisMonth(today));
  const days = periodDays(period, 1);
  const digitization = useApiQuery<DigitizationReport>(days ? digitizationReportPath(days.from, days.to) : null);
  const lookups = useApiQuery<LookupReport>(days ? lookupReportPath(days.from, days.to) : null);
  const bars = useMemo(() => rateBars(digitization.data?.units ?? []), [digitization.data]);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{TITLE}</Title>
        <Text>
          Hồ sơ có thành phần được số hóa, tái sử dụng dữ liệu, khai thác Cơ sở dữ liệu quốc gia về dân cư và thời gian tiếp nhận tại Bộ phận Một cửa, theo đơn
          vị; số trường người nộp phải tự nhập theo thủ tục; lượt tra cứu dân cư theo đơn vị và cán bộ.
        </Text>
      </Stack>
      <PeriodPicker idPrefix="so-hoa" period={period} cutoffDay={null} provinceCutoffDay={1} today={today} onChange={(next) => setPeriod(next)} />
      {days === null ? <Text role="status">Chọn đủ ngày bắt đầu và ngày kết thúc hợp lệ để xem báo cáo.</Text> : null}
      {digitization.loading ? <LoadingState label="Đang tổng hợp báo cáo…" /> : null}
      {digitization.error ? <ErrorState error={digitization.error} title="Không tải được báo cáo số hóa" onRetry={digitization.reload} /> : null}
      {digitization.data ? (
        <Stack gap="sm" component="section" aria-labelledby="so-hoa-theo-don-vi">
          <Title order={2} size="h4" id="so-hoa-theo-don-vi">
            Số hóa theo đơn vị: {periodLabel(period).toLocaleLowerCase('vi')}
          </Title>
          {digitization.data.units.length === 0 ? <Text size="sm">Không có hồ sơ nào được tiếp nhận trong kỳ.</Text> : null}
          {digitization.data.units.length > 0 ? (
            <>
              <UnitTable report={digitization.data} />
              <figure aria-labelledby="bieu-do-ty-le-so-hoa" style={{ margin: 0 }}>
                <Text size="sm" fw={600} id="bieu-do-ty-le-so-hoa" component="figcaption">
                  Tỷ lệ hồ sơ có thành phần được số hóa
                </Text>
                <RateBarChart bars={bars} label={rateSummary(bars)} />
              </figure>
            </>
          ) : null}
        </Stack>
      ) : null}
      {digitization.data ? (
        <Stack gap="sm" component="section" aria-labelledby="truong-tu-nhap">
          <Title order={2} size="h4" id="truong-tu-nhap">
            Số trường người nộp phải tự nhập theo thủ tục
          </Title>
          <ProcedureFieldsTable report={digitization.data} />
        </Stack>
      ) : null}
      <Stack gap="sm" component="section" aria-labelledby="tra-cuu-theo-can-bo">
        <Title order={2} size="h4" id="tra-cuu-theo-can-bo">
          Tra cứu CSDL quốc gia về dân cư theo đơn vị và cán bộ
        </Title>
        {lookups.loading ? <LoadingState label="Đang tổng hợp lượt tra cứu…" /> : null}
        {lookups.error ? <ErrorState error={lookups.error} title="Không tải được lượt tra cứu" onRetry={lookups.reload} /> : null}
        {lookups.data ? <LookupTable report={lookups.data} /> : null}
      </Stack>
    </Stack>
  );
}
