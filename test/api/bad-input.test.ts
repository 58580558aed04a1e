import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';

describe.each(ENGINES)('bad input gets a clear error, never a 500, on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { BODY_LIMIT_BYTES: '2048', LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  const login = (payload: string, contentType = 'application/json') =>
    app.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': contentType }, payload });

  it('malformed JSON → 400 MALFORMED_BODY with a Vietnamese message', async () => {
    const res = await login('{"username": "admin",');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'MALFORMED_BODY', message: expect.stringContaining('không đọc được') } });
  });

  it('empty JSON body → 400', async () => {
    const res = await login('');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_BODY');
  });

  it('wrong types → 400 VALIDATION_FAILED with field details', async () => {
    const res = await login(JSON.stringify({ username: 42, password: ['x'] }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.password', 'body.username']);
  });

  it('unknown fields → 400 naming the field', async () => {
    const res = await login(JSON.stringify({ username: 'admin', password: 'x', isAdmin: true }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(body.error.details)).toContain('isAdmin');
  });

  it('oversized body → 413 BODY_TOO_LARGE', async () => {
    const res = await login(JSON.stringify({ username: 'admin', password: 'x'.repeat(5000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('a JSON array or a scalar where an object is expected → 400', async () => {
    for (const payload of ['[]', '"admin"', 'null', '123']) {
      const res = await login(payload);
      expect(res.statusCode, payload).toBe(400);
    }
  });

  it('unsupported content type → 415', async () => {
    const res = await login('username=admin&password=x', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a NUL character (which PostgreSQL refuses) → 400, not 500', async () => {
    const res = await login(JSON.stringify({ username: 'ad\u0000min', password: 'x' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('a malformed URL → 400 in the same error shape', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/units/%E0%A4%A/officials' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('unknown API route → 404 JSON', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/khong-ton-tai' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('bad query parameters → 400, not 500', async () => {
    const admin = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'admin', password: 'MotCua@2026' }),
    });
    const cookie = `motcua_session=${admin.cookies.find((c) => c.name === 'motcua_session')?.value}`;
    for (const url of ['/api/v1/audit?limit=abc', '/api/v1/audit?limit=-1', '/api/v1/audit?limit=99999', '/api/v1/audit?foo=1']) {
      const res = await app.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
