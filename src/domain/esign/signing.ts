/**
 * The signer port (issue 19): one way for the application to have a PDF signed, whoever holds the key: a
 * PKCS#12 file of the unit or the official, a remote signing service that returns the signed file, or a
 * device that signs a digest (HSM, USB token). Implemented in infrastructure/esign/signing-service.ts.
 */
import type { PdfVerification, SignatureLevel } from './verification.js';

export const SIGNING_PROVIDERS = ['pkcs12', 'remote', 'hashOnly'] as const;
export type SigningProviderName = (typeof SIGNING_PROVIDERS)[number];

export const SIGNING_PROVIDER_LABELS: Record<SigningProviderName, string> = {
  pkcs12: 'Chứng thư số của đơn vị/cán bộ (tệp PKCS#12)',
  remote: 'Ký số từ xa (dịch vụ ký số)',
  hashOnly: 'Thiết bị ký số (USB token, HSM)',
};

/** Who signs: a unit (its seal, for certified copies) or an official. */
export interface SignerIdentity {
  kind: 'unit' | 'user';
  /** The unit code or the user id. */
  id: string;
  /** For remote signing: the signer's identifier at the service (ID number or username). */
  remoteUserId: string;
  commonName: string;
  organization: string;
}

export interface SignRequest {
  pdf: Uint8Array;
  signer: SignerIdentity;
  provider: SigningProviderName;
  reason: string;
  location: string;
  signingTime: Date;
  docId: string;
  fileName: string;
}

export interface SignOutcome {
  pdf: Uint8Array;
  level: SignatureLevel;
  /** Why there is no timestamp, when there is none. */
  timestampNote: string | null;
}

export type SigningFailureCode =
  | 'SIGNING_PROVIDER_NOT_CONFIGURED'
  | 'SIGNING_CERTIFICATE_MISSING'
  | 'SIGNING_CERTIFICATE_REVOKED'
  | 'REMOTE_SIGNING_TIMEOUT'
  | 'REMOTE_SIGNING_REFUSED'
  | 'REMOTE_SIGNING_UNAVAILABLE'
  | 'RESULT_FILE_NOT_PDF'
  | 'SIGNATURE_TOO_LARGE';

export class SigningFailure extends Error {
  constructor(
    readonly code: SigningFailureCode,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface SigningPort {
  providers(): readonly SigningProviderName[];
  /** Signs, or throws a SigningFailure; the caller still checks the outcome with `verify`. */
  sign(request: SignRequest): Promise<SignOutcome>;
  verify(pdf: Uint8Array): Promise<PdfVerification>;
}
