import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchBrowser, seriousViolations } from './browser.js';
import { DEMO_CITIZENS, DEMO_OFFICIALS } from '../../src/infrastructure/seed/demo-province.js';

describe('logging in through the web app', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('a citizen logs in through the development OpenID Connect provider (VNeID simulator)', async () => {
    const citizen = DEMO_CITIZENS[0]!;
    const page = await (await browser.newContext()).newPage();
    await page.goto(app.baseUrl + '/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('link', { name: /Đăng nhập bằng VNeID/ }).click();
    // The identity provider's own page, reached through a real authorization request with PKCE.
    await page.waitForURL(/\/oidc\/interaction\//);
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#personalId', citizen.personalId);
    await page.fill('#password', 'mat-khau-sai');
    await page.click('button[type=submit]');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/không đúng/);
    await page.fill('#password', citizen.password);
    await page.click('button[type=submit]');
    await page.waitForURL(app.baseUrl + '/tai-khoan');
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain(citizen.fullName);
    // Personal data stays off the screen.
    expect(await page.content()).not.toContain(citizen.personalId);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'motcua_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const user = await app.database.db
      .selectFrom('users')
      .select(['role', 'personal_id_sealed', 'full_name'])
      .where('personal_id_hash', '=', app.ctx.deps.personalData.lookupKey(citizen.personalId))
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'citizen', full_name: citizen.fullName });
    expect(user.personal_id_sealed).not.toContain(citizen.personalId);
    expect(app.ctx.deps.personalData.open(user.personal_id_sealed!)).toBe(citizen.personalId);
    await page.context().close();
  });

  it('an official logs in with the password form using only the keyboard, and sees the back office for their role', async () => {
    const official = DEMO_OFFICIALS.find((o) => o.username === 'lanhdao.tamthanh')!;
    const page = await (await browser.newContext()).newPage();
    await page.goto(app.baseUrl + '/dang-nhap');
    await page.waitForSelector('#username');
    expect(await seriousViolations(page)).toEqual([]);
    // The username field has focus on arrival; Tab moves to the password; Enter submits.
    await page.keyboard.type(official.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('sai-mat-khau');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/không đúng/);
    await page.fill('#password', official.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(app.baseUrl + '/can-bo');
    await expect.poll(() => page.getByTestId('current-user').first().textContent()).toContain(official.fullName);
    // A leader approves, so "Phê duyệt" is offered; the audit log is not.
    await expect.poll(() => page.getByRole('link', { name: 'Phê duyệt' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Nhật ký hệ thống' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
