/**
 * "Provide once" at the desk, in the browser (issue 20): the desk officer of Phường Tam Thanh receives a marriage
 * registration for Lương Thị Hoa at the counter, looks her up in the national population database (the applicant's
 * fields are filled and marked so), records her consent to open her data vault, receives the dossier, then on the
 * dossier page digitizes two paper components from scanned pages (two images, then one) signed with the unit's
 * certificate; the "Dữ liệu sẵn có" panel shows the intake time and the lookup. With the registry over its quota, the
 * lookup says why and intake goes on by hand. The leader's report lists the unit. axe-core finds no serious or
 * critical violation on the intake form, the dossier page and the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { startTestApp, type TestApp } from '../support/app.js';
import { expectNoSidewaysScroll, launchBrowser, loginAs, seriousViolations, transitionsDone } from './browser.js';
import type { DigitizationReport, DossierProvideOnce } from '../../src/contract/data-vault.js';
import { DEMO_CITIZENS } from '../../src/infrastructure/seed/demo-province.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
/** Đăng ký kết hôn: its e-form asks for the other party; TP2 (the marital-status certificate) is optional. */
const MARRIAGE = '1.000894';
const TP1 = `${MARRIAGE}.TP1`;
const TP2 = `${MARRIAGE}.TP2`;
const hoa = DEMO_CITIZENS[1]!;

/** A scanned page: a grey PNG made here. */
function scan(shade: number): Buffer {
  const image = new PNG({ width: 120, height: 170 });
  image.data.fill(shade);
  return PNG.sync.write(image);
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
}

