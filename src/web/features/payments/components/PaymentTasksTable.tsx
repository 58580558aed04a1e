import '../../publication/publication.css';
import { Anchor, Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatVnd } from '../../../../domain/payment/fees.js';
import { formatDeadline } from '../../dossiers/dossier-format.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import type { PaymentTaskItem } from '../api/payments-api.js';
import { attemptTone } from '../payment-view.js';
import { PaymentBadge } from './PaymentBadge.js';

function columns(onResolve: ((item: PaymentTaskItem) => void) | undefined): Column<PaymentTaskItem>[] {
  const all: Column<PaymentTaskItem>[] = [
    {
      header: 'Mã hồ sơ',
      cell: (t) => (
        <Anchor component={Link} to={`/can-bo/ho-so/${encodeURIComponent(t.dossierId)}`} className="break-anywhere">
          {t.dossierCode}
        </Anchor>
      ),
    },
    {
      header: 'Phương thức',
      cell: (t) => (
        <>
          {t.attempt.methodLabel}
          <Text component="span" size="xs" c="dimmed" display="block" className="break-anywhere">
            Mã giao dịch {t.attempt.reference}
          </Text>
        </>
      ),
    },
    { header: 'Số tiền', cell: (t) => formatVnd(t.attempt.amount), nowrap: true },
    { header: 'Trạng thái', cell: (t) => <PaymentBadge label={t.attempt.statusLabel} tone={attemptTone(t.attempt.status)} /> },
    {
      header: 'Việc cần làm',
      cell: (t) => (
        <>
          {t.attempt.taskLabel ?? '—'}
          {t.attempt.note ? (
            <Text component="span" size="xs" c="dimmed" display="block" className="break-anywhere">
              Ghi chú: {t.attempt.note}
            </Text>
          ) : null}
        </>
      ),
    },
    { header: 'Thời điểm tạo', cell: (t) => <time dateTime={t.attempt.createdAt}>{formatDeadline(t.attempt.createdAt)}</time>, nowrap: true },
  ];
  if (!onResolve) return all;
  return [
    ...all,
    {
      header: 'Thao tác',
      cell: (t) => (
        <Button size="xs" variant="outline" onClick={() => onResolve(t)} aria-label={`Xử lý giao dịch ${t.attempt.reference} của hồ sơ ${t.dossierCode}`}>
          Xử lý
        </Button>
      ),
    },
  ];
}

interface PaymentTasksTableProps {
  items: readonly PaymentTaskItem[];
  caption: string;
  captionId: string;
  /** Offers "Xử lý" on each row. */
  onResolve?: (item: PaymentTaskItem) => void;
}

/** Payments an accountant must look at: the dossier, how and how much, where it stands and why it needs a look. */
export function PaymentTasksTable({ items, caption, captionId, onResolve }: PaymentTasksTableProps) {
  return <ResponsiveTable caption={caption} captionId={captionId} rows={items} rowKey={(t) => t.attempt.id} columns={columns(onResolve)} minWidth={900} />;
}
