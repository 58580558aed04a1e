/**
 * The reform index in the browser (issue 23). The monitor ('giamsat') imports a commune-level scheme from an Excel
 * workbook through the page (the workbook is the export of the same scheme made through the API; a broken file first,
 * refused with its reason), and opens a round for Phường Tam Thanh and Xã Cao Lộc. The ward's specialist scores two
 * sub-criteria, attaches a PDF and sees the automatic figures with the links to their proof; the ward's leader is told
 * which sub-criterion still lacks evidence, adds a link, and submits. The monitor changes one score with a reason,
 * finishes the appraisal, enters the survey's results and closes the round; the ranking table and the radar chart (an
 * SVG with its accessible name) appear, with last year's demo round as the comparison. axe-core finds no serious or
 * critical violation on any page; the round's page does not scroll sideways at 375 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { COMMUNE_SCHEME } from '../support/par-index.js';
import { expectNoSidewaysScroll, launchBrowser, loginAs, minimalPdf, seriousViolations, transitionsDone } from './browser.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const WARD = '000.00.31.H37';
const YEAR = new Date().getFullYear();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SOURCE = 'Chỉ số CCHC cấp xã (mẫu để xuất Excel)';
const IMPORTED = 'Chỉ số CCHC cấp xã (nhập từ Excel)';
const ROUND = `Đánh giá CCHC phường, xã thí điểm năm ${YEAR}`;
const PERIOD = `don-vi=${WARD}&tu-ngay=${YEAR}-01-01&den-ngay=${YEAR}-12-31`;

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
}

/** The answer next to the form an action came from (a notice, or a refusal). */
async function expectNotice(scope: Locator | Page, text: string): Promise<void> {
  await expect.poll(async () => ((await scope.getByTestId('par-notice').allTextContents()) ?? []).join(' | ')).toContain(text);
}

/** A sub-criterion of the assessment page, by its code. */
const sub = (page: Page, code: string) => page.getByTestId(`tieu-chi-${code}`);

