import '../payments.css';
import { Alert, Button, Radio, Stack, Text } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { formatVnd } from '../../../../domain/payment/fees.js';
import { startPayment, type OnlineProvider, type PaymentProvider } from '../api/payments-api.js';
import { useMutation } from '../hooks/usePayments.js';

interface OnlinePaymentFormProps {
  dossierId: string;
  amount: number;
  providers: readonly PaymentProvider[];
}

/** The applicant picks a gateway and is sent to its page to pay what is due now; the gateway sends them back here. */
export function OnlinePaymentForm({ dossierId, amount, providers }: OnlinePaymentFormProps) {
  const [provider, setProvider] = useState<OnlineProvider | ''>(providers[0]?.provider ?? '');
  const [leaving, setLeaving] = useState(false);
  const start = useMutation(startPayment);
  const name = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (provider === '' || leaving) return;
    const started = await start.run(dossierId, { provider });
    if (!started.ok) return;
    setLeaving(true);
    window.location.assign(started.value.redirectUrl);
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} data-testid="online-payment-form">
      <Stack gap="sm">
        <fieldset className="pay-fieldset">
          <legend>Chọn cổng thanh toán</legend>
          <Stack gap="xs" mt={4}>
            {providers.map((p) => (
              <Radio
                key={p.provider}
                name={name}
                value={p.provider}
                label={p.label}
                checked={provider === p.provider}
                onChange={() => {
                  setProvider(p.provider);
                  start.reset();
                }}
              />
            ))}
          </Stack>
        </fieldset>
        <Text size="sm">Bạn sẽ được chuyển sang trang của cổng thanh toán; sau khi thanh toán, cổng thanh toán đưa bạn trở lại trang hồ sơ này.</Text>
        {start.error ? (
          <Alert color="govRed" variant="light" role="alert" title="Chưa bắt đầu thanh toán được">
            {start.error.message}
          </Alert>
        ) : null}
        {leaving ? (
          <Text size="sm" role="status">
            Đang chuyển sang cổng thanh toán…
          </Text>
        ) : null}
        <Button type="submit" loading={start.pending || leaving} disabled={provider === ''} style={{ alignSelf: 'flex-start' }} data-testid="pay-online">
          Thanh toán trực tuyến {formatVnd(amount)}
        </Button>
      </Stack>
    </form>
  );
}
