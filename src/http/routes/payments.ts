/**
 * Fees and their payment (issue 18): what a dossier owes, paying it online, the desk's cash and transfers, an
 * official's fee lines, receipts, the accountant's tasks and the daily reconciliation; and the gateways' own
 * calls, which are public by nature (VNPay's IPN, the national platform's confirm callback, the browser's
 * return) and are trusted only through their signatures.
 */
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileResponse, sendFile } from '../file-reply.js';
import { requestMeta } from '../plugins/auth.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import type { HttpContext } from '../context.js';
import { DossierIdParams } from '../../contract/dossier.js';
import {
  DeskPaymentBody,
  DossierPayments,
  FeeLineBody,
  PaymentTasks,
  Reconciliation,
  ReconciliationQuery,
  ResolvePaymentBody,
  StartedPayment,
  StartPaymentBody,
} from '../../contract/payment.js';
import { getDossierPayments } from '../../application/payment/get-dossier-payments.js';
import { startOnlinePayment } from '../../application/payment/start-online-payment.js';
import { recordDeskPayment } from '../../application/payment/record-desk-payment.js';
import { adjustFeeLine } from '../../application/payment/adjust-fee-line.js';
import { readReceipt } from '../../application/payment/receipts.js';
import { listPaymentTasks, resolvePaymentTask } from '../../application/payment/payment-tasks.js';
import { reconciliationReport } from '../../application/payment/reconciliation-report.js';
import { dossierOfReference, receiveGatewayCallback } from '../../application/payment/receive-gateway-callback.js';
import type { OnlineProvider } from '../../domain/payment/gateway.js';

const ReceiptParams = z.strictObject({ id: z.uuid(), receiptId: z.uuid() });
const AttemptParams = z.strictObject({ attemptId: z.uuid() });
const ReturnParams = z.strictObject({ provider: z.enum(['vnpay', 'national-platform']) });
const GatewayWord = z.record(z.string(), z.unknown()).describe('Tham số do cổng thanh toán gửi (đã ký)');
const optional = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, z.string().optional()]));
/** VNPay's signed fields (INTEGRATIONS §1.1); checked by signature in the use case, so every one is optional here. */
const VnpayQuery = z
  .object(
    optional([
      'vnp_TmnCode',
      'vnp_Amount',
      'vnp_BankCode',
      'vnp_BankTranNo',
      'vnp_CardType',
      'vnp_PayDate',
      'vnp_OrderInfo',
      'vnp_TransactionNo',
      'vnp_ResponseCode',
      'vnp_TransactionStatus',
      'vnp_TxnRef',
      'vnp_SecureHashType',
      'vnp_SecureHash',
    ]),
  )
  .loose()
  .describe('Tham số VNPay gửi (đã ký HMAC-SHA512)');
const ReturnQuery = VnpayQuery.extend({ MaThamChieu: z.string().optional() }).loose();
const Empty = z.object({}).loose();

/** Per caller address and minute: far above a gateway's callbacks, a bound on what a forger can make us store. */
const CALLBACK_RATE_LIMIT = { max: 6000, timeWindow: 60_000 };
/** A gateway's callback is a few hundred bytes. */
const CALLBACK_BODY_LIMIT = 16 * 1024;

const PROVIDER_OF = { vnpay: 'vnpay', 'national-platform': 'nationalPlatform' } as const satisfies Record<string, OnlineProvider>;
const flat = (query: unknown): Record<string, unknown> => (query && typeof query === 'object' ? { ...(query as Record<string, unknown>) } : {});

