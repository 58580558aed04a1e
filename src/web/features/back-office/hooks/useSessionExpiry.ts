import { useEffect, useMemo, useState } from 'react';
import { isAbortError, toApiError } from '../../../shared/api.js';
import { fetchSessionValidity } from '../../auth/api/auth-api.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { SESSION_CHECK_INTERVAL_MS, sessionExpiryWarning, type SessionExpiryWarning } from '../session-expiry.js';

interface SessionCheck {
  expiresAt: string;
  /** Date.now() when this was last known to hold; the warning counts down from it. */
  checkedAt: number;
}

/**
 * Asks GET /api/v1/auth/session now, every minute while the tab is visible, and whenever it becomes
 * visible again. Returns the warning to show when the session ends soon; a 401 ends the session here
 * (the back-office gate then sends the official to the login page, marked as expired).
 */
export function useSessionExpiry(): SessionExpiryWarning | null {
  const { expireSession } = useAuth();
  const [check, setCheck] = useState<SessionCheck | null>(null);

  useEffect(() => {
    let controller: AbortController | null = null;

    const poll = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      fetchSessionValidity(current.signal).then(
        (answer) => {
          if (!current.signal.aborted) setCheck({ expiresAt: answer.expiresAt, checkedAt: Date.now() });
        },
        (error: unknown) => {
          if (current.signal.aborted || isAbortError(error)) return;
          if (toApiError(error).status === 401) {
            expireSession();
            return;
          }
          // Network trouble or a server error: keep the last known end and let the countdown go on.
          setCheck((previous) => (previous === null ? null : { ...previous, checkedAt: Date.now() }));
        },
      );
    };

    const pollIfVisible = () => {
      if (document.visibilityState === 'visible') poll();
    };

    poll();
    const timer = window.setInterval(pollIfVisible, SESSION_CHECK_INTERVAL_MS);
    document.addEventListener('visibilitychange', pollIfVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', pollIfVisible);
      controller?.abort();
    };
  }, [expireSession]);

  return useMemo(() => (check === null ? null : sessionExpiryWarning(check.expiresAt, new Date(check.checkedAt))), [check]);
}
