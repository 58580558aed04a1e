import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { expectNoSidewaysScroll, launchBrowser, loginAs, seriousViolations, transitionsDone, VIEWPORTS } from './browser.js';
import { seedDossiers } from '../../src/application/seed/seed-dossiers.js';
import { rebuildStatistics } from '../../src/application/scorecard/statistics-rebuild.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';

const PROVINCE = '000.00.00.H37';
const TAM_THANH = '000.00.31.H37';

interface Indicator {
  id: string;
  numerator: number;
  denominator: number;
  points: number;
  maxPoints: number;
}

const count = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

async function downloadedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** The dashboard is there with its charts drawn (map of units, trend lines). */
async function dashboardReady(page: Page): Promise<void> {
  await page.getByTestId('tong-diem').waitFor();
  await page.locator('#du-bao').waitFor();
  await page.getByTestId('du-bao-cuoi-ky').waitFor({ timeout: 30_000 });
  await page.locator('#xu-huong-total').waitFor({ timeout: 30_000 });
  await page.getByTestId('bang-thoi-gian-giai-quyet').waitFor();
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
  await expectNoSidewaysScroll(page, what);
}

describe('scorecard dashboards: the Decision 766 card, drill-down, definitions and the settlement report', () => {
  let app: TestApp;
  let browser: Browser;
  const to = vietnamDate(new Date());
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  const range = `tu-ngay=${from}&den-ngay=${to}`;

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000' } });
    await seedDossiers(app.ctx.deps, { count: 400, seed: 3 });
    await rebuildStatistics(app.ctx.deps.db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('the monitor opens the province, drills down from 2.1 to a late dossier, opens it, and exports the settlement report', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[0] });
    await loginAs(context, app.baseUrl, 'giamsat');
    const page = await context.newPage();

    // The menu leads to the dashboard, which opens on the monitor's own unit: the province.
    await page.goto(app.baseUrl + '/can-bo');
    const menu = page.getByRole('navigation', { name: 'Chức năng' });
    await menu.getByRole('link', { name: 'Chỉ số 766' }).click();
    await page.waitForURL(/\/can-bo\/chi-so$/);
    await page.getByTestId('tong-diem').waitFor();
    expect(await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).inputValue()).toBe('Ủy ban nhân dân tỉnh Lạng Sơn');
    await expect.poll(() => page.getByRole('heading', { name: 'Tổng điểm: Ủy ban nhân dân tỉnh Lạng Sơn' }).count()).toBe(1);

    // A custom range: the past year, picked in the period picker.
    const kind = page.getByRole('combobox', { name: 'Kỳ báo cáo' });
    await kind.click();
    await page.getByRole('option', { name: 'Khoảng ngày tùy chọn' }).click();
    await page.getByLabel('Từ ngày').fill(from);
    await page.getByLabel('Đến ngày').fill(to);
    await page.waitForURL((url) => url.searchParams.get('tu-ngay') === from && url.searchParams.get('den-ngay') === to);

    const card = (await (await context.request.get(`${app.baseUrl}/api/v1/scorecard?unit=${PROVINCE}&from=${from}&to=${to}`)).json()) as {
      total: number;
      groups: { indicators: Indicator[] }[];
    };
    const i21 = card.groups.flatMap((g) => g.indicators).find((i) => i.id === '2.1')!;
    expect(i21.numerator).toBeLessThan(i21.denominator);
    const item = page.getByTestId('chi-so-2.1');
    await expect.poll(() => item.textContent()).toContain(`(${count(i21.numerator)}/${count(i21.denominator)})`);
    expect(await item.textContent()).toContain(`${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(i21.points)}/20`);
    expect(await page.getByTestId('tong-diem').textContent()).toContain(new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(card.total));
    // Indicator 2.2 per procedure, slowest first against its time limit, as the API has it.
    const times = (await (await context.request.get(`${app.baseUrl}/api/v1/scorecard/settlement-times?unit=${PROVINCE}&from=${from}&to=${to}`)).json()) as {
      rows: { name: string; settled: number; average: number }[];
    };
    expect(times.rows.length).toBeGreaterThan(0);
    const firstTime = page.getByTestId('bang-thoi-gian-giai-quyet').getByRole('row').nth(1);
    await expect.poll(() => firstTime.getByRole('rowheader').textContent()).toContain(times.rows[0]!.name);
    expect(await firstTime.textContent()).toContain(new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(times.rows[0]!.average));
    await page.getByRole('heading', { name: 'Đơn vị trực thuộc' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByTestId('bang-xep-hang')
          .getByText(/^Chưa đủ mẫu \(n < \d+\)$/)
          .count(),
      )
      .toBeGreaterThan(0);

    // Keyboard: the indicator is a link; Enter opens its drill-down.
    await item.getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/can-bo\/chi-so\/chi-tiet\/2\.1\?/);
    await page.getByRole('heading', { level: 1, name: /^Chỉ số 2\.1: Hồ sơ xử lý trước hạn, đúng hạn$/ }).waitFor();
    const cards = page.getByRole('list', { name: 'Hồ sơ làm mất điểm' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(Math.min(20, i21.denominator - i21.numerator));
    let late = cards.filter({ hasText: /Kết thúc xử lý sau ngày hẹn trả/ });
    for (let more = 0; (await late.count()) === 0 && more < 10; more++) {
      const shown = await cards.count();
      await page.getByRole('button', { name: 'Xem thêm' }).click();
      await expect.poll(() => cards.count()).toBeGreaterThan(shown);
      late = cards.filter({ hasText: /Kết thúc xử lý sau ngày hẹn trả/ });
    }
    const first = late.first();
    expect(await first.getByTestId('ly-do').textContent()).toMatch(
      /Kết thúc xử lý sau ngày hẹn trả: kết thúc lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}, sau hạn .*vượt/,
    );

    // The list as Excel, fetched with the Accept header and handed over as a download.
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(sheet.suggestedFilename()).toBe(`chi-so-2.1-${PROVINCE}-${from}-${to}.xlsx`);
    expect((await downloadedBytes(sheet)).subarray(0, 2).toString('latin1')).toBe('PK');

    // The dossier that cost points opens on its own page.
    const link = first.getByRole('link');
    const code = (await link.textContent())!.trim();
    await link.click();
    await page.waitForURL(/\/can-bo\/ho-so\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();

    // The settlement report, from the menu, exported as Excel with its totals row.
    await menu.getByRole('link', { name: 'Báo cáo giải quyết TTHC' }).click();
    await page.getByTestId('bang-bao-cao').waitFor();
    const report = (await (
      await context.request.get(`${app.baseUrl}/api/v1/reports/settlement?unit=${PROVINCE}&period=${to.slice(0, 4)}&cutoffDay=1`)
    ).json()) as { total: { onTimeRate: number | null } };
    const rate = report.total.onTimeRate;
    expect(await page.getByTestId('ty-le-tong').textContent()).toBe(rate === null ? '—' : `${rate.toFixed(2).replace('.', ',')}%`);
    expect(await page.getByRole('columnheader', { name: 'Quá hạn có xin lỗi' }).count()).toBe(1);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    const bytes = await downloadedBytes(xlsx);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const names: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => names.push(row.getCell(2).value));
    expect(names).toContain('Tổng cộng');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất PDF' }).click()]);
    expect((await downloadedBytes(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  });

  it('a tile of the map of units opens that unit’s dashboard', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[0] });
    await loginAs(context, app.baseUrl, 'giamsat');
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/can-bo/chi-so?don-vi=${PROVINCE}&${range}`);
    const map = page.getByTestId('ban-do-diem');
    await map.locator('svg').waitFor();
    expect(await map.getAttribute('aria-label')).toMatch(/^Bản đồ điểm của \d+ đơn vị trực thuộc/);
    await map.click({ position: { x: 12, y: 12 } });
    await page.waitForURL((url) => (url.searchParams.get('don-vi') ?? PROVINCE) !== PROVINCE);
    const unit = new URL(page.url()).searchParams.get('don-vi')!;
    const units = (await (await context.request.get(`${app.baseUrl}/api/v1/units`)).json()) as {
      units: { code: string; name: string; parentCode: string | null }[];
    };
    const picked = units.units.find((u) => u.code === unit)!;
    expect(picked.parentCode).toBe(PROVINCE);
    await page.getByRole('heading', { name: `Tổng điểm: ${picked.name}` }).waitFor();
    expect(new URL(page.url()).searchParams.get('tu-ngay')).toBe(from);
    await context.close();
  });

  /** Each page of the feature, opened as the monitor, and what shows it is there. */
  const PAGES: { name: string; path: () => string; ready: (page: Page) => Promise<void> }[] = [
    { name: 'dashboard', path: () => `/can-bo/chi-so?don-vi=${PROVINCE}&${range}`, ready: dashboardReady },
    {
      name: 'drill-down to dossiers',
      path: () => `/can-bo/chi-so/chi-tiet/2.1?don-vi=${PROVINCE}&${range}`,
      ready: (page) => page.getByTestId('ly-do').first().waitFor(),
    },
    {
      name: 'drill-down to procedures',
      path: () => `/can-bo/chi-so/chi-tiet/3.5b?don-vi=${PROVINCE}&${range}`,
      ready: (page) => page.getByRole('list', { name: 'Thủ tục làm mất điểm' }).waitFor(),
    },
    {
      name: 'definitions',
      path: () => '/can-bo/chi-so/dinh-nghia',
      ready: async (page) => {
        await page.getByRole('heading', { name: '2.1. Hồ sơ xử lý trước hạn, đúng hạn' }).waitFor();
        expect(await page.getByText(/^Hồ sơ kết thúc xử lý \(hoặc còn đang xử lý\) không muộn hơn ngày hẹn trả/).count()).toBe(1);
        await page.getByRole('heading', { name: '2.2. Thời gian giải quyết trung bình theo thủ tục' }).waitFor();
      },
    },
    {
      name: 'settlement report',
      path: () => `/can-bo/bao-cao-giai-quyet?don-vi=${PROVINCE}&ky=${to.slice(0, 4)}&ngay-chot=15&theo=linh-vuc`,
      ready: async (page) => {
        await page.getByTestId('bang-bao-cao').waitFor();
        expect(await page.getByRole('radio', { name: /Ngày 15/ }).isChecked()).toBe(true);
        expect(await page.getByRole('columnheader', { name: 'Lĩnh vực' }).count()).toBe(1);
      },
    },
  ];

  for (const viewport of VIEWPORTS) {
    for (const target of PAGES) {
      it(`the ${target.name} page has no serious accessibility violation and no sideways scroll at ${viewport.width}px`, async () => {
        const context = await browser.newContext({ viewport });
        await loginAs(context, app.baseUrl, 'giamsat');
        const page = await context.newPage();
        await page.goto(app.baseUrl + target.path());
        await target.ready(page);
        await expectAccessible(page, `${target.name} at ${viewport.width}px`);
        if (target.name === 'settlement report' && viewport.width < 800) {
          // The table scrolls inside its own container, not the page.
          expect(await page.getByTestId('bang-bao-cao').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
        }
        await context.close();
      });
    }
  }

  it('a ward leader sees the ward’s dashboard by default and gets no province data', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[1] });
    await loginAs(context, app.baseUrl, 'lanhdao.tamthanh');
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      // Every request for figures names the ward (the province's settings name no unit).
      const url = request.url();
      if ((url.includes('/api/v1/scorecard') || url.includes('/api/v1/reports')) && !url.includes('/api/v1/scorecard/settings')) asked.push(url);
    });
    await page.goto(app.baseUrl + '/can-bo/chi-so');
    await page.getByRole('heading', { name: 'Tổng điểm: Phường Tam Thanh' }).waitFor();
    await dashboardReady(page);
    await page.getByRole('heading', { name: 'Đơn vị trực thuộc' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).inputValue()).toBe('Phường Tam Thanh');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((url) => new URL(url).searchParams.get('unit') === TAM_THANH)).toBe(true);

    // The unit picker offers only the ward.
    await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).click();
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    expect(await page.getByRole('option', { name: 'Ủy ban nhân dân tỉnh Lạng Sơn' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // Asking for the province anyway is refused by the server, and nothing of it is shown.
    await page.goto(`${app.baseUrl}/can-bo/chi-so?don-vi=${PROVINCE}`);
    await page.getByText('Không tải được chỉ số').waitFor();
    expect(await page.getByTestId('tong-diem').count()).toBe(0);
    expect(await page.getByTestId('bang-xep-hang').count()).toBe(0);
    await page.getByRole('link', { name: 'Xem chỉ số của đơn vị mình' }).click();
    await page.getByRole('heading', { name: 'Tổng điểm: Phường Tam Thanh' }).waitFor();
    await context.close();
  });
});
