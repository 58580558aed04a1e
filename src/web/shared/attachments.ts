/**
 * Files attached to the components of a dossier before it exists (the citizen's online submission, the desk's
 * scans at counter intake): checked here before anything is sent, kept in memory only (never in a saved
 * draft), and uploaded one by one once the dossier is created. Pure: no React, no network.
 */
import type { ProcedureComponent } from '../../domain/catalogue/procedure.js';

/** The server's limits (src/application/dossier/attach-dossier-file.ts). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_PAGES = 100;

export type AttachmentType = 'application/pdf' | 'image/png' | 'image/jpeg';

const BY_EXTENSION: Record<string, AttachmentType> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** For the file picker. */
export const ATTACHMENT_ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';

export const ATTACHMENTS_NOT_SAVED = 'Tệp đính kèm cần chọn lại nếu tải lại trang';

/** A file chosen for a component, while the form is open. */
export interface Attachment {
  /** Local id (not the server's). */
  id: string;
  file: File;
  contentType: AttachmentType;
}

/** By componentKey. */
export type Attachments = Record<string, Attachment[]>;

/** "1,2 MB", "350 KB": sizes as Vietnamese readers write them. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
}

/**
 * The type a file will be sent as, judged by its extension and, when the browser knows it, its MIME type
 * (which must agree); or the Vietnamese reason it cannot be attached. The server checks the content again.
 */
export function checkAttachment(file: Pick<File, 'name' | 'type' | 'size'>): { ok: true; contentType: AttachmentType } | { ok: false; message: string } {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const byName = BY_EXTENSION[extension];
  const mime = file.type.toLowerCase();
  if (!byName || (mime !== '' && mime !== byName && !(byName === 'image/jpeg' && mime === 'image/pjpeg'))) {
    return { ok: false, message: `Tệp "${file.name}" không đúng định dạng: chỉ nhận tệp PDF, PNG hoặc JPEG.` };
  }
  if (file.size === 0) return { ok: false, message: `Tệp "${file.name}" rỗng (0 byte), vui lòng chọn tệp khác.` };
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return { ok: false, message: `Tệp "${file.name}" có dung lượng ${formatFileSize(file.size)}, vượt quá giới hạn 10 MB.` };
  }
  return { ok: true, contentType: byName };
}

/** One file to send after the dossier is created. */
export interface UploadJob {
  id: string;
  componentCode: string;
  componentName: string;
  form: ProcedureComponent['form'];
  /** Scanned from paper at the desk (the citizen's own electronic copies are not). */
  digitized: boolean;
  attachment: Attachment;
}

type JobComponent = Pick<ProcedureComponent, 'code' | 'name' | 'form'>;

/**
 * The files to send: those of the components declared as provided (the server takes files only for the
 * dossier's components), in the order of the checklist. Components without a code cannot carry files.
 */
export function uploadJobs<C extends JobComponent>(
  components: readonly C[],
  provided: (component: C, index: number) => { key: string; provided: boolean },
  attachments: Attachments,
  options: { digitized?: boolean } = {},
): UploadJob[] {
  const digitized = options.digitized ?? false;
  return components.flatMap((c, index) => {
    const { key, provided: isProvided } = provided(c, index);
    if (!isProvided || !c.code) return [];
    return (attachments[key] ?? []).map((attachment) => ({
      id: attachment.id,
      componentCode: c.code,
      componentName: c.name,
      form: c.form,
      digitized,
      attachment,
    }));
  });
}
