import '../../publication/publication.css';
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useNow } from '../../dossiers/hooks/useDossiers.js';
import { PageHeading } from '../../publication/components/PageHeading.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import type { FeedbackSummary } from '../api/feedback-api.js';
import { channelLabel, ENTRY_PAGE, itemPage, parseQueueFilter, QUEUE_FILTERS, queueQuery } from '../feedback-view.js';
import { useFeedbackQueue } from '../hooks/useFeedback.js';
import { FeedbackStatusBadge, LateBadge, NextDeadline } from './FeedbackBadges.js';

const PAGE_TITLE = 'Phản ánh, kiến nghị';

function columns(now: Date): Column<FeedbackSummary>[] {
  return [
    {
      header: 'Phản ánh',
      cell: (f) => (
        <>
          <Anchor component={Link} to={itemPage(f.id)} className="break-anywhere">
            {f.title}
          </Anchor>
          <Text component="span" size="xs" display="block" className="mono">
            {f.code}
          </Text>
        </>
      ),
    },
    { header: 'Kênh tiếp nhận', cell: (f) => channelLabel(f.channel) },
    { header: 'Đơn vị xử lý', cell: (f) => f.unitName },
    { header: 'Trạng thái', cell: (f) => <FeedbackStatusBadge status={f.status} label={f.statusLabel} /> },
    { header: 'Hạn tiếp theo', cell: (f) => <NextDeadline next={f.next} now={now} /> },
    { header: 'Trễ hạn', cell: (f) => (f.late.length > 0 ? <LateBadge late={f.late} /> : 'Không') },
  ];
}

/**
 * /can-bo/phan-anh (feedback.handle): the unit's feedback, most urgent first (late first, then the nearest
 * deadline), open items or all or one status; each opens its page.
 */
export function FeedbackQueuePage() {
  usePageTitle(PAGE_TITLE);
  const [params, setParams] = useSearchParams();
  const filter = parseQueueFilter(params.get('loc'));
  const queue = useFeedbackQueue(queueQuery(filter));
  const now = useNow();
  const items = queue.data?.items ?? [];

  return (
    <Stack gap="lg">
      <PageHeading
        title={PAGE_TITLE}
        action={
          <Group gap="sm">
            <Button component={Link} to={ENTRY_PAGE}>
              Nhập phản ánh
            </Button>
            <Button variant="outline" onClick={queue.reload} loading={queue.loading}>
              Tải lại
            </Button>
          </Group>
        }
      >
        <Text>
          Phản ánh, kiến nghị của người dân, doanh nghiệp gửi tới đơn vị: phân loại, chuyển xử lý, dự thảo trả lời, trình lãnh đạo duyệt và công khai câu trả
          lời. Phản ánh trễ hạn và sắp đến hạn được xếp lên đầu.
        </Text>
      </PageHeading>
      <Paper withBorder p="md" component="section" aria-labelledby="pakn-hang-doi">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" gap="sm">
            <Title order={2} size="h3" id="pakn-hang-doi">
              Danh sách phản ánh{queue.data ? ` (${queue.data.total})` : ''}
            </Title>
            <NativeSelect
              id="pakn-loc"
              label="Hiển thị"
              value={filter}
              onChange={(e) => setParams(e.currentTarget.value === 'open' ? {} : { loc: e.currentTarget.value })}
              data={QUEUE_FILTERS}
            />
          </Group>
          {queue.loading && !queue.data ? <LoadingState label="Đang tải phản ánh…" /> : null}
          {queue.error ? <ErrorState error={queue.error} title="Không tải được danh sách phản ánh" onRetry={queue.reload} /> : null}
          {queue.data && items.length === 0 ? <Text>Không có phản ánh nào.</Text> : null}
          {items.length > 0 ? (
            <ResponsiveTable
              caption="Phản ánh, kiến nghị, khẩn nhất trước"
              captionId="pakn-bang"
              rows={items}
              rowKey={(f) => f.id}
              columns={columns(now)}
              minWidth={960}
            />
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
