import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import type { BulkCommand, Queue } from '../api/dossiers-api.js';
import { canSelect, toggleAll, toggleOne } from '../bulk-actions.js';
import { useBulkAction, type BulkRun } from '../hooks/useBulkAction.js';
import { useDossierQueue, useNow } from '../hooks/useDossiers.js';
import { BulkActionBar } from './BulkActionBar.js';
import { BulkResult } from './BulkResult.js';
import { DossierQueueTable } from './DossierQueueTable.js';

export interface QueueTab {
  /** In the address bar: ?tab=… */
  slug: string;
  queue: Queue;
  label: string;
  caption: string;
  empty: string;
}

/**
 * One work queue with its loading, error and empty states and a reload button. Rows that a bulk action is
 * open to can be ticked; the bar then offers what every ticked dossier allows, and says what became of each.
 */
export function QueuePanel({ tab }: { tab: QueueTab }) {
  const query = useDossierQueue(tab.queue);
  const now = useNow();
  const bulk = useBulkAction();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [lastRun, setLastRun] = useState<BulkRun | null>(null);
  const items = query.data?.items;
  // Only what is still listed and still open to a bulk action counts (the list is reloaded after each run).
  const chosen = (items ?? []).filter((i) => selected.has(i.id) && canSelect(i));
  const selectableIds = (items ?? []).filter(canSelect).map((i) => i.id);

  async function run(command: BulkCommand) {
    setLastRun(null);
    const done = await bulk.perform(command, chosen);
    if (done === null) return;
    setSelected(new Set());
    setLastRun(done);
    query.reload();
  }

  return (
    <Stack gap="sm" pt="md" className="dos-queue-panel">
      <Group justify="space-between" gap="sm">
        <Text size="sm" role="status">
          {items ? (items.length === 0 ? tab.empty : `${items.length} hồ sơ, hồ sơ khẩn nhất ở trên.`) : ''}
        </Text>
        <Button variant="default" size="xs" onClick={query.reload} loading={query.loading}>
          Tải lại danh sách
        </Button>
      </Group>
      {lastRun ? <BulkResult run={lastRun} onClose={() => setLastRun(null)} /> : null}
      {chosen.length > 0 ? (
        <BulkActionBar
          rows={chosen}
          pending={bulk.pending}
          error={bulk.error}
          onRun={(command) => void run(command)}
          onClear={() => {
            bulk.clearError();
            setSelected(new Set());
          }}
        />
      ) : null}
      {query.loading && !items ? <LoadingState label="Đang tải danh sách hồ sơ…" /> : null}
      {query.error ? <ErrorState error={query.error} title="Không tải được danh sách hồ sơ" onRetry={query.reload} /> : null}
      {items && items.length > 0 ? (
        <DossierQueueTable
          items={items}
          now={now}
          caption={tab.caption}
          captionId={`bang-${tab.slug}`}
          selection={{
            selected,
            onToggle: (id) => setSelected((s) => toggleOne(s, id)),
            onToggleAll: () => setSelected((s) => toggleAll(s, selectableIds)),
          }}
        />
      ) : null}
    </Stack>
  );
}
