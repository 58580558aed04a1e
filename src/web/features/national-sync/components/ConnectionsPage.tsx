import '../national-sync.css';
import '../../publication/publication.css';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { PaymentBadge } from '../../payments/components/PaymentBadge.js';
import { PageHeading } from '../../publication/components/PageHeading.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import type { Connection } from '../api/national-sync-api.js';
import { useConnections } from '../hooks/useNationalSync.js';
import { CONNECTION_TONES, connectedHeadline, countText, durationText, errorRateText, formatMinute } from '../sync-view.js';

const PAGE_TITLE = 'Kết nối hệ thống';

const COLUMNS: readonly Column<Connection>[] = [
  { header: 'Hệ thống', cell: (c) => <span className="break-anywhere">{c.name}</span> },
  {
    header: 'Trạng thái',
    cell: (c) => (
      <span className="ns-state">
        <PaymentBadge label={c.stateLabel} tone={CONNECTION_TONES[c.state]} testId="connection-state" />
      </span>
    ),
  },
  { header: 'Chi tiết', cell: (c) => <span className="break-anywhere">{c.detail}</span> },
  { header: 'Hàng đợi', cell: (c) => <span className="ns-count">{countText(c.queueDepth)}</span> },
  { header: 'Độ trễ', cell: (c) => durationText(c.lagSeconds), nowrap: true },
  { header: 'Tỷ lệ lỗi (24 giờ)', cell: (c) => <span className="ns-count">{errorRateText(c.errorRate)}</span> },
  {
    header: 'Thành công gần nhất',
    cell: (c) => (c.lastSuccessAt ? <time dateTime={c.lastSuccessAt}>{formatMinute(c.lastSuccessAt)}</time> : 'Chưa có'),
    nowrap: true,
  },
];

/**
 * /quan-tri/ket-noi — for monitors and administrators (audit.view): each outside system motcua talks to, whether it
 * is connected and working, its queue, lag, error rate over 24 hours and last success, from what actually happened.
 */
export function ConnectionsPage() {
  usePageTitle(PAGE_TITLE);
  const connections = useConnections();
  const { data } = connections;

  return (
    <Stack gap="lg">
      <PageHeading
        title={PAGE_TITLE}
        action={
          <Button variant="outline" onClick={connections.reload} loading={connections.loading}>
            Làm mới
          </Button>
        }
      >
        <Text>
          Các hệ thống bên ngoài mà hệ thống một cửa kết nối: Cổng Dịch vụ công quốc gia, Cơ sở dữ liệu quốc gia về dân cư, cổng thanh toán, ký số, thư điện tử…
          Số liệu lấy từ kết quả trao đổi thực tế, tỷ lệ lỗi tính trong 24 giờ qua.
        </Text>
      </PageHeading>
      {connections.loading && !data ? <LoadingState label="Đang kiểm tra các kết nối…" /> : null}
      {connections.error ? <ErrorState error={connections.error} title="Không tải được tình trạng kết nối" onRetry={connections.reload} /> : null}
      {data ? (
        <Paper withBorder p="md" component="section" aria-labelledby="tong-so-ket-noi">
          <Stack gap="sm">
            <Title order={2} size="h3" id="tong-so-ket-noi" data-testid="connections-headline">
              {connectedHeadline(data)}
            </Title>
            <ResponsiveTable
              caption="Tình trạng từng hệ thống kết nối"
              captionId="bang-ket-noi"
              rows={data.items}
              rowKey={(c) => c.system}
              columns={COLUMNS}
              minWidth={960}
            />
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
