import '../payments.css';
import { Button, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { formatVnd } from '../../../../domain/payment/fees.js';
import { PAYMENT_METHOD_LABELS } from '../../../../domain/payment/payment.js';
import { recordDeskPayment } from '../api/payments-api.js';
import { useMutation } from '../hooks/usePayments.js';
import { buildDeskBody, emptyDeskValues, type DeskValues } from '../payment-forms.js';
import { FormError } from './FormOutcome.js';

const METHODS = ['cash', 'transfer'] as const satisfies readonly DeskValues['method'][];

/** "Ghi nhận đã thu": cash taken at the desk, or a bank transfer's proof, to be confirmed by an accountant. */
export function DeskPaymentForm({ dossierId, amount, onSaved }: { dossierId: string; amount: number; onSaved: (message: string) => void }) {
  const [values, setValues] = useState<DeskValues>(emptyDeskValues);
  const [noteError, setNoteError] = useState<string | undefined>();
  const record = useMutation(recordDeskPayment);
  const name = useId();
  const transfer = values.method === 'transfer';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = buildDeskBody(values);
    if (!built.ok) {
      setNoteError(built.errors.note);
      return;
    }
    setNoteError(undefined);
    const saved = await record.run(dossierId, built.body);
    if (!saved.ok) return;
    onSaved(
      transfer
        ? `Đã ghi nhận chứng từ chuyển khoản ${formatVnd(amount)}; khoản phí được tính là đã nộp khi kế toán xác nhận.`
        : `Đã ghi nhận thu tiền mặt ${formatVnd(amount)}.`,
    );
    setValues(emptyDeskValues());
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${name}-title`} data-testid="desk-payment-form">
      <Stack gap="sm">
        <Text fw={700} id={`${name}-title`}>
          Ghi nhận đã thu {formatVnd(amount)}
        </Text>
        <fieldset className="pay-fieldset">
          <legend>Hình thức nộp</legend>
          <Stack gap="xs" mt={4}>
            {METHODS.map((method) => (
              <Radio
                key={method}
                name={`${name}-method`}
                value={method}
                label={PAYMENT_METHOD_LABELS[method]}
                checked={values.method === method}
                onChange={() => {
                  setValues((v) => ({ ...v, method }));
                  setNoteError(undefined);
                }}
              />
            ))}
          </Stack>
        </fieldset>
        <TextInput
          label={transfer ? 'Số chứng từ, nội dung chuyển khoản' : 'Ghi chú (không bắt buộc)'}
          description={transfer ? 'Kế toán đối chiếu với sao kê ngân hàng trước khi xác nhận.' : undefined}
          withAsterisk={transfer}
          maxLength={500}
          value={values.note}
          error={noteError}
          onChange={(e) => {
            const note = e.currentTarget.value;
            setValues((v) => ({ ...v, note }));
          }}
        />
        <FormError error={record.error} title="Chưa ghi nhận được" />
        <Button type="submit" loading={record.pending} style={{ alignSelf: 'flex-start' }}>
          Ghi nhận đã thu
        </Button>
      </Stack>
    </form>
  );
}
