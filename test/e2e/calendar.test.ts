import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchBrowser, loginAs, seriousViolations, expectNoSidewaysScroll, transitionsDone, VIEWPORTS } from './browser.js';

/** Fill the calculator and compute; resolves once the due date is shown. */
async function computeDue(page: Page, input: { date: string; time: string; amount: string; unit: string; agency?: string }): Promise<string> {
  await page.getByLabel('Ngày tiếp nhận').fill(input.date);
  await page.getByLabel('Giờ tiếp nhận').fill(input.time);
  await page.getByLabel('Thời hạn giải quyết').fill(input.amount);
  await page.getByLabel('Tính theo').selectOption({ label: input.unit });
  if (input.agency) {
    const agency = page.getByRole('combobox', { name: /Cơ quan giải quyết/ });
    await agency.click();
    await agency.fill(input.agency);
    await page.getByRole('option', { name: input.agency, exact: true }).click();
  }
  await page.getByRole('button', { name: 'Tính ngày hẹn trả' }).click();
  const due = page.getByTestId('due-date');
  await due.waitFor();
  return (await due.textContent()) ?? '';
}

describe('working calendar: due dates in the browser, and the administrators’ page', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const viewport of VIEWPORTS) {
    it(`an anonymous visitor computes Monday 09:00 + 1 working day = Tuesday 09:00, in the browser, at ${viewport.width}px`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const apiCalls: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/')) apiCalls.push(url.pathname + url.search);
      });
      await page.goto(app.baseUrl + '/');
      await page.getByRole('link', { name: 'Tính ngày hẹn trả kết quả' }).click();
      await page.waitForURL(/\/tinh-ngay-hen$/);
      await page.waitForSelector('main h1');
      expect(await seriousViolations(page), 'empty calculator').toEqual([]);

      const due = await computeDue(page, { date: '2026-11-30', time: '09:00', amount: '1', unit: 'Ngày làm việc' });
      expect(due).toBe('Thứ Ba, 01/12/2026 lúc 09:00');
      await expect.poll(() => page.getByRole('heading', { name: 'Vì sao là ngày này?' }).count()).toBe(1);
      expect(await page.getByTestId('due-explanation').textContent()).toContain('Tiếp nhận lúc 09:00 ngày 30/11/2026');
      // The heading of the answer takes the focus, for keyboard and screen-reader users.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ngày hẹn trả kết quả');
      expect(await seriousViolations(page), 'calculator with a result').toEqual([]);
      await expectNoSidewaysScroll(page, '/tinh-ngay-hen');

      // Computed by the domain engine in the page: only the calendar data came from the server.
      expect(apiCalls.some((call) => call.startsWith('/api/v1/calendar/holidays?year=2026'))).toBe(true);
      expect(apiCalls.filter((call) => call.startsWith('/api/v1/calendar/due'))).toEqual([]);
      await context.close();
    });
  }

  it('names the holidays a due date skips, and agrees with the server engine', async () => {
    const holidays = (await (await fetch(`${app.baseUrl}/api/v1/calendar/holidays?year=2026`)).json()) as { days: { date: string; name: string }[] };
    const quocKhanh = holidays.days.find((d) => d.date === '2026-09-02');
    expect(quocKhanh?.name).toMatch(/Quốc khánh/);

    const page = await browser.newPage();
    await page.goto(app.baseUrl + '/tinh-ngay-hen');
    // Friday 28/8/2026: the published 2026 schedule gives 31/8 (swapped), 1/9 and 2/9 off.
    const due = await computeDue(page, { date: '2026-08-28', time: '09:00', amount: '1', unit: 'Ngày làm việc' });
    const explanation = (await page.getByTestId('due-explanation').textContent()) ?? '';
    expect(explanation).toContain(quocKhanh?.name ?? 'Quốc khánh');
    for (const day of holidays.days.filter((d) => d.date >= '2026-08-29' && d.date <= '2026-09-02')) expect(explanation).toContain(day.name);

    const server = (await (await fetch(`${app.baseUrl}/api/v1/calendar/due?from=2026-08-28T09:00:00%2B07:00&amount=1&unit=working_days`)).json()) as {
      dueAt: string;
    };
    expect(server.dueAt).toBe('2026-09-03T09:00:00+07:00');
    expect(due).toBe('Thứ Năm, 03/09/2026 lúc 09:00');
    await page.close();
  });

  it('the administrator publishes a day off for 2031, sees it listed and errors next to the rows, then resets to the default', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await loginAs(context, app.baseUrl, 'admin');
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/can-bo');
    await page.getByRole('link', { name: 'Lịch làm việc' }).first().click();
    await page.waitForURL(/\/can-bo\/lich-lam-viec$/);
    await page.getByTestId('year-source').waitFor();
    expect(await seriousViolations(page), 'calendar page').toEqual([]);

    const year = page.getByLabel('Năm', { exact: true });
    await year.fill('2031');
    await expect.poll(() => page.getByText('Ngày nghỉ lễ, nghỉ bù và làm bù năm 2031', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('year-source').textContent()).toContain('Theo quy tắc mặc định của Bộ luật Lao động');
    expect(await page.getByRole('button', { name: 'Trở về mặc định' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Chỉnh sửa' }).click();
    const rows = page.getByTestId('schedule-row');
    const defaultCount = await rows.count();
    expect(defaultCount).toBeGreaterThan(8);
    await page.getByLabel('Văn bản công bố').fill('Thông báo thử nghiệm số 1/TB-2031');
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    const added = rows.nth(defaultCount);
    // The new row's date input has the focus.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('date');
    await added.getByLabel(/^Ngày/).fill('2031-01-01');
    await added.getByLabel('Tên ngày').fill('Ngày nghỉ thử nghiệm');
    await page.getByRole('button', { name: 'Lưu lịch năm 2031' }).click();
    // The server refuses the duplicate date; its Vietnamese message is shown on that row.
    await expect.poll(() => added.getByText(/bị lặp/).count()).toBe(1);
    expect(await seriousViolations(page), 'editor with errors').toEqual([]);

    await added.getByLabel(/^Ngày/).fill('2031-06-10');
    await added.getByLabel('Loại').selectOption({ label: 'Nghỉ bù, nghỉ hoán đổi' });
    await page.getByRole('button', { name: 'Lưu lịch năm 2031' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu lịch năm 2031' }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Đã lưu lịch năm 2031' }).textContent()).toContain('10/06/2031 (thành ngày nghỉ)');
    const listed = page.getByTestId('year-days').getByRole('row', { name: /10\/06\/2031/ });
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.textContent()).toContain('Thứ Ba');
    expect(await listed.textContent()).toContain('Ngày nghỉ thử nghiệm');
    expect(await listed.textContent()).toContain('Nghỉ bù, nghỉ hoán đổi');
    expect(await page.getByTestId('year-source').textContent()).toContain('Thông báo thử nghiệm số 1/TB-2031');

    // The public calculator sees the new day off at once.
    const visitor = await browser.newPage();
    await visitor.goto(app.baseUrl + '/tinh-ngay-hen');
    expect(await computeDue(visitor, { date: '2031-06-09', time: '09:00', amount: '1', unit: 'Ngày làm việc' })).toBe('Thứ Tư, 11/06/2031 lúc 09:00');
    expect(await visitor.getByTestId('due-explanation').textContent()).toContain('Ngày nghỉ thử nghiệm');
    await visitor.close();

    await page.getByRole('button', { name: 'Trở về mặc định' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trở về mặc định?' });
    await dialog.waitFor();
    await transitionsDone(page);
    expect(await seriousViolations(page), 'confirmation dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Trở về mặc định' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã trở về quy tắc mặc định cho năm 2031' }).count()).toBe(1);
    await expect
      .poll(() =>
        page
          .getByTestId('year-days')
          .getByRole('row', { name: /10\/06\/2031/ })
          .count(),
      )
      .toBe(0);
    expect(await page.getByTestId('year-source').textContent()).toContain('Theo quy tắc mặc định của Bộ luật Lao động');
    await context.close();
  });

  it('a province’s own day off, imported from an iCalendar file, applies to its units only, then is withdrawn', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await loginAs(context, app.baseUrl, 'admin');
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/can-bo/lich-lam-viec');
    await page.getByTestId('year-source').waitFor();
    await page.getByLabel('Năm', { exact: true }).fill('2032');
    await page.getByLabel('Phạm vi').selectOption({ label: 'Ủy ban nhân dân tỉnh Lạng Sơn' });
    await expect.poll(() => page.getByTestId('year-scope').textContent()).toContain('chưa có lịch riêng cho năm 2032');

    await page.getByRole('button', { name: 'Nhập từ tệp iCalendar (.ics)' }).click();
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//motcua//e2e//VI',
      'BEGIN:VEVENT',
      'UID:ngay-nghi-tinh-2032@motcua',
      'DTSTAMP:20320101T000000Z',
      'DTSTART;VALUE=DATE:20320820',
      'DTEND;VALUE=DATE:20320821',
      'SUMMARY:Ngày nghỉ riêng của tỉnh (thử nghiệm)',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'lich-tinh-2032.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics, 'utf8') });
    await page.getByRole('textbox', { name: /Văn bản công bố/ }).fill('Quyết định thử nghiệm của UBND tỉnh');
    expect(await seriousViolations(page), 'iCalendar import form').toEqual([]);
    await page.getByRole('button', { name: 'Nhập lịch' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã nhập lịch năm 2032 từ tệp lich-tinh-2032.ics' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('year-scope').textContent()).toContain('có lịch riêng cho năm 2032');
    const own = page.getByTestId('year-days').getByRole('row', { name: /20\/08\/2032/ });
    expect(await own.textContent()).toContain('Riêng của tỉnh');
    // The national days are still listed, without the mark.
    const national = page.getByTestId('year-days').getByRole('row', { name: /02\/09\/2032/ });
    expect(await national.textContent()).not.toContain('Riêng của tỉnh');

    // The editor of a province holds only its own days.
    await page.getByRole('button', { name: 'Chỉnh sửa' }).click();
    expect(await page.getByTestId('schedule-row').count()).toBe(1);
    await page.getByRole('button', { name: 'Hủy' }).click();

    // Thursday 19/8/2032 + 1 working day: Friday 20/8 nationally, Monday 23/8 at a commune of the province.
    const visitor = await browser.newPage();
    await visitor.goto(app.baseUrl + '/tinh-ngay-hen');
    expect(await computeDue(visitor, { date: '2032-08-19', time: '09:00', amount: '1', unit: 'Ngày làm việc' })).toBe('Thứ Sáu, 20/08/2032 lúc 09:00');
    expect(await computeDue(visitor, { date: '2032-08-19', time: '09:00', amount: '1', unit: 'Ngày làm việc', agency: 'Xã Cao Lộc' })).toBe(
      'Thứ Hai, 23/08/2032 lúc 09:00',
    );
    expect(await visitor.getByTestId('due-explanation').textContent()).toContain('Ngày nghỉ riêng của tỉnh (thử nghiệm)');
    expect(await visitor.getByTestId('due-result').textContent()).toContain('lịch riêng của Ủy ban nhân dân tỉnh Lạng Sơn');
    await visitor.close();

    await page.getByRole('button', { name: 'Trở về mặc định' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Trở về mặc định' }).click();
    await expect.poll(() => page.getByTestId('year-scope').textContent()).toContain('chưa có lịch riêng cho năm 2032');
    await expect
      .poll(() =>
        page
          .getByTestId('year-days')
          .getByRole('row', { name: /20\/08\/2032/ })
          .count(),
      )
      .toBe(0);
    await context.close();
  });

  it('the administrator sets a unit’s office hours, the calculator counts with them, and the unit goes back to its parent’s', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    await loginAs(context, app.baseUrl, 'admin');
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/can-bo/lich-lam-viec');
    await page.getByTestId('year-source').waitFor();
    expect(await seriousViolations(page), 'calendar page at 375px').toEqual([]);
    await expectNoSidewaysScroll(page, '/can-bo/lich-lam-viec');

    const unit = page.getByRole('combobox', { name: 'Đơn vị', exact: true });
    await unit.click();
    await unit.fill('cao loc');
    await page.getByRole('option', { name: 'Xã Cao Lộc', exact: true }).click();
    await page.getByTestId('office-hours').waitFor();
    expect(await page.getByTestId('office-hours-origin').textContent()).toBe('Giờ hành chính mặc định của hệ thống');
    expect(await page.getByRole('button', { name: 'Dùng giờ của đơn vị cấp trên' }).isDisabled()).toBe(true);

    const first = page.getByRole('group', { name: 'Khoảng giờ 1' });
    const second = page.getByRole('group', { name: 'Khoảng giờ 2' });
    await first.getByLabel(/^Từ/).fill('08:00');
    await first.getByLabel(/^Đến/).fill('12:00');
    await second.getByLabel(/^Từ/).fill('11:00');
    await second.getByLabel(/^Đến/).fill('17:00');
    await page.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    // Overlapping intervals are refused next to the interval, before anything is sent.
    await expect.poll(() => second.getByText(/chồng lên/).count()).toBe(1);
    await second.getByLabel(/^Từ/).fill('13:00');
    await page.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu giờ làm việc của Xã Cao Lộc' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('office-hours-origin').textContent()).toBe('Đơn vị tự đặt');
    expect(await seriousViolations(page), 'office hours set').toEqual([]);

    // Monday 09:00 + 4 working hours: 14:00 with 08:00–12:00 / 13:00–17:00 (15:00 with the default hours).
    const visitor = await browser.newPage();
    await visitor.goto(app.baseUrl + '/tinh-ngay-hen');
    expect(await computeDue(visitor, { date: '2026-11-30', time: '09:00', amount: '4', unit: 'Giờ làm việc' })).toBe('Thứ Hai, 30/11/2026 lúc 15:00');
    expect(await computeDue(visitor, { date: '2026-11-30', time: '09:00', amount: '4', unit: 'Giờ làm việc', agency: 'Xã Cao Lộc' })).toBe(
      'Thứ Hai, 30/11/2026 lúc 14:00',
    );
    expect(await visitor.getByTestId('due-result').textContent()).toContain('08:00–12:00, 13:00–17:00');
    await visitor.close();

    await page.getByRole('button', { name: 'Dùng giờ của đơn vị cấp trên' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dùng giờ của đơn vị cấp trên?' });
    await dialog.getByRole('button', { name: 'Dùng giờ của đơn vị cấp trên' }).click();
    await expect.poll(() => page.getByTestId('office-hours-origin').textContent()).toBe('Giờ hành chính mặc định của hệ thống');
    await context.close();
  });

  it('keeps the page to administrators', async () => {
    const context = await browser.newContext();
    await loginAs(context, app.baseUrl, 'giamsat');
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/can-bo/lich-lam-viec');
    await expect.poll(() => page.getByRole('heading', { name: 'Không có quyền truy cập' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Lịch làm việc' }).count()).toBe(0);
    await context.close();
  });
});
