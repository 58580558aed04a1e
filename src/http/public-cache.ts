/**
 * Public answers that change only when something is published (the catalogue's search, procedure pages, fields):
 * served with an ETag and `Cache-Control`, answered 304 when the browser already holds them, and kept serialised
 * (and compressed, brotli or gzip, as the client accepts) on the server, so a repeated page costs a lookup.
 * The ETag is the source's revision (e.g. the catalogue's digest) and the day, so every instance agrees on it.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

interface Entry {
  etag: string;
  /** What else the answer depends on, compared by identity (e.g. the unit tree, reloaded as a new object). */
  source: object;
  body: string;
  br?: Buffer;
  gzip?: Buffer;
}

/** Below this a compressed answer saves less than its headers cost. */
const COMPRESS_FROM = 1024;

export interface PublicCache {
  /** Answer from the cache, or build, serialise and keep the answer. `revision` changes whenever the answer may. */
  serve(request: FastifyRequest, reply: FastifyReply, key: { revision: string; source: object }, build: () => unknown): FastifyReply;
}

export function createPublicCache(options: { maxAgeSeconds: number; entries?: number }): PublicCache {
  const cache = new LRUCache<string, Entry>({ max: options.entries ?? 2000 });
  const cacheControl = `public, max-age=${options.maxAgeSeconds}`;
  return {
    serve(request, reply, key, build) {
      const etag = `"${key.revision}"`;
      const cached = (headers: FastifyReply) => headers.header('cache-control', cacheControl).header('etag', etag).header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === etag) return cached(reply).code(304).send();
      let entry: Entry | undefined = cache.get(request.url);
      if (!entry || entry.etag !== etag || entry.source !== key.source) {
        // Built first: a refusal (404, 400) is thrown from here and carries none of the caching headers.
        entry = { etag, source: key.source, body: String(reply.serialize(build())) };
        cache.set(request.url, entry);
      }
      cached(reply).type('application/json; charset=utf-8');
      const accepts = request.headers['accept-encoding'] ?? '';
      if (entry.body.length >= COMPRESS_FROM && accepts.includes('br')) {
        entry.br ??= brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });
        return reply.header('content-encoding', 'br').send(entry.br);
      }
      if (entry.body.length >= COMPRESS_FROM && accepts.includes('gzip')) {
        entry.gzip ??= gzipSync(entry.body);
        return reply.header('content-encoding', 'gzip').send(entry.gzip);
      }
      return reply.send(entry.body);
    },
  };
}
