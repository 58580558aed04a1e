import type { LoginBody, Me, SessionValidity } from '../../../../contract/auth.js';
import { apiGet, apiPost } from '../../../shared/api.js';

export type { SessionValidity };
/** GET /api/v1/auth/me, and the answer to a login: the user, and the CSRF token to send back. */
export type Session = Me;
export type CurrentUser = Me['user'];
export type Credentials = LoginBody;

export function fetchSession(signal?: AbortSignal): Promise<Session> {
  return apiGet<Session>('/api/v1/auth/me', signal ? { signal } : {});
}

export function loginWithPassword(credentials: Credentials): Promise<Session> {
  return apiPost<Session>('/api/v1/auth/login', { body: credentials });
}

export function logoutSession(): Promise<void> {
  return apiPost<void>('/api/v1/auth/logout');
}

/** GET /api/v1/auth/session: whether the session is still valid, and until when (ISO instant). */
export function fetchSessionValidity(signal?: AbortSignal): Promise<SessionValidity> {
  return apiGet<SessionValidity>('/api/v1/auth/session', signal ? { signal } : {});
}
