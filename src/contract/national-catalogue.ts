/**
 * What crosses the wire for the catalogue's exchange with the national portal (issue 21 items 5 and 6; routes in
 * src/http/routes/national-catalogue.ts, capability catalogue.manage): the notices of procedures a ministry changed
 * on the national procedure database (CSDLQG) with their draft amendment, the pull that finds them, and the outbox of
 * what is sent there (CongKhaiTTHC for the procedures of published decisions, DongBoDanhGia for the month's ratings).
 */
import { z } from 'zod';
import { NATIONAL_FIELDS } from '../domain/national-sync/national-procedure.js';

/** POST /api/v1/national-catalogue/pull, and what the daily job logs. */
export const CataloguePull = z
  .object({
    listed: z.number().int().describe('Thủ tục trong danh sách của CSDL quốc gia (LayDanhSachTTHC)'),
    read: z.number().int().describe('Thủ tục tỉnh đang áp dụng có cập nhật mới trên CSDL quốc gia, đã đọc (LayThuTuc)'),
    changed: z.number().int().describe('…khác với bản hiện hành của tỉnh'),
    notices: z.number().int().describe('Thông báo mới cho bộ phận kiểm soát thủ tục hành chính'),
    drafts: z.number().int().describe('Dự thảo quyết định công bố (sửa đổi, bổ sung) mới'),
    error: z.string().nullable().describe('Lỗi của Cổng, nếu lần đọc dừng giữa chừng hoặc bỏ qua thủ tục (đọc lại ở lần sau)'),
  })
  .meta({ id: 'CataloguePull' });
export type CataloguePull = z.infer<typeof CataloguePull>;

export const NationalChange = z.object({
  field: z.enum(NATIONAL_FIELDS).describe('Trường của CSDL quốc gia (LayThuTuc)'),
  label: z.string(),
  before: z.string().describe('Bản hiện hành của tỉnh, viết theo cách của CSDL quốc gia'),
  after: z.string().describe('Bản trên CSDL quốc gia'),
  summary: z.string(),
  appliedToDraft: z.boolean().describe('Dự thảo quyết định đã đưa thay đổi này vào; nếu không, bộ phận kiểm soát TTHC cập nhật'),
});

export const NationalNotice = z
  .object({
    id: z.string(),
    procedureCode: z.string(),
    procedureName: z.string(),
    nationalUpdatedAt: z.iso.datetime().describe('Thời điểm bộ, ngành cập nhật trên CSDL quốc gia (NgayCapNhat)'),
    changes: z.array(NationalChange),
    draft: z
      .object({ id: z.string(), number: z.string(), status: z.string() })
      .nullable()
      .describe('Dự thảo quyết định công bố sửa đổi, bổ sung; null khi chưa lập được hoặc đã bị xóa'),
    createdAt: z.iso.datetime(),
    handledAt: z.iso.datetime().nullable(),
    handledBy: z.string().nullable(),
  })
  .meta({ id: 'NationalNotice' });
export type NationalNotice = z.infer<typeof NationalNotice>;

/** GET /api/v1/national-catalogue/notices */
export const NationalNoticeQuery = z.strictObject({
  state: z.enum(['open', 'handled', 'all']).default('open').describe('open: chưa xử lý (mặc định); handled: đã xử lý; all: tất cả'),
});
export type NationalNoticeQuery = z.infer<typeof NationalNoticeQuery>;

export const NationalNoticeList = z.object({
  notices: z.array(NationalNotice).describe('Mới nhất trước, tối đa 500'),
  open: z.number().int().describe('Số thông báo chưa xử lý'),
});
export type NationalNoticeList = z.infer<typeof NationalNoticeList>;

export const NationalNoticeIdParams = z.strictObject({ id: z.uuid() });

/** How sending a row went: attempts failed so far, when it is tried again (null once acknowledged), the portal's last word. */
const Delivery = {
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
};

const PortalPublication = z.object({
  decisionId: z.string(),
  decisionNumber: z.string(),
  issuedOn: z.string(),
  procedureCode: z.string(),
  status: z.enum(['pending', 'acknowledged']).describe('pending: chờ Cổng xác nhận công khai (CongKhaiTTHC); acknowledged: đã công khai'),
  origin: z
    .enum(['portal', 'history'])
    .nullable()
    .describe('portal: ngày công khai do Cổng xác nhận (NgayCongKhai); history: công bố trước khi motcua gửi lên Cổng, giữ ngày công bố khi đó'),
  madePublicAt: z.iso.datetime().nullable(),
  ...Delivery,
});

const RatingMonth = z.object({
  month: z.string().describe('yyyy-MM (giờ Việt Nam)'),
  ratings: z.number().int(),
  items: z.number().int().describe('Số bản tổng hợp (đơn vị × thủ tục) đã gửi'),
  sentAt: z.iso.datetime().nullable(),
  ...Delivery,
});

/** GET /api/v1/national-catalogue/outbox */
export const NationalCatalogueOutbox = z.object({
  portalConfigured: z.boolean(),
  publications: z.array(PortalPublication).describe('Các thủ tục chờ công khai, rồi 100 thủ tục được xác nhận gần nhất'),
  ratingMonths: z.array(RatingMonth).describe('24 tháng gần nhất đã gửi hoặc đang chờ gửi kết quả đánh giá (DongBoDanhGia)'),
});
export type NationalCatalogueOutbox = z.infer<typeof NationalCatalogueOutbox>;
