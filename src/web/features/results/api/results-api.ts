/**
 * E-results (src/http/routes/results.ts, issue 19): a dossier's result documents, preparing one from the
 * procedure's template or uploading a PDF, sending it for signature, signing and revoking it, certified copies;
 * and the public verification behind each QR code. The shapes are the contract's (src/contract/result.ts).
 */
import type { z } from 'zod';
import type { DossierResults, PrepareResultBody, PublicResult, ResultDocument, VerificationReport } from '../../../../contract/result.js';
import { ApiError, apiPost, NETWORK_ERROR_MESSAGE } from '../../../shared/api.js';
import { fetchUploadToken } from '../../../shared/dossier-files-api.js';

export type { DossierResults, PublicResult, ResultDocument, VerificationReport };
export type ResultSignature = ResultDocument['signatures'][number];
export type ResultKind = ResultDocument['kind'];
export type ResultStatus = ResultDocument['status'];
export type SignatureLevel = ResultSignature['level'];
export type SigningProvider = DossierResults['providers'][number];
export type PrepareBody = z.input<typeof PrepareResultBody>;
/** What the verifier found about one signature of a checked file. */
export type SignatureFinding = VerificationReport['signatures'][number];
export type Verdict = VerificationReport['verdict'];

/** The public page behind a document's QR code (`verificationUrl` is this page on the public address). */
export const VERIFY_PAGE = '/xac-thuc';

export function verifyPagePath(code: string): string {
  return `${VERIFY_PAGE}/${encodeURIComponent(code)}`;
}

/** GET: the document's public record, for anyone. */
export function verifyRecordPath(code: string): string {
  return `/api/v1/verify/${encodeURIComponent(code)}`;
}

/** GET: the signed PDF behind a QR code, for anyone. */
export function verifyFilePath(code: string): string {
  return `${verifyRecordPath(code)}/file`;
}

/** GET: the dossier's result documents and what the caller may do with them. */
export function dossierResultsPath(dossierId: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(dossierId)}/results`;
}

function documentPath(dossierId: string, documentId: string): string {
  return `${dossierResultsPath(dossierId)}/${encodeURIComponent(documentId)}`;
}

/** GET: the PDF (a preview of a draft for officials; the applicant receives only issued documents). */
export function resultFilePath(dossierId: string, documentId: string): string {
  return `${documentPath(dossierId, documentId)}/file`;
}

const FILE_TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** The media type a chosen file is sent as: the browser's, else judged by its extension (the server checks the bytes). */
function mediaTypeOf(file: File): string {
  if (file.type) return file.type;
  return FILE_TYPES[/\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

const FILE_REFUSALS: Record<number, string> = {
  413: 'Tệp vượt quá giới hạn 20 MB.',
  415: 'Tệp không phải PDF (hoặc ảnh PNG, JPEG với bản sao chứng thực).',
};

/** The shared error body `{ error: { code, message, details } }` of a refused upload, as an ApiError. */
async function refusal(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = typeof body === 'object' && body !== null && 'error' in body ? (body.error as Partial<Record<'code' | 'message' | 'details', unknown>>) : {};
  const message = typeof error.message === 'string' ? error.message : (FILE_REFUSALS[response.status] ?? 'Không gửi được tệp. Vui lòng thử lại.');
  return new ApiError({
    status: response.status,
    code: typeof error.code === 'string' ? error.code : `HTTP_${response.status}`,
    message,
    details: error.details,
  });
}

/**
 * POST a file as the raw request body (the routes take the PDF itself, not a form). Signed-in calls carry the
 * session's CSRF token, asked afresh; the public check of a file needs none.
 */
async function postFile<T>(path: string, file: File, signedIn: boolean): Promise<T> {
  const headers = new Headers({ accept: 'application/json', 'content-type': mediaTypeOf(file) });
  if (signedIn) headers.set('x-csrf-token', await fetchUploadToken());
  const response = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin' }).catch(() => null);
  if (response === null) throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as T;
}

/** POST: a draft generated from the procedure's template, with its QR code. */
export function prepareResult(dossierId: string, body: PrepareBody): Promise<ResultDocument> {
  return apiPost<ResultDocument>(dossierResultsPath(dossierId), { body });
}

/** POST: a PDF of the official's own, stamped with its QR code (a draft). */
export function uploadResult(dossierId: string, file: File, query: PrepareBody & Required<Pick<PrepareBody, 'title'>>): Promise<ResultDocument> {
  const params = new URLSearchParams({ kind: query.kind ?? 'result', title: query.title });
  if (query.replaces) params.set('replaces', query.replaces);
  return postFile<ResultDocument>(`${dossierResultsPath(dossierId)}/upload?${params.toString()}`, file, true);
}

/** POST: the draft goes for signature. */
export function submitResult(dossierId: string, doc: ResultDocument): Promise<ResultDocument> {
  return apiPost<ResultDocument>(`${documentPath(dossierId, doc.id)}/submit`, { body: { version: doc.version } });
}

/** POST: sign (a specialist initials, a leader issues); a refusal carries the signing service's own words in details.reason. */
export function signResult(dossierId: string, doc: ResultDocument, provider: SigningProvider): Promise<ResultDocument> {
  return apiPost<ResultDocument>(`${documentPath(dossierId, doc.id)}/sign`, { body: { version: doc.version, provider } });
}

/** POST: a leader revokes an issued document (it stays verifiable, as revoked). */
export function revokeResult(dossierId: string, doc: ResultDocument, reason: string): Promise<ResultDocument> {
  return apiPost<ResultDocument>(`${documentPath(dossierId, doc.id)}/revoke`, { body: { version: doc.version, reason } });
}

/** POST: the desk certifies an electronic copy of an original (PDF, PNG or JPEG), registered and signed at once. */
export function certifyCopy(dossierId: string, file: File, title: string): Promise<ResultDocument> {
  return postFile<ResultDocument>(`${dossierResultsPath(dossierId)}/certified-copies?${new URLSearchParams({ title }).toString()}`, file, true);
}

/** POST (public): check a PDF someone holds, against the document of `code` when known. */
export function verifyFile(file: File, code: string | null): Promise<VerificationReport> {
  const query = code ? `?${new URLSearchParams({ code }).toString()}` : '';
  return postFile<VerificationReport>(`/api/v1/verify${query}`, file, false);
}
