/**
 * Prometheus metrics at /metrics: default Node metrics plus request durations by route and status. With
 * METRICS_TOKEN set, a scraper sends it as a bearer token; without one, only this machine may read them.
 */
import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { timingSafeEqual } from 'node:crypto';
import { ERROR_MESSAGES } from '../../domain/errors/error-codes.js';

const LOOPBACK: ReadonlySet<string> = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function registerMetrics(app: FastifyInstance, options: { token?: string | undefined; registry?: Registry | undefined }): Registry {
  const registry = options.registry ?? new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'motcua_' });
  const duration = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe({ method: request.method, route: request.routeUrl ?? 'unmatched', status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    // Without a token, only a scraper on the same machine: the figures tell an outsider how busy each route is.
    if (!options.token && !LOOPBACK.has(request.socket.remoteAddress ?? '')) {
      return reply.code(403).send({ error: { code: 'METRICS_LOCAL_ONLY', message: ERROR_MESSAGES.METRICS_LOCAL_ONLY } });
    }
    if (options.token) {
      const given = Buffer.from(String(request.headers.authorization ?? ''));
      const expected = Buffer.from(`Bearer ${options.token}`);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply.code(401).send({ error: { code: 'AUTH_REQUIRED', message: 'Vui lòng đăng nhập để tiếp tục.' } });
      }
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
