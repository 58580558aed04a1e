/**
 * What crosses the wire for citizen feedback (issue 22; routes in src/http/routes/feedback.ts): the public form and
 * its challenge, the officials' entry of a call, letter, e-mail or forwarded item, the officials' actions, the queue
 * and the item, the reporter's supplement, vote and re-raise, the public list of answered feedback.
 */
import { z } from 'zod';
import { isoDate, text } from './text.js';
import { FEEDBACK_CHANNELS, FEEDBACK_KINDS, FEEDBACK_STATUSES } from '../domain/feedback/feedback.js';

const title = text(300).trim().min(5, 'Tiêu đề cần ít nhất 5 ký tự');
const content = text(10_000).trim().min(20, 'Nội dung cần ít nhất 20 ký tự');
const reason = text(2000).trim().min(3, 'Cần nêu lý do');

export const FeedbackAttachmentInput = z.strictObject({
  name: text(200).trim().min(1),
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg'], 'Chỉ nhận tệp PDF, PNG hoặc JPEG'),
  /** Base64, at most 5 MB decoded. */
  data: z.string().max(7_000_000, 'Tệp lớn hơn 5 MB'),
});

export const Reporter = z.strictObject({
  name: text(200).trim().min(2, 'Cần họ và tên'),
  email: z.email('Địa chỉ thư điện tử không hợp lệ').max(200).nullable(),
  phone: text(20)
    .trim()
    .regex(/^\+?[0-9 .-]{8,20}$/, 'Số điện thoại không hợp lệ')
    .nullable(),
  address: text(500).trim().nullable(),
});
export type Reporter = z.infer<typeof Reporter>;

export const FeedbackChallenge = z.object({ token: z.string(), question: z.string() }).meta({ id: 'FeedbackChallenge' });

export const SubmitFeedbackBody = z
  .strictObject({
    title,
    content,
    unitCode: text(40).nullable().describe('Đơn vị phản ánh tới; để trống: bộ phận tiếp nhận của tỉnh phân loại'),
    procedureCode: text(40).nullable(),
    dossierCode: text(60).nullable().describe('Mã hồ sơ nếu phản ánh về một hồ sơ cụ thể'),
    reporter: Reporter.nullable().describe('Để trống: phản ánh ẩn danh'),
    showName: z.boolean().describe('Đồng ý hiển thị họ tên khi công khai trả lời'),
    attachments: z.array(FeedbackAttachmentInput).max(3, 'Tối đa 3 tệp đính kèm'),
    challenge: z
      .strictObject({ token: z.string().max(500), answer: text(10) })
      .nullable()
      .describe('Bắt buộc khi không đăng nhập'),
  })
  .meta({ id: 'SubmitFeedbackBody' });
export type SubmitFeedbackBody = z.infer<typeof SubmitFeedbackBody>;

export const FeedbackReceipt = z
  .object({ id: z.string(), code: z.string(), secret: z.string().describe('Mã tra cứu riêng: dùng để theo dõi, bổ sung, phản ánh lại; chỉ hiển thị một lần') })
  .meta({ id: 'FeedbackReceipt' });

export const EnterFeedbackBody = z
  .strictObject({
    channel: z.enum(FEEDBACK_CHANNELS).exclude(['portal']),
    title,
    content,
    unitCode: text(40).min(1),
    procedureCode: text(40).nullable(),
    dossierCode: text(60).nullable(),
    reporter: Reporter.nullable(),
    showName: z.boolean(),
    forwardedFrom: text(300).trim().nullable().describe('Cơ quan chuyển đến (Văn phòng Chính phủ, cơ quan khác)'),
    receivedAt: z.iso.datetime({ offset: true }).nullable().describe('Thời điểm cơ quan đầu tiên tiếp nhận (phản ánh được chuyển đến); để trống: bây giờ'),
    attachments: z.array(FeedbackAttachmentInput).max(5),
  })
  .meta({ id: 'EnterFeedbackBody' });
export type EnterFeedbackBody = z.infer<typeof EnterFeedbackBody>;

export const FeedbackIdParams = z.strictObject({ id: z.uuid() });

export const FeedbackCommand = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('classify'),
      expectedSeq: z.number().int().min(0),
      kind: z.enum(FEEDBACK_KINDS),
      procedureCode: text(40).nullable(),
      fieldCode: text(40).nullable(),
    }),
    z.strictObject({ type: z.literal('accept'), expectedSeq: z.number().int().min(0) }),
    z.strictObject({ type: z.literal('transfer'), expectedSeq: z.number().int().min(0), toUnitCode: text(40).min(1), reason }),
    z.strictObject({ type: z.literal('transferOut'), expectedSeq: z.number().int().min(0), to: text(300).trim().min(2), reason }),
    z.strictObject({ type: z.literal('returnToSender'), expectedSeq: z.number().int().min(0), reason }),
    z.strictObject({ type: z.literal('refuse'), expectedSeq: z.number().int().min(0), reason }),
    z.strictObject({ type: z.literal('requestSupplement'), expectedSeq: z.number().int().min(0), reason }),
    z.strictObject({
      type: z.literal('draftAnswer'),
      expectedSeq: z.number().int().min(0),
      answer: text(20_000).trim().min(20, 'Trả lời cần ít nhất 20 ký tự'),
    }),
    z.strictObject({ type: z.literal('rejectDraft'), expectedSeq: z.number().int().min(0), reason }),
    z.strictObject({ type: z.literal('approveAnswer'), expectedSeq: z.number().int().min(0) }),
    z.strictObject({ type: z.literal('publish'), expectedSeq: z.number().int().min(0) }),
  ])
  .meta({ id: 'FeedbackCommand' });
