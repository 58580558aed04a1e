/**
 * The signer port's implementation: a PKCS#12 key (the signer's file, or the demo CA's), a hash-only device
 * (HSM or USB token: given only the digest of the signed attributes; the demo stands a software device in
 * for one), or the NEAC-style remote service, which returns the signed file. Every signature made here asks
 * the timestamp authority for a token, best effort.
 */
import { SigningFailure, type SigningPort, type SigningProviderName, type SignRequest } from '../../domain/esign/signing.js';
import type { SigningConfig } from '../../config/signing-config.js';
import { hashOnlyKey, PdfFormatError, signPdf, softwareDevice, softwareKey, type DigestSigner } from './pades.js';
import { requestTimestamp } from './timestamp.js';
import { verifyPdf, looksLikePdf } from './verify-pdf.js';
import { createRemoteSigningClient, RemoteSigningError, signRemotely } from './remote-signing.js';
import type { KeyRing } from './key-ring.js';

const REMOTE_CODES = {
  timeout: 'REMOTE_SIGNING_TIMEOUT',
  refused: 'REMOTE_SIGNING_REFUSED',
  unavailable: 'REMOTE_SIGNING_UNAVAILABLE',
  invalidReply: 'REMOTE_SIGNING_UNAVAILABLE',
} as const;

export interface SigningServiceOptions {
  keys: KeyRing;
  config: SigningConfig;
  /** A hash-only device for a signer; by default (demo) a software device over the signer's key. */
  device?: (request: SignRequest) => Promise<{ chain: Buffer[]; sign: DigestSigner } | null>;
}

export function createSigningService(options: SigningServiceOptions): SigningPort {
  const { keys, config } = options;
  const remote = config.remote ? createRemoteSigningClient(config.remote) : null;
  const offered: SigningProviderName[] = [
    ...(config.demoCa || Object.keys(config.credentials.units).length + Object.keys(config.credentials.users).length > 0 ? (['pkcs12'] as const) : []),
    ...(remote ? (['remote'] as const) : []),
    ...(options.device || config.demoCa ? (['hashOnly'] as const) : []),
  ];

  async function localKey(request: SignRequest) {
    if (request.provider === 'hashOnly' && options.device) {
      const device = await options.device(request);
      if (!device) throw new SigningFailure('SIGNING_CERTIFICATE_MISSING', 'Thiết bị ký số không có chứng thư của người ký.');
      return hashOnlyKey(device.chain, device.sign);
    }
    const held = await keys.keyFor(request.signer);
    if (held === null) throw new SigningFailure('SIGNING_CERTIFICATE_MISSING', `${request.signer.commonName} chưa được cấp chứng thư số.`);
    if (held === 'revoked') throw new SigningFailure('SIGNING_CERTIFICATE_REVOKED', `Chứng thư số của ${request.signer.commonName} đã bị thu hồi.`);
    return request.provider === 'hashOnly' ? hashOnlyKey(held.chain, softwareDevice(held.privateKey)) : softwareKey(held.privateKey, held.chain);
  }

  return {
    providers: () => offered,
    async sign(request) {
      if (!offered.includes(request.provider)) throw new SigningFailure('SIGNING_PROVIDER_NOT_CONFIGURED', 'Hình thức ký số này chưa được cấu hình.');
      const pdf = Buffer.from(request.pdf);
      if (!looksLikePdf(pdf)) throw new SigningFailure('RESULT_FILE_NOT_PDF', 'Tệp không phải PDF.');
      if (request.provider === 'remote' && remote) {
        try {
          const signed = await signRemotely(remote, { userId: request.signer.remoteUserId, docId: request.docId, fileName: request.fileName, pdf });
          return { pdf: signed.pdf, level: 'B-B', timestampNote: 'Dịch vụ ký số từ xa không gắn dấu thời gian.' };
        } catch (error) {
          if (error instanceof RemoteSigningError) throw new SigningFailure(REMOTE_CODES[error.kind], error.message);
          throw error;
        }
      }
      const key = await localKey(request);
      let note: string | null = config.tsa ? null : 'Chưa cấu hình máy chủ dấu thời gian.';
      const tsa = config.tsa;
      const timestamp = tsa
        ? async (value: Buffer) => {
            const outcome = await requestTimestamp(tsa.url, value, tsa.timeoutMs);
            if (outcome.token === null) note = `Không có dấu thời gian: ${outcome.reason}.`;
            return outcome.token;
          }
        : undefined;
      try {
        const fields = {
          reason: request.reason,
          name: request.signer.commonName,
          location: request.location,
          contactInfo: '',
          signingTime: request.signingTime,
        };
        const signed = await signPdf(pdf, key, fields, timestamp);
        return { pdf: signed.pdf, level: signed.timestamped ? 'B-T' : 'B-B', timestampNote: signed.timestamped ? null : note };
      } catch (error) {
        if (error instanceof PdfFormatError) throw new SigningFailure('RESULT_FILE_NOT_PDF', `Không đọc được cấu trúc tệp PDF: ${error.message}`);
        if (/exceeds placeholder/i.test((error as Error).message))
          throw new SigningFailure('SIGNATURE_TOO_LARGE', 'Chữ ký vượt quá chỗ dành sẵn trong tệp PDF.');
        throw error;
      }
    },
    async verify(pdf) {
      return verifyPdf(Buffer.from(pdf), await keys.trust());
    },
  };
}
