import '../payments.css';
import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { FEE_KIND_LABELS, FEE_MOMENT_LABELS, formatVnd } from '../../../../domain/payment/fees.js';
import { addFeeLine, type FeeLine } from '../api/payments-api.js';
import { useMutation } from '../hooks/usePayments.js';
import { adjustableLines, buildFeeLineBody, emptyFeeLineValues, MAX_AMOUNT, valuesReplacing, type FeeLineField, type FeeLineValues } from '../payment-forms.js';
import { FormError } from './FormOutcome.js';

const NEW_LINE = '';
const KIND_OPTIONS = (Object.keys(FEE_KIND_LABELS) as FeeLineValues['kind'][]).map((value) => ({ value, label: FEE_KIND_LABELS[value] }));
const MOMENT_OPTIONS = (Object.keys(FEE_MOMENT_LABELS) as FeeLineValues['moment'][]).map((value) => ({ value, label: FEE_MOMENT_LABELS[value] }));

/** "Thêm hoặc điều chỉnh khoản thu": a new line, or a replacement of one not yet paid; the reason goes to the dossier's log. */
export function FeeLineForm({ dossierId, lines, onSaved }: { dossierId: string; lines: readonly FeeLine[]; onSaved: (message: string) => void }) {
  const [values, setValues] = useState<FeeLineValues>(emptyFeeLineValues);
  const [errors, setErrors] = useState<Partial<Record<FeeLineField, string>>>({});
  const save = useMutation(addFeeLine);
  const id = useId();
  const adjustable = adjustableLines(lines);
  const set = <K extends keyof FeeLineValues>(key: K, value: FeeLineValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (key in errors) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = buildFeeLineBody(values);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    const saved = await save.run(dossierId, built.body);
    if (!saved.ok) return;
    onSaved(
      built.body.replaces
        ? `Đã điều chỉnh khoản thu thành “${built.body.name}”: ${formatVnd(built.body.amount)}.`
        : `Đã thêm khoản thu “${built.body.name}”: ${formatVnd(built.body.amount)}.`,
    );
    setValues(emptyFeeLineValues());
  }

  return (
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void onSubmit(e);
      }}
      data-testid="fee-line-form"
    >
      <Stack gap="sm">
        <Text size="sm">Khoản đã nộp không điều chỉnh được. Nhập 0 đồng để miễn một khoản. Lý do được ghi vào nhật ký hồ sơ.</Text>
        <NativeSelect
          id={`${id}-replaces`}
          label="Khoản muốn điều chỉnh"
          value={values.replaces}
          data={[
            { value: NEW_LINE, label: '— Thêm khoản mới —' },
            ...adjustable.map((l) => ({ value: l.id, label: `Điều chỉnh: ${l.name} (${formatVnd(l.amount)})` })),
          ]}
          onChange={(e) => {
            const chosen = e.currentTarget.value;
            setValues((v) =>
              valuesReplacing(
                v,
                adjustable.find((l) => l.id === chosen),
              ),
            );
            setErrors({});
          }}
        />
        <TextInput
          label="Tên khoản thu"
          withAsterisk
          maxLength={300}
          value={values.name}
          error={errors.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect label="Loại" value={values.kind} data={KIND_OPTIONS} onChange={(e) => set('kind', e.currentTarget.value as FeeLineValues['kind'])} />
          <NumberInput
            label="Số tiền (đồng)"
            withAsterisk
            min={0}
            max={MAX_AMOUNT}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            hideControls
            inputMode="numeric"
            value={values.amount}
            error={errors.amount}
            onChange={(value) => set('amount', value)}
          />
          <NativeSelect
            label="Thời điểm thu"
            value={values.moment}
            data={MOMENT_OPTIONS}
            onChange={(e) => set('moment', e.currentTarget.value as FeeLineValues['moment'])}
          />
        </SimpleGrid>
        <Textarea
          label="Lý do, căn cứ"
          description="Ví dụ: số, ngày văn bản quy định mức thu; lý do miễn, giảm."
          withAsterisk
          autosize
          minRows={2}
          maxRows={6}
          maxLength={1000}
          value={values.reason}
          error={errors.reason}
          onChange={(e) => set('reason', e.currentTarget.value)}
        />
        <FormError error={save.error} title="Chưa lưu được khoản thu" />
        <Group gap="sm">
          <Button type="submit" loading={save.pending}>
            {values.replaces === NEW_LINE ? 'Thêm khoản thu' : 'Lưu điều chỉnh'}
          </Button>
          <Text size="xs" c="dimmed">
            Ctrl + Enter để lưu
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
