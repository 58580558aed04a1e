import '../national-sync.css';
import '../../publication/publication.css';
import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatNumber } from '../../../shared/format.js';
import { dossierPagePath } from '../../dossiers/api/dossiers-api.js';
import { FormError, SavedNotice } from '../../payments/components/FormOutcome.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import { retryParked, type ParkedSync } from '../api/national-sync-api.js';
import { useParkedSyncs } from '../hooks/useNationalSync.js';
import { formatMinute } from '../sync-view.js';

interface ParkedSyncsPanelProps {
  /** Unit names by code, for the unit column (the code while they load). */
  unitNames: ReadonlyMap<string, string>;
  /** Offers "Gửi lại" on each row (administrators). */
  canRetry: boolean;
  /** Bumped by the page's reload button. */
  round: number;
  /** After a dossier was sent again: the queue's figures change. */
  onRetried: () => void;
}

function columns(unitNames: ReadonlyMap<string, string>, retry: ((p: ParkedSync) => void) | null, pending: boolean): Column<ParkedSync>[] {
  const all: Column<ParkedSync>[] = [
    {
      header: 'Mã hồ sơ',
      cell: (p) => (
        <Anchor component={Link} to={dossierPagePath(p.dossierId)} className="break-anywhere">
          {p.code}
        </Anchor>
      ),
    },
    { header: 'Đơn vị', cell: (p) => <span className="break-anywhere">{unitNames.get(p.unitCode) ?? p.unitCode}</span> },
    { header: 'Số lần gửi', cell: (p) => <span className="ns-count">{formatNumber(p.attempts)}</span> },
    { header: 'Lỗi Cổng trả về', cell: (p) => <span className="break-anywhere">{p.lastError ?? '—'}</span> },
    { header: 'Dừng gửi lúc', cell: (p) => <time dateTime={p.parkedAt}>{formatMinute(p.parkedAt)}</time>, nowrap: true },
  ];
  if (!retry) return all;
  return [
    ...all,
    {
      header: 'Thao tác',
      cell: (p) => (
        <Button size="xs" variant="outline" onClick={() => retry(p)} disabled={pending} aria-label={`Gửi lại hồ sơ ${p.code}`}>
          Gửi lại
        </Button>
      ),
    },
  ];
}

/** The dossiers the portal refused too many times, with its error; administrators send one again after fixing it. */
export function ParkedSyncsPanel({ unitNames, canRetry, round, onRetried }: ParkedSyncsPanelProps) {
  return <ParkedSyncsList key={round} unitNames={unitNames} canRetry={canRetry} onRetried={onRetried} />;
}

function ParkedSyncsList({ unitNames, canRetry, onRetried }: Omit<ParkedSyncsPanelProps, 'round'>) {
  const parked = useParkedSyncs();
  const retry = useMutation(retryParked);
  const [notice, setNotice] = useState<string | null>(null);
  const items = parked.data?.items ?? [];

  const send = async (p: ParkedSync) => {
    setNotice(null);
    const outcome = await retry.run(p.dossierId);
    if (!outcome.ok) return;
    setNotice(`Đã đưa hồ sơ ${p.code} vào hàng đợi để gửi lại lên Cổng.`);
    parked.reload();
    onRetried();
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="ho-so-bi-tu-choi">
      <Title order={2} size="h3" id="ho-so-bi-tu-choi">
        Hồ sơ bị Cổng từ chối{parked.data ? ` (${formatNumber(items.length)})` : ''}
      </Title>
      <Text size="sm">
        Hồ sơ Cổng từ chối nhiều lần được tạm dừng gửi để không chặn các hồ sơ khác. Sửa nguyên nhân theo lỗi Cổng trả về (ví dụ mã đơn vị trong bảng ánh xạ),
        rồi gửi lại; hồ sơ cũng được gửi lại khi có thay đổi mới.
      </Text>
      <SavedNotice text={notice} onClose={() => setNotice(null)} />
      <FormError error={retry.error} title="Không gửi lại được hồ sơ" />
      {parked.loading ? <LoadingState label="Đang tải hồ sơ bị từ chối…" /> : null}
      {parked.error ? <ErrorState error={parked.error} title="Không tải được hồ sơ bị từ chối" onRetry={parked.reload} /> : null}
      {parked.data && items.length === 0 ? <Text data-testid="parked-empty">Không có hồ sơ nào bị Cổng từ chối.</Text> : null}
      {items.length > 0 ? (
        <ResponsiveTable
          caption="Hồ sơ bị Cổng từ chối, chờ xử lý"
          captionId="bang-ho-so-bi-tu-choi"
          rows={items}
          rowKey={(p) => p.dossierId}
          columns={columns(unitNames, canRetry ? (p) => void send(p) : null, retry.pending)}
          minWidth={860}
        />
      ) : null}
    </Stack>
  );
}
