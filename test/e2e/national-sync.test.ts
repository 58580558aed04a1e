/**
 * The connected systems and the live sync with the national portal, in the browser (issue 21). The server runs as in
 * the demo: the portal's simulator is served in-process at /demo/cong-dvcqg and the sync job sends what changed. The
 * administrator reads the seven connected systems (on a desk and on a phone), then the sync page: the queue, the
 * dossiers received this month per unit with the share the portal acknowledged, reconciliation run now and its
 * result, the dossiers the portal refused, and the mapping of codes, saved, checked before saving, and refused when
 * someone else saved meanwhile. The monitor reads the same page without its buttons. axe-core finds no serious or
 * critical violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';
import { expectNoSidewaysScroll, launchBrowser, loginAs, seriousViolations, transitionsDone } from './browser.js';
import type { ConnectionList, PortalMapping, PortalSyncReport } from '../../src/contract/national-portal.js';
import { todayInVietnam } from '../../src/web/shared/format.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const WARD = '000.00.31.H37';
const BIRTH_REGISTRATION = '1.001193';
const STATE_LABELS = ['Hoạt động', 'Chậm hoặc có lỗi', 'Mất kết nối', 'Chưa kết nối'];

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
  await expectNoSidewaysScroll(page, what);
}

/** The body rows of the table captioned `caption` (wide screens). */
function tableRows(page: Page, caption: string): Locator {
  return page.getByRole('region', { name: caption }).locator('tbody tr');
}

