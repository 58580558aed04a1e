/**
 * Citizen feedback in the browser (issue 22). One answer is published beforehand through the API. A citizen without an
 * account opens the form, sees that answer suggested as the title is typed, answers the challenge (a wrong answer
 * first: a new question), sends anonymously and reads the code and the tracking secret. The desk officer classifies
 * and routes the item, the specialist drafts the answer, the leader approves it, the desk publishes it. The citizen
 * finds the answer in public without any name, dislikes it and re-raises it from the tracking page: it reopens. The desk
 * also enters an item forwarded a month ago, which shows late. axe-core
 * finds no serious or critical violation on any page, and the form and the list do not scroll sideways on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { expectNoSidewaysScroll, launchBrowser, loginAs, seriousViolations, transitionsDone } from './browser.js';
import type { FeedbackDetail } from '../../src/contract/feedback.js';
import { todayInVietnam } from '../../src/web/shared/format.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const WARD = '000.00.31.H37';
const NUMBERS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SEEDED = {
  title: 'Hướng dẫn giấy tờ đăng ký khai sinh cho con',
  content: 'Xin hỏi khi đăng ký khai sinh cho con tại phường cần mang theo những giấy tờ gì, có cần bản sao chứng thực không?',
  answer: 'Khi đăng ký khai sinh, người đi đăng ký xuất trình giấy tờ tùy thân và nộp giấy chứng sinh; không cần bản sao chứng thực.',
  reporter: 'Lý Văn Tư',
};
const CITIZEN = {
  title: 'Giấy tờ đăng ký khai sinh phải nộp nhiều lần',
  content: 'Tôi nộp hồ sơ đăng ký khai sinh cho con tại phường nhưng phải đi lại ba lần vì cán bộ không hướng dẫn đủ một lần về giấy tờ.',
  answer: 'Phường đã niêm yết lại danh mục giấy tờ tại bộ phận một cửa và nhắc nhở cán bộ hướng dẫn đầy đủ một lần.',
};

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
}

/** Reads "bảy cộng năm bằng mấy? (trả lời bằng số)" and answers 12. */
function solve(question: string): string {
  const match = /([\p{L}]+) cộng ([\p{L}]+) bằng mấy/u.exec(question);
  if (!match) throw new Error(`not a challenge: ${question}`);
  return String(NUMBERS.indexOf(match[1]!) + NUMBERS.indexOf(match[2]!));
}

async function challengeQuestion(page: Page): Promise<string> {
  const label = page.locator('label[for="pakn-cau-hoi"]');
  await expect.poll(async () => (await label.textContent()) ?? '').toMatch(/cộng .* bằng mấy/);
  return (await label.textContent()) ?? '';
}

/** An official's action on the item's page: the button, then the form's fields when it has some, then the notice. */
async function act(page: Page, button: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId('feedback-actions').getByRole('button', { name: button, exact: true }).click();
  if (fill) {
    await fill();
    await page
      .getByTestId('action-form')
      .getByRole('button', { name: /^Xác nhận/ })
      .click();
  }
  await expect
    .poll(
      async () =>
        (await page
          .getByTestId('action-notice')
          .textContent()
          .catch(() => '')) ?? '',
    )
    .toContain(`Đã thực hiện: ${button.toLowerCase()}.`);
}

