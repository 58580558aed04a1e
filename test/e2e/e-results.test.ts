/**
 * E-results in the browser (issue 19): the leader prepares the result of an approved dossier from the template,
 * sends it for signature and signs it with the PKCS#12 certificate on the back-office dossier page; the citizen
 * downloads it from "Hồ sơ của tôi", follows its "Xác thực" link (the address its QR code carries) to the public
 * record, and checks the file there: the file as issued is valid, the same file with one byte changed is not.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { driveToApproval } from '../support/workflow.js';
import { citizenContext, expectNoSidewaysScroll, launchBrowser, loginAs, seriousViolations, submitOnlineThroughApi, transitionsDone } from './browser.js';
import type { DossierResults } from '../../src/contract/result.js';
import { DEMO_CITIZENS } from '../../src/infrastructure/seed/demo-province.js';

const DESKTOP = { width: 1280, height: 800 };
/** Đăng ký khai sinh: the ward's procedure with a paper result (Giấy khai sinh), which becomes an e-result. */
const BIRTH = '1.001193';
const citizen = DEMO_CITIZENS[0]!;

describe('an e-result signed in the back office is downloaded and verified by its QR code', () => {
  let app: TestApp;
  let browser: Browser;
  let citizenSide: BrowserContext;
  let leaderSide: BrowserContext;
  let page: Page;
  let desk: Client;
  let specialist: Client;
  let leader: Client;

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0' } });
    browser = await launchBrowser();
    citizenSide = await citizenContext(browser, app.baseUrl, citizen, DESKTOP);
    page = await citizenSide.newPage();
    await page.goto(app.baseUrl + '/tai-khoan');
    leaderSide = await browser.newContext({ viewport: DESKTOP });
    await loginAs(leaderSide, app.baseUrl, 'lanhdao.tamthanh');
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
  });
  afterAll(async () => {
    await citizenSide?.close().catch(() => undefined);
    await leaderSide?.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  /** The desk accepts the online dossier, and the officials move it through its steps to the leader's approval. */
  async function approve(id: string): Promise<void> {
    await driveToApproval([desk, specialist, leader], id);
  }

  async function expectAccessible(on: Page, what: string): Promise<void> {
    await transitionsDone(on);
    expect(await seriousViolations(on), what).toEqual([]);
    await expectNoSidewaysScroll(on, what);
  }

  it('the leader prepares, sends and signs; the citizen downloads the PDF and the QR page tells the true file from a changed one', async () => {
    const { id, code } = await submitOnlineThroughApi(page, BIRTH);
    await approve(id);

    // The leader, on the back-office dossier page.
    const office = await leaderSide.newPage();
    await office.goto(`${app.baseUrl}/can-bo/ho-so/${id}`);
    const panel = office.getByTestId('result-documents');
    await panel.getByRole('heading', { name: 'Kết quả điện tử' }).waitFor();
    await panel.getByText('Hồ sơ chưa có văn bản kết quả điện tử.').waitFor();
    const doc = panel.getByTestId('result-document');
    const status = () => doc.getByTestId('result-status').textContent();

    await panel.getByRole('button', { name: 'Lập từ mẫu' }).click();
    await expect.poll(status).toBe('Bản nháp');
    expect(await panel.getByTestId('result-notice').textContent()).toContain('Đã lập văn bản từ mẫu');
    expect(await doc.getByTestId('result-file').textContent()).toMatch(/^Xem trước bản nháp \(PDF\)/);
    await doc.getByRole('button', { name: /^Trình ký/ }).click();
    await expect.poll(status).toBe('Chờ ký');

    await doc.getByLabel('Hình thức ký số').selectOption({ label: 'Chứng thư số (PKCS#12)' });
    await doc.getByRole('button', { name: 'Ký số', exact: true }).click();
    await expect.poll(status, { timeout: 20_000 }).toBe('Đã ký ban hành');
    const signatures = await doc.getByTestId('result-signatures').textContent();
    expect(signatures).toContain('Chứng thư số (PKCS#12)');
    expect(signatures).toMatch(/ký ngày \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(signatures).toMatch(/PAdES B-(T, có dấu thời gian|B, không có dấu thời gian)/);
    await doc.getByRole('button', { name: /^Thu hồi/ }).waitFor();
    await expectAccessible(office, 'the back-office result panel after signing');
    await office.close();

    const results = (await leader.request('GET', `/api/v1/dossiers/${id}/results`)).json() as DossierResults;
    const signed = results.items.find((d) => d.status === 'signed');
    expect(signed?.verificationUrl).toBe(`${app.baseUrl}/xac-thuc/${signed?.verificationCode}`);

    // The citizen: the issued e-result on "Hồ sơ của tôi", downloaded as a PDF.
    await page.goto(`${app.baseUrl}/tai-khoan/ho-so/${id}`);
    await expect.poll(() => page.getByTestId('dossier-code').textContent()).toContain(code);
    const mine = page.getByTestId('result-documents').getByTestId('result-document');
    await expect.poll(() => mine.getByTestId('result-status').textContent()).toBe('Đã ký ban hành');
    const [download] = await Promise.all([page.waitForEvent('download'), mine.getByRole('link', { name: /^Tải văn bản \(PDF\)/ }).click()]);
    expect(new URL(download.url()).pathname).toBe(`/api/v1/dossiers/${id}/results/${signed!.id}/file`);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The same address answers the citizen's session with the PDF as an attachment (Chromium reports no response for a download).
    const response = await page.request.get(download.url());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(Buffer.compare(await response.body(), pdf)).toBe(0);

    // "Xác thực": the public page the QR code leads to, with the record.
    await mine.getByRole('link', { name: /^Xác thực/ }).click();
    await page.waitForURL(signed!.verificationUrl);
    const record = page.getByTestId('verify-record');
    await record.waitFor();
    expect(await record.getByTestId('verify-status').textContent()).toBe('Đã ký ban hành');
    expect(await record.getByTestId('verify-dossier-code').textContent()).toBe(code);
    expect(await record.getByTestId('verify-hash').textContent()).toBe(signed!.sha256);
    expect(await record.getByTestId('verify-issuer').textContent()).toBeTruthy();
    expect(await record.getByTestId('verify-signers').getByRole('listitem').count()).toBe(1);
    expect(await record.getByRole('link', { name: 'Tải văn bản' }).getAttribute('href')).toBe(`/api/v1/verify/${signed!.verificationCode}/file`);

    // The file as downloaded is valid; the same with one byte changed is not.
    const fileInput = page.locator('input[type=file]');
    await fileInput.setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => page.getByTestId('verify-verdict').textContent()).toBe('Hợp lệ');
    expect(await page.getByTestId('verify-summary').textContent()).toMatch(/^Văn bản hợp lệ/);
    expect(await page.getByTestId('verify-signatures').getByRole('listitem').count()).toBe(1);
    await expectAccessible(page, 'the verification page with a valid file');
    // The 64-digit hashes wrap on a phone.
    await page.setViewportSize({ width: 375, height: 740 });
    await expectNoSidewaysScroll(page, 'the verification page at 375px');
    await page.setViewportSize(DESKTOP);

    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('/Contents') - 40;
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    await fileInput.setInputFiles({ name: 'giay-khai-sinh-da-sua.pdf', mimeType: 'application/pdf', buffer: tampered });
    await expect.poll(() => page.getByTestId('verify-verdict').textContent()).toBe('Không hợp lệ');
    expect(await page.getByTestId('verify-summary').textContent()).toMatch(/KHÔNG hợp lệ/);
    expect(await page.getByTestId('verify-signature-message').first().textContent()).toBeTruthy();
    await expectAccessible(page, 'the verification page with a changed file');
  });

  it('without a code, /xac-thuc takes the code or the QR code’s address', async () => {
    const nobody = await browser.newContext({ viewport: DESKTOP });
    const anonymous = await nobody.newPage();
    try {
      await anonymous.goto(`${app.baseUrl}/xac-thuc`);
      await anonymous.getByRole('heading', { level: 1, name: 'Xác thực văn bản điện tử' }).waitFor();
      await anonymous.getByRole('textbox', { name: 'Mã xác thực' }).fill('khong hop le!');
      await anonymous.getByRole('button', { name: 'Tra cứu' }).click();
      await anonymous.getByText('Mã xác thực gồm 8 đến 64').waitFor();
      await anonymous.getByRole('textbox', { name: 'Mã xác thực' }).fill(`${app.baseUrl}/xac-thuc/KHONGCOMA12345`);
      await anonymous.getByRole('button', { name: 'Tra cứu' }).click();
      await anonymous.waitForURL(`${app.baseUrl}/xac-thuc/KHONGCOMA12345`);
      await anonymous.getByRole('alert').filter({ hasText: 'Không tìm thấy văn bản có mã xác thực KHONGCOMA12345' }).waitFor();
      await expectAccessible(anonymous, 'the verification page for an unknown code');
    } finally {
      await nobody.close();
    }
  });
});
