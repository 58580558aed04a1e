/**
 * "Provide once" on the citizen portal (issue 20), in the browser: a citizen logs in with VNeID (the development
 * identity provider), opens the online form of a procedure and finds their data prefilled from the population
 * registry as confirmed data, the birth certificate from the national portal's vault offered for a paper, and the
 * dossier page saying where that paper came from; then a second procedure reuses the signed e-result of a first
 * dossier settled by the officials; an expired document is listed in the vault but never offered; a VNeID level 1
 * account is told that a procedure needs level 2. axe-core finds no serious violation on the form and the vault page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { driveToApproval } from '../support/workflow.js';
import { issueSignedResult } from '../support/results.js';
import { citizenContext, expectNoSidewaysScroll, launchBrowser, seriousViolations, signInAtIdp, submitOnlineThroughApi, transitionsDone } from './browser.js';
import type { DossierProvideOnce } from '../../src/contract/data-vault.js';
import type { DossierFile } from '../../src/contract/dossier-files.js';
import { DEMO_CITIZENS, type DemoCitizen } from '../../src/infrastructure/seed/demo-province.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };
const REREGISTER_BIRTH = '1.004884';
const MARITAL_STATUS = '1.004873';
const MARRIAGE = '1.000894';
const [minh, hoa, anh, trang] = DEMO_CITIZENS as readonly [DemoCitizen, DemoCitizen, DemoCitizen, DemoCitizen];

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
  await expectNoSidewaysScroll(page, what);
}

/** Phường Tam Thanh, picked by name typed without diacritics. */
async function pickTamThanh(page: Page): Promise<void> {
  const commune = page.getByRole('combobox', { name: 'Xã, phường giải quyết hồ sơ' });
  await commune.click();
  await commune.fill('tam thanh');
  await page.getByRole('option', { name: 'Phường Tam Thanh' }).click();
}

