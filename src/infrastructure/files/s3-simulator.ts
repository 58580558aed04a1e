/**
 * A small S3-compatible server for demos and tests: one bucket, PUT / GET / HEAD of objects, in memory or
 * in a folder. It checks what a real bucket checks, so a client that works here signs like it would for S3:
 * - the SigV4 Authorization header (missing → 403 AccessDenied, unknown key → 403 InvalidAccessKeyId,
 *   wrong signature → 403 SignatureDoesNotMatch, malformed or wrong region → 400 AuthorizationHeaderMalformed),
 *   with host and x-amz-date signed and the clock within 15 minutes (403 RequestTimeTooSkewed);
 * - x-amz-content-sha256 against the body received (400 XAmzContentSHA256Mismatch);
 * and answers with S3's XML errors (404 NoSuchKey, NoSuchBucket). It keeps a log of the requests it served.
 * Not implemented: listings, multipart uploads, presigned URLs, chunked (streaming) payload signatures.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseAuthorization, sameSignature, sha256Hex, signature } from './sigv4.js';

export interface S3SimulatorOptions {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  bucket: string;
  /** Folder to keep the objects in; in memory when absent. */
  root?: string;
  /** Listen port (0, the default, picks a free one). */
  port?: number;
  host?: string;
  /** Largest accepted object, in bytes (default 64 MB). */
  maxObjectBytes?: number;
}

export interface S3SimulatorRequest {
  method: string;
  /** The object key ("" for the bucket itself). */
  key: string;
  status: number;
  /** The S3 error code of a refusal. */
  error?: string;
}

