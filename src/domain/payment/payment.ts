/**
 * A payment, apart from the dossier's state (issue 18, INTEGRATIONS §1.4). A dossier's payable lines are paid
 * by an attempt: online through a gateway, or recorded at the desk (cash) or from a bank transfer an
 * accountant confirmed. Only a gateway's word moves an online attempt, and each word is judged here:
 *
 *   initiated ─┬─ paid (the amount asked for) ──────────────┐
 *              ├─ failed | expired                          │ the same lines paid twice
 *              └─ amountMismatch ─┐                         ▼
 *                                 └──────────────► refundRequested ──► refunded
 *
 * A gateway's "paid" for an attempt we had given up (failed, expired) is money taken: it pays the lines when
 * they are still owed, and asks for a refund when another attempt paid them meanwhile. Pure.
 */
import type { GatewayOutcome, OnlineProvider } from './gateway.js';

export type PaymentMethod = OnlineProvider | 'cash' | 'transfer';
export const PAYMENT_METHOD_LABELS = {
  nationalPlatform: 'Nền tảng thanh toán của Cổng Dịch vụ công quốc gia',
  vnpay: 'Cổng thanh toán VNPay của tỉnh',
  cash: 'Tiền mặt tại bộ phận một cửa',
  transfer: 'Chuyển khoản ngân hàng',
} as const satisfies Record<PaymentMethod, string>;

export const ONLINE_METHODS: ReadonlySet<PaymentMethod> = new Set(['vnpay', 'nationalPlatform']);

export const ATTEMPT_STATUSES = ['initiated', 'awaitingConfirmation', 'paid', 'failed', 'expired', 'amountMismatch', 'refundRequested', 'refunded'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];
export const ATTEMPT_STATUS_LABELS = {
  initiated: 'Đang chờ cổng thanh toán xác nhận',
  awaitingConfirmation: 'Chờ kế toán xác nhận chuyển khoản',
  paid: 'Đã thanh toán',
  failed: 'Không thành công',
  expired: 'Hết hạn, không thanh toán',
  amountMismatch: 'Sai số tiền, chờ hoàn trả',
  refundRequested: 'Chờ hoàn trả',
  refunded: 'Đã hoàn trả',
} as const satisfies Record<AttemptStatus, string>;

/** How long an online attempt waits for the gateway, and how long reconciliation keeps asking (INTEGRATIONS §1.4). */
export const PAYMENT_WINDOW_MINUTES = 15;
export const RECONCILE_AFTER_MINUTES = 15;
export const RECONCILE_FOR_DAYS = 3;

export interface AttemptFacts {
  status: AttemptStatus;
  amount: number;
  /** The gateway's transaction id of a payment already applied, to tell a replay from a second payment. */
  providerTransactionId: string | null;
  /** Whether the lines this attempt is for are still owed (no other attempt paid them). */
  linesStillOwed: boolean;
}

export type Judgement =
  /** Nothing to change: a replayed or stale word (the reply says "already confirmed"). */
  | { kind: 'unchanged'; verdict: 'alreadyConfirmed' | 'pending' }
  | { kind: 'move'; to: AttemptStatus; paysLines: boolean; task: PaymentTask | null; verdict: 'confirmed' | 'invalidAmount' };

/** Why an accountant must look at an attempt. */
export type PaymentTask = 'amountMismatch' | 'doublePayment' | 'suspectedFraud' | 'latePayment' | 'longPending' | 'transferProof';
export const PAYMENT_TASK_LABELS = {
  amountMismatch: 'Số tiền cổng thanh toán báo khác số tiền phải nộp: hoàn trả và yêu cầu nộp lại',
  doublePayment: 'Nộp hai lần cho cùng khoản phí: hoàn trả lần nộp thừa',
  suspectedFraud: 'Cổng thanh toán nghi ngờ gian lận (mã 07): kiểm tra trước khi trả kết quả',
  latePayment: 'Cổng báo đã thu tiền cho giao dịch đã hết hạn: đã ghi nhận, kiểm tra đối soát',
  longPending: 'Giao dịch chưa có kết quả sau nhiều lần tra soát',
  transferProof: 'Chứng từ chuyển khoản chờ xác nhận',
} as const satisfies Record<PaymentTask, string>;

/** What a gateway's outcome (a verified callback or a query's answer) does to an attempt. */
export function judge(attempt: AttemptFacts, outcome: GatewayOutcome): Judgement {
  if (outcome.outcome === 'pending') return { kind: 'unchanged', verdict: 'pending' };
  if (outcome.outcome === 'failed') {
    return attempt.status === 'initiated'
      ? { kind: 'move', to: 'failed', paysLines: false, task: null, verdict: 'confirmed' }
      : { kind: 'unchanged', verdict: 'alreadyConfirmed' };
  }
  // Money was taken.
  const same = attempt.providerTransactionId !== null && attempt.providerTransactionId === outcome.providerTransactionId;
  if (attempt.status !== 'initiated' && attempt.status !== 'failed' && attempt.status !== 'expired') return { kind: 'unchanged', verdict: 'alreadyConfirmed' };
  if (same) return { kind: 'unchanged', verdict: 'alreadyConfirmed' };
  if (outcome.amount !== null && outcome.amount !== attempt.amount) {
    return { kind: 'move', to: 'amountMismatch', paysLines: false, task: 'amountMismatch', verdict: 'invalidAmount' };
  }
  if (!attempt.linesStillOwed) return { kind: 'move', to: 'refundRequested', paysLines: false, task: 'doublePayment', verdict: 'confirmed' };
  const late = attempt.status !== 'initiated';
  const task: PaymentTask | null = outcome.suspectedFraud ? 'suspectedFraud' : late ? 'latePayment' : null;
  return { kind: 'move', to: 'paid', paysLines: true, task, verdict: 'confirmed' };
}

/** What reconciliation does with an attempt the gateway still calls pending: give up after the window, or after 3 days. */
export function pendingVerdict(input: { createdAt: Date; expiresAt: Date; now: Date; provider: OnlineProvider }): 'wait' | 'expire' {
  const age = input.now.getTime() - input.createdAt.getTime();
  if (age >= RECONCILE_FOR_DAYS * 24 * 60 * 60 * 1000) return 'expire';
  // VNPay takes no money after vnp_ExpireDate; the platform's "3" means it does not know yet, so it is asked again.
  const grace = RECONCILE_AFTER_MINUTES * 60 * 1000;
  return input.provider === 'vnpay' && input.now.getTime() >= input.expiresAt.getTime() + grace ? 'expire' : 'wait';
}

/** A reference for a new attempt: [A-Za-z0-9], unique per attempt (vnp_TxnRef, MaThamChieu), readable by people. */
export function attemptReference(dossierCode: string, at: Date, random: string): string {
  const stamp = at.toISOString().replace(/\D/g, '').slice(2, 14);
  return `${dossierCode.replace(/[^A-Za-z0-9]/g, '')}${stamp}${random.replace(/[^A-Za-z0-9]/g, '').slice(0, 6)}`.slice(0, 40);
}
