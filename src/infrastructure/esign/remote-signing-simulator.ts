/**
 * A local stand-in for the NEAC-style remote signing service ("Cổng eSign") for demos and tests. It speaks the
 * protocol remote-signing.ts speaks — `POST /get_certificate` and `POST /sign_file`, a bearer token, JSON replies
 * with `status_code` 0 on success — and signs with keys the host hands it, as if the signer approved on their phone
 * at once. Faults a real service shows can be switched on: slow, the user declines (refuse), no answer at all
 * (timeout), down (HTTP 503).
 *
 * `handle` serves one request whose URL is relative to the simulator (a host app mounting it under a prefix such as
 * /demo/remote-signing strips the prefix first) and reads the raw body itself.
 */
import { createHash, randomUUID, timingSafeEqual, X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { SignatureKey } from './cms.js';
import { PdfFormatError, signPdf } from './pades.js';
import { looksLikePdf } from './verify-pdf.js';

export type RemoteSigningFault = 'none' | 'slow' | 'refuse' | 'timeout' | 'down';

export interface RemoteSigningSimulatorOptions {
  /** The bearer token a caller must present. */
  token: string;
  /** The user's key and the name to write in the signature; null for a user without a certificate. */
  keyFor(userId: string): Promise<{ key: SignatureKey; commonName: string } | null>;
  /** How long the 'slow' fault waits before answering (default 1500 ms). */
  slowMs?: number;
  now?: () => Date;
}

export interface RemoteSigningSimulator {
  handle(req: IncomingMessage, res: ServerResponse): void;
  setFault(fault: RemoteSigningFault): void;
  fault(): RemoteSigningFault;
  /** Drops the requests held by the 'timeout' and 'slow' faults; later requests are dropped too. */
  close(): void;
  /** How many files it has signed. */
  signed(): number;
}

const MAX_BODY_BYTES = 40 * 1024 * 1024;
const DEFAULT_SLOW_MS = 1500;
/** Transactions opened by get_certificate that sign_file accepts; the oldest are forgotten beyond this. */
const MAX_TRANSACTIONS = 1000;

/** The service's status codes; 0 is success. */
const STATUS = { ok: 0, declined: 1, noCertificate: 2, certificateMismatch: 3, unknownTransaction: 4, badFile: 5 } as const;

const certificateRequest = z.object({ user_id: z.string().min(1), ca_name: z.string() });
const signRequest = z.object({
  user_id: z.string().min(1),
  ca_name: z.string(),
  cert_data: z.string(),
  serial_number: z.string(),
  transaction_id: z.string(),
  sign_files: z.array(z.object({ doc_id: z.string(), file_name: z.string(), file_base64: z.string() })),
});

interface Answer {
  http: number;
  body: { status_code: number; message: string; data?: unknown };
}

/** A reply of the protocol: HTTP 200, the outcome in status_code. */
const reply = (status: number, message: string, data: unknown = null): Answer => ({ http: 200, body: { status_code: status, message, data } });
/** An HTTP-level refusal, with a JSON body saying why. */
const httpError = (http: number, message: string): Answer => ({ http, body: { status_code: http, message } });

const BAD_REQUEST = httpError(400, 'Yêu cầu không đúng định dạng');

class RequestProblem extends Error {
  constructor(readonly answer: Answer) {
    super(answer.body.message);
  }
}

/** The body as JSON, at most MAX_BODY_BYTES (read with events: leaving a for-await loop early would destroy the socket before the 413). */
function readJson(req: IncomingMessage): Promise<unknown> {
  const tooLarge = () => new RequestProblem(httpError(413, 'Yêu cầu quá lớn'));
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= MAX_BODY_BYTES) return void chunks.push(chunk);
      // The rest is drained and dropped (a second reject is a no-op); the answer closes the connection.
      chunks.length = 0;
      reject(tooLarge());
    });
    req.on('error', reject);
    req.on('end', () => {
      if (received > MAX_BODY_BYTES) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new RequestProblem(httpError(400, 'Yêu cầu không phải JSON hợp lệ')));
      }
    });
  });
}

/** Constant time, whatever the lengths: both sides are hashed first. */
const sameSecret = (expected: string, received: string) =>
  timingSafeEqual(createHash('sha256').update(expected).digest(), createHash('sha256').update(received).digest());

const serialOf = (certificate: Buffer) => new X509Certificate(certificate).serialNumber;

