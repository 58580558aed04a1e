import { Alert, Anchor, Button, Group, List, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProcedureRecord } from '../../../../domain/catalogue/procedure.js';
import { normalizeForSearch } from '../../../shared/format.js';
import { formatInstant } from '../dossier-format.js';
import type { DraftState } from '../hooks/useSubmissionDraft.js';
import { ATTACHMENTS_NOT_SAVED, type Attachment, type Attachments } from '../../../shared/attachments.js';
import { errorSummary, validateDraft, type FieldErrors, type SubmissionDraft, type UnitChoice } from '../submission-form.js';
import { eFormErrors, registryNotice, type IntakeLayout } from '../intake.js';
import type { IntakeForm, VaultDocument } from '../../data-vault/api/data-vault-api.js';
import { ComponentsChecklist, componentFieldId } from './ComponentsChecklist.js';
import { ConfirmedFacts, eFormFieldId, EFormInput } from './EFormFields.js';

interface SubmissionFormProps {
  procedure: ProcedureRecord;
  choice: UnitChoice;
  draftState: DraftState;
  /** The procedure's e-form, prefilled, and how it is laid out (intake.ts). */
  intake: IntakeForm;
  layout: IntakeLayout;
  /** The citizen's vault documents that can meet a paper, by componentKey. */
  offered: Readonly<Record<string, readonly VaultDocument[]>>;
  /** Why the vault could not be asked (the national portal's, or the citizen's own), if so. */
  vaultNotice: string | null;
  onContinue: () => void;
  attachments: Attachments;
  onAttachmentsChange: (key: string, attachments: Attachment[]) => void;
}

const FIELD_IDS: Record<string, string> = { unitCode: 'don-vi-giai-quyet', address: 'dia-chi', phone: 'dien-thoai', email: 'thu-dien-tu' };

function fieldId(field: string): string {
  if (field.startsWith('component:')) return componentFieldId(field.slice('component:'.length));
  if (field.startsWith('field:')) return eFormFieldId(field.slice('field:'.length));
  return FIELD_IDS[field] ?? field;
}

function check(draft: SubmissionDraft, procedure: ProcedureRecord, choice: UnitChoice, intake: IntakeForm): FieldErrors {
  return validateDraft(draft, procedure, choice, eFormErrors(intake, draft));
}

/** Step 1: where the dossier goes, who applies (what is known shown, the rest asked), how to reach them, and the papers. */
export function SubmissionForm(props: SubmissionFormProps) {
  const { procedure, choice, draftState, intake, layout, offered, vaultNotice, onContinue, attachments, onAttachmentsChange } = props;
  const { draft, update, clear, restoredFrom } = draftState;
  const [checked, setChecked] = useState(false);
  // Bumped on each refused "continue", so the summary takes focus again even when it was already shown.
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors: FieldErrors = checked ? check(draft, procedure, choice, intake) : {};
  const typedOrder = [...layout.applicantInputs.map((f) => ({ ...f, applicant: true })), ...layout.requestInputs];
  const summary = errorSummary(errors, procedure, typedOrder);
  const notice = registryNotice(intake.lookup);
  const setField = (key: string, value: string) => update((d) => ({ ...d, fields: { ...d.fields, [key]: value } }));

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(check(draft, procedure, choice, intake)).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    onContinue();
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Khai thông tin hồ sơ">
      <Stack gap="lg">
        {restoredFrom ? (
          <Alert color="govBlue" variant="light" title="Đã khôi phục bản nháp">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">Thông tin bạn nhập lần trước (lưu lúc {formatInstant(restoredFrom)}) đã được điền lại.</Text>
              <Button size="xs" variant="outline" onClick={clear}>
                Xoá bản nháp, nhập lại từ đầu
              </Button>
            </Stack>
          </Alert>
        ) : null}
        {summary.length > 0 ? (
          <Alert
            ref={summaryRef}
            tabIndex={-1}
            className="pd-focus-target"
            color="govRed"
            variant="light"
            title="Hồ sơ chưa đủ thông tin"
            role="alert"
            data-testid="error-summary"
          >
            <Stack gap="xs">
              <Text size="sm">Vui lòng kiểm tra {summary.length} mục sau:</Text>
              <List size="sm" spacing={4}>
                {summary.map((entry) => (
                  <List.Item key={entry.field}>
                    <Anchor
                      href={`#${fieldId(entry.field)}`}
                      size="sm"
                      c="govRed.9"
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(fieldId(entry.field))?.focus();
                      }}
                    >
                      {entry.text}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        ) : null}

        <fieldset className="pd-fieldset">
          <legend>Cơ quan giải quyết</legend>
          {choice.kind === 'pick' ? (
            <Select
              id={FIELD_IDS.unitCode}
              label={choice.label}
              description={choice.description}
              placeholder="Gõ tên xã, phường để tìm"
              data={choice.options}
              value={draft.unitCode}
              onChange={(value) => update((d) => ({ ...d, unitCode: value }))}
              searchable
              clearable
              required
              nothingFoundMessage="Không tìm thấy đơn vị"
              filter={({ options, search }) => {
                const needle = normalizeForSearch(search);
                return options.filter((o) => !('group' in o) && normalizeForSearch(`${o.label} ${o.value}`).includes(needle));
              }}
              clearButtonProps={{ 'aria-label': 'Bỏ chọn' }}
              comboboxProps={{ withinPortal: true }}
              // The list itself scrolls (not a wrapper), so that it is known as the combobox's popup.
              withScrollArea={false}
              classNames={{ options: 'pd-combobox-options' }}
              error={errors.unitCode}
            />
          ) : choice.kind === 'fixed' ? (
            <Text data-testid="fixed-unit">
              Hồ sơ được gửi tới <strong>{choice.name}</strong>.
            </Text>
          ) : (
            <Alert color="govRed" variant="light">
              {errors.unitCode ?? 'Thủ tục này chưa công bố cơ quan giải quyết nên chưa nộp trực tuyến được.'}
            </Alert>
          )}
        </fieldset>

        <fieldset className="pd-fieldset">
          <legend>Người nộp hồ sơ</legend>
          <Stack gap="md">
            {notice ? (
              <Alert color="govBlue" variant="light" title="Chưa lấy được thông tin từ Cơ sở dữ liệu quốc gia về dân cư" data-testid="registry-notice">
                <Text size="sm">{notice}</Text>
                <Text size="sm" mt={4}>
                  Bạn vẫn nộp hồ sơ bình thường: vui lòng nhập các thông tin còn thiếu dưới đây.
                </Text>
              </Alert>
            ) : null}
            <ConfirmedFacts confirmed={layout.confirmed} />
            {layout.applicantInputs.map((f) => (
              <EFormInput key={f.key} field={f} value={draft.fields[f.key] ?? ''} onChange={(v) => setField(f.key, v)} error={errors[`field:${f.key}`]} />
            ))}
          </Stack>
        </fieldset>

        <fieldset className="pd-fieldset">
          <legend>Liên hệ về hồ sơ</legend>
          <Stack gap="sm">
            <Text size="sm">Cơ quan giải quyết liên hệ với bạn theo thông tin này. Thông tin đã có sẵn được điền trước; bạn có thể sửa.</Text>
            <Textarea
              id={FIELD_IDS.address}
              label="Địa chỉ liên hệ"
              description="Số nhà, đường, thôn/tổ dân phố, xã/phường"
              value={draft.address}
              onChange={(event) => {
                const value = event.currentTarget.value;
                update((d) => ({ ...d, address: value }));
              }}
              autoComplete="street-address"
              autosize
              minRows={2}
              maxLength={500}
              required
              error={errors.address}
            />
            <TextInput
              id={FIELD_IDS.phone}
              type="tel"
              label="Số điện thoại"
              value={draft.phone}
              onChange={(event) => {
                const value = event.currentTarget.value;
                update((d) => ({ ...d, phone: value }));
              }}
              autoComplete="tel"
              inputMode="tel"
              required
              error={errors.phone}
              maw={320}
            />
            <TextInput
              id={FIELD_IDS.email}
              type="email"
              label="Thư điện tử (không bắt buộc)"
              description="Để nhận thông báo về hồ sơ; để trống thì dùng thư điện tử của tài khoản định danh (nếu có)"
              value={draft.email}
              onChange={(event) => {
                const value = event.currentTarget.value;
                update((d) => ({ ...d, email: value }));
              }}
              autoComplete="email"
              error={errors.email}
              maw={420}
            />
          </Stack>
        </fieldset>

        {layout.requestInputs.length > 0 ? (
          <fieldset className="pd-fieldset">
            <legend>Nội dung tờ khai</legend>
            <Stack gap="sm">
              {layout.requestInputs.map((f) => (
                <EFormInput key={f.key} field={f} value={draft.fields[f.key] ?? ''} onChange={(v) => setField(f.key, v)} error={errors[`field:${f.key}`]} />
              ))}
            </Stack>
          </fieldset>
        ) : null}

        <fieldset className="pd-fieldset">
          <legend>Giấy tờ trong hồ sơ</legend>
          <Stack gap="sm">
            <Text size="sm">
              Đánh dấu các giấy tờ bạn đã chuẩn bị và số bản. Giấy tờ bắt buộc phải có đủ. Bạn có thể đính kèm bản điện tử (PDF, PNG hoặc JPEG, mỗi tệp tối đa
              10 MB) của từng giấy tờ; tệp được gửi ngay sau khi hồ sơ được nộp.
            </Text>
            <Text size="sm" fw={600} data-testid="attachments-not-saved">
              {ATTACHMENTS_NOT_SAVED}.
            </Text>
            {vaultNotice ? (
              <Alert color="govBlue" variant="light" data-testid="vault-notice">
                {vaultNotice}
              </Alert>
            ) : null}
            <ComponentsChecklist
              components={procedure.components}
              choices={draft.components}
              errors={errors}
              onChange={(key, value) => update((d) => ({ ...d, components: { ...d.components, [key]: value } }))}
              attachments={attachments}
              onAttachmentsChange={onAttachmentsChange}
              offered={offered}
            />
          </Stack>
        </fieldset>

        <Text size="sm" c="dimmed">
          Thông tin bạn nhập được tự động lưu tạm trên thiết bị này cho đến khi nộp hồ sơ (trừ tệp đính kèm: {ATTACHMENTS_NOT_SAVED.toLowerCase()}).
        </Text>
        <Group gap="sm">
          <Button type="submit" size="md">
            Tiếp tục: kiểm tra hồ sơ
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
