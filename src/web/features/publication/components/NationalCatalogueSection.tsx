import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { useAction } from '../../calendar/hooks/useAction.js';
import { markNoticeHandled, pullNationalCatalogue, type CataloguePull, type NationalNotice } from '../api/national-catalogue-api.js';
import { useNationalOutbox, useOpenNationalNotices } from '../hooks/useNationalCatalogue.js';
import { formatNationalUpdate, pendingPublicationText, pullSummary } from '../national-catalogue-view.js';
import { DECISIONS_PAGE } from './WatchdogTables.js';

const HEADING_ID = 'thay-doi-csdl-quoc-gia';

function NoticeCard({ notice, onHandled, handling }: { notice: NationalNotice; onHandled: () => void; handling: boolean }) {
  const headingId = `thong-bao-${notice.id}`;
  return (
    <Paper withBorder p="sm" component="li" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId}>
          <span className="mono">{notice.procedureCode}</span> – {notice.procedureName}
        </Title>
        <Text size="sm">
          Bộ, ngành cập nhật ngày <time dateTime={notice.nationalUpdatedAt}>{formatNationalUpdate(notice.nationalUpdatedAt)}</time>
        </Text>
        <ul aria-label="Nội dung thay đổi">
          {notice.changes.map((change) => (
            <li key={change.field}>
              <Text size="sm" span fw={600}>
                {change.label}:
              </Text>{' '}
              <Text size="sm" span>
                {change.summary}
              </Text>
              {change.appliedToDraft ? null : (
                <Badge ml="xs" size="sm" variant="light" color="orange">
                  Cần cập nhật thủ công
                </Badge>
              )}
            </li>
          ))}
        </ul>
        <Group justify="space-between" gap="sm">
          {notice.draft ? (
            <Text size="sm">
              Dự thảo quyết định sửa đổi, bổ sung:{' '}
              <Anchor component={Link} to={`${DECISIONS_PAGE}?id=${encodeURIComponent(notice.draft.id)}`} fw={700}>
                {notice.draft.number}
              </Anchor>
            </Text>
          ) : (
            <Text size="sm">Chưa có dự thảo quyết định sửa đổi, bổ sung.</Text>
          )}
          <Button size="xs" variant="outline" onClick={onHandled} loading={handling} aria-label={`Đã xử lý thông báo thủ tục ${notice.procedureCode}`}>
            Đã xử lý
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Procedures a ministry changed on the national procedure database (issue 21): open notices, pulling now, the outbox. */
export function NationalCatalogueSection() {
  const notices = useOpenNationalNotices();
  const outbox = useNationalOutbox();
  const pull = useAction();
  const handle = useAction();
  const [pulled, setPulled] = useState<CataloguePull | null>(null);
  const [handlingId, setHandlingId] = useState<string | null>(null);

  async function runPull() {
    setPulled(null);
    const outcome = await pull.run(pullNationalCatalogue);
    if (outcome?.ok) {
      setPulled(outcome.value);
      notices.reload();
      outbox.reload();
    }
  }

  async function markHandled(id: string) {
    setHandlingId(id);
    const outcome = await handle.run(() => markNoticeHandled(id));
    setHandlingId(null);
    if (outcome?.ok) notices.reload();
  }

  const open = notices.data?.notices ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={2} size="h3" id={HEADING_ID}>
            Thay đổi từ Cơ sở dữ liệu quốc gia về TTHC{notices.data ? ` (${notices.data.open})` : ''}
          </Title>
          <Button variant="outline" onClick={() => void runPull()} loading={pull.pending}>
            Kiểm tra thay đổi ngay
          </Button>
        </Group>
        <div aria-live="polite">
          {pulled ? (
            <Alert color="green" variant="light" title="Đã kiểm tra CSDL quốc gia" classNames={{ title: 'pub-success-title' }}>
              <Text size="sm">{pullSummary(pulled)}</Text>
              {pulled.error ? <Text size="sm">Lỗi của Cổng (sẽ đọc lại ở lần sau): {pulled.error}</Text> : null}
            </Alert>
          ) : null}
        </div>
        {pull.error ? <ErrorState error={pull.error} title="Không kiểm tra được thay đổi trên CSDL quốc gia" /> : null}
        {outbox.error ? <ErrorState error={outbox.error} title="Không tải được danh sách gửi lên Cổng" onRetry={outbox.reload} /> : null}
        {outbox.data ? <Text size="sm">{pendingPublicationText(outbox.data)}</Text> : null}
        {handle.error ? <ErrorState error={handle.error} title="Không đánh dấu được thông báo đã xử lý" /> : null}
        {notices.loading && !notices.data ? <LoadingState label="Đang tải thông báo thay đổi…" /> : null}
        {notices.error ? <ErrorState error={notices.error} title="Không tải được thông báo thay đổi" onRetry={notices.reload} /> : null}
        {notices.data && open.length === 0 ? <Text>Không có thay đổi nào chưa xử lý.</Text> : null}
        {open.length > 0 ? (
          <ul className="pub-cards">
            {open.map((notice) => (
              <NoticeCard key={notice.id} notice={notice} handling={handlingId === notice.id} onHandled={() => void markHandled(notice.id)} />
            ))}
          </ul>
        ) : null}
      </Stack>
    </Paper>
  );
}
