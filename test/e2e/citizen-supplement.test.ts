/**
 * The citizen finishes what they started: sends the papers asked for in an online supplement from their
 * dossier page, which the official sees and receives; downloads their own files and the forms addressed to
 * them (no other citizen can); and logs out from the portal header.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import {
  citizenContext,
  expectNoSidewaysScroll,
  launchBrowser,
  loginAs,
  minimalPdf,
  seriousViolations,
  submitOnlineThroughApi,
  transitionsDone,
  VIEWPORTS,
} from './browser.js';
import { DEMO_CITIZENS } from '../../src/infrastructure/seed/demo-province.js';

const [DESKTOP, PHONE] = VIEWPORTS;
const BIRTH = '1.001193';
const TP1 = `${BIRTH}.TP1`;
const owner = DEMO_CITIZENS[0]!;
const other = DEMO_CITIZENS[1]!;

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
  await expectNoSidewaysScroll(page, what);
}

describe('citizens send the papers asked for, see their files and forms, and log out', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: Client;
  let specialist: Client;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000' } });
    browser = await launchBrowser();
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  const act = async (client: Client, id: string, body: Record<string, unknown>) => {
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, `${String(body.type)}: ${res.body}`).toBe(200);
    return res.json() as { seq: number; status: string; nationalCode: number };
  };

  async function citizenPage(citizen = owner, viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
    const context = await citizenContext(browser, app.baseUrl, citizen, viewport);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/tai-khoan');
    return page;
  }

  /** Submitted online by the citizen of `page`, accepted, at the specialist, who asks for papers. */
  async function supplementAsked(page: Page): Promise<{ id: string; code: string }> {
    const dossier = await submitOnlineThroughApi(page, BIRTH);
    let seq = (await act(desk, dossier.id, { type: 'accept', expectedSeq: 0 })).seq;
    seq = (await act(desk, dossier.id, { type: 'transfer', expectedSeq: seq, toStep: 1, note: null })).seq;
    seq = (await act(specialist, dossier.id, { type: 'claim', expectedSeq: seq })).seq;
    const asked = await act(specialist, dossier.id, {
      type: 'requestSupplement',
      expectedSeq: seq,
      reason: 'Thiếu văn bản ủy quyền khi nộp hồ sơ thay',
      items: ['Văn bản ủy quyền được chứng thực theo quy định', 'Tờ khai có chữ ký của người yêu cầu'],
    });
    expect(asked).toMatchObject({ status: 'supplementRequested', nationalCode: 5 });
    return dossier;
  }

  it(
    'the official asks for papers, the citizen sends them from the dossier page, the desk sees them and receives the supplement',
    { timeout: 240_000 },
    async () => {
      const page = await citizenPage();
      const { id, code } = await supplementAsked(page);

      await page.goto(`${app.baseUrl}/tai-khoan/ho-so/${id}`);
      await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Yêu cầu bổ sung giấy tờ');
      const request = page.getByTestId('supplement-request');
      expect(await request.textContent()).toContain('Thiếu văn bản ủy quyền khi nộp hồ sơ thay');
      expect(await request.getByRole('listitem').allTextContents()).toEqual([
        'Văn bản ủy quyền được chứng thực theo quy định',
        'Tờ khai có chữ ký của người yêu cầu',
      ]);
      const upload = page.getByTestId('supplement-upload');
      await upload.waitFor();
      await expectAccessible(page, 'supplement upload at 1280px');

      // Nothing chosen: told so. Then a paper asked for, and a new copy of the declaration.
      await upload.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
      await upload.getByRole('alert').filter({ hasText: 'Vui lòng chọn ít nhất một tệp để gửi.' }).waitFor();
      const pdf = minimalPdf();
      await upload
        .locator('[data-attachment-slot="BO_SUNG"] input[type=file]')
        .setInputFiles({ name: 'van-ban-uy-quyen.pdf', mimeType: 'application/pdf', buffer: pdf });
      await upload
        .locator(`[data-attachment-slot="${TP1}"] input[type=file]`)
        .setInputFiles({ name: 'to-khai-co-chu-ky.pdf', mimeType: 'application/pdf', buffer: pdf });
      // Refused in the browser, as at submission: not a PDF, PNG or JPEG.
      await upload
        .locator(`[data-attachment-slot="${TP1}"] input[type=file]`)
        .setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('xin chào') });
      await upload.getByRole('alert').filter({ hasText: 'ghi-chu.txt' }).waitFor();
      await page.setViewportSize(PHONE);
      await expectAccessible(page, 'supplement upload with files chosen at 375px');
      await page.setViewportSize(DESKTOP);
      await upload.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
      await expect.poll(() => page.getByTestId('upload-summary').textContent()).toBe('Đã gửi đủ 2 tệp đính kèm.');

      // Listed at once among the dossier's files, as sent by the citizen.
      const mine = page.getByTestId('my-files');
      await expect
        .poll(() => mine.allTextContents())
        .toEqual([expect.stringContaining('to-khai-co-chu-ky.pdf'), expect.stringContaining('van-ban-uy-quyen.pdf')]);
      expect(await mine.first().textContent()).toMatch(/Bạn gửi lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
      await expectAccessible(page, 'files sent at 1280px');

      // The desk sees them on the dossier, with who sent them and when, and receives the supplement.
      const context = await browser.newContext({ viewport: DESKTOP });
      contexts.push(context);
      await loginAs(context, app.baseUrl, 'motcua.tamthanh');
      const official = await context.newPage();
      await official.goto(`${app.baseUrl}/can-bo/ho-so/${id}`);
      await official.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
      const files = official.getByTestId('component-files');
      await expect
        .poll(() => files.allTextContents())
        .toEqual([expect.stringContaining('to-khai-co-chu-ky.pdf'), expect.stringContaining('van-ban-uy-quyen.pdf')]);
      expect(await files.first().textContent()).toContain(`Người nộp hồ sơ ${owner.fullName} gửi lúc`);
      const link = official.getByRole('link', { name: 'Tải tệp van-ban-uy-quyen.pdf' });
      const fetched = await context.request.get(app.baseUrl + (await link.getAttribute('href'))!);
      expect(Buffer.from(await fetched.body()).equals(pdf)).toBe(true);
      await expectAccessible(official, 'back office dossier with the citizen’s files');
      await official.getByTestId('dossier-actions').getByRole('button', { name: 'Nhận hồ sơ bổ sung', exact: true }).click();
      await expect.poll(() => official.getByTestId('dossier-status').textContent()).toContain('Đang xử lý');

      // The citizen's window closes: no more pickers.
      await page.reload();
      await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đang xử lý');
      await page.getByTestId('my-files').first().waitFor();
      expect(await page.getByTestId('supplement-upload').count()).toBe(0);
    },
  );

  it('the citizen downloads their own files and the forms addressed to them; another citizen sees nothing', { timeout: 240_000 }, async () => {
    const page = await citizenPage(owner, PHONE);
    const { id } = await supplementAsked(page);
    const pdf = minimalPdf();
    // A scan made by the desk, sent while the dossier waits.
    const stored = await app.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/files?component=${encodeURIComponent(TP1)}&name=ban-scan.pdf&digitized=true`,
      headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrf, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(stored.statusCode, stored.body).toBe(201);

    await page.goto(`${app.baseUrl}/tai-khoan/ho-so/${id}`);
    const file = page.getByTestId('my-files').first();
    await expect.poll(() => file.textContent()).toContain('ban-scan.pdf');
    expect(await file.textContent()).toContain('Cán bộ gửi lúc');
    expect(await file.textContent()).not.toContain('Đinh Thị Hương');
    const [downloaded] = await Promise.all([page.waitForEvent('download'), file.getByRole('link', { name: 'Tải tệp ban-scan.pdf' }).click()]);
    expect(downloaded.suggestedFilename()).toBe('ban-scan.pdf');
    const path = await downloaded.path();
    expect(path).toBeTruthy();
    expect(readFileSync(path).equals(pdf)).toBe(true);

    // The receipt and the supplement request, never the control slip.
    const forms = page.getByTestId('my-forms').getByRole('link');
    expect((await forms.allTextContents()).map((t) => t.slice(0, 9))).toEqual(['Mẫu số 01', 'Mẫu số 02']);
    const receipt = await page.context().request.get(app.baseUrl + (await forms.first().getAttribute('href'))!);
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    expect((await page.context().request.get(`${app.baseUrl}/api/v1/dossiers/${id}/forms/06.pdf`)).status()).toBe(403);
    await expectAccessible(page, 'my files and forms at 375px');

    // Another citizen: the page says not found, and the files and forms are not served.
    const stranger = await citizenPage(other, DESKTOP);
    await stranger.goto(`${app.baseUrl}/tai-khoan/ho-so/${id}`);
    await stranger.getByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' }).waitFor();
    expect(await stranger.getByTestId('my-files').count()).toBe(0);
    const fileId = ((await (await page.context().request.get(`${app.baseUrl}/api/v1/dossiers/${id}/files`)).json()) as { items: { id: string }[] }).items[0]!
      .id;
    for (const path of [
      `/api/v1/dossiers/${id}/files`,
      `/api/v1/dossiers/${id}/files/${fileId}`,
      `/api/v1/dossiers/${id}/forms/01.pdf`,
      `/api/v1/dossiers/${id}/result`,
    ]) {
      expect((await stranger.context().request.get(app.baseUrl + path)).status(), path).toBe(404);
    }
    await expectAccessible(stranger, 'another citizen’s dossier at 1280px');
  });

  it('“Đăng xuất” in the portal header ends the citizen’s session and returns to the portal home', { timeout: 180_000 }, async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await citizenPage(owner, viewport);
      await page.goto(`${app.baseUrl}/tai-khoan/ho-so`);
      const banner = page.getByRole('banner');
      const logout = banner.getByRole('button', { name: 'Đăng xuất' });
      await logout.waitFor();
      expect(await banner.textContent()).toContain(owner.fullName);
      await expectAccessible(page, `header with “Đăng xuất” at ${viewport.width}px`);
      await logout.click();
      await page.waitForURL(app.baseUrl + '/');
      await banner.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).waitFor();
      expect(await banner.textContent()).not.toContain(owner.fullName);
      expect((await page.context().request.get(app.baseUrl + '/api/v1/auth/me')).status()).toBe(401);
      // Back to a private page: asked to log in again.
      await page.goto(`${app.baseUrl}/tai-khoan/ho-so`);
      await page.getByRole('main').getByRole('link', { name: 'Đăng nhập bằng VNeID' }).waitFor();
      await expectAccessible(page, `logged out at ${viewport.width}px`);
    }
  });
});