describe('citizen feedback: the form, the officials, the public answer and the reporter', () => {
  let app: TestApp;
  let browser: Browser;
  let citizenSide: BrowserContext;
  let citizen: Page;
  let receipt: { code: string; secret: string };
  let itemId: string;

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0' } });
    // One answer already published, entered from a hotline call with the caller's consent to show the name.
    const desk = await Client.official(app, 'motcua.tamthanh');
    const leader = await Client.official(app, 'lanhdao.tamthanh');
    const entered = await desk.request('POST', '/api/v1/feedback/entries', {
      channel: 'hotline',
      title: SEEDED.title,
      content: SEEDED.content,
      unitCode: WARD,
      procedureCode: '1.001193',
      dossierCode: null,
      reporter: { name: SEEDED.reporter, email: null, phone: '0912000333', address: null },
      showName: true,
      forwardedFrom: null,
      receivedAt: null,
      attachments: [],
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const { id } = entered.json() as { id: string };
    const step = async (who: Client, body: Record<string, unknown>) => {
      const item = (await who.request('GET', `/api/v1/feedback/${id}`)).json() as FeedbackDetail;
      const res = await who.request('POST', `/api/v1/feedback/${id}/actions`, { expectedSeq: item.seq, ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    await step(desk, { type: 'accept' });
    await step(desk, { type: 'draftAnswer', answer: SEEDED.answer });
    await step(leader, { type: 'approveAnswer' });
    await step(desk, { type: 'publish' });

    browser = await launchBrowser();
    citizenSide = await browser.newContext({ viewport: DESKTOP });
    citizen = await citizenSide.newPage();
  });
  afterAll(async () => {
    await citizenSide?.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  it('lists the published answers with search and filters, opens one, and explains how to vote without an account', async () => {
    await citizen.goto(app.baseUrl + '/');
    await citizen.getByRole('contentinfo').getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
    await citizen.waitForURL(/\/phan-anh-kien-nghi$/);
    await citizen.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }).waitFor();
    await expect.poll(async () => (await citizen.getByTestId('feedback-total').textContent()) ?? '').toMatch(/^1 phản ánh, kiến nghị đã trả lời/);
    await expectAccessible(citizen, 'the public list at 1280px');

    await citizen.getByLabel('Tìm theo nội dung').fill('giấy tờ khai sinh');
    await citizen.getByRole('button', { name: 'Tìm kiếm' }).click();
    await citizen.waitForURL(/\?q=/);
    await citizen.getByRole('link', { name: SEEDED.title }).waitFor();
    await citizen.getByLabel('Tìm theo nội dung').fill('không có gì như thế này');
    await citizen.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect.poll(() => citizen.getByTestId('feedback-total').textContent()).toBe('Không có phản ánh, kiến nghị đã trả lời phù hợp.');

    // The unit filter: the ward answered it.
    await citizen.goto(app.baseUrl + '/phan-anh-kien-nghi');
    const unit = citizen.getByRole('combobox', { name: 'Cơ quan trả lời' });
    await unit.click();
    await unit.fill('Tam Thanh');
    await citizen.getByRole('option', { name: 'Phường Tam Thanh', exact: true }).click();
    await citizen.waitForURL(/don-vi=000\.00\.31\.H37/);
    await citizen.getByRole('link', { name: SEEDED.title }).waitFor();

    await citizen.setViewportSize(PHONE);
    await expectAccessible(citizen, 'the public list at 375px');
    await expectNoSidewaysScroll(citizen, 'the public list at 375px');
    await citizen.setViewportSize(DESKTOP);

    await citizen.getByRole('link', { name: SEEDED.title }).click();
    await citizen.getByRole('heading', { level: 1, name: SEEDED.title }).waitFor();
    expect(await citizen.getByTestId('answer-text').textContent()).toBe(SEEDED.answer);
    expect(await citizen.getByTestId('answer-question').textContent()).toBe(SEEDED.content);
    // The caller agreed to show the name; never the phone number.
    const facts = (await citizen.getByTestId('answer-facts').textContent()) ?? '';
    expect(facts).toContain(SEEDED.reporter);
    expect(await citizen.locator('main').textContent()).not.toContain('0912000333');
    expect(await citizen.getByTestId('published-date').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await citizen.getByTestId('vote-counts').textContent()).toBe('0 người hài lòng · 0 người không hài lòng');

    await citizen.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await citizen.getByTestId('vote-needs-identity').waitFor();
    expect(await citizen.getByTestId('vote-needs-identity').textContent()).toContain('mã tra cứu');
    await expectAccessible(citizen, 'a public answer');
  });

  it('suggests the similar answer while the title is typed, asks again after a wrong answer, and gives the code and the secret', async () => {
    await citizen.goto(app.baseUrl + '/phan-anh-kien-nghi');
    await citizen.getByRole('link', { name: 'Gửi phản ánh', exact: true }).click();
    await citizen.waitForURL(/\/phan-anh-kien-nghi\/gui$/);
    await citizen.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor();
    await challengeQuestion(citizen);
    await expectAccessible(citizen, 'the empty form');

    // Sent empty: the summary lists the problems, each a link to its field.
    await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
    const summary = citizen.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Nhập tiêu đề phản ánh.',
      'Nhập nội dung phản ánh.',
      'Nhập họ và tên, hoặc chọn gửi ẩn danh.',
      'Trả lời câu hỏi kiểm tra.',
    ]);
    await summary.getByRole('link', { name: 'Nhập nội dung phản ánh.' }).click();
    expect(await citizen.evaluate(() => document.activeElement?.id)).toBe('pakn-noi-dung');
    await expectAccessible(citizen, 'the form with its error summary');

    await citizen.getByLabel('Tiêu đề').pressSequentially('Giấy tờ đăng ký khai sinh', { delay: 20 });
    const similar = citizen.getByRole('region', { name: 'Câu trả lời tương tự' });
    await similar.getByRole('link', { name: SEEDED.title }).waitFor();
    await citizen.getByLabel('Tiêu đề').fill(CITIZEN.title);
    await citizen.getByLabel('Nội dung phản ánh, kiến nghị').fill(CITIZEN.content);
    expect(await citizen.getByTestId('content-counter').textContent()).toBe(`Đã nhập ${CITIZEN.content.length}/10.000 ký tự`);
    // Addressed to the ward (left empty, the province's desk would classify it).
    const unit = citizen.getByRole('combobox', { name: /Cơ quan, đơn vị tiếp nhận phản ánh/ });
    await unit.click();
    await unit.fill('Tam Thanh');
    await citizen.getByRole('option', { name: 'Phường Tam Thanh', exact: true }).click();
    await citizen.getByRole('radio', { name: 'Gửi ẩn danh' }).check();
    expect(await citizen.getByLabel('Họ và tên').count()).toBe(0);

    await citizen.setViewportSize(PHONE);
    await expectAccessible(citizen, 'the form at 375px');
    await expectNoSidewaysScroll(citizen, 'the form at 375px');
    await citizen.setViewportSize(DESKTOP);

    // A wrong answer: refused with the reason, and a new question to answer.
    const answer = citizen.getByTestId('challenge-answer');
    await answer.fill(String((Number(solve(await challengeQuestion(citizen))) + 1) % 100));
    await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await expect.poll(async () => (await summary.textContent()) ?? '').toContain('Câu trả lời kiểm tra không đúng');
    expect(await answer.inputValue()).toBe('');
    await answer.fill(solve(await challengeQuestion(citizen)));
    await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();

    const panel = citizen.getByTestId('feedback-receipt');
    await panel.waitFor();
    receipt = {
      code: ((await citizen.getByTestId('feedback-code').textContent()) ?? '').trim(),
      secret: ((await citizen.getByTestId('feedback-secret').textContent()) ?? '').trim(),
    };
    expect(receipt.code).toMatch(/^PAKN-\d{4}-\d{6}$/);
    expect(receipt.secret.length).toBeGreaterThanOrEqual(8);
    expect(await panel.getByRole('button', { name: /^Sao chép/ }).count()).toBe(2);
    expect(await panel.textContent()).toContain('chỉ hiển thị một lần');
    await expectAccessible(citizen, 'the receipt');
  });

  it('is classified and routed by the desk, drafted by the specialist, approved by the leader and published by the desk', async () => {
    const deskSide = await browser.newContext({ viewport: DESKTOP });
    const specialistSide = await browser.newContext({ viewport: DESKTOP });
    const leaderSide = await browser.newContext({ viewport: DESKTOP });
    try {
      await loginAs(deskSide, app.baseUrl, 'motcua.tamthanh');
      await loginAs(specialistSide, app.baseUrl, 'chuyenvien.tamthanh');
      await loginAs(leaderSide, app.baseUrl, 'lanhdao.tamthanh');
      const desk = await deskSide.newPage();
      await desk.goto(app.baseUrl + '/can-bo');
      await desk.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
      await desk.waitForURL(/\/can-bo\/phan-anh$/);
      await desk.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }).waitFor();
      const row = desk.getByRole('region', { name: 'Phản ánh, kiến nghị, khẩn nhất trước' }).locator('tbody tr').filter({ hasText: receipt.code });
      await row.waitFor();
      expect(await row.textContent()).toContain('Cổng dịch vụ công');
      expect(await row.textContent()).toContain('Mới tiếp nhận');
      expect(await row.getByTestId('next-deadline').textContent()).toMatch(/Hạn xử lý\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await expectAccessible(desk, 'the queue');
      await desk.setViewportSize(PHONE);
      await desk.getByRole('list', { name: 'Phản ánh, kiến nghị, khẩn nhất trước' }).getByRole('listitem').first().waitFor();
      await expectAccessible(desk, 'the queue at 375px');
      await expectNoSidewaysScroll(desk, 'the queue at 375px');
      await desk.setViewportSize(DESKTOP);

      await row.getByRole('link', { name: CITIZEN.title }).click();
      await desk.waitForURL(/\/can-bo\/phan-anh\/[0-9a-f-]{36}$/);
      itemId = desk.url().split('/').at(-1)!;
      await desk.getByRole('heading', { level: 1, name: CITIZEN.title }).waitFor();
      expect(await desk.getByTestId('feedback-content').textContent()).toBe(CITIZEN.content);
      expect(await desk.getByTestId('reporter').textContent()).toContain('Ẩn danh');
      await expectAccessible(desk, 'an item');

      await act(desk, 'Phân loại', async () => {
        await desk.getByLabel('Loại phản ánh').selectOption({ label: 'Quy định hành chính, thủ tục hành chính' });
        await desk.getByLabel('Mã thủ tục hành chính liên quan (không bắt buộc)').fill('1.001193');
      });
      await act(desk, 'Chuyển đơn vị xử lý', async () => {
        const unit = desk.getByRole('combobox', { name: 'Đơn vị nhận xử lý' });
        await unit.click();
        await unit.fill('Tam Thanh');
        await desk.getByRole('option', { name: 'Phường Tam Thanh', exact: true }).click();
        await desk.getByLabel('Lý do chuyển').fill('Thuộc thẩm quyền giải quyết của phường');
      });
      await act(desk, 'Tiếp nhận xử lý');
      await expect.poll(async () => (await desk.getByTestId('history').textContent()) ?? '').toContain('Chuyển đơn vị xử lý');
      expect(await desk.getByTestId('history').textContent()).toContain('Thuộc thẩm quyền giải quyết của phường');

      const specialist = await specialistSide.newPage();
      await specialist.goto(`${app.baseUrl}/can-bo/phan-anh/${itemId}`);
      await specialist.getByRole('heading', { level: 1, name: CITIZEN.title }).waitFor();
      await act(specialist, 'Dự thảo trả lời', async () => {
        await specialist.getByLabel('Nội dung trả lời').fill(CITIZEN.answer);
      });
      await expectAccessible(specialist, 'an item with its draft answer');
      await specialist.setViewportSize(PHONE);
      await transitionsDone(specialist);
      await expectNoSidewaysScroll(specialist, 'an item at 375px');
      await specialist.setViewportSize(DESKTOP);

      const leader = await leaderSide.newPage();
      await leader.goto(`${app.baseUrl}/can-bo/phan-anh/${itemId}`);
      await leader.getByRole('heading', { level: 1, name: CITIZEN.title }).waitFor();
      expect(await leader.getByTestId('feedback-answer').textContent()).toBe(CITIZEN.answer);
      await act(leader, 'Duyệt trả lời');

      // The desk's page is stale (the answer was drafted and approved meanwhile): its action is refused with the
      // message, and the item is read again with what it now offers.
      await desk.getByTestId('feedback-actions').getByRole('button', { name: 'Phân loại', exact: true }).click();
      await desk
        .getByTestId('action-form')
        .getByRole('button', { name: /^Xác nhận/ })
        .click();
      await expect
        .poll(
          async () =>
            (await desk
              .getByTestId('action-error')
              .textContent()
              .catch(() => '')) ?? '',
        )
        .toContain('vừa được người khác cập nhật');
      await desk.getByTestId('feedback-actions').getByRole('button', { name: 'Công khai trả lời' }).waitFor();
      await act(desk, 'Công khai trả lời');
      await expect.poll(async () => (await desk.getByTestId('feedback-facts').textContent()) ?? '').toContain('Công khai ngày');
    } finally {
      await Promise.all([deskSide.close(), specialistSide.close(), leaderSide.close()]);
    }
  });

  it('takes a forwarded item entered by the desk with its first reception time, and shows it late', async () => {
    const deskSide = await browser.newContext({ viewport: DESKTOP });
    try {
      await loginAs(deskSide, app.baseUrl, 'motcua.tamthanh');
      const desk = await deskSide.newPage();
      await desk.goto(app.baseUrl + '/can-bo/phan-anh');
      await desk.getByRole('link', { name: 'Nhập phản ánh' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Nhập phản ánh, kiến nghị' }).waitFor();
      await desk.getByLabel('Kênh tiếp nhận').selectOption({ label: 'Chuyển đến từ cơ quan khác' });
      await desk.getByRole('button', { name: 'Lưu phản ánh' }).click();
      const summary = desk.getByTestId('error-summary');
      await summary.waitFor();
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        'Nhập thời điểm cơ quan đầu tiên tiếp nhận.',
        'Nhập cơ quan chuyển đến.',
        'Nhập tiêu đề phản ánh.',
        'Nhập nội dung phản ánh.',
      ]);
      await expectAccessible(desk, 'the entry form with its error summary');

      const firstReception = `${todayInVietnam(new Date(Date.now() - 30 * 86_400_000))}T08:30`;
      await desk.getByLabel('Thời điểm cơ quan đầu tiên tiếp nhận').fill(firstReception);
      await desk.getByLabel('Cơ quan chuyển đến').fill('Văn phòng Chính phủ');
      await desk.getByLabel('Tiêu đề').fill('Chậm cấp bản sao trích lục khai sinh');
      await desk
        .getByLabel('Nội dung phản ánh, kiến nghị')
        .fill('Công dân phản ánh qua Cổng Dịch vụ công quốc gia: chờ bản sao trích lục khai sinh quá hạn hẹn.');
      await desk.getByRole('button', { name: 'Lưu phản ánh' }).click();
      await desk.getByTestId('feedback-receipt').waitFor();
      expect(await desk.getByTestId('feedback-code').textContent()).toMatch(/^PAKN-\d{4}-\d{6}$/);
      await expectAccessible(desk, 'the entry receipt');

      await desk.getByRole('link', { name: 'Mở phản ánh vừa nhập' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Chậm cấp bản sao trích lục khai sinh' }).waitFor();
      expect(await desk.getByTestId('feedback-facts').textContent()).toContain('Văn phòng Chính phủ');
      expect(await desk.getByTestId('late').textContent()).toBe('Trễ hạnXử lý quá 15 ngày làm việc');
    } finally {
      await deskSide.close();
    }
  });

  it('shows the answer in public without a name; the reporter dislikes it and re-raises it, and it reopens', async () => {
    await citizen.goto(`${app.baseUrl}/phan-anh-kien-nghi/${receipt.code}`);
    await citizen.getByRole('heading', { level: 1, name: CITIZEN.title }).waitFor();
    expect(await citizen.getByTestId('answer-text').textContent()).toBe(CITIZEN.answer);
    expect(await citizen.getByTestId('answer-facts').textContent()).not.toContain('Người phản ánh');

    await citizen.goto(`${app.baseUrl}/phan-anh-kien-nghi/tra-cuu?ma=${receipt.code}`);
    await citizen.getByRole('heading', { level: 1, name: 'Tra cứu phản ánh, kiến nghị' }).waitFor();
    expect(await citizen.getByLabel('Mã phản ánh').inputValue()).toBe(receipt.code);
    await expectAccessible(citizen, 'the tracking page');
    await citizen.getByLabel('Mã tra cứu').fill('sai-ma-tra-cuu');
    await citizen.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await citizen.getByRole('alert').filter({ hasText: 'Không tìm thấy phản ánh' }).waitFor();

    await citizen.getByLabel('Mã tra cứu').fill(receipt.secret);
    await citizen.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await expect.poll(() => citizen.getByTestId('track-status').textContent()).toBe('Đã công khai');
    expect(await citizen.getByTestId('track-answer').textContent()).toBe(CITIZEN.answer);
    await expect.poll(() => citizen.getByTestId('vote-counts').textContent()).toBe('0 người hài lòng · 0 người không hài lòng');
    await citizen.getByRole('button', { name: 'Không hài lòng' }).click();
    await citizen.getByTestId('vote-saved').waitFor();
    expect(await citizen.getByTestId('vote-counts').textContent()).toBe('0 người hài lòng · 1 người không hài lòng');
    expect(await citizen.getByRole('button', { name: 'Không hài lòng' }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(citizen, 'the tracking page with the answer');

    await citizen.getByLabel('Lý do chưa hài lòng').fill('Phường chưa nêu thời hạn khắc phục và người chịu trách nhiệm.');
    await citizen.getByRole('button', { name: 'Phản ánh lại' }).click();
    await citizen.getByTestId('track-notice').waitFor();
    expect(await citizen.getByTestId('track-notice').textContent()).toContain('mở lại');
    await expect.poll(() => citizen.getByTestId('track-status').textContent()).toBe('Đang xử lý');
    expect(await citizen.getByRole('button', { name: 'Phản ánh lại' }).count()).toBe(0);
    await expectAccessible(citizen, 'the tracking page after re-raising');

    // No longer in public while it is answered again.
    await citizen.goto(`${app.baseUrl}/phan-anh-kien-nghi/${receipt.code}`);
    await citizen.getByText(/Không tìm thấy câu trả lời công khai/).waitFor();
  });
});