export type FeedbackCommand = z.infer<typeof FeedbackCommand>;

const Deadline = z.object({ milestone: z.string(), label: z.string(), dueAt: z.iso.datetime() });

export const FeedbackSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  channel: z.enum(FEEDBACK_CHANNELS),
  unitCode: z.string(),
  unitName: z.string(),
  kind: z.enum(FEEDBACK_KINDS).nullable(),
  status: z.enum(FEEDBACK_STATUSES),
  statusLabel: z.string(),
  receivedAt: z.iso.datetime(),
  next: Deadline.nullable().describe('Thời hạn gần nhất còn phải đáp ứng'),
  late: z.array(z.string()).describe('Các thời hạn đã lỡ (chỉ số 5.2)'),
});

export const FeedbackQueue = z.object({ items: z.array(FeedbackSummary), total: z.number().int() }).meta({ id: 'FeedbackQueue' });
export const FeedbackQueueQuery = z.object({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  open: z.enum(['true', 'false']).optional().describe('true: chỉ phản ánh chưa xử lý xong'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** An attachment as listed; its bytes at GET /feedback/{id}/attachments/{attachmentId}. */
export const FeedbackAttachment = z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number().int() });

export const FeedbackDetail = FeedbackSummary.extend({
  content: z.string(),
  procedureCode: z.string().nullable(),
  fieldCode: z.string().nullable(),
  dossierCode: z.string().nullable(),
  forwardedFrom: z.string().nullable(),
  reporter: Reporter.nullable().describe('Chỉ đơn vị xử lý thấy; rỗng khi ẩn danh hoặc đã xóa theo thời hạn lưu'),
  showName: z.boolean(),
  answerDraft: z.string().nullable(),
  answer: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  likes: z.number().int(),
  dislikes: z.number().int(),
  seq: z.number().int(),
  availableActions: z.array(z.string()),
  events: z.array(z.object({ seq: z.number().int(), type: z.string(), at: z.iso.datetime(), actorRole: z.string().nullable(), note: z.string().nullable() })),
  attachments: z.array(FeedbackAttachment),
}).meta({ id: 'FeedbackDetail' });
export type FeedbackDetail = z.infer<typeof FeedbackDetail>;

export const ReporterAccess = z.strictObject({ secret: text(100).min(8) });
/** The tracking secret; null when the reporter is signed in with the account that sent the item. */
const reporterSecret = text(100).min(8).nullable().default(null).describe('Mã tra cứu; để trống khi đăng nhập bằng tài khoản đã gửi phản ánh');
export const SupplementFeedbackBody = z.strictObject({ secret: reporterSecret, content });
export const ReraiseFeedbackBody = z.strictObject({ secret: reporterSecret, reason });
export const VoteBody = z.strictObject({ vote: z.enum(['like', 'dislike']) });

export const PublicFeedback = z
  .object({
    code: z.string(),
    title: z.string(),
    content: z.string(),
    unitName: z.string(),
    fieldName: z.string().nullable(),
    procedureCode: z.string().nullable(),
    reporterName: z.string().nullable().describe('Chỉ khi người phản ánh đồng ý'),
    receivedAt: z.iso.datetime(),
    answer: z.string(),
    publishedAt: z.iso.datetime(),
    likes: z.number().int(),
    dislikes: z.number().int(),
  })
  .meta({ id: 'PublicFeedback' });
export const PublicFeedbackList = z
  .object({
    items: z.array(PublicFeedback),
    /** Matches counted exactly up to 1,000 (or past the page asked for); `more` when there are more than `total`. */
    total: z.number().int(),
    more: z.boolean(),
  })
  .meta({ id: 'PublicFeedbackList' });
export const PublicFeedbackQuery = z.object({
  q: text(200).optional(),
  unit: text(40).optional(),
  field: text(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const FeedbackCodeParams = z.strictObject({ code: text(40) });

export const ReporterView = z
  .object({
    code: z.string(),
    title: z.string(),
    status: z.enum(FEEDBACK_STATUSES),
    statusLabel: z.string(),
    answer: z.string().nullable(),
    canSupplement: z.boolean(),
    canReraise: z.boolean(),
    id: z.string(),
    attachments: z.array(FeedbackAttachment).describe('Tệp người phản ánh đã gửi kèm: tải về với mã tra cứu hoặc bằng tài khoản đã gửi'),
  })
  .meta({ id: 'FeedbackReporterView' });

/** One item of "Phản ánh, kiến nghị của tôi": what the signed-in citizen sent from their account. */
export const MyFeedbackItem = FeedbackSummary.pick({
  id: true,
  code: true,
  title: true,
  unitName: true,
  status: true,
  statusLabel: true,
  receivedAt: true,
  next: true,
}).extend({ publishedAt: z.iso.datetime().nullable().describe('Khi câu trả lời được công khai') });
export const MyFeedbackList = z.object({ items: z.array(MyFeedbackItem).describe('Mới nhất trước') }).meta({ id: 'MyFeedbackList' });
export type MyFeedbackList = z.infer<typeof MyFeedbackList>;

export const FeedbackAttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
/** The anonymous reporter proves the item is theirs with the tracking secret, in a header: never in an address. */
export const FeedbackSecretHeaders = z.looseObject({
  'x-feedback-secret': text(100).optional().describe('Mã tra cứu của người phản ánh (không cần với tài khoản đã gửi, hoặc với cán bộ đơn vị xử lý)'),
});

export const FeedbackReportQuery = z.object({ unit: text(40), from: isoDate, to: isoDate });

export type PublicFeedback = z.infer<typeof PublicFeedback>;
export type FeedbackSummary = z.infer<typeof FeedbackSummary>;
