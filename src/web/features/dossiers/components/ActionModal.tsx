import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ACTION_LABELS, type ActionType } from '../../../../domain/dossier/dossier.js';
import type { ApiError } from '../../../shared/api.js';
import { transferRecipientsPath, type Dossier, type TransferRecipients } from '../api/dossiers-api.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import {
  actionFields,
  buildActionBody,
  defaultReturnMethod,
  defaultTransferStep,
  dossierTransferTargets,
  emptyActionValues,
  isSecondSupplement,
  SECOND_SUPPLEMENT_WARNING,
  isoToLocalInput,
  localInputToIso,
  type ActionErrors,
  type ActionFormValues,
} from '../action-forms.js';
import { formatAppointment, formatBudget, formatDeadline, stepRoleLabel } from '../dossier-format.js';
import type { Attempt } from '../hooks/useDossierAction.js';
import { templatesFor } from '../response-templates.js';
import type { ActionBody } from '../api/dossiers-api.js';
import { ReturnMethodField } from './ReturnMethodField.js';
import { ServerErrorDetails } from './ServerErrorDetails.js';

interface ActionModalProps {
  type: ActionType;
  dossier: Dossier;
  unitName: (code: string) => string;
  pending: boolean;
  error: ApiError | null;
  onSubmit: (body: ActionBody) => Promise<Attempt>;
  onClose: () => void;
}

const REASON_LABELS: Partial<Record<ActionType, string>> = {
  refuse: 'Lý do từ chối tiếp nhận',
  requestSupplementAtReception: 'Nội dung hướng dẫn bổ sung',
  requestSupplement: 'Lý do yêu cầu bổ sung',
  reject: 'Lý do từ chối giải quyết',
  withdraw: 'Lý do rút hồ sơ',
  stop: 'Lý do dừng xử lý',
  apologize: 'Lý do chậm trả kết quả',
  recomputeDue: 'Lý do tính lại ngày hẹn',
};

/** The typed date in words, whatever the browser's own date format: "Thứ Năm, 26/11/2026 lúc 10:00". */
function newAppointmentPreview(value: string): string {
  const iso = localInputToIso(value);
  return iso ? `Hẹn trả mới: ${formatAppointment(iso)} (giờ Việt Nam)` : 'Theo giờ Việt Nam.';
}

function initialValues(type: ActionType, dossier: Dossier): ActionFormValues {
  if (type === 'transfer') return emptyActionValues({ toStep: defaultTransferStep(dossierTransferTargets(dossier)) });
  if (type === 'returnResult') return emptyActionValues({ method: defaultReturnMethod(dossier.channel) });
  return emptyActionValues();
}

