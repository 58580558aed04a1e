import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchBrowser, loginAs, seriousViolations } from './browser.js';

describe('back office and portal pages', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 740 },
  ]) {
    it(`has no serious accessibility violation on the public pages at ${viewport.width}px`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const path of ['/', '/dang-nhap', '/thu-tuc?q=giay+phep', '/tra-cuu-ho-so?ma=000.00.31.H37-251122-0001', '/khong-co-trang-nay']) {
        await page.goto(app.baseUrl + path);
        await page.waitForSelector('main h1');
        expect(await seriousViolations(page), path).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      }
      await context.close();
    });
  }

  it('the portal home offers procedure search and dossier lookup', async () => {
    const page = await browser.newPage();
    await page.goto(app.baseUrl + '/');
    const search = page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' });
    await search.fill('giấy phép xây dựng');
    await search.press('Enter');
    await page.waitForURL(/\/thu-tuc\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('giấy phép xây dựng');
    await page.goto(app.baseUrl + '/');
    const lookup = page.getByRole('textbox', { name: /Tra cứu hồ sơ|Mã hồ sơ/ }).first();
    await lookup.fill('000.00.31.H37-251122-0001');
    await lookup.press('Enter');
    await page.waitForURL(/\/tra-cuu-ho-so\?ma=/);
    expect(new URL(page.url()).searchParams.get('ma')).toBe('000.00.31.H37-251122-0001');
    await page.close();
  });

  it('the unit tree shows the province, filters without diacritics, and scopes the officials panel', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 375, height: 740 },
    ]) {
      const context = await browser.newContext({ viewport });
      await loginAs(context, app.baseUrl, 'chuyenvien.tamthanh');
      const page = await context.newPage();
      await page.goto(app.baseUrl + '/can-bo');
      await page.waitForSelector('[data-testid=current-user]');
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(app.baseUrl + '/can-bo/don-vi');
      await expect.poll(() => page.getByText('Ủy ban nhân dân tỉnh Lạng Sơn').count()).toBeGreaterThan(0);
      expect(await seriousViolations(page), `unit tree at ${viewport.width}px`).toEqual([]);
      await page.getByLabel(/Lọc theo tên hoặc mã/).fill('cao loc');
      await expect.poll(() => page.getByText('Xã Cao Lộc', { exact: true }).count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByText('Phường Tam Thanh', { exact: true }).count()).toBe(0);
      await page.getByText('Xã Cao Lộc', { exact: true }).first().click();
      await expect.poll(() => page.getByText(/không có quyền/).count()).toBeGreaterThan(0);
      await page.getByLabel(/Lọc theo tên hoặc mã/).fill('tam thanh');
      await page.getByText('Phường Tam Thanh', { exact: true }).first().click();
      await expect.poll(() => page.getByText('lanhdao.tamthanh').count()).toBeGreaterThan(0);
      await context.close();
    }
  });

  it('historical districts appear only on request, marked as no longer in force', async () => {
    const context = await browser.newContext();
    await loginAs(context, app.baseUrl, 'giamsat');
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/can-bo/don-vi');
    await expect.poll(() => page.getByText('Ủy ban nhân dân tỉnh Lạng Sơn').count()).toBeGreaterThan(0);
    expect(await page.getByText('Huyện Cao Lộc').count()).toBe(0);
    await page.getByLabel(/Hiện đơn vị cũ/).check({ force: true });
    await expect.poll(() => page.getByText('Huyện Cao Lộc').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('Không còn hiệu lực').count()).toBeGreaterThan(0);
    await page.goto(app.baseUrl + '/can-bo/nhat-ky');
    await expect.poll(() => page.getByRole('table').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('the audit page names actions in Vietnamese, dossiers by code and officials by name, pages beyond 50 and filters', async () => {
    // A desk officer receives dossiers: more than a page of records, each naming a dossier.
    const deskContext = await browser.newContext();
    await loginAs(deskContext, app.baseUrl, 'motcua.tamthanh');
    const desk = await deskContext.newPage();
    await desk.goto(app.baseUrl + '/');
    const created = await desk.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const out: { id: string; code: string }[] = [];
      for (let i = 0; i < 55; i++) {
        const response = await fetch('/api/v1/dossiers', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({
            procedureCode: '1.001193',
            channel: 'counter',
            applicant: { fullName: 'Hoàng Văn Nam', personalId: '020190005555', address: 'Thôn Nà Chuông', phone: '0912345678', email: null },
            components: [
              { code: '1.001193.TP1', name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
              { code: '1.001193.TP2', name: 'Giấy chứng sinh', form: 'copy', copies: 1 },
            ],
            accept: true,
          }),
        });
        if (response.status !== 201) throw new Error(`dossier not created: ${response.status} ${await response.text()}`);
        out.push((await response.json()) as { id: string; code: string });
      }
      return out;
    });
    await deskContext.close();
    const latest = created.at(-1)!;

    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 375, height: 740 },
    ]) {
      const context = await browser.newContext({ viewport });
      await loginAs(context, app.baseUrl, 'giamsat');
      const page = await context.newPage();
      await page.goto(app.baseUrl + '/can-bo/nhat-ky');
      const range = page.getByTestId('audit-range');
      await expect.poll(() => range.textContent()).toContain('Bản ghi thứ 1–50');
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain(latest.code);
      expect(text).not.toContain(latest.id);
      expect(text).not.toContain('020190005555');
      expect(text).toContain('Nhận và tiếp nhận hồ sơ tại Bộ phận Một cửa');
      expect(text).not.toContain('dossier.received_and_accepted');
      expect(text).toContain('motcua.tamthanh');
      expect(await seriousViolations(page), `audit page at ${viewport.width}px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the audit page scrolls sideways').toBeLessThanOrEqual(0);

      await page.getByRole('button', { name: 'Trang sau' }).click();
      await expect.poll(() => range.textContent()).toContain('Bản ghi thứ 51–');
      await page.getByRole('button', { name: 'Mới nhất' }).click();
      await expect.poll(() => range.textContent()).toContain('Bản ghi thứ 1–50');

      // An official no one is called: nothing; then the Tam Thanh desk's receptions in its unit.
      await page.getByLabel('Thao tác', { exact: true }).selectOption('auth.login');
      await page.getByLabel('Cán bộ', { exact: true }).fill('Không có cán bộ này');
      await page.getByRole('button', { name: 'Lọc', exact: true }).click();
      await expect.poll(() => page.getByText('Không có bản ghi nhật ký nào phù hợp.').count()).toBe(1);
      await page.getByLabel('Thao tác', { exact: true }).selectOption('dossier.received_and_accepted');
      await page.getByLabel('Cán bộ', { exact: true }).fill('tamthanh');
      await page.getByLabel('Đơn vị', { exact: true }).selectOption('000.00.31.H37');
      await page.getByRole('button', { name: 'Lọc', exact: true }).click();
      await expect.poll(() => range.textContent()).toContain('Bản ghi thứ 1–50');
      const rows = viewport.width > 600 ? page.locator('tbody tr') : page.locator('.audit-list > li');
      await expect.poll(() => rows.count()).toBe(50);
      for (const row of await rows.all()) expect(await row.textContent()).toContain('Nhận và tiếp nhận hồ sơ tại Bộ phận Một cửa');
      expect(await seriousViolations(page), `filtered audit page at ${viewport.width}px`).toEqual([]);
      await context.close();
    }
    // 55 receptions and two viewports on a busy 2-core machine.
  }, 300_000);

  it('sends anonymous visitors of the back office to the login page', async () => {
    const page = await browser.newPage();
    await page.goto(app.baseUrl + '/can-bo/don-vi');
    await page.waitForURL(/\/dang-nhap/);
    await page.close();
  });
});
