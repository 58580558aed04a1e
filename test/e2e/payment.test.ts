/**
 * Fees and online payment in the citizen's browser (issue 18): the fee on "Hồ sơ của tôi", paying it through the
 * local gateway and coming back to a confirmed payment with its receipt; an official's fee request that the
 * payment settles, the dossier moving on by itself; and an abandoned payment that reconciliation expires.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { FEE_PROCEDURE } from '../support/payments.js';
import { citizenContext, expectNoSidewaysScroll, launchBrowser, seriousViolations, submitOnlineThroughApi, transitionsDone } from './browser.js';
import { reconcilePayments } from '../../src/application/payment/reconcile-payments.js';
import { DEMO_CITIZENS } from '../../src/infrastructure/seed/demo-province.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const FEE_NAME = 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân';
const VNPAY = 'Cổng thanh toán VNPay của tỉnh';
const PLATFORM = 'Nền tảng thanh toán của Cổng Dịch vụ công quốc gia';
const citizen = DEMO_CITIZENS[0]!;

describe('citizens pay fees online through the local gateway and get their receipt', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let desk: Client;
  let specialist: Client;

  beforeAll(async () => {
    // Reconciliation runs only when a test calls it, with its own clock.
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0', PAYMENT_RECONCILE_SECONDS: '86400' } });
    browser = await launchBrowser();
    context = await citizenContext(browser, app.baseUrl, citizen, DESKTOP);
    page = await context.newPage();
    await page.goto(app.baseUrl + '/tai-khoan');
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  const fees = () => page.getByTestId('dossier-fees');
  const payButton = () => fees().getByRole('button', { name: /^Thanh toán trực tuyến/ });
  const attemptStatuses = () => fees().getByTestId('attempt-status').allTextContents();

  /** The citizen's dossier page, once its fee panel has loaded (not the previous page kept during the transition). */
  async function openDossier(id: string, code: string): Promise<Locator> {
    await page.goto(`${app.baseUrl}/tai-khoan/ho-so/${id}`);
    return dossierShown(code);
  }
  async function dossierShown(code: string): Promise<Locator> {
    await expect.poll(() => page.getByTestId('dossier-code').textContent()).toContain(code);
    await fees().getByRole('heading', { level: 2, name: 'Phí, lệ phí' }).waitFor();
    await fees().getByTestId('fee-totals').waitFor();
    return fees();
  }

  /** From the dossier page to the gateway's page, through the chosen gateway. */
  async function toGateway(gateway: string, amount: string): Promise<void> {
    await fees().getByRole('radio', { name: gateway }).check();
    const pay = payButton();
    expect(await pay.textContent()).toBe(`Thanh toán trực tuyến ${amount}`);
    await pay.click();
    await page.waitForURL(/\/demo\/payment-gateway\//);
    await page.getByRole('heading', { level: 1, name: 'Thanh toán trực tuyến' }).waitFor();
    expect(await page.locator('dd.amount').textContent()).toBe(amount);
  }

  /** "Thanh toán" on the gateway's page: back on the dossier page, which waits for the gateway's word. */
  async function payAtGateway(id: string): Promise<void> {
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/tai-khoan/ho-so/${id}` && url.searchParams.has('thanh-toan'));
    await fees().getByTestId('payment-return').filter({ hasText: 'Kết quả thanh toán: Đã thanh toán' }).waitFor({ timeout: 30_000 });
  }

  async function expectAccessible(what: string): Promise<void> {
    await transitionsDone(page);
    expect(await seriousViolations(page), what).toEqual([]);
    await expectNoSidewaysScroll(page, what);
  }

  /** At a phone's width nothing in the fee panel reaches past the screen's right edge. */
  async function expectPanelFitsPhone(what: string): Promise<void> {
    await page.setViewportSize(PHONE);
    // On phones the tables become cards: wait for them rather than for the wide table.
    await fees().getByRole('list', { name: 'Các khoản phí, lệ phí của hồ sơ' }).waitFor();
    await transitionsDone(page);
    const beyond = await fees().evaluate((panel) => {
      const edge = document.documentElement.clientWidth;
      const own = panel.scrollWidth - panel.clientWidth;
      const wide = [panel, ...panel.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`);
      return { own, wide: wide.slice(0, 5) };
    });
    expect(beyond, `${what}: the fee panel overflows at ${PHONE.width}px`).toEqual({ own: 0, wide: [] });
    await expectNoSidewaysScroll(page, `${what} at ${PHONE.width}px`);
    await page.setViewportSize(DESKTOP);
    await fees().getByRole('region', { name: 'Các khoản phí, lệ phí của hồ sơ' }).waitFor();
  }

  it('sees the 10.000 ₫ lệ phí, pays it through VNPay, comes back to a confirmed payment and downloads the receipt', async () => {
    const { id, code } = await submitOnlineThroughApi(page, FEE_PROCEDURE);
    const panel = await openDossier(id, code);

    // The line from the catalogue: its name, amount, when it is collected, and that it is owed now.
    const line = panel.getByRole('region', { name: 'Các khoản phí, lệ phí của hồ sơ' }).getByRole('row').filter({ hasText: FEE_NAME });
    await expect.poll(() => line.textContent()).toContain('10.000 ₫');
    expect(await line.textContent()).toContain('Thu khi nộp hồ sơ');
    expect(await line.getByTestId('fee-line-status').textContent()).toBe('Phải nộp');
    expect(await panel.getByTestId('due-now').textContent()).toBe('10.000 ₫');
    expect(await panel.getByRole('radio').count()).toBe(2);
    await payButton().waitFor();
    await expectAccessible('the fee panel before paying at 1280px');
    await expectPanelFitsPhone('before paying');

    await toGateway(VNPAY, '10.000 ₫');
    expect(await page.locator('header').textContent()).toContain('Cổng thanh toán VNPAY');
    await payAtGateway(id);
    expect(await page.getByTestId('payment-return').textContent()).toContain(`Đã nhận 10.000 ₫ qua ${VNPAY}`);
    await expect.poll(attemptStatuses).toEqual(['Đã thanh toán']);
    expect(await panel.getByTestId('fee-line-status').allTextContents()).toEqual(['Đã nộp']);
    expect(await panel.getByTestId('paid-total').textContent()).toBe('10.000 ₫');
    expect(await payButton().count()).toBe(0);

    // The receipt: a link on the page whose download is the PDF receipt.
    const receipt = panel.getByTestId('receipts').getByRole('link', { name: /^Biên lai lệ phí .+ số \d{8}$/ });
    await receipt.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), receipt.click()]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
    expect(text).toContain('BIÊN LAI THU LỆ PHÍ');
    expect(text).toContain(code);
    expect(text).toContain('10.000 ₫');
    await expectAccessible('the fee panel after paying at 1280px');
    await expectPanelFitsPhone('after paying');
  });

  it('after an official’s fee request the dossier waits for the citizen, whose online payment moves it back to processing', async () => {
    const { id, code } = await submitOnlineThroughApi(page, FEE_PROCEDURE);
    // The lệ phí of the submission is taken in cash at the desk, so that only the requested fee is owed.
    const cash = await desk.request('POST', `/api/v1/dossiers/${id}/payments/desk`, { method: 'cash', note: null });
    expect(cash.statusCode, cash.body).toBe(201);
    const act = async (client: Client, body: Record<string, unknown>) => {
      const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
      expect(res.statusCode, `${String(body.type)}: ${res.body}`).toBe(200);
    };
    await act(desk, { type: 'accept', expectedSeq: 0 });
    await act(desk, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    await act(specialist, { type: 'claim', expectedSeq: 2 });
    await act(specialist, { type: 'requestFee', expectedSeq: 3, amount: 25_000, note: 'Phí thẩm định hồ sơ bổ sung' });

    const panel = await openDossier(id, code);
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Chờ thực hiện nghĩa vụ tài chính');
    const requested = panel.getByRole('row').filter({ hasText: 'Do cán bộ thêm hoặc điều chỉnh' });
    await expect.poll(() => requested.textContent()).toContain('25.000 ₫');
    expect(await requested.getByTestId('fee-line-status').textContent()).toBe('Phải nộp');
    expect(await panel.getByTestId('due-now').textContent()).toBe('25.000 ₫');
    await expectAccessible('a requested fee at 1280px');

    await toGateway(PLATFORM, '25.000 ₫');
    await payAtGateway(id);
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đang xử lý');
    expect(await attemptStatuses()).toEqual(['Đã thanh toán', 'Đã thanh toán']);
    expect(await panel.getByTestId('fee-line-status').allTextContents()).toEqual(['Đã nộp', 'Đã nộp']);
    expect(await panel.getByTestId('receipts').getByRole('link').count()).toBe(2);
    const { rows } = await sql<{ status: string; fee_paid_online: boolean }>`
      select d.status, s.fee_paid_online from dossiers d join dossier_stat_source s on s.dossier_id = d.id where d.id = ${id}`.execute(app.database.db);
    expect(rows[0]).toEqual({ status: 'processing', fee_paid_online: true });
  });

  it('a payment abandoned at the gateway stays pending until reconciliation expires it, and the fee is payable again', async () => {
    const { id, code } = await submitOnlineThroughApi(page, FEE_PROCEDURE);
    await openDossier(id, code);
    await toGateway(VNPAY, '10.000 ₫');
    await page.getByRole('button', { name: 'Bỏ dở' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bạn đã rời trang thanh toán' }).waitFor();
    // The gateway's link back knows no dossier (nothing was sent to the merchant): it leads to "Hồ sơ của tôi".
    await page.getByRole('link', { name: 'Quay lại hệ thống một cửa' }).click();
    await page.waitForURL(`${app.baseUrl}/tai-khoan/ho-so`);
    await page.getByRole('listitem').filter({ hasText: code }).getByRole('link', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }).click();

    // On the dossier page the attempt waits for the gateway.
    const panel = await dossierShown(code);
    await expect.poll(attemptStatuses).toEqual(['Đang chờ cổng thanh toán xác nhận']);
    expect(await panel.getByTestId('fee-line-status').textContent()).toBe('Phải nộp');

    // Reconciliation, as if 31 minutes later: VNPay's window has closed and the attempt expires.
    const deps = { ...app.ctx.deps, publicUrl: app.baseUrl };
    const run = await reconcilePayments({ ...deps, clock: () => new Date(Date.now() + 31 * 60_000) });
    expect(run.expired).toBeGreaterThanOrEqual(1);
    await page.reload();
    await fees().getByTestId('fee-totals').waitFor();
    await expect.poll(attemptStatuses).toEqual(['Hết hạn, không thanh toán']);
    await payButton().waitFor();
    expect(await payButton().textContent()).toBe('Thanh toán trực tuyến 10.000 ₫');
    expect(await panel.getByTestId('due-now').textContent()).toBe('10.000 ₫');
    await expectAccessible('an expired attempt at 1280px');
  });
});
