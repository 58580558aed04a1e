/** What crosses the wire for fees and their payment (issue 18; routes in src/http/routes/payments.ts). */
import { z } from 'zod';
import { text } from './text.js';
import { ATTEMPT_STATUSES } from '../domain/payment/payment.js';

const FEE_KINDS = ['fee', 'charge'] as const;
const FEE_MOMENTS = ['submission', 'supplement', 'result'] as const;
const PAYMENT_METHODS = ['vnpay', 'nationalPlatform', 'cash', 'transfer'] as const;
const ONLINE_PROVIDERS = ['nationalPlatform', 'vnpay'] as const;

export const FeeLine = z
  .object({
    id: z.string(),
    line: z.number().int(),
    kind: z.enum(FEE_KINDS).describe('fee = phí, charge = lệ phí'),
    name: z.string(),
    amount: z.number().int().describe('VND; 0 = miễn'),
    moment: z.enum(FEE_MOMENTS).describe('Thời điểm thu: submission khi nộp, supplement khi bổ sung theo yêu cầu, result khi nhận kết quả'),
    momentLabel: z.string(),
    basis: z.string().describe('Căn cứ, lý do của mức thu'),
    source: z.enum(['catalogue', 'official']).describe('catalogue: theo thủ tục đã công bố; official: cán bộ thêm hoặc điều chỉnh'),
    paid: z.boolean(),
    payableNow: z.boolean(),
    replaced: z.boolean().describe('Đã được điều chỉnh bằng một khoản khác'),
  })
  .meta({ id: 'FeeLine' });
export type FeeLine = z.infer<typeof FeeLine>;

export const PaymentAttempt = z
  .object({
    id: z.string(),
    method: z.enum(PAYMENT_METHODS),
    methodLabel: z.string(),
    online: z.boolean().describe('Chỉ thanh toán qua cổng thanh toán được tính là thanh toán trực tuyến'),
    reference: z.string(),
    amount: z.number().int(),
    status: z.enum(ATTEMPT_STATUSES),
    statusLabel: z.string(),
    task: z.string().nullable(),
    taskLabel: z.string().nullable(),
    createdAt: z.string(),
    settledAt: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'PaymentAttempt' });
export type PaymentAttempt = z.infer<typeof PaymentAttempt>;

export const PaymentReceipt = z
  .object({
    id: z.string(),
    kind: z.enum(FEE_KINDS),
    template: z.string(),
    series: z.string(),
    number: z.string().describe('8 chữ số'),
    amount: z.number().int(),
    issuedAt: z.string(),
    url: z.string().describe('Tải biên lai (PDF)'),
  })
  .meta({ id: 'PaymentReceipt' });
export type PaymentReceipt = z.infer<typeof PaymentReceipt>;

/** GET /api/v1/dossiers/{id}/payments */
export const DossierPayments = z
  .object({
    lines: z.array(FeeLine),
    /** VND payable now (unpaid lines whose moment has come). */
    dueNow: z.number().int(),
    /** VND still owed later (the result's lines before the result is ready). */
    dueLater: z.number().int(),
    paidTotal: z.number().int(),
    providers: z.array(z.object({ provider: z.enum(ONLINE_PROVIDERS), label: z.string() })).describe('Cổng thanh toán trực tuyến đơn vị nhận'),
    attempts: z.array(PaymentAttempt),
    receipts: z.array(PaymentReceipt),
    canPayOnline: z.boolean(),
    canRecordAtDesk: z.boolean(),
    canAdjust: z.boolean(),
  })
  .meta({ id: 'DossierPayments' });
export type DossierPayments = z.infer<typeof DossierPayments>;

/** POST /api/v1/dossiers/{id}/payments: the applicant starts paying online what is due now. */
export const StartPaymentBody = z.strictObject({ provider: z.enum(ONLINE_PROVIDERS) });
export type StartPaymentBody = z.input<typeof StartPaymentBody>;
export const StartedPayment = z.object({ attemptId: z.string(), reference: z.string(), amount: z.number().int(), redirectUrl: z.string() });
export type StartedPayment = z.infer<typeof StartedPayment>;

/** POST /api/v1/dossiers/{id}/payments/desk: cash taken at the desk, or a bank transfer's proof handed in. */
export const DeskPaymentBody = z.strictObject({
  method: z.enum(['cash', 'transfer']),
  note: text(500).trim().nullable().default(null).describe('Số chứng từ chuyển khoản, ghi chú'),
});
export type DeskPaymentBody = z.input<typeof DeskPaymentBody>;

/** POST /api/v1/dossiers/{id}/fees: an official adds a line, or adjusts one (replaces), with a reason. */
export const FeeLineBody = z.strictObject({
  name: text(300).trim().min(1),
  kind: z.enum(FEE_KINDS),
  amount: z.number().int().min(0).max(10_000_000_000),
  moment: z.enum(FEE_MOMENTS),
  reason: text(1000).trim().min(5).describe('Lý do thêm hoặc điều chỉnh (được ghi nhật ký)'),
  replaces: z.uuid().nullable().default(null),
});
export type FeeLineBody = z.input<typeof FeeLineBody>;

/** POST /api/v1/payments/{id}/resolve: an accountant settles a task. */
export const ResolvePaymentBody = z.strictObject({
  resolution: z.enum(['confirmTransfer', 'rejectTransfer', 'refunded', 'checked']),
  expectedVersion: z.number().int().min(0),
  note: text(500).trim().min(3),
});
export type ResolvePaymentBody = z.input<typeof ResolvePaymentBody>;

export const PaymentTaskItem = z
  .object({
    attempt: PaymentAttempt,
    version: z.number().int(),
    dossierId: z.string(),
    dossierCode: z.string(),
    unitCode: z.string(),
  })
  .meta({ id: 'PaymentTaskItem' });
export type PaymentTaskItem = z.infer<typeof PaymentTaskItem>;
export const PaymentTasks = z.object({ items: z.array(PaymentTaskItem) });
export type PaymentTasks = z.infer<typeof PaymentTasks>;

/** GET /api/v1/payments/reconciliation?date=yyyy-MM-dd */
export const ReconciliationQuery = z.strictObject({ date: z.iso.date().optional() });
export const ReconciliationRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  method: z.enum(PAYMENT_METHODS),
  methodLabel: z.string(),
  expected: z.number().int().describe('Số tiền các giao dịch khởi tạo trong ngày'),
  expectedCount: z.number().int(),
  received: z.number().int().describe('Số tiền cổng xác nhận đã thu'),
  receivedCount: z.number().int(),
  pendingCount: z.number().int(),
  mismatchCount: z.number().int(),
});
export const Reconciliation = z
  .object({
    date: z.string(),
    rows: z.array(ReconciliationRow),
    mismatches: z.array(PaymentTaskItem),
    balanced: z.boolean().describe('Mọi giao dịch đã có kết quả và số tiền khớp'),
  })
  .meta({ id: 'Reconciliation' });
export type Reconciliation = z.infer<typeof Reconciliation>;
