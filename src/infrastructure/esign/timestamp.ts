/**
 * RFC 3161 timestamps: the client that asks a timestamp authority for a token over a signature value (best
 * effort, with a short bound: an authority that does not answer lowers the signature to B-B, it never fails
 * it), the local authority that answers in a demo, and the check of a token found in a signature.
 */
import { randomBytes, type X509Certificate } from 'node:crypto';
import { buildSignedData, OID, sha256, type SignatureKey } from './cms.js';
import { algorithm, booleanValue, child, children, generalizedTime, integer, octetString, oid, read, readOid, readTime, sequence, TAG } from './der.js';
import { checkChain, checkSignedData, type TrustStore } from './verify-cms.js';

/** The demo authority's policy (a private arc; a real authority states its own). */
export const DEMO_TSA_POLICY = '1.3.6.1.4.1.57264.1.1';
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

export function timestampRequest(signatureValue: Buffer, nonce = randomBytes(8)): Buffer {
  return sequence(integer(1n), sequence(algorithm(OID.sha256), octetString(sha256(signatureValue))), integer(nonce), booleanValue(true));
}

export type TimestampOutcome = { token: Buffer } | { token: null; reason: string };

/** Asks `url` for a token; never throws: a failure is a reason for the record. */
export async function requestTimestamp(url: string, signatureValue: Buffer, timeoutMs: number): Promise<TimestampOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: new Uint8Array(timestampRequest(signatureValue)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { token: null, reason: `máy chủ dấu thời gian trả lời HTTP ${response.status}` };
    const reply = read(Buffer.from(await response.arrayBuffer()));
    const status = child(child(reply, 0), 0).content.readUIntBE(0, 1);
    const token = children(reply)[1];
    if (status > 1 || !token) return { token: null, reason: `máy chủ dấu thời gian từ chối (trạng thái ${status})` };
    const imprint = tokenImprint(token.raw);
    if (!imprint.equals(sha256(signatureValue))) return { token: null, reason: 'dấu thời gian không khớp chữ ký' };
    return { token: Buffer.from(token.raw) };
  } catch (error) {
    const name = (error as Error).name;
    return {
      token: null,
      reason: name === 'TimeoutError' ? `máy chủ dấu thời gian không trả lời trong ${timeoutMs} ms` : 'không kết nối được máy chủ dấu thời gian',
    };
  }
}

function tstInfoOf(token: Buffer): Buffer {
  const bytes = checkSignedData(token, null).parsed?.encapsulated.bytes;
  if (!bytes) throw new Error('dấu thời gian không có TSTInfo');
  return bytes;
}

function tokenImprint(token: Buffer): Buffer {
  return child(child(read(tstInfoOf(token)), 2), 1).content;
}

/** The local authority: answers a TimeStampReq with a token signed by `key`. */
export async function answerTimestampRequest(request: Buffer, key: SignatureKey, now: Date): Promise<Buffer> {
  const rejection = sequence(sequence(integer(2n)));
  let imprint;
  let nonce;
  try {
    const fields = children(read(request));
    imprint = fields[1];
    nonce = fields.find((f, i) => i > 1 && f.tag === TAG.integer);
    // Only a SHA-256 imprint of 32 bytes and a short nonce: the token must not carry what a caller chooses.
    const [algorithmId, hashed] = imprint ? children(imprint) : [];
    const valid =
      algorithmId !== undefined &&
      readOid(child(algorithmId, 0)) === OID.sha256 &&
      hashed?.tag === TAG.octetString &&
      hashed.content.length === 32 &&
      (nonce === undefined || nonce.content.length <= 16);
    if (!valid || !imprint) return rejection;
  } catch {
    return rejection;
  }
  const tstInfo = sequence(integer(1n), oid(DEMO_TSA_POLICY), imprint.raw, integer(randomBytes(12)), generalizedTime(now), ...(nonce ? [nonce.raw] : []));
  const token = await buildSignedData({ key, contentDigest: sha256(tstInfo), encapsulated: { type: OID.tstInfo, bytes: tstInfo } });
  return sequence(sequence(integer(0n)), token.der);
}

export interface TimestampCheck {
  time: Date | null;
  problem: string | null;
  authority: string | null;
}

/** A token found in a signature: signed by a trusted timestamping certificate, over this signature value. */
export function checkTimestampToken(token: Buffer, signatureValue: Buffer, trust: TrustStore): TimestampCheck {
  try {
    return checkToken(token, signatureValue, trust);
  } catch {
    return { time: null, problem: 'dấu thời gian không đọc được', authority: null };
  }
}

function checkToken(token: Buffer, signatureValue: Buffer, trust: TrustStore): TimestampCheck {
  const cms = checkSignedData(token, null);
  if (cms.problem || !cms.signer || !cms.parsed) return { time: null, problem: 'chữ ký của dấu thời gian không hợp lệ', authority: null };
  if (cms.parsed.encapsulated.type !== OID.tstInfo) return { time: null, problem: 'dấu thời gian không có TSTInfo', authority: null };
  const info = read(tstInfoOf(token));
  const genTime = readTime(child(info, 4));
  const authority =
    cms.signer.subject
      .split('\n')
      .find((l) => l.startsWith('CN='))
      ?.slice(3) ?? cms.signer.subject;
  if (!child(child(info, 2), 1).content.equals(sha256(signatureValue))) return { time: genTime, problem: 'dấu thời gian không khớp chữ ký', authority };
  if (!isTimestampingCertificate(cms.signer)) return { time: genTime, problem: 'chứng thư không dùng để cấp dấu thời gian', authority };
  const chain = checkChain(cms.signer, cms.parsed.certificates, trust, genTime);
  if (chain.problem) return { time: genTime, problem: 'chứng thư máy chủ dấu thời gian không được tin cậy', authority };
  return { time: genTime, problem: null, authority };
}

const isTimestampingCertificate = (certificate: X509Certificate): boolean => (certificate.keyUsage ?? []).includes(TIME_STAMPING);
