import { createContext } from 'react';
import type { ApiError } from '../../../shared/api.js';
import type { CurrentUser, Session } from '../api/auth-api.js';

export type AuthState =
  | { status: 'loading' }
  /** `expired`: the session ended by itself while in use (the back office says so at the login page). */
  | { status: 'anonymous'; expired?: boolean }
  | { status: 'authenticated'; user: CurrentUser }
  /** The server could not be asked (network, 5xx): we do not know who the user is. */
  | { status: 'error'; error: ApiError };

export interface AuthContextValue {
  state: AuthState;
  /** Ask the server again who is logged in. */
  refresh: () => Promise<void>;
  /** Adopt the session returned by a successful login. */
  signIn: (session: Session) => void;
  /** End the session on the server (with the CSRF token) and forget it here; rejects with ApiError. */
  signOut: () => Promise<void>;
  /** The server no longer knows the session (401 on a check): forget it here, marked as expired. */
  expireSession: () => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
