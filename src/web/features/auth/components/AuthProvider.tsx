import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isAbortError, setCsrfToken, toApiError } from '../../../shared/api.js';
import { fetchSession, logoutSession, type Session } from '../api/auth-api.js';
import { AuthContext, type AuthContextValue, type AuthState } from '../hooks/auth-context.js';

function stateFromError(error: unknown): AuthState {
  const apiError = toApiError(error);
  if (apiError.status === 401) return { status: 'anonymous' };
  return { status: 'error', error: apiError };
}

/** Asks GET /api/v1/auth/me once on start and shares the answer (and the CSRF token) with the app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  // While a logout is under way, a session check answering 401 is that logout, not an expiry.
  const signingOut = useRef(false);

  const adopt = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'authenticated', user: session.user });
  }, []);

  const forget = useCallback((next: AuthState) => {
    setCsrfToken(null);
    setState(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(adopt, (error: unknown) => {
      if (!controller.signal.aborted && !isAbortError(error)) forget(stateFromError(error));
    });
    return () => controller.abort();
  }, [adopt, forget]);

  const refresh = useCallback(async () => {
    try {
      adopt(await fetchSession());
    } catch (error) {
      forget(stateFromError(error));
    }
  }, [adopt, forget]);

  const signOut = useCallback(async () => {
    signingOut.current = true;
    try {
      await logoutSession();
    } catch (error) {
      // Already logged out on the server is fine; anything else means the session may still be alive.
      if (toApiError(error).status !== 401) throw toApiError(error);
    } finally {
      signingOut.current = false;
    }
    forget({ status: 'anonymous' });
  }, [forget]);

  const expireSession = useCallback(() => {
    if (signingOut.current) return;
    setCsrfToken(null);
    setState((previous) => (previous.status === 'authenticated' ? { status: 'anonymous', expired: true } : previous));
  }, []);

  const value = useMemo<AuthContextValue>(() => ({ state, refresh, signIn: adopt, signOut, expireSession }), [state, refresh, adopt, signOut, expireSession]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
