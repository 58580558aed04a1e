/** Serves the built web app (dist/web) with a fallback to index.html for client-side routes. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { projectRoot } from '../infrastructure/project-root.js';
import { errorBody } from './app-error.js';

export function webRoot(): string {
  return join(projectRoot(), 'dist', 'web');
}

export async function registerWeb(app: FastifyInstance): Promise<void> {
  const root = webRoot();
  const hasWeb = existsSync(join(root, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // Vite names assets by content hash, so they never change under the same URL.
      maxAge: '365d',
      immutable: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/oidc') && path !== '/metrics';
    if (wantsPage && hasWeb) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html', { cacheControl: false });
    }
    return reply.code(404).send(errorBody('NOT_FOUND', { method: request.method, path }));
  });
}
