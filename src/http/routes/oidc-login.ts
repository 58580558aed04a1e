/** Citizens' eID login (OpenID Connect, authorization code + PKCE). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { AppError, ErrorResponse, unwrap } from '../app-error.js';
import type { IdentityProviderClient, PendingLogin } from '../../application/auth/identity-provider.js';
import { loginCitizen } from '../../application/auth/login-citizen.js';
import { requestMeta } from '../plugins/auth.js';
import { setSessionCookie } from './auth.js';
import { OidcCallbackQuery, OidcStartQuery } from '../../contract/auth.js';

const PENDING_COOKIE = 'motcua_oidc';
const DEFAULT_RETURN = '/tai-khoan';

// A path on this site: starts with one slash, then only URL-safe printable characters (no spaces, tabs,
// control characters or backslashes, which browsers strip or rewrite into `//host`).
const LOCAL_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;

/** Only same-site relative paths: never an open redirect. */
export function safeReturnTo(value: string | undefined): string {
  if (!value || value.length > 512 || !LOCAL_PATH.test(value) || value.includes('//') || /%(0|1|7f|5c|2f)/i.test(value)) return DEFAULT_RETURN;
  return value;
}

export function oidcLoginRoutes(ctx: HttpContext, client: IdentityProviderClient) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/auth/oidc/start',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Bắt đầu đăng nhập bằng tài khoản định danh điện tử (VNeID) — chuyển hướng tới nhà cung cấp định danh',
          querystring: OidcStartQuery,
          response: { 302: z.null().describe('Redirect to the identity provider'), 503: ErrorResponse },
        },
      },
      async (request, reply) => {
        let started;
        try {
          started = await client.start(safeReturnTo(request.query.returnTo));
        } catch (error) {
          request.log.warn({ err: error }, 'OIDC discovery failed');
          throw new AppError('OIDC_UNAVAILABLE');
        }
        reply.setCookie(PENDING_COOKIE, JSON.stringify(started.pending), {
          path: '/api/v1/auth/oidc',
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.cookieSecure,
          signed: true,
          maxAge: 600,
        });
        return reply.redirect(started.url, 302);
      },
    );
    r.get(
      '/auth/oidc/callback',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Nhà cung cấp định danh chuyển về sau khi công dân đăng nhập',
          querystring: OidcCallbackQuery,
          response: { 302: z.null().describe('Redirect to the page the citizen came from'), 400: ErrorResponse },
        },
      },
      async (request, reply) => {
        const raw = request.cookies[PENDING_COOKIE];
        const unsigned = raw ? request.unsignCookie(raw) : undefined;
        reply.clearCookie(PENDING_COOKIE, { path: '/api/v1/auth/oidc' });
        if (!unsigned?.valid || !unsigned.value) throw new AppError('OIDC_FAILED', { reason: 'missing or tampered login state' });
        const pending = JSON.parse(unsigned.value) as PendingLogin;
        if (request.query.error) {
          // The citizen cancelled or the provider refused: back to where they came from, with a reason.
          return reply.redirect(`/?dang-nhap=${request.query.error === 'access_denied' ? 'huy' : 'loi'}`, 302);
        }
        let identity;
        try {
          identity = await client.finish(new URL(request.url, ctx.config.publicUrl), pending);
        } catch (error) {
          request.log.warn({ err: { message: (error as Error).message } }, 'OIDC callback rejected');
          throw new AppError('OIDC_FAILED');
        }
        const { sessionId } = unwrap(
          await loginCitizen(ctx.deps, {
            identity: {
              issuer: identity.issuer,
              subject: identity.subject,
              fullName: identity.name,
              personalId: identity.personalId,
              email: identity.email,
              birthDate: identity.birthDate ?? null,
              phone: identity.phone ?? null,
              eidLevel: identity.eidLevel ?? null,
            },
            meta: requestMeta(request),
          }),
        );
        setSessionCookie(ctx, reply, sessionId);
        return reply.redirect(safeReturnTo(pending.returnTo), 302);
      },
    );
  };
}
