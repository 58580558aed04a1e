/**
 * A real OpenID Connect provider (oidc-provider, certified) that stands in for VNeID in demo mode.
 * It serves the demo citizens of the seed data; motcua's relying-party code cannot tell it from any
 * other standards-compliant provider. Authorization code flow with PKCE (S256) only.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { Provider, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { DEMO_CITIZENS, type DemoCitizen } from '../seed/demo-province.js';
import { memoryAdapter } from './memory-adapter.js';

export interface DevIdentityProviderOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  cookieSecret: string;
  citizens?: readonly DemoCitizen[];
}

export interface DevIdentityProvider {
  provider: Provider;
  /** Checks a citizen's credentials; returns the subject (opaque account id) or null. */
  authenticate(personalId: string, password: string): string | null;
  citizens: readonly DemoCitizen[];
}

/** Pairwise-looking opaque subject, stable per citizen, so the personal ID is not the `sub`. */
export function subjectOf(personalId: string): string {
  return (
    'vneid-' +
    createHash('sha256')
      .update('motcua-dev-idp:' + personalId)
      .digest('hex')
      .slice(0, 24)
  );
}

export function createDevIdentityProvider(options: DevIdentityProviderOptions): DevIdentityProvider {
  const citizens = options.citizens ?? DEMO_CITIZENS;
  const bySubject = new Map(citizens.map((c) => [subjectOf(c.personalId), c]));
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'ES256', kid: 'dev-idp-es256' };

  const configuration: Configuration = {
    adapter: memoryAdapter() as unknown as Configuration['adapter'],
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [options.cookieSecret] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      profile: ['name', 'birthdate', 'gender'],
      email: ['email'],
      phone: ['phone_number'],
      // VNeID releases the 12-digit personal identification number (số định danh cá nhân).
      vneid: ['personal_id', 'ial'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/oidc/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const citizen = bySubject.get(sub);
      if (!citizen) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          name: citizen.fullName,
          birthdate: citizen.birthDate,
          gender: citizen.gender === 'Nam' ? 'male' : 'female',
          email: citizen.email,
          phone_number: citizen.phone,
          personal_id: citizen.personalId,
          // The assurance level of the VNeID account (Decree 69/2024): level 2 unless the demo citizen says otherwise.
          ial: String(citizen.eidLevel ?? 2),
        }),
      };
    },
    // First-party client: consent is implied, as on VNeID for registered government portals.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile email phone vneid');
      await grant.save();
      return grant;
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    renderError(ctx, out) {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `Đăng nhập không thành công: ${String(out.error_description ?? out.error)}`;
    },
  };
  const provider = new Provider(options.issuer, configuration);
  return {
    provider,
    citizens,
    authenticate(personalId, password) {
      const citizen = citizens.find((c) => c.personalId === personalId.trim());
      return citizen && citizen.password === password ? subjectOf(citizen.personalId) : null;
    },
  };
}
