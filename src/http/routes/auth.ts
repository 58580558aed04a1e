import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { AppError, ErrorResponse, unwrap } from '../app-error.js';
import { loginOfficial } from '../../application/auth/login-official.js';
import { DEFAULT_LOCKOUT } from '../../domain/access/lockout.js';
import { logout } from '../../application/auth/logout.js';
import type { SessionUser } from '../../domain/access/session-user.js';
import { ROLE_CAPABILITIES } from '../../domain/access/roles.js';
import { SESSION_COOKIE, requestMeta } from '../plugins/auth.js';
import { LoginBody, Me, SessionValidity } from '../../contract/auth.js';

export function setSessionCookie(ctx: HttpContext, reply: FastifyReply, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.cookieSecure,
    maxAge: ctx.config.SESSION_TTL_HOURS * 3600,
  });
}

export function meBody(ctx: HttpContext, session: SessionUser): Me {
  const unit = session.unitCode ? ctx.deps.units.tree().find(session.unitCode) : undefined;
  return {
    user: {
      id: session.userId,
      displayName: session.displayName,
      role: session.role,
      unitCode: session.unitCode,
      unitName: unit?.name ?? null,
      capabilities: [...ROLE_CAPABILITIES[session.role]],
    },
    csrfToken: session.csrfToken,
  };
}

export function authRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/auth/login',
      {
        config: {
          access: 'public',
          rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT, timeWindow: 60_000 },
        },
        schema: {
          tags: ['auth'],
          summary: 'Cán bộ đăng nhập bằng mật khẩu',
          body: LoginBody,
          response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { sessionId } = unwrap(
          await loginOfficial(ctx.deps, {
            ...request.body,
            meta: requestMeta(request),
            previousSessionHash: request.auth?.sessionHash,
            lockout: { ...DEFAULT_LOCKOUT, threshold: ctx.config.LOGIN_LOCKOUT_THRESHOLD },
          }),
        );
        const session = await ctx.deps.sessions.resolve(sessionId, Date.now());
        if (!session) throw new AppError('INTERNAL');
        setSessionCookie(ctx, reply, sessionId);
        return meBody(ctx, session);
      },
    );
    r.post(
      '/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: z.null(), 401: ErrorResponse, 403: ErrorResponse } },
      },
      async (request, reply) => {
        await logout(ctx.deps, { sessionHash: (request.auth as SessionUser).sessionHash, meta: requestMeta(request) });
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );
    r.get(
      '/auth/session',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'Phiên đăng nhập còn hiệu lực không, và đến khi nào (để báo trước khi hết hạn)',
          response: { 200: SessionValidity, 401: ErrorResponse },
        },
      },
      async (request) => ({ authenticated: true as const, expiresAt: new Date((request.auth as SessionUser).expiresAt).toISOString() }),
    );
    r.get(
      '/auth/me',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Người dùng đang đăng nhập', response: { 200: Me, 401: ErrorResponse } },
      },
      async (request) => meBody(ctx, request.auth as SessionUser),
    );
  };
}
