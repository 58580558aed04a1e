import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-in-words.js';

describe('amountInWords', () => {
  it('reads amounts the way Vietnamese receipts print them', () => {
    expect(amountInWords(0)).toBe('Không đồng');
    expect(amountInWords(75_000)).toBe('Bảy mươi lăm nghìn đồng');
    expect(amountInWords(15_000)).toBe('Mười lăm nghìn đồng');
    expect(amountInWords(21_000)).toBe('Hai mươi mốt nghìn đồng');
    expect(amountInWords(1_005_000)).toBe('Một triệu không trăm linh năm nghìn đồng');
    expect(amountInWords(2_500_000)).toBe('Hai triệu năm trăm nghìn đồng');
    expect(amountInWords(1_000_000_000)).toBe('Một tỷ đồng');
    expect(amountInWords(134_000)).toBe('Một trăm ba mươi tư nghìn đồng');
  });
  it('refuses what is not an amount', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});
