import { Button, Group, Stack, Text } from '@mantine/core';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import type { Queue } from '../api/dossiers-api.js';
import { useDossierQueue, useNow } from '../hooks/useDossiers.js';
import { DossierQueueTable } from './DossierQueueTable.js';

export interface QueueTab {
  /** In the address bar: ?tab=… */
  slug: string;
  queue: Queue;
  label: string;
  caption: string;
  empty: string;
}

/** One work queue with its loading, error and empty states and a reload button. */
export function QueuePanel({ tab }: { tab: QueueTab }) {
  const query = useDossierQueue(tab.queue);
  const now = useNow();
  const items = query.data?.items;
  return (
    <Stack gap="sm" pt="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" role="status">
          {items ? (items.length === 0 ? tab.empty : `${items.length} hồ sơ, hồ sơ khẩn nhất ở trên.`) : ''}
        </Text>
        <Button variant="default" size="xs" onClick={query.reload} loading={query.loading}>
          Tải lại danh sách
        </Button>
      </Group>
      {query.loading && !items ? <LoadingState label="Đang tải danh sách hồ sơ…" /> : null}
      {query.error ? <ErrorState error={query.error} title="Không tải được danh sách hồ sơ" onRetry={query.reload} /> : null}
      {items && items.length > 0 ? <DossierQueueTable items={items} now={now} caption={tab.caption} captionId={`bang-${tab.slug}`} /> : null}
    </Stack>
  );
}
