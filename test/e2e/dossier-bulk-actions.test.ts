import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { expectNoSidewaysScroll, launchBrowser, seriousViolations, transitionsDone } from './browser.js';

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const BIRTH_REGISTRATION = '1.001193';

interface Session {
  context: BrowserContext;
  page: Page;
  csrf: string;
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
}

describe('bulk actions in the work queues', () => {
  let app: TestApp;
  let browser: Browser;
  const sessions: BrowserContext[] = [];

  async function open(username: string, viewport: { width: number; height: number } = WIDE): Promise<Session> {
    const context = await browser.newContext({ viewport });
    sessions.push(context);
    const res = await context.request.post(app.baseUrl + '/api/v1/auth/login', { data: { username, password: 'MotCua@2026' } });
    expect(res.status()).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { context, page: await context.newPage(), csrf: csrfToken };
  }

  async function post<T>(session: Session, path: string, data: unknown): Promise<T> {
    const res = await session.context.request.post(app.baseUrl + path, { data, headers: { 'x-csrf-token': session.csrf } });
    expect(res.ok(), `POST ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  }

  const act = (session: Session, id: string, body: Record<string, unknown>) => post(session, `/api/v1/dossiers/${id}/actions`, body);

  /** Dossiers received at the counter and handed to the specialist's step (seq 2). */
  async function atSpecialistStep(desk: Session, count: number): Promise<{ id: string; code: string }[]> {
    const created: { id: string; code: string }[] = [];
    for (let i = 0; i < count; i++) {
      const d = await post<{ id: string; code: string }>(desk, '/api/v1/dossiers', {
        procedureCode: BIRTH_REGISTRATION,
        channel: 'counter',
        applicant: { fullName: `Người nộp số ${i + 1}`, personalId: null, address: null, phone: null, email: null },
        components: [
          { code: `${BIRTH_REGISTRATION}.TP1`, name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
          { code: `${BIRTH_REGISTRATION}.TP2`, name: 'Giấy chứng sinh', form: 'original', copies: 1 },
        ],
        accept: true,
      });
      await act(desk, d.id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
      created.push(d);
    }
    return created;
  }

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of sessions) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  it(
    'a specialist ticks every waiting dossier with the keyboard and claims them in one go; the one someone else took is reported',
    { timeout: 120_000 },
    async () => {
      const desk = await open('motcua.tamthanh');
      const dossiers = await atSpecialistStep(desk, 4);
      const specialist = await open('chuyenvien.tamthanh');
      const page = specialist.page;
      await page.goto(`${app.baseUrl}/can-bo/xu-ly-ho-so?tab=cho-nhan-xu-ly`);
      const queue = page.getByTestId('dossier-queue');
      await expect.poll(() => queue.getByTestId('queue-row').count()).toBe(4);

      // Another session takes one after the list was loaded.
      const other = await open('chuyenvien.tamthanh');
      const taken = dossiers[2]!;
      await act(other, taken.id, { type: 'claim', expectedSeq: 2 });

      // Space on "select all", then Enter on the bar's only action.
      const selectAll = page.getByRole('checkbox', { name: 'Chọn tất cả hồ sơ trong trang này' });
      await selectAll.focus();
      await page.keyboard.press('Space');
      const bar = page.getByRole('region', { name: 'Đã chọn 4 hồ sơ' });
      await bar.waitFor();
      expect(await bar.getByRole('button').allTextContents()).toEqual(['Bỏ chọn tất cả', 'Nhận xử lý 4 hồ sơ']);
      for (const d of dossiers) expect(await page.getByRole('checkbox', { name: `Chọn hồ sơ ${d.code}` }).isChecked()).toBe(true);
      // Unticking one shows the partial state on "select all"; ticking it again selects all.
      await page.getByRole('checkbox', { name: `Chọn hồ sơ ${dossiers[0]!.code}` }).press('Space');
      await page.getByRole('region', { name: 'Đã chọn 3 hồ sơ' }).waitFor();
      expect(await selectAll.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
      await page.getByRole('checkbox', { name: `Chọn hồ sơ ${dossiers[0]!.code}` }).press('Space');
      await bar.waitFor();
      await expectAccessible(page, 'queue with a selection at 1280px');

      await bar.getByRole('button', { name: 'Nhận xử lý 4 hồ sơ' }).press('Enter');
      const result = page.getByTestId('bulk-result');
      await result.waitFor();
      expect(await page.getByTestId('bulk-summary').textContent()).toBe('Đã nhận xử lý 3/4 hồ sơ; 1 hồ sơ đã có người khác thay đổi.');
      expect(await result.getAttribute('role')).toBe('alert');
      expect(await result.getByRole('list', { name: 'Hồ sơ chưa thực hiện được' }).textContent()).toContain(
        `${taken.code}: Hồ sơ vừa được người khác cập nhật`,
      );
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bulk-result');
      // The list is reloaded: nothing waits any more, and the bar is gone.
      await page.getByRole('status').filter({ hasText: 'Không có hồ sơ chờ nhận xử lý.' }).waitFor();
      expect(await page.getByTestId('bulk-bar').count()).toBe(0);
      await expectAccessible(page, 'queue after a bulk claim at 1280px');

      // The three are the specialist's now, in their own queue; what they may do next is not a bulk action.
      await page.getByRole('tab', { name: 'Đang xử lý' }).click();
      await expect.poll(() => page.getByTestId('queue-row').count()).toBe(4);
      expect(await page.getByRole('checkbox').count()).toBe(0);
      for (const d of dossiers) {
        const res = await specialist.context.request.get(`${app.baseUrl}/api/v1/dossiers/${d.id}`);
        expect(((await res.json()) as { seq: number }).seq).toBe(3);
      }
    },
  );

  it('a leader on a phone claims and then approves several dossiers with one note', { timeout: 120_000 }, async () => {
    const desk = await open('motcua.tamthanh');
    const specialist = await open('chuyenvien.tamthanh');
    const dossiers = await atSpecialistStep(desk, 2);
    for (const d of dossiers) {
      await act(specialist, d.id, { type: 'claim', expectedSeq: 2 });
      await act(specialist, d.id, { type: 'transfer', expectedSeq: 3, toStep: 2, note: 'Đủ điều kiện, trình ký' });
    }
    const leader = await open('lanhdao.tamthanh', PHONE);
    const page = leader.page;
    await page.goto(`${app.baseUrl}/can-bo/phe-duyet?tab=cho-nhan-xu-ly`);
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(2);
    await page.getByRole('checkbox', { name: 'Chọn tất cả hồ sơ trong trang này' }).check();
    const bar = page.getByRole('region', { name: 'Đã chọn 2 hồ sơ' });
    await bar.getByRole('button', { name: 'Nhận xử lý 2 hồ sơ' }).waitFor();
    await expectAccessible(page, 'approval queue with a selection at 375px');
    await expectNoSidewaysScroll(page, 'approval queue with a selection at 375px');
    await bar.getByRole('button', { name: 'Nhận xử lý 2 hồ sơ' }).click();
    await expect.poll(() => page.getByTestId('bulk-summary').textContent()).toBe('Đã nhận xử lý 2/2 hồ sơ.');
    expect(await page.getByTestId('bulk-result').getAttribute('role')).toBe('status');

    await page.getByRole('tab', { name: 'Đang xử lý' }).click();
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(2);
    for (const d of dossiers) await page.getByRole('checkbox', { name: `Chọn hồ sơ ${d.code}` }).check();
    const approving = page.getByRole('region', { name: 'Đã chọn 2 hồ sơ' });
    await approving.getByRole('button', { name: 'Phê duyệt 2 hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Phê duyệt 2 hồ sơ' });
    await dialog.waitFor();
    for (const d of dossiers) expect(await dialog.getByRole('list', { name: 'Các hồ sơ đã chọn' }).textContent()).toContain(d.code);
    await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Đồng ý cấp Giấy khai sinh');
    await expectAccessible(page, 'bulk approval dialog at 375px');
    await dialog.getByRole('button', { name: 'Phê duyệt 2 hồ sơ' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('bulk-summary').textContent()).toBe('Đã phê duyệt 2/2 hồ sơ.');
    await page.getByRole('status').filter({ hasText: 'Bạn không có hồ sơ đang xử lý.' }).waitFor();
    await expectAccessible(page, 'approval queue after a bulk approval at 375px');
    await expectNoSidewaysScroll(page, 'approval queue after a bulk approval at 375px');
    for (const d of dossiers) {
      const view = (await (await leader.context.request.get(`${app.baseUrl}/api/v1/dossiers/${d.id}`)).json()) as {
        status: string;
        history: { type: string; note: string | null }[];
      };
      expect(view.status).toBe('resultReady');
      expect(view.history.at(-1)).toMatchObject({ type: 'approve', note: 'Đồng ý cấp Giấy khai sinh' });
    }
  });
});
