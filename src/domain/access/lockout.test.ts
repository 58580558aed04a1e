import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCKOUT, failuresAfter, lockedUntil } from './lockout.js';

const rules = { ...DEFAULT_LOCKOUT, threshold: 5 };

describe('lockout with back-off', () => {
  it('locks from the fifth failure in a row, doubling each time, at most an hour', () => {
    const now = 1_000_000;
    expect([1, 2, 3, 4].map((n) => lockedUntil(n, now, rules))).toEqual([null, null, null, null]);
    expect([5, 6, 7, 11, 12, 40].map((n) => lockedUntil(n, now, rules)! - now)).toEqual([60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000]);
    expect(lockedUntil(100, now, { ...rules, threshold: 0 })).toBeNull();
  });

  it('counts failures in a row, forgetting them after a day of quiet', () => {
    expect(failuresAfter(null, 0, rules)).toBe(1);
    expect(failuresAfter({ failures: 4, lastFailureAt: 0 }, 3_600_000, rules)).toBe(5);
    expect(failuresAfter({ failures: 4, lastFailureAt: 0 }, 25 * 3_600_000, rules)).toBe(1);
  });
});
