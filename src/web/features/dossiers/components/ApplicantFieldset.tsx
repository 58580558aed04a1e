import { TextInput } from '@mantine/core';
import type { Ref } from 'react';
import { RegistryLookupRow } from '../../digitization/components/RegistryLookupRow.js';
import { BLOCK_KEYS, fieldMark, markText } from '../../digitization/counter-eform.js';
import type { CounterProvideOnce } from '../../digitization/hooks/useCounterProvideOnce.js';
import type { IntakeErrors, IntakeValues } from '../intake-form.js';

export type ApplicantKey = 'fullName' | 'personalId' | 'address' | 'phone' | 'email';

export const APPLICANT_IDS = {
  fullName: 'nguoi-nop-ho-ten',
  personalId: 'nguoi-nop-dinh-danh',
  address: 'nguoi-nop-dia-chi',
  phone: 'nguoi-nop-dien-thoai',
  email: 'nguoi-nop-email',
} as const satisfies Record<ApplicantKey, string>;

const APPLICANT_FIELDS: readonly {
  key: ApplicantKey;
  label: string;
  required?: boolean;
  inputMode?: 'numeric' | 'tel' | 'email';
  type?: string;
}[] = [
  { key: 'fullName', label: 'Họ và tên người nộp', required: true },
  { key: 'personalId', label: 'Số định danh cá nhân (12 số)', inputMode: 'numeric' },
  { key: 'address', label: 'Địa chỉ (nơi thường trú)' },
  { key: 'phone', label: 'Số điện thoại', inputMode: 'tel', type: 'tel' },
  { key: 'email', label: 'Email', inputMode: 'email', type: 'email' },
];

interface ApplicantFieldsetProps {
  values: IntakeValues;
  errors: IntakeErrors;
  onChange: (key: ApplicantKey, value: string) => void;
  fullNameRef: Ref<HTMLInputElement>;
  provideOnce: CounterProvideOnce;
  procedureChosen: boolean;
  onLookUp: () => void;
}

/**
 * The applicant at the counter: name, number, address, phone, email (in this order for the keyboard), then the
 * date of birth and the population-registry lookup that fills them. A value the registry gave says so.
 */
export function ApplicantFieldset({ values, errors, onChange, fullNameRef, provideOnce, procedureChosen, onLookUp }: ApplicantFieldsetProps) {
  return (
    <fieldset className="dos-fieldset">
      <legend>Người nộp hồ sơ</legend>
      <div className="dos-form-grid">
        {APPLICANT_FIELDS.map((f) => {
          const mark = fieldMark(BLOCK_KEYS[f.key], values[f.key], provideOnce.lookup);
          return (
            <TextInput
              key={f.key}
              id={APPLICANT_IDS[f.key]}
              ref={f.key === 'fullName' ? fullNameRef : undefined}
              label={f.label}
              withAsterisk={f.required ?? false}
              required={f.required ?? false}
              value={values[f.key]}
              onChange={(event) => onChange(f.key, event.currentTarget.value)}
              error={errors[f.key]}
              description={markText(mark)}
              data-mark={mark ?? undefined}
              autoComplete="off"
              {...(f.inputMode ? { inputMode: f.inputMode } : {})}
              {...(f.type ? { type: f.type } : {})}
            />
          );
        })}
      </div>
      <RegistryLookupRow state={provideOnce} enabled={procedureChosen} onLookUp={onLookUp} />
    </fieldset>
  );
}
