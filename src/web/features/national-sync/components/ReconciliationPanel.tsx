import '../national-sync.css';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '../../payments/components/FormOutcome.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { reconcileNow, type PortalReconciliation } from '../api/national-sync-api.js';
import { reconciliationCounts, reconciliationLine } from '../sync-view.js';

interface ReconciliationPanelProps {
  last: PortalReconciliation | null;
  /** Offers "Đối soát ngay" (administrators). */
  canRun: boolean;
  /** After a run: the report reloads (its last reconciliation and queue changed). */
  onRun: () => void;
}

/**
 * Reconciliation with the portal (TraCuuHoSo): when it last ran and what it found; administrators run one now and
 * read what it found and sent again, or why it could not run.
 */
export function ReconciliationPanel({ last, canRun, onRun }: ReconciliationPanelProps) {
  const reconcile = useMutation(reconcileNow);
  const [result, setResult] = useState<PortalReconciliation | null>(null);

  const run = async () => {
    setResult(null);
    const outcome = await reconcile.run();
    if (outcome.ok) {
      setResult(outcome.value);
      onRun();
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="doi-soat-cong">
      <Title order={2} size="h3" id="doi-soat-cong">
        Đối soát với Cổng
      </Title>
      <Text size="sm" data-testid="last-reconciliation">
        {reconciliationLine(last)}
      </Text>
      {canRun ? (
        <div className="ns-actions">
          <Button onClick={() => void run()} loading={reconcile.pending}>
            Đối soát ngay
          </Button>
          <Text size="sm" c="dimmed">
            Tra cứu trên Cổng các hồ sơ đã được xác nhận và gửi lại hồ sơ Cổng không có hoặc có bản cũ.
          </Text>
        </div>
      ) : null}
      <div aria-live="polite">
        {result ? (
          <Alert
            color={result.error ? 'govRed' : 'govBlue'}
            variant="light"
            title={result.error ? 'Đối soát chưa hoàn tất' : 'Đã đối soát xong'}
            data-testid="reconciliation-result"
          >
            Kết quả: {reconciliationCounts(result)}.{result.error ? ` Lỗi: ${result.error}` : ''}
          </Alert>
        ) : null}
      </div>
      <FormError error={reconcile.error} title="Không đối soát được" />
    </Stack>
  );
}
