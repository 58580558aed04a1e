import '../payments.css';
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { PaymentReturn } from '../hooks/usePaymentReturn.js';
import { returnMessage } from '../payment-view.js';

/**
 * Back from the gateway: "waiting for the gateway" while the page asks every 2 s, then the attempt's outcome
 * (the gateway's word, not the browser's, decides it); focused when the outcome is known.
 */
export function PaymentReturnNotice({ state }: { state: PaymentReturn }) {
  const { progress, checkAgain } = state;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (progress.kind !== 'waiting') ref.current?.focus();
  }, [progress.kind]);

  if (progress.kind === 'waiting') {
    return (
      <Alert color="govBlue" variant="light" role="status" data-testid="payment-return">
        <Group gap="sm" wrap="nowrap">
          <Loader size="sm" aria-hidden="true" />
          <Text size="sm">Đang chờ cổng thanh toán xác nhận…</Text>
        </Group>
      </Alert>
    );
  }
  if (progress.kind === 'timedOut') {
    return (
      <Alert
        ref={ref}
        tabIndex={-1}
        className="pay-focus-target"
        color="govBlue"
        variant="light"
        role="status"
        title="Chưa có kết quả thanh toán"
        data-testid="payment-return"
      >
        <Text size="sm">
          Cổng thanh toán chưa gửi kết quả. Nếu tài khoản của bạn đã bị trừ tiền, hệ thống sẽ tự ghi nhận khi cổng thanh toán xác nhận; vui lòng không thanh
          toán lại trước khi có kết quả.
        </Text>
        <Button size="xs" variant="outline" mt="sm" onClick={checkAgain}>
          Kiểm tra lại
        </Button>
      </Alert>
    );
  }
  const { attempt } = progress;
  const message = returnMessage(attempt);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      className="pay-focus-target"
      color={message.good ? 'govBlue' : 'govRed'}
      variant="light"
      role={message.good ? 'status' : 'alert'}
      title={`Kết quả thanh toán: ${attempt.statusLabel}`}
      data-testid="payment-return"
    >
      <Text size="sm">{message.text}</Text>
    </Alert>
  );
}
