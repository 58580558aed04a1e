/**
 * The online submission form as data: the draft a citizen types (saved on their device), where the dossier
 * goes, the checks before it is sent, the request body, and the papers met from the data vault. The e-form's
 * own rules (what is prefilled, what is typed) are in intake.ts. Pure: no React, no storage.
 */
import { componentFormLabel, type ProcedureComponent, type ProcedureRecord } from '../../../domain/catalogue/procedure.js';
import { isUnitInForce, type Unit } from '../../../domain/units/unit.js';
import type { OnlineSubmission } from './api/portal-dossiers-api.js';

export interface ComponentChoice {
  /** The citizen declares they provide this paper (themselves, or from their data vault). */
  provided: boolean;
  copies: number;
  /** The document of the citizen's data vault that meets this paper instead of an upload; null: their own paper. */
  vaultDocumentId: string | null;
}

export interface SubmissionDraft {
  /** The competent unit picked (a commune for a commune procedure); null until picked. */
  unitCode: string | null;
  address: string;
  phone: string;
  email: string;
  /** The e-form's fields the citizen typed (those nothing could fill), by field key. */
  fields: Record<string, string>;
  /** By componentKey. */
  components: Record<string, ComponentChoice>;
}

/** What is known before the citizen types anything: contact details from the account, vault documents per componentKey. */
export interface KnownBeforehand {
  contact?: { address: string; phone: string; email: string };
  /** The first one offered is chosen at the start. */
  offers?: Readonly<Record<string, readonly string[]>>;
}

export const MAX_COPIES = 100;
const MAX_ADDRESS = 500;

/** Components may come without a code in older records: fall back to their position. */
export function componentKey(component: Pick<ProcedureComponent, 'code'>, index: number): string {
  return component.code || `#${index + 1}`;
}

function defaultCopies(component: Pick<ProcedureComponent, 'quantity'>): number {
  return Math.min(MAX_COPIES, Math.max(1, Math.floor(component.quantity) || 1));
}

/**
 * A blank form: the contact details known, the vault's first document for each paper it can meet, nothing else
 * declared yet, the catalogue's number of copies.
 */
export function initialDraft(procedure: Pick<ProcedureRecord, 'components'>, known: KnownBeforehand = {}): SubmissionDraft {
  return {
    unitCode: null,
    address: known.contact?.address ?? '',
    phone: known.contact?.phone ?? '',
    email: known.contact?.email ?? '',
    fields: {},
    components: Object.fromEntries(
      procedure.components.map((c, i) => {
        const key = componentKey(c, i);
        const offered = known.offers?.[key]?.[0] ?? null;
        return [key, { provided: offered !== null, copies: defaultCopies(c), vaultDocumentId: offered }];
      }),
    ),
  };
}

// ------------------------------------------------------------------------------------------ where it goes

export type UnitChoice =
  /** One implementing unit: nothing to pick. */
  | { kind: 'fixed'; unitCode: string; name: string }
  /** The citizen picks one: a commune for a commune procedure, or one of the named units. */
  | { kind: 'pick'; label: string; description: string; missing: string; options: { value: string; label: string }[] }
  /** The catalogue names no unit (nothing can be submitted). */
  | { kind: 'none' };

const collator = new Intl.Collator('vi');

export function unitChoice(procedure: Pick<ProcedureRecord, 'level' | 'agency'>, units: readonly Unit[], today: string): UnitChoice {
  const codes = procedure.agency.implementingUnitCodes;
  const byCode = new Map(units.map((u) => [u.code, u]));
  if (codes.length === 1) {
    const code = codes[0]!;
    return { kind: 'fixed', unitCode: code, name: byCode.get(code)?.name ?? code };
  }
  const candidates =
    codes.length > 0
      ? codes.map((c) => byCode.get(c) ?? { code: c, name: c, validFrom: '0000-01-01', validTo: null })
      : procedure.level === 'commune'
        ? units.filter((u) => u.level === 'commune')
        : [];
  const options = candidates
    .filter((u) => isUnitInForce(u, today))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((u) => ({ value: u.code, label: u.name }));
  if (options.length === 0) return { kind: 'none' };
  return codes.length === 0
    ? {
        kind: 'pick',
        label: 'Xã, phường giải quyết hồ sơ',
        description: 'Thường là nơi bạn cư trú hoặc nơi xảy ra sự việc',
        missing: 'Vui lòng chọn xã, phường giải quyết hồ sơ.',
        options,
      }
    : {
        kind: 'pick',
        label: 'Cơ quan giải quyết hồ sơ',
        description: 'Chọn một trong các cơ quan thực hiện thủ tục này',
        missing: 'Vui lòng chọn cơ quan giải quyết hồ sơ.',
        options,
      };
}

