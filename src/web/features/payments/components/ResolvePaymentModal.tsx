import '../payments.css';
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatVnd } from '../../../../domain/payment/fees.js';
import { resolvePayment, type PaymentTaskItem, type Resolution } from '../api/payments-api.js';
import { useMutation } from '../hooks/usePayments.js';
import { buildResolveBody, RESOLUTION_LABELS, resolutionsFor } from '../payment-forms.js';
import { FormError } from './FormOutcome.js';

interface ResolvePaymentModalProps {
  item: PaymentTaskItem;
  onResolved: (message: string) => void;
  /** 409: the attempt changed since the list was read; reload the list. */
  onStale: () => void;
  onClose: () => void;
}

/** Settle one task: confirm or reject a transfer, record a refund, or mark a case checked; a note is required. */
export function ResolvePaymentModal({ item, onResolved, onStale, onClose }: ResolvePaymentModalProps) {
  const { attempt } = item;
  const options = resolutionsFor(attempt);
  const [resolution, setResolution] = useState<Resolution | ''>(options.length === 1 ? (options[0] ?? '') : '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'resolution' | 'note', string>>>({});
  const resolve = useMutation(resolvePayment);
  const stale = resolve.error?.code === 'PAYMENT_STATE_CHANGED' || resolve.error?.status === 409;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = buildResolveBody({ resolution, note }, item.version);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    const done = await resolve.run(attempt.id, built.body);
    if (done.ok) onResolved(`Đã ghi nhận “${RESOLUTION_LABELS[built.body.resolution]}” cho giao dịch ${attempt.reference} của hồ sơ ${item.dossierCode}.`);
  }

  return (
    <Modal opened onClose={onClose} title={`Xử lý giao dịch của hồ sơ ${item.dossierCode}`} centered size="lg" closeButtonProps={{ 'aria-label': 'Đóng' }}>
      <form
        noValidate
        onSubmit={(e) => void onSubmit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void onSubmit(e);
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            {attempt.methodLabel}, {formatVnd(attempt.amount)}, mã giao dịch <span className="break-anywhere">{attempt.reference}</span>: {attempt.statusLabel}.
            {attempt.taskLabel ? ` ${attempt.taskLabel}.` : ''}
          </Text>
          <Radio.Group label="Cách xử lý" withAsterisk value={resolution} onChange={(v) => setResolution(v as Resolution)} error={errors.resolution}>
            <Stack gap="xs" mt={4}>
              {options.map((o, i) => (
                <Radio key={o} value={o} label={RESOLUTION_LABELS[o]} {...(i === 0 ? { 'data-autofocus': true } : {})} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Ghi chú"
            description="Số chứng từ, kết quả kiểm tra với ngân hàng hoặc cổng thanh toán, lý do."
            withAsterisk
            autosize
            minRows={2}
            maxRows={6}
            maxLength={500}
            value={note}
            error={errors.note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {stale ? (
            <Alert color="govRed" variant="light" role="alert" title="Chưa ghi nhận được">
              {resolve.error?.message}
              <Button size="compact-sm" variant="subtle" ml="xs" onClick={onStale}>
                Tải lại danh sách
              </Button>
            </Alert>
          ) : (
            <FormError error={resolve.error} title="Chưa ghi nhận được" />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button type="submit" loading={resolve.pending}>
              Ghi nhận xử lý
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
