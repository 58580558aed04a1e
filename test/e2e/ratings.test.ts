import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { citizenContext, launchBrowser, seriousViolations, submitOnlineThroughApi } from './browser.js';
import { DEMO_CITIZENS } from '../../src/infrastructure/seed/demo-province.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

/** Đăng ký khai sinh: a commune procedure offered online. */
const BIRTH = '1.001193';
const TAM_THANH = '000.00.31.H37';

const citizen = DEMO_CITIZENS[0]!;

async function expectAccessible(page: Page, what: string): Promise<void> {
  // Let dialogs and transitions settle so that axe measures the final colours.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  expect(await seriousViolations(page), what).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** Axe and sideways scrolling at 1280 and at 375 px, back to the desktop size after. */
async function expectAccessibleAtBothSizes(page: Page, what: string): Promise<void> {
  await expectAccessible(page, `${what} (1280 px)`);
  await page.setViewportSize(PHONE);
  await expectAccessible(page, `${what} (375 px)`);
  await page.setViewportSize(DESKTOP);
}

/** A second POST of a rating from the page's session: the HTTP status. */
async function rateAgain(page: Page, id: string): Promise<number> {
  return page.evaluate(async (dossierId) => {
    const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
    const response = await fetch(`/api/v1/dossiers/${dossierId}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ scores: { access: 1, procedure: 1, official: 1, result: 1, feedback: null }, comment: null }),
    });
    return response.status;
  }, id);
}

describe('satisfaction ratings: the citizen on their dossier page, the applicant at the desk kiosk', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000' } });
    browser = await launchBrowser();
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.stop();
  });

  const act = async (client: Client, id: string, body: Record<string, unknown>) => {
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, `${String(body.type)}: ${res.body}`).toBe(200);
    return res.json() as { seq: number; status: string };
  };

  /** The officials of Phường Tam Thanh take an accepted (or, with `accept`, a submitted) dossier to "Đã trả kết quả". */
  async function runToReturned(id: string, seq: number, options: { accept: boolean; method: 'online' | 'counter' }): Promise<void> {
    if (options.accept) seq = (await act(desk, id, { type: 'accept', expectedSeq: seq })).seq;
    seq = (await act(desk, id, { type: 'transfer', expectedSeq: seq, toStep: 1, note: null })).seq;
    seq = (await act(specialist, id, { type: 'claim', expectedSeq: seq })).seq;
    seq = (await act(specialist, id, { type: 'transfer', expectedSeq: seq, toStep: 2, note: 'Đủ điều kiện' })).seq;
    seq = (await act(leader, id, { type: 'claim', expectedSeq: seq })).seq;
    seq = (await act(leader, id, { type: 'approve', expectedSeq: seq, note: null })).seq;
    expect((await act(desk, id, { type: 'returnResult', expectedSeq: seq, method: options.method })).status).toBe('returned');
  }

  it('after the result is returned the citizen rates the dossier with the keyboard and the mouse, is thanked, and cannot rate it again', async () => {
    const context = await citizenContext(browser, app.baseUrl, citizen);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/tai-khoan`);
    const { id } = await submitOnlineThroughApi(page, BIRTH);

    // Before the result is returned there is nothing to rate.
    await page.goto(`${app.baseUrl}/tai-khoan/ho-so/${id}`);
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Mới đăng ký, chờ tiếp nhận');
    expect(await page.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).count()).toBe(0);

    await runToReturned(id, 0, { accept: true, method: 'online' });
    await page.reload();
    const section = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    await section.getByTestId('rating-form').waitFor();
    // Five questions, each a group of five labelled answers (the optional one has "no feedback" too).
    expect(await section.getByRole('group').count()).toBe(5);
    expect(await section.getByTestId('rating-access').getByRole('radio').count()).toBe(5);
    expect(await section.getByTestId('rating-feedback').getByRole('radio').count()).toBe(6);
    await expectAccessibleAtBothSizes(page, 'rating form');

    // Sending nothing: told so, and focus goes to the first unanswered question.
    await section.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('Còn 4 câu chưa chọn mức đánh giá');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid'))).toBe('rating-access');
    await expectAccessibleAtBothSizes(page, 'rating form with errors');

    // Keyboard: Space picks the focused answer, the arrow keys move along the scale.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await section.getByTestId('rating-access').getByRole('radio', { name: 'Hài lòng', exact: true }).isChecked()).toBe(true);
    // The mouse, by the answers' words.
    await section.getByTestId('rating-procedure').getByRole('radio', { name: 'Bình thường' }).check();
    await section.getByTestId('rating-official').getByRole('radio', { name: 'Rất hài lòng' }).check();
    await section.getByTestId('rating-result').getByRole('radio', { name: 'Rất hài lòng' }).check();
    await section.getByLabel('Ý kiến khác (không bắt buộc)').fill('Cán bộ hướng dẫn rất tận tình.');
    await section.getByRole('button', { name: 'Gửi đánh giá' }).click();

    // Thanked, with focus on the thanks; what was sent, read-only; no form any more.
    const thanks = page.getByTestId('rating-thanks');
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain('Cảm ơn bạn đã đánh giá');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('rating-thanks');
    const summary = (await page.getByTestId('rating-summary').textContent()) ?? '';
    expect(summary).toContain('4 – Hài lòng');
    expect(summary).toContain('3 – Bình thường');
    expect(summary).toContain('Cán bộ hướng dẫn rất tận tình.');
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    await expectAccessible(page, 'rating thanks');

    const row = await app.database.db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      via: 'online',
      unit_code: TAM_THANH,
      score_access: 4,
      score_procedure: 3,
      score_official: 5,
      score_result: 5,
      score_feedback: null,
      comment: 'Cán bộ hướng dẫn rất tận tình.',
    });

    // Coming back: the rating read-only, no form; the server refuses a second one.
    await page.reload();
    await page.getByTestId('rating-summary').waitFor();
    expect(await page.getByText('Bạn đã đánh giá hồ sơ này').count()).toBe(1);
    expect(await page.getByTestId('rating-form').count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await rateAgain(page, id)).toBe(409);
    await expectAccessibleAtBothSizes(page, 'submitted rating, read-only');
  });

  it('at the desk, "Mời người dân đánh giá" opens the survey full-screen in large type for the applicant of a counter dossier', async () => {
    const received = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: BIRTH,
      channel: 'counter',
      applicant: { fullName: 'Nông Văn Tú', personalId: null, address: null, phone: null, email: null },
      components: [
        { code: `${BIRTH}.TP1`, name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
        { code: `${BIRTH}.TP2`, name: 'Giấy chứng sinh', form: 'original', copies: 1 },
      ],
      accept: true,
    });
    expect(received.statusCode, received.body).toBe(201);
    const { id, code } = received.json() as { id: string; code: string };
    const { seq } = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json() as { seq: number };
    await runToReturned(id, seq, { accept: false, method: 'counter' });

    const context = await browser.newContext({ viewport: DESKTOP });
    contexts.push(context);
    const login = await context.request.post(app.baseUrl + '/api/v1/auth/login', { data: { username: 'motcua.tamthanh', password: 'MotCua@2026' } });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/can-bo/ho-so/${id}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.getByRole('button', { name: 'Mời người dân đánh giá' }).click();

    const kiosk = page.getByRole('dialog', { name: 'Đánh giá mức độ hài lòng' });
    await kiosk.getByTestId('rating-form').waitFor();
    // Full screen, large type.
    const box = await kiosk.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(DESKTOP.width - 20);
    const fontSize = await kiosk
      .getByTestId('rating-access')
      .locator('legend')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(22);
    await expectAccessibleAtBothSizes(page, 'kiosk rating form');

    for (const key of ['access', 'procedure', 'official', 'result'])
      await kiosk.getByTestId(`rating-${key}`).getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await kiosk.getByTestId('rating-feedback').getByRole('radio', { name: 'Không có góp ý, phản ánh' }).check();
    await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await kiosk.getByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' }).waitFor();
    await expectAccessible(page, 'kiosk thanks');
    await kiosk.getByRole('button', { name: 'Hoàn tất' }).click();

    await page.getByTestId('kiosk-rating-done').waitFor();
    expect(await page.getByRole('button', { name: 'Mời người dân đánh giá' }).count()).toBe(0);
    const row = await app.database.db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ via: 'kiosk', score_access: 4, score_result: 4, score_feedback: null, comment: null });
    expect(await rateAgain(page, id)).toBe(409);
  });
});
