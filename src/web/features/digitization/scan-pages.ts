/**
 * Digitizing a paper component at the desk (issue 20; TT 01/2023/TT-VPCP): the scanner's pages in their order
 * (one PDF, or images added one by one that the server makes one PDF of), what paper they were scanned from,
 * until when the paper is valid, and the desk's statement that the copy matches it; checked here before the
 * request is built. Pure: no React, no network (reading a file is left to the caller).
 */
import { checkAttachment, formatFileSize, type AttachmentType } from '../../shared/attachments.js';
import type { DigitizedFrom, DigitizeRequest } from './api/provide-once-api.js';
import { parseFormDate } from './counter-eform.js';

/** The server's limits (DigitizeBody, DOSSIER_FILE_MAX_BYTES): 30 pages, a signed PDF of 10 MB. */
export const SCAN_MAX_PAGES = 30;
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

type FileLike = Pick<File, 'name' | 'type' | 'size'>;

export interface ScanPage<F extends FileLike = File> {
  /** Local id. */
  id: string;
  file: F;
  contentType: AttachmentType;
}

export const DIGITIZED_FROM_OPTIONS = ['original', 'certifiedCopy', 'copy'] as const satisfies readonly DigitizedFrom[];

export const DIGITIZED_FROM_LABELS = {
  original: 'Bản chính',
  certifiedCopy: 'Bản sao có chứng thực',
  copy: 'Bản chụp',
} as const satisfies Record<DigitizedFrom, string>;

/** The pages with the files picked added at the end, or the reasons some were not. A PDF stands alone. */
export function addPages<F extends FileLike>(
  pages: readonly ScanPage<F>[],
  picked: readonly { id: string; file: F }[],
): { pages: ScanPage<F>[]; problems: string[] } {
  const next = [...pages];
  const problems: string[] = [];
  for (const { id, file } of picked) {
    const check = checkAttachment(file);
    if (!check.ok) {
      problems.push(check.message);
      continue;
    }
    const isPdf = check.contentType === 'application/pdf';
    if (isPdf ? next.length > 0 : next.some((p) => p.contentType === 'application/pdf')) {
      problems.push(`Tệp "${file.name}" không được thêm: chọn một tệp PDF, hoặc nhiều ảnh PNG, JPEG (không trộn PDF với ảnh).`);
      continue;
    }
    if (next.length >= SCAN_MAX_PAGES) {
      problems.push(`Tệp "${file.name}" không được thêm: tối đa ${SCAN_MAX_PAGES} trang quét.`);
      continue;
    }
    next.push({ id, file, contentType: check.contentType });
  }
  return { pages: next, problems };
}

/** The pages with the one at `index` moved by `delta` (−1 earlier, +1 later); unchanged at the ends. */
export function movePage<P>(pages: readonly P[], index: number, delta: -1 | 1): P[] {
  const target = index + delta;
  if (index < 0 || index >= pages.length || target < 0 || target >= pages.length) return [...pages];
  const next = [...pages];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function removePage<P extends { id: string }>(pages: readonly P[], id: string): P[] {
  return pages.filter((p) => p.id !== id);
}

/** "Trang 2/3: to-khai-2.png (PNG · 12 KB)". */
export function pageLabel(page: ScanPage<FileLike>, index: number, count: number): string {
  const type = page.contentType === 'application/pdf' ? 'PDF' : page.contentType === 'image/png' ? 'PNG' : 'JPEG';
  const where = page.contentType === 'application/pdf' ? 'Tệp PDF' : `Trang ${index + 1}/${count}`;
  return `${where}: ${page.file.name} (${type} · ${formatFileSize(page.file.size)})`;
}

export interface DigitizeValues {
  componentCode: string;
  from: DigitizedFrom | '';
  /** dd/MM/yyyy, or '' for a paper without an end. */
  validUntil: string;
  matchesOriginal: boolean;
}

export type DigitizeField = 'componentCode' | 'pages' | 'from' | 'validUntil' | 'matchesOriginal';
export type DigitizeErrors = Partial<Record<DigitizeField, string>>;

/** Every problem at once, in Vietnamese, or the request without its pages' bytes (read by the caller). */
export function checkDigitize(
  values: DigitizeValues,
  pages: readonly ScanPage<FileLike>[],
  today: string,
): { ok: true; body: Omit<DigitizeRequest, 'pages'> } | { ok: false; errors: DigitizeErrors } {
  const errors: DigitizeErrors = {};
  if (values.componentCode === '') errors.componentCode = 'Chọn thành phần hồ sơ được số hóa.';
  if (pages.length === 0) errors.pages = 'Thêm trang quét: một tệp PDF hoặc ảnh PNG, JPEG của từng trang.';
  else if (pages.reduce((n, p) => n + p.file.size, 0) > SCAN_MAX_BYTES) errors.pages = 'Tổng dung lượng các trang quét không quá 10 MB.';
  if (values.from === '') errors.from = 'Chọn loại giấy tờ đã quét.';
  const validUntil = parseFormDate(values.validUntil);
  if (validUntil === null || (validUntil !== '' && validUntil.length !== 10)) errors.validUntil = 'Nhập ngày dạng ngày/tháng/năm, ví dụ 31/12/2030.';
  else if (validUntil !== '' && validUntil < today) errors.validUntil = 'Giấy tờ đã hết hiệu lực: không số hóa để dùng lại.';
  if (!values.matchesOriginal) errors.matchesOriginal = 'Cần xác nhận bản số hóa đúng với bản gốc trước khi ký số.';
  if (Object.keys(errors).length > 0 || values.from === '') return { ok: false, errors };
  return { ok: true, body: { componentCode: values.componentCode, from: values.from, matchesOriginal: true, validUntil: validUntil || null } };
}

/** The first field with a problem, in the order of the panel. */
export function firstDigitizeError(errors: DigitizeErrors): DigitizeField | null {
  return (['componentCode', 'pages', 'from', 'validUntil', 'matchesOriginal'] as const).find((f) => errors[f] !== undefined) ?? null;
}

/** Bytes as base64, in slices (String.fromCharCode takes a bounded number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