describe('provide once at the desk: registry lookup, consent, digitization signed by the unit, the report', () => {
  let app: TestApp;
  let browser: Browser;
  let deskSide: BrowserContext;
  let leaderSide: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0' } });
    browser = await launchBrowser();
    deskSide = await browser.newContext({ viewport: DESKTOP });
    await loginAs(deskSide, app.baseUrl, 'motcua.tamthanh');
    leaderSide = await browser.newContext({ viewport: DESKTOP });
    await loginAs(leaderSide, app.baseUrl, 'lanhdao.tamthanh');
    page = await deskSide.newPage();
  });
  afterAll(async () => {
    app?.localDataExchange.population?.setFault('none');
    await deskSide?.close().catch(() => undefined);
    await leaderSide?.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  /** Counter intake of the marriage registration, with the applicant's number, name and date of birth typed. */
  async function openIntake(): Promise<void> {
    await page.goto(`${app.baseUrl}/can-bo/tiep-nhan-ho-so?tab=tiep-nhan-tai-quay`);
    await page.getByRole('combobox', { name: 'Thủ tục hành chính' }).fill(MARRIAGE);
    await page
      .getByRole('option', { name: /Đăng ký kết hôn/ })
      .first()
      .click();
    await page.getByRole('group', { name: 'Thành phần hồ sơ đã nhận' }).waitFor();
    await page.locator('#nguoi-nop-ho-ten').fill(hoa.fullName.toLocaleUpperCase('vi'));
    await page.locator('#nguoi-nop-dinh-danh').fill(hoa.personalId);
    await page.locator('#nguoi-nop-ngay-sinh').fill('03/09/1992');
  }

  /** The digitize panel: one component, its pages added one by one, confirmed, signed. */
  async function digitize(panel: Locator, componentCode: string, pages: Buffer[]): Promise<string> {
    await panel.getByLabel('Thành phần hồ sơ').selectOption(componentCode);
    const picker = panel.locator('input[type=file]');
    for (const [i, bytes] of pages.entries()) {
      await picker.setInputFiles({ name: `trang-${i + 1}.png`, mimeType: 'image/png', buffer: bytes });
      await expect.poll(() => panel.getByTestId('scan-pages').getByRole('listitem').count()).toBe(i + 1);
    }
    await panel.getByRole('radio', { name: 'Bản chính' }).check();
    await panel.getByRole('checkbox', { name: 'Tôi xác nhận bản số hóa đúng với bản gốc' }).check();
    await panel.getByRole('button', { name: 'Số hóa và ký số' }).click();
    const result = panel.getByTestId('digitize-result');
    await result.waitFor({ timeout: 20_000 });
    return (await result.textContent()) ?? '';
  }

  it('looks the applicant up, opens her vault with consent, receives the dossier and digitizes two components', { timeout: 180_000 }, async () => {
    await openIntake();
    await page.getByRole('button', { name: 'Tra cứu CSDL dân cư' }).click();
    const message = page.getByTestId('registry-message');
    await expect.poll(() => message.getAttribute('data-outcome')).toBe('found');
    expect(await message.textContent()).toContain('Đã tìm thấy công dân trong Cơ sở dữ liệu quốc gia về dân cư');
    // The registry's values replace what was typed, each marked as coming from it.
    await expect.poll(() => page.locator('#nguoi-nop-ho-ten').inputValue()).toBe(hoa.fullName);
    expect(await page.locator('#nguoi-nop-ho-ten').getAttribute('data-mark')).toBe('registry');
    expect(await page.locator('#nguoi-nop-dia-chi').inputValue()).not.toBe('');
    expect(await page.locator('#nguoi-nop-dia-chi').getAttribute('data-mark')).toBe('registry');
    expect(await page.locator('#to-khai-gender').inputValue()).toBe(hoa.gender);
    expect(await page.locator('#nguoi-nop-ngay-sinh').inputValue()).toBe('03/09/1992');
    const marks = page.getByText('Theo CSDL quốc gia về dân cư');
    expect(await marks.count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('counter-eform-state').textContent()).toContain('được gửi kèm hồ sơ');

    // The e-form is complete only with what the registry does not know.
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.getByText('Cần nhập số điện thoại.').waitFor();
    await page.getByText('Cần nhập họ, chữ đệm và tên của bên kia.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('nguoi-nop-dien-thoai');
    await expectAccessible(page, 'the intake form after a registry lookup, with errors');
    await page.locator('#nguoi-nop-dien-thoai').fill(hoa.phone);
    await page.locator('#to-khai-partnerName').fill('Nguyễn Văn Bình');
    await page.locator('#to-khai-partnerPersonalId').fill('020090001234');

    // The citizen agrees at the desk: her vault opens for this procedure (nothing in it meets a component).
    await page.getByRole('button', { name: 'Công dân đồng ý cho xem kho dữ liệu' }).click();
    await page.getByTestId('vault-consent').waitFor();
    await page.getByTestId('vault-no-offer').waitFor();

    // The marital-status certificate was brought on paper too.
    await page
      .getByRole('group', { name: 'Thành phần hồ sơ đã nhận' })
      .getByRole('checkbox', { name: /^Giấy xác nhận tình trạng hôn nhân/ })
      .check();
    await expectAccessible(page, 'the intake form, complete, with the vault opened');
    await page.setViewportSize(PHONE);
    await transitionsDone(page);
    await expectNoSidewaysScroll(page, 'the intake form at 375px');
    await page.setViewportSize(DESKTOP);

    await page.keyboard.press('Control+Enter');
    const success = page.getByTestId('intake-success');
    await success.waitFor();
    const code = ((await page.getByTestId('intake-code').textContent()) ?? '').trim();
    await success.getByRole('link', { name: `Xem hồ sơ ${code}` }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const id = page.url().split('/').at(-1)!;

    // Digitizing TP1: three pages added one by one, the last removed, the order shown; the statement is required.
    const panel = page.getByTestId('digitize-panel');
    await panel.getByRole('heading', { name: 'Số hóa thành phần hồ sơ' }).waitFor();
    await panel.getByLabel('Thành phần hồ sơ').selectOption(TP1);
    const picker = panel.locator('input[type=file]');
    for (const [i, shade] of [200, 120, 60].entries()) {
      await picker.setInputFiles({ name: `trang-${i + 1}.png`, mimeType: 'image/png', buffer: scan(shade) });
    }
    const list = panel.getByTestId('scan-pages').getByRole('listitem');
    await expect.poll(() => list.count()).toBe(3);
    await panel.getByRole('button', { name: /^Đưa lên trước – Trang 2\/3: trang-2\.png/ }).click();
    expect(await list.first().textContent()).toContain('Trang 1/3: trang-2.png');
    await panel.getByRole('button', { name: /^Xóa – Trang 3\/3: trang-3\.png/ }).click();
    await expect.poll(() => list.count()).toBe(2);
    await panel.getByRole('button', { name: 'Số hóa và ký số' }).click();
    await panel.getByText('Cần xác nhận bản số hóa đúng với bản gốc trước khi ký số.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('so-hoa-xac-nhan');
    await expectAccessible(page, 'the dossier page, digitizing with an error');
    await panel.getByRole('checkbox', { name: 'Tôi xác nhận bản số hóa đúng với bản gốc' }).check();
    await panel.getByRole('button', { name: 'Số hóa và ký số' }).click();
    await panel.getByTestId('digitize-result').waitFor({ timeout: 20_000 });
    const first = (await panel.getByTestId('digitize-result').textContent()) ?? '';
    expect(first).toMatch(/Tờ khai đăng ký kết hôn: 2 trang · Ký số: .+ \(hợp lệ\)/);

    // TP2 from one page.
    const second = await digitize(panel, TP2, [scan(90)]);
    expect(second).toMatch(/Giấy xác nhận tình trạng hôn nhân.*: 1 trang · Ký số: .+ \(hợp lệ\)/);

    // Both components show as digitized, with a valid signature, in the components list.
    const components = page.getByRole('region', { name: 'Thành phần hồ sơ' });
    const digitized = components.locator('li[data-state="digitized"]');
    await expect.poll(() => digitized.count()).toBe(2);
    expect(await digitized.first().textContent()).toContain('2 trang · bản số hóa từ bản chính');
    expect(await digitized.nth(1).textContent()).toContain('1 trang · bản số hóa từ bản chính');
    await expect
      .poll(() => components.getByTestId('file-signature').allTextContents())
      .toEqual([expect.stringMatching(/^Ký số: .+ \(hợp lệ\)$/), expect.stringMatching(/^Ký số: .+ \(hợp lệ\)$/)]);

    // "Dữ liệu sẵn có": the time of intake, the e-form, the lookup, the digitized files.
    const facts = page.getByTestId('provide-once');
    await expect.poll(() => facts.getByTestId('provide-once-digitized').textContent()).toBe('Số hóa: 2 tệp số hóa tại quầy');
    expect(await facts.getByTestId('intake-time').textContent()).toMatch(/^Thời gian tiếp nhận: (\d+ phút )?\d+ giây$/);
    expect(await facts.getByTestId('provide-once-fields').textContent()).toMatch(/^Tờ khai điện tử: Tự nhập \d+\/\d+ trường; điền sẵn \d+ trường$/);
    expect(await facts.getByTestId('provide-once-prefilled').textContent()).toContain('Nơi thường trú');
    const lookups = facts.getByTestId('provide-once-lookups').getByRole('listitem');
    expect(await lookups.count()).toBe(1);
    expect(await lookups.first().textContent()).toMatch(/tại quầy · .+ · Tìm thấy, đã điền sẵn/);
    expect(await facts.getByTestId('provide-once-mismatch').count()).toBe(0);
    await expectAccessible(page, 'the dossier page after digitizing');
    await page.setViewportSize(PHONE);
    await transitionsDone(page);
    await expectNoSidewaysScroll(page, 'the dossier page at 375px');
    await page.setViewportSize(DESKTOP);

    const record = (await (await deskSide.request.get(`${app.baseUrl}/api/v1/dossiers/${id}/provide-once`)).json()) as DossierProvideOnce;
    expect(record).toMatchObject({ digitized: 2, lookups: [{ outcome: 'found', channel: 'counter' }], eform: { registry: 'found', mismatches: [] } });
  });

  it('with the registry over its quota, the lookup says why and intake goes on by hand', { timeout: 120_000 }, async () => {
    app.localDataExchange.population!.setFault('quota');
    await openIntake();
    // Enter in the date of birth looks the applicant up.
    await page.locator('#nguoi-nop-ngay-sinh').press('Enter');
    const message = page.getByTestId('registry-message');
    await expect.poll(() => message.getAttribute('data-outcome')).toBe('refused');
    expect(await message.textContent()).toContain('hạn mức');
    expect(await message.textContent()).toContain('tiếp tục nhập thông tin bằng tay');
    expect(await page.locator('#nguoi-nop-ho-ten').inputValue()).toBe(hoa.fullName.toLocaleUpperCase('vi'));
    expect(await page.getByText('Theo CSDL quốc gia về dân cư').count()).toBe(0);
    await expectAccessible(page, 'the intake form after a refused lookup');

    await page.locator('#nguoi-nop-dia-chi').fill(hoa.address);
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    const success = page.getByTestId('intake-success');
    await success.waitFor();
    await success.getByRole('link', { name: /^Xem hồ sơ / }).click();
    const facts = page.getByTestId('provide-once');
    const lookups = facts.getByTestId('provide-once-lookups').getByRole('listitem');
    await expect.poll(() => lookups.count()).toBe(1);
    expect(await lookups.first().textContent()).toContain('Bị từ chối');
    expect(await facts.getByTestId('provide-once-fields').textContent()).toBe('Tờ khai điện tử: không có (hồ sơ giấy)');
    app.localDataExchange.population!.setFault('none');
  });

  it('the report lists the unit that received and digitized', { timeout: 60_000 }, async () => {
    const leader = await leaderSide.newPage();
    await leader.goto(`${app.baseUrl}/can-bo`);
    await leader.getByRole('navigation').getByRole('link', { name: 'Báo cáo số hóa' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Báo cáo số hóa và dữ liệu dân cư' }).waitFor();
    expect(await leader.getByRole('combobox', { name: 'Kỳ báo cáo' }).inputValue()).toBe('Tháng');

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const from = `${today.slice(0, 8)}01`;
    const report = (await (await leaderSide.request.get(`${app.baseUrl}/api/v1/reports/digitization?from=${from}&to=${today}`)).json()) as DigitizationReport;
    const unit = report.units.find((u) => u.digitized > 0);
    expect(unit, JSON.stringify(report)).toBeDefined();
    const row = leader.getByTestId('digitization-units').locator(`tr[data-unit="${unit!.unitCode}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(unit!.unitName);
    expect(await row.locator('td').nth(0).textContent()).toBe(String(unit!.received));
    expect(await row.locator('td').nth(6).textContent()).toMatch(/^\d+:\d{2}$/);
    await leader.getByTestId('digitization-rate-chart').locator('svg').waitFor();
    expect(await leader.getByTestId('digitization-rate-chart').getAttribute('aria-label')).toContain(unit!.unitName);
    expect(await leader.getByTestId('digitization-procedures').textContent()).toContain(MARRIAGE);
    const lookups = leader.getByTestId('lookup-report');
    // The desk officer's two lookups of the day: one found, one refused.
    const official = lookups.getByRole('row').filter({ hasText: 'Đinh Thị Hương' });
    await official.waitFor();
    expect(await official.locator('td').allTextContents()).toEqual([unit!.unitName, '1', '0', '1', '0', '2']);
    await expectAccessible(leader, 'the digitization report');
    await leader.setViewportSize(PHONE);
    await transitionsDone(leader);
    await expectNoSidewaysScroll(leader, 'the digitization report at 375px');
    await leader.close();
  });
});