describe('the connected systems and the sync with the national portal', () => {
  let app: TestApp;
  let browser: Browser;
  let adminSide: BrowserContext;
  let page: Page;
  let admin: Client;
  let received: { id: string; code: string };

  beforeAll(async () => {
    // As in the demo: the sync job runs against the simulator this server serves.
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0', PORTAL_SYNC_POLL_MS: '500' } });
    const desk = await Client.official(app, 'motcua.tamthanh');
    const res = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: BIRTH_REGISTRATION,
      channel: 'counter',
      applicant: { fullName: 'Nông Thị Lan', personalId: '020190004512', address: 'Thôn Nà Chuông', phone: '0912000222', email: null },
      components: receivedComponents(BIRTH_REGISTRATION),
      accept: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    received = res.json() as { id: string; code: string };
    admin = await Client.official(app, 'admin');
    browser = await launchBrowser();
    adminSide = await browser.newContext({ viewport: DESKTOP });
    await loginAs(adminSide, app.baseUrl, 'admin');
    page = await adminSide.newPage();
  });
  afterAll(async () => {
    await adminSide?.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  it('lists the seven connected systems with their state in words, on a desk and on a phone', async () => {
    await page.goto(app.baseUrl + '/can-bo');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Kết nối hệ thống' }).click();
    await page.waitForURL(/\/quan-tri\/ket-noi$/);
    await page.getByRole('heading', { level: 1, name: 'Kết nối hệ thống' }).waitFor();
    expect(await page.getByRole('link', { name: 'Kết nối hệ thống' }).getAttribute('aria-current')).toBe('page');

    const list = (await admin.request('GET', '/api/v1/system/connections')).json() as ConnectionList;
    expect(list.total).toBe(7);
    const headline = page.getByTestId('connections-headline');
    await expect.poll(() => headline.textContent()).toMatch(/^\d\/7 hệ thống đang kết nối$/);
    const rows = tableRows(page, 'Tình trạng từng hệ thống kết nối');
    await expect.poll(() => rows.count()).toBe(7);
    for (const item of list.items) {
      const row = rows.filter({ hasText: item.name });
      expect(await row.count(), item.name).toBe(1);
      expect(STATE_LABELS).toContain(await row.getByTestId('connection-state').textContent());
    }
    // The portal's sync is configured (the simulator), the others are off in this test server or working.
    const portal = rows.filter({ hasText: 'Cổng Dịch vụ công quốc gia: đồng bộ hồ sơ' });
    expect(await portal.getByTestId('connection-state').textContent()).not.toBe('Chưa kết nối');
    // Error rates are percentages with a decimal comma, last successes dd/MM/yyyy HH:mm.
    for (const text of await rows.allTextContents()) expect(text).not.toMatch(/\d\.\d%/);
    await expect.poll(async () => (await rows.locator('time').allTextContents()).every((t) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(t))).toBe(true);

    await page.getByRole('button', { name: 'Làm mới' }).click();
    await expect.poll(() => rows.count()).toBe(7);
    await expectAccessible(page, 'the connected systems at 1280px');

    await page.setViewportSize(PHONE);
    const cards = page.getByRole('list', { name: 'Tình trạng từng hệ thống kết nối' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(7);
    await expectAccessible(page, `the connected systems at ${PHONE.width}px`);
    await page.setViewportSize(DESKTOP);
  });

  it('shows the queue, this month per unit, reconciles now and shows the result, and the refused dossiers', async () => {
    await page.goto(app.baseUrl + '/can-bo');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Đồng bộ Cổng DVCQG' }).click();
    await page.waitForURL(/\/can-bo\/dong-bo-cong-dvcqg$/);
    await page.getByRole('heading', { level: 1, name: 'Đồng bộ Cổng Dịch vụ công quốc gia' }).waitFor();

    // The period: the first of this month to today, Vietnam time.
    const today = todayInVietnam();
    expect(await page.getByLabel('Từ ngày').inputValue()).toBe(`${today.slice(0, 8)}01`);
    expect(await page.getByLabel('Đến ngày').inputValue()).toBe(today);

    // The queue, and no notice of a missing configuration: the simulator is the portal.
    const queue = page.getByTestId('sync-queue');
    await queue.waitFor();
    for (const term of ['Chờ gửi', 'Chưa rõ Cổng đã ghi nhận', 'Bị Cổng từ chối', 'Độ trễ', 'Cổng xác nhận gần nhất', 'Lỗi gần nhất']) {
      expect(await queue.textContent()).toContain(term);
    }
    expect(await page.getByTestId('portal-not-configured').count()).toBe(0);

    // Per unit: the table (the dossier received above is this month's), or the empty state when a unit has none.
    const report = (await admin.request('GET', `/api/v1/national-sync/report?from=${today.slice(0, 8)}01&to=${today}`)).json() as PortalSyncReport;
    expect(report.configured).toBe(true);
    const units = tableRows(page, 'Hồ sơ tiếp nhận trong kỳ và đã đồng bộ lên Cổng Dịch vụ công quốc gia, theo đơn vị');
    if (report.units.length === 0) {
      await page.getByTestId('sync-units-empty').waitFor();
    } else {
      await expect.poll(() => units.count()).toBe(report.units.length);
      const ward = report.units.find((u) => u.unitCode === WARD)!;
      expect(ward.received).toBeGreaterThanOrEqual(1);
      const cells = units.filter({ hasText: ward.unitName }).getByRole('cell');
      expect(await cells.nth(1).textContent()).toBe(new Intl.NumberFormat('vi-VN').format(ward.received));
      expect(await cells.nth(3).textContent()).toMatch(/^\d{1,3},\d%$/);
      expect(await page.getByRole('img', { name: /^Hồ sơ đã đồng bộ trên số hồ sơ tiếp nhận, theo đơn vị\./ }).count()).toBe(1);
    }
    // The sync job sends the dossier received above; reloaded, the page shows it acknowledged.
    await expect
      .poll(
        async () => {
          const now = (await admin.request('GET', `/api/v1/national-sync/report?from=${today}&to=${today}`)).json() as PortalSyncReport;
          return now.units.find((u) => u.unitCode === WARD)?.synced ?? 0;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(1);

    // Reconciliation now: the result's counts, and the last run's line says the administrator ran it.
    await page.getByRole('button', { name: 'Đối soát ngay' }).click();
    const result = page.getByTestId('reconciliation-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(/Kết quả: đối chiếu [\d.]+ hồ sơ: Cổng thiếu \d+, có bản cũ \d+; đã gửi lại \d+\./);
    await expect.poll(() => page.getByTestId('last-reconciliation').textContent()).toContain('(do quản trị chạy)');

    // The dossiers the portal refused: none here. One parked as the sync parks a dossier refused eight times is
    // listed with the portal's error, links to its page, and is sent again.
    await page.getByTestId('parked-empty').waitFor();
    await app.database.db
      .updateTable('portal_sync')
      .set({ parked_at: new Date(), attempts: 8, last_error: 'Mã đơn vị không hợp lệ' })
      .where('dossier_id', '=', received.id)
      .execute();
    await page.getByRole('button', { name: 'Tải lại' }).click();
    await expect.poll(() => page.getByTestId('last-reconciliation').textContent()).toContain('(do quản trị chạy)');
    const parked = tableRows(page, 'Hồ sơ bị Cổng từ chối, chờ xử lý');
    await expect.poll(() => parked.count()).toBe(1);
    expect(await parked.textContent()).toContain('Mã đơn vị không hợp lệ');
    expect(await parked.getByRole('link', { name: received.code }).getAttribute('href')).toBe(`/can-bo/ho-so/${received.id}`);
    await expectAccessible(page, 'the sync page with a refused dossier at 1280px');
    await parked.getByRole('button', { name: `Gửi lại hồ sơ ${received.code}` }).click();
    await expect.poll(() => page.getByTestId('payment-notice').textContent()).toBe(`Đã đưa hồ sơ ${received.code} vào hàng đợi để gửi lại lên Cổng.`);
    await page.getByTestId('parked-empty').waitFor();
    await expectAccessible(page, 'the sync page at 1280px');
    await page.setViewportSize(PHONE);
    await page.getByRole('list', { name: 'Mã trạng thái gửi lên Cổng theo trạng thái hồ sơ' }).waitFor();
    await expectAccessible(page, `the sync page at ${PHONE.width}px`);
    await page.setViewportSize(DESKTOP);
  });

  it('edits the mapping: checks rows before saving, saves, and refuses a stale version with a way to reload', async () => {
    await page.goto(app.baseUrl + '/can-bo/dong-bo-cong-dvcqg');
    const statuses = tableRows(page, 'Mã trạng thái gửi lên Cổng theo trạng thái hồ sơ');
    await expect.poll(() => statuses.count()).toBe(11);
    const processing = statuses.filter({ has: page.getByRole('cell', { name: 'Đang xử lý', exact: true }) });
    expect(await processing.getByRole('cell').nth(1).textContent()).toBe('4 – Đang xử lý');

    // An agency row left empty is caught before anything is sent, and the problem leads to its input.
    await page.getByRole('button', { name: 'Thêm mã cơ quan' }).click();
    const unitSelect = page.getByRole('combobox', { name: 'Đơn vị của dòng 1' });
    await expect.poll(() => unitSelect.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Lưu bảng ánh xạ' }).click();
    const problems = page.getByTestId('mapping-problems');
    await problems.waitFor();
    expect(await problems.getByRole('link').allTextContents()).toEqual(['Mã cơ quan, dòng 1: Chọn đơn vị.', 'Mã cơ quan, dòng 1: Nhập mã cơ quan trên Cổng.']);
    await problems.getByRole('link', { name: 'Mã cơ quan, dòng 1: Chọn đơn vị.' }).click();
    await expect.poll(() => unitSelect.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'the mapping with problems at 1280px');
    await page.getByRole('button', { name: 'Xóa dòng 1 của mã cơ quan' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Thêm mã cơ quan' }).evaluate((el) => el === document.activeElement)).toBe(true);

    // A code for "stopped" (8, as built in) whatever the action, and 5 when a dossier is transferred: saved.
    await page.getByRole('combobox', { name: 'Mã gửi lên Cổng cho trạng thái “Dừng xử lý”' }).selectOption('8');
    await page.getByRole('button', { name: 'Thêm mã theo thao tác' }).click();
    await page.getByRole('combobox', { name: 'Thao tác của dòng 1' }).selectOption('transfer');
    await page.getByRole('combobox', { name: 'Mã gửi lên Cổng của dòng 1' }).selectOption('4');
    await page.getByRole('button', { name: 'Lưu bảng ánh xạ' }).click();
    await expect.poll(() => page.getByTestId('payment-notice').textContent()).toContain('Đã lưu bảng ánh xạ');
    const stored = (await admin.request('GET', '/api/v1/national-sync/mapping')).json() as PortalMapping;
    expect(stored.statuses).toEqual(
      expect.arrayContaining([
        { status: 'stopped', subStatus: '', portalCode: '8' },
        { status: 'processing', subStatus: 'transfer', portalCode: '4' },
      ]),
    );

    // Someone else saves meanwhile: the page's save is refused with the server's message and a way to reload.
    const put = await admin.request('PUT', '/api/v1/national-sync/mapping', { statuses: [], agencies: [], version: stored.version });
    expect(put.statusCode, put.body).toBe(200);
    await page.getByRole('combobox', { name: 'Mã gửi lên Cổng cho trạng thái “Dừng xử lý”' }).selectOption('');
    await page.getByRole('button', { name: 'Lưu bảng ánh xạ' }).click();
    const changed = page.getByTestId('mapping-changed');
    await changed.waitFor();
    expect(await changed.textContent()).toContain('vừa được người khác sửa');
    await expectAccessible(page, 'the mapping changed meanwhile at 1280px');
    await changed.getByRole('button', { name: /^Tải lại bảng ánh xạ/ }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Mã gửi lên Cổng cho trạng thái “Dừng xử lý”' }).inputValue()).toBe('');
    expect(await page.getByText('Chưa có mã riêng theo thao tác.').count()).toBe(1);
  });

  it('the monitor reads the same page without its buttons', async () => {
    const monitorSide = await browser.newContext({ viewport: DESKTOP });
    try {
      await loginAs(monitorSide, app.baseUrl, 'giamsat');
      const monitor = await monitorSide.newPage();
      await monitor.goto(app.baseUrl + '/can-bo/dong-bo-cong-dvcqg');
      await monitor.getByTestId('last-reconciliation').waitFor();
      await expect.poll(() => tableRows(monitor, 'Mã trạng thái gửi lên Cổng theo trạng thái hồ sơ').count()).toBe(11);
      for (const name of ['Đối soát ngay', 'Lưu bảng ánh xạ', 'Thêm mã cơ quan']) expect(await monitor.getByRole('button', { name }).count(), name).toBe(0);
      expect(await monitor.getByRole('combobox', { name: /^Mã gửi lên Cổng/ }).count()).toBe(0);
      await expectAccessible(monitor, 'the sync page read by the monitor');
    } finally {
      await monitorSide.close();
    }
  });
});
