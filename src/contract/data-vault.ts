/**
 * What crosses the wire for "provide once" (issue 20): the data vault's documents and what they can meet in a
 * procedure, reuse in a dossier, the desk's consent, digitization at the desk, population-registry lookups, the
 * e-form a procedure asks for, and the reports (lookups per unit and official, digitization per unit).
 */
import { z } from 'zod';
import { isoDate, text } from './text.js';
import { VAULT_SOURCES } from '../domain/data-vault/vault.js';
import { EFORM_FIELD_TYPES, PREFILL_SOURCES } from '../domain/data-vault/e-form.js';

const personalId = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'số định danh cá nhân gồm 12 chữ số');

export const VaultDocument = z
  .object({
    id: z.string(),
    resultCode: z.string().describe('Loại giấy tờ: mã kết quả của thủ tục trong danh mục (MaKetQua)'),
    typeName: z.string().nullable(),
    title: z.string(),
    number: z.string().nullable(),
    issuer: z.string(),
    issuedOn: z.string().nullable(),
    validUntil: z.string().nullable(),
    valid: z.boolean().describe('Còn hiệu lực vào ngày hôm nay'),
    version: z.number(),
    source: z.enum(VAULT_SOURCES),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number(),
    sha256: z.string(),
    addedAt: z.string(),
  })
  .meta({ id: 'VaultDocument' });
export type VaultDocument = z.infer<typeof VaultDocument>;

export const VaultListing = z
  .object({
    documents: z.array(VaultDocument),
    offers: z
      .array(z.object({ componentCode: z.string(), componentName: z.string(), documentIds: z.array(z.string()) }))
      .describe('Với thủ tục đã chọn: giấy tờ còn hiệu lực dùng được thay cho từng thành phần'),
    national: z
      .object({ status: z.enum(['ok', 'unavailable', 'refused', 'notAsked']), message: z.string().nullable(), copied: z.number() })
      .describe('Kết quả hỏi kho dữ liệu trên Cổng DVCQG cho thủ tục này'),
  })
  .meta({ id: 'VaultListing' });
export type VaultListing = z.infer<typeof VaultListing>;

export const MyVaultQuery = z.strictObject({
  procedure: text(40).trim().min(1).optional().describe('Mã thủ tục: kèm giấy tờ dùng được cho từng thành phần, hỏi cả kho trên Cổng DVCQG'),
});

export const DeskVaultQuery = z.strictObject({
  personalId,
  procedure: text(40).trim().min(1).optional(),
});

export const VaultConsentBody = z.strictObject({
  personalId,
  purpose: text(300).trim().min(1).describe('Mục đích: thường là mã thủ tục, hồ sơ đang tiếp nhận'),
});
export const VaultConsent = z.object({ id: z.string(), expiresAt: z.string() }).meta({ id: 'VaultConsent' });

export const ReuseBody = z.strictObject({
  componentCode: text(60).trim().min(1),
  vaultDocumentId: z.uuid(),
});

export const DigitizeBody = z.strictObject({
  componentCode: text(60).trim().min(1),
  from: z.enum(['original', 'certifiedCopy', 'copy']).describe('Giấy tờ được quét: bản chính, bản sao chứng thực hay bản chụp'),
  matchesOriginal: z.literal(true, { error: 'Cần xác nhận bản số hóa đúng với bản gốc' }),
  validUntil: isoDate.nullable().default(null),
  pages: z
    .array(z.strictObject({ contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg']), data: z.base64().max(14_000_000) }))
    .min(1)
    .max(30)
    .describe('Các trang quét: một tệp PDF, hoặc nhiều ảnh ghép thành một tệp PDF'),
});

export const PopulationLookupBody = z.strictObject({
  personalId: text(20).trim(),
  fullName: text(200).trim().min(1),
  birthDate: z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/, 'ngày sinh dạng yyyy-MM-dd hoặc năm sinh yyyy')
    .describe('yyyy-MM-dd, hoặc năm sinh'),
  procedureCode: text(40).trim().min(1),
});

const Prefilled = z.record(z.string(), z.string());

export const PopulationLookup = z
  .object({
    lookupId: z.string().nullable(),
    outcome: z.enum(['found', 'notFound', 'refused', 'unavailable']),
    message: z.string().describe('Kết quả tra cứu bằng lời, kể cả lý do khi không tra cứu được'),
    prefilled: Prefilled.describe('Giá trị điền sẵn theo khóa trường của biểu mẫu'),
  })
  .meta({ id: 'PopulationLookup' });
export type PopulationLookup = z.infer<typeof PopulationLookup>;

export const EFormFieldView = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(EFORM_FIELD_TYPES),
  required: z.boolean(),
  maxLength: z.number().optional(),
  options: z.array(z.string()).optional(),
  prefill: z.enum(PREFILL_SOURCES).optional(),
});