export function paymentRoutes(ctx: HttpContext) {
  const deps = { ...ctx.deps, publicUrl: ctx.config.publicUrl };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['payments'];

    r.get(
      '/dossiers/:id/payments',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Phí, lệ phí của hồ sơ: các khoản, thời điểm thu, căn cứ; các lần thanh toán và biên lai',
          params: DossierIdParams,
          response: { 200: DossierPayments, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await getDossierPayments(deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.post(
      '/dossiers/:id/payments',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Người nộp hồ sơ bắt đầu thanh toán trực tuyến các khoản phải nộp lúc này; trả về địa chỉ trang thanh toán của cổng',
          params: DossierIdParams,
          body: StartPaymentBody,
          response: {
            201: StartedPayment,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            422: ErrorResponse,
            503: ErrorResponse,
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(unwrap(await startOnlinePayment(deps, { id: request.params.id, provider: request.body.provider, meta: requestMeta(request) }))),
    );

    r.post(
      '/dossiers/:id/payments/desk',
      {
        config: { access: { capability: 'payment.manage' } },
        schema: {
          tags,
          summary: 'Ghi nhận thu tiền mặt tại một cửa, hoặc chứng từ chuyển khoản chờ kế toán xác nhận (không tính là thanh toán trực tuyến)',
          params: DossierIdParams,
          body: DeskPaymentBody,
          response: {
            201: z.object({ attemptId: z.string(), status: z.enum(['paid', 'awaitingConfirmation']), dossierMovedOn: z.boolean() }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(unwrap(await recordDeskPayment(ctx.deps, { id: request.params.id, ...request.body, meta: requestMeta(request) }))),
    );

    r.post(
      '/dossiers/:id/fees',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Cán bộ thêm một khoản phí, lệ phí hoặc điều chỉnh một khoản chưa nộp (thay bằng khoản mới), kèm lý do',
          params: DossierIdParams,
          body: FeeLineBody,
          response: {
            201: z.object({ lineId: z.string() }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const { replaces, ...line } = request.body;
        return reply.code(201).send(unwrap(await adjustFeeLine(ctx.deps, { id: request.params.id, line: { ...line, replaces }, meta: requestMeta(request) })));
      },
    );

    r.get(
      '/dossiers/:id/receipts/:receiptId',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Biên lai thu phí, lệ phí điện tử (mẫu 01BLP), PDF có mã QR tra cứu',
          params: ReceiptParams,
          response: { 200: fileResponse('application/pdf', 'Biên lai PDF'), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) =>
        sendFile(reply, unwrap(await readReceipt(deps, { dossierId: request.params.id, receiptId: request.params.receiptId, meta: requestMeta(request) }))),
    );

    r.get(
      '/payments/tasks',
      {
        config: { access: { capability: 'payment.manage' } },
        schema: {
          tags,
          summary: 'Việc của kế toán: sai số tiền, nộp hai lần, nghi gian lận, giao dịch treo lâu, chuyển khoản chờ xác nhận',
          response: { 200: PaymentTasks, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => unwrap(await listPaymentTasks(ctx.deps, requestMeta(request))),
    );

    r.post(
      '/payments/:attemptId/resolve',
      {
        config: { access: { capability: 'payment.manage' } },
        schema: {
          tags,
          summary: 'Kế toán xử lý một việc: xác nhận hoặc từ chối chuyển khoản, đã hoàn trả, đã kiểm tra',
          params: AttemptParams,
          body: ResolvePaymentBody,
          response: {
            200: z.object({ status: z.string() }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request) => unwrap(await resolvePaymentTask(ctx.deps, { attemptId: request.params.attemptId, ...request.body, meta: requestMeta(request) })),
    );

    r.get(
      '/payments/reconciliation',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Đối soát trong ngày theo đơn vị và cổng thanh toán: số tiền phải thu, đã thu, giao dịch treo và sai lệch',
          querystring: ReconciliationQuery,
          response: { 200: Reconciliation, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => unwrap(await reconciliationReport(ctx.deps, { date: request.query.date ?? null, meta: requestMeta(request) })),
    );

    // The gateways' own calls: public, checked by signature, answered in the gateway's protocol (never an error page).
    const callback = (provider: OnlineProvider) => async (raw: Record<string, unknown>, request: FastifyRequest) => {
      const answer = await receiveGatewayCallback(deps, { provider, raw, source: 'callback', requestId: request.id });
      // An alert for the accountants (suspected fraud, a double payment, a wrong amount): the task is on their page too.
      if (answer.task) request.log.warn({ provider, reference: answer.reference, task: answer.task }, 'a payment needs an accountant');
      return answer.reply as Record<string, unknown>;
    };

    const ipn = callback('vnpay');
    r.get(
      '/payments/vnpay/ipn',
      {
        config: { access: 'public', rateLimit: CALLBACK_RATE_LIMIT },
        schema: {
          tags,
          summary: 'IPN của VNPay (máy chủ gọi máy chủ, đã ký HMAC-SHA512); trả {RspCode, Message}',
          querystring: VnpayQuery,
          response: { 200: Empty },
        },
      },
      async (request) => ipn(flat(request.query), request),
    );
    r.post(
      '/payments/vnpay/ipn',
      {
        config: { access: 'public', rateLimit: CALLBACK_RATE_LIMIT },
        bodyLimit: CALLBACK_BODY_LIMIT,
        schema: { tags, summary: 'IPN của VNPay gửi bằng POST (một số cấu hình)', body: GatewayWord, response: { 200: Empty } },
      },
      async (request) => ipn({ ...flat(request.query), ...flat(request.body) }, request),
    );
    const confirm = callback('nationalPlatform');
    r.post(
      '/payments/national-platform/confirm',
      {
        config: { access: 'public', rateLimit: CALLBACK_RATE_LIMIT },
        bodyLimit: CALLBACK_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Thông báo kết quả thanh toán của Nền tảng thanh toán trên Cổng DVCQG (MaXacThuc SHA-256); trả {MaLoi, …}',
          body: GatewayWord,
          response: { 200: Empty },
        },
      },
      async (request) => confirm(flat(request.body), request),
    );

    r.get(
      '/payments/return/:provider',
      {
        config: { access: 'public', rateLimit: CALLBACK_RATE_LIMIT },
        schema: {
          tags,
          summary: 'Trình duyệt của người nộp quay về từ cổng thanh toán: chỉ để hiển thị, chuyển về trang hồ sơ',
          params: ReturnParams,
          querystring: ReturnQuery,
          response: { 303: z.null() },
        },
      },
      async (request, reply) => {
        const provider = PROVIDER_OF[request.params.provider];
        const query = flat(request.query);
        const reference = typeof query.MaThamChieu === 'string' ? query.MaThamChieu : null;
        if (provider === 'nationalPlatform' && reference !== null) {
          return backToDossier(reply, await dossierOfReference(deps, provider, reference), reference);
        }
        const seen = await receiveGatewayCallback(deps, { provider, raw: query, source: 'return', requestId: request.id });
        return backToDossier(reply, seen.dossierId, seen.reference);
      },
    );
  };
}

function backToDossier(reply: FastifyReply, dossierId: string | null, reference: string | null) {
  const target = dossierId ? `/tai-khoan/ho-so/${dossierId}?thanh-toan=${encodeURIComponent(reference ?? '')}` : '/tai-khoan/ho-so';
  return reply.code(303).header('location', target).send(null);
}
