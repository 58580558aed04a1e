import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startTestApp, type TestApp } from '../support/app.js';
import { parseSearchState, toSearchString } from '../../src/web/features/catalogue/search-state.js';
import { launchBrowser, seriousViolations } from './browser.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

/** Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ: commune level, 75.000 đồng, three components. */
const HOUSE_PERMIT = '1.009994';

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height)?.data;
}

/** Status and media type of a same-origin GET made by the page itself. */
function fetchFromPage(page: Page, url: string): Promise<{ status: number; type: string }> {
  return page.evaluate(async (u) => {
    const response = await fetch(u);
    return { status: response.status, type: response.headers.get('content-type') ?? '' };
  }, url);
}

const resultCount = (page: Page) => page.getByTestId('result-count').textContent();
const resultTitles = (page: Page) => page.locator('.catalogue-results h3').allTextContents();
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' });

/** The number of procedures found, once the count on screen says so (it may still read "Đang tìm…"). */
async function shownTotal(page: Page): Promise<number> {
  await expect.poll(() => resultCount(page)).toMatch(/^(Tìm thấy \d+|Không tìm thấy)/);
  return Number(/^Tìm thấy (\d+)/.exec((await resultCount(page)) ?? '')?.[1] ?? 0);
}

/** Waits until the results shown answer the search in the address bar. */
async function settled(page: Page): Promise<void> {
  const expected = toSearchString(parseSearchState(new URL(page.url()).searchParams));
  const count = page.getByTestId('result-count');
  await expect
    .poll(async () => `${await count.getAttribute('data-state')} ${await count.getAttribute('data-search')}`, { timeout: 10_000 })
    .toBe(`done ${expected}`);
}

