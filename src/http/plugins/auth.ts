/**
 * Authentication and route guards. Every /api route declares `config.access`; the server refuses to
 * start when one does not (see assertGuarded). Sessions come from the httpOnly cookie; state-changing
 * requests of a logged-in user must carry the session-bound CSRF token in `x-csrf-token`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { SessionStore } from '../../infrastructure/auth/session-store.js';
import type { SessionUser } from '../../domain/access/session-user.js';
import { hasCapability, type Capability } from '../../domain/access/roles.js';
import type { Actor } from '../../domain/access/policy.js';
import { AppError } from '../app-error.js';
import type { RequestMeta } from '../../application/context.js';

export type Access = 'public' | 'authenticated' | { capability: Capability };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: SessionUser | null;
    /** The matched route's URL pattern, read once per request (Fastify builds `routeOptions` on every access). */
    routeUrl: string | undefined;
  }
}

export const SESSION_COOKIE = 'motcua_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function actorOf(request: FastifyRequest): Actor | null {
  const a = request.auth;
  return a ? { userId: a.userId, role: a.role, unitCode: a.unitCode } : null;
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { actor: actorOf(request), ip: request.ip ?? null, requestId: String(request.id) };
}

/**
 * Routes outside /api (static files, the development identity provider) are not API endpoints.
 * Every API route must declare its guard; the OpenAPI document learns it from the same declaration.
 */
export function assertGuarded(route: RouteOptions): void {
  const url = route.url;
  if (!url.startsWith('/api/')) return;
  const access = (route.config as { access?: Access } | undefined)?.access;
  if (!access) throw new Error(`route ${String(route.method)} ${url} declares no config.access guard`);
  if (access !== 'public' && route.schema) {
    const methods = ([] as string[]).concat(route.method);
    const stateChanging = methods.some((m) => !SAFE_METHODS.has(m));
    route.schema = { ...route.schema, security: [stateChanging ? { session: [], csrf: [] } : { session: [] }] } as typeof route.schema;
  }
}

export function registerAuth(app: FastifyInstance, sessions: SessionStore): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('routeUrl', undefined);
  app.addHook('onRoute', assertGuarded);
  // Callback-style hook: a cached session costs no promise and no I/O on the hot path.
  app.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    const { config, url } = request.routeOptions;
    request.routeUrl = url;
    const access = config.access;
    if (!access) return done();
    const sid = request.cookies[SESSION_COOKIE];
    if (!sid) return done(guard(request, access));
    const now = Date.now();
    const cached = sessions.resolveCached(sid, now);
    if (cached !== undefined) {
      request.auth = cached;
      return done(guard(request, access));
    }
    sessions.resolve(sid, now).then(
      (auth) => {
        request.auth = auth;
        done(guard(request, access));
      },
      (error: Error) => done(error),
    );
  });

  function guard(request: FastifyRequest, access: Access): AppError | undefined {
    if (access === 'public') return undefined;
    const auth = request.auth;
    if (!auth) return new AppError('AUTH_REQUIRED');
    if (!SAFE_METHODS.has(request.method) && !sessions.checkCsrf(auth.sessionHash, request.headers['x-csrf-token'] as string | undefined)) {
      return new AppError('CSRF_INVALID');
    }
    if (typeof access === 'object' && !hasCapability(auth.role, access.capability)) return new AppError('FORBIDDEN_ROLE');
    return undefined;
  }
}
