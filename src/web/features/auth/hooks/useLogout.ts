import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { toApiError } from '../../../shared/api.js';
import { useAuth } from './useAuth.js';

export interface Logout {
  /** End the session (POST /api/v1/auth/logout with the CSRF token), then go to `redirectTo`. */
  logout: () => Promise<void>;
  pending: boolean;
  /** The Vietnamese message of a failed logout, if any. */
  error: string | null;
}

export function useLogout(redirectTo: string): Logout {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const logout = useCallback(async () => {
    setPending(true);
    setError(null);
    try {
      await signOut();
      await navigate(redirectTo, { replace: true });
    } catch (cause) {
      setError(toApiError(cause).message);
      setPending(false);
    }
  }, [signOut, navigate, redirectTo]);

  return { logout, pending, error };
}
