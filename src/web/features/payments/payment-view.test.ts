import { describe, expect, it } from 'vitest';
import type { PaymentAttempt } from './api/payments-api.js';
import { attemptTone, lineState, lineStatus, receiptLabel, RETURN_MAX_POLLS, returnMessage, returnProgress, unsettledAttempts } from './payment-view.js';

const line = { replaced: false, amount: 75_000, paid: false, payableNow: true };

function attempt(over: Partial<PaymentAttempt> = {}): PaymentAttempt {
  return {
    id: 'a1',
    method: 'vnpay',
    methodLabel: 'Cổng thanh toán VNPay của tỉnh',
    online: true,
    reference: 'HS001261201',
    amount: 75_000,
    status: 'initiated',
    statusLabel: 'Đang chờ cổng thanh toán xác nhận',
    task: null,
    taskLabel: null,
    createdAt: '2026-12-01T03:00:00.000Z',
    settledAt: null,
    note: null,
    ...over,
  };
}

describe('a fee line in words', () => {
  it('reads paid, due now, not yet due and exempt', () => {
    expect(lineStatus({ ...line, paid: true, payableNow: false })).toEqual({ label: 'Đã nộp', tone: 'success' });
    expect(lineStatus(line)).toEqual({ label: 'Phải nộp', tone: 'warning' });
    expect(lineStatus({ ...line, payableNow: false })).toEqual({ label: 'Chưa đến hạn', tone: 'info' });
    expect(lineStatus({ ...line, amount: 0, payableNow: false })).toEqual({ label: 'Miễn', tone: 'neutral' });
  });

  it('says a replaced line was adjusted, before anything else, and an exemption before "paid"', () => {
    expect(lineState({ ...line, replaced: true })).toBe('replaced');
    expect(lineState({ ...line, amount: 0, paid: true })).toBe('exempt');
  });
});

describe('payments and receipts in words', () => {
  it('names a receipt by kind, series and number', () => {
    expect(receiptLabel({ kind: 'charge', series: 'BL26E', number: '00000012' })).toBe('Biên lai lệ phí BL26E số 00000012');
    expect(receiptLabel({ kind: 'fee', series: 'BL26E', number: '00000003' })).toBe('Biên lai phí BL26E số 00000003');
  });

  it('colours a failed or mismatched payment as a problem, a paid one as done', () => {
    expect(attemptTone('paid')).toBe('success');
    expect(attemptTone('failed')).toBe('danger');
    expect(attemptTone('amountMismatch')).toBe('danger');
    expect(attemptTone('initiated')).toBe('info');
  });
});

describe('back from the gateway', () => {
  it('waits while the attempt is unknown or still initiated, within the polling window', () => {
    expect(returnProgress(undefined, 'HS001261201', 0)).toEqual({ kind: 'waiting' });
    expect(returnProgress({ attempts: [attempt()] }, 'HS001261201', RETURN_MAX_POLLS - 1)).toEqual({ kind: 'waiting' });
    expect(returnProgress({ attempts: [attempt({ reference: 'OTHER', status: 'paid' })] }, 'HS001261201', 3)).toEqual({ kind: 'waiting' });
  });

  it('stops with the outcome once the gateway has answered, and gives up after about 30 s', () => {
    const paid = attempt({ status: 'paid', statusLabel: 'Đã thanh toán' });
    expect(returnProgress({ attempts: [paid] }, 'HS001261201', 0)).toEqual({ kind: 'settled', attempt: paid });
    expect(returnProgress({ attempts: [attempt()] }, 'HS001261201', RETURN_MAX_POLLS)).toEqual({ kind: 'timedOut' });
  });

  it('tells a payment from a failure and from money to be refunded', () => {
    expect(returnMessage(attempt({ status: 'paid' }))).toMatchObject({ good: true, text: expect.stringContaining('Đã nhận 75.000 ₫') });
    expect(returnMessage(attempt({ status: 'failed' }))).toMatchObject({ good: false, text: expect.stringContaining('chưa bị trừ tiền') });
    expect(returnMessage(attempt({ status: 'refundRequested' }))).toMatchObject({ good: false, text: expect.stringContaining('hoàn trả') });
  });
});

describe('payments without an outcome yet', () => {
  it('are those waiting for a gateway or for an accountant', () => {
    const all = [attempt(), attempt({ id: 'b', status: 'awaitingConfirmation' }), attempt({ id: 'c', status: 'paid' }), attempt({ id: 'd', status: 'failed' })];
    expect(unsettledAttempts(all).map((a) => a.id)).toEqual(['a1', 'b']);
  });
});
