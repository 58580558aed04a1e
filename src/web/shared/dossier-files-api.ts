/**
 * The files of a dossier's components (src/http/routes/dossier-files.ts), shared by the citizen portal and the
 * back office: the list, the download address, and the upload with its progress.
 */
import type { FileUpload } from './file-upload.js';
import type { ErrorResponse } from '../../contract/error.js';
import type { Me } from '../../contract/auth.js';
import type { DossierFile } from '../../contract/dossier-files.js';
import { ApiError, apiGet, NETWORK_ERROR_MESSAGE } from './api.js';

export type { DossierFile, DossierFiles } from '../../contract/dossier-files.js';

export { SUPPLEMENT_COMPONENT_CODE } from '../../domain/dossier/vocabulary.js';

export type { FileUpload } from './file-upload.js';

export function dossierFilesPath(dossierId: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(dossierId)}/files`;
}

/** Where a file is downloaded (served as an attachment, only to those who may see the dossier). */
export function dossierFilePath(dossierId: string, fileId: string): string {
  return `${dossierFilesPath(dossierId)}/${encodeURIComponent(fileId)}`;
}

/** Where the dossier's electronic result is downloaded. */
export function dossierResultPath(dossierId: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(dossierId)}/result`;
}

/** The CSRF token of the session, asked afresh before a run of uploads (an expired session shows at once). */
export async function fetchUploadToken(signal?: AbortSignal): Promise<string> {
  return (await apiGet<Me>('/api/v1/auth/me', signal ? { signal } : {})).csrfToken;
}

const UPLOAD_FALLBACK: Record<number, string> = {
  401: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại rồi gửi lại tệp.',
  403: 'Bạn không có quyền đính kèm tệp vào hồ sơ này.',
  413: 'Tệp vượt quá giới hạn 10 MB.',
  415: 'Nội dung tệp không phải PDF, PNG hoặc JPEG như tên tệp cho biết.',
};

function uploadError(status: number, responseText: string): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(responseText);
  } catch {
    body = undefined;
  }
  const error = (body as Partial<ErrorResponse> | undefined)?.error;
  const details: unknown = error?.details;
  // The server's message for 415 speaks of MIME types; the details say it better, in Vietnamese.
  const detail = Array.isArray(details) ? details.map(messageOf).find((m) => m !== undefined) : undefined;
  const message = detail ?? UPLOAD_FALLBACK[status] ?? (typeof error?.message === 'string' ? error.message : 'Không gửi được tệp. Vui lòng thử lại.');
  return new ApiError({ status, code: typeof error?.code === 'string' ? error.code : `HTTP_${status}`, message, details });
}

function messageOf(detail: unknown): string | undefined {
  return typeof detail === 'object' && detail !== null && 'message' in detail && typeof detail.message === 'string' ? detail.message : undefined;
}

/**
 * POST /api/v1/dossiers/{id}/files with the raw file as body. Through XMLHttpRequest rather than fetch,
 * for the upload progress.
 */
export function uploadDossierFile(dossierId: string, upload: FileUpload): Promise<DossierFile> {
  const query = new URLSearchParams({ component: upload.componentCode, name: upload.fileName, form: upload.form, digitized: String(upload.digitized) });
  return new Promise<DossierFile>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${dossierFilesPath(dossierId)}?${query.toString()}`);
    xhr.setRequestHeader('content-type', upload.contentType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', upload.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) upload.onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve(JSON.parse(xhr.responseText) as DossierFile);
        } catch {
          reject(new ApiError({ status: xhr.status, code: 'INVALID_RESPONSE', message: 'Máy chủ trả về dữ liệu không hợp lệ. Vui lòng thử lại.' }));
        }
        return;
      }
      reject(uploadError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE }));
    xhr.onabort = () => reject(new DOMException('Đã huỷ gửi tệp', 'AbortError'));
    upload.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(upload.body);
  });
}