/** Review, pledge, send; back with the new dossier's id from its page. */
async function submitAndFollow(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Tiếp tục: kiểm tra hồ sơ' }).click();
  await page.getByRole('heading', { name: /Bước 2 trên 2/ }).waitFor();
  await page.getByRole('checkbox', { name: /Tôi xin cam đoan/ }).check();
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await page.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
  expect(await page.getByTestId('reuse-outcomes').textContent()).toMatch(/đã dùng «.+» trong kho dữ liệu/);
  await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
  await page.waitForURL(/\/tai-khoan\/ho-so\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

describe('provide once on the citizen portal', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: Client;
  let specialist: Client;
  let leader: Client;

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0' } });
    browser = await launchBrowser();
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** The desk accepts the online dossier, and the officials move it through its steps to the leader's approval. */
  async function approve(id: string): Promise<void> {
    await driveToApproval([desk, specialist, leader], id);
  }

  it('a citizen logs in with VNeID, finds their data prefilled and the birth certificate from the national vault offered, and the dossier says so', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/nop-ho-so/${REREGISTER_BIRTH}`);
    await page.getByRole('main').getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await signInAtIdp(page, minh);
    await page.waitForURL(`${app.baseUrl}/nop-ho-so/${REREGISTER_BIRTH}`);

    // What the registry knows is confirmed data, said to come from it; nothing of it is an input.
    const confirmed = page.getByTestId('confirmed-data');
    await confirmed.waitFor();
    expect(await page.getByTestId('applicant-name').textContent()).toBe(minh.fullName);
    expect(await page.getByTestId('confirmed-personalId').textContent()).toBe(minh.personalId);
    expect(await page.getByTestId('confirmed-birthDate').textContent()).toBe('12/04/1985');
    expect(await page.getByTestId('confirmed-gender').textContent()).toBe('Nam');
    expect(await confirmed.getByRole('heading', { name: 'Theo Cơ sở dữ liệu quốc gia về dân cư' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: /Họ, chữ đệm và tên|Số định danh cá nhân/ }).count()).toBe(0);
    expect(await page.getByTestId('registry-notice').count()).toBe(0);
    // The contact starts from the account and stays editable.
    expect(await page.getByLabel('Số điện thoại').inputValue()).toBe(minh.phone);
    expect(await page.getByLabel('Địa chỉ liên hệ').inputValue()).toBe(minh.address);

    // The paper the national vault's birth certificate meets: offered, and chosen, instead of an upload.
    const tp2 = page.locator(`[data-component="${REREGISTER_BIRTH}.TP2"]`);
    const fromVault = tp2.getByRole('radio', { name: /^Dùng giấy tờ có sẵn trong kho dữ liệu: / });
    expect(await fromVault.count()).toBe(1);
    expect(await fromVault.isChecked()).toBe(true);
    expect(await tp2.textContent()).toContain('Nguồn: Kho dữ liệu trên Cổng DVCQG');
    expect(await tp2.locator('input[type=file]').count()).toBe(0);
    await expectAccessible(page, 'the prefilled form at 1280px');

    await pickTamThanh(page);
    await page.getByRole('checkbox', { name: /Tờ khai đăng ký lại khai sinh/ }).check();
    await page.getByLabel('Nội dung đề nghị (không bắt buộc)').fill('Đăng ký lại khai sinh do mất bản chính');
    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra hồ sơ' }).click();
    await page.getByRole('heading', { name: /Bước 2 trên 2/ }).waitFor();
    const review = (await page.getByTestId('submission-review').textContent()) ?? '';
    expect(review).toContain('12/04/1985');
    expect(review).toContain('Đăng ký lại khai sinh do mất bản chính');
    expect(await page.getByText(/— Lấy từ kho dữ liệu: .+ \(Kho dữ liệu trên Cổng DVCQG\)/).count()).toBe(1);
    await page.getByRole('button', { name: 'Sửa lại thông tin' }).click();
    const id = await submitAndFollow(page);

    // The dossier's page: the paper reads as taken from the national portal's vault.
    const reused = page.getByTestId('reused-component');
    await expect.poll(() => reused.allTextContents()).toEqual(['✓ Lấy từ kho dữ liệu trên Cổng DVCQG']);
    await expectAccessible(page, 'the dossier page with a reused paper');

    // What the server recorded: the e-form prefilled by the registry (one field typed), the paper reused.
    const record = (await desk.request('GET', `/api/v1/dossiers/${id}/provide-once`)).json() as DossierProvideOnce;
    expect(record).toMatchObject({ eidLevel: 2, reused: 1, eform: { registry: 'found', typed: 1, mismatches: [] } });

    // An expired marital-status certificate is copied from the national vault but not offered for a marriage.
    await page.goto(`${app.baseUrl}/nop-ho-so/${MARRIAGE}`);
    await page.getByTestId('components-checklist').waitFor();
    expect(await page.getByTestId('vault-choice').count()).toBe(0);

    // The vault, from the account page: both documents, the expired one said to be so.
    await page.goto(`${app.baseUrl}/tai-khoan`);
    await page.getByRole('link', { name: 'Kho dữ liệu của tôi' }).click();
    await page.waitForURL('**/tai-khoan/kho-du-lieu');
    const cards = page.getByTestId('vault-document');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await page.getByTestId('vault-validity').allTextContents()).toEqual(['Còn hiệu lực', 'Hết hiệu lực']);
    expect(await page.getByTestId('vault-source').allTextContents()).toEqual(['Kho dữ liệu trên Cổng DVCQG', 'Kho dữ liệu trên Cổng DVCQG']);
    expect(await cards.first().textContent()).toMatch(/Loại giấy tờ.+Số, ký hiệu.+Cơ quan cấp.+Ngày cấp\d\d\/\d\d\/\d{4}Hiệu lực đến.+Phiên bản1/);
    await expectAccessible(page, 'the vault page at 1280px');
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'the vault page at 375px');
    await context.close();
  });

  it('a second procedure reuses the signed e-result of the citizen’s first dossier', async () => {
    const context = await citizenContext(browser, app.baseUrl, hoa, PHONE);
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/tai-khoan');
    // The officials settle a certificate of marital status and the leader signs its e-result.
    const first = await submitOnlineThroughApi(page, MARITAL_STATUS);
    await approve(first.id);
    const signed = await issueSignedResult((m, u, j) => leader.request(m, u, j), first.id);

    await page.goto(`${app.baseUrl}/nop-ho-so/${MARRIAGE}`);
    await page.getByTestId('confirmed-data').waitFor();
    expect(await page.getByTestId('applicant-name').textContent()).toBe(hoa.fullName);
    const tp2 = page.locator(`[data-component="${MARRIAGE}.TP2"]`);
    expect(await tp2.textContent()).toContain('Nguồn: Kết quả điện tử');
    // Choosing: the citizen's own paper first (its upload appears), then the e-result (the upload goes).
    await tp2.getByRole('radio', { name: /^Tự nộp giấy tờ/ }).check();
    await expect.poll(() => tp2.locator('input[type=file]').count()).toBe(1);
    await tp2.getByRole('radio', { name: /^Dùng giấy tờ có sẵn trong kho dữ liệu: / }).check();
    await expect.poll(() => tp2.locator('input[type=file]').count()).toBe(0);

    // The procedure's own fields are the only ones to type: asked for when missing.
    await pickTamThanh(page);
    await page.getByRole('checkbox', { name: /Tờ khai đăng ký kết hôn/ }).check();
    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra hồ sơ' }).click();
    const summary = page.getByTestId('error-summary');
    await expect
      .poll(() => summary.getByRole('link').allTextContents())
      .toEqual(['Cần nhập họ, chữ đệm và tên của bên kia', 'Cần nhập số định danh cá nhân của bên kia']);
    await expectAccessible(page, 'the form with errors at 375px');
    await page.getByLabel('Họ, chữ đệm và tên của bên kia').fill('Nguyễn Văn Bình');
    await page.getByLabel('Số định danh cá nhân của bên kia').fill('020090001234');
    const id = await submitAndFollow(page);

    await expect.poll(() => page.getByTestId('reused-component').allTextContents()).toEqual(['✓ Lấy từ kho dữ liệu']);
    const files = await page.evaluate(
      async (dossierId) => ((await (await fetch(`/api/v1/dossiers/${dossierId}/files`)).json()) as { items: DossierFile[] }).items,
      id,
    );
    expect(files).toEqual([expect.objectContaining({ componentCode: `${MARRIAGE}.TP2`, reused: true, fromNationalVault: false, sha256: signed.sha256 })]);

    // The e-result is in the vault.
    await page.goto(`${app.baseUrl}/tai-khoan/kho-du-lieu`);
    await expect.poll(() => page.getByTestId('vault-source').allTextContents()).toEqual(['Kết quả điện tử']);
    expect(await page.getByTestId('vault-validity').allTextContents()).toEqual(['Còn hiệu lực']);
    await context.close();
  });

  it('when the registry does not know the citizen, the form says so and asks for the rest, typed per field', async () => {
    const registry = app.localDataExchange.population!;
    registry.setFault('notFound');
    try {
      const context = await citizenContext(browser, app.baseUrl, anh, DESKTOP);
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/nop-ho-so/${MARITAL_STATUS}`);
      await page.getByTestId('registry-notice').waitFor();
      // What the account knows stays confirmed, said to come from it.
      const confirmed = page.getByTestId('confirmed-data');
      expect(await confirmed.getByRole('heading').allTextContents()).toEqual(['Theo tài khoản VNeID']);
      expect(await page.getByTestId('confirmed-birthDate').textContent()).toBe('25/01/2003');
      expect(await page.getByLabel('Địa chỉ liên hệ').inputValue()).toBe('');
      await expectAccessible(page, 'the form without the registry at 1280px');

      await pickTamThanh(page);
      await page.getByRole('checkbox', { name: /Tờ khai cấp Giấy xác nhận tình trạng hôn nhân/ }).check();
      await page.getByRole('button', { name: 'Tiếp tục: kiểm tra hồ sơ' }).click();
      await expect
        .poll(() => page.getByTestId('error-summary').getByRole('link').allTextContents())
        .toEqual([
          'Cần nhập giới tính',
          'Cần nhập nơi thường trú',
          'Vui lòng nhập địa chỉ liên hệ.',
          'Cần nhập tình trạng hôn nhân',
          'Cần nhập mục đích sử dụng',
        ]);
      await page.getByRole('link', { name: 'Cần nhập giới tính' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
      await page.getByRole('combobox', { name: 'Giới tính' }).selectOption('Nam');
      await page.getByLabel('Nơi thường trú').fill(anh.address);
      await page.getByLabel('Địa chỉ liên hệ').fill(anh.address);
      await page.getByRole('combobox', { name: 'Tình trạng hôn nhân' }).selectOption('Chưa đăng ký kết hôn với ai');
      await page.getByLabel('Mục đích sử dụng').fill('Để đăng ký kết hôn');
      await page.getByRole('button', { name: 'Tiếp tục: kiểm tra hồ sơ' }).click();
      await page.getByRole('heading', { name: /Bước 2 trên 2/ }).waitFor();
      expect(await page.getByTestId('submission-review').textContent()).toContain('Chưa đăng ký kết hôn với ai');
      await page.getByRole('checkbox', { name: /Tôi xin cam đoan/ }).check();
      await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
      await page.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
      const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
      const row = await app.database.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      const record = (await desk.request('GET', `/api/v1/dossiers/${row.id}/provide-once`)).json() as DossierProvideOnce;
      expect(record.eform).toMatchObject({ registry: 'notFound', typed: 4, mismatches: [] });
      await context.close();
    } finally {
      registry.setFault('none');
    }
  });

  it('a VNeID level 1 account is told that the procedure needs level 2, and is offered no submission', async () => {
    const context = await citizenContext(browser, app.baseUrl, trang, PHONE);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/nop-ho-so/${REREGISTER_BIRTH}`);
    const alert = page.getByTestId('eid-level-required');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('tài khoản định danh điện tử VNeID mức độ 2; tài khoản bạn đang dùng mức độ 1');
    expect(await page.getByRole('button', { name: 'Tiếp tục: kiểm tra hồ sơ' }).count()).toBe(0);
    await expectAccessible(page, 'the level 2 notice at 375px');
    await context.close();
  });
});