/** The unit the dossier is sent to, or null when one must still be picked. */
export function chosenUnit(choice: UnitChoice, draft: Pick<SubmissionDraft, 'unitCode'>): { code: string; name: string } | null {
  if (choice.kind === 'fixed') return { code: choice.unitCode, name: choice.name };
  if (choice.kind === 'pick') {
    const option = choice.options.find((o) => o.value === draft.unitCode);
    return option ? { code: option.value, name: option.label } : null;
  }
  return null;
}

// -------------------------------------------------------------------------------------------------- checks

/** "0912.345.678", "(+84) 912-345-678" → the digits, "+" and single spaces the server accepts. */
export function normalizePhone(input: string): string {
  return input
    .replace(/[.\-()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isValidPhone(phone: string): boolean {
  const digits = phone.replace(/\D/g, '').length;
  return /^\+?[0-9 ]{8,15}$/.test(phone) && digits >= 8 && digits <= 13;
}

export function isValidEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email);
}

export type FieldErrors = Partial<Record<string, string>>;

/**
 * Field → Vietnamese message; empty when the draft can be sent. Component errors are keyed `component:{key}`;
 * `eform` holds the e-form's own problems (intake.ts eFormErrors), which give way to the contact checks here.
 */
export function validateDraft(
  draft: SubmissionDraft,
  procedure: Pick<ProcedureRecord, 'components'>,
  choice: UnitChoice,
  eform: FieldErrors = {},
): FieldErrors {
  const errors: FieldErrors = { ...eform };
  if (choice.kind === 'none') errors.unitCode = 'Thủ tục này chưa công bố cơ quan giải quyết nên chưa nộp trực tuyến được.';
  else if (choice.kind === 'pick' && !chosenUnit(choice, draft)) errors.unitCode = choice.missing;
  const address = draft.address.trim();
  if (!address) errors.address = 'Vui lòng nhập địa chỉ liên hệ.';
  else if (address.length > MAX_ADDRESS) errors.address = `Địa chỉ không quá ${MAX_ADDRESS} ký tự.`;
  const phone = normalizePhone(draft.phone);
  if (!phone) errors.phone = 'Vui lòng nhập số điện thoại để cơ quan giải quyết liên hệ khi cần.';
  else if (!isValidPhone(phone)) errors.phone = 'Số điện thoại không hợp lệ (ví dụ: 0912 345 678).';
  const email = draft.email.trim();
  if (email && !isValidEmail(email)) errors.email = 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.com).';
  procedure.components.forEach((c, i) => {
    const key = componentKey(c, i);
    const choiceOf = draft.components[key];
    if (c.required && !choiceOf?.provided) errors[`component:${key}`] = 'Giấy tờ bắt buộc, hãy chuẩn bị và đánh dấu đã có.';
    else if (choiceOf?.provided && !choiceOf.vaultDocumentId && !(Number.isInteger(choiceOf.copies) && choiceOf.copies >= 1 && choiceOf.copies <= MAX_COPIES)) {
      errors[`component:${key}`] = `Số bản từ 1 đến ${MAX_COPIES}.`;
    }
  });
  return errors;
}

/** "Cần nhập dân tộc" names its field already; "Ngày phải có dạng năm-tháng-ngày" is prefixed with the field's label. */
function named(label: string, message: string): string {
  return message.toLocaleLowerCase('vi').includes(label.toLocaleLowerCase('vi'))
    ? message
    : `${label}: ${message.charAt(0).toLocaleLowerCase('vi')}${message.slice(1)}`;
}

/**
 * The problems in the order of the form, for the summary above it (each entry moves focus to its field).
 * The fields' own messages name them; a paper's message is prefixed with the paper's name. `typed` lists the
 * e-form's inputs in their order (the applicant's fields, then the procedure's own, after the contact fields).
 */
export function errorSummary(
  errors: FieldErrors,
  procedure: Pick<ProcedureRecord, 'components'>,
  typed: readonly { key: string; label: string; applicant?: boolean }[] = [],
): { field: string; text: string }[] {
  const entries: { field: string; text: string }[] = [];
  const push = (field: string, text: (message: string) => string = (m) => m) => {
    const message = errors[field];
    if (message !== undefined) entries.push({ field, text: text(message) });
  };
  push('unitCode');
  for (const f of typed.filter((t) => t.applicant)) push(`field:${f.key}`, (m) => named(f.label, m));
  for (const field of ['address', 'phone', 'email']) push(field);
  for (const f of typed.filter((t) => !t.applicant)) push(`field:${f.key}`, (m) => named(f.label, m));
  procedure.components.forEach((c, i) => push(`component:${componentKey(c, i)}`, (m) => `${c.name}: ${m.charAt(0).toLowerCase()}${m.slice(1)}`));
  return entries;
}

