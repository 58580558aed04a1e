/**
 * The one way the web app talks to the server: same-origin JSON with the session cookie,
 * the CSRF token on every non-GET request once known, and typed errors from the shared error shape
 * `{ "error": { "code", "message", "details"? } }`.
 */

export const NETWORK_ERROR_MESSAGE = 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.';
const INVALID_RESPONSE_MESSAGE = 'Máy chủ trả về dữ liệu không hợp lệ. Vui lòng thử lại sau.';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(options: { status: number; code: string; message: string; details?: unknown }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
  }
}

let csrfToken: string | null = null;

/** Set after /auth/me or /auth/login; cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is with its own media type (e.g. an iCalendar file as text/calendar); ignored when `body` is set. */
  text?: { content: string; contentType: string };
  signal?: AbortSignal;
}

export function apiGet<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
  return apiRequest<T>('GET', path, options);
}

export function apiPost<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return apiRequest<T>('POST', path, options);
}

/** A same-origin request with the session cookie; a network failure as the ApiError screens show (an abort passes through). */
async function send(path: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin', ...(signal ? { signal } : {}) });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
  }
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(options.body);
  } else if (options.text !== undefined) {
    headers['content-type'] = options.text.contentType;
    payload = options.text.content;
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;

  const response = await send(path, { method, headers, ...(payload === undefined ? {} : { body: payload }) }, options.signal);
  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (!response.ok) throw errorFromBody(response.status, body);
  if (body === undefined) {
    throw new ApiError({ status: response.status, code: 'INVALID_RESPONSE', message: INVALID_RESPONSE_MESSAGE });
  }
  return body as T;
}

/** A file the server sends for an Accept media type (an Excel workbook, a PDF), with the name it suggests. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/**
 * GET `path` as a file of media type `accept` (with more request `headers`, e.g. a feedback reporter's tracking secret);
 * refusals come back as the usual JSON error, thrown as ApiError.
 */
export async function apiGetFile(
  path: string,
  accept: string,
  options: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<DownloadedFile> {
  const response = await send(path, { headers: { ...options.headers, accept } }, options.signal);
  if (!response.ok) throw errorFromBody(response.status, await readJson(response));
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

/** `attachment; filename="bao-cao.xlsx"` → "bao-cao.xlsx" (RFC 6266, with or without quotes or filename*). */
export function fileNameOf(contentDisposition: string | null): string | null {
  if (!contentDisposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8'[^']*')?([^;]+)/i.exec(contentDisposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(contentDisposition);
  const name = (plain?.[2] ?? plain?.[1])?.trim();
  return name ? name : null;
}

/** Any thrown value as an ApiError, so screens can always show a Vietnamese message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ status: 0, code: 'UNKNOWN', message: INVALID_RESPONSE_MESSAGE });
}

/** One problem of an error's details: the field it is about ('' when none) and what is wrong. */
export interface ApiProblem {
  path: string;
  message: string;
}

/**
 * The `{ path, message }` list of an error's details (400 VALIDATION_FAILED, 422 PUBLICATION_BLOCKED), read from
 * a value of unknown shape; anything unreadable is dropped.
 */
export function problemsFromDetails(details: unknown): ApiProblem[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function errorFromBody(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError({ status, code: error.code, message: error.message, details: error.details });
  }
  return new ApiError({ status, code: `HTTP_${status}`, message: fallbackMessage(status) });
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Vui lòng đăng nhập để tiếp tục.';
  if (status === 403) return 'Bạn không có quyền thực hiện thao tác này.';
  if (status === 404) return 'Không tìm thấy dữ liệu yêu cầu.';
  if (status >= 500) return 'Hệ thống gặp sự cố hoặc tạm thời không truy cập được, vui lòng thử lại sau.';
  return INVALID_RESPONSE_MESSAGE;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
