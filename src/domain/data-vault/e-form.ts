/**
 * E-forms that ask only what is unknown (issue 20): a procedure's form is a declared schema of fields, each with
 * its type, validation and, where one exists, the source that can fill it (the population registry, or the eID
 * account). Prefilled fields are shown as confirmed data, not as inputs; the dossier keeps how many fields the
 * form declared and how many the applicant had to type. Pure; shared with the web app.
 */
import type { RegistryAddress, RegistryCitizen } from './exchange.js';
import { personalIdProblem } from './personal-id.js';

export const EFORM_FIELD_TYPES = ['text', 'textarea', 'date', 'personalId', 'phone', 'email', 'select'] as const;
export type EFormFieldType = (typeof EFORM_FIELD_TYPES)[number];

/** What a registry answer or the account can fill. */
export const PREFILL_SOURCES = ['fullName', 'personalId', 'birthDate', 'gender', 'ethnicity', 'permanentAddress', 'currentAddress', 'email', 'phone'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

export interface EFormField {
  key: string;
  label: string;
  type: EFormFieldType;
  required: boolean;
  maxLength?: number;
  options?: string[];
  /** Filled from the population registry (identity, addresses) or the eID account (email, phone). */
  prefill?: PrefillSource;
}

/** The applicant's block every form starts with. */
export const APPLICANT_FIELDS: readonly EFormField[] = [
  { key: 'fullName', label: 'Họ, chữ đệm và tên', type: 'text', required: true, maxLength: 200, prefill: 'fullName' },
  { key: 'personalId', label: 'Số định danh cá nhân', type: 'personalId', required: true, prefill: 'personalId' },
  { key: 'birthDate', label: 'Ngày, tháng, năm sinh', type: 'date', required: true, prefill: 'birthDate' },
  { key: 'gender', label: 'Giới tính', type: 'select', required: true, options: ['Nam', 'Nữ'], prefill: 'gender' },
  { key: 'ethnicity', label: 'Dân tộc', type: 'text', required: false, maxLength: 50, prefill: 'ethnicity' },
  { key: 'permanentAddress', label: 'Nơi thường trú', type: 'text', required: true, maxLength: 300, prefill: 'permanentAddress' },
  { key: 'currentAddress', label: 'Nơi ở hiện tại', type: 'text', required: false, maxLength: 300, prefill: 'currentAddress' },
  { key: 'phone', label: 'Số điện thoại', type: 'phone', required: true, prefill: 'phone' },
  { key: 'email', label: 'Thư điện tử', type: 'email', required: false, maxLength: 200, prefill: 'email' },
];

/** The procedure's own fields when the catalogue declares none. */
export const DEFAULT_REQUEST_FIELDS: readonly EFormField[] = [
  { key: 'request', label: 'Nội dung đề nghị', type: 'textarea', required: false, maxLength: 2000 },
];

/** The whole form of a procedure: the applicant's block, then the procedure's declared fields. */
export function eFormOf(record: { eForm?: readonly EFormField[] | null }): EFormField[] {
  const own = record.eForm && record.eForm.length > 0 ? record.eForm : DEFAULT_REQUEST_FIELDS;
  return [...APPLICANT_FIELDS, ...own.filter((f) => !APPLICANT_FIELDS.some((a) => a.key === f.key))];
}

/** An address of the registry on one line. */
export const addressLine = (a: RegistryAddress | null): string | null => (a && a.detail.trim() !== '' ? a.detail.trim() : null);

/** yyyy-mm-dd → dd/MM/yyyy; a year alone stays as it is. */
export const displayDate = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

export interface PrefillData {
  citizen: RegistryCitizen | null;
  account: { email: string | null; phone: string | null } | null;
}

/** The value a source gives, or null. */
export function prefillValue(source: PrefillSource, data: PrefillData): string | null {
  const c = data.citizen;
  switch (source) {
    case 'fullName':
      return c?.fullName ?? null;
    case 'personalId':
      return c?.personalId ?? null;
    case 'birthDate':
      return c?.birthDate ?? null;
    case 'gender':
      return c?.gender ?? null;
    case 'ethnicity':
      return c?.ethnicity ?? null;
    case 'permanentAddress':
      return addressLine(c?.permanentAddress ?? null);
    case 'currentAddress':
      return addressLine(c?.currentAddress ?? null) ?? addressLine(c?.permanentAddress ?? null);
    case 'email':
      return data.account?.email ?? null;
    case 'phone':
      return data.account?.phone ?? null;
  }
}

/** The prefilled values of a form: field key → value, only where a source gave one. */
export function prefill(fields: readonly EFormField[], data: PrefillData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = f.prefill ? prefillValue(f.prefill, data) : null;
    if (v !== null && v !== '') out[f.key] = v;
  }
  return out;
}

export interface EFormProblem {
  key: string;
  message: string;
}

/** What is wrong with a filled form (the prefilled values included), in Vietnamese; empty when it can be sent. */
export function checkEForm(fields: readonly EFormField[], values: Readonly<Record<string, string>>): EFormProblem[] {
  const out: EFormProblem[] = [];
  for (const f of fields) {
    const v = (values[f.key] ?? '').trim();
    if (v === '') {
      if (f.required) out.push({ key: f.key, message: `Cần nhập ${f.label.toLowerCase()}` });
      continue;
    }
    if (f.maxLength !== undefined && v.length > f.maxLength) out.push({ key: f.key, message: `${f.label} dài tối đa ${f.maxLength} ký tự` });
    const problem =
      f.type === 'personalId'
        ? personalIdProblem(v)
        : f.type === 'date' && !/^\d{4}(-\d{2}-\d{2})?$/.test(v)
          ? 'Ngày phải có dạng năm-tháng-ngày'
          : f.type === 'phone' && !/^(\+84|0)\d{9,10}$/.test(v.replace(/[\s.]/g, ''))
            ? 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0'
            : f.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)
              ? 'Thư điện tử không đúng định dạng'
              : f.type === 'select' && f.options && !f.options.includes(v)
                ? `Chọn một trong: ${f.options.join(', ')}`
                : null;
    if (problem) out.push({ key: f.key, message: problem });
  }
  for (const key of Object.keys(values)) if (!fields.some((f) => f.key === key)) out.push({ key, message: 'Biểu mẫu không có trường này' });
  return out;
}

const same = (a: string, b: string) =>
  a.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ') === b.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');

/**
 * The fields where what was sent differs from what a source gave: the registry and the applicant disagree, and
 * the officer is told. A prefilled field sent back unchanged is not typed; one changed by the applicant is both
 * typed and a mismatch.
 */
export function mismatches(fields: readonly EFormField[], prefilled: Readonly<Record<string, string>>, values: Readonly<Record<string, string>>) {
  return fields
    .filter((f) => prefilled[f.key] !== undefined && values[f.key] !== undefined && !same(prefilled[f.key]!, values[f.key]!))
    .map((f) => ({ key: f.key, label: f.label, registry: prefilled[f.key]!, typed: values[f.key]! }));
}

/** How many fields the applicant had to type: those with a value that no source gave as it is. */
export function typedCount(fields: readonly EFormField[], prefilled: Readonly<Record<string, string>>, values: Readonly<Record<string, string>>): number {
  return fields.filter((f) => (values[f.key] ?? '').trim() !== '' && (prefilled[f.key] === undefined || !same(prefilled[f.key]!, values[f.key]!))).length;
}
