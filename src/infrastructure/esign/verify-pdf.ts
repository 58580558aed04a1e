/**
 * Every signature of a PDF checked: the byte ranges it covers, its CMS (cms digest, signature, signing
 * certificate), the signer's chain to a trust anchor at the time of signing (the timestamp's time when there
 * is a valid one), and whether anything was appended after the last signature.
 */
import { createHash, type X509Certificate } from 'node:crypto';
import { verdictOf, type PdfVerification, type SignatureFinding, type SignatureProblem } from '../../domain/esign/verification.js';
import { OID } from './cms.js';
import { checkTimestampToken } from './timestamp.js';
import { read } from './der.js';
import { checkChain, checkSignedData, type TrustStore } from './verify-cms.js';

interface FoundSignature {
  ranges: [number, number, number, number];
  contents: Buffer;
  claimedAt: Date | null;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
/** A document has a few signatures; past this many, the file is built to make us hash it again and again. */
export const MAX_SIGNATURES = 20;
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

function claimedTime(pdf: Buffer, from: number): Date | null {
  const window = pdf.subarray(from, Math.min(pdf.length, from + 1500)).toString('latin1');
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2})?/.exec(window);
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(-2)}`;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

function findSignatures(pdf: Buffer): FoundSignature[] {
  const text = pdf.toString('latin1');
  const found: FoundSignature[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(BYTE_RANGE)) {
    const key = `${m[1]} ${m[2]} ${m[3]} ${m[4]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > MAX_SIGNATURES) throw new TooManySignatures();
    const ranges = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const [start, firstLength, second, secondLength] = ranges;
    if (start !== 0 || second <= firstLength || second + secondLength > pdf.length) continue;
    if (pdf[firstLength] !== 0x3c || pdf[second - 1] !== 0x3e) continue;
    const hex = pdf.subarray(firstLength + 1, second - 1).toString('latin1');
    if (!/^[0-9a-fA-F]*$/.test(hex)) continue;
    found.push({ ranges, contents: Buffer.from(hex, 'hex'), claimedAt: claimedTime(pdf, second) });
  }
  return found;
}

const nameOf = (certificate: X509Certificate, field: 'subject' | 'issuer'): string =>
  certificate[field]
    .split('\n')
    .find((l) => l.startsWith('CN='))
    ?.slice(3) ?? certificate[field];

class TooManySignatures extends Error {}

const MALFORMED: SignatureFinding = {
  signerName: null,
  issuerName: null,
  serialNumber: null,
  signedAt: null,
  level: 'B-B',
  timestamp: null,
  problem: 'malformed',
};

function checkOne(pdf: Buffer, found: FoundSignature, isLast: boolean, trust: TrustStore): SignatureFinding {
  try {
    return checkSignature(pdf, found, isLast, trust);
  } catch {
    return MALFORMED;
  }
}

function checkSignature(pdf: Buffer, found: FoundSignature, isLast: boolean, trust: TrustStore): SignatureFinding {
  const [, firstLength, second, secondLength] = found.ranges;
  const signed = [pdf.subarray(0, firstLength), pdf.subarray(second, second + secondLength)];
  let der: Buffer;
  try {
    der = Buffer.from(read(found.contents).raw);
  } catch {
    der = found.contents;
  }
  const cms = checkSignedData(der, signed);
  const base: SignatureFinding = {
    signerName: cms.signer ? nameOf(cms.signer, 'subject') : null,
    issuerName: cms.signer ? nameOf(cms.signer, 'issuer') : null,
    serialNumber: cms.signer?.serialNumber ?? null,
    signedAt: found.claimedAt?.toISOString() ?? null,
    level: 'B-B',
    timestamp: null,
    problem: cms.problem,
  };
  if (cms.problem || !cms.signer || !cms.parsed) return base;
  // A timestamping certificate stamps times; it does not sign documents.
  if ((cms.signer.keyUsage ?? []).includes(TIME_STAMPING)) return { ...base, problem: 'untrusted' };
  const token = cms.parsed.unsignedAttributes.get(OID.signatureTimeStampToken);
  const stamp = token ? checkTimestampToken(Buffer.from(token.raw), cms.parsed.signature, trust) : null;
  const trustedTime = stamp && !stamp.problem ? stamp.time : null;
  const at = trustedTime ?? found.claimedAt ?? new Date();
  const chain = checkChain(cms.signer, cms.parsed.certificates, trust, at);
  const covers = second + secondLength === pdf.length;
  const problem: SignatureProblem | null = chain.problem ?? (isLast && !covers ? 'notCoveringDocument' : null);
  return {
    ...base,
    signedAt: at.toISOString(),
    level: trustedTime ? 'B-T' : 'B-B',
    timestamp: stamp ? { at: stamp.time?.toISOString() ?? null, authority: stamp.authority, problem: stamp.problem } : null,
    problem,
  };
}

export function verifyPdf(pdf: Buffer, trust: TrustStore): PdfVerification {
  let found: FoundSignature[];
  try {
    found = findSignatures(pdf);
  } catch {
    // Too many signature dictionaries: refused without hashing the file once per dictionary.
    return { verdict: 'invalid', signatures: [MALFORMED], sha256: createHash('sha256').update(pdf).digest('hex') };
  }
  const signatures = found.map((f, i) => checkOne(pdf, f, i === found.length - 1, trust));
  return { verdict: verdictOf(signatures), signatures, sha256: createHash('sha256').update(pdf).digest('hex') };
}

/** True when the bytes start like a PDF. */
export const looksLikePdf = (bytes: Buffer): boolean => bytes.subarray(0, 1024).includes('%PDF-');
