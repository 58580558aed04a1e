/**
 * "Provide once" at counter intake (issue 20): the registry lookup that fills the applicant's block from the
 * national population database, the procedure's e-form typed at the desk (what the applicant block does not
 * already ask), which fields came from the registry and which the desk changed, and what goes with the intake
 * request (formData, populationLookupId, intakeStartedAt). Pure: no React, no network.
 */
import type { ProcedureRecord } from '../../../domain/catalogue/procedure.js';
import { checkEForm, displayDate, eFormOf, type EFormField } from '../../../domain/data-vault/e-form.js';
import { personalIdProblem } from '../../../domain/data-vault/personal-id.js';
import type { LookupBody, LookupOutcome } from './api/provide-once-api.js';

/** The applicant's block of the counter form (IntakeValues has these and more). */
export interface ApplicantBlock {
  fullName: string;
  personalId: string;
  address: string;
  phone: string;
  email: string;
}

/** Each input of the applicant block and the e-form field it stands for: the address given is the permanent one. */
export const BLOCK_KEYS = {
  fullName: 'fullName',
  personalId: 'personalId',
  address: 'permanentAddress',
  phone: 'phone',
  email: 'email',
} as const satisfies Record<keyof ApplicantBlock, string>;
export type BlockField = keyof typeof BLOCK_KEYS;

const BLOCK_FIELD_OF: Record<string, BlockField> = Object.fromEntries(Object.entries(BLOCK_KEYS).map(([field, key]) => [key, field as BlockField]));

/** Values of the e-form fields outside the block, by field key, as typed (dates as dd/MM/yyyy). */
export type EFormValues = Record<string, string>;

/** A lookup as the form keeps it: the answer, and the number and procedure it was made for. */
export interface RegistryLookup {
  lookupId: string | null;
  outcome: LookupOutcome;
  message: string;
  prefilled: Record<string, string>;
  personalId: string;
  procedureCode: string;
}

export const BIRTH_DATE_KEY = 'birthDate';
export const REGISTRY_MARK = 'Theo CSDL quốc gia về dân cư';
export const CHANGED_MARK = 'Đã sửa, khác CSDL quốc gia về dân cư';

/** The e-form fields the counter form asks besides the applicant block, the date of birth first. */
export function counterEFormFields(record: Pick<ProcedureRecord, 'eForm'>): EFormField[] {
  const all = eFormOf(record);
  const birth = all.filter((f) => f.key === BIRTH_DATE_KEY);
  return [...birth, ...all.filter((f) => f.key !== BIRTH_DATE_KEY && BLOCK_FIELD_OF[f.key] === undefined)];
}

const digits = (text: string) => text.replace(/\s/g, '');
const normal = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');

