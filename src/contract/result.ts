/**
 * What crosses the wire for e-results (issue 19): a dossier's result documents and their signatures, the
 * preparing, signing and revoking of one, the public record behind a QR code, and a verification report.
 */
import { z } from 'zod';
import { text } from './text.js';
import { SIGNING_PROVIDERS } from '../domain/esign/signing.js';

export { SIGNING_PROVIDERS };

export const RESULT_DOCUMENT_KINDS = ['result', 'annex', 'certifiedCopy'] as const;
export const RESULT_DOCUMENT_STATUSES = ['draft', 'awaitingSignature', 'signed', 'revoked', 'replaced'] as const;
const Level = z.enum(['B-B', 'B-T']);

export const ResultSignature = z
  .object({
    signerName: z.string(),
    provider: z.enum(SIGNING_PROVIDERS),
    certificateSubject: z.string(),
    certificateIssuer: z.string(),
    level: Level.describe('PAdES B-B: chữ ký; B-T: có dấu thời gian tin cậy'),
    timestampAt: z.string().nullable(),
    timestampNote: z.string().nullable().describe('Lý do chữ ký không có dấu thời gian'),
    signedAt: z.string(),
  })
  .meta({ id: 'ResultSignature' });

export const ResultDocument = z
  .object({
    id: z.string(),
    kind: z.enum(RESULT_DOCUMENT_KINDS),
    title: z.string(),
    resultCode: z.string().nullable(),
    source: z.enum(['template', 'upload', 'scan', 'imported']),
    status: z.enum(RESULT_DOCUMENT_STATUSES),
    fileName: z.string(),
    sha256: z.string(),
    verificationCode: z.string(),
    verificationUrl: z.string(),
    level: Level.nullable(),
    registerNumber: z.string().nullable().describe('Số chứng thực trong sổ của đơn vị (bản sao chứng thực), dạng 12/2026'),
    createdAt: z.string(),
    signedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
    replaces: z.string().nullable(),
    replacedBy: z.string().nullable(),
    signatures: z.array(ResultSignature),
    version: z.number().int(),
  })
  .meta({ id: 'ResultDocument' });
export type ResultDocument = z.infer<typeof ResultDocument>;

export const DossierResults = z
  .object({
    items: z.array(ResultDocument),
    providers: z.array(z.enum(SIGNING_PROVIDERS)).describe('Hình thức ký số đơn vị dùng được'),
    canPrepare: z.boolean().describe('Người xem được lập, tải lên văn bản kết quả và trình ký'),
    canSign: z.boolean().describe('Người xem được ký số văn bản kết quả'),
    canCertify: z.boolean().describe('Người xem được chứng thực bản sao điện tử'),
  })
  .meta({ id: 'DossierResults' });
export type DossierResults = z.infer<typeof DossierResults>;

export const ResultDocumentParams = z.strictObject({ id: z.uuid(), documentId: z.uuid() });

/** POST /dossiers/{id}/results: generate from the procedure's template. Uploads send the PDF itself with ?title=…&kind=…. */
export const PrepareResultBody = z.strictObject({
  kind: z.enum(['result', 'annex']).default('result'),
  title: text(300).optional().describe('Tên văn bản; mặc định là tên kết quả của thủ tục'),
  replaces: z.uuid().optional().describe('Văn bản đã ký mà văn bản này đính chính, thay thế'),
});
export const UploadResultQuery = z.strictObject({
  kind: z.enum(['result', 'annex']).default('result'),
  title: text(300),
  replaces: z.uuid().optional(),
});
export const CertifyCopyQuery = z.strictObject({ title: text(300).describe('Tên giấy tờ được chứng thực') });

export const VersionBody = z.strictObject({ version: z.number().int().min(0) });
export const SignResultBody = z.strictObject({
  version: z.number().int().min(0),
  provider: z.enum(SIGNING_PROVIDERS),
});
export const RevokeResultBody = z.strictObject({ version: z.number().int().min(0), reason: text(500) });

/** The public record behind a QR code: no personal data beyond what the document itself shows. */
export const PublicResult = z
  .object({
    code: z.string(),
    title: z.string(),
    kind: z.enum(RESULT_DOCUMENT_KINDS),
    issuer: z.string(),
    dossierCode: z.string(),
    status: z.enum(RESULT_DOCUMENT_STATUSES),
    signedAt: z.string().nullable(),
    signers: z.array(z.object({ name: z.string(), level: Level, signedAt: z.string() })),
    sha256: z.string(),
    revokedReason: z.string().nullable(),
    replacedBy: z.string().nullable().describe('Mã xác thực của văn bản thay thế'),
  })
  .meta({ id: 'PublicResult' });
export type PublicResult = z.infer<typeof PublicResult>;

export const VerificationReport = z
  .object({
    verdict: z.enum(['valid', 'invalid', 'unsigned']),
    sha256: z.string(),
    /** The registered document whose signed file this is, if any. */
    matches: PublicResult.nullable(),
    signatures: z.array(
      z.object({
        signerName: z.string().nullable(),
        issuerName: z.string().nullable(),
        signedAt: z.string().nullable(),
        level: Level,
        timestamp: z.object({ at: z.string().nullable(), authority: z.string().nullable(), problem: z.string().nullable() }).nullable(),
        problem: z.string().nullable(),
        message: z.string().nullable(),
      }),
    ),
    summary: z.string(),
  })
  .meta({ id: 'VerificationReport' });
export type VerificationReport = z.infer<typeof VerificationReport>;
export const VerificationCodeParams = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });
