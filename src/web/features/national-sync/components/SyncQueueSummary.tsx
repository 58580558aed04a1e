import '../national-sync.css';
import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatNumber } from '../../../shared/format.js';
import type { PortalQueue } from '../api/national-sync-api.js';
import { durationText, formatMinute } from '../sync-view.js';

function Figure({ term, wide = false, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'ns-wide' : undefined}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The queue as a whole: what waits, what is in doubt, what the portal refused, how late, when it last answered, its last error. */
export function SyncQueueSummary({ queue, configured }: { queue: PortalQueue; configured: boolean }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="hang-doi-dong-bo">
      <Title order={2} size="h3" id="hang-doi-dong-bo">
        Hàng đợi đồng bộ
      </Title>
      {configured ? null : (
        <Alert color="govBlue" variant="light" title="Chưa cấu hình kết nối Cổng Dịch vụ công quốc gia" data-testid="portal-not-configured">
          Hệ thống chưa được cấu hình để gửi hồ sơ lên Cổng (biến môi trường NATIONAL_PORTAL). Các thay đổi của hồ sơ vẫn được ghi vào hàng đợi và sẽ được gửi
          khi kết nối được cấu hình.
        </Alert>
      )}
      <dl className="ns-figures" data-testid="sync-queue">
        <Figure term="Chờ gửi">{formatNumber(queue.pending)} hồ sơ</Figure>
        <Figure term="Chưa rõ Cổng đã ghi nhận">{formatNumber(queue.inDoubt)} hồ sơ</Figure>
        <Figure term="Bị Cổng từ chối">{formatNumber(queue.parked)} hồ sơ</Figure>
        <Figure term="Độ trễ">{queue.pending > 0 ? durationText(queue.lagSeconds) : 'Không có hồ sơ chờ'}</Figure>
        <Figure term="Cổng xác nhận gần nhất">
          {queue.lastAckedAt ? <time dateTime={queue.lastAckedAt}>{formatMinute(queue.lastAckedAt)}</time> : 'Chưa có'}
        </Figure>
        <Figure term="Lỗi gần nhất" wide>
          {queue.lastError ?? 'Không có lỗi'}
        </Figure>
      </dl>
    </Stack>
  );
}
