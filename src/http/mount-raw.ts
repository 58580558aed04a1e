/**
 * Hands every request under a path prefix to a plain Node handler before Fastify reads its body (the development
 * identity provider at /oidc, the local payment gateway at /demo/payment-gateway), with the security headers
 * the server's hooks set so far, and the URL made relative to the prefix.
 */
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function mountRawUnder(
  app: FastifyInstance,
  prefix: string,
  handle: (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => unknown,
  keep: (url: string) => boolean = () => false,
): void {
  app.addHook('onRequest', (request, reply, done) => {
    const url = request.raw.url ?? '';
    if (!(url === prefix || url.startsWith(prefix + '/') || url.startsWith(prefix + '?')) || keep(url)) {
      done();
      return;
    }
    reply.hijack();
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
    const raw = request.raw as IncomingMessage & { originalUrl?: string };
    raw.originalUrl = url;
    raw.url = url.slice(prefix.length) || '/';
    void handle(raw, reply.raw);
  });
}
