import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchBrowser, loginAs, seriousViolations, expectNoSidewaysScroll, transitionsDone, VIEWPORTS } from './browser.js';

/** Far enough ahead that the demo catalogue's current versions all start before it. */
const FAR_FUTURE = '2035-01-01';

interface WatchdogReport {
  today: string;
  lateDecisions: { decisionNumber: string; workingDaysLate: number; unitCodes: string[]; issuedOn: string }[];
  publicationDelays: { decisionNumber: string; status: 'late' | 'overdue' | 'atRisk'; workingDaysLate: number; unitCodes: string[] }[];
  missingDecisions: { number: string; status: 'overdue' | 'atRisk'; inForce: boolean; workingDaysLate: number }[];
}

const DELAY_LABELS = { late: 'Công khai muộn', overdue: 'Quá hạn công khai', atRisk: 'Sắp đến hạn công khai' } as const;

const ddMMyyyy = (iso: string) => iso.split('-').reverse().join('/');

describe('publication watchdog and publication decisions (back office)', () => {
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
    it(`the monitor sees the late decision, the late publication and the draft at risk, by unit, at ${viewport.width}px`, async () => {
      const context = await browser.newContext({ viewport });
      await loginAs(context, app.baseUrl, 'giamsat');
      const report = (await (await context.request.get(app.baseUrl + '/api/v1/catalogue/watchdog')).json()) as WatchdogReport;
      const units = (await (await context.request.get(app.baseUrl + '/api/v1/units')).json()) as { units: { code: string; name: string }[] };
      const page = await context.newPage();
      await page.goto(app.baseUrl + '/can-bo');
      if (viewport.width >= 768) {
        await page.getByRole('navigation').getByRole('link', { name: 'Theo dõi công bố TTHC' }).click();
      } else {
        // On phones the menu is folded away; the dashboard offers the same entry.
        await page.getByRole('main').getByRole('link', { name: 'Theo dõi công bố TTHC' }).click();
      }
      await page.waitForURL(/\/can-bo\/cong-bo-thu-tuc$/);
      const summary = page.getByTestId('watchdog-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain(`Ngày ${ddMMyyyy(report.today)}`);
      expect(await summary.textContent()).toContain('1 quyết định ban hành muộn');

      const late = report.lateDecisions.find((d) => d.decisionNumber === '1398/QĐ-UBND');
      expect(late).toBeDefined();
      const lateSection = page.getByRole('region', { name: /^Quyết định ban hành muộn/ });
      await expect.poll(() => lateSection.getByText('1398/QĐ-UBND').count()).toBe(1);
      const lateText = (await lateSection.textContent()) ?? '';
      expect(lateText).toContain(`chậm ${late?.workingDaysLate} ngày làm việc`);
      expect(lateText).toContain('18/07/2025');
      expect(lateText).toContain('Ban hành muộn');
      // Units by name, not by code.
      const lateUnit = units.units.find((u) => u.code === late?.unitCodes[0]);
      expect(lateText).toContain(lateUnit?.name);

      const delaySection = page.getByRole('region', { name: /^Công khai muộn, quá hạn, sắp đến hạn/ });
      const delayText = (await delaySection.textContent()) ?? '';
      for (const number of ['1620/QĐ-UBND', '2387/QĐ-UBND']) {
        const finding = report.publicationDelays.find((d) => d.decisionNumber === number);
        expect(finding, number).toBeDefined();
        expect(delayText).toContain(number);
        expect(delayText).toContain(DELAY_LABELS[finding!.status]);
      }
      expect(report.publicationDelays.find((d) => d.decisionNumber === '1620/QĐ-UBND')?.status).toBe('late');
      expect(delayText).toContain(`chậm ${report.publicationDelays.find((d) => d.decisionNumber === '1620/QĐ-UBND')?.workingDaysLate} ngày làm việc`);
      expect(delayText).toContain('Cấp xã');
      // The most urgent first: the open draft comes before the decision already made public late.
      expect(delayText.indexOf('2387/QĐ-UBND')).toBeLessThan(delayText.indexOf('1620/QĐ-UBND'));

      // Legal documents without a decision, those already in force included (Decree 256/2026 from 1/12/2026).
      const missingSection = page.getByRole('region', { name: /^Văn bản chưa có quyết định công bố/ });
      const missingText = (await missingSection.textContent()) ?? '';
      for (const doc of report.missingDecisions) {
        expect(missingText).toContain(doc.number);
        if (doc.inForce) expect(missingText).toContain('Đã có hiệu lực, chưa có quyết định công bố');
        if (doc.workingDaysLate > 0) expect(missingText).toContain(`chậm ${doc.workingDaysLate} ngày làm việc`);
      }
      if (report.today >= '2026-12-01')
        expect(report.missingDecisions).toContainEqual(expect.objectContaining({ number: '256/2026/NĐ-CP', status: 'overdue', inForce: true }));

      expect(await seriousViolations(page), `watchdog at ${viewport.width}px`).toEqual([]);
      await expectNoSidewaysScroll(page, '/can-bo/cong-bo-thu-tuc');

      // Only findings with commune procedures ("Cấp xã"), as the API says which those are.
      await page.getByLabel('Lọc theo đơn vị thực hiện').selectOption('cap-xa');
      const communeWide = (d: { communeWide?: boolean; unitCodes: string[] }) => d.communeWide === true || d.unitCodes.length === 0;
      for (const d of report.lateDecisions) {
        await expect.poll(() => lateSection.getByText(d.decisionNumber).count(), { message: d.decisionNumber }).toBe(communeWide(d) ? 1 : 0);
      }
      await expect.poll(() => delaySection.getByText('2387/QĐ-UBND').count()).toBe(1);
      expect(await summary.textContent()).toContain('(Cấp xã)');
      await context.close();
    });
  }

  it('drafts a decision abolishing a procedure in the far future, publishes it and sees it published', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await loginAs(context, app.baseUrl, 'giamsat');
    // A procedure in force that no demo draft touches.
    const drafts = (await (await context.request.get(app.baseUrl + '/api/v1/publication-decisions')).json()) as { decisions: { id: string; status: string }[] };
    const touched = new Set<string>();
    for (const d of drafts.decisions.filter((x) => x.status === 'draft')) {
      const detail = (await (await context.request.get(`${app.baseUrl}/api/v1/publication-decisions/${d.id}`)).json()) as {
        items: { procedureCode: string }[];
      };
      for (const item of detail.items) touched.add(item.procedureCode);
    }
    const procedures = (await (await context.request.get(app.baseUrl + '/api/v1/procedures?pageSize=200')).json()) as { items: { code: string }[] };
    const code = procedures.items.map((p) => p.code).find((c) => !touched.has(c));
    expect(code).toBeDefined();

    const page = await context.newPage();
    await page.goto(app.baseUrl + '/can-bo');
    await page.getByRole('navigation').getByRole('link', { name: 'Quyết định công bố' }).click();
    await page.waitForURL(/\/can-bo\/quyet-dinh-cong-bo$/);
    await expect.poll(() => page.getByRole('link', { name: '2387/QĐ-UBND' }).count()).toBe(1);
    expect(await seriousViolations(page), 'decision list').toEqual([]);

    await page.getByRole('button', { name: 'Soạn quyết định mới' }).click();
    await page.getByLabel('Số quyết định').fill('E2E-01/QĐ-UBND');
    await page.getByLabel('Người ký').fill('Nông Quốc Hùng');
    expect(await page.getByRole('combobox', { name: 'Cơ quan ban hành' }).inputValue()).toBe('Ủy ban nhân dân tỉnh Lạng Sơn');
    // An amendment starts from the record in force, loaded into the JSON editor and checked at once.
    await page.getByLabel('Hình thức').selectOption({ label: 'Sửa đổi, bổ sung' });
    await page.getByRole('textbox', { name: 'Mã thủ tục', exact: true }).fill(code!);
    await page.getByRole('button', { name: 'Tải nội dung hiện hành' }).click();
    const editor = page.getByLabel('Nội dung thủ tục (JSON) – mục 1');
    await expect.poll(async () => (JSON.parse((await editor.inputValue()) || '{}') as { code?: string }).code).toBe(code);
    await expect.poll(() => page.getByTestId('completeness').getByText('a) Tên thủ tục: đủ').count()).toBe(1);
    await page.getByLabel('Hình thức').selectOption({ label: 'Bãi bỏ' });
    // An abolition needs no content: no JSON editor.
    expect(await page.getByLabel(/Nội dung thủ tục \(JSON\)/).count()).toBe(0);
    await page.getByLabel('Ngày có hiệu lực').fill(FAR_FUTURE);
    expect(await seriousViolations(page), 'draft form').toEqual([]);
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();

    const detail = page.getByTestId('decision-detail');
    await expect.poll(() => detail.getByRole('heading', { name: 'Quyết định số E2E-01/QĐ-UBND' }).count()).toBe(1);
    await expect.poll(() => detail.getByText('Đủ điều kiện công bố').count()).toBe(1);
    expect((await detail.textContent()) ?? '').toContain(ddMMyyyy(FAR_FUTURE));
    expect(await seriousViolations(page), 'draft detail').toEqual([]);

    await detail.getByRole('button', { name: 'Công bố' }).click();
    const dialog = page.getByRole('dialog', { name: 'Công bố quyết định E2E-01/QĐ-UBND' });
    await dialog.waitFor();
    await transitionsDone(page);
    expect(await seriousViolations(page), 'publish dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Công bố' }).click();
    await expect.poll(() => page.getByText('Đã công bố quyết định E2E-01/QĐ-UBND (1 thủ tục).').count()).toBe(1);
    await expect.poll(() => detail.getByText('Đã công bố', { exact: true }).count()).toBe(1);
    expect(await detail.getByRole('button', { name: 'Công bố' }).count()).toBe(0);
    const row = page.getByRole('row', { name: /E2E-01\/QĐ-UBND/ });
    expect((await row.textContent()) ?? '').toContain('Đã công bố');

    const versions = (await (await context.request.get(`${app.baseUrl}/api/v1/procedures/${code}/versions`)).json()) as {
      versions: { effectiveTo: string | null; endReason: string | null }[];
    };
    expect(versions.versions.at(-1)).toMatchObject({ effectiveTo: '2034-12-31', endReason: 'abolished' });
    await context.close();
  });

  it('an incomplete new procedure: live feedback while editing, then the server’s Vietnamese problems when publishing', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    await loginAs(context, app.baseUrl, 'giamsat');
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/can-bo/quyet-dinh-cong-bo');
    await page.getByRole('button', { name: 'Soạn quyết định mới' }).click();
    await page.getByLabel('Số quyết định').fill('E2E-02/QĐ-UBND');
    await page.getByLabel('Người ký').fill('Hà Thị Bích Ngọc');
    await page.getByLabel('Hình thức').selectOption({ label: 'Thủ tục mới' });
    await page.getByRole('textbox', { name: 'Mã thủ tục', exact: true }).fill('2.999901');
    await page.getByLabel('Ngày có hiệu lực').fill(FAR_FUTURE);
    await page.getByRole('button', { name: 'Dùng mẫu thủ tục mới' }).click();

    const editor = page.getByLabel('Nội dung thủ tục (JSON) – mục 1');
    const template = JSON.parse(await editor.inputValue()) as Record<string, unknown> & { methods: { timeLimit: { amount: number } }[] };
    expect(template.code).toBe('2.999901');
    // The template leaves the field code to choose: the shape check says so before the server would.
    await expect.poll(() => page.getByText('Chưa đọc được nội dung thủ tục').count()).toBe(1);
    await expect.poll(() => page.getByText('không được để trống').count()).toBe(1);

    template.fieldCode = 'G09-TP05';
    template.name = 'Thủ tục thử nghiệm E2E';
    template.methods[0]!.timeLimit.amount = 12;
    await editor.fill(JSON.stringify(template, null, 2));
    const feedback = page.getByTestId('completeness');
    await expect.poll(() => feedback.getByText('a) Tên thủ tục: đủ').count()).toBe(1);
    const feedbackText = (await feedback.textContent()) ?? '';
    expect(feedbackText).toContain('d) Thành phần, số lượng hồ sơ: chưa có nội dung');
    expect(feedbackText).toContain('h) Kết quả thực hiện: chưa có nội dung');
    expect(feedbackText).toContain('Tổng thời gian các bước (10 ngày làm việc) phải bằng thời hạn giải quyết (12 ngày làm việc)');
    expect(await seriousViolations(page), 'JSON editor with feedback at 375px').toEqual([]);
    await expectNoSidewaysScroll(page, 'draft form at 375px');

    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const detail = page.getByTestId('decision-detail');
    await expect.poll(() => detail.getByRole('heading', { name: 'Quyết định số E2E-02/QĐ-UBND' }).count()).toBe(1);
    await expect.poll(() => detail.getByTestId('decision-problems').count()).toBe(1);
    expect((await detail.getByTestId('decision-problems').textContent()) ?? '').toContain('d) Thành phần, số lượng hồ sơ: chưa có nội dung');

    await detail.getByRole('button', { name: 'Công bố' }).click();
    const dialog = page.getByRole('dialog', { name: 'Công bố quyết định E2E-02/QĐ-UBND' });
    await dialog.getByRole('button', { name: 'Công bố' }).click();
    const refusal = dialog.getByTestId('publish-error');
    await refusal.waitFor();
    const refusalText = (await refusal.textContent()) ?? '';
    expect(refusalText).toContain('Quyết định chưa thể công bố');
    expect(refusalText).toContain('Mục 1 – 2.999901 (Thủ tục mới)');
    expect(refusalText).toContain('d) Thành phần, số lượng hồ sơ: chưa có nội dung');
    expect(refusalText).toContain('h) Kết quả thực hiện: chưa có nội dung');
    expect(refusalText).toContain('Tổng thời gian các bước (10 ngày làm việc) phải bằng thời hạn giải quyết (12 ngày làm việc)');
    await transitionsDone(page);
    expect(await seriousViolations(page), 'refused publication at 375px').toEqual([]);
    await dialog.getByRole('button', { name: 'Đóng', exact: true }).first().click();
    await dialog.waitFor({ state: 'hidden' });

    // Still a draft: it can be deleted.
    await detail.getByRole('button', { name: 'Xóa bản nháp' }).click();
    await page.getByRole('dialog', { name: 'Xóa bản nháp E2E-02/QĐ-UBND' }).getByRole('button', { name: 'Xóa bản nháp' }).click();
    await expect.poll(() => page.getByText('Đã xóa bản nháp quyết định E2E-02/QĐ-UBND.').count()).toBe(1);
    await expect.poll(() => page.getByText('E2E-02/QĐ-UBND', { exact: true }).count()).toBe(0);
    await context.close();
  });

  it('adds a legal document that decisions can then cite', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await loginAs(context, app.baseUrl, 'admin');
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/can-bo/quyet-dinh-cong-bo');
    await page.getByRole('button', { name: 'Thêm văn bản' }).click();
    await page.getByRole('button', { name: 'Lưu văn bản' }).click();
    await expect.poll(() => page.getByText('Nhập số, ký hiệu văn bản.').count()).toBe(1);
    await page.getByLabel('Số, ký hiệu').fill('99/2034/NĐ-CP');
    await page.getByLabel('Cơ quan ban hành').fill('Chính phủ');
    await page.getByLabel('Ngày ban hành').fill('2034-06-01');
    await page.getByLabel('Ngày có hiệu lực').fill('2034-09-01');
    await page.getByLabel('Trích yếu').fill('Nghị định thử nghiệm về thủ tục hành chính');
    await page.getByRole('button', { name: 'Lưu văn bản' }).click();
    await expect.poll(() => page.getByText('Đã thêm văn bản 99/2034/NĐ-CP.').count()).toBe(1);
    const row = page.getByRole('row', { name: /99\/2034\/NĐ-CP/ });
    expect((await row.textContent()) ?? '').toContain('01/09/2034');
    await page.getByRole('button', { name: 'Soạn quyết định mới' }).click();
    await expect.poll(() => page.getByLabel('Văn bản căn cứ').locator('option', { hasText: '99/2034/NĐ-CP' }).count()).toBe(1);
    await context.close();
  });

  it('a specialist sees neither entry and is refused both pages', async () => {
    const context = await browser.newContext();
    await loginAs(context, app.baseUrl, 'chuyenvien.tuphap');
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/can-bo');
    await page.waitForSelector('[data-testid=current-user]');
    expect(await page.getByRole('link', { name: 'Theo dõi công bố TTHC' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Quyết định công bố' }).count()).toBe(0);
    for (const path of ['/can-bo/cong-bo-thu-tuc', '/can-bo/quyet-dinh-cong-bo']) {
      await page.goto(app.baseUrl + path);
      await expect.poll(() => page.getByRole('heading', { name: 'Không có quyền truy cập' }).count(), { message: path }).toBe(1);
    }
    expect((await context.request.get(app.baseUrl + '/api/v1/catalogue/watchdog')).status()).toBe(403);
    await context.close();
  });
});
