import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { citizenContext, launchBrowser, minimalPdf, seriousViolations } from './browser.js';
import { DEMO_CITIZENS } from '../../src/infrastructure/seed/demo-province.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

/** Đăng ký khai sinh: a commune procedure offered online, two required papers. */
const BIRTH = '1.001193';
const TP1 = `${BIRTH}.TP1`;
const CODE_PATTERN = /^000\.00\.31\.H37-\d{6}-\d{4}$/;

const citizen = DEMO_CITIZENS[0]!;

async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  expect(await seriousViolations(page), what).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** The form filled for Phường Tam Thanh with both papers ticked. */
async function fillForm(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/nop-ho-so/${BIRTH}`);
  const commune = page.getByRole('combobox', { name: 'Xã, phường giải quyết hồ sơ' });
  await commune.click();
  await commune.fill('tam thanh');
  await page.getByRole('option', { name: 'Phường Tam Thanh' }).click();
  await page.getByLabel('Địa chỉ liên hệ').fill('Số 25 đường Trần Đăng Ninh, phường Tam Thanh');
  await page.getByLabel('Số điện thoại').fill('0912 345 678');
  await page.getByRole('checkbox', { name: /Tờ khai đăng ký khai sinh/ }).check();
  await page.getByRole('checkbox', { name: /Giấy chứng sinh/ }).check();
}

function fileInput(page: Page, componentCode: string) {
  return page.locator(`[data-attachment-slot="${componentCode}"] input[type=file]`);
}

async function submitReviewed(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Tiếp tục: kiểm tra hồ sơ' }).click();
  await page.getByRole('heading', { name: /Bước 2 trên 2/ }).waitFor();
  await page.getByRole('checkbox', { name: /Tôi xin cam đoan/ }).check();
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await page.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
  const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
  expect(code).toMatch(CODE_PATTERN);
  return code;
}

interface ListedFile {
  componentCode: string;
  fileName: string;
  contentType: string;
  size: number;
  pages: number | null;
}

/** GET /api/v1/dossiers/{id}/files as the citizen of `page`. */
async function filesAsCitizen(page: Page, id: string): Promise<ListedFile[]> {
  return page.evaluate(async (dossierId) => {
    const response = await fetch(`/api/v1/dossiers/${dossierId}/files`);
    if (response.status !== 200) throw new Error(`files: ${response.status}`);
    return ((await response.json()) as { items: ListedFile[] }).items;
  }, id);
}

describe('citizens attach the electronic copies of their papers to an online submission', () => {
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

  it('checks the files in the browser, sends a real PDF after the dossier is created, and the server stores it under its paper', async () => {
    const context = await citizenContext(browser, app.baseUrl, citizen);
    const page = await context.newPage();
    await fillForm(page, app.baseUrl);
    expect(await page.getByTestId('attachments-not-saved').textContent()).toContain('Tệp đính kèm cần chọn lại nếu tải lại trang');

    // Refused in the browser: not a PDF/PNG/JPEG, and over 10 MB.
    await fileInput(page, TP1).setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('xin chào') });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'ghi-chu.txt' }).textContent()).toContain('chỉ nhận tệp PDF, PNG hoặc JPEG');
    await fileInput(page, TP1).setInputFiles({ name: 'to-khai-lon.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'to-khai-lon.pdf' }).textContent()).toContain('vượt quá giới hạn 10 MB');

    // A real one.
    const pdf = minimalPdf();
    await fileInput(page, TP1).setInputFiles({ name: 'to-khai-khai-sinh.pdf', mimeType: 'application/pdf', buffer: pdf });
    const attached = page.locator(`[data-attachment-slot="${TP1}"]`).getByTestId('attached-files');
    await expect.poll(() => attached.textContent()).toContain('to-khai-khai-sinh.pdf');
    expect(await page.getByRole('alert').filter({ hasText: 'to-khai' }).count()).toBe(0);
    await expectAccessible(page, 'form with a file attached at 1280px');
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'form with a file attached at 375px');
    await page.setViewportSize(DESKTOP);

    // Removing and choosing the same file again works.
    await attached.getByRole('button', { name: /Bỏ tệp/ }).click();
    expect(await page.locator(`[data-attachment-slot="${TP1}"]`).getByTestId('attached-files').count()).toBe(0);
    await fileInput(page, TP1).setInputFiles({ name: 'to-khai-khai-sinh.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => attached.textContent()).toContain('to-khai-khai-sinh.pdf');

    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra hồ sơ' }).click();
    await page.getByRole('heading', { name: /Bước 2 trên 2/ }).waitFor();
    expect(await page.getByRole('list', { name: /Tệp đính kèm: Tờ khai/ }).textContent()).toContain('to-khai-khai-sinh.pdf');
    await page.getByRole('checkbox', { name: /Tôi xin cam đoan/ }).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
    const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    expect(code).toMatch(CODE_PATTERN);

    await expect.poll(() => page.getByTestId('upload-summary').textContent()).toBe('Đã gửi đủ 1 tệp đính kèm.');
    const item = page.getByTestId('upload-item');
    expect(await item.getAttribute('data-status')).toBe('done');
    expect(await item.textContent()).toContain('to-khai-khai-sinh.pdf');
    await expectAccessible(page, 'success with the file sent');

    const row = await app.database.db.selectFrom('dossiers').select(['id']).where('code', '=', code).executeTakeFirstOrThrow();
    const files = await filesAsCitizen(page, row.id);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ componentCode: TP1, fileName: 'to-khai-khai-sinh.pdf', contentType: 'application/pdf', size: pdf.length, pages: 1 });
    await context.close();
  });

  it('says which file failed to send and sends it again from the success page', async () => {
    const context = await citizenContext(browser, app.baseUrl, citizen, PHONE);
    const page = await context.newPage();
    await fillForm(page, app.baseUrl);
    await fileInput(page, TP1).setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    // A PNG named and typed as such whose content is not a PNG: the server refuses it (415).
    await fileInput(page, `${BIRTH}.TP2`).setInputFiles({ name: 'giay-chung-sinh.png', mimeType: 'image/png', buffer: Buffer.from('không phải ảnh') });

    // The first upload fails on the network.
    let failNext = true;
    await page.route('**/api/v1/dossiers/*/files?*', async (route) => {
      if (failNext && route.request().method() === 'POST') {
        failNext = false;
        await route.abort('connectionfailed');
      } else await route.continue();
    });
    const code = await submitReviewed(page);
    await expect.poll(() => page.getByTestId('upload-summary').textContent()).toBe('Đã gửi 0 trên 2 tệp; 2 tệp gửi không thành công.');
    const failedAlert = page.getByRole('alert').filter({ hasText: 'Có tệp chưa gửi được' });
    expect(await failedAlert.textContent()).toContain('to-khai.pdf, giay-chung-sinh.png');
    const items = page.getByTestId('upload-item');
    expect(await items.filter({ hasText: 'giay-chung-sinh.png' }).textContent()).toMatch(/không phải image\/png|PDF, PNG hoặc JPEG/);
    await expectAccessible(page, 'success with failed uploads at 375px');

    await failedAlert.getByRole('button', { name: 'Gửi lại tệp chưa gửi được' }).click();
    await expect.poll(() => page.getByTestId('upload-summary').textContent()).toBe('Đã gửi 1 trên 2 tệp; 1 tệp gửi không thành công.');
    expect(await items.filter({ hasText: 'to-khai.pdf' }).getAttribute('data-status')).toBe('done');
    expect(await items.filter({ hasText: 'giay-chung-sinh.png' }).getAttribute('data-status')).toBe('failed');

    const row = await app.database.db.selectFrom('dossiers').select(['id']).where('code', '=', code).executeTakeFirstOrThrow();
    expect((await filesAsCitizen(page, row.id)).map((f) => [f.componentCode, f.fileName])).toEqual([[TP1, 'to-khai.pdf']]);
    await context.close();
  });
});