export function createRemoteSigningSimulator(options: RemoteSigningSimulatorOptions): RemoteSigningSimulator {
  const now = options.now ?? (() => new Date());
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  let current: RemoteSigningFault = 'none';
  let signedCount = 0;
  let closed = false;
  /** Answers held back by a fault, to end on close(). */
  const held = new Set<ServerResponse>();
  const sleepers = new Set<() => void>();
  /** transaction id → user id. */
  const transactions = new Map<string, string>();

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  const holdOn = (res: ServerResponse) => {
    held.add(res);
    res.on('close', () => held.delete(res));
  };

  function openTransaction(userId: string): string {
    const id = randomUUID();
    transactions.set(id, userId);
    // A Map iterates in insertion order: the first key is the oldest.
    if (transactions.size > MAX_TRANSACTIONS) transactions.delete(transactions.keys().next().value as string);
    return id;
  }

  /** The user's key and certificate, or null when they have none. */
  async function signerOf(userId: string) {
    const signer = await options.keyFor(userId);
    const certificate = signer?.key.chain[0];
    return signer && certificate ? { ...signer, certificate } : null;
  }

  async function getCertificate(body: unknown): Promise<Answer> {
    const request = certificateRequest.safeParse(body);
    if (!request.success) return BAD_REQUEST;
    const signer = await signerOf(request.data.user_id);
    if (!signer) return reply(STATUS.noCertificate, 'Không tìm thấy chứng thư số của người dùng', { user_certificates: [] });
    const transactionId = openTransaction(request.data.user_id);
    const certificate = {
      cert_id: createHash('sha256').update(signer.certificate).digest('hex').slice(0, 16),
      cert_data: signer.certificate.toString('base64'),
      serial_number: serialOf(signer.certificate),
      transaction_id: transactionId,
    };
    return reply(STATUS.ok, 'Thành công', { transaction_id: transactionId, user_certificates: [certificate] });
  }

  async function signFile(body: unknown): Promise<Answer> {
    const parsed = signRequest.safeParse(body);
    if (!parsed.success) return BAD_REQUEST;
    const request = parsed.data;
    const signer = await signerOf(request.user_id);
    if (!signer) return reply(STATUS.noCertificate, 'Không tìm thấy chứng thư số của người dùng');
    const serialNumber = serialOf(signer.certificate);
    const sameCertificate = Buffer.from(request.cert_data, 'base64').equals(signer.certificate);
    if (!sameCertificate || request.serial_number.toUpperCase() !== serialNumber.toUpperCase())
      return reply(STATUS.certificateMismatch, 'Chứng thư số không khớp với chứng thư số của người dùng');
    if (transactions.get(request.transaction_id) !== request.user_id) return reply(STATUS.unknownTransaction, 'Mã giao dịch không hợp lệ hoặc đã hết hạn');
    const [file, ...more] = request.sign_files;
    if (!file || more.length > 0) return reply(STATUS.badFile, 'Mỗi yêu cầu ký đúng một tệp');
    // The request reached the signer's phone, and they declined.
    if (current === 'refuse') return reply(STATUS.declined, 'Người dùng từ chối ký trên ứng dụng');
    const pdf = Buffer.from(file.file_base64, 'base64');
    if (!looksLikePdf(pdf)) return reply(STATUS.badFile, 'Tệp cần ký không phải PDF');
    let signed: Buffer;
    try {
      const fields = { reason: 'Ký số từ xa', name: signer.commonName, location: '', contactInfo: '', signingTime: now() };
      signed = (await signPdf(pdf, signer.key, fields)).pdf;
    } catch (error) {
      if (error instanceof PdfFormatError) return reply(STATUS.badFile, 'Không ký được tệp PDF này');
      throw error;
    }
    signedCount += 1;
    return reply(STATUS.ok, 'Thành công', {
      status_code: STATUS.ok,
      message: 'Thành công',
      serial_number: serialNumber,
      transaction_id: request.transaction_id,
      signFiles: [{ doc_id: file.doc_id, file_name: file.file_name, file_base64: signed.toString('base64') }],
    });
  }

  const routes: Record<string, (body: unknown) => Promise<Answer>> = { '/get_certificate': getCertificate, '/sign_file': signFile };

  function send(res: ServerResponse, answer: Answer): void {
    if (res.headersSent || res.destroyed) return;
    const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
    // The rest of a body too large is not read: the connection cannot serve another request.
    res.writeHead(answer.http, answer.http === 413 ? { ...headers, connection: 'close' } : headers).end(JSON.stringify(answer.body));
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (closed) return void res.destroy();
    const route = routes[new URL(req.url ?? '/', 'http://simulator.invalid').pathname];
    if (!route) return send(res, httpError(404, 'Không tìm thấy địa chỉ này'));
    if (req.method !== 'POST') return send(res, httpError(405, 'Chỉ nhận yêu cầu POST'));
    // A service that is down or stuck answers nothing useful, whoever asks.
    if (current === 'down') return send(res, httpError(503, 'Dịch vụ đang bảo trì, vui lòng thử lại sau'));
    if (current === 'timeout') return holdOn(res);
    const [scheme, token] = (req.headers.authorization ?? '').split(' ', 2);
    if (scheme?.toLowerCase() !== 'bearer' || !token || !sameSecret(options.token, token))
      return send(res, httpError(401, 'Mã truy cập không hợp lệ hoặc đã hết hạn'));
    const body = await readJson(req);
    if (current === 'slow') {
      holdOn(res);
      await pause(slowMs);
      held.delete(res);
    }
    if (closed) return void res.destroy();
    send(res, await route(body));
  }

  return {
    handle(req, res) {
      serve(req, res).catch((error: unknown) => {
        send(res, error instanceof RequestProblem ? error.answer : httpError(500, 'Lỗi không xác định của dịch vụ ký số'));
      });
    },
    setFault(fault) {
      current = fault;
    },
    fault: () => current,
    close() {
      closed = true;
      for (const wake of [...sleepers]) wake();
      for (const res of [...held]) res.destroy();
      held.clear();
    },
    signed: () => signedCount,
  };
}

/** The simulator on its own HTTP server (port 0 picks a free one), for a CLI command or a test. */
export async function startRemoteSigningSimulator(
  options: RemoteSigningSimulatorOptions & { port: number; host?: string },
): Promise<{ url: string; simulator: RemoteSigningSimulator; close(): Promise<void> }> {
  const simulator = createRemoteSigningSimulator(options);
  const server = createServer((req, res) => simulator.handle(req, res));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    simulator,
    close: () =>
      new Promise<void>((resolve) => {
        simulator.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