/** dd/MM/yyyy (or d/M/yyyy, yyyy-MM-dd) → yyyy-MM-dd; a year alone stays a year; '' → ''; null when it is no date. */
export function parseFormDate(text: string): string | null {
  const t = text.trim();
  if (t === '') return '';
  if (/^\d{4}$/.test(t)) return t;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const parts = dmy ? [dmy[1], dmy[2], dmy[3]] : ymd ? [ymd[3], ymd[2], ymd[1]] : null;
  if (!parts) return null;
  const [day, month, year] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DATE_PROBLEM = 'Nhập ngày dạng ngày/tháng/năm, ví dụ 03/09/1992 (ngày sinh có thể chỉ ghi năm).';

export type LookupFieldErrors = Partial<Record<'fullName' | 'personalId' | typeof BIRTH_DATE_KEY, string>>;

/** The lookup request from what the desk typed, or what is missing, in Vietnamese. */
export function lookupRequest(
  block: ApplicantBlock,
  birthDate: string,
  procedureCode: string,
): { ok: true; body: LookupBody } | { ok: false; errors: LookupFieldErrors } {
  const errors: LookupFieldErrors = {};
  const personalId = digits(block.personalId);
  const fullName = block.fullName.trim();
  const birth = parseFormDate(birthDate);
  if (personalId === '') errors.personalId = 'Nhập số định danh cá nhân để tra cứu.';
  else if (personalIdProblem(personalId)) errors.personalId = `${personalIdProblem(personalId)}.`;
  if (fullName === '') errors.fullName = 'Nhập họ và tên để tra cứu.';
  if (birth === '') errors.birthDate = 'Nhập ngày sinh (hoặc năm sinh) để tra cứu.';
  else if (birth === null) errors.birthDate = DATE_PROBLEM;
  if (Object.keys(errors).length > 0 || !birth) return { ok: false, errors };
  return { ok: true, body: { personalId, fullName, birthDate: birth, procedureCode } };
}

/** The block and e-form filled with what the registry gave (only when it found the person); the rest as typed. */
export function applyLookup(block: ApplicantBlock, extras: EFormValues, lookup: RegistryLookup): { block: ApplicantBlock; extras: EFormValues } {
  if (lookup.outcome !== 'found') return { block, extras };
  const nextBlock = { ...block };
  const nextExtras = { ...extras };
  for (const [key, value] of Object.entries(lookup.prefilled)) {
    const field = BLOCK_FIELD_OF[key];
    if (field) nextBlock[field] = value;
    else nextExtras[key] = key === BIRTH_DATE_KEY ? displayDate(value) : value;
  }
  return { block: nextBlock, extras: nextExtras };
}

/** Whether a field's value is the registry's ('registry'), was changed from it ('changed'), or the registry gave none (null). */
export function fieldMark(key: string, value: string, lookup: RegistryLookup | null, type?: EFormField['type']): 'registry' | 'changed' | null {
  if (!lookup || lookup.outcome !== 'found') return null;
  const given = lookup.prefilled[key];
  if (given === undefined) return null;
  const typed = type === 'date' || key === BIRTH_DATE_KEY ? (parseFormDate(value) ?? value) : key === 'personalId' ? digits(value) : value;
  return normal(typed) === normal(given) ? 'registry' : 'changed';
}

/** The words under a field for its mark. */
export function markText(mark: 'registry' | 'changed' | null): string | undefined {
  return mark === 'registry' ? REGISTRY_MARK : mark === 'changed' ? CHANGED_MARK : undefined;
}

/** Whether the lookup is still about this applicant and procedure (else the server would refuse its id). */
export function lookupApplies(lookup: RegistryLookup | null, personalId: string, procedureCode: string | null): lookup is RegistryLookup {
  return lookup !== null && lookup.lookupId !== null && lookup.personalId === digits(personalId) && lookup.procedureCode === procedureCode;
}

/**
 * The e-form goes with the dossier once it is begun: the registry filled it, or the desk typed one of its own
 * fields (the date of birth typed only to look the person up does not count). Then it must be complete.
 */
export function eFormBegun(fields: readonly EFormField[], extras: EFormValues, lookup: RegistryLookup | null): boolean {
  if (lookup?.outcome === 'found' && Object.keys(lookup.prefilled).length > 0) return true;
  return fields.some((f) => f.key !== BIRTH_DATE_KEY && (extras[f.key] ?? '').trim() !== '');
}

/** The values as the server takes them: by e-form key, dates as yyyy-MM-dd, empty values left out. */
export function formDataOf(fields: readonly EFormField[], block: ApplicantBlock, extras: EFormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(BLOCK_KEYS)) {
    const value = field === 'personalId' ? digits(block.personalId) : block[field as BlockField].trim();
    if (value !== '') out[key] = value;
  }
  for (const f of fields) {
    const raw = (extras[f.key] ?? '').trim();
    if (raw === '') continue;
    out[f.key] = f.type === 'date' ? (parseFormDate(raw) ?? raw) : f.type === 'personalId' ? digits(raw) : raw;
  }
  return out;
}

export interface EFormCheck {
  /** Problems on the applicant block's inputs. */
  block: Partial<Record<BlockField, string>>;
  /** Problems on the e-form's own inputs, by field key. */
  extras: Record<string, string>;
}

/** What is wrong with the e-form as the server would check it, on the input where the desk can fix it. */
export function checkCounterEForm(record: Pick<ProcedureRecord, 'eForm'>, block: ApplicantBlock, extras: EFormValues): EFormCheck {
  const fields = counterEFormFields(record);
  const result: EFormCheck = { block: {}, extras: {} };
  for (const f of fields) {
    if (f.type === 'date' && parseFormDate(extras[f.key] ?? '') === null) result.extras[f.key] = DATE_PROBLEM;
  }
  for (const problem of checkEForm(eFormOf(record), formDataOf(fields, block, extras))) {
    const field = BLOCK_FIELD_OF[problem.key];
    const message = `${problem.message}.`;
    if (field) result.block[field] ??= message;
    else result.extras[problem.key] ??= message;
  }
  return result;
}

export function hasEFormProblems(check: EFormCheck): boolean {
  return Object.keys(check.block).length > 0 || Object.keys(check.extras).length > 0;
}

/** The id of the input of an e-form field on the counter form. */
export function eFormInputId(key: string): string {
  return key === BIRTH_DATE_KEY ? 'nguoi-nop-ngay-sinh' : `to-khai-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
