/**
 * Checking a CMS signature step by step with `crypto.verify` (node-forge cannot verify PKCS#7): the digest of
 * the content against the messageDigest attribute, the signature over the DER of the signed attributes
 * exactly as they were signed, the ESS signing certificate, and the chain up to a trust anchor at the time
 * of signing.
 */
import { createHash, X509Certificate, verify as cryptoVerify } from 'node:crypto';
import { issuerAndSerial, OID, sha256 } from './cms.js';
import { asSet, child, children, read, readOid, sequence, TAG, type Element } from './der.js';

export interface ParsedSignedData {
  certificates: Buffer[];
  signedAttributes: Element;
  attributes: Map<string, Element>;
  unsignedAttributes: Map<string, Element>;
  signature: Buffer;
  signatureAlgorithm: string;
  /** The SignerInfo's digest algorithm (OID). */
  digestAlgorithm: string;
  signerId: Buffer;
  encapsulated: { type: string; bytes: Buffer | null };
}

function attributeMap(element: Element | undefined): Map<string, Element> {
  const map = new Map<string, Element>();
  for (const attr of element ? children(element) : []) {
    const [type, values] = children(attr);
    const first = values ? children(values)[0] : undefined;
    if (type && first) map.set(readOid(type), first);
  }
  return map;
}

export function parseSignedData(der: Buffer): ParsedSignedData {
  const contentInfo = read(der);
  if (readOid(child(contentInfo, 0)) !== OID.signedData) throw new Error('không phải SignedData');
  const signedData = child(child(contentInfo, 1), 0);
  const fields = children(signedData);
  const encap = fields[2];
  if (!encap) throw new Error('SignedData thiếu nội dung');
  const encapFields = children(encap);
  const eContent = encapFields[1] ? child(encapFields[1], 0).content : null;
  const certificates = fields.filter((f) => f.tag === 0xa0).flatMap((f) => children(f).map((c) => Buffer.from(c.raw)));
  const signerInfos = fields[fields.length - 1];
  const signerInfo = signerInfos ? children(signerInfos)[0] : undefined;
  if (!signerInfo) throw new Error('SignedData không có người ký');
  const info = children(signerInfo);
  const signed = info.find((f) => f.tag === 0xa0);
  const unsigned = info.find((f) => f.tag === 0xa1);
  // SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, [1] unsignedAttrs.
  const [, sid, digestAlgorithm, , signatureAlgorithm, signature] = info;
  if (!signed || info[3] !== signed || !sid || !digestAlgorithm || !signatureAlgorithm || signature?.tag !== TAG.octetString)
    throw new Error('SignerInfo thiếu trường');
  return {
    certificates,
    signedAttributes: signed,
    attributes: attributeMap(signed),
    unsignedAttributes: attributeMap(unsigned),
    signature: signature.content,
    signatureAlgorithm: readOid(child(signatureAlgorithm, 0)),
    digestAlgorithm: readOid(child(digestAlgorithm, 0)),
    signerId: sid.raw,
    encapsulated: { type: readOid(encapFields[0] ?? encap), bytes: eContent },
  };
}

export type CmsProblem = 'digestMismatch' | 'badSignature' | 'signerCertificateMissing' | 'signingCertificateMismatch' | 'malformed';

export interface CmsCheck {
  problem: CmsProblem | null;
  signer: X509Certificate | null;
  parsed: ParsedSignedData | null;
}

/** Digest algorithms a signer may have used (OID → Node's name); others make the signature unreadable here. */
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/**
 * Checks the signature itself (not the chain). `detached` is the signed content (a PDF's byte ranges): the
 * SignedData must then carry no content of its own and say it signs data; null checks encapsulated content (a
 * timestamp token). Never throws: what cannot be read is `malformed`.
 */