export const IntakeForm = z
  .object({
    procedureCode: z.string(),
    fields: z.array(EFormFieldView),
    lookup: PopulationLookup,
    eidLevel: z.number().nullable().describe('Mức độ tài khoản VNeID của người đang đăng nhập'),
    eidLevel2Required: z.boolean(),
  })
  .meta({ id: 'IntakeForm' });
export type IntakeForm = z.infer<typeof IntakeForm>;

export const IntakeFormQuery = z.strictObject({ procedure: text(40).trim().min(1) });

export const LookupReportQuery = z.strictObject({ from: isoDate, to: isoDate, unit: text(40).optional() });
export const LookupReport = z
  .object({
    from: z.string(),
    to: z.string(),
    rows: z.array(
      z.object({
        unitCode: z.string().nullable(),
        unitName: z.string().nullable(),
        official: z.string().nullable().describe('Họ tên cán bộ tra cứu; null: công dân tự tra cứu khi nộp trực tuyến'),
        found: z.number(),
        notFound: z.number(),
        refused: z.number(),
        unavailable: z.number(),
        total: z.number(),
      }),
    ),
  })
  .meta({ id: 'PopulationLookupReport' });
export type LookupReport = z.infer<typeof LookupReport>;

export const DigitizationReport = z
  .object({
    from: z.string(),
    to: z.string(),
    units: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        received: z.number().describe('Hồ sơ tiếp nhận trong kỳ'),
        digitized: z.number().describe('Có thành phần được số hóa (quét tại quầy có chữ ký số của cơ quan, hoặc nộp trực tuyến)'),
        reused: z.number().describe('Có thành phần lấy từ kho dữ liệu'),
        nationalVault: z.number().describe('Có thành phần lấy từ kho dữ liệu trên Cổng DVCQG'),
        registry: z.number().describe('Sử dụng dữ liệu dân cư'),
        digitizationRate: z.number().nullable().describe('% hồ sơ có thành phần được số hóa'),
        averageIntakeSeconds: z.number().nullable().describe('Thời gian tiếp nhận trung bình tại quầy (giây), từ lúc mở biểu mẫu đến lần số hóa cuối'),
      }),
    ),
    procedures: z.array(
      z.object({
        procedureCode: z.string(),
        dossiers: z.number(),
        fieldsDeclared: z.number(),
        fieldsTyped: z.number().describe('Trung bình số trường người nộp phải tự nhập'),
      }),
    ),
  })
  .meta({ id: 'DigitizationReport' });
export type DigitizationReport = z.infer<typeof DigitizationReport>;

export const DossierProvideOnce = z
  .object({
    eidLevel: z.number().nullable().describe('Mức độ tài khoản VNeID của người nộp trực tuyến'),
    eform: z
      .object({
        declared: z.number(),
        typed: z.number(),
        prefilled: z.array(z.string()).describe('Nhãn các trường được điền sẵn'),
        mismatches: z
          .array(z.object({ key: z.string(), label: z.string(), typed: z.string() }))
          .describe('Trường người nộp khai khác Cơ sở dữ liệu quốc gia về dân cư'),
        registry: z.enum(['found', 'notFound', 'refused', 'unavailable', 'notAsked']),
        values: z
          .array(z.object({ key: z.string(), label: z.string(), value: z.string() }))
          .describe('Nội dung tờ khai điện tử theo thứ tự biểu mẫu (ngày dạng dd/MM/yyyy); số định danh của người nộp ở thông tin người nộp'),
      })
      .nullable(),
    lookups: z.array(
      z.object({
        at: z.string(),
        outcome: z.enum(['found', 'notFound', 'refused', 'unavailable']),
        channel: z.enum(['counter', 'online']),
        official: z.string().nullable(),
      }),
    ),
    intakeSeconds: z.number().nullable().describe('Thời gian tiếp nhận tại quầy: từ lúc mở biểu mẫu đến lần số hóa cuối (giây)'),
    digitized: z.number().describe('Số tệp được số hóa tại quầy'),
    reused: z.number().describe('Số thành phần lấy từ kho dữ liệu'),
  })
  .meta({ id: 'DossierProvideOnce' });
export type DossierProvideOnce = z.infer<typeof DossierProvideOnce>;
