/**
 * Relying party for citizens' eID login: authorization code flow with PKCE against any
 * standards-compliant provider (VNeID / national SSO in production, the development provider in demo).
 */
import * as oidc from 'openid-client';

export interface OidcClientOptions {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Space-separated scopes to request. */
  scopes: string;
}

export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  name: string;
  personalId: string | null;
  email: string | null;
  /** Issue 20: what the provider released besides (birthdate, phone_number) and the VNeID assurance level (claim `ial`, Decree 69/2024). */
  birthDate: string | null;
  phone: string | null;
  eidLevel: 1 | 2 | null;
}

export class OidcClient {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly options: OidcClientOptions) {}

  private config(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(new URL(this.options.issuerUrl), this.options.clientId, undefined, oidc.ClientSecretBasic(this.options.clientSecret), {
        execute: this.options.issuerUrl.startsWith('http://') ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = undefined; // retry discovery on the next login
        throw error;
      });
    return this.configuration;
  }

  async start(returnTo: string): Promise<{ url: string; pending: PendingLogin }> {
    const config = await this.config();
    const pending: PendingLogin = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.options.redirectUri,
      scope: this.options.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      ui_locales: 'vi',
    });
    return { url: url.href, pending };
  }

  async finish(callbackUrl: URL, pending: PendingLogin): Promise<OidcIdentity> {
    const config = await this.config();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    // Claims come from the userinfo endpoint when the provider has one, else from the ID token.
    const info: Record<string, unknown> = config.serverMetadata().userinfo_endpoint
      ? await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
      : claims;
    const personalId = typeof info.personal_id === 'string' && /^\d{12}$/.test(info.personal_id) ? info.personal_id : null;
    return {
      issuer: String(claims.iss),
      subject: claims.sub,
      name: String(info.name ?? claims.name ?? 'Công dân'),
      personalId,
      email: typeof info.email === 'string' ? info.email : null,
      birthDate: typeof info.birthdate === 'string' && /^\d{4}(-\d{2}-\d{2})?$/.test(info.birthdate) ? info.birthdate : null,
      phone: typeof info.phone_number === 'string' ? info.phone_number.slice(0, 20) : null,
      eidLevel: String(info.ial ?? info.loa ?? '') === '2' ? 2 : String(info.ial ?? info.loa ?? '') === '1' ? 1 : null,
    };
  }
}