export function checkSignedData(der: Buffer, detached: readonly Buffer[] | null): CmsCheck {
  let parsed: ParsedSignedData;
  try {
    parsed = parseSignedData(der);
  } catch {
    return { problem: 'malformed', signer: null, parsed: null };
  }
  try {
    return checkParsed(parsed, detached);
  } catch {
    return { problem: 'malformed', signer: null, parsed };
  }
}

function checkParsed(parsed: ParsedSignedData, detached: readonly Buffer[] | null): CmsCheck {
  const hashName = DIGESTS[parsed.digestAlgorithm];
  if (!hashName) return { problem: 'malformed', signer: null, parsed };
  const contentType = parsed.attributes.get(OID.contentType);
  // A detached signature signs data: a timestamp token (or any SignedData with content) is no document signature.
  if (detached && (parsed.encapsulated.bytes !== null || parsed.encapsulated.type !== OID.data || (contentType && readOid(contentType) !== OID.data)))
    return { problem: 'malformed', signer: null, parsed };
  const content = detached ?? (parsed.encapsulated.bytes ? [parsed.encapsulated.bytes] : null);
  if (!content) return { problem: 'digestMismatch', signer: null, parsed };
  const hash = createHash(hashName);
  for (const part of content) hash.update(part);
  const digest = hash.digest();
  const claimed = parsed.attributes.get(OID.messageDigest)?.content;
  if (!claimed || !claimed.equals(digest)) return { problem: 'digestMismatch', signer: null, parsed };
  const signerDer = parsed.certificates.find((c) => {
    const { issuer, serial } = issuerAndSerial(c);
    return parsed.signerId.equals(sequence(issuer, serial));
  });
  if (!signerDer) return { problem: 'signerCertificateMissing', signer: null, parsed };
  const signer = new X509Certificate(signerDer);
  const essCert = parsed.attributes.get(OID.signingCertificateV2);
  if (essCert) {
    const hashElement = child(child(child(essCert, 0), 0), 0);
    const certHash = hashElement.tag === TAG.octetString ? hashElement.content : child(child(child(essCert, 0), 0), 1).content;
    if (!certHash.equals(sha256(signerDer))) return { problem: 'signingCertificateMismatch', signer, parsed };
  }
  const ok = cryptoVerify(hashName, asSet(parsed.signedAttributes), signer.publicKey, parsed.signature);
  return { problem: ok ? null : 'badSignature', signer, parsed };
}

export type ChainProblem = 'untrusted' | 'expired' | 'notYetValid' | 'revoked';

export interface TrustStore {
  anchors: readonly X509Certificate[];
  /** Serial numbers (upper-case hex) of revoked certificates, by issuer subject. */
  isRevoked(certificate: X509Certificate): boolean;
}

/** A path from `leaf` through the given intermediates to an anchor, each certificate valid at `at`. */
export function checkChain(
  leaf: X509Certificate,
  intermediates: readonly Buffer[],
  trust: TrustStore,
  at: Date,
): { problem: ChainProblem | null; anchor: X509Certificate | null } {
  const pool = intermediates.flatMap((d) => {
    try {
      return [new X509Certificate(d)];
    } catch {
      return [];
    }
  });
  let current = leaf;
  for (let depth = 0; depth < 6; depth += 1) {
    if (at < new Date(current.validFrom)) return { problem: 'notYetValid', anchor: null };
    if (at > new Date(current.validTo)) return { problem: 'expired', anchor: null };
    if (trust.isRevoked(current)) return { problem: 'revoked', anchor: null };
    const anchor = trust.anchors.find((a) => current.checkIssued(a) && current.verify(a.publicKey));
    if (anchor) return { problem: null, anchor };
    const next = pool.find((c) => c.ca && current.checkIssued(c) && current.verify(c.publicKey) && c.fingerprint256 !== current.fingerprint256);
    if (!next) return { problem: 'untrusted', anchor: null };
    current = next;
  }
  return { problem: 'untrusted', anchor: null };
}
