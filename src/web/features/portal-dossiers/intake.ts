/**
 * The e-form of an online submission asks only what is unknown (issue 20): what the VNeID account and the
 * population registry gave is shown as confirmed data, labelled with where it came from; only the fields nothing
 * filled are inputs. Contact details (phone, e-mail, contact address) start from what is known and stay editable:
 * they are where the office reaches the applicant about this dossier. Pure: no React, no network.
 */
import { APPLICANT_FIELDS, checkEForm, displayDate } from '../../../domain/data-vault/e-form.js';
import type { EFormFieldView, IntakeForm } from '../data-vault/api/data-vault-api.js';
import type { FieldErrors } from './submission-form.js';

/** E-form fields asked in the contact section, prefilled from the account but editable. */
export const CONTACT_KEYS: readonly string[] = ['phone', 'email'];

export type PrefillOrigin = 'registry' | 'account';

export const PREFILL_ORIGIN_TEXT: Record<PrefillOrigin, string> = {
  registry: 'Theo Cơ sở dữ liệu quốc gia về dân cư',
  account: 'Theo tài khoản VNeID',
};

/** Prefill sources that only the account knows; the others come from the registry when it found the person. */
const ACCOUNT_SOURCES: readonly string[] = ['email', 'phone'];
const APPLICANT_KEYS = new Set(APPLICANT_FIELDS.map((f) => f.key));

export interface ConfirmedField {
  key: string;
  label: string;
  /** As sent with the dossier. */
  value: string;
  /** As shown: dates dd/MM/yyyy. */
  display: string;
  origin: PrefillOrigin;
}

export interface IntakeLayout {
  /** Shown as data, not inputs, grouped by origin in the form's order. */
  confirmed: ConfirmedField[];
  /** The applicant's fields nothing filled. */
  applicantInputs: EFormFieldView[];
  /** The procedure's own fields (its declaration), to type. */
  requestInputs: EFormFieldView[];
  /** What the contact inputs start from. */
  contact: { address: string; phone: string; email: string };
}

function originOf(field: EFormFieldView, outcome: IntakeForm['lookup']['outcome']): PrefillOrigin {
  return outcome === 'found' && field.prefill !== undefined && !ACCOUNT_SOURCES.includes(field.prefill) ? 'registry' : 'account';
}

/** A prefilled value the form would refuse is not confirmed: the citizen types it instead. */
function usablePrefill(field: EFormFieldView, value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '' && checkEForm([field], { [field.key]: value }).length === 0;
}

export function intakeLayout(intake: Pick<IntakeForm, 'fields' | 'lookup'>): IntakeLayout {
  const { prefilled, outcome } = intake.lookup;
  const confirmed: ConfirmedField[] = [];
  const applicantInputs: EFormFieldView[] = [];
  const requestInputs: EFormFieldView[] = [];
  for (const field of intake.fields) {
    if (CONTACT_KEYS.includes(field.key)) continue;
    const value = prefilled[field.key];
    if (usablePrefill(field, value)) {
      confirmed.push({
        key: field.key,
        label: field.label,
        value,
        display: field.type === 'date' ? displayDate(value) : value,
        origin: originOf(field, outcome),
      });
    } else if (APPLICANT_KEYS.has(field.key)) applicantInputs.push(field);
    else requestInputs.push(field);
  }
  return {
    confirmed,
    applicantInputs,
    requestInputs,
    contact: {
      address: prefilled.currentAddress?.trim() || prefilled.permanentAddress?.trim() || '',
      phone: prefilled.phone?.trim() ?? '',
      email: prefilled.email?.trim() ?? '',
    },
  };
}

/** "0912 345 678", "+84 912.345.678" → "0912345678", "+84912345678": the e-form's phone without separators. */
export function compactPhone(input: string): string {
  return input.replace(/[\s.\-()]/g, '');
}

/** What the citizen has typed or chosen that the e-form reads. */
export interface TypedValues {
  phone: string;
  email: string;
  /** By field key. */
  fields: Readonly<Record<string, string>>;
}

/** The e-form as sent (formData): confirmed values, then contact and typed ones; only the form's fields, only non-empty. */
export function formValues(intake: Pick<IntakeForm, 'fields' | 'lookup'>, typed: TypedValues): Record<string, string> {
  const confirmed = new Map(intakeLayout(intake).confirmed.map((c) => [c.key, c.value]));
  const out: Record<string, string> = {};
  for (const field of intake.fields) {
    const value =
      field.key === 'phone'
        ? compactPhone(typed.phone)
        : field.key === 'email'
          ? typed.email.trim()
          : (confirmed.get(field.key) ?? (typed.fields[field.key] ?? '').trim());
    if (value !== '') out[field.key] = value;
  }
  return out;
}

/** Field → message for the e-form's problems: `phone` and `email` for the contact inputs, `field:{key}` for the others. */
export function eFormErrors(intake: Pick<IntakeForm, 'fields' | 'lookup'>, typed: TypedValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of checkEForm(intake.fields, formValues(intake, typed))) {
    const key = CONTACT_KEYS.includes(problem.key) ? problem.key : `field:${problem.key}`;
    errors[key] ??= problem.message;
  }
  return errors;
}

/** The VNeID level the procedure needs and the account lacks, said plainly; null when the citizen may submit. */
export function eidLevelProblem(intake: Pick<IntakeForm, 'eidLevel' | 'eidLevel2Required'>): string | null {
  if (!intake.eidLevel2Required || intake.eidLevel === 2) return null;
  const current = intake.eidLevel === null ? 'chưa xác định được mức độ' : `mức độ ${intake.eidLevel}`;
  return (
    `Thủ tục này chỉ nhận hồ sơ trực tuyến từ tài khoản định danh điện tử VNeID mức độ 2; tài khoản bạn đang dùng ${current}. ` +
    'Hãy nâng cấp tài khoản lên mức độ 2 (tại cơ quan Công an nơi cư trú, mang theo thẻ Căn cước) rồi đăng nhập lại, ' +
    'hoặc nộp hồ sơ trực tiếp tại Bộ phận Một cửa.'
  );
}

/** The registry's answer when it could not fill the form (the form goes on with manual entry); null when it did. */
export function registryNotice(lookup: Pick<IntakeForm['lookup'], 'outcome' | 'message'>): string | null {
  return lookup.outcome === 'found' ? null : lookup.message;
}

/** The fields to type, in the order of the form (the applicant's first), with their labels. */
export function typedFieldsInOrder(layout: Pick<IntakeLayout, 'applicantInputs' | 'requestInputs'>): { key: string; label: string }[] {
  return [...layout.applicantInputs, ...layout.requestInputs].map((f) => ({ key: f.key, label: f.label }));
}

/** Select options as the native select lists them, with an empty first choice. */
export function selectOptions(field: Pick<EFormFieldView, 'options'>): { value: string; label: string }[] {
  return [{ value: '', label: '— Chọn —' }, ...(field.options ?? []).map((o) => ({ value: o, label: o }))];
}

/** The e-form's values for the review, beyond the name and contact shown there already: label and value as shown. */
export function reviewedFormFields(intake: Pick<IntakeForm, 'fields' | 'lookup'>, typed: TypedValues): { key: string; label: string; display: string }[] {
  const values = formValues(intake, typed);
  return intake.fields
    .filter((f) => f.key !== 'fullName' && !CONTACT_KEYS.includes(f.key) && values[f.key] !== undefined)
    .map((f) => ({ key: f.key, label: f.label, display: f.type === 'date' ? displayDate(values[f.key]!) : values[f.key]! }));
}
