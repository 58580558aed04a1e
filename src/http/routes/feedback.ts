/**
 * Citizen feedback (issue 22): the public form with its challenge, the public list of answered feedback and an
 * answer's page, votes, the reporter's tracking, supplement and re-raise; the officials' entry of calls, letters,
 * e-mails and forwarded items, their queue, an item and its actions.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMeta } from '../plugins/auth.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import type { HttpContext } from '../context.js';
import { text } from '../../contract/text.js';
import {
  EnterFeedbackBody,
  FeedbackAttachmentInput,
  FeedbackAttachmentParams,
  FeedbackChallenge,
  FeedbackCodeParams,
  FeedbackCommand,
  FeedbackDetail,
  FeedbackIdParams,
  FeedbackQueue,
  FeedbackQueueQuery,
  FeedbackReceipt,
  FeedbackSecretHeaders,
  MyFeedbackList,
  PublicFeedback,
  PublicFeedbackList,
  PublicFeedbackQuery,
  ReporterView,
  ReraiseFeedbackBody,
  SubmitFeedbackBody,
  SupplementFeedbackBody,
  VoteBody,
} from '../../contract/feedback.js';
import { enterFeedback, feedbackChallenge, submitFeedback } from '../../application/feedback/submit-feedback.js';
import { actOnFeedback } from '../../application/feedback/act-on-feedback.js';
import { getFeedback, listFeedback } from '../../application/feedback/list-feedback.js';
import { reporterView, reraiseFeedback, supplementFeedback, voteFeedback } from '../../application/feedback/reporter-feedback.js';
import { getPublicFeedback, listPublicFeedback } from '../../application/feedback/public-feedback.js';
import { getMyFeedback, listMyFeedback } from '../../application/feedback/my-feedback.js';
import { readFeedbackAttachment } from '../../application/feedback/feedback-attachment.js';
import { fileResponse, sendAttachment } from '../file-reply.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 422: ErrorResponse };
/** Anonymous intake: a person sends a few a minute at most; a flood is refused (429) before it costs anything. */
const INTAKE_LIMIT = { max: 10, timeWindow: 60_000 };
const REPORTER_LIMIT = { max: 30, timeWindow: 60_000 };
/** Three attachments of 5 MB in base64, and the texts. */
const INTAKE_BODY_LIMIT = 22 * 1024 * 1024;

