/**
 * The adapter for a NEAC-style remote signing service ("Cổng eSign"): the signer's key stays with the service and
 * the signer approves each signature in an app on their phone. Two calls, both `POST` JSON with a bearer token:
 *   get_certificate  the user's certificates, and a transaction to sign in;
 *   sign_file        one PDF in, the WHOLE signed PDF back (the service adds the signature itself; there is no CMS
 *                    for us to embed).
 * A reply carries `status_code` 0 on success; anything else is a refusal with the service's message. Every call is
 * bounded by `timeoutMs`, and every failure is a RemoteSigningError of one of four kinds.
 */
import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { looksLikePdf } from './verify-pdf.js';

export interface RemoteSigningSettings {
  baseUrl: string;
  token: string;
  caName: string;
  timeoutMs: number;
}

export type RemoteSigningErrorKind = 'timeout' | 'refused' | 'unavailable' | 'invalidReply';

export class RemoteSigningError extends Error {
  constructor(
    readonly kind: RemoteSigningErrorKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'RemoteSigningError';
  }
}

export interface RemoteCertificate {
  certId: string;
  /** DER. */
  certificate: Buffer;
  serialNumber: string;
}

export interface RemoteSignFileInput {
  userId: string;
  certificate: Buffer;
  serialNumber: string;
  transactionId: string;
  docId: string;
  fileName: string;
  pdf: Buffer;
}

export interface RemoteSigningClient {
  getCertificate(userId: string): Promise<{ transactionId: string; certificates: RemoteCertificate[] }>;
  /** The whole signed PDF. */
  signFile(input: RemoteSignFileInput): Promise<Buffer>;
}

/**
 * The status get_certificate answers for a user without a certificate (the code our simulator uses; to be checked
 * against the operator's specification): read as an empty list, so that signRemotely can say what to do about it.
 */
const STATUS_NO_CERTIFICATE = 2;
/** A service's message is shown to the user: long enough for a sentence, not for a stack trace. */
const MAX_MESSAGE_LENGTH = 300;

/** 1500 → "1,5" (Vietnamese decimal comma). */
const seconds = (ms: number) => String(Math.round(ms / 100) / 10).replace('.', ',');

const timeout = (ms: number, cause: unknown) => new RemoteSigningError('timeout', `Dịch vụ ký số từ xa không trả lời trong ${seconds(ms)} giây`, { cause });
const refused = (message: string) => new RemoteSigningError('refused', `Dịch vụ ký số từ xa từ chối: ${message}`);
const unavailable = (detail: string | null, cause?: unknown) =>
  new RemoteSigningError('unavailable', `Không kết nối được dịch vụ ký số từ xa${detail ? ` (${detail})` : ''}`, { cause });
const invalidReply = (detail: string, cause?: unknown) =>
  new RemoteSigningError('invalidReply', `Dịch vụ ký số từ xa trả lời không đúng định dạng: ${detail}`, { cause });

// Replies. Codes may come as numbers or numeric strings, identifiers as strings or numbers; base64 may be wrapped.
const statusCode = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const identifier = z.union([z.string(), z.number()]).transform(String);
const base64 = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.base64())
  .transform((s) => Buffer.from(s, 'base64'));

const envelope = z.object({ status_code: statusCode, message: z.string().nullish(), data: z.unknown() });

const certificateData = z.object({
  transaction_id: identifier,
  user_certificates: z.array(z.object({ cert_id: identifier, cert_data: base64, serial_number: z.string().min(1) })),
});

const signData = z.object({
  status_code: statusCode.optional(),
  message: z.string().nullish(),
  signFiles: z.array(z.object({ doc_id: identifier, file_base64: base64 })).min(1),
});

const timedOut = (error: unknown) => error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

