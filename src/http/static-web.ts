/** Serves the built web app (dist/web) with a fallback to index.html for client-side routes. */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { projectRoot } from '../infrastructure/project-root.js';
import { errorBody } from './app-error.js';

export function webRoot(): string {
  return join(projectRoot(), 'dist', 'web');
}

/** Vite names what it puts under assets/ by content hash, so those never change under the same URL; the rest (index.html) is revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ASSETS_DIR = 'assets';

export async function registerWeb(app: FastifyInstance): Promise<void> {
  const root = webRoot();
  const hasWeb = existsSync(join(root, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // The build writes file.br and file.gz beside each text file (vite.config.ts): sent as the browser accepts, never compressed per request.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', relative(root, path).startsWith(ASSETS_DIR + sep) ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // A missing asset (a chunk of an older build) is a 404, not the page: a lazy import then fails instead of parsing HTML as JavaScript.
    const wantsPage =
      request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/oidc') && !path.startsWith(`/${ASSETS_DIR}/`) && path !== '/metrics';
    if (wantsPage && hasWeb) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html', { cacheControl: false });
    }
    return reply.code(404).send(errorBody('NOT_FOUND', { method: request.method, path }));
  });
}
