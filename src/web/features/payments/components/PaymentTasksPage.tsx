import '../payments.css';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { todayInVietnam } from '../../../shared/format.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { PageHeading } from '../../publication/components/PageHeading.js';
import type { PaymentTaskItem } from '../api/payments-api.js';
import { usePaymentTasks } from '../hooks/usePayments.js';
import { SavedNotice } from './FormOutcome.js';
import { PaymentTasksTable } from './PaymentTasksTable.js';
import { ReconciliationReport } from './ReconciliationReport.js';
import { ResolvePaymentModal } from './ResolvePaymentModal.js';

const PAGE_TITLE = 'Thu phí, lệ phí';

/**
 * /can-bo/thu-phi — for those who collect fees (capability payment.manage): the payments to look at (transfers to
 * confirm, refunds, gateway cases) with their settlement, and the daily reconciliation with the gateways.
 */
export function PaymentTasksPage() {
  usePageTitle(PAGE_TITLE);
  const tasks = usePaymentTasks();
  const [open, setOpen] = useState<PaymentTaskItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [date, setDate] = useState(() => todayInVietnam());
  // The reconciliation reloads too after a task is settled: its mismatches may be the same attempts.
  const [round, setRound] = useState(0);
  const trigger = useRef<HTMLElement | null>(null);
  const items = tasks.data?.items ?? [];

  const openTask = useCallback((item: PaymentTaskItem) => {
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(item);
  }, []);
  const settled = (message: string | null) => {
    setOpen(null);
    if (message) setNotice(message);
    tasks.reload();
    setRound((n) => n + 1);
  };

  return (
    <Stack gap="lg">
      <PageHeading
        title={PAGE_TITLE}
        action={
          <Button variant="outline" onClick={tasks.reload} loading={tasks.loading}>
            Tải lại
          </Button>
        }
      >
        <Text>
          Xác nhận chứng từ chuyển khoản, hoàn trả khoản nộp thừa hoặc sai số tiền, kiểm tra giao dịch cổng thanh toán báo bất thường; đối soát số tiền phải thu
          với số tiền cổng thanh toán xác nhận theo từng ngày.
        </Text>
      </PageHeading>
      <SavedNotice text={notice} onClose={() => setNotice(null)} />
      <Paper withBorder p="md" component="section" aria-labelledby="viec-can-xu-ly">
        <Stack gap="sm">
          <Title order={2} size="h3" id="viec-can-xu-ly">
            Giao dịch cần xử lý{tasks.data ? ` (${items.length})` : ''}
          </Title>
          {tasks.loading && !tasks.data ? <LoadingState label="Đang tải giao dịch cần xử lý…" /> : null}
          {tasks.error ? <ErrorState error={tasks.error} title="Không tải được giao dịch cần xử lý" onRetry={tasks.reload} /> : null}
          {tasks.data && items.length === 0 ? <Text>Không có giao dịch nào cần xử lý.</Text> : null}
          {items.length > 0 ? (
            <PaymentTasksTable items={items} caption="Giao dịch cần kế toán xử lý" captionId="bang-viec-thu-phi" onResolve={openTask} />
          ) : null}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <ReconciliationReport key={round} date={date} onDateChange={setDate} onResolve={openTask} />
      </Paper>
      {open ? (
        <ResolvePaymentModal
          key={open.attempt.id}
          item={open}
          onResolved={settled}
          onStale={() => settled(null)}
          onClose={() => {
            setOpen(null);
            // The modal is unmounted, not closed: give the focus back to the row's button by hand.
            window.setTimeout(() => trigger.current?.focus(), 0);
          }}
        />
      ) : null}
    </Stack>
  );
}
