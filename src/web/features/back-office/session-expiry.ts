import { formatTime } from '../../shared/format.js';

/** How often the back office asks the server whether the session is still alive. */
export const SESSION_CHECK_INTERVAL_MS = 60_000;

/** Warn once fewer than this many minutes of the session remain. */
export const SESSION_WARNING_MINUTES = 10;

const MINUTE_MS = 60_000;

export interface SessionExpiryWarning {
  /** Whole minutes left, rounded down (0 in the last minute). */
  minutesLeft: number;
  /** The end of the session as "HH:mm" in Vietnam time. */
  expiresAtTime: string;
  message: string;
}

/**
 * Whole minutes between `now` and `expiresAt`, rounded down and never negative, so the figure
 * matches the difference between the two "HH:mm" clock times an official would work out.
 */
export function minutesLeft(expiresAt: Date, now: Date): number {
  const remaining = expiresAt.getTime() - now.getTime();
  return remaining > 0 ? Math.floor(remaining / MINUTE_MS) : 0;
}

/** True when the session ends in less than SESSION_WARNING_MINUTES (or has already ended on this clock). */
export function shouldWarn(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() - now.getTime() < SESSION_WARNING_MINUTES * MINUTE_MS;
}

/** The warning to show for a session ending at `expiresAtIso` (an ISO instant), or null when none is due. */
export function sessionExpiryWarning(expiresAtIso: string, now: Date): SessionExpiryWarning | null {
  const expiresAt = new Date(expiresAtIso);
  if (Number.isNaN(expiresAt.getTime()) || !shouldWarn(expiresAt, now)) return null;
  const minutes = minutesLeft(expiresAt, now);
  const expiresAtTime = formatTime(expiresAt);
  const left = minutes > 0 ? `còn ${minutes} phút` : 'còn dưới 1 phút';
  return {
    minutesLeft: minutes,
    expiresAtTime,
    message: `Phiên làm việc sẽ hết hạn lúc ${expiresAtTime} (${left}). Hãy lưu công việc và đăng nhập lại.`,
  };
}