const shortMessage = (message: string | null | undefined): string | null => {
  const text = message?.trim();
  return text ? text.slice(0, MAX_MESSAGE_LENGTH) : null;
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The `message` of an error body, when it is JSON and has one. */
const messageOf = (body: unknown): string | null =>
  body !== null && typeof body === 'object' && 'message' in body && typeof body.message === 'string' ? shortMessage(body.message) : null;

/** One call: the reply's envelope when the HTTP exchange went well; a timeout, an HTTP error or a non-JSON body throws. */
async function post(settings: RemoteSigningSettings, path: string, body: object): Promise<z.infer<typeof envelope>> {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/${path}`;
  // One deadline for the whole exchange: the answer's body is read under the same signal.
  const signal = AbortSignal.timeout(settings.timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${settings.token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      // A redirect would carry the bearer token elsewhere: the service answers where it is asked.
      redirect: 'error',
      signal,
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    throw timedOut(error) ? timeout(settings.timeoutMs, error) : unavailable(null, error);
  }
  const json = parseJson(text);
  if (status >= 500) throw unavailable(`HTTP ${status}`);
  if (status === 401 || status === 403) throw refused(messageOf(json) ?? 'mã truy cập không hợp lệ hoặc đã hết hạn');
  if (status >= 400) throw refused(messageOf(json) ?? `HTTP ${status}`);
  if (status < 200 || status >= 300) throw unavailable(`HTTP ${status}`);
  const parsed = envelope.safeParse(json);
  if (!parsed.success) throw invalidReply(json === undefined ? 'không phải JSON' : 'thiếu status_code');
  return parsed.data;
}

const refusal = (status: number, message: string | null | undefined) => refused(shortMessage(message) ?? `mã lỗi ${status}`);

function readCertificate(der: Buffer): Buffer {
  try {
    new X509Certificate(der);
  } catch (error) {
    throw invalidReply('chứng thư số không đọc được', error);
  }
  return der;
}

export function createRemoteSigningClient(settings: RemoteSigningSettings): RemoteSigningClient {
  return {
    async getCertificate(userId) {
      const reply = await post(settings, 'get_certificate', { user_id: userId, ca_name: settings.caName });
      if (reply.status_code === STATUS_NO_CERTIFICATE) return { transactionId: '', certificates: [] };
      if (reply.status_code !== 0) throw refusal(reply.status_code, reply.message);
      const data = certificateData.safeParse(reply.data);
      if (!data.success) throw invalidReply('danh sách chứng thư số');
      return {
        transactionId: data.data.transaction_id,
        certificates: data.data.user_certificates.map((c) => ({ certId: c.cert_id, certificate: readCertificate(c.cert_data), serialNumber: c.serial_number })),
      };
    },

    async signFile(input) {
      const reply = await post(settings, 'sign_file', {
        user_id: input.userId,
        ca_name: settings.caName,
        cert_data: input.certificate.toString('base64'),
        serial_number: input.serialNumber,
        transaction_id: input.transactionId,
        sign_files: [{ doc_id: input.docId, file_name: input.fileName, file_base64: input.pdf.toString('base64') }],
      });
      if (reply.status_code !== 0) throw refusal(reply.status_code, reply.message);
      const data = signData.safeParse(reply.data);
      if (!data.success) throw invalidReply('tệp đã ký');
      // The outer code speaks for the request, the inner one for the signing itself.
      if (data.data.status_code !== undefined && data.data.status_code !== 0) throw refusal(data.data.status_code, data.data.message);
      const files = data.data.signFiles;
      const file = files.find((f) => f.doc_id === input.docId) ?? (files.length === 1 ? files[0] : undefined);
      if (!file) throw invalidReply('không có tệp của văn bản đã gửi');
      if (!looksLikePdf(file.file_base64)) throw invalidReply('tệp trả về không phải PDF');
      return file.file_base64;
    },
  };
}

/** The PDF signed by the user's first certificate on the service, and that certificate (DER). */
export async function signRemotely(
  client: RemoteSigningClient,
  input: { userId: string; docId: string; fileName: string; pdf: Buffer },
): Promise<{ pdf: Buffer; certificate: Buffer }> {
  const { transactionId, certificates } = await client.getCertificate(input.userId);
  const [first] = certificates;
  if (!first) throw new RemoteSigningError('refused', 'Người ký chưa có chứng thư số trên dịch vụ ký số từ xa');
  const pdf = await client.signFile({ ...input, certificate: first.certificate, serialNumber: first.serialNumber, transactionId });
  return { pdf, certificate: first.certificate };
}
