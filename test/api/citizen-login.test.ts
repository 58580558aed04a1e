import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { loginCitizen, type VerifiedIdentity } from '../../src/application/auth/login-citizen.js';

const meta = { actor: null, ip: '127.0.0.1', requestId: 'test-citizen' };
const identity: VerifiedIdentity = { issuer: 'https://sso.example', subject: 'sub-1', fullName: 'Hoàng Văn Minh', personalId: '020085003417', email: null };

describe.each(ENGINES)('citizens’ eID accounts on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { listen: true });
  });
  afterAll(() => app.stop());

  const accounts = () => app.database.db.selectFrom('users').selectAll().where('kind', '=', 'applicant').execute();

  it('creates one account per person, even for simultaneous first logins', async () => {
    const results = await Promise.all([1, 2, 3].map(() => loginCitizen(app.ctx.deps, { identity, meta })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await accounts()).toHaveLength(1);
  });

  it('links a new provider subject to the account holding the same personal ID', async () => {
    const result = await loginCitizen(app.ctx.deps, { identity: { ...identity, issuer: 'https://vneid.example', subject: 'other' }, meta });
    expect(result.ok).toBe(true);
    const [account] = await accounts();
    expect(account).toMatchObject({
      oidc_issuer: 'https://vneid.example',
      oidc_subject: 'other',
      personal_id_hash: app.ctx.deps.personalData.lookupKey('020085003417'),
    });
    // Stored sealed: the database holds no trace of the number, which the key opens again.
    expect(JSON.stringify(account)).not.toContain('020085003417');
    expect(app.ctx.deps.personalData.open(account!.personal_id_sealed!)).toBe('020085003417');
  });

  it('refuses a disabled citizen', async () => {
    await app.database.db
      .updateTable('users')
      .set({ disabled: true })
      .where('personal_id_hash', '=', app.ctx.deps.personalData.lookupKey('020085003417'))
      .execute();
    const result = await loginCitizen(app.ctx.deps, { identity, meta });
    expect(result).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });

  it('starts the authorization code flow with PKCE, state and nonce, remembering only a safe return path', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/auth/oidc/start?returnTo=${encodeURIComponent('/%09/evil.example')}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${app.baseUrl}/oidc/auth`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe(`${app.baseUrl}/api/v1/auth/oidc/callback`);
    const cookie = decodeURIComponent(res.headers.get('set-cookie') ?? '');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toContain('"returnTo":"/tai-khoan"');
  });

  it('refuses a callback without the signed login state', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/auth/oidc/callback?code=abc&state=xyz`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('OIDC_FAILED');
  });
});