export function feedbackRoutes(ctx: HttpContext) {
  const deps = ctx.deps;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['feedback'];
    const pub = { access: 'public' } as const;

    r.get(
      '/feedback/challenge',
      { config: pub, schema: { tags, summary: 'Câu hỏi kiểm tra cho phản ánh không đăng nhập', response: { 200: FeedbackChallenge } } },
      async () => feedbackChallenge(deps),
    );

    r.post(
      '/feedback',
      {
        config: { ...pub, rateLimit: INTAKE_LIMIT },
        bodyLimit: INTAKE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Gửi phản ánh, kiến nghị (ẩn danh kèm câu hỏi kiểm tra, hoặc bằng tài khoản)',
          body: SubmitFeedbackBody,
          response: { 201: FeedbackReceipt, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(unwrap(await submitFeedback(deps, { body: request.body, meta: requestMeta(request) }))),
    );

    r.get(
      '/feedback/public',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Phản ánh, kiến nghị đã trả lời: tìm theo nội dung, lĩnh vực, đơn vị',
          querystring: PublicFeedbackQuery,
          response: { 200: PublicFeedbackList, ...errors },
        },
      },
      async (request) => unwrap(await listPublicFeedback(deps, request.query)),
    );

    r.get(
      '/feedback/public/:code',
      { config: pub, schema: { tags, summary: 'Một phản ánh đã trả lời', params: FeedbackCodeParams, response: { 200: PublicFeedback, ...errors } } },
      async (request) => unwrap(await getPublicFeedback(deps, { code: request.params.code })),
    );

    r.post(
      '/feedback/public/:code/vote',
      {
        config: { ...pub, rateLimit: REPORTER_LIMIT },
        schema: {
          tags,
          summary: 'Hài lòng / không hài lòng với câu trả lời (một lần mỗi tài khoản, hoặc người phản ánh với mã tra cứu)',
          params: FeedbackCodeParams,
          body: VoteBody.extend({ secret: text(100).nullable().default(null) }),
          response: { 200: z.object({ likes: z.number().int(), dislikes: z.number().int() }), ...errors },
        },
      },
      async (request) => unwrap(await voteFeedback(deps, { code: request.params.code, ...request.body, meta: requestMeta(request) })),
    );

    r.post(
      '/feedback/track',
      {
        config: { ...pub, rateLimit: REPORTER_LIMIT },
        schema: {
          tags,
          summary: 'Người phản ánh theo dõi phản ánh của mình (mã phản ánh và mã tra cứu)',
          body: z.strictObject({ code: text(40), secret: text(100) }),
          response: { 200: ReporterView, ...errors },
        },
      },
      async (request) => unwrap(await reporterView(deps, { ...request.body, meta: requestMeta(request) })),
    );

    r.post(
      '/feedback/public/:code/supplement',
      {
        config: { ...pub, rateLimit: REPORTER_LIMIT },
        schema: {
          tags,
          summary: 'Người phản ánh gửi thông tin bổ sung được yêu cầu',
          params: FeedbackCodeParams,
          body: SupplementFeedbackBody,
          response: { 200: z.object({ code: z.string(), status: z.string() }), ...errors },
        },
      },
      async (request) => unwrap(await supplementFeedback(deps, { code: request.params.code, ...request.body, meta: requestMeta(request) })),
    );

    r.post(
      '/feedback/public/:code/reraise',
      {
        config: { ...pub, rateLimit: REPORTER_LIMIT },
        schema: {
          tags,
          summary: 'Phản ánh lại: người phản ánh chưa hài lòng với câu trả lời',
          params: FeedbackCodeParams,
          body: ReraiseFeedbackBody,
          response: { 200: z.object({ code: z.string(), status: z.string() }), ...errors },
        },
      },
      async (request) => unwrap(await reraiseFeedback(deps, { code: request.params.code, ...request.body, meta: requestMeta(request) })),
    );

    r.post(
      '/feedback/entries',
      {
        config: { access: { capability: 'feedback.handle' } },
        bodyLimit: INTAKE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Cán bộ nhập phản ánh qua đường dây nóng, thư, thư điện tử, hoặc được chuyển đến',
          body: EnterFeedbackBody,
          response: { 201: FeedbackReceipt, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(unwrap(await enterFeedback(deps, { body: request.body, meta: requestMeta(request) }))),
    );

    r.get(
      '/feedback',
      {
        config: { access: { capability: 'feedback.handle' } },
        schema: { tags, summary: 'Phản ánh của đơn vị, khẩn nhất trước', querystring: FeedbackQueueQuery, response: { 200: FeedbackQueue, ...errors } },
      },
      async (request) => unwrap(await listFeedback(deps, { ...request.query, meta: requestMeta(request) })),
    );

    r.get(
      '/feedback/mine',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Phản ánh, kiến nghị của tôi: những phản ánh đã gửi bằng tài khoản, mới nhất trước',
          response: { 200: MyFeedbackList, ...errors },
        },
      },
      async (request) => unwrap(await listMyFeedback(deps, requestMeta(request))),
    );

    r.get(
      '/feedback/mine/:code',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Theo dõi một phản ánh của tôi (như trang tra cứu, không cần mã tra cứu)',
          params: FeedbackCodeParams,
          response: { 200: ReporterView, ...errors },
        },
      },
      async (request) => unwrap(await getMyFeedback(deps, { code: request.params.code, meta: requestMeta(request) })),
    );

    r.get(
      '/feedback/:id/attachments/:attachmentId',
      {
        config: { ...pub, rateLimit: REPORTER_LIMIT },
        schema: {
          tags,
          summary: 'Tải tệp đính kèm: cán bộ đơn vị xử lý (ghi nhật ký), người phản ánh bằng tài khoản đã gửi hoặc mã tra cứu (tiêu đề x-feedback-secret)',
          params: FeedbackAttachmentParams,
          headers: FeedbackSecretHeaders,
          response: { 200: fileResponse(FeedbackAttachmentInput.shape.contentType.options, 'Tệp như đã gửi'), ...errors },
        },
      },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        const secret = request.headers['x-feedback-secret'] ?? null;
        return sendAttachment(reply, unwrap(await readFeedbackAttachment(deps, { id, attachmentId, secret, meta: requestMeta(request) })));
      },
    );

    r.get(
      '/feedback/:id',
      {
        config: { access: { capability: 'feedback.handle' } },
        schema: { tags, summary: 'Một phản ánh, lịch sử xử lý và thao tác được phép', params: FeedbackIdParams, response: { 200: FeedbackDetail, ...errors } },
      },
      async (request) => unwrap(await getFeedback(deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.post(
      '/feedback/:id/actions',
      {
        config: { access: { capability: 'feedback.handle' } },
        schema: {
          tags,
          summary: 'Phân loại, chuyển, trả lại, từ chối, yêu cầu bổ sung, dự thảo, duyệt (lãnh đạo), công khai trả lời',
          params: FeedbackIdParams,
          body: FeedbackCommand,
          response: { 200: z.object({ id: z.string(), seq: z.number().int(), status: z.string() }), ...errors },
        },
      },
      async (request) => unwrap(await actOnFeedback(deps, { id: request.params.id, command: request.body, meta: requestMeta(request) })),
    );
  };
}
