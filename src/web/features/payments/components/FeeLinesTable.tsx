import '../../publication/publication.css';
import '../payments.css';
import { Text } from '@mantine/core';
import { formatVnd } from '../../../../domain/payment/fees.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import type { DossierPayments, FeeLine } from '../api/payments-api.js';
import { feeKindLabel, lineStatus } from '../payment-view.js';
import { PaymentBadge } from './PaymentBadge.js';

const COLUMNS: readonly Column<FeeLine>[] = [
  {
    header: 'Tên khoản',
    cell: (l) => (
      <>
        <span className={l.replaced ? 'pay-replaced break-anywhere' : 'break-anywhere'}>{l.name}</span>
        {l.source === 'official' ? (
          <Text component="span" size="xs" c="dimmed" display="block">
            Do cán bộ thêm hoặc điều chỉnh
          </Text>
        ) : null}
      </>
    ),
  },
  { header: 'Loại', cell: (l) => feeKindLabel(l.kind), nowrap: true },
  { header: 'Số tiền', cell: (l) => <span className={l.replaced ? 'pay-replaced' : undefined}>{formatVnd(l.amount)}</span>, nowrap: true },
  { header: 'Thời điểm thu', cell: (l) => l.momentLabel },
  { header: 'Căn cứ', cell: (l) => <span className="break-anywhere">{l.basis}</span> },
  {
    header: 'Trạng thái',
    cell: (l) => {
      const status = lineStatus(l);
      return <PaymentBadge label={status.label} tone={status.tone} testId="fee-line-status" />;
    },
  },
];

/** The dossier's fee lines: name, phí or lệ phí, amount, when collected, on what basis, and where each stands. */
export function FeeLinesTable({ lines }: { lines: readonly FeeLine[] }) {
  if (lines.length === 0) return <Text size="sm">Hồ sơ không có khoản phí, lệ phí nào.</Text>;
  return (
    <ResponsiveTable caption="Các khoản phí, lệ phí của hồ sơ" captionId="cac-khoan-phi" rows={lines} rowKey={(l) => l.id} columns={COLUMNS} minWidth={760} />
  );
}

/** Phải nộp ngay, còn phải nộp khi nhận kết quả, đã nộp. */
export function FeeTotals({ payments: p }: { payments: Pick<DossierPayments, 'dueNow' | 'dueLater' | 'paidTotal'> }) {
  const totals: [string, number, string][] = [
    ['Phải nộp ngay', p.dueNow, 'due-now'],
    ['Còn phải nộp khi nhận kết quả', p.dueLater, 'due-later'],
    ['Đã nộp', p.paidTotal, 'paid-total'],
  ];
  return (
    <dl className="pay-totals" data-testid="fee-totals">
      {totals.map(([label, amount, testId]) => (
        <div key={testId}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{formatVnd(amount)}</dd>
        </div>
      ))}
    </dl>
  );
}
