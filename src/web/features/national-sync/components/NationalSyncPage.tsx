import '../national-sync.css';
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { isUnitInForce } from '../../../../domain/units/unit.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { todayInVietnam } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { PageHeading } from '../../publication/components/PageHeading.js';
import { PeriodPicker } from '../../scorecard/components/PeriodPicker.js';
import { periodDays, periodLabel, type Period } from '../../scorecard/scorecard-period.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { useManagesIntegrations, useSyncReport } from '../hooks/useNationalSync.js';
import { defaultSyncPeriod } from '../sync-view.js';
import { MappingSection } from './MappingSection.js';
import { ParkedSyncsPanel } from './ParkedSyncsPanel.js';
import { ReconciliationPanel } from './ReconciliationPanel.js';
import { SyncQueueSummary } from './SyncQueueSummary.js';
import { SyncUnitsSection } from './SyncUnitsSection.js';

const PAGE_TITLE = 'Đồng bộ Cổng Dịch vụ công quốc gia';

/**
 * /can-bo/dong-bo-cong-dvcqg — for monitors and administrators (audit.view): the queue of changes sent to the
 * national portal, per unit the dossiers received and acknowledged (indicator 1.4), reconciliation, the dossiers the
 * portal refused, and the mapping of statuses and units to its codes. Administrators (integrations.manage) also run
 * reconciliation, send refused dossiers again and change the mapping; monitors read.
 */
export function NationalSyncPage() {
  usePageTitle(PAGE_TITLE);
  const manages = useManagesIntegrations();
  const [today] = useState(() => todayInVietnam());
  const [period, setPeriod] = useState<Period>(() => defaultSyncPeriod(today));
  const [round, setRound] = useState(0);
  const days = periodDays(period, 1);
  const report = useSyncReport(days);
  const unitList = useUnits();
  const units = unitList.data?.units;
  const unitNames = useMemo(() => new Map((units ?? []).map((u) => [u.code, u.name])), [units]);
  const unitChoices = useMemo(
    () =>
      (units ?? [])
        .filter((u) => isUnitInForce(u, today))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
    [units, today],
  );
  const reloadAll = () => {
    report.reload();
    setRound((n) => n + 1);
  };

  return (
    <Stack gap="lg">
      <PageHeading
        title={PAGE_TITLE}
        action={
          <Button variant="outline" onClick={reloadAll} loading={report.loading}>
            Tải lại
          </Button>
        }
      >
        <Text>
          Hồ sơ tiếp nhận và mọi thay đổi trạng thái được gửi lên Cổng Dịch vụ công quốc gia. Theo dõi hàng đợi, tỷ lệ hồ sơ đã đồng bộ theo đơn vị (chỉ số
          1.4), đối soát với Cổng, hồ sơ bị Cổng từ chối và bảng ánh xạ mã.
        </Text>
      </PageHeading>
      <PeriodPicker idPrefix="dong-bo" period={period} cutoffDay={null} provinceCutoffDay={1} today={today} onChange={(next) => setPeriod(next)} />
      {days === null ? <Text role="status">Chọn đủ ngày bắt đầu và ngày kết thúc hợp lệ để xem số liệu.</Text> : null}
      {report.loading && !report.data ? <LoadingState label="Đang tổng hợp số liệu đồng bộ…" /> : null}
      {report.error ? <ErrorState error={report.error} title="Không tải được số liệu đồng bộ" onRetry={report.reload} /> : null}
      {report.data ? (
        <>
          <Paper withBorder p="md">
            <SyncQueueSummary queue={report.data.queue} configured={report.data.configured} />
          </Paper>
          <Paper withBorder p="md">
            <SyncUnitsSection units={report.data.units} periodText={periodLabel(period).toLocaleLowerCase('vi')} />
          </Paper>
          <Paper withBorder p="md">
            <ReconciliationPanel last={report.data.lastReconciliation} canRun={manages} onRun={report.reload} />
          </Paper>
        </>
      ) : null}
      <Paper withBorder p="md">
        <ParkedSyncsPanel unitNames={unitNames} canRetry={manages} round={round} onRetried={report.reload} />
      </Paper>
      <Paper withBorder p="md">
        <MappingSection units={unitChoices} canEdit={manages} />
      </Paper>
    </Stack>
  );
}
