/** What crosses the wire for signing in and out: the official's password login, the session, citizens' eID login. */
import { z } from 'zod';
import { CAPABILITIES, ROLES, type Role } from '../domain/access/roles.js';
import { text } from './text.js';

/** GET /auth/me, and the answer to a login. */
export const Me = z
  .object({
    user: z.object({
      id: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES as [Role, ...Role[]]),
      unitCode: z.string().nullable(),
      unitName: z.string().nullable(),
      capabilities: z.array(z.enum(CAPABILITIES)),
    }),
    csrfToken: z.string().describe('Send back in the x-csrf-token header on every state-changing request'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** POST /auth/login */
export const LoginBody = z.strictObject({
  username: text(64).trim().min(1, 'Vui lòng nhập tên đăng nhập'),
  password: text(256).min(1, 'Vui lòng nhập mật khẩu'),
});
export type LoginBody = z.input<typeof LoginBody>;

/** GET /auth/session: whether the session is still valid, and until when (ISO instant). */
export const SessionValidity = z.object({ authenticated: z.literal(true), expiresAt: z.string() });
export type SessionValidity = z.infer<typeof SessionValidity>;

/** GET /auth/oidc/start */
export const OidcStartQuery = z.strictObject({ returnTo: z.string().max(512).optional() });
export type OidcStartQuery = z.input<typeof OidcStartQuery>;

/** GET /auth/oidc/callback: what the identity provider sends back (other parameters are let through). */
export const OidcCallbackQuery = z
  .object({ code: z.string().max(2048).optional(), state: z.string().max(512).optional(), error: z.string().max(256).optional() })
  .loose();
export type OidcCallbackQuery = z.input<typeof OidcCallbackQuery>;
