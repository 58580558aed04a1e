/**
 * CAdES detached signatures (RFC 5652 SignedData, ETSI EN 319 122 baseline B-B, with B-T when a timestamp is
 * added) built so that the private key may live anywhere: the builder hands the DER of the signed attributes
 * to a `SignatureKey`, which may be a PKCS#12 key in this process, an HSM or a USB token that signs a digest.
 * Signed attributes: content type, message digest and the ESS signing-certificate-v2 (no signing-time: PAdES
 * puts the claimed time in the signature dictionary).
 */
import { createHash } from 'node:crypto';
import { X509Certificate } from 'node:crypto';
import { algorithm, explicit, implicitConstructed, integer, octetString, oid, sequence, setOf, child, children, read, type Element } from './der.js';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export const sha256 = (...parts: Buffer[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** Who holds the private key: given the DER of the signed attributes (and its SHA-256), return the signature. */
export interface SignatureKey {
  /** The signer's certificate first, then any intermediates (DER). */
  readonly chain: readonly Buffer[];
  readonly keyType: 'rsa' | 'ec';
  sign(input: { signedAttributes: Buffer; digest: Buffer }): Promise<Buffer>;
}

/** Serial number and issuer name, exactly as the certificate encodes them. */
export function issuerAndSerial(certificateDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const tbs = child(read(certificateDer), 0);
  const fields = children(tbs);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!serial || !issuer) throw new Error('certificate without serial or issuer');
  return { issuer: issuer.raw, serial: serial.raw };
}

const attribute = (type: string, value: Buffer): Buffer => sequence(oid(type), setOf(value));

export interface CmsInput {
  key: SignatureKey;
  /** SHA-256 of the detached content, or of `encapsulated` when given. */
  contentDigest: Buffer;
  /** Content carried inside the SignedData (a timestamp token's TSTInfo); detached when absent. */
  encapsulated?: { type: string; bytes: Buffer };
  /** Asked for a timestamp token over the signature value; null keeps the signature without one. */
  timestamp?: (signatureValue: Buffer) => Promise<Buffer | null>;
}

export async function buildSignedData(input: CmsInput): Promise<{ der: Buffer; timestamped: boolean }> {
  const [signerCert] = input.key.chain;
  if (!signerCert) throw new Error('a signature key needs its certificate');
  const contentType = input.encapsulated?.type ?? OID.data;
  const signedAttributes = setOf(
    attribute(OID.contentType, oid(contentType)),
    attribute(OID.messageDigest, octetString(input.contentDigest)),
    attribute(OID.signingCertificateV2, sequence(sequence(sequence(octetString(sha256(signerCert)))))),
  );
  const signature = await input.key.sign({ signedAttributes, digest: sha256(signedAttributes) });
  const token = input.timestamp ? await input.timestamp(signature) : null;
  const { issuer, serial } = issuerAndSerial(signerCert);
  const signerInfo = sequence(
    integer(1n),
    sequence(issuer, serial),
    algorithm(OID.sha256),
    implicitConstructed(0, signedAttributes),
    input.key.keyType === 'rsa' ? algorithm(OID.sha256WithRsa) : algorithm(OID.ecdsaWithSha256, false),
    octetString(signature),
    ...(token ? [implicitConstructed(1, setOf(attribute(OID.signatureTimeStampToken, token)))] : []),
  );
  const encapContentInfo = input.encapsulated
    ? sequence(oid(input.encapsulated.type), explicit(0, octetString(input.encapsulated.bytes)))
    : sequence(oid(OID.data));
  const signedData = sequence(
    integer(input.encapsulated ? 3n : 1n),
    setOf(algorithm(OID.sha256)),
    encapContentInfo,
    implicitConstructed(0, setOf(...input.key.chain)),
    setOf(signerInfo),
  );
  return { der: sequence(oid(OID.signedData), explicit(0, signedData)), timestamped: token !== null };
}

/** A certificate's subject common name, for records and messages. */
export function commonName(certificateDer: Buffer): string {
  const cert = new X509Certificate(certificateDer);
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject);
  return cn?.[1] ?? cert.subject;
}

export type { Element };
