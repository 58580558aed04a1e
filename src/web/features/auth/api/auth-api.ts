import type { Capability, Role } from '../../../../domain/access/roles.js';
import { apiGet, apiPost } from '../../../shared/api.js';

export interface CurrentUser {
  id: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  capabilities: Capability[];
}

export interface Session {
  user: CurrentUser;
  csrfToken: string;
}

export interface Credentials {
  username: string;
  password: string;
}

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
export interface SessionValidity {
  authenticated: true;
  expiresAt: string;
}

export function fetchSessionValidity(signal?: AbortSignal): Promise<SessionValidity> {
  return apiGet<SessionValidity>('/api/v1/auth/session', signal ? { signal } : {});
}
