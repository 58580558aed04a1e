import { NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import type { EFormField } from '../../../../domain/data-vault/e-form.js';
import { BIRTH_DATE_KEY, eFormInputId, fieldMark, markText } from '../counter-eform.js';
import type { CounterProvideOnce } from '../hooks/useCounterProvideOnce.js';

const INPUT_MODES: Partial<Record<EFormField['type'], 'numeric' | 'tel' | 'email'>> = { personalId: 'numeric', phone: 'tel', email: 'email', date: 'numeric' };

/** One field of the e-form, with its mark when the registry gave its value. */
function EFormInput({ field, state }: { field: EFormField; state: CounterProvideOnce }) {
  const value = state.extras[field.key] ?? '';
  const mark = fieldMark(field.key, value, state.lookup, field.type);
  const common = {
    id: eFormInputId(field.key),
    label: field.label,
    withAsterisk: field.required,
    // Required once the e-form goes with the dossier: said to screen readers too.
    'aria-required': field.required && state.begun ? true : undefined,
    value,
    error: state.extraErrors[field.key],
    description: markText(mark) ?? (field.type === 'date' ? 'dd/mm/yyyy' : undefined),
    'data-mark': mark ?? undefined,
  };
  if (field.type === 'select') {
    return (
      <NativeSelect
        {...common}
        data={[{ value: '', label: '— Chọn —' }, ...(field.options ?? []).map((o) => ({ value: o, label: o }))]}
        onChange={(event) => state.setExtra(field.key, event.currentTarget.value)}
      />
    );
  }
  if (field.type === 'textarea') {
    return <Textarea {...common} autosize minRows={2} maxLength={field.maxLength} onChange={(event) => state.setExtra(field.key, event.currentTarget.value)} />;
  }
  const inputMode = INPUT_MODES[field.type];
  return (
    <TextInput
      {...common}
      autoComplete="off"
      maxLength={field.maxLength}
      {...(inputMode ? { inputMode } : {})}
      {...(field.type === 'email' ? { type: 'email' } : field.type === 'phone' ? { type: 'tel' } : {})}
      onChange={(event) => state.setExtra(field.key, event.currentTarget.value)}
    />
  );
}

/**
 * The procedure's e-form beyond the applicant block: optional at the counter, but once the registry filled it or
 * the desk typed in it, it goes with the dossier and must be complete (the server counts what was typed).
 */
export function CounterEFormFields({ state }: { state: CounterProvideOnce }) {
  const fields = state.fields.filter((f) => f.key !== BIRTH_DATE_KEY);
  if (fields.length === 0) return null;
  return (
    <fieldset className="dos-fieldset" data-testid="counter-eform">
      <legend>Tờ khai điện tử</legend>
      <Text size="sm" mb="xs" data-testid="counter-eform-state">
        {state.begun
          ? 'Tờ khai điện tử được gửi kèm hồ sơ: cần đủ các trường bắt buộc (đánh dấu *), kể cả số điện thoại và ngày sinh ở trên.'
          : 'Không bắt buộc. Khi tra cứu được CSDL dân cư hoặc nhập vào tờ khai, tờ khai được gửi kèm hồ sơ.'}
      </Text>
      <div className="dos-form-grid">
        {fields.map((f) => (
          <EFormInput key={f.key} field={f} state={state} />
        ))}
      </div>
    </fieldset>
  );
}