/** The small form of an action with fields: canned reasons, documents, step, date, method. */
export function ActionModal({ type, dossier, unitName, pending, error, onSubmit, onClose }: ActionModalProps) {
  const fields = actionFields(type);
  const [values, setValues] = useState<ActionFormValues>(() => initialValues(type, dossier));
  const [errors, setErrors] = useState<ActionErrors>({});
  const templates = templatesFor(type);
  const set = <K extends keyof ActionFormValues>(key: K, value: ActionFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const currentIndex = dossier.currentStep?.index ?? null;
  const targets = dossierTransferTargets(dossier);
  const secondSupplement = type === 'requestSupplement' && isSecondSupplement(dossier);
  // The officials who may receive it at the chosen step (asked only for a transfer with a step chosen).
  const recipients = useApiQuery<TransferRecipients>(
    fields.includes('toOfficialId') && values.toStep !== '' ? transferRecipientsPath(dossier.id, Number(values.toStep)) : null,
  );

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const result = buildActionBody(type, values, {
      expectedSeq: dossier.seq,
      currentStepIndex: currentIndex,
      stepCount: dossier.template.length,
      transferTargets: targets,
      secondSupplement,
      appointmentAt: dossier.appointmentAt,
    });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const attempt = await onSubmit(result.body);
    if (attempt === 'done' || attempt === 'stale') onClose();
  }

  return (
    <Modal opened onClose={onClose} title={`${ACTION_LABELS[type]} – hồ sơ ${dossier.code}`} centered size="lg" closeButtonProps={{ 'aria-label': 'Đóng' }}>
      <form
        noValidate
        onSubmit={(event) => void submit(event)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
        }}
      >
        <Stack gap="md">
          {templates.length > 0 ? (
            <NativeSelect
              label="Chọn nội dung mẫu"
              description={
                fields.includes('items') ? 'Điền sẵn lý do và giấy tờ cần bổ sung; có thể sửa trước khi gửi.' : 'Điền sẵn lý do; có thể sửa trước khi gửi.'
              }
              data={[{ value: '', label: '— Không dùng mẫu —' }, ...templates.map((t, i) => ({ value: String(i), label: t.reason }))]}
              onChange={(event) => {
                const template = templates[Number(event.currentTarget.value)];
                if (!event.currentTarget.value || !template) return;
                setValues((v) => ({ ...v, reason: template.reason, items: template.items ? template.items.join('\n') : v.items }));
              }}
              data-autofocus
            />
          ) : null}
          {fields.includes('reason') ? (
            <Textarea
              label={REASON_LABELS[type] ?? 'Lý do'}
              withAsterisk
              autosize
              minRows={2}
              maxRows={6}
              value={values.reason}
              onChange={(event) => set('reason', event.currentTarget.value)}
              error={errors.reason}
              {...(templates.length === 0 ? { 'data-autofocus': true } : {})}
            />
          ) : null}
          {fields.includes('items') ? (
            <Textarea
              label="Giấy tờ cần bổ sung"
              description="Mỗi dòng một giấy tờ; người nộp được hướng dẫn bổ sung một lần, đầy đủ."
              withAsterisk
              autosize
              minRows={2}
              maxRows={8}
              value={values.items}
              onChange={(event) => set('items', event.currentTarget.value)}
              error={errors.items}
            />
          ) : null}
          {fields.includes('toStep') ? (
            <Radio.Group
              label="Chuyển đến bước"
              withAsterisk
              value={values.toStep}
              onChange={(v) => setValues((prev) => ({ ...prev, toStep: v, toOfficialId: '' }))}
              error={errors.toStep}
            >
              <Stack gap="xs" mt={6}>
                {dossier.template
                  .filter((step) => targets.includes(step.index))
                  .map((step) => (
                    <Radio
                      key={step.index}
                      value={String(step.index)}
                      label={`Bước ${step.index + 1}: ${step.name}`}
                      description={`${unitName(step.unitCode)} · ${stepRoleLabel(step.role)} · ${formatBudget(step.budgetMinutes)}${step.interAgency ? ' · liên thông' : ''}`}
                      {...(step.index === Number(values.toStep) ? { 'data-autofocus': true } : {})}
                    />
                  ))}
              </Stack>
            </Radio.Group>
          ) : null}
          {fields.includes('toOfficialId') && values.toStep !== '' ? (
            <NativeSelect
              label="Cán bộ nhận hồ sơ"
              description={recipients.error ? recipients.error.message : 'Để trống: hồ sơ vào hàng đợi của đơn vị, cán bộ của bước nhận xử lý.'}
              value={values.toOfficialId}
              onChange={(event) => set('toOfficialId', event.currentTarget.value)}
              disabled={recipients.loading}
              data={[
                { value: '', label: '— Chuyển vào hàng đợi của đơn vị —' },
                ...(recipients.data?.officials ?? []).map((o) => ({ value: o.id, label: `${o.fullName} (${o.username})` })),
              ]}
            />
          ) : null}
          {secondSupplement ? (
            <Alert color="govRed" variant="light" title="Yêu cầu bổ sung lần thứ hai" data-testid="second-supplement-warning">
              <Stack gap="xs">
                <Text size="sm">{SECOND_SUPPLEMENT_WARNING}</Text>
                <Checkbox
                  label="Tôi đã biết hồ sơ sẽ bị tính là quá hạn"
                  checked={values.acknowledgeLate}
                  onChange={(event) => set('acknowledgeLate', event.currentTarget.checked)}
                  error={errors.acknowledgeLate}
                />
              </Stack>
            </Alert>
          ) : null}
          {fields.includes('amount') ? (
            <TextInput
              label="Số tiền phí, lệ phí (đồng)"
              withAsterisk
              inputMode="numeric"
              value={values.amount}
              onChange={(event) => set('amount', event.currentTarget.value)}
              error={errors.amount}
              data-autofocus
            />
          ) : null}
          {fields.includes('method') ? <ReturnMethodField value={values.method} onChange={(method) => set('method', method)} error={errors.method} /> : null}
          {fields.includes('newAppointmentAt') ? (
            <Stack gap={4}>
              <Text size="sm">
                Hạn giải quyết (không thay đổi): {dossier.dueAt ? formatDeadline(dossier.dueAt) : '—'}. Ngày hẹn hiện tại:{' '}
                {dossier.appointmentAt ? formatDeadline(dossier.appointmentAt) : '—'}.
              </Text>
              <TextInput
                type="datetime-local"
                label="Ngày, giờ hẹn trả mới"
                description={newAppointmentPreview(values.newAppointmentAt)}
                withAsterisk
                value={values.newAppointmentAt}
                min={dossier.appointmentAt ? isoToLocalInput(dossier.appointmentAt) : undefined}
                onChange={(event) => set('newAppointmentAt', event.currentTarget.value)}
                error={errors.newAppointmentAt}
              />
            </Stack>
          ) : null}
          {fields.includes('note') ? (
            <Textarea
              label="Ghi chú (không bắt buộc)"
              autosize
              minRows={2}
              maxRows={6}
              value={values.note}
              onChange={(event) => set('note', event.currentTarget.value)}
              error={errors.note}
              {...(fields.length === 1 ? { 'data-autofocus': true } : {})}
            />
          ) : null}
          {error ? (
            <Alert color="govRed" variant="light" title="Chưa thực hiện được" role="alert" data-testid="action-error">
              <Text size="sm">{error.message}</Text>
              <ServerErrorDetails details={error.details} />
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={pending}>
              Hủy
            </Button>
            <Button type="submit" loading={pending}>
              {ACTION_LABELS[type]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
