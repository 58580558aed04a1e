import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

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
  });
});
