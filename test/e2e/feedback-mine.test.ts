/**
 * A citizen's own feedback in the browser (issue 22): signed in through the eID flow, the citizen sends an item with a
 * file from their account, finds it under "Phản ánh, kiến nghị của tôi" in their account's area (at 1280 and 375 px,
 * with axe), opens its tracking page without any secret and downloads the file; the ward's desk downloads it from the
 * item's page, and a browser without an account from the tracking page with the code and the secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { citizenContext, expectNoSidewaysScroll, launchBrowser, loginAs, minimalPdf, seriousViolations, transitionsDone } from './browser.js';
import { DEMO_CITIZENS } from '../../src/infrastructure/seed/demo-province.js';
import { formatIsoDate, todayInVietnam } from '../../src/web/shared/format.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const TITLE = 'Chưa nhận được biên bản làm việc';
const FILE_NAME = 'Biên bản làm việc.pdf';

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
}

/** The item sent from the signed-in citizen's account in `page`, through the API, with a PDF. */
async function sendFromAccount(page: Page): Promise<{ id: string; code: string; secret: string }> {
  return page.evaluate(
    async ({ title, name, data }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const response = await fetch('/api/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          title,
          content: 'Biên bản làm việc với phường ngày hôm trước chưa được gửi lại cho gia đình tôi như đã hẹn.',
          unitCode: '000.00.31.H37',
          procedureCode: null,
          dossierCode: null,
          reporter: null,
          showName: false,
          attachments: [{ name, contentType: 'application/pdf', data }],
          challenge: null,
        }),
      });
      if (response.status !== 201) throw new Error(`feedback: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string; code: string; secret: string };
    },
    { title: TITLE, name: FILE_NAME, data: minimalPdf().toString('base64') },
  );
}

describe('a citizen’s own feedback and its file', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('lists what the citizen sent, opens it without the secret and downloads its file, as the ward’s desk does', async () => {
    const own = await citizenContext(browser, app.baseUrl, DEMO_CITIZENS[0]!, DESKTOP);
    const deskSide = await browser.newContext({ viewport: DESKTOP });
    const anonymousSide = await browser.newContext({ viewport: PHONE });
    try {
      const page = await own.newPage();
      await page.goto(app.baseUrl + '/tai-khoan');
      const sent = await sendFromAccount(page);

      await page.getByRole('link', { name: 'Phản ánh, kiến nghị của tôi' }).click();
      await page.waitForURL(/\/tai-khoan\/phan-anh$/);
      await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị của tôi' }).waitFor();
      const card = page.getByTestId('my-feedback').getByRole('listitem').filter({ hasText: sent.code });
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(`Ngày gửi${formatIsoDate(todayInVietnam())}`);
      expect(text).toContain('Mới tiếp nhận');
      expect(text).toMatch(/Hạn xử lý: \d{2}\/\d{2}\/\d{4}/);
      await expectAccessible(page, 'my feedback at 1280px');
      await page.setViewportSize(PHONE);
      await expectAccessible(page, 'my feedback at 375px');
      await expectNoSidewaysScroll(page, 'my feedback at 375px');
      await page.setViewportSize(DESKTOP);

      await card.getByRole('link', { name: TITLE }).click();
      await page.waitForURL(new RegExp(`/tai-khoan/phan-anh/${sent.code}$`));
      await expect.poll(() => page.getByTestId('track-status').textContent()).toBe('Mới tiếp nhận');
      await expectAccessible(page, 'my own item');
      const [mine] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByTestId('attachments')
          .getByRole('link', { name: `Tải tệp ${FILE_NAME}` })
          .click(),
      ]);
      expect(mine.suggestedFilename()).toBe(FILE_NAME);

      await loginAs(deskSide, app.baseUrl, 'motcua.tamthanh');
      const desk = await deskSide.newPage();
      await desk.goto(`${app.baseUrl}/can-bo/phan-anh/${sent.id}`);
      const link = desk.getByTestId('attachments').getByRole('link', { name: `Tải tệp ${FILE_NAME}` });
      const [theirs] = await Promise.all([desk.waitForEvent('download'), link.click()]);
      expect(theirs.suggestedFilename()).toBe(FILE_NAME);

      // Without an account, the code and the tracking secret fetch the file (the secret in a header, not the address).
      const stranger = await anonymousSide.newPage();
      await stranger.goto(`${app.baseUrl}/phan-anh-kien-nghi/tra-cuu?ma=${sent.code}`);
      await stranger.getByLabel('Mã tra cứu').fill(sent.secret);
      await stranger.getByRole('button', { name: 'Tra cứu', exact: true }).click();
      const button = stranger.getByTestId('attachments').getByRole('button', { name: `Tải tệp ${FILE_NAME}` });
      const [tracked] = await Promise.all([stranger.waitForEvent('download'), button.click()]);
      expect(tracked.suggestedFilename()).toBe(FILE_NAME);
      expect(stranger.url()).not.toContain(sent.secret);
      await expectAccessible(stranger, 'the tracking page with a file');
    } finally {
      await own.close().catch(() => undefined);
      await deskSide.close().catch(() => undefined);
      await anonymousSide.close().catch(() => undefined);
    }
  });
});
