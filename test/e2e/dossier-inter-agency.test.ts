import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchBrowser, seriousViolations, transitionsDone } from './browser.js';

const WIDE = { width: 1280, height: 900 };
/** Cấp Phiếu lý lịch tư pháp: Sở Tư pháp, received at the provincial desk, verified by Công an tỉnh (step 3). */
const CRIMINAL_RECORD = '2.000488';
const INTER_STEP_NAME = 'Công an tỉnh tra cứu, xác minh thông tin về án tích';

interface Session {
  context: BrowserContext;
  page: Page;
  csrf: string;
}

interface DossierView {
  status: string;
  history: { type: string }[];
  steps: { index: number; unitName: string; interAgency: boolean; handedOverAt: string | null; timelinessLabel: string }[];
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
}

describe('an inter-agency dossier through two units in the back office', () => {
  let app: TestApp;
  let browser: Browser;
  const sessions: BrowserContext[] = [];

  async function open(username: string): Promise<Session> {
    const context = await browser.newContext({ viewport: WIDE });
    sessions.push(context);
    const res = await context.request.post(app.baseUrl + '/api/v1/auth/login', { data: { username, password: 'MotCua@2026' } });
    expect(res.status()).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { context, page: await context.newPage(), csrf: csrfToken };
  }

  async function api<T>(session: Session, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
    const res =
      method === 'GET'
        ? await session.context.request.get(app.baseUrl + path)
        : await session.context.request.post(app.baseUrl + path, { data, headers: { 'x-csrf-token': session.csrf } });
    expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  }

  /** Open a queue tab and follow the dossier's link from its row. */
  async function openFromQueue(page: Page, path: string, tab: string, code: string): Promise<void> {
    await page.goto(app.baseUrl + path);
    await page.getByRole('tab', { name: tab }).click();
    const link = page.getByTestId('dossier-queue').getByRole('link', { name: code });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
  }

  async function statusIs(page: Page, label: string): Promise<void> {
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toContain(label);
  }

  /** Click an action button; with fields, fill its dialog with `fill` and confirm. */
  async function act(page: Page, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
    await page.getByTestId('dossier-actions').getByRole('button', { name: label, exact: true }).click();
    if (fill) {
      const dialog = page.getByRole('dialog', { name: new RegExp(`^${label} – hồ sơ`) });
      await dialog.waitFor();
      await fill(dialog);
      await dialog.getByRole('button', { name: label, exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await expect.poll(() => page.getByTestId('dossier-notice').textContent()).toBe(`Đã thực hiện: ${label}.`);
  }

  /** The timeline entry of a step, "Bước N: …". */
  const timelineStep = (page: Page, n: number) =>
    page
      .getByTestId('steps-timeline')
      .locator(':scope > li')
      .nth(n - 1);

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of sessions) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  it('goes from Sở Tư pháp to Công an tỉnh and back, and the dossier page records the visit at the other unit', { timeout: 180_000 }, async () => {
    // (1) Received and accepted at the provincial one-stop desk for Sở Tư pháp.
    const desk = await open('motcua.tinh');
    const { id, code } = await api<{ id: string; code: string }>(desk, 'POST', '/api/v1/dossiers', {
      procedureCode: CRIMINAL_RECORD,
      channel: 'counter',
      applicant: { fullName: 'Lường Văn Phúc', personalId: '020088004512', address: 'Số 9 đường Bà Triệu, phường Đông Kinh', phone: null, email: null },
      components: [{ code: `${CRIMINAL_RECORD}.TP1`, name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', form: 'original', copies: 1 }],
      accept: true,
    });
    expect(code).toMatch(/^000\.00\.03\.H37-\d{6}-\d{4}$/);
    await desk.page.goto(`${app.baseUrl}/can-bo/ho-so/${id}`);
    await desk.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    // The template shows the inter-agency step with its unit.
    expect(await timelineStep(desk.page, 3).textContent()).toContain(`Bước 3: ${INTER_STEP_NAME}`);
    expect(await timelineStep(desk.page, 3).textContent()).toContain('Công an tỉnh · Chuyên viên xử lý');
    expect(await timelineStep(desk.page, 3).textContent()).toContain('liên thông');
    await act(desk.page, 'Chuyển bước', async (dialog) => {
      expect(await dialog.getByRole('radio', { name: /^Bước 2:/ }).isChecked()).toBe(true);
    });
    await statusIs(desk.page, 'Đang xử lý');

    // (2) Sở Tư pháp's specialist claims it and sends it to the inter-agency step at Công an tỉnh.
    const specialist = await open('chuyenvien.tuphap');
    await openFromQueue(specialist.page, '/can-bo/xu-ly-ho-so', 'Chờ nhận xử lý', code);
    await act(specialist.page, 'Nhận xử lý');
    await act(specialist.page, 'Chuyển bước', async (dialog) => {
      const inter = dialog.getByRole('radio', { name: new RegExp(`^Bước 3: ${INTER_STEP_NAME}`) });
      expect(await inter.isChecked()).toBe(true);
      expect(await dialog.textContent()).toContain('Công an tỉnh · Chuyên viên xử lý');
      await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Đề nghị Công an tỉnh tra cứu, xác minh án tích');
    });
    await expect.poll(() => specialist.page.getByTestId('dossier-actions').getByRole('button', { name: 'Chuyển bước', exact: true }).count()).toBe(0);

    // (3) The police official finds it in their "Chờ nhận xử lý" queue, claims it and transfers it back.
    const police = await open('chuyenvien.congan');
    await openFromQueue(police.page, '/can-bo/xu-ly-ho-so', 'Chờ nhận xử lý', code);
    expect(await police.page.getByTestId('steps-timeline').locator('li[aria-current="step"]').textContent()).toContain(`Bước 3: ${INTER_STEP_NAME}`);
    await expectAccessible(police.page, 'dossier page of the inter-agency unit at 1280px');
    await act(police.page, 'Nhận xử lý');
    await act(police.page, 'Chuyển bước', async (dialog) => {
      const back = dialog.getByRole('radio', { name: /^Bước 4:/ });
      expect(await back.isChecked()).toBe(true);
      // Only the next steps of the workflow are offered: not the step it is at, nor any earlier one.
      expect(await dialog.getByRole('radio').count()).toBe(1);
      expect(await dialog.getByRole('radio', { name: /^Bước 3:/ }).count()).toBe(0);
      expect(await dialog.textContent()).toContain('Sở Tư pháp · Lãnh đạo phê duyệt');
      await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Không có án tích');
    });
    // Handed back: the police official no longer sees the dossier, and the page says so instead of offering stale actions.
    await police.page.getByTestId('dossier-handed-off').waitFor();
    expect(await police.page.getByTestId('dossier-actions').count()).toBe(0);

    // (4) Sở Tư pháp's leader sees the visit at Công an tỉnh with its timeliness, approves; the desk returns.
    const leader = await open('lanhdao.tuphap');
    await openFromQueue(leader.page, '/can-bo/phe-duyet', 'Chờ nhận xử lý', code);
    const interStep = timelineStep(leader.page, 3);
    const visit = (await api<DossierView>(leader, 'GET', `/api/v1/dossiers/${id}`)).steps.find((s) => s.index === 2)!;
    expect(visit).toMatchObject({ unitName: 'Công an tỉnh', interAgency: true });
    expect(visit.handedOverAt).not.toBeNull();
    expect(visit.timelinessLabel).toMatch(/^(Trước hạn|Đúng hạn|Quá hạn)$/);
    const interText = (await interStep.textContent()) ?? '';
    expect(interText).toContain('Công an tỉnh');
    expect(interText).toContain('chuyển đi');
    expect(interText).toContain(visit.timelinessLabel);
    expect(await interStep.getAttribute('data-state')).toBe('done');
    expect(await leader.page.getByTestId('steps-timeline').locator('li[aria-current="step"]').textContent()).toContain('Bước 4:');
    await expectAccessible(leader.page, 'dossier page back at the competent unit at 1280px');
    await act(leader.page, 'Nhận xử lý');
    await act(leader.page, 'Phê duyệt', async (dialog) => {
      await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Đồng ý cấp Phiếu lý lịch tư pháp số 1');
    });
    await statusIs(leader.page, 'Đã có kết quả, chờ trả');

    await openFromQueue(desk.page, '/can-bo/tiep-nhan-ho-so', 'Chờ trả kết quả', code);
    await act(desk.page, 'Trả kết quả', async (dialog) => {
      expect(await dialog.getByRole('radio', { name: 'Trực tiếp' }).isChecked()).toBe(true);
    });
    await statusIs(desk.page, 'Đã trả kết quả');
    const final = await api<DossierView>(desk, 'GET', `/api/v1/dossiers/${id}`);
    expect(final.status).toBe('returned');
    expect(final.history.map((h) => h.type)).toEqual(['accept', 'transfer', 'claim', 'transfer', 'claim', 'transfer', 'claim', 'approve', 'returnResult']);
    expect(await desk.page.getByTestId('dossier-history').textContent()).toContain('Không có án tích');
    await expectAccessible(desk.page, 'returned inter-agency dossier at 1280px');
  });
});
