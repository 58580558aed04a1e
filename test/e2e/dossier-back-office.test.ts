import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchBrowser, minimalPdf, seriousViolations, expectNoSidewaysScroll, transitionsDone } from './browser.js';

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const BIRTH_REGISTRATION = '1.001193';
const TP1 = `${BIRTH_REGISTRATION}.TP1`;
const APPLICANT = {
  fullName: 'Hoàng Thị Lan',
  personalId: '020190004321',
  address: 'Số 12 đường Lê Lợi, phường Tam Thanh',
  phone: '0912 345 678',
  email: 'lan@example.vn',
};

interface Session {
  context: BrowserContext;
  page: Page;
  csrf: string;
}

interface DossierView {
  id: string;
  code: string;
  seq: number;
  status: string;
  dueAt: string | null;
  appointmentAt: string | null;
  history: { type: string }[];
}

/** "dd/MM/yyyy HH:mm" in Vietnam time, as the back office shows instants. */
function vietnamDateTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  expect(await seriousViolations(page), what).toEqual([]);
}

/** The file picker of a component's scans in the intake checklist. */
function scanInput(page: Page, componentCode: string) {
  return page.locator(`[data-attachment-slot="${componentCode}"] input[type=file]`);
}

async function activeId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

describe('dossier back office: queues, counter intake, the dossier page and its actions', () => {
  let app: TestApp;
  let browser: Browser;
  const sessions: BrowserContext[] = [];

  async function open(username: string, viewport = WIDE): Promise<Session> {
    const context = await browser.newContext({ viewport });
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

  async function receiveByApi(desk: Session): Promise<{ id: string; code: string }> {
    return api(desk, 'POST', '/api/v1/dossiers', {
      procedureCode: BIRTH_REGISTRATION,
      channel: 'counter',
      applicant: { fullName: 'Nông Văn Tú', personalId: null, address: null, phone: null, email: null },
      components: [
        { code: `${BIRTH_REGISTRATION}.TP1`, name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
        { code: `${BIRTH_REGISTRATION}.TP2`, name: 'Giấy chứng sinh', form: 'original', copies: 1 },
      ],
      accept: true,
    });
  }

  const view = (session: Session, id: string) => api<DossierView>(session, 'GET', `/api/v1/dossiers/${id}`);

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

  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of sessions) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  it('runs a dossier from keyboard-only counter intake to the returned result, through a supplement and an apology', { timeout: 180_000 }, async () => {
    // (1) Counter intake by the desk officer, the form filled with the keyboard only.
    const desk = await open('motcua.tamthanh');
    await desk.page.goto(app.baseUrl + '/can-bo');
    await desk.page.getByRole('navigation').getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    await desk.page.getByRole('tab', { name: 'Chờ tiếp nhận', selected: true }).waitFor();
    await desk.page.getByRole('status').filter({ hasText: 'Không có hồ sơ chờ tiếp nhận.' }).waitFor();
    await expectAccessible(desk.page, 'reception queue at 1280px');

    await desk.page.getByRole('tab', { name: 'Chờ tiếp nhận' }).focus();
    // End moves to the last tab, Enter opens it.
    await desk.page.keyboard.press('End');
    await desk.page.keyboard.press('Enter');
    await desk.page.getByRole('tab', { name: 'Tiếp nhận tại quầy', selected: true }).waitFor();
    await desk.page.keyboard.press('Tab');
    expect(await activeId(desk.page)).toBe('thu-tuc-tiep-nhan');
    await desk.page.keyboard.type('khai sinh');
    const combobox = desk.page.getByRole('combobox', { name: 'Thủ tục hành chính' });
    await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('true');
    await desk.page.keyboard.press('ArrowDown');
    const activeOption = await combobox.getAttribute('aria-activedescendant');
    expect(await desk.page.locator(`[id="${activeOption}"]`).textContent()).toBe(`${BIRTH_REGISTRATION} – Đăng ký khai sinh`);
    await desk.page.keyboard.press('Enter');
    // Choosing the procedure takes the cursor to the applicant's name.
    expect(await activeId(desk.page)).toBe('nguoi-nop-ho-ten');
    await desk.page.keyboard.type(APPLICANT.fullName);
    for (const value of [APPLICANT.personalId, APPLICANT.address, APPLICANT.phone, APPLICANT.email]) {
      await desk.page.keyboard.press('Tab');
      await desk.page.keyboard.type(value);
    }
    // A stray Enter does not submit a dossier.
    await desk.page.keyboard.press('Enter');
    const checklist = desk.page.getByRole('group', { name: 'Thành phần hồ sơ đã nhận' });
    await expect.poll(() => checklist.getByRole('checkbox', { name: /^Tờ khai đăng ký khai sinh/, checked: true }).count()).toBe(1);
    expect(await desk.page.getByTestId('intake-success').count()).toBe(0);
    // A mandatory component not received: the dossier cannot be accepted, only received with a supplement
    // request on form 02, which starts no clock.
    const certificate = checklist.getByRole('checkbox', { name: /^Giấy chứng sinh/ });
    await certificate.uncheck();
    const missing = desk.page.getByTestId('intake-missing');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('Còn thiếu: Giấy chứng sinh');
    expect(await missing.getByRole('button', { name: 'Lập phiếu yêu cầu bổ sung (Mẫu 02)' }).count()).toBe(1);
    await expectAccessible(desk.page, 'intake with a mandatory component missing at 1280px');
    await certificate.check();
    await expect.poll(() => missing.count()).toBe(0);
    // The paper form is scanned at the counter and attached to its component before receiving.
    const scan = minimalPdf();
    await scanInput(desk.page, TP1).setInputFiles({ name: 'to-khai-scan.pdf', mimeType: 'application/pdf', buffer: scan });
    await expect.poll(() => desk.page.locator(`[data-attachment-slot="${TP1}"]`).getByTestId('attached-files').textContent()).toContain('to-khai-scan.pdf');
    await expectAccessible(desk.page, 'intake form with a scan at 1280px');
    await desk.page.getByRole('button', { name: /^Đính kèm bản scan\s?: Tờ khai đăng ký khai sinh$/ }).focus();
    await desk.page.keyboard.press('Control+Enter');

    const success = desk.page.getByTestId('intake-success');
    await success.waitFor();
    const code = ((await desk.page.getByTestId('intake-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^000\.00\.31\.H37-\d{6}-\d{4}$/);
    await expect.poll(() => success.getByText('Ngày hẹn trả kết quả').count()).toBe(1);
    // The receipt (Mẫu 01) to print for the applicant.
    const receipt = success.getByRole('link', { name: /^Giấy tiếp nhận hồ sơ và hẹn trả kết quả/ });
    const receiptHref = (await receipt.getAttribute('href'))!;
    expect(receiptHref).toMatch(/^\/api\/v1\/dossiers\/[0-9a-f-]{36}\/forms\/01\.pdf$/);
    const pdf = await desk.context.request.get(app.baseUrl + receiptHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    // The scan is sent right after, and the screen says what is digitized.
    await expect.poll(() => desk.page.getByTestId('upload-summary').textContent()).toBe('Đã gửi đủ 1 tệp đính kèm.');
    const states = desk.page.getByTestId('scan-states');
    await expect.poll(() => states.locator('li[data-state="digitized"]').textContent()).toBe('Tờ khai đăng ký khai sinh: Đã số hóa (1 tệp)');
    expect(await states.locator('li[data-state="paper"]').textContent()).toMatch(/^Giấy chứng sinh.*: Chưa số hóa \(chỉ có bản giấy\)$/);
    await expectAccessible(desk.page, 'intake success at 1280px');
    await success.getByRole('link', { name: `Xem hồ sơ ${code}` }).click();
    await desk.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const id = desk.page.url().split('/').at(-1)!;
    let dossier = await view(desk, id);
    expect(dossier).toMatchObject({ code, status: 'accepted' });

    // The dossier page: dates and why, steps, documents, applicant, history.
    await statusIs(desk.page, 'Đã tiếp nhận');
    expect(await desk.page.getByTestId('due').textContent()).toContain(vietnamDateTime(dossier.dueAt!).slice(0, 10));
    expect(await desk.page.getByRole('region', { name: 'Vì sao là ngày này?' }).count()).toBe(1);
    expect(((await desk.page.getByTestId('due-explanation').textContent()) ?? '').length).toBeGreaterThan(10);
    expect(await desk.page.getByTestId('steps-timeline').locator('li[aria-current="step"]').textContent()).toContain('Bước 1');
    expect(await desk.page.getByTestId('applicant').textContent()).toContain(APPLICANT.personalId);
    const components = desk.page.getByRole('region', { name: 'Thành phần hồ sơ' });
    expect(await components.textContent()).toContain('Tờ khai đăng ký khai sinh — Bản chính, 1 bản');
    // The scan is listed under its component, which is marked digitized, and downloads as the same bytes.
    const digitized = components.locator('li[data-state="digitized"]');
    await expect.poll(() => digitized.textContent()).toContain('Đã số hóa');
    expect(await digitized.textContent()).toContain('to-khai-scan.pdf (PDF · 1 KB · 1 trang · bản số hóa từ giấy)');
    expect(await components.locator('li[data-state="paper"]').textContent()).toContain('Chưa số hóa');
    const download = digitized.getByRole('link', { name: 'Tải tệp to-khai-scan.pdf' });
    const [downloaded] = await Promise.all([desk.page.waitForEvent('download'), download.click()]);
    expect(downloaded.suggestedFilename()).toBe('to-khai-scan.pdf');
    const fetched = await desk.context.request.get(app.baseUrl + (await download.getAttribute('href'))!);
    expect(fetched.status()).toBe(200);
    expect(fetched.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await fetched.body()).equals(scan)).toBe(true);
    const files = await api<{ items: { componentCode: string; form: string; digitized: boolean; pages: number }[] }>(
      desk,
      'GET',
      `/api/v1/dossiers/${id}/files`,
    );
    expect(files.items).toEqual([expect.objectContaining({ componentCode: TP1, form: 'original', digitized: true, pages: 1 })]);
    await expectAccessible(desk.page, 'dossier page at 1280px');

    // (2) The desk transfers it to the specialist: the step picker offers only the next step of the workflow
    // (not the current one, nor the leader's or the last step), and the officials who may receive it there.
    await act(desk.page, 'Chuyển bước', async (dialog) => {
      const next = dialog.getByRole('radio', { name: /^Bước 2: Thẩm tra hồ sơ/ });
      expect(await next.isChecked()).toBe(true);
      expect(await dialog.getByRole('radio').count()).toBe(1);
      expect(await dialog.textContent()).toContain('Phường Tam Thanh · Chuyên viên xử lý');
      const recipient = dialog.getByLabel('Cán bộ nhận hồ sơ');
      await expect.poll(async () => (await recipient.locator('option').allTextContents()).some((o) => o.includes('(chuyenvien.tamthanh)'))).toBe(true);
      // Left to the ward's queue: the specialist claims it below.
      expect(await recipient.inputValue()).toBe('');
      await expectAccessible(desk.page, 'transfer dialog');
    });
    await statusIs(desk.page, 'Đang xử lý');

    // (3) The specialist claims it from the waiting queue and asks for a supplement with a canned reason.
    const specialist = await open('chuyenvien.tamthanh');
    await openFromQueue(specialist.page, '/can-bo/xu-ly-ho-so', 'Chờ nhận xử lý', code);
    await act(specialist.page, 'Nhận xử lý');
    await act(specialist.page, 'Yêu cầu bổ sung hồ sơ', async (dialog) => {
      await dialog.getByLabel('Chọn nội dung mẫu').selectOption({ label: 'Thiếu bản sao giấy tờ tùy thân' });
      expect(await dialog.getByLabel('Lý do yêu cầu bổ sung').inputValue()).toBe('Thiếu bản sao giấy tờ tùy thân');
      await dialog.getByLabel('Giấy tờ cần bổ sung').fill('Bản sao Căn cước của người yêu cầu\nGiấy chứng sinh bản chính');
      await expectAccessible(specialist.page, 'supplement dialog');
    });
    await statusIs(specialist.page, 'Yêu cầu bổ sung giấy tờ');
    expect(await specialist.page.getByTestId('dossier-history').textContent()).toContain(
      'Yêu cầu bổ sung hồ sơ (Chuyên viên xử lý): Thiếu bản sao giấy tờ tùy thân',
    );

    // (4) The desk receives the supplement from its reception queue, where the stopped clock is shown.
    await desk.page.goto(app.baseUrl + '/can-bo/tiep-nhan-ho-so');
    const waiting = desk.page.getByTestId('queue-row').filter({ hasText: code });
    await waiting.waitFor();
    expect(await waiting.getByTestId('urgency').textContent()).toBe('Tạm dừng tính thời gian, chờ bổ sung');
    await expectAccessible(desk.page, 'reception queue with a dossier at 1280px');
    await waiting.getByRole('link', { name: code }).click();
    await desk.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await act(desk.page, 'Nhận hồ sơ bổ sung');
    await statusIs(desk.page, 'Đang xử lý');

    // (5) A second supplement request is warned about before the official confirms (REFERENCE §2.6: once only).
    await specialist.page.reload();
    await specialist.page.getByTestId('dossier-actions').getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ', exact: true }).click();
    const again = specialist.page.getByRole('dialog', { name: /^Yêu cầu bổ sung hồ sơ – hồ sơ/ });
    await again.waitFor();
    expect(await again.getByTestId('second-supplement-warning').textContent()).toContain('Yêu cầu bổ sung lần thứ hai: hồ sơ sẽ bị tính là quá hạn');
    await again.getByLabel('Lý do yêu cầu bổ sung').fill('Thiếu bản sao sổ hộ khẩu');
    await again.getByLabel('Giấy tờ cần bổ sung').fill('Bản sao sổ hộ khẩu');
    await again.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ', exact: true }).click();
    expect(await again.getByText('Xác nhận đã biết hồ sơ sẽ bị tính là quá hạn.').count()).toBe(1);
    await expectAccessible(specialist.page, 'second supplement warning');
    await again.getByLabel('Tôi đã biết hồ sơ sẽ bị tính là quá hạn').check();
    await again.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ', exact: true }).click();
    // The ward does not allow a second request: the server refuses it with its reason.
    await expect.poll(() => again.getByTestId('action-error').textContent()).toContain('chỉ được yêu cầu bổ sung một lần');
    await again.getByRole('button', { name: 'Hủy' }).click();
    await again.waitFor({ state: 'hidden' });

    // (6) The specialist transfers it to the leader.
    await act(specialist.page, 'Chuyển bước', async (dialog) => {
      expect(await dialog.getByRole('radio', { name: /^Bước 3: Chủ tịch UBND cấp xã ký/ }).isChecked()).toBe(true);
      await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Hồ sơ đủ điều kiện, trình ký');
    });

    // (7) The leader claims it, apologises with a new appointment (the due date stays), and approves.
    const leader = await open('lanhdao.tamthanh');
    await leader.page.goto(app.baseUrl + '/can-bo');
    await leader.page.getByRole('navigation').getByRole('link', { name: 'Phê duyệt' }).click();
    await leader.page.getByRole('tab', { name: 'Chờ nhận xử lý' }).click();
    const row = leader.page.getByTestId('queue-row').filter({ hasText: code });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Quá hạn|Đến hạn hôm nay|Còn \d+ ngày/);
    await expectAccessible(leader.page, 'approval queue at 1280px');
    await row.getByRole('link', { name: code }).click();
    await leader.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await act(leader.page, 'Nhận xử lý');

    dossier = await view(leader, id);
    const dueText = vietnamDateTime(dossier.dueAt!);
    const dueDay = new Date(new Date(dossier.dueAt!).getTime() + 7 * 3_600_000);
    // Two days later, moved off a weekend: a new appointment must be a working day within office hours.
    const twoLater = new Date(dueDay.getTime() + 2 * 86_400_000);
    const shift = twoLater.getUTCDay() === 6 ? 2 : twoLater.getUTCDay() === 0 ? 1 : 0;
    const newDay = new Date(twoLater.getTime() + shift * 86_400_000).toISOString().slice(0, 10);
    await act(leader.page, 'Xin lỗi và hẹn lại ngày trả', async (dialog) => {
      expect(await dialog.textContent()).toContain(`Hạn giải quyết (không thay đổi): ${dueText}`);
      await dialog.getByLabel('Chọn nội dung mẫu').selectOption({ index: 1 });
      // Not later than the current appointment: refused before sending.
      await dialog.getByLabel('Ngày, giờ hẹn trả mới').fill(dossier.appointmentAt!.slice(0, 16));
      await dialog.getByRole('button', { name: 'Xin lỗi và hẹn lại ngày trả', exact: true }).click();
      await dialog.getByText(/Ngày hẹn mới phải sau ngày hẹn hiện tại/).waitFor();
      await dialog.getByLabel('Ngày, giờ hẹn trả mới').fill(`${newDay}T10:00`);
      await expectAccessible(leader.page, 'apology dialog');
    });
    await expect.poll(() => leader.page.getByTestId('appointment').textContent()).toContain(`${newDay.split('-').reverse().join('/')} lúc 10:00`);
    expect(await leader.page.getByTestId('dossier-dates').textContent()).toContain('Ngày hẹn trả mới');
    expect(await leader.page.getByTestId('due').textContent()).toContain(dueText.slice(0, 10));
    dossier = await view(leader, id);
    expect(dossier.dueAt).not.toBe(dossier.appointmentAt);
    await act(leader.page, 'Phê duyệt', async (dialog) => {
      await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Đồng ý cấp Giấy khai sinh');
    });
    await statusIs(leader.page, 'Đã có kết quả, chờ trả');

    // (8) The desk returns the result at the counter.
    await openFromQueue(desk.page, '/can-bo/tiep-nhan-ho-so', 'Chờ trả kết quả', code);
    await act(desk.page, 'Trả kết quả', async (dialog) => {
      expect(await dialog.getByRole('radio', { name: 'Trực tiếp' }).isChecked()).toBe(true);
    });
    await statusIs(desk.page, 'Đã trả kết quả');
    expect(await desk.page.getByTestId('dossier-actions').getByRole('button').count()).toBe(0);
    const history = (await view(desk, id)).history.map((h) => h.type);
    expect(history).toEqual([
      'accept',
      'transfer',
      'claim',
      'requestSupplement',
      'receiveSupplement',
      'transfer',
      'claim',
      'apologize',
      'approve',
      'returnResult',
    ]);
    const forms = (await desk.page.getByTestId('dossier-forms').getByRole('link').allTextContents()).map((t) => t.slice(0, 9));
    expect(forms).toEqual(['Mẫu số 01', 'Mẫu số 02', 'Mẫu số 04', 'Mẫu số 06']);
    await expectAccessible(desk.page, 'returned dossier at 1280px');
  });

  it('tells the second of two sessions acting on the same version that someone else updated the dossier', async () => {
    const first = await open('motcua.tamthanh');
    const second = await open('motcua.tamthanh');
    const { id, code } = await receiveByApi(first);
    for (const s of [first, second]) {
      await s.page.goto(`${app.baseUrl}/can-bo/ho-so/${id}`);
      await s.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    }
    // Both decide to transfer on version 1; the first wins.
    await act(first.page, 'Chuyển bước', async () => undefined);
    await second.page.getByTestId('dossier-actions').getByRole('button', { name: 'Chuyển bước', exact: true }).click();
    const dialog = second.page.getByRole('dialog', { name: /^Chuyển bước – hồ sơ/ });
    await dialog.getByRole('button', { name: 'Chuyển bước', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const notice = second.page.getByTestId('dossier-notice');
    await expect.poll(() => notice.textContent()).toContain('Hồ sơ vừa được người khác cập nhật');
    expect(await notice.getAttribute('role')).toBe('alert');
    // Reloaded: the transfer is no longer offered to the desk.
    await statusIs(second.page, 'Đang xử lý');
    await expect.poll(() => second.page.getByTestId('dossier-actions').getByRole('button', { name: 'Chuyển bước', exact: true }).count()).toBe(0);
    expect((await view(first, id)).seq).toBe(2);

    // The same for an action without a form: two specialist sessions claim at once.
    const a = await open('chuyenvien.tamthanh');
    const b = await open('chuyenvien.tamthanh');
    for (const s of [a, b]) await s.page.goto(`${app.baseUrl}/can-bo/ho-so/${id}`);
    await b.page.getByTestId('dossier-actions').getByRole('button', { name: 'Nhận xử lý' }).waitFor();
    await act(a.page, 'Nhận xử lý');
    await b.page.getByTestId('dossier-actions').getByRole('button', { name: 'Nhận xử lý' }).click();
    await expect.poll(() => b.page.getByTestId('dossier-notice').textContent()).toContain('Hồ sơ vừa được người khác cập nhật');
    expect((await view(a, id)).seq).toBe(3);
  });

  it('is usable on a phone: queues as cards, the intake form and the dossier page without sideways scrolling', async () => {
    const desk = await open('motcua.tamthanh', PHONE);
    const { id, code } = await receiveByApi(desk);
    const page = desk.page;
    // A scan digitized at the desk, listed on the dossier page.
    const uploaded = await desk.context.request.post(
      `${app.baseUrl}/api/v1/dossiers/${id}/files?component=${TP1}&name=to-khai-scan.pdf&form=original&digitized=true`,
      {
        headers: { 'content-type': 'application/pdf', 'x-csrf-token': desk.csrf },
        data: minimalPdf(),
      },
    );
    expect(uploaded.status()).toBe(201);

    await page.goto(`${app.baseUrl}/can-bo/ho-so/${id}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.getByRole('link', { name: 'Tải tệp to-khai-scan.pdf' }).waitFor();
    await expectAccessible(page, 'dossier page at 375px');
    await expectNoSidewaysScroll(page, 'dossier page at 375px');
    await page.getByTestId('dossier-actions').getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: /^Yêu cầu bổ sung hồ sơ – hồ sơ/ });
    await dialog.waitFor();
    // Nothing filled in: the form says what is missing and sends nothing.
    await dialog.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ', exact: true }).click();
    await dialog.getByText('Liệt kê ít nhất một giấy tờ cần bổ sung.').waitFor();
    await expectAccessible(page, 'supplement dialog with errors at 375px');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await view(desk, id)).seq).toBe(1);

    // Accepted at the counter, the dossier waits in the desk's own queue, a card on a phone.
    await page.goto(`${app.baseUrl}/can-bo/tiep-nhan-ho-so?tab=da-tiep-nhan`);
    await page.getByRole('tab', { name: 'Đã tiếp nhận, chờ chuyển', selected: true }).waitFor();
    await page.getByRole('list', { name: 'Hồ sơ bạn đã tiếp nhận, chờ chuyển bước xử lý' }).getByTestId('queue-row').filter({ hasText: code }).waitFor();
    await expectAccessible(page, 'desk queue at 375px');
    await expectNoSidewaysScroll(page, 'desk queue at 375px');

    // Transferred to the specialist: on a phone their queue is a list of cards.
    const specialist = await open('chuyenvien.tamthanh', PHONE);
    await api(desk, 'POST', `/api/v1/dossiers/${id}/actions`, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    await specialist.page.goto(`${app.baseUrl}/can-bo/xu-ly-ho-so?tab=cho-nhan-xu-ly`);
    const card = specialist.page.getByTestId('queue-row').filter({ hasText: code });
    await card.waitFor();
    expect(await card.textContent()).toContain('Hạn giải quyết');
    expect(await card.textContent()).toMatch(/Quá hạn|Đến hạn hôm nay|Còn \d+ ngày/);
    await expectAccessible(specialist.page, 'processing queue at 375px');
    await expectNoSidewaysScroll(specialist.page, 'processing queue at 375px');

    await page.goto(`${app.baseUrl}/can-bo/tiep-nhan-ho-so?tab=tiep-nhan-tai-quay`);
    await page.getByRole('combobox', { name: 'Thủ tục hành chính' }).fill(BIRTH_REGISTRATION);
    await page
      .getByRole('option', { name: /Đăng ký khai sinh/ })
      .first()
      .click();
    await page.getByRole('group', { name: 'Thành phần hồ sơ đã nhận' }).waitFor();
    await scanInput(page, TP1).setInputFiles({
      name: 'to-khai-scan-co-ten-rat-dai-cua-nguoi-nop-ho-so.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf(),
    });
    await page.locator(`[data-attachment-slot="${TP1}"]`).getByTestId('attached-files').waitFor();
    // Submitting without the applicant's name: the errors are shown and focus goes to the first one.
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.getByText('Nhập họ và tên người nộp hồ sơ.').waitFor();
    await expect.poll(() => activeId(page)).toBe('nguoi-nop-ho-ten');
    await expectAccessible(page, 'intake form with errors at 375px');
    await expectNoSidewaysScroll(page, 'intake form at 375px');
  });
});
