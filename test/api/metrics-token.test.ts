import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

describe('metrics without a token: this machine only', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app.stop());

  it('serves a scrape from the loopback address and refuses one from elsewhere', async () => {
    expect((await app.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    const remote = await app.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.20.30.40' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toMatchObject({ error: { code: 'METRICS_LOCAL_ONLY', message: expect.stringContaining('METRICS_TOKEN') } });
  });
});

describe('metrics behind METRICS_TOKEN', () => {
  let app: TestApp;
  const token = 'prometheus-scrape-token-123';
  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { METRICS_TOKEN: token } });
  });
  afterAll(() => app.stop());

  it('refuses a scrape without the bearer token and serves it with the token', async () => {
    expect((await app.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await app.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-of-same-size' } })).statusCode).toBe(401);
    const ok = await app.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('motcua_process_cpu_seconds_total');
    // With a token, a scraper elsewhere is served too.
    expect(
      (await app.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.20.30.40', headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(200);
  });
});
