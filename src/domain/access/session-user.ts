/** Who a request acts for once its session cookie is known: the signed-in user, as the session store gives it. */
import type { Role } from './roles.js';

export interface SessionUser {
  userId: string;
  role: Role;
  unitCode: string | null;
  displayName: string;
  sessionHash: string;
  /** Session-bound CSRF token, computed once per cache fill. */
  csrfToken: string;
  expiresAt: number;
}
