/**
 * Mounts the development identity provider ("VNeID" simulator) at /oidc on the same server, with its
 * own Vietnamese login page. Not part of the public API (no /api prefix) and never enabled in production
 * unless DEV_OIDC_PROVIDER=true.
 */
import type { FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { DevIdentityProvider } from '../../infrastructure/oidc/dev-identity-provider.js';
import { renderLoginPage } from './login-page.js';
import { mountRawUnder } from '../mount-raw.js';

const PREFIX = '/oidc';

export async function mountDevIdentityProvider(app: FastifyInstance, idp: DevIdentityProvider): Promise<void> {
  const handler = idp.provider.callback();
  // Everything under /oidc except our interaction pages goes to the provider, before Fastify reads the body.
  mountRawUnder(app, PREFIX, handler, (url) => url.startsWith(PREFIX + '/interaction/'));

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 4096 });
    scope.get<{ Params: { uid: string } }>(`${PREFIX}/interaction/:uid`, { schema: { hide: true } }, async (request, reply) => {
      const details = await idp.provider.interactionDetails(request.raw, reply.raw);
      return reply.type('text/html; charset=utf-8').send(renderLoginPage({ uid: details.uid, citizens: idp.citizens }));
    });
    scope.post<{ Params: { uid: string }; Body: { personalId?: string; password?: string } }>(
      `${PREFIX}/interaction/:uid/login`,
      { schema: { hide: true } },
      async (request, reply) => {
        const details = await idp.provider.interactionDetails(request.raw, reply.raw);
        const personalId = String(request.body?.personalId ?? '');
        const accountId = idp.authenticate(personalId, String(request.body?.password ?? ''));
        if (!accountId) {
          return reply
            .code(401)
            .type('text/html; charset=utf-8')
            .send(
              renderLoginPage({
                uid: details.uid,
                citizens: idp.citizens,
                error: 'Số định danh cá nhân hoặc mật khẩu không đúng.',
                personalId,
              }),
            );
        }
        reply.hijack();
        await idp.provider.interactionFinished(request.raw, reply.raw, { login: { accountId } }, { mergeWithLastSubmission: false });
      },
    );
  });
}
