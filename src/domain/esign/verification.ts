/**
 * What a check of a signed PDF found, and how it is told: each signature's findings, and one verdict for the
 * document. The checking itself (bytes and cryptography) is in infrastructure/esign; this is the vocabulary
 * that the verification page, the API and the records share.
 */

export type SignatureProblem =
  | 'malformed'
  | 'digestMismatch'
  | 'badSignature'
  | 'signerCertificateMissing'
  | 'signingCertificateMismatch'
  | 'untrusted'
  | 'expired'
  | 'notYetValid'
  | 'revoked'
  | 'notCoveringDocument';

export const SIGNATURE_PROBLEM_TEXT: Record<SignatureProblem, string> = {
  malformed: 'Chữ ký không đọc được (không đúng định dạng CMS).',
  digestMismatch: 'Nội dung tệp đã bị thay đổi sau khi ký.',
  badSignature: 'Giá trị chữ ký không khớp với chứng thư của người ký.',
  signerCertificateMissing: 'Chữ ký không kèm chứng thư của người ký.',
  signingCertificateMismatch: 'Chứng thư kèm theo không phải chứng thư đã ký.',
  untrusted: 'Chứng thư của người ký không do tổ chức chứng thực được tin cậy cấp.',
  expired: 'Chứng thư của người ký đã hết hạn tại thời điểm ký.',
  notYetValid: 'Chứng thư của người ký chưa có hiệu lực tại thời điểm ký.',
  revoked: 'Chứng thư của người ký đã bị thu hồi.',
  notCoveringDocument: 'Tệp có nội dung được thêm vào sau chữ ký cuối cùng.',
};

/** B-B: a signature; B-T: with a trusted timestamp over it. */
export type SignatureLevel = 'B-B' | 'B-T';

export interface SignatureFinding {
  signerName: string | null;
  issuerName: string | null;
  serialNumber: string | null;
  /** The trusted time when there is a timestamp, else the time the signer claims. */
  signedAt: string | null;
  level: SignatureLevel;
  timestamp: { at: string | null; authority: string | null; problem: string | null } | null;
  problem: SignatureProblem | null;
}

export type PdfVerdict = 'valid' | 'invalid' | 'unsigned';

export interface PdfVerification {
  verdict: PdfVerdict;
  signatures: SignatureFinding[];
  sha256: string;
}

export function verdictOf(signatures: readonly SignatureFinding[]): PdfVerdict {
  if (signatures.length === 0) return 'unsigned';
  return signatures.every((s) => s.problem === null) ? 'valid' : 'invalid';
}
