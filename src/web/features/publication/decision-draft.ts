/**
 * Drafting a publication decision: the form's state, its checks before sending (with the domain's rules,
 * in Vietnamese), the request body, and the server's problems ("items.2.record.results") put back next
 * to the item they concern.
 */
import { jdnFromIso } from '../../../domain/calendar/civil-date.js';
import { PROCEDURE_CODE_PATTERN } from '../../../domain/catalogue/procedure.js';
import type { DecisionInput, DecisionItem, DecisionItemKind, Problem } from './api/publication-api.js';
import { parseRecordText } from './record-json.js';

export const KIND_LABELS = {
  new: 'Thủ tục mới',
  amended: 'Sửa đổi, bổ sung',
  replaced: 'Thay thế',
  abolished: 'Bãi bỏ',
} as const satisfies Record<DecisionItemKind, string>;

export const STATUS_LABELS: Readonly<Record<string, string>> = { draft: 'Bản nháp', published: 'Đã công bố' };

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

export interface ItemDraft {
  /** Stable React key. */
  key: number;
  kind: DecisionItemKind;
  procedureCode: string;
  /** Only for 'replaced'. */
  replacesCode: string;
  effectiveFrom: string;
  /** '' for none. */
  legalDocumentNumber: string;
  /** The record as JSON text; unused for 'abolished'. */
  recordText: string;
}

export interface DecisionDraft {
  number: string;
  issuedOn: string;
  signer: string;
  unitCode: string | null;
  items: ItemDraft[];
}

export type ItemField = 'procedureCode' | 'replacesCode' | 'effectiveFrom' | 'record';
export type DecisionField = 'number' | 'issuedOn' | 'signer' | 'unitCode' | 'items';

export interface DraftErrors {
  fields: Partial<Record<DecisionField, string>>;
  /** By item index. */
  items: Map<number, Partial<Record<ItemField, string>>>;
}

export function hasDraftErrors(errors: DraftErrors): boolean {
  return Object.keys(errors.fields).length > 0 || errors.items.size > 0;
}

export function needsRecord(kind: DecisionItemKind): boolean {
  return kind !== 'abolished';
}

/** A yyyy-MM-dd that exists in the calendar. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    jdnFromIso(value);
    return true;
  } catch {
    return false;
  }
}

function dateError(value: string, what: string): string | undefined {
  if (value.trim() === '') return `Chọn ${what}.`;
  return isCalendarDate(value) ? undefined : `${what[0]?.toUpperCase()}${what.slice(1)} không hợp lệ.`;
}

function codeError(value: string): string | undefined {
  if (value.trim() === '') return 'Nhập mã thủ tục.';
  return PROCEDURE_CODE_PATTERN.test(value.trim()) ? undefined : 'Mã thủ tục có dạng 1.001234 hoặc 2.001234.';
}

function itemErrors(item: ItemDraft, seen: Set<string>): Partial<Record<ItemField, string>> {
  const errors: Partial<Record<ItemField, string>> = {};
  const code = item.procedureCode.trim();
  const procedureCode = codeError(code) ?? (seen.has(code) ? `Thủ tục ${code} đã có ở mục khác của quyết định.` : undefined);
  if (procedureCode) errors.procedureCode = procedureCode;
  if (item.kind === 'replaced') {
    const replaces =
      codeError(item.replacesCode.trim()) ?? (item.replacesCode.trim() === code ? 'Mã thủ tục bị thay thế phải khác mã thủ tục mới.' : undefined);
    if (replaces) errors.replacesCode = replaces;
  }
  const effective = dateError(item.effectiveFrom, 'ngày có hiệu lực');
  if (effective) errors.effectiveFrom = effective;
  if (needsRecord(item.kind)) {
    const parsed = parseRecordText(item.recordText);
    if (!parsed.ok) errors.record = parsed.syntaxError ?? 'Nội dung thủ tục chưa đúng cấu trúc: xem các lỗi bên dưới.';
    else if (parsed.record.code !== code) errors.record = `Mã trong nội dung (${parsed.record.code}) khác mã thủ tục ${code}.`;
  }
  return errors;
}

/**
 * The request body, or the errors to show first. Completeness (parts a–h, budgets) does not stop a draft:
 * the server keeps it and lists what still blocks publication.
 */
export function buildDecision(draft: DecisionDraft): { input: DecisionInput | null; errors: DraftErrors } {
  const fields: DraftErrors['fields'] = {};
  if (draft.number.trim() === '') fields.number = 'Nhập số quyết định, ví dụ 1234/QĐ-UBND.';
  const issued = dateError(draft.issuedOn, 'ngày ban hành');
  if (issued) fields.issuedOn = issued;
  if (draft.signer.trim() === '') fields.signer = 'Nhập họ tên người ký.';
  if (!draft.unitCode) fields.unitCode = 'Chọn cơ quan ban hành.';
  if (draft.items.length === 0) fields.items = 'Quyết định cần ít nhất một thủ tục.';
  const items = new Map<number, Partial<Record<ItemField, string>>>();
  const seen = new Set<string>();
  draft.items.forEach((item, i) => {
    const errors = itemErrors(item, seen);
    seen.add(item.procedureCode.trim());
    if (Object.keys(errors).length > 0) items.set(i, errors);
  });
  const errors = { fields, items };
  if (hasDraftErrors(errors) || !draft.unitCode) return { input: null, errors };
  return {
    input: {
      number: draft.number.trim(),
      issuedOn: draft.issuedOn,
      signer: draft.signer.trim(),
      unitCode: draft.unitCode,
      items: draft.items.map((item) => toItem(item)),
    },
    errors,
  };
}

function toItem(item: ItemDraft): DecisionItem {
  const parsed = needsRecord(item.kind) ? parseRecordText(item.recordText) : null;
  return {
    kind: item.kind,
    procedureCode: item.procedureCode.trim(),
    replacesCode: item.kind === 'replaced' ? item.replacesCode.trim() : null,
    effectiveFrom: item.effectiveFrom,
    legalDocumentNumber: item.legalDocumentNumber === '' ? null : item.legalDocumentNumber,
    record: parsed?.ok ? parsed.record : null,
  };
}

export interface ItemProblems {
  index: number;
  /** The field inside the item ("record.components"), '' for the item as a whole. */
  messages: { field: string; message: string }[];
}

export interface GroupedProblems {
  /** About the decision itself (its number, the list of items). */
  general: string[];
  items: ItemProblems[];
}

/** Put each problem next to its item: "items.1.record.results" and "body.items.1…" both go to item 1. */
export function groupProblems(problems: readonly Problem[]): GroupedProblems {
  const general: string[] = [];
  const byIndex = new Map<number, ItemProblems>();
  for (const problem of problems) {
    const match = /^(?:body\.)?items\.(\d+)(?:\.(.+))?$/.exec(problem.path);
    if (!match) {
      general.push(problem.message);
      continue;
    }
    const index = Number(match[1]);
    const entry = byIndex.get(index) ?? { index, messages: [] };
    entry.messages.push({ field: match[2] ?? '', message: problem.message });
    byIndex.set(index, entry);
  }
  return { general, items: [...byIndex.values()].sort((a, b) => a.index - b.index) };
}

/** "Mục 2 – 1.001234 (Bãi bỏ)" */
export function itemHeading(index: number, item: { procedureCode: string; kind: DecisionItemKind } | undefined): string {
  if (!item) return `Mục ${index + 1}`;
  return `Mục ${index + 1} – ${item.procedureCode} (${KIND_LABELS[item.kind]})`;
}
