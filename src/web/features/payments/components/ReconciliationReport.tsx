import '../../publication/publication.css';
import '../payments.css';
import { Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { formatVnd } from '../../../../domain/payment/fees.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatIsoDate, formatNumber, todayInVietnam } from '../../../shared/format.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import type { PaymentTaskItem, ReconciliationRow } from '../api/payments-api.js';
import { useReconciliation } from '../hooks/usePayments.js';
import { rowMatched, totalsByUnit } from '../reconciliation-view.js';
import { PaymentBadge } from './PaymentBadge.js';
import { PaymentTasksTable } from './PaymentTasksTable.js';
import { ReconciliationChart } from './ReconciliationChart.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function MatchBadge({ matched }: { matched: boolean }) {
  return <PaymentBadge label={matched ? 'Đã khớp' : 'Chưa khớp'} tone={matched ? 'success' : 'danger'} testId="reconciliation-match" />;
}

const COLUMNS: readonly Column<ReconciliationRow>[] = [
  { header: 'Đơn vị', cell: (r) => <span className="break-anywhere">{r.unitName}</span> },
  { header: 'Phương thức', cell: (r) => r.methodLabel },
  { header: 'Phải thu', cell: (r) => `${formatVnd(r.expected)} (${formatNumber(r.expectedCount)} giao dịch)` },
  { header: 'Đã nhận', cell: (r) => `${formatVnd(r.received)} (${formatNumber(r.receivedCount)} giao dịch)` },
  { header: 'Chờ kết quả', cell: (r) => formatNumber(r.pendingCount), nowrap: true },
  { header: 'Sai lệch', cell: (r) => formatNumber(r.mismatchCount), nowrap: true },
  { header: 'Tình trạng', cell: (r) => <MatchBadge matched={rowMatched(r)} /> },
];

/** The day's reconciliation: per unit and method, what was asked for and what the gateways confirmed, and what does not match. */
interface ReconciliationReportProps {
  /** yyyy-MM-dd, as the date input gives it. */
  date: string;
  onDateChange: (date: string) => void;
  onResolve: (item: PaymentTaskItem) => void;
}

export function ReconciliationReport({ date, onDateChange, onResolve }: ReconciliationReportProps) {
  const valid = ISO_DATE.test(date);
  const report = useReconciliation(valid ? date : null);
  const { data } = report;
  const units = useMemo(() => (data ? totalsByUnit(data.rows) : []), [data]);

  return (
    <Stack gap="md" component="section" aria-labelledby="doi-soat">
      <Title order={2} size="h3" id="doi-soat">
        Đối soát trong ngày
      </Title>
      <TextInput
        id="ngay-doi-soat"
        type="date"
        label="Ngày đối soát"
        value={date}
        max={todayInVietnam()}
        onChange={(e) => onDateChange(e.currentTarget.value)}
        error={valid ? undefined : 'Chọn một ngày hợp lệ.'}
        maw={240}
      />
      {report.loading ? <LoadingState label="Đang đối soát…" /> : null}
      {report.error ? <ErrorState error={report.error} title="Không tải được số liệu đối soát" onRetry={report.reload} /> : null}
      {data ? (
        <>
          <Group gap="sm" aria-live="polite">
            <Text fw={700}>Ngày {formatIsoDate(data.date)}:</Text>
            <MatchBadge matched={data.balanced} />
            <Text size="sm">
              {data.balanced ? 'Mọi giao dịch đã có kết quả và số tiền khớp.' : 'Còn giao dịch chờ kết quả hoặc có số tiền không khớp; xem bên dưới.'}
            </Text>
          </Group>
          {data.rows.length === 0 ? (
            <Text size="sm">Không có giao dịch nào trong ngày.</Text>
          ) : (
            <>
              <ResponsiveTable
                caption={`Đối soát ngày ${formatIsoDate(data.date)} theo đơn vị và phương thức`}
                captionId="bang-doi-soat"
                rows={data.rows}
                rowKey={(r) => `${r.unitCode}|${r.method}`}
                columns={COLUMNS}
                minWidth={880}
              />
              <ReconciliationChart units={units} headingId="bieu-do-doi-soat" />
            </>
          )}
          {data.mismatches.length > 0 ? (
            <PaymentTasksTable
              items={data.mismatches}
              caption={`Giao dịch không khớp ngày ${formatIsoDate(data.date)}`}
              captionId="giao-dich-khong-khop"
              onResolve={onResolve}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
