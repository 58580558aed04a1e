import { Anchor, Badge, Button, Group, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { apiPost } from '../../../shared/api.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { formatDateTime } from '../../../shared/format.js';
import type { OfficialNotificationList as NotificationList } from '../../../../contract/dossier-notifications.js';

export const NOTIFICATIONS_PATH = '/api/v1/me/notifications?limit=30';

const KIND_LABELS = {
  dueSoon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  supplementUploaded: 'Đã bổ sung',
  feedbackDueSoon: 'Phản ánh sắp đến hạn',
  feedbackOverdue: 'Phản ánh quá hạn',
  reformTaskDueSoon: 'Nhiệm vụ CCHC sắp đến hạn',
  reformTaskOverdue: 'Nhiệm vụ CCHC quá hạn',
  parDueSoon: 'Sắp hết hạn tự đánh giá CCHC',
  parOverdue: 'Quá hạn tự đánh giá CCHC',
} as const;
const KIND_COLORS = {
  dueSoon: 'orange',
  overdue: 'red',
  supplementUploaded: 'govBlue',
  feedbackDueSoon: 'orange',
  feedbackOverdue: 'red',
  reformTaskDueSoon: 'orange',
  reformTaskOverdue: 'red',
  parDueSoon: 'orange',
  parOverdue: 'red',
} as const;

/** Where a notification leads: its dossier, feedback item, reform-index assessment or reform task. */
function pageOf(n: NotificationList['items'][number]): string {
  if (n.dossierId) return `/can-bo/ho-so/${n.dossierId}`;
  if (n.feedbackId) return `/can-bo/phan-anh/${n.feedbackId}`;
  if (n.parRoundId) return `/can-bo/chi-so-cai-cach/dot/${n.parRoundId}/don-vi/${n.parUnitCode}`;
  return `/can-bo/ke-hoach-cai-cach/nhiem-vu/${n.reformTaskId}`;
}

/**
 * The official's bell: how many warnings are unread (steps about to run out of their budget, and escalations
 * once they have), and the latest ones with a link to each dossier. Reloaded every minute and when opened.
 */
export function NotificationBell() {
  const query = useApiQuery<NotificationList>(NOTIFICATIONS_PATH);
  const [opened, setOpened] = useState(false);
  const [marking, setMarking] = useState(false);
  const { reload } = query;
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const unread = query.data?.unread ?? 0;
  const items = query.data?.items ?? [];

  async function markAllRead() {
    setMarking(true);
    try {
      await apiPost('/api/v1/me/notifications/read', { body: {} });
      reload();
    } finally {
      setMarking(false);
    }
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal onOpen={reload}>
      <Popover.Target>
        <UnstyledButton
          className="bo-bell"
          onClick={() => setOpened((o) => !o)}
          aria-haspopup="dialog"
          aria-expanded={opened}
          aria-label={unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo: không có thông báo mới'}
          data-testid="notification-bell"
        >
          <Group gap={4} wrap="nowrap">
            <Text size="sm" c="white" fw={700} aria-hidden>
              Thông báo
            </Text>
            {unread > 0 ? (
              <Badge color="red" size="sm" circle={unread < 10} aria-hidden data-testid="notification-count">
                {unread > 99 ? '99+' : unread}
              </Badge>
            ) : null}
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label="Thông báo">
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Text fw={700} size="sm">
              Thông báo {unread > 0 ? `(${unread} chưa đọc)` : ''}
            </Text>
            {unread > 0 ? (
              <Button size="compact-xs" variant="subtle" loading={marking} onClick={() => void markAllRead()}>
                Đánh dấu đã đọc
              </Button>
            ) : null}
          </Group>
          {items.length === 0 ? <Text size="sm">Chưa có thông báo.</Text> : null}
          <ScrollArea.Autosize mah={360}>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((n) => (
                <li key={n.id}>
                  <Stack gap={2}>
                    <Group gap={6} wrap="nowrap">
                      <Badge size="xs" color={KIND_COLORS[n.kind]} variant={n.read ? 'outline' : 'filled'}>
                        {KIND_LABELS[n.kind]}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                      </Text>
                    </Group>
                    <Anchor component={Link} to={pageOf(n)} size="sm" fw={n.read ? 400 : 700} onClick={() => setOpened(false)}>
                      {n.title}
                    </Anchor>
                    <Text size="xs" style={{ whiteSpace: 'pre-line' }}>
                      {n.body}
                    </Text>
                  </Stack>
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
