import { describe, expect, it } from 'vitest';
import type { FeeLine } from './api/payments-api.js';
import {
  adjustableLines,
  buildDeskBody,
  buildFeeLineBody,
  buildResolveBody,
  emptyFeeLineValues,
  parseAmount,
  resolutionsFor,
  valuesReplacing,
} from './payment-forms.js';

const feeLine: FeeLine = {
  id: '0b7f6d2e-7c1a-4a39-9b8e-2f7d0c1a5e10',
  line: 1,
  kind: 'charge',
  name: 'Lệ phí đăng ký',
  amount: 75_000,
  moment: 'submission',
  momentLabel: 'Thu khi nộp hồ sơ',
  basis: 'Nghị quyết HĐND tỉnh',
  source: 'catalogue',
  paid: false,
  payableNow: true,
  replaced: false,
};

describe('amounts typed by officials', () => {
  it('reads whole đồng, with or without thousands dots', () => {
    expect(parseAmount(75000)).toBe(75_000);
    expect(parseAmount('75.000')).toBe(75_000);
    expect(parseAmount('0')).toBe(0);
    expect(parseAmount('7,5')).toBeNull();
    expect(parseAmount(7.5)).toBeNull();
    expect(parseAmount('')).toBeNull();
  });
});

describe('the desk form', () => {
  it('records cash without a note, and asks for the proof of a transfer', () => {
    expect(buildDeskBody({ method: 'cash', note: '  ' })).toEqual({ ok: true, body: { method: 'cash', note: null } });
    expect(buildDeskBody({ method: 'transfer', note: '' })).toMatchObject({ ok: false, errors: { note: expect.any(String) } });
    expect(buildDeskBody({ method: 'transfer', note: ' UNC 123 ' })).toEqual({ ok: true, body: { method: 'transfer', note: 'UNC 123' } });
  });
});

describe('adding or adjusting a fee line', () => {
  it('requires a name, an amount (0 exempts) and a reason of at least 5 characters', () => {
    const result = buildFeeLineBody(emptyFeeLineValues());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['amount', 'name', 'reason']);
    expect(buildFeeLineBody({ ...emptyFeeLineValues(), name: 'Phí', amount: -1, reason: 'Theo quy định' })).toMatchObject({
      ok: false,
      errors: { amount: expect.any(String) },
    });
  });

  it('sends a new line with replaces null, and an adjustment with the line it replaces', () => {
    const fresh = buildFeeLineBody({ ...emptyFeeLineValues(), name: ' Phí thẩm định ', amount: '0', reason: 'Miễn cho hộ nghèo' });
    expect(fresh).toEqual({
      ok: true,
      body: { name: 'Phí thẩm định', kind: 'fee', amount: 0, moment: 'submission', reason: 'Miễn cho hộ nghèo', replaces: null },
    });
    const adjusted = valuesReplacing({ ...emptyFeeLineValues(), reason: 'Giảm 50% theo Thông tư' }, feeLine);
    expect(adjusted).toMatchObject({ replaces: feeLine.id, name: feeLine.name, kind: 'charge', amount: 75_000, reason: 'Giảm 50% theo Thông tư' });
    expect(buildFeeLineBody({ ...adjusted, amount: 37_500 })).toMatchObject({ ok: true, body: { replaces: feeLine.id, amount: 37_500 } });
    expect(valuesReplacing(adjusted, undefined)).toEqual({ ...emptyFeeLineValues(), reason: 'Giảm 50% theo Thông tư' });
  });

  it('offers only the lines still counting and not paid', () => {
    const lines = [feeLine, { ...feeLine, id: 'b', paid: true }, { ...feeLine, id: 'c', replaced: true }];
    expect(adjustableLines(lines).map((l) => l.id)).toEqual([feeLine.id]);
  });
});

describe('settling a payment task', () => {
  it('offers what fits the attempt', () => {
    expect(resolutionsFor({ status: 'awaitingConfirmation' })).toEqual(['confirmTransfer', 'rejectTransfer']);
    expect(resolutionsFor({ status: 'refundRequested' })).toEqual(['refunded']);
    expect(resolutionsFor({ status: 'paid' })).toEqual(['checked']);
  });

  it('requires a resolution and a note, and sends the version read', () => {
    expect(buildResolveBody({ resolution: '', note: '' }, 2)).toMatchObject({
      ok: false,
      errors: { resolution: expect.any(String), note: expect.any(String) },
    });
    expect(buildResolveBody({ resolution: 'refunded', note: ' Đã hoàn qua VNPay ' }, 2)).toEqual({
      ok: true,
      body: { resolution: 'refunded', expectedVersion: 2, note: 'Đã hoàn qua VNPay' },
    });
  });
});
