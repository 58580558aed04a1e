import { describe, expect, it } from 'vitest';
import { onlinePaymentCode } from './online-payment.js';

describe('paid online (DuocThanhToanTrucTuyen)', () => {
  it('is 0 without a gateway confirmation: a declared payment is not one', () => {
    expect(onlinePaymentCode([])).toBe('0');
  });
  it('names the gateway of the latest confirmed payment of a positive amount', () => {
    expect(onlinePaymentCode([{ gateway: 'nationalPortal', amount: 15000, confirmedAt: 10 }])).toBe('1');
    expect(
      onlinePaymentCode([
        { gateway: 'nationalPortal', amount: 15000, confirmedAt: 10 },
        { gateway: 'provincial', amount: 5000, confirmedAt: 20 },
      ]),
    ).toBe('2');
    expect(onlinePaymentCode([{ gateway: 'provincial', amount: 0, confirmedAt: 20 }])).toBe('0');
  });
});
