/**
 * PAdES signing with @signpdf: an incremental update adds the signature dictionary (sub-filter
 * ETSI.CAdES.detached) to the PDF as it is, so earlier signatures stay valid, and @signpdf fills its
 * /Contents with the CAdES signature that `cms.ts` builds over the byte ranges.
 */
import { constants, privateEncrypt, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { SignPdf, SignPdfError } from '@signpdf/signpdf';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { buildSignedData, OID, sha256, type SignatureKey } from './cms.js';
import { algorithm, octetString, sequence } from './der.js';

/** Room for the signature: the chain, and a timestamp token with its own chain. */
export const SIGNATURE_LENGTH = 24_000;

export interface PdfSignatureFields {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

export type Timestamper = (signatureValue: Buffer) => Promise<Buffer | null>;

class CadesSigner extends Signer {
  timestamped = false;
  constructor(
    private readonly key: SignatureKey,
    private readonly timestamp: Timestamper | undefined,
  ) {
    super();
  }
  override async sign(signedBytes: Buffer): Promise<Buffer> {
    const built = await buildSignedData({ key: this.key, contentDigest: sha256(signedBytes), timestamp: this.timestamp });
    this.timestamped = built.timestamped;
    return built.der;
  }
}

export class PdfFormatError extends Error {}

/** The PDF with one more signature; `timestamped` says whether the timestamp authority answered (B-T) or not (B-B). */
export async function signPdf(
  pdf: Buffer,
  key: SignatureKey,
  fields: PdfSignatureFields,
  timestamp?: Timestamper,
): Promise<{ pdf: Buffer; timestamped: boolean }> {
  let prepared: Buffer;
  try {
    prepared = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: fields.reason,
      contactInfo: fields.contactInfo,
      name: fields.name,
      location: fields.location,
      signingTime: fields.signingTime,
      signatureLength: SIGNATURE_LENGTH,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'motcua',
    });
  } catch (error) {
    throw new PdfFormatError((error as Error).message);
  }
  const signer = new CadesSigner(key, timestamp);
  try {
    const signed = await new SignPdf().sign(prepared, signer, fields.signingTime);
    return { pdf: signed, timestamped: signer.timestamped };
  } catch (error) {
    // @signpdf's own complaints about the file (several placeholders, no byte range) are about the input.
    if (error instanceof SignPdfError && !/exceeds placeholder/i.test(error.message)) throw new PdfFormatError(error.message);
    throw error;
  }
}

/** A key in this process (a PKCS#12 file's). */
export function softwareKey(privateKey: KeyObject, chain: readonly Buffer[]): SignatureKey {
  return {
    chain,
    keyType: privateKey.asymmetricKeyType === 'ec' ? 'ec' : 'rsa',
    sign: async ({ signedAttributes }) => cryptoSign('sha256', signedAttributes, privateKey),
  };
}

/**
 * The DigestInfo that a token's raw RSA mechanism (CKM_RSA_PKCS) signs: a device that is given only the
 * digest must be given it wrapped like this, or verifiers reject the signature.
 */
export const digestInfo = (digest: Buffer): Buffer => sequence(algorithm(OID.sha256), octetString(digest));

/** A hash-only device: it sees the SHA-256 of the signed attributes and returns an RSA PKCS#1 v1.5 signature. */
export type DigestSigner = (digestInfoDer: Buffer) => Promise<Buffer>;

export function hashOnlyKey(chain: readonly Buffer[], device: DigestSigner): SignatureKey {
  return { chain, keyType: 'rsa', sign: async ({ digest }) => device(digestInfo(digest)) };
}

/** A software stand-in for such a device, used by the tests and the bench. */
export const softwareDevice =
  (privateKey: KeyObject): DigestSigner =>
  async (info) =>
    privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, info);
