/**
 * AWS Signature Version 4 (header form, `AWS4-HMAC-SHA256`), as used by S3 and S3-compatible stores.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 *
 * Canonical request = method, URI path, canonical query, canonical headers, signed header names, payload hash;
 * string to sign = algorithm, timestamp, credential scope, sha256(canonical request);
 * key = HMAC chain over date, region, service and "aws4_request", starting from "AWS4" + secret.
 *
 * The path is taken as sent (already URI-encoded) and not normalised, which is what S3 expects; the other AWS
 * services' double encoding and dot-segment removal are not implemented (nothing here needs them).
 * Used both by the S3 client (to sign) and by the local simulator (to verify).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** sha256 of the empty payload. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SigningRequest {
  method: string;
  /** The path as it goes on the wire, already URI-encoded: "/bucket/ab/cd/abcd…". */
  path: string;
  /** The raw query string without "?" ("" when none). */
  query?: string;
  /** Lower-case names; every header given here is signed. Must include host and x-amz-date. */
  headers: Record<string, string>;
  /** Hex sha256 of the body (or UNSIGNED-PAYLOAD). */
  payloadHash: string;
}

export interface Scope {
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
}

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** 2015-08-30T12:36:00.000Z → 20150830T123600Z */
export function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 3986 encoding of one path segment or query component (everything but A–Z a–z 0–9 - _ . ~). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, '%20'));
      return [uriEncode(decode(name)), uriEncode(decode(value))] as const;
    })
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** The signed header names, lower-case, sorted, joined by ";". */
export function signedHeaderNames(headers: Record<string, string>): string {
  return Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort()
    .join(';');
}

export function canonicalRequest(request: SigningRequest): string {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    request.method.toUpperCase(),
    request.path || '/',
    canonicalQuery(request.query ?? ''),
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    headers.map(([name]) => name).join(';'),
    request.payloadHash,
  ].join('\n');
}

export const scopeString = (scope: Scope): string => `${scope.date}/${scope.region}/${scope.service}/aws4_request`;

export function stringToSign(timestamp: string, scope: Scope, canonical: string): string {
  return [ALGORITHM, timestamp, scopeString(scope), sha256Hex(canonical)].join('\n');
}

export function signingKey(secretAccessKey: string, scope: Scope): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, scope.date), scope.region), scope.service), 'aws4_request');
}

/** The hex signature of a request; its x-amz-date header gives the timestamp. */
export function signature(request: SigningRequest, secretAccessKey: string, scope: Omit<Scope, 'date'>): string {
  const timestamp = request.headers['x-amz-date'];
  if (!timestamp || !/^\d{8}T\d{6}Z$/.test(timestamp)) throw new Error('SigV4: the x-amz-date header (YYYYMMDDTHHMMSSZ) is required');
  const full: Scope = { ...scope, date: timestamp.slice(0, 8) };
  return createHmac('sha256', signingKey(secretAccessKey, full))
    .update(stringToSign(timestamp, full, canonicalRequest(request)), 'utf8')
    .digest('hex');
}

/** The Authorization header value for a request. */
export function authorization(request: SigningRequest, credentials: Credentials, scope: Omit<Scope, 'date'>): string {
  const date = (request.headers['x-amz-date'] ?? '').slice(0, 8);
  return (
    `${ALGORITHM} Credential=${credentials.accessKeyId}/${scopeString({ ...scope, date })}, ` +
    `SignedHeaders=${signedHeaderNames(request.headers)}, Signature=${signature(request, credentials.secretAccessKey, scope)}`
  );
}

export interface ParsedAuthorization {
  accessKeyId: string;
  scope: Scope;
  signedHeaders: string[];
  signature: string;
}

/** Parses `AWS4-HMAC-SHA256 Credential=…/date/region/service/aws4_request, SignedHeaders=…, Signature=…`; null if malformed. */
export function parseAuthorization(value: string): ParsedAuthorization | null {
  const match = /^AWS4-HMAC-SHA256\s+(.*)$/.exec(value.trim());
  if (!match) return null;
  const fields = new Map<string, string>();
  for (const part of match[1]!.split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const credential = fields.get('Credential')?.split('/');
  const signedHeaders = fields.get('SignedHeaders');
  const sig = fields.get('Signature');
  if (!credential || credential.length !== 5 || credential[4] !== 'aws4_request' || !/^\d{8}$/.test(credential[1]!)) return null;
  if (!signedHeaders || !/^[a-z0-9-]+(;[a-z0-9-]+)*$/.test(signedHeaders) || !sig || !/^[0-9a-f]{64}$/.test(sig)) return null;
  const [accessKeyId, date, region, service] = credential as [string, string, string, string];
  if (!accessKeyId || !region || !service) return null;
  return { accessKeyId, scope: { date, region, service }, signedHeaders: signedHeaders.split(';'), signature: sig };
}

/** Constant-time comparison of two hex signatures. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