describe('public procedure catalogue', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`has no serious accessibility violation and no sideways scrolling at ${viewport.width}px`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const pages: [string, (p: Page) => Promise<unknown>][] = [
        ['/thu-tuc?q=giay+phep+xay+dung', settled],
        ['/thu-tuc?don-vi=000.00.07.H37&linh-vuc=G11-XD01', settled],
        ['/thu-tuc?q=khong+co+thu+tuc+nay&cap=tinh', settled],
        [`/thu-tuc/${HOUSE_PERMIT}`, (p) => p.getByTestId('procedure-components').waitFor()],
        ['/thu-tuc/1.999999', (p) => p.getByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' }).waitFor()],
      ];
      for (const [path, ready] of pages) {
        await page.goto(app.baseUrl + path);
        await page.waitForSelector('main h1');
        await ready(page);
        expect(await seriousViolations(page), `${path} at ${viewport.width}px`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(0);
      }
      await context.close();
    });
  }

  it('finds "giấy phép xây dựng" typed without diacritics, and with a typo, as the citizen types', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(app.baseUrl + '/thu-tuc');
    await settled(page);
    await expect.poll(() => resultCount(page)).toMatch(/^Tìm thấy \d+ thủ tục/);

    await searchBox(page).fill('giay phep xay dung');
    // No Enter: the search runs after a pause in typing, and the address bar follows.
    await page.waitForURL((url) => url.searchParams.get('q') === 'giay phep xay dung');
    await settled(page);
    await expect.poll(() => resultCount(page)).toMatch(/^Tìm thấy \d+ thủ tục/);
    expect((await resultTitles(page))[0]?.toLowerCase()).toContain('giấy phép xây dựng');

    await searchBox(page).fill('giay phep xay dng');
    await page.waitForURL((url) => url.searchParams.get('q') === 'giay phep xay dng');
    await settled(page);
    expect((await resultTitles(page))[0]?.toLowerCase()).toContain('giấy phép xây dựng');

    await searchBox(page).fill('khong co thu tuc nay');
    await searchBox(page).press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'khong co thu tuc nay');
    await expect.poll(() => page.getByTestId('no-results').count()).toBe(1);
    await page.getByRole('link', { name: 'đăng ký khai sinh' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'đăng ký khai sinh');
    await expect.poll(() => searchBox(page).inputValue()).toBe('đăng ký khai sinh');
    await settled(page);
    expect((await resultTitles(page)).some((t) => t.includes('Đăng ký khai sinh'))).toBe(true);

    // Back walks through the searches; one burst of typing left one entry, not one per pause.
    for (const previous of ['khong co thu tuc nay', 'giay phep xay dng', null]) {
      await page.goBack();
      await page.waitForURL((url) => url.searchParams.get('q') === previous);
      await expect.poll(() => searchBox(page).inputValue()).toBe(previous ?? '');
    }
    await settled(page);
    await page.close();
  });

  it('keeps the home page search link, and puts filters and pages in the address bar so that Back works', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(app.baseUrl + '/');
    const homeSearch = page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' });
    await homeSearch.fill('giấy phép xây dựng');
    await homeSearch.press('Enter');
    await page.waitForURL(/\/thu-tuc\?q=/);
    await expect.poll(() => searchBox(page).inputValue()).toBe('giấy phép xây dựng');
    await settled(page);
    const all = await shownTotal(page);
    expect(all).toBeGreaterThan(1);

    await page.getByLabel('Cấp thực hiện').selectOption('commune');
    await page.waitForURL((url) => url.searchParams.get('cap') === 'xa' && url.searchParams.get('q') === 'giấy phép xây dựng');
    await settled(page);
    const communeOnly = await shownTotal(page);
    expect(communeOnly).toBeGreaterThan(0);
    expect(communeOnly).toBeLessThan(all);
    expect(await page.locator('.catalogue-results').getByText('Cấp tỉnh', { exact: true }).count()).toBe(0);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('cap'));
    await expect.poll(() => page.getByLabel('Cấp thực hiện').inputValue()).toBe('');
    await settled(page);
    await expect.poll(() => resultCount(page)).toBe(`Tìm thấy ${all} thủ tục`);

    // The whole catalogue runs over several pages; page links are real links, and focus follows.
    await page.goto(app.baseUrl + '/thu-tuc');
    await settled(page);
    const firstPage = await resultTitles(page);
    await page.getByRole('link', { name: 'Trang 2' }).click();
    await page.waitForURL((url) => url.searchParams.get('trang') === '2');
    await expect.poll(() => resultCount(page)).toMatch(/\(từ 11 đến 20\)/);
    expect(await resultTitles(page)).not.toEqual(firstPage);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ket-qua-tim-kiem');
    expect(await page.getByRole('link', { name: 'Trang 2' }).getAttribute('aria-current')).toBe('page');
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('trang'));
    await expect.poll(() => resultTitles(page)).toEqual(firstPage);
    await page.close();
  });

  it('narrows to a unit picked by name without diacritics, and links its printable listing and Atom feed', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(app.baseUrl + '/thu-tuc');
    await settled(page);
    expect(await page.getByRole('link', { name: /In danh mục thủ tục của đơn vị/ }).count()).toBe(0);

    const unitPicker = page.getByRole('combobox', { name: 'Đơn vị thực hiện' });
    await unitPicker.click();
    await unitPicker.fill('so xay dung');
    await page.getByRole('option', { name: 'Sở Xây dựng' }).click();
    await page.waitForURL((url) => url.searchParams.get('don-vi') === '000.00.07.H37');
    await settled(page);
    await expect.poll(() => resultCount(page)).toMatch(/^Tìm thấy \d+ thủ tục/);

    const pdf = page.getByRole('link', { name: 'In danh mục thủ tục của đơn vị (PDF, A4)' });
    expect(await pdf.getAttribute('href')).toBe('/api/v1/units/000.00.07.H37/procedures.pdf');
    const pdfResponse = await fetchFromPage(page, '/api/v1/units/000.00.07.H37/procedures.pdf');
    expect(pdfResponse.status).toBe(200);
    expect(pdfResponse.type).toContain('application/pdf');

    const feed = page.getByRole('link', { name: 'Theo dõi thay đổi (Atom)' });
    expect(await feed.getAttribute('href')).toBe('/api/v1/catalogue/feed.atom?unit=000.00.07.H37');
    const feedResponse = await fetchFromPage(page, '/api/v1/catalogue/feed.atom?unit=000.00.07.H37');
    expect(feedResponse.status).toBe(200);
    expect(feedResponse.type).toContain('application/atom+xml');
    await page.close();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`shows a procedure in full, with a QR code that leads back to the same page, at ${viewport.width}px`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(app.baseUrl + '/thu-tuc?q=giay+phep+xay+dung+nha+o+rieng+le');
      await settled(page);
      const name = 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ';
      await page.getByRole('link', { name, exact: true }).click();
      await page.waitForURL(`**/thu-tuc/${HOUSE_PERMIT}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();

      expect(await page.getByTestId('procedure-code').textContent()).toBe(HOUSE_PERMIT);
      const components = page.getByTestId('procedure-components');
      await expect.poll(() => components.textContent()).toContain('Đơn đề nghị cấp giấy phép xây dựng');
      const componentsText = (await components.textContent()) ?? '';
      expect(componentsText).toContain('Bản chính');
      expect(componentsText).toContain('Bản sao');
      expect(componentsText).toContain('02 bản');
      expect(componentsText).toContain('mẫu số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP');
      expect(await page.getByTestId('fee-headline').textContent()).toBe('75.000 đồng');
      expect(await page.getByTestId('procedure-fees').textContent()).toContain('75.000 đồng');
      expect(await page.getByTestId('procedure-decision').textContent()).toBe('Công bố tại Quyết định số 1620/QĐ-UBND ngày 22/08/2025.');
      expect(await page.getByTestId('procedure-legal-bases').textContent()).toContain('Có hiệu lực từ ngày 01/01/2015');
      expect(await page.getByRole('heading', { level: 2, name: 'Các bước giải quyết' }).count()).toBe(1);
      expect(await page.getByTestId('process-total').textContent()).toMatch(/^Tổng thời gian các bước: \d+ ngày làm việc/);

      // The QR code: an image the server really serves, and a PNG whose content is this page's address.
      const qr = page.getByRole('img', { name: `Mã QR dẫn đến trang thủ tục ${name}` });
      await qr.waitFor();
      const src = await qr.getAttribute('src');
      expect(src).toBe(`/api/v1/procedures/${HOUSE_PERMIT}/qr.svg`);
      const svg = await fetchFromPage(page, src!);
      expect(svg.status).toBe(200);
      expect(svg.type).toMatch(/^image\//);
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const pngHref = await page.getByRole('link', { name: 'Tải mã QR (ảnh PNG)' }).getAttribute('href');
      expect(pngHref).toBe(`/api/v1/procedures/${HOUSE_PERMIT}/qr.png`);
      const png = await context.request.get(app.baseUrl + pngHref);
      expect(png.headers()['content-type']).toContain('image/png');
      const encoded = decodeQr(await png.body());
      expect(encoded).toBe(`${app.baseUrl}/thu-tuc/${HOUSE_PERMIT}`);

      await page.getByRole('link', { name: /Quay lại kết quả tìm kiếm/ }).click();
      await page.waitForURL((url) => url.pathname === '/thu-tuc' && url.searchParams.get('q') === 'giay phep xay dung nha o rieng le');

      // Scanning the code opens the page directly, without going through the search.
      await page.goto(encoded!);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      expect(await page.getByTestId('procedure-code').textContent()).toBe(HOUSE_PERMIT);
      await context.close();
    });
  }

  it('says "Không thu phí" for a free procedure, in the results and on its page', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/procedures?q=dang+ky+khai+sinh&pageSize=50`);
    const { items } = (await res.json()) as { items: { code: string; name: string; hasFee: boolean }[] };
    const free = items.find((p) => !p.hasFee);
    expect(free, 'a free procedure among the civil-status ones').toBeDefined();
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${app.baseUrl}/thu-tuc?q=${encodeURIComponent(free!.name)}`);
    await settled(page);
    const card = page.locator('article', { has: page.getByRole('link', { name: free!.name, exact: true }) });
    expect(await card.getByText('Không thu phí', { exact: true }).count()).toBe(1);
    await page.goto(`${app.baseUrl}/thu-tuc/${free!.code}`);
    await page.getByRole('heading', { level: 1, name: free!.name }).waitFor();
    expect(await page.getByTestId('fee-headline').textContent()).toBe('Không thu phí');
    expect(await page.getByTestId('procedure-fees').textContent()).toBe('Không thu phí');
    await page.close();
  });

  it('answers an unknown or malformed code with a friendly page', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    for (const code of ['1.999999', 'khong-phai-ma']) {
      await page.goto(`${app.baseUrl}/thu-tuc/${code}`);
      await page.getByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' }).waitFor();
      expect(await page.title()).toContain('Không tìm thấy thủ tục');
      expect(await page.getByRole('link', { name: 'Xem danh mục thủ tục hành chính' }).count()).toBe(1);
    }
    await page.close();
  });
});
