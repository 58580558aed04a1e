import '../../publication/publication.css';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { formatVnd } from '../../../../domain/payment/fees.js';
import { formatDeadline } from '../../dossiers/dossier-format.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import type { PaymentAttempt, PaymentReceipt } from '../api/payments-api.js';
import { attemptTone, receiptLabel } from '../payment-view.js';
import { PaymentBadge } from './PaymentBadge.js';

function attemptColumns(official: boolean): Column<PaymentAttempt>[] {
  return [
    { header: 'Thời gian', cell: (a) => <time dateTime={a.createdAt}>{formatDeadline(a.createdAt)}</time>, nowrap: true },
    {
      header: 'Phương thức',
      cell: (a) => (
        <>
          {a.methodLabel}
          <Text component="span" size="xs" c="dimmed" display="block">
            {a.online ? 'Thanh toán trực tuyến' : 'Không phải thanh toán trực tuyến'}
          </Text>
        </>
      ),
    },
    { header: 'Số tiền', cell: (a) => formatVnd(a.amount), nowrap: true },
    {
      header: 'Trạng thái',
      cell: (a) => (
        <Stack gap={2} align="flex-start">
          <PaymentBadge label={a.statusLabel} tone={attemptTone(a.status)} testId="attempt-status" />
          {a.settledAt ? (
            <Text component="span" size="xs">
              Cập nhật: {formatDeadline(a.settledAt)}
            </Text>
          ) : null}
          {official && a.taskLabel ? (
            <Text component="span" size="xs">
              {a.taskLabel}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      header: official ? 'Mã giao dịch, ghi chú' : 'Mã giao dịch',
      cell: (a) => (
        <span className="break-anywhere">
          {a.reference}
          {official && a.note ? ` · ${a.note}` : ''}
        </span>
      ),
    },
  ];
}

/** Every payment of the dossier, newest first, and the receipts issued for those paid. */
export function PaymentHistory({
  attempts,
  receipts,
  official,
}: {
  attempts: readonly PaymentAttempt[];
  receipts: readonly PaymentReceipt[];
  official: boolean;
}) {
  return (
    <Stack gap="md">
      {attempts.length > 0 ? (
        <ResponsiveTable
          caption="Các lần nộp tiền, mới nhất trước"
          captionId="cac-lan-nop-tien"
          rows={attempts}
          rowKey={(a) => a.id}
          columns={attemptColumns(official)}
          minWidth={720}
        />
      ) : null}
      <Stack gap={4} component="section" aria-labelledby="bien-lai-thu-phi">
        <Title order={3} size="h5" id="bien-lai-thu-phi">
          Biên lai thu phí, lệ phí
        </Title>
        {receipts.length === 0 ? (
          <Text size="sm">Chưa có biên lai. Biên lai điện tử được cấp khi khoản phí, lệ phí đã được nộp.</Text>
        ) : (
          <ul className="pay-list" data-testid="receipts">
            {receipts.map((r) => (
              <li key={r.id}>
                <Text size="sm">
                  <Anchor href={r.url} download className="break-anywhere">
                    {receiptLabel(r)}
                  </Anchor>{' '}
                  ({formatVnd(r.amount)}, cấp ngày {formatDeadline(r.issuedAt)}; tệp PDF)
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </Stack>
  );
}
