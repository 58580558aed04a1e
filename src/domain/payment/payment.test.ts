import { describe, expect, it } from 'vitest';
import { judge, pendingVerdict, attemptReference, type AttemptFacts } from './payment.js';
import { feeKindOf, feeLinesAtIntake, payableNow, bearsFee, type FeeLine } from './fees.js';
import type { GatewayOutcome } from './gateway.js';

const outcome = (o: Partial<GatewayOutcome>): GatewayOutcome => ({
  reference: 'R1',
  amount: 10_000,
  outcome: 'paid',
  providerTransactionId: 'T1',
  bankCode: 'NCB',
  code: '00/00',
  paidAt: new Date(),
  suspectedFraud: false,
  ...o,
});
const attempt = (a: Partial<AttemptFacts>): AttemptFacts => ({ status: 'initiated', amount: 10_000, providerTransactionId: null, linesStillOwed: true, ...a });

describe('judge: what a gateway word does to an attempt', () => {
  it('pays an initiated attempt once; the same word again changes nothing', () => {
    expect(judge(attempt({}), outcome({}))).toEqual({ kind: 'move', to: 'paid', paysLines: true, task: null, verdict: 'confirmed' });
    expect(judge(attempt({ status: 'paid', providerTransactionId: 'T1' }), outcome({}))).toEqual({ kind: 'unchanged', verdict: 'alreadyConfirmed' });
  });
  it('never pays a wrong amount: it becomes a refund task, answered "invalid amount"', () => {
    expect(judge(attempt({}), outcome({ amount: 5_000 }))).toMatchObject({
      to: 'amountMismatch',
      paysLines: false,
      task: 'amountMismatch',
      verdict: 'invalidAmount',
    });
  });
  it('a second payment of lines another attempt paid is a refund, not a second credit', () => {
    expect(judge(attempt({ linesStillOwed: false }), outcome({}))).toMatchObject({ to: 'refundRequested', paysLines: false, task: 'doublePayment' });
  });
  it('money taken on an attempt given up still pays what is owed, with a task to look at it', () => {
    expect(judge(attempt({ status: 'expired' }), outcome({}))).toMatchObject({ to: 'paid', paysLines: true, task: 'latePayment' });
    expect(judge(attempt({ status: 'failed' }), outcome({ providerTransactionId: 'T2' }))).toMatchObject({ to: 'paid', task: 'latePayment' });
  });
  it('flags suspected fraud (VNPay 07) for an accountant', () => {
    expect(judge(attempt({}), outcome({ suspectedFraud: true }))).toMatchObject({ to: 'paid', task: 'suspectedFraud' });
  });
  it('a failure fails only an initiated attempt; pending changes nothing', () => {
    expect(judge(attempt({}), outcome({ outcome: 'failed' }))).toMatchObject({ to: 'failed', paysLines: false });
    expect(judge(attempt({ status: 'paid' }), outcome({ outcome: 'failed' }))).toEqual({ kind: 'unchanged', verdict: 'alreadyConfirmed' });
    expect(judge(attempt({}), outcome({ outcome: 'pending' }))).toEqual({ kind: 'unchanged', verdict: 'pending' });
  });
});

describe('reconciliation gives up', () => {
  const createdAt = new Date('2026-12-07T02:00:00Z');
  const expiresAt = new Date('2026-12-07T02:15:00Z');
  it('on VNPay 15 minutes after its window closed; on the platform after 3 days', () => {
    expect(pendingVerdict({ createdAt, expiresAt, now: new Date('2026-12-07T02:29:00Z'), provider: 'vnpay' })).toBe('wait');
    expect(pendingVerdict({ createdAt, expiresAt, now: new Date('2026-12-07T02:30:00Z'), provider: 'vnpay' })).toBe('expire');
    expect(pendingVerdict({ createdAt, expiresAt, now: new Date('2026-12-09T02:00:00Z'), provider: 'nationalPlatform' })).toBe('wait');
    expect(pendingVerdict({ createdAt, expiresAt, now: new Date('2026-12-10T02:00:00Z'), provider: 'nationalPlatform' })).toBe('expire');
  });
  it('makes references of letters and digits only', () => {
    expect(attemptReference('000.00.31.H37-261207-0001', createdAt, 'a1-b2c3d4')).toMatch(/^[A-Za-z0-9]+$/);
  });
});

describe('fee lines', () => {
  const fees = [
    { name: 'Lệ phí đăng ký doanh nghiệp', amount: 50_000, onlineAmount: 0, collectedAt: 'submission' as const, description: 'Miễn khi đăng ký qua mạng' },
    { name: 'Phí công bố nội dung đăng ký doanh nghiệp', amount: 100_000, collectedAt: 'submission' as const, description: 'Công bố' },
  ];
  it('take the channel amount: the lower online amount online, the full amount at the counter', () => {
    expect(feeLinesAtIntake(fees, 'counter').map((l) => [l.kind, l.amount])).toEqual([
      ['charge', 50_000],
      ['fee', 100_000],
    ]);
    const online = feeLinesAtIntake(fees, 'online');
    expect(online.map((l) => l.amount)).toEqual([0, 100_000]);
    expect(online[0]!.basis).toContain('nộp trực tuyến');
    expect(feeKindOf('  Lệ phí cấp giấy phép')).toBe('charge');
    expect(feeKindOf('Phí thẩm định')).toBe('fee');
  });
  it('are payable when their moment has come, once', () => {
    const line = (l: Partial<FeeLine>): FeeLine => ({
      id: 'x',
      kind: 'fee',
      name: 'Phí',
      amount: 10_000,
      moment: 'submission',
      replaced: false,
      paid: false,
      ...l,
    });
    expect(payableNow(line({}), 'submitted')).toBe(true);
    expect(payableNow(line({ moment: 'result' }), 'processing')).toBe(false);
    expect(payableNow(line({ moment: 'result' }), 'resultReady')).toBe(true);
    expect(payableNow(line({ paid: true }), 'processing')).toBe(false);
    expect(payableNow(line({ held: true }), 'processing')).toBe(false);
    expect(payableNow(line({ amount: 0 }), 'processing')).toBe(false);
    expect(payableNow(line({}), 'withdrawn')).toBe(false);
    expect(bearsFee([line({ amount: 0 }), line({ replaced: true })])).toBe(false);
    expect(bearsFee([line({})])).toBe(true);
  });
});
