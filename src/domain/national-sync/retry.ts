/**
 * When to try a dossier's sync again after the portal refused it, and when to give up and park it for a person.
 * Exponential with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): a random wait between
 * zero and min(cap, base × 2^attempt), so that many dossiers refused together do not come back together.
 * The portal being down is not a dossier's fault: the job pauses as a whole (a circuit) and no dossier's attempts
 * are counted.
 */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  /** Refusals after which a dossier is parked. */
  parkAfter: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 2_000, capMs: 15 * 60_000, parkAfter: 8 };

/** The wait before attempt `attempts + 1`, `random` in [0, 1). */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, attempts)));
  return Math.floor(random * ceiling);
}

/** The circuit's pause after `failures` rounds in a row found the portal out of reach: short first, at most `capMs`. */
export function outagePauseMs(failures: number, capMs: number, random: number): number {
  const ceiling = Math.min(capMs, 1_000 * 2 ** Math.min(20, Math.max(0, failures - 1)));
  return Math.floor(ceiling / 2 + (random * ceiling) / 2);
}
