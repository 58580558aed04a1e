import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';

describe.each(ENGINES)('officials’ password login and sessions on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '5' } });
  });
  afterAll(() => app.stop());

  it('logs in with the demo password and sets an httpOnly SameSite session cookie', async () => {
    const client = new Client(app);
    const res = await client.request('POST', '/api/v1/auth/login', { username: 'motcua.tamthanh', password: 'MotCua@2026' });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'motcua_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = res.json();
    expect(body.user).toMatchObject({ role: 'desk_officer', unitCode: '000.01.31.H37' });
    expect(body.user.unitName).toMatch(/Tam Thanh/);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const me = await client.request('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(body.user.id);
  });

  it('a new login ends the session the browser already had', async () => {
    const client = await Client.official(app, 'giamsat');
    const oldCookie = client.cookie;
    const again = await client.request('POST', '/api/v1/auth/login', { username: 'admin', password: 'MotCua@2026' });
    expect(again.statusCode).toBe(200);
    expect(client.cookie).not.toBe(oldCookie);
    const old = await app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: oldCookie } });
    expect(old.statusCode).toBe(401);
  });

  it('stores only an argon2id hash of the password', async () => {
    const row = await app.database.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
  });

  it('refuses a wrong password and an unknown user with the same error', async () => {
    const a = await new Client(app).request('POST', '/api/v1/auth/login', { username: 'admin', password: 'sai-mat-khau' });
    const b = await new Client(app).request('POST', '/api/v1/auth/login', { username: 'khong-co', password: 'sai-mat-khau' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('requires a session for /me', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('rejects a state-changing request without the CSRF token, and accepts it with the token', async () => {
    const client = await Client.official(app, 'chuyenvien.caoloc');
    const noToken = await app.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: client.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_INVALID');
    const wrongToken = await app.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: client.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrongToken.statusCode).toBe(403);
    const ok = await client.request('POST', '/api/v1/auth/logout');
    expect(ok.statusCode).toBe(204);
    // The session is gone: the old cookie no longer works.
    const after = await app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: client.cookie || 'motcua_session=x' } });
    expect(after.statusCode).toBe(401);
  });

  it('a CSRF token of one session does not work for another', async () => {
    const a = await Client.official(app, 'lanhdao.tamthanh');
    const b = await Client.official(app, 'chuyenvien.tamthanh');
    const res = await app.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: a.cookie, 'x-csrf-token': b.csrf } });
    expect(res.statusCode).toBe(403);
  });

  it('rate-limits password attempts per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.77',
        headers: { 'content-type': 'application/json' },
        // A different username each time: the per-account lockout (lockout.test.ts) is not what is tried here.
        payload: JSON.stringify({ username: `nguoi-doan-${i}`, password: `doan-${i}` }),
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().error.code).toBe('RATE_LIMITED');
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('a disabled account cannot log in', async () => {
    await app.database.db.updateTable('users').set({ disabled: true }).where('username', '=', 'chuyenvien.xaydung').execute();
    const relogin = await new Client(app).request('POST', '/api/v1/auth/login', { username: 'chuyenvien.xaydung', password: 'MotCua@2026' });
    expect(relogin.statusCode).toBe(403);
    expect(relogin.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('a citizen logged in with eID logs out with the CSRF token: the session ends, audited, and the cookie is cleared', async () => {
    const login = await loginCitizen(app.ctx.deps, {
      identity: { issuer: 'https://sso.example', subject: 'sub-logout', fullName: 'Hoàng Văn Minh', personalId: '020085003417', email: null },
      meta: { actor: null, ip: '127.0.0.1', requestId: 'test-logout' },
    });
    if (!login.ok) throw new Error(login.error.code);
    const client = new Client(app);
    client.cookie = `motcua_session=${login.value.sessionId}`;
    const me = await client.request('GET', '/api/v1/auth/me');
    expect(me.json().user.role).toBe('citizen');
    const userId = me.json().user.id as string;
    const cookie = client.cookie;
    // No token, or another session's token: refused, and the session lives on.
    const other = await Client.official(app, 'motcua.caoloc');
    expect((await app.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(403);
    expect((await app.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': other.csrf } })).statusCode).toBe(403);
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);

    const out = await client.request('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'motcua_session')?.value).toBe('');
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/me/dossiers', headers: { cookie } })).statusCode).toBe(401);
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_role'])
      .where('action', '=', 'auth.logout')
      .where('actor_id', '=', userId)
      .execute();
    expect(audit).toEqual([{ actor_id: userId, actor_role: 'citizen' }]);
  });
});
