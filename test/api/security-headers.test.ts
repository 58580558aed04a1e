import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

describe('security headers on every page, HSTS over TLS', () => {
  let plain: TestApp;
  let tls: TestApp;
  beforeAll(async () => {
    plain = await startTestApp('pglite', { listen: true });
    tls = await startTestApp('pglite', { env: { PUBLIC_URL: 'https://dichvucong.example.gov.vn' } });
  });
  afterAll(async () => {
    await plain.stop();
    await tls.stop();
  });

  const get = (app: TestApp, url: string) => app.app.inject({ method: 'GET', url });

  it('sends HSTS on pages and API answers when served over TLS, and not over plain HTTP', async () => {
    for (const url of ['/', '/api/v1/health']) {
      expect((await get(tls, url)).headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
      expect((await get(plain, url)).headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('gives the development identity provider’s pages the same headers as the portal’s', async () => {
    // A real login interaction: the portal sends the browser to the provider, which shows its login page.
    const start = await fetch(`${plain.baseUrl}/api/v1/auth/oidc/start?returnTo=/tai-khoan`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    let location = start.headers.get('location')!;
    const cookies: string[] = [];
    let page: Response | undefined;
    for (let hop = 0; hop < 5; hop++) {
      const res = await fetch(new URL(location, plain.baseUrl), { redirect: 'manual', headers: { cookie: cookies.join('; ') } });
      for (const c of res.headers.getSetCookie()) cookies.push(c.split(';')[0]!);
      if (res.status >= 300 && res.status < 400) location = res.headers.get('location')!;
      else {
        page = res;
        break;
      }
    }
    expect(page?.status).toBe(200);
    expect(await page!.text()).toContain('Số định danh cá nhân');
    for (const header of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy']) {
      expect(page!.headers.get(header), header).toBeTruthy();
    }
    const discovery = await fetch(`${plain.baseUrl}/oidc/.well-known/openid-configuration`);
    expect(discovery.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
