/**
 * What crosses the wire for the files of a dossier's components (src/http/routes/dossier-files.ts): the list,
 * one file as the upload answers it, and the upload's query string (the body is the raw file).
 */
import { z } from 'zod';
import { text } from './text.js';

import { DOSSIER_FILE_FORMS, DOSSIER_FILE_TYPES, SUPPLEMENT_COMPONENT_CODE } from '../domain/dossier/vocabulary.js';

export { DOSSIER_FILE_FORMS, DOSSIER_FILE_TYPES, SUPPLEMENT_COMPONENT_CODE };

export const DossierFileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });
export type DossierFileParams = z.infer<typeof DossierFileParams>;

/** A file of the dossier, as GET /api/v1/dossiers/{id}/files lists it and the upload answers. */
export const DossierFile = z
  .object({
    id: z.string(),
    componentCode: z.string(),
    fileName: z.string(),
    contentType: z.enum(DOSSIER_FILE_TYPES),
    sha256: z.string(),
    size: z.number(),
    pages: z.number().nullable(),
    form: z.enum(DOSSIER_FILE_FORMS),
    digitized: z.boolean(),
    uploadedAt: z.string(),
    uploadedBy: z.enum(['applicant', 'official', 'imported']).describe('Người nộp hồ sơ hay cán bộ đã gửi tệp, hoặc tệp nhập từ hệ thống khác'),
    uploaderName: z.string().nullable().describe('Tên người gửi; null khi người nộp xem tệp do cán bộ gửi, và với tệp nhập từ hệ thống khác'),
    signature: z
      .object({
        verdict: z.enum(['valid', 'invalid']),
        signers: z.array(
          z.object({ name: z.string().nullable(), issuer: z.string().nullable(), signedAt: z.string().nullable(), problem: z.string().nullable() }),
        ),
      })
      .nullable()
      .describe('Chữ ký số trên tệp PDF, kiểm tra khi tệp được gửi lên; null khi tệp không có chữ ký'),
    reused: z.boolean().describe('Lấy từ kho dữ liệu (DuocTaiSuDung)'),
    fromNationalVault: z.boolean().describe('Lấy từ kho dữ liệu trên Cổng DVCQG (DuocLayTuKhoDMQG)'),
    digitizedFrom: z.enum(['original', 'certifiedCopy', 'copy']).nullable().describe('Bản số hóa tại quầy: quét từ bản chính, bản sao chứng thực hay bản chụp'),
    validUntil: z.string().nullable().describe('Hiệu lực của giấy tờ đến ngày (yyyy-MM-dd); null: không thời hạn'),
  })
  .meta({ id: 'DossierFile' });
export type DossierFile = z.infer<typeof DossierFile>;

/** GET /api/v1/dossiers/{id}/files */
export const DossierFiles = z
  .object({
    items: z.array(DossierFile),
    result: z.object({ fileName: z.string() }).nullable().describe('Kết quả điện tử, khi đã có (tải tại /dossiers/{id}/result)'),
    canUpload: z.boolean().describe('Người xem được đính kèm tệp vào hồ sơ lúc này'),
    uploadComponents: z
      .array(z.string())
      .describe(`Mã thành phần được đính kèm lúc này (${SUPPLEMENT_COMPONENT_CODE}: giấy tờ bổ sung theo yêu cầu ngoài các thành phần đã khai)`),
  })
  .meta({ id: 'DossierFiles' });
export type DossierFiles = z.infer<typeof DossierFiles>;

/** POST /api/v1/dossiers/{id}/files?component=…&name=…&form=…&digitized=… */
export const DossierFileUploadQuery = z.strictObject({
  component: text(60)
    .trim()
    .min(1)
    .describe(`Mã thành phần hồ sơ (${SUPPLEMENT_COMPONENT_CODE} khi hồ sơ chờ bổ sung: giấy tờ được yêu cầu ngoài các thành phần đã khai)`),
  name: text(200)
    .trim()
    .min(1)
    .regex(/^[^/\\\u0000-\u001f]+$/, 'tên tệp không được chứa dấu / \\ hoặc ký tự điều khiển'),
  form: z.enum(DOSSIER_FILE_FORMS).default('original'),
  digitized: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Bản số hóa từ giấy tại bộ phận một cửa'),
});
export type DossierFileUploadQuery = z.input<typeof DossierFileUploadQuery>;
