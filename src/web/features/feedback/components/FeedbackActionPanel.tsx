import '../../portal-dossiers/portal-dossiers.css';
import { Button, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Unit } from '../../../../domain/units/unit.js';
import { ProblemList } from '../../../shared/components/ProblemList.js';
import { UnitSelect } from '../../calendar/components/UnitSelect.js';
import type { ProcedureField } from '../../catalogue/api/catalogue-api.js';
import type { FeedbackCommand, FeedbackCommandType, FeedbackDetail } from '../api/feedback-api.js';
import {
  ACTION_FIELDS,
  buildCommand,
  EMPTY_ACTION,
  ENDING_ACTIONS,
  initialActionValues,
  KIND_OPTIONS,
  offeredActions,
  REASON_LABELS,
  type ActionErrors,
  type ActionField,
  type ActionValues,
} from '../feedback-actions.js';
import { ACTION_LABELS } from '../feedback-view.js';

const fieldId = (field: ActionField) => `pakn-tt-${field}`;

interface ActionFormProps {
  type: FeedbackCommandType;
  item: FeedbackDetail;
  units: readonly Unit[];
  fields: readonly ProcedureField[];
  pending: boolean;
  /** The server's problems on this form's fields, and the others. */
  serverErrors: ActionErrors;
  onSubmit: (command: FeedbackCommand) => void;
  onCancel: () => void;
}

/** The fields one action needs: kind and procedure, the unit and why, the answer, a reason. */
function ActionForm({ type, item, units, fields, pending, serverErrors, onSubmit, onCancel }: ActionFormProps) {
  const [values, setValues] = useState<ActionValues>(() => initialActionValues(type, item));
  const [errors, setErrors] = useState<ActionErrors>({});
  const shown: ActionErrors = { ...errors, ...serverErrors };
  const wanted = ACTION_FIELDS[type];
  const set = (patch: Partial<ActionValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors({});
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = buildCommand(type, values, item.seq);
    if (!built.ok) {
      setErrors(built.errors);
      const first = wanted.find((f) => built.errors[f]);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    onSubmit(built.command);
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={ACTION_LABELS[type]} data-testid="action-form">
      <fieldset className="pd-fieldset">
        <legend>{ACTION_LABELS[type]}</legend>
        <Stack gap="sm">
          {wanted.includes('kind') ? (
            <NativeSelect
              id={fieldId('kind')}
              label="Loại phản ánh"
              value={values.kind}
              onChange={(e) => set({ kind: e.currentTarget.value as ActionValues['kind'] })}
              data={[{ value: '', label: 'Chọn loại phản ánh' }, ...KIND_OPTIONS]}
              required
              error={shown.kind}
            />
          ) : null}
          {wanted.includes('procedureCode') ? (
            <TextInput
              id={fieldId('procedureCode')}
              label="Mã thủ tục hành chính liên quan (không bắt buộc)"
              value={values.procedureCode}
              onChange={(e) => set({ procedureCode: e.currentTarget.value })}
              maxLength={40}
              autoComplete="off"
              error={shown.procedureCode}
              maw={360}
            />
          ) : null}
          {wanted.includes('fieldCode') ? (
            <NativeSelect
              id={fieldId('fieldCode')}
              label="Lĩnh vực (không bắt buộc)"
              description="Để trống: theo lĩnh vực của thủ tục"
              value={values.fieldCode ?? ''}
              onChange={(e) => set({ fieldCode: e.currentTarget.value || null })}
              data={[{ value: '', label: 'Theo thủ tục' }, ...fields.map((f) => ({ value: f.code, label: f.name }))]}
              error={shown.fieldCode}
            />
          ) : null}
          {wanted.includes('toUnitCode') ? (
            <div>
              <UnitSelect
                id={fieldId('toUnitCode')}
                label="Đơn vị nhận xử lý"
                units={units}
                value={values.toUnitCode}
                onChange={(toUnitCode) => set({ toUnitCode })}
                placeholder="Gõ để tìm đơn vị"
              />
              <ProblemList problems={shown.toUnitCode ? [shown.toUnitCode] : []} />
            </div>
          ) : null}
          {wanted.includes('to') ? (
            <TextInput
              id={fieldId('to')}
              label="Cơ quan nhận (bộ, ngành, tỉnh khác)"
              value={values.to}
              onChange={(e) => set({ to: e.currentTarget.value })}
              maxLength={300}
              required
              error={shown.to}
            />
          ) : null}
          {wanted.includes('answer') ? (
            <Textarea
              id={fieldId('answer')}
              label="Nội dung trả lời"
              description="Trả lời được lãnh đạo duyệt trước khi công khai; không ghi thông tin cá nhân của người phản ánh."
              value={values.answer}
              onChange={(e) => set({ answer: e.currentTarget.value })}
              autosize
              minRows={8}
              maxLength={20_000}
              required
              error={shown.answer}
            />
          ) : null}
          {wanted.includes('reason') ? (
            <Textarea
              id={fieldId('reason')}
              label={REASON_LABELS[type] ?? 'Lý do'}
              value={values.reason}
              onChange={(e) => set({ reason: e.currentTarget.value })}
              autosize
              minRows={3}
              maxLength={2000}
              required
              error={shown.reason}
            />
          ) : null}
          <Group gap="sm">
            <Button type="submit" loading={pending} color={ENDING_ACTIONS.has(type) ? 'govRed' : undefined}>
              Xác nhận: {ACTION_LABELS[type].toLowerCase()}
            </Button>
            <Button variant="subtle" onClick={onCancel} disabled={pending}>
              Hủy
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}

interface FeedbackActionPanelProps {
  item: FeedbackDetail;
  units: readonly Unit[];
  fields: readonly ProcedureField[];
  pending: boolean;
  serverErrors: ActionErrors;
  onAct: (command: FeedbackCommand) => void;
  /** The action whose form is open; null: none. */
  open: FeedbackCommandType | null;
  onOpen: (type: FeedbackCommandType | null) => void;
}

/** The actions the server offers on the item, as buttons; one that needs more opens its form below the buttons. */
export function FeedbackActionPanel({ item, units, fields, pending, serverErrors, onAct, open, onOpen }: FeedbackActionPanelProps) {
  const actions = offeredActions(item.availableActions);
  return (
    <Stack gap="sm" component="section" aria-labelledby="pakn-thao-tac">
      <Title order={2} size="h3" id="pakn-thao-tac">
        Thao tác
      </Title>
      {actions.length === 0 ? <Text>Không có thao tác nào ở trạng thái hiện tại.</Text> : null}
      <Group gap="sm" data-testid="feedback-actions">
        {actions.map((a) => (
          <Button
            key={a.type}
            variant={open === a.type ? 'filled' : 'outline'}
            color={ENDING_ACTIONS.has(a.type) ? 'govRed' : undefined}
            aria-expanded={a.needsForm ? open === a.type : undefined}
            loading={pending && !a.needsForm}
            disabled={pending}
            onClick={() => {
              if (a.needsForm) return onOpen(open === a.type ? null : a.type);
              const built = buildCommand(a.type, EMPTY_ACTION, item.seq);
              if (built.ok) onAct(built.command);
            }}
          >
            {a.label}
          </Button>
        ))}
      </Group>
      {open ? (
        <ActionForm
          key={`${open}-${item.seq}`}
          type={open}
          item={item}
          units={units}
          fields={fields}
          pending={pending}
          serverErrors={serverErrors}
          onSubmit={onAct}
          onCancel={() => onOpen(null)}
        />
      ) : null}
    </Stack>
  );
}