describe('the reform index: a scheme from Excel, a round, self-assessment with evidence, appraisal, ranking and radar', () => {
  let app: TestApp;
  let browser: Browser;
  let workbook: Buffer;
  const contexts: BrowserContext[] = [];
  let roundUrl = '';

  async function pageOf(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP });
    contexts.push(context);
    await loginAs(context, app.baseUrl, username);
    return context.newPage();
  }

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000' } });
    // The workbook: the scheme made through the API, exported as the page's "Tải Excel" gives it.
    const monitor = await Client.official(app, 'giamsat');
    const made = await monitor.request('POST', '/api/v1/par/schemes', { year: YEAR, level: 'commune', name: SOURCE, definition: COMMUNE_SCHEME });
    expect(made.statusCode, made.body).toBe(201);
    const xlsx = await monitor.request('GET', `/api/v1/par/schemes/${(made.json() as { id: string }).id}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    workbook = xlsx.rawPayload;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  it('the monitor imports the scheme from its workbook and opens a round for two communes', async () => {
    const page = await pageOf('giamsat');
    await page.goto(app.baseUrl + '/can-bo');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Chỉ số CCHC' }).click();
    await page.waitForURL(/\/can-bo\/chi-so-cai-cach$/);
    await page.getByRole('heading', { level: 1, name: 'Chỉ số cải cách hành chính' }).waitFor();
    await page.getByTestId('par-schemes').getByRole('cell', { name: SOURCE, exact: true }).waitFor();
    await expectAccessible(page, 'the index page');

    const form = page.getByTestId('par-import');
    await form.getByLabel('Năm áp dụng').fill(String(YEAR));
    await form.getByLabel('Cấp đánh giá').selectOption('commune');
    await form.getByLabel('Tên bộ chỉ số').fill(IMPORTED);
    // Not a workbook: refused with the reason.
    await form.getByLabel('Tệp Excel bộ chỉ số (.xlsx)').setInputFiles({ name: 'hong.xlsx', mimeType: XLSX, buffer: Buffer.from('không phải tệp Excel') });
    await form.getByRole('button', { name: 'Nhập bộ chỉ số' }).click();
    await expect.poll(() => form.getByTestId('par-error').textContent()).toContain('Bộ chỉ số không hợp lệ');
    await form.getByLabel('Tệp Excel bộ chỉ số (.xlsx)').setInputFiles({ name: 'bo-chi-so-cap-xa.xlsx', mimeType: XLSX, buffer: workbook });
    await form.getByRole('button', { name: 'Nhập bộ chỉ số' }).click();
    await expectNotice(form, `Đã nhập bộ chỉ số “${IMPORTED}” năm ${YEAR} (Cấp xã): 5 tiêu chí thành phần, tối đa 7,5 điểm.`);
    const row = page.getByTestId('par-schemes').getByRole('row').filter({ hasText: IMPORTED });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole('link', { name: /^Tải Excel/ }).getAttribute('href')).toMatch(/^\/api\/v1\/par\/schemes\/[0-9a-f-]+\/xlsx$/);
    // Next year's scheme starts as a copy, to amend.
    await row.getByRole('button', { name: /^Sao chép sang năm/ }).click();
    const copy = page.getByRole('dialog', { name: 'Sao chép bộ chỉ số sang năm khác' });
    expect(await copy.getByLabel('Năm áp dụng').inputValue()).toBe(String(YEAR + 1));
    expect(await copy.getByLabel('Tên bộ chỉ số mới').inputValue()).toBe(`${IMPORTED} năm ${YEAR + 1}`);
    await expectAccessible(page, 'the copy dialog');
    await copy.getByRole('button', { name: 'Sao chép', exact: true }).click();
    await expectNotice(page, `Đã sao chép thành bộ chỉ số “${IMPORTED} năm ${YEAR + 1}” năm ${YEAR + 1}.`);
    await page
      .getByTestId('par-schemes')
      .getByRole('cell', { name: `${IMPORTED} năm ${YEAR + 1}`, exact: true })
      .waitFor();

    const open = page.getByTestId('par-open-round');
    await open.getByLabel('Bộ chỉ số').selectOption({ label: `${YEAR} · ${IMPORTED} (Cấp xã)` });
    await open.getByLabel('Tên đợt đánh giá').fill(ROUND);
    expect(await open.getByLabel('Năm đánh giá').inputValue()).toBe(String(YEAR));
    await open.getByLabel('Hạn tự đánh giá').fill(`31/13/${YEAR}`);
    await open.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
    await open.getByText('Nhập hạn dạng ngày/tháng/năm, ví dụ 31/12/2026.').waitFor();
    await open.getByLabel('Hạn tự đánh giá').fill(`31/12/${YEAR}`);
    await open.getByLabel('Lọc theo tên đơn vị').fill('tam thanh');
    await open.getByRole('checkbox', { name: 'Phường Tam Thanh' }).check();
    await open.getByLabel('Lọc theo tên đơn vị').fill('Cao Lộc');
    await open.getByRole('checkbox', { name: 'Xã Cao Lộc' }).check();
    await open.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
    await expectNotice(open, `Đã mở đợt “${ROUND}” cho 2 đơn vị.`);
    await open.getByRole('link', { name: 'Xem đợt đánh giá vừa mở' }).click();
    await page.waitForURL(/\/can-bo\/chi-so-cai-cach\/dot\/[0-9a-f-]+$/);
    roundUrl = page.url();
    await page.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    const units = page.getByTestId('par-round-units');
    await expect.poll(() => units.getByRole('row').count()).toBe(3);
    expect(await units.textContent()).toContain('Đang tự đánh giá');
    await expectAccessible(page, 'the open round');
  });

  it("the ward's specialist scores with evidence and sees the automatic figures' proof; the leader submits", async () => {
    const page = await pageOf('chuyenvien.tamthanh');
    await page.goto(app.baseUrl + '/can-bo/chi-so-cai-cach');
    await page.getByRole('heading', { level: 1, name: 'Chỉ số cải cách hành chính' }).waitFor();
    await page.getByTestId('par-rounds').getByRole('link', { name: ROUND }).click();
    await page.waitForURL(`${roundUrl}/don-vi/${WARD}`);
    await page.getByRole('heading', { level: 1, name: `Phường Tam Thanh: tự đánh giá Chỉ số CCHC năm ${YEAR}` }).waitFor();

    await sub(page, '1.1.1').getByRole('radio', { name: 'Có (1 điểm)' }).check();
    await sub(page, '1.1.1').getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await expectNotice(sub(page, '1.1.1'), 'Đã lưu điểm tự chấm tiêu chí 1.1.1.');
    await expect.poll(() => sub(page, '1.1.1').getByTestId('tu-cham-1.1.1').textContent()).toBe('Có: 1/1 điểm');
    await sub(page, '1.1.2').getByRole('radio', { name: 'Hoàn thành 100% (1,5 điểm)' }).check();
    await sub(page, '1.1.2').getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await expectNotice(sub(page, '1.1.2'), 'Đã lưu điểm tự chấm tiêu chí 1.1.2.');
    await expect.poll(() => page.getByTestId('par-total-self').textContent()).toMatch(/^2,5\/7,5 điểm/);

    // The automatic figures: from the system, each with the page that proves it for the ward and the year.
    const onTime = sub(page, '3.1.1');
    expect(await onTime.textContent()).toContain('Số liệu tự động từ hệ thống');
    expect(await onTime.getByRole('link', { name: /^Xem số liệu chứng minh/ }).getAttribute('href')).toBe(`/can-bo/bao-cao-giai-quyet?${PERIOD}`);
    expect(
      await sub(page, '3.1.2')
        .getByRole('link', { name: /^Xem số liệu chứng minh/ })
        .getAttribute('href'),
    ).toBe(`/can-bo/chi-so/chi-tiet/5.2?${PERIOD}`);
    expect(await sub(page, '3.1.3').textContent()).toContain('Chấm theo kết quả điều tra xã hội học');

    // A PDF as the evidence of 1.1.1.
    await sub(page, '1.1.1').getByText('Thêm tài liệu kiểm chứng').click();
    await sub(page, '1.1.1')
      .getByLabel('Tệp kiểm chứng (PDF, PNG hoặc JPEG, tối đa 10 MB)')
      .setInputFiles({ name: 'Ke-hoach-CCHC-nam.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await sub(page, '1.1.1').getByRole('button', { name: 'Tải tệp lên' }).click();
    await expectNotice(sub(page, '1.1.1'), 'Đã thêm tệp “Ke-hoach-CCHC-nam.pdf”.');
    const file = sub(page, '1.1.1').getByTestId('minh-chung-1.1.1').getByRole('link', { name: 'Ke-hoach-CCHC-nam.pdf' });
    expect(await file.getAttribute('href')).toMatch(new RegExp(`/units/${WARD}/evidence/[0-9a-f-]+$`));
    await expectAccessible(page, "the ward's assessment while scoring");

    // The leader: refused while 1.1.2 has no evidence, told which; adds a link, and submits.
    const lead = await pageOf('lanhdao.tamthanh');
    await lead.goto(`${roundUrl}/don-vi/${WARD}`);
    await lead.getByRole('button', { name: 'Gửi kết quả tự đánh giá' }).click();
    await expect.poll(() => lead.getByTestId('par-error').textContent()).toContain('1.1.2: cần tài liệu kiểm chứng (Báo cáo kết quả thực hiện kế hoạch)');
    await sub(lead, '1.1.2').getByText('Thêm tài liệu kiểm chứng').click();
    await sub(lead, '1.1.2').getByLabel('Tên tài liệu').fill('Báo cáo kết quả giải quyết TTHC năm');
    await sub(lead, '1.1.2').getByLabel('Địa chỉ liên kết').fill(`${app.baseUrl}/can-bo/bao-cao-giai-quyet?${PERIOD}`);
    await sub(lead, '1.1.2').getByRole('button', { name: 'Thêm liên kết' }).click();
    await expectNotice(sub(lead, '1.1.2'), 'Đã thêm liên kết “Báo cáo kết quả giải quyết TTHC năm”.');
    const link = sub(lead, '1.1.2').getByRole('link', { name: /^Báo cáo kết quả giải quyết TTHC năm/ });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await lead.getByRole('button', { name: 'Gửi kết quả tự đánh giá' }).click();
    await expectNotice(lead, 'Đã gửi kết quả tự đánh giá tới cơ quan thẩm định.');
    await expect.poll(() => lead.getByText('Đã gửi, chờ thẩm định').count()).toBeGreaterThan(0);
  });

  it('the monitor changes a score with a reason, finishes, enters the survey, closes the round: the ranking and the radar appear', async () => {
    const page = await pageOf('giamsat');
    await page.goto(roundUrl);
    await page.getByRole('link', { name: 'Thẩm định kết quả của Phường Tam Thanh' }).click();
    await page.waitForURL(`${roundUrl}/don-vi/${WARD}`);
    await page.getByRole('heading', { level: 2, name: 'Kết luận thẩm định' }).waitFor();

    const changed = sub(page, '1.1.2');
    await changed.getByLabel('Điểm thẩm định (từ 0 đến 1,5)').fill('0,75');
    await changed.getByRole('button', { name: /^Lưu điểm thẩm định/ }).click();
    await changed.getByText('Nêu lý do khi điểm thẩm định khác điểm đơn vị tự chấm.').waitFor();
    await changed.getByLabel('Lý do').fill('Báo cáo cho thấy kế hoạch hoàn thành 85%, chưa đạt 100%');
    await changed.getByRole('button', { name: /^Lưu điểm thẩm định/ }).click();
    await expectNotice(changed, 'Đã lưu điểm thẩm định tiêu chí 1.1.2: 0,75 điểm.');
    await expect.poll(() => changed.getByTestId('tham-dinh-1.1.2').textContent()).toBe('0,75/1,5 điểm');
    expect(await changed.getByTestId('tu-cham-1.1.2').textContent()).toBe('Hoàn thành 100%: 1,5/1,5 điểm');
    expect(await changed.textContent()).toContain('Lý do: Báo cáo cho thấy kế hoạch hoàn thành 85%, chưa đạt 100%');
    await expectAccessible(page, 'the appraisal');
    await page.getByRole('button', { name: 'Hoàn thành thẩm định' }).click();
    await expectNotice(page, 'Đã hoàn thành thẩm định kết quả của đơn vị.');

    await page.getByRole('link', { name: '‹ Đợt đánh giá' }).click();
    await page.waitForURL(roundUrl);
    const survey = page.getByTestId('par-survey');
    await survey.getByLabel('Tỷ lệ hài lòng (%) 3.1.3 của Phường Tam Thanh').fill('83,94');
    await survey.getByLabel('Tỷ lệ hài lòng (%) 3.1.3 của Xã Cao Lộc').fill('90');
    await survey.getByRole('button', { name: 'Lưu kết quả điều tra' }).click();
    await expectNotice(survey, 'Đã lưu 2 kết quả điều tra xã hội học.');

    await page.getByRole('button', { name: 'Kết thúc đợt', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Kết thúc đợt đánh giá?' });
    await expectAccessible(page, 'the confirmation to close');
    await dialog.getByRole('button', { name: 'Xác nhận kết thúc đợt' }).click();
    await expectNotice(page, `Đã kết thúc đợt “${ROUND}”`);
    await expect.poll(() => page.getByTestId('par-round-units').textContent()).toContain('Đã thẩm định');

    // The ranking: both communes, the ward's field 1 at 1 + 0,75 (the appraisers' points), shares with a decimal comma.
    const ranking = page.getByTestId('par-ranking');
    const ward = ranking.getByRole('row').filter({ hasText: 'Phường Tam Thanh' });
    await expect.poll(() => ward.count()).toBe(1);
    expect(await ranking.getByRole('row').filter({ hasText: 'Xã Cao Lộc' }).count()).toBe(1);
    const cells = await ward.getByRole('cell').allTextContents();
    expect(cells[2]).toBe('1,75');
    expect(cells[cells.length - 2]).toMatch(/^\d{1,3},\d{2}%$/);
    // Last year's demo round of the communes: the change of rank is told.
    expect(cells[cells.length - 1]).toMatch(/^(↑\d+|↓\d+|=)/);
    // The radar of a unit chosen in the list: an SVG named by its title, with the table of the same figures.
    const chooser = page.getByRole('combobox', { name: 'Đơn vị', exact: true });
    await chooser.selectOption({ label: 'Phường Tam Thanh' });
    const radar = page.getByRole('img', { name: 'Biểu đồ radar theo lĩnh vực: Phường Tam Thanh' });
    await radar.waitFor();
    expect(await radar.evaluate((e) => e.tagName.toLowerCase())).toBe('svg');
    expect(await radar.locator('polygon').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('par-radar-table').textContent()).toContain('LV 1. Công tác chỉ đạo, điều hành cải cách hành chính');
    await chooser.selectOption({ label: 'Xã Cao Lộc' });
    await page.getByRole('img', { name: 'Biểu đồ radar theo lĩnh vực: Xã Cao Lộc' }).waitFor();
    await page.getByTestId('par-year-over-year').waitFor();
    expect(await page.getByRole('link', { name: 'Báo cáo kết quả (PDF)' }).getAttribute('href')).toMatch(/\/report\.pdf$/);
    await expectAccessible(page, 'the closed round with its results');

    // On a phone: the page as it opens there, its tables scrolling inside their own boxes.
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('img', { name: /^Biểu đồ radar theo lĩnh vực/ }).waitFor();
    await page.getByTestId('par-year-over-year').locator('svg').waitFor();
    await expectNoSidewaysScroll(page, 'the closed round at 375px');
    await expectAccessible(page, 'the closed round at 375px');
  });
});
