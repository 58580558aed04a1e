/**
 * Lockout after failed passwords, with back-off: from the `threshold`-th failure in a row, an account is locked
 * for `baseMs`, doubled at each further failure, at most `maxMs`. Failures older than `forgetMs` are forgotten.
 */
export interface LockoutRules {
  /** Failures in a row before the first lock; 0 disables lockout. */
  threshold: number;
  baseMs: number;
  maxMs: number;
  forgetMs: number;
}

export const DEFAULT_LOCKOUT: Omit<LockoutRules, 'threshold'> = { baseMs: 60_000, maxMs: 3_600_000, forgetMs: 24 * 3_600_000 };

/** Failures counted after one more at `now`, given the last one (a long quiet spell starts the count again). */
export function failuresAfter(previous: { failures: number; lastFailureAt: number } | null, now: number, rules: LockoutRules): number {
  return previous && now - previous.lastFailureAt < rules.forgetMs ? previous.failures + 1 : 1;
}

/** Until when the account is locked after `failures` failures at `now`; null when it is not. */
export function lockedUntil(failures: number, now: number, rules: LockoutRules): number | null {
  if (rules.threshold <= 0 || failures < rules.threshold) return null;
  return now + Math.min(rules.maxMs, rules.baseMs * 2 ** Math.min(30, failures - rules.threshold));
}