// ------------------------------------------------------------------------------------------------- sending

/** The papers declared as provided, as the server records them; one met from the vault is one electronic copy. */
export function providedComponents(draft: SubmissionDraft, procedure: Pick<ProcedureRecord, 'components'>) {
  return procedure.components.flatMap((c, i) => {
    const choice = draft.components[componentKey(c, i)];
    if (!choice?.provided) return [];
    return [
      choice.vaultDocumentId
        ? { code: c.code, name: c.name, form: 'electronic', copies: 1 }
        : { code: c.code, name: c.name, form: c.form, copies: choice.copies },
    ];
  });
}

/** The papers to meet from the vault once the dossier exists (POST …/files/reuse), in the order of the form. */
export function reuseRequests(draft: SubmissionDraft, procedure: Pick<ProcedureRecord, 'components'>) {
  return procedure.components.flatMap((c, i) => {
    const choice = draft.components[componentKey(c, i)];
    return choice?.provided && choice.vaultDocumentId && c.code
      ? [{ componentCode: c.code, componentName: c.name, vaultDocumentId: choice.vaultDocumentId }]
      : [];
  });
}

/** The Vietnamese name of a component's form (one rule: the domain's). */
export const formLabel = componentFormLabel;

/**
 * POST /api/v1/dossiers. The server takes the name and personal id from the eID account itself; `eform` is the
 * procedure's e-form as filled (intake.ts formValues) and the population-registry lookup that prefilled it.
 */
export function toSubmission(
  draft: SubmissionDraft,
  procedure: Pick<ProcedureRecord, 'code' | 'components'>,
  unitCode: string | null,
  fullName: string,
  eform: { formData: Record<string, string>; populationLookupId: string | null } | null = null,
): OnlineSubmission {
  const email = draft.email.trim();
  return {
    procedureCode: procedure.code,
    channel: 'online',
    unitCode,
    applicant: { fullName, personalId: null, address: draft.address.trim(), phone: normalizePhone(draft.phone), email: email || null },
    components: providedComponents(draft, procedure),
    accept: false,
    ...(eform ? { formData: eform.formData, populationLookupId: eform.populationLookupId } : {}),
  };
}

const FIELD_NAMES: [RegExp, string][] = [
  [/^body\.unitCode/, 'Cơ quan giải quyết'],
  [/^body\.applicant\.address/, 'Địa chỉ liên hệ'],
  [/^body\.applicant\.phone/, 'Số điện thoại'],
  [/^body\.applicant\.email/, 'Thư điện tử'],
  [/^body\.components/, 'Giấy tờ'],
  [/^body\.populationLookupId/, 'Thông tin dân cư'],
];

/** The server's validation details (`[{ path, message }]`) as lines a citizen can read; `labels` names the e-form's fields by key. */
export function serverIssues(details: unknown, labels: Readonly<Record<string, string>> = {}): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    const formKey = typeof path === 'string' ? /^body\.formData\.(.+)$/.exec(path)?.[1] : undefined;
    const name = formKey !== undefined ? (labels[formKey] ?? 'Tờ khai') : typeof path === 'string' ? FIELD_NAMES.find(([re]) => re.test(path))?.[1] : undefined;
    return [name ? `${name}: ${message}` : message];
  });
}

// ------------------------------------------------------------------------------------------------- storage

const DRAFT_VERSION = 1;

/** Drafts are per person and per procedure, so a shared computer never shows one citizen's typing to another. */
export function draftStorageKey(userId: string, procedureCode: string): string {
  return `motcua.nop-ho-so.v${DRAFT_VERSION}.${userId}.${procedureCode}`;
}

/** Drafts kept on the device when the server does not say otherwise (DRAFT_RETENTION_DAYS, Decree 13/2023). */
export const DEFAULT_DRAFT_RETENTION_DAYS = 30;
const DRAFT_PREFIX = 'motcua.nop-ho-so.';

/**
 * The stored drafts to delete: never sent and last saved more than `retentionDays` ago, or unreadable. They hold
 * an address and a phone number on a device that may be shared; kept no longer than needed.
 */
