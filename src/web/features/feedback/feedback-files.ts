/**
 * Files attached to feedback (issue 22): PDF, PNG or JPEG, at most 5 MB each, three from the portal (five from an
 * official), sent in the request as base64. Checked here before anything is read or sent; the server checks the
 * bytes again.
 */
import { checkAttachment, formatFileSize, type AttachmentType } from '../../shared/attachments.js';
import { toBase64 } from '../digitization/scan-pages.js';
import type { FeedbackAttachmentInput } from './api/feedback-api.js';

export const FEEDBACK_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** The contract's bound of one file's base64 text. */
export const FEEDBACK_BASE64_MAX_CHARS = 7_000_000;
export const PORTAL_MAX_FILES = 3;
export const ENTRY_MAX_FILES = 5;

/** A file chosen on the form, while it is open. */
export interface ChosenFile {
  id: string;
  file: File;
  contentType: AttachmentType;
}

/** The length of `bytes` bytes in base64 (with padding). */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** Whether a file of `bytes` bytes is sent whole: at most 5 MB, and its base64 within the contract's bound. */
export function fitsFeedbackLimit(bytes: number): boolean {
  return bytes > 0 && bytes <= FEEDBACK_FILE_MAX_BYTES && base64Length(bytes) <= FEEDBACK_BASE64_MAX_CHARS;
}

/** The type a file is sent as, or the Vietnamese reason it cannot be (wrong type first, then empty or over 5 MB). */
export function checkFeedbackFile(file: Pick<File, 'name' | 'type' | 'size'>): { ok: true; contentType: AttachmentType } | { ok: false; message: string } {
  // The shared check (10 MB for dossiers) judges the type; the size is judged here against this form's 5 MB.
  const typed = checkAttachment({ name: file.name, type: file.type, size: 1 });
  if (!typed.ok) return typed;
  if (file.size === 0) return { ok: false, message: `Tệp "${file.name}" rỗng (0 byte), vui lòng chọn tệp khác.` };
  if (!fitsFeedbackLimit(file.size)) return { ok: false, message: `Tệp "${file.name}" có dung lượng ${formatFileSize(file.size)}, vượt quá giới hạn 5 MB.` };
  return typed;
}

/**
 * Add `picked` to `chosen`, up to `max` files: those accepted, and the reasons the others were not (wrong type, too
 * big, one too many, the same file twice).
 */
export function addFiles(
  chosen: readonly ChosenFile[],
  picked: readonly File[],
  max: number,
  newId: () => string,
): { files: ChosenFile[]; problems: string[] } {
  const files = [...chosen];
  const problems: string[] = [];
  for (const file of picked) {
    const check = checkFeedbackFile(file);
    if (!check.ok) problems.push(check.message);
    else if (files.some((f) => f.file.name === file.name && f.file.size === file.size)) problems.push(`Tệp "${file.name}" đã được chọn.`);
    else if (files.length >= max) problems.push(`Chỉ đính kèm tối đa ${max} tệp: tệp "${file.name}" chưa được thêm.`);
    else files.push({ id: newId(), file, contentType: check.contentType });
  }
  return { files, problems };
}

/** A chosen file as the request carries it. */
export async function attachmentInput(chosen: ChosenFile): Promise<FeedbackAttachmentInput> {
  const bytes = new Uint8Array(await chosen.file.arrayBuffer());
  return { name: chosen.file.name.slice(0, 200), contentType: chosen.contentType, data: toBase64(bytes) };
}