export interface S3Simulator {
  /** http://host:port — use it as the path-style endpoint. */
  endpoint: string;
  /** Every request served, in order. */
  requests: S3SimulatorRequest[];
  /** The stored bytes of a key (for tests), null when absent. */
  object(key: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

const MAX_SKEW_MS = 15 * 60 * 1000;

class S3Failure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const errorXml = (code: string, message: string, resource: string, requestId: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>` +
  `<Resource>${escapeXml(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startS3Simulator(options: S3SimulatorOptions): Promise<S3Simulator> {
  const memory = new Map<string, Buffer>();
  const root = options.root ? resolve(options.root) : null;
  const maxBytes = options.maxObjectBytes ?? 64 * 1024 * 1024;
  const requests: S3SimulatorRequest[] = [];

  const fileOf = (key: string): string => {
    const path = resolve(root!, ...key.split('/'));
    if (!path.startsWith(root! + sep)) throw new S3Failure(400, 'InvalidArgument', 'The key is not valid.');
    return path;
  };
  const load = async (key: string): Promise<Buffer | null> => {
    if (!root) return memory.get(key) ?? null;
    return readFile(fileOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR') return null;
      throw error;
    });
  };
  const store = async (key: string, bytes: Buffer): Promise<void> => {
    if (!root) {
      memory.set(key, bytes);
      return;
    }
    const path = fileOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  };

  /** The bucket and key of a request, path-style (/bucket/key) or virtual-hosted (Host: bucket.…). */
  const locate = (request: IncomingMessage, path: string): { bucket: string; key: string } => {
    const hostname = (request.headers.host ?? '').replace(/:\d+$/, '');
    let segments: string[];
    try {
      segments = path
        .split('/')
        .slice(1)
        .map((s) => decodeURIComponent(s));
    } catch {
      throw new S3Failure(400, 'InvalidURI', 'Couldn’t parse the specified URI.');
    }
    if (hostname.startsWith(`${options.bucket}.`)) return { bucket: options.bucket, key: segments.join('/') };
    return { bucket: segments[0] ?? '', key: segments.slice(1).join('/') };
  };

  const authenticate = (request: IncomingMessage, path: string, query: string): void => {
    const header = request.headers.authorization;
    if (!header) throw new S3Failure(403, 'AccessDenied', 'Access Denied');
    const parsed = parseAuthorization(header);
    if (!parsed) throw new S3Failure(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
    if (parsed.accessKeyId !== options.accessKeyId) {
      throw new S3Failure(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    }
    if (parsed.scope.region !== options.region || parsed.scope.service !== 's3') {
      throw new S3Failure(
        400,
        'AuthorizationHeaderMalformed',
        `The authorization header is malformed; the region or service is wrong; expecting '${options.region}' and 's3'.`,
      );
    }
    const timestamp = header1(request, 'x-amz-date');
    const contentSha = header1(request, 'x-amz-content-sha256');
    if (!timestamp || !/^\d{8}T\d{6}Z$/.test(timestamp) || timestamp.slice(0, 8) !== parsed.scope.date) {
      throw new S3Failure(403, 'AccessDenied', 'AWS authentication requires a valid x-amz-date header matching the credential scope.');
    }
    if (!contentSha) throw new S3Failure(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
    const signed = parsed.signedHeaders;
    if (!signed.includes('host') || !signed.includes('x-amz-date') || !signed.includes('x-amz-content-sha256')) {
      throw new S3Failure(400, 'AuthorizationHeaderMalformed', 'host, x-amz-date and x-amz-content-sha256 must be signed.');
    }
    const headers: Record<string, string> = {};
    for (const name of signed) {
      const value = request.headers[name];
      if (value === undefined) throw new S3Failure(403, 'SignatureDoesNotMatch', `The signed header ${name} is missing.`);
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const expected = signature({ method: request.method ?? '', path, query, headers, payloadHash: contentSha }, options.secretAccessKey, {
      region: options.region,
      service: 's3',
    });
    if (!sameSignature(expected, parsed.signature)) {
      throw new S3Failure(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      );
    }
    const at = Date.UTC(
      +timestamp.slice(0, 4),
      +timestamp.slice(4, 6) - 1,
      +timestamp.slice(6, 8),
      +timestamp.slice(9, 11),
      +timestamp.slice(11, 13),
      +timestamp.slice(13, 15),
    );
    if (Math.abs(Date.now() - at) > MAX_SKEW_MS) {
      throw new S3Failure(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
    }
  };

  const readBody = async (request: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new S3Failure(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, path: string, query: string): Promise<void> => {
    authenticate(request, path, query);
    const { bucket, key } = locate(request, path);
    if (bucket !== options.bucket) throw new S3Failure(404, 'NoSuchBucket', 'The specified bucket does not exist.');
    if (!key) throw new S3Failure(501, 'NotImplemented', 'Only object requests are implemented.');
    const method = request.method ?? '';
    if (method === 'PUT') {
      const body = await readBody(request);
      const declared = header1(request, 'x-amz-content-sha256');
      if (declared !== 'UNSIGNED-PAYLOAD' && declared !== sha256Hex(body)) {
        throw new S3Failure(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
      }
      await store(key, body);
      response.writeHead(200, { etag: etagOf(body), 'content-length': 0 }).end();
      return;
    }
    if (method === 'GET' || method === 'HEAD') {
      const bytes = await load(key);
      if (!bytes) throw new S3Failure(404, 'NoSuchKey', 'The specified key does not exist.');
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length, etag: etagOf(bytes) });
      response.end(method === 'GET' ? bytes : undefined);
      return;
    }
    throw new S3Failure(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  };

  const server = createServer((request, response) => {
    const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
    const raw = request.url ?? '/';
    const at = raw.indexOf('?');
    const path = at < 0 ? raw : raw.slice(0, at);
    const query = at < 0 ? '' : raw.slice(at + 1);
    const method = request.method ?? '';
    const logged = (status: number, error?: string) => {
      let key = '';
      try {
        key = locate(request, path).key;
      } catch {
        // an undecodable path is logged without its key
      }
      requests.push({ method, key, status, ...(error ? { error } : {}) });
    };
    response.setHeader('x-amz-request-id', requestId);
    handle(request, response, path, query).then(
      () => logged(response.statusCode),
      (error: unknown) => {
        const failure = error instanceof S3Failure ? error : new S3Failure(500, 'InternalError', 'We encountered an internal error. Please try again.');
        logged(failure.status, failure.code);
        const xml = method === 'HEAD' ? '' : errorXml(failure.code, failure.message, path, requestId);
        request.resume(); // drain an unread body so that the connection can be reused
        response.writeHead(failure.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) }).end(xml);
      },
    );
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    endpoint: `http://${host}:${address.port}`,
    requests,
    object: (key) => load(key),
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error ? reject(error) : resolvePromise()));
        server.closeAllConnections();
      }),
  };
}

function header1(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const etagOf = (bytes: Buffer) => `"${createHash('md5').update(bytes).digest('hex')}"`;