export function expiredDrafts(entries: Iterable<[key: string, value: string | null]>, now: Date, retentionDays: number): string[] {
  const oldest = now.getTime() - retentionDays * 86_400_000;
  const expired: string[] = [];
  for (const [key, value] of entries) {
    if (!key.startsWith(DRAFT_PREFIX)) continue;
    let savedAt = Number.NaN;
    try {
      const parsed = JSON.parse(value ?? '') as { savedAt?: unknown };
      if (typeof parsed.savedAt === 'string') savedAt = Date.parse(parsed.savedAt);
    } catch {
      // unreadable: nothing to restore from it either
    }
    if (!(savedAt >= oldest)) expired.push(key);
  }
  return expired;
}

export function serializeDraft(draft: SubmissionDraft, savedAt: Date = new Date()): string {
  return JSON.stringify({ v: DRAFT_VERSION, savedAt: savedAt.toISOString(), draft });
}

const str = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** A stored paper's choice over the blank one: a vault document only while it is still offered for that paper. */
function storedChoice(stored: unknown, base: ComponentChoice, offered: readonly string[]): ComponentChoice {
  if (typeof stored !== 'object' || stored === null) return base;
  const { provided, copies, vaultDocumentId } = stored as { provided?: unknown; copies?: unknown; vaultDocumentId?: unknown };
  const count = typeof copies === 'number' && Number.isInteger(copies) && copies >= 1 && copies <= MAX_COPIES ? copies : base.copies;
  if (typeof vaultDocumentId === 'string')
    return offered.includes(vaultDocumentId) ? { provided: true, copies: count, vaultDocumentId } : { ...base, copies: count };
  // null: the citizen chose their own paper (or none); absent (a draft from before the vault): a ticked paper is their own.
  if (vaultDocumentId === null || provided === true) return { provided: provided === true, copies: count, vaultDocumentId: null };
  return { ...base, copies: count };
}

/**
 * A stored draft laid over the blank form for the procedure as it is now (`blank`: initialDraft with what is
 * known): unknown fields and papers that are no longer asked for are dropped, missing ones start blank, a vault
 * document no longer offered (`offers`, by componentKey) gives way to the blank choice. Null when nothing usable
 * was stored.
 */
export function parseDraft(
  raw: string | null,
  blank: SubmissionDraft,
  offers: Readonly<Record<string, readonly string[]>> = {},
): { draft: SubmissionDraft; savedAt: string | null } | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { v?: unknown }).v !== DRAFT_VERSION) return null;
  const stored = (parsed as { draft?: unknown }).draft;
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Record<string, unknown>;
  const draft: SubmissionDraft = { ...blank, fields: {}, components: { ...blank.components } };
  draft.unitCode = typeof s.unitCode === 'string' && s.unitCode ? s.unitCode.slice(0, 40) : null;
  if (typeof s.address === 'string') draft.address = str(s.address, 1000);
  if (typeof s.phone === 'string') draft.phone = str(s.phone, 40);
  if (typeof s.email === 'string') draft.email = str(s.email, 320);
  const fields = typeof s.fields === 'object' && s.fields !== null ? Object.entries(s.fields as Record<string, unknown>) : [];
  for (const [key, value] of fields.slice(0, 60)) if (typeof value === 'string' && key.length <= 40) draft.fields[key] = value.slice(0, 5000);
  const components = typeof s.components === 'object' && s.components !== null ? (s.components as Record<string, unknown>) : {};
  for (const key of Object.keys(draft.components)) draft.components[key] = storedChoice(components[key], draft.components[key]!, offers[key] ?? []);
  const savedAt = (parsed as { savedAt?: unknown }).savedAt;
  return { draft, savedAt: typeof savedAt === 'string' ? savedAt : null };
}

/** Whether nothing was typed, ticked or chosen beyond the blank form (`blank`: initialDraft with what is known): not worth keeping. */
export function isBlankDraft(draft: SubmissionDraft, blank: SubmissionDraft): boolean {
  return (
    draft.unitCode === null &&
    draft.address.trim() === blank.address.trim() &&
    draft.phone.trim() === blank.phone.trim() &&
    draft.email.trim() === blank.email.trim() &&
    Object.values(draft.fields).every((v) => !v.trim()) &&
    Object.entries(draft.components).every(([k, c]) => {
      const b = blank.components[k];
      return c.provided === (b?.provided ?? false) && c.copies === b?.copies && c.vaultDocumentId === (b?.vaultDocumentId ?? null);
    })
  );
}
