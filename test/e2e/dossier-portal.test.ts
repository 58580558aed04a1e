import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { citizenContext, launchBrowser, seriousViolations, signInAtIdp, submitOnlineThroughApi } from './browser.js';
import { DEMO_CITIZENS } from '../../src/infrastructure/seed/demo-province.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

/** Đăng ký khai sinh: a commune procedure offered online, two required papers. */
const BIRTH = '1.001193';
const TAM_THANH = '000.00.31.H37';
const COUNTER_ONLY = '2.000815';
const CODE_PATTERN = /^000\.00\.31\.H37-\d{6}-\d{4}$/;
const ADDRESS = 'Số 25 đường Trần Đăng Ninh, phường Tam Thanh';
const PHONE_NUMBER = '0912 345 678';

const citizen = DEMO_CITIZENS[0]!;

async function expectAccessible(page: Page, what: string): Promise<void> {
  // Let dialogs and transitions settle so that axe measures the final colours.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  expect(await seriousViolations(page), what).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

describe('citizens submit and follow dossiers; anyone follows a dossier by its code', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '1000' } });
    browser = await launchBrowser();
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** The lookup key printed on the dossier's receipt. */
  const lookupKeyOf = async (code: string) =>
    (await app.database.db.selectFrom('dossiers').select('lookup_key').where('code', '=', code).executeTakeFirstOrThrow()).lookup_key;
  const act = async (client: Client, id: string, body: Record<string, unknown>) => {
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, `${String(body.type)}: ${res.body}`).toBe(200);
    return res.json() as { seq: number; status: string };
  };

  it('a citizen logs in with eID, submits 1.001193 online for Phường Tam Thanh, follows it to "Đã trả kết quả", and the public page shows the steps without personal data', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();

    // From the procedure page to the form; an anonymous visitor is sent to the eID login and back.
    await page.goto(`${app.baseUrl}/thu-tuc/${BIRTH}`);
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.waitForURL(`**/nop-ho-so/${BIRTH}`);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    await expectAccessible(page, 'sign-in prompt');
    await page.getByRole('main').getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await signInAtIdp(page, citizen);
    await page.waitForURL(`${app.baseUrl}/nop-ho-so/${BIRTH}`);
    await expect.poll(() => page.getByTestId('applicant-name').textContent()).toBe(citizen.fullName);
    expect(await page.getByTestId('procedure-name').textContent()).toContain('Đăng ký khai sinh');

    // The commune, picked by name typed without diacritics; the contact fields.
    const commune = page.getByRole('combobox', { name: 'Xã, phường giải quyết hồ sơ' });
    await commune.click();
    await commune.fill('tam thanh');
    await page.getByRole('option', { name: 'Phường Tam Thanh' }).click();
    await page.getByLabel('Địa chỉ liên hệ').fill(ADDRESS);
    await page.getByLabel('Số điện thoại').fill(PHONE_NUMBER);

    // Continuing without the required papers: told so, and focus goes to the first one.
    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra hồ sơ' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Tờ khai đăng ký khai sinh: giấy tờ bắt buộc, hãy chuẩn bị và đánh dấu đã có.',
      expect.stringMatching(/^Giấy chứng sinh .*: giấy tờ bắt buộc/),
    ]);
    await expectAccessible(page, 'form with errors');
    await summary.getByRole('link', { name: /^Tờ khai đăng ký khai sinh/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('checkbox');
    await page.getByRole('checkbox', { name: /Tờ khai đăng ký khai sinh/ }).check();
    await page.getByRole('checkbox', { name: /Giấy chứng sinh/ }).check();

    // A reload keeps what was typed (a draft on this device, for this citizen and procedure).
    await page.reload();
    await expect.poll(() => page.getByLabel('Địa chỉ liên hệ').inputValue()).toBe(ADDRESS);
    expect(await page.getByText('Đã khôi phục bản nháp').count()).toBe(1);
    expect(await commune.inputValue()).toBe('Phường Tam Thanh');
    expect(await page.getByRole('checkbox', { name: /Giấy chứng sinh/ }).isChecked()).toBe(true);

    // Review, pledge, send.
    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra hồ sơ' }).click();
    await page.getByRole('heading', { name: /Bước 2 trên 2/ }).waitFor();
    const review = (await page.getByTestId('submission-review').textContent()) ?? '';
    expect(review).toContain('Phường Tam Thanh');
    expect(review).toContain(ADDRESS);
    await expectAccessible(page, 'review step');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await expect.poll(() => page.getByText(/Vui lòng đánh dấu cam đoan/).count()).toBe(1);
    await page.getByRole('checkbox', { name: /Tôi xin cam đoan/ }).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
    const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    expect(code).toMatch(CODE_PATTERN);
    expect(await page.getByTestId('appointment-note').textContent()).toContain('Ngày hẹn trả sẽ có khi hồ sơ được tiếp nhận');
    await expectAccessible(page, 'success');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('motcua.nop-ho-so')))).toEqual([]);

    // What the server recorded: the eID identity, the contact typed, the papers declared.
    const row = await app.database.db
      .selectFrom('dossiers')
      .select(['id', 'channel', 'unit_code', 'applicant', 'components', 'status'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'online', unit_code: TAM_THANH, status: 'submitted' });
    expect(row.applicant).toMatchObject({ fullName: citizen.fullName, address: ADDRESS, phone: PHONE_NUMBER });
    // The ID number is stored sealed (ADR 8), and opens to the one the eID login released.
    const sealed = (row.applicant as { personalId: string }).personalId;
    expect(sealed).toMatch(/^pd1\./);
    expect(app.ctx.deps.personalData.open(sealed)).toBe(citizen.personalId);
    expect((row.components as { code: string }[]).map((c) => c.code)).toEqual([`${BIRTH}.TP1`, `${BIRTH}.TP2`]);

    // Tracking it: the dossier page says there is no appointment yet, and offers to withdraw.
    await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
    await page.waitForURL(`**/tai-khoan/ho-so/${row.id}`);
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Mới đăng ký, chờ tiếp nhận');
    expect(await page.getByTestId('appointment').textContent()).toBe('Ngày hẹn trả sẽ có khi hồ sơ được tiếp nhận');
    expect(await page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(1);

    // The officials of Phường Tam Thanh run it through, over the API.
    let seq = 0;
    seq = (await act(desk, row.id, { type: 'accept', expectedSeq: seq })).seq;
    seq = (await act(desk, row.id, { type: 'transfer', expectedSeq: seq, toStep: 1, note: null })).seq;
    seq = (await act(specialist, row.id, { type: 'claim', expectedSeq: seq })).seq;
    seq = (await act(specialist, row.id, { type: 'transfer', expectedSeq: seq, toStep: 2, note: 'Đủ điều kiện' })).seq;
    seq = (await act(leader, row.id, { type: 'claim', expectedSeq: seq })).seq;
    seq = (await act(leader, row.id, { type: 'approve', expectedSeq: seq, note: null })).seq;
    expect((await act(desk, row.id, { type: 'returnResult', expectedSeq: seq, method: 'online' })).status).toBe('returned');

    // "Hồ sơ của tôi", from the account page.
    await page.goto(`${app.baseUrl}/tai-khoan`);
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.waitForURL('**/tai-khoan/ho-so');
    const card = page.getByTestId('my-dossiers').locator('li').filter({ hasText: code });
    await expect.poll(() => card.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');
    await expectAccessible(page, 'my dossiers');
    await card.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
    await page.waitForURL(`**/tai-khoan/ho-so/${row.id}`);
    // Pages load on demand: until the dossier's page has come, the list stays on screen (a React transition), so
    // wait for the page's own steps before reading its status. Reception, the ward's processing and signature,
    // and the desk's final step that returned the result.
    await expect.poll(() => page.getByTestId('dossier-steps').locator('li').count()).toBe(4);
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');
    expect(await page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(0);
    await page.getByText('Vì sao là ngày này?').click();
    const why = (await page.getByTestId('appointment-explanation').textContent()) ?? '';
    expect(why).toMatch(/Tiếp nhận lúc \d\d:\d\d ngày/);
    expect(why).toContain('Hẹn trả kết quả lúc');
    expect(await page.getByTestId('appointment').textContent()).toMatch(/^\d\d:\d\d, (thứ .+|Chủ nhật), \d\d\/\d\d\/\d{4}$/);
    await expectAccessible(page, 'my dossier, returned');

    // The public page for the code: the status alone; with the lookup key from the receipt (the citizen's own
    // page links to it with the key), the steps too; never the citizen's data.
    const visitor = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await visitor.goto(`${app.baseUrl}/tra-cuu-ho-so/${code}`);
    await expect.poll(() => visitor.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');
    expect(await visitor.getByTestId('dossier-steps').count()).toBe(0);
    await expectAccessible(visitor, 'public status without the lookup key');
    const shared = (await page.getByRole('link', { name: /^Trang tra cứu công khai/ }).getAttribute('href'))!;
    const lookupKey = new URL(shared, app.baseUrl).searchParams.get('key')!;
    expect(lookupKey).toBe(await lookupKeyOf(code));
    await visitor.getByRole('textbox', { name: 'Mã tra cứu' }).fill(` ${lookupKey.toLowerCase()} `);
    await visitor.getByRole('button', { name: 'Xem chi tiết' }).click();
    await visitor.waitForURL(`${app.baseUrl}/tra-cuu-ho-so/${code}?key=${lookupKey}`);
    await expect.poll(() => visitor.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');
    const steps = visitor.getByTestId('dossier-steps').locator('li');
    await expect.poll(() => steps.count()).toBe(4);
    expect(await steps.first().textContent()).toContain('Phường Tam Thanh');
    const html = await visitor.content();
    for (const secret of [citizen.fullName, citizen.personalId, ADDRESS, PHONE_NUMBER, '0912345678']) expect(html).not.toContain(secret);
    await expectAccessible(visitor, 'public status');
    await visitor.context().close();
    await context.close();
  });

  it('the home page box and the lookup page find a dossier by a code typed carelessly; an unknown code gets a friendly page', async () => {
    const context = await citizenContext(browser, app.baseUrl, citizen);
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/');
    const { code } = await submitOnlineThroughApi(page, BIRTH);

    const anonymous = await browser.newContext({ viewport: PHONE });
    // Drafts left on this device: one saved 40 days ago and never sent is deleted when the portal opens
    // (DRAFT_RETENTION_DAYS, 30 by default); one of yesterday stays.
    const draftAt = (days: number) =>
      JSON.stringify({ v: 1, savedAt: new Date(Date.now() - days * 86_400_000).toISOString(), draft: { address: 'Thôn Nà Chuông' } });
    await anonymous.addInitScript(
      ({ old, recent }) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('motcua.nop-ho-so.v1.u-old.1.001193', old);
        localStorage.setItem('motcua.nop-ho-so.v1.u-new.1.001193', recent);
      },
      { old: draftAt(40), recent: draftAt(1) },
    );
    const visitor = await anonymous.newPage();
    await visitor.goto(app.baseUrl + '/');
    await expect
      .poll(() => visitor.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('motcua.nop-ho-so'))))
      .toEqual(['motcua.nop-ho-so.v1.u-new.1.001193']);
    const box = visitor.getByRole('textbox', { name: 'Tra cứu hồ sơ' });
    await box.fill(` ${code.toLowerCase()} `);
    await box.press('Enter');
    await visitor.waitForURL(/\/tra-cuu-ho-so\?ma=/);
    await expect.poll(() => visitor.getByTestId('dossier-status').textContent()).toBe('Mới đăng ký, chờ tiếp nhận');
    expect(await visitor.getByTestId('dossier-code').textContent()).toBe(code);
    // The code alone shows the status; the detail waits for the lookup key.
    expect(await visitor.getByTestId('lookup-key-form').count()).toBe(1);
    expect(await visitor.getByTestId('appointment').count()).toBe(0);
    await expectAccessible(visitor, 'lookup by ?ma= at 375px');

    // The QR address, typed in lower case, settles on the one canonical address.
    await visitor.goto(`${app.baseUrl}/tra-cuu-ho-so/${code.toLowerCase()}`);
    await visitor.waitForURL(`${app.baseUrl}/tra-cuu-ho-so/${code}`);
    await expect.poll(() => visitor.getByTestId('dossier-status').textContent()).toBe('Mới đăng ký, chờ tiếp nhận');

    await visitor.goto(`${app.baseUrl}/tra-cuu-ho-so/000.00.31.H37-991231-9999`);
    await visitor.getByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' }).waitFor();
    await expectAccessible(visitor, 'unknown code at 375px');
    await visitor.goto(`${app.baseUrl}/tra-cuu-ho-so`);
    await visitor.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    await expectAccessible(visitor, 'lookup page at 375px');
    await anonymous.close();
    await context.close();
  });

  it('the applicant resubmits after a request for papers at reception, then withdraws with a reason', async () => {
    const context = await citizenContext(browser, app.baseUrl, citizen, PHONE);
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/tai-khoan/ho-so');
    const { id } = await submitOnlineThroughApi(page, BIRTH);
    await act(desk, id, {
      type: 'requestSupplementAtReception',
      expectedSeq: 0,
      reason: 'Thiếu bản sao giấy chứng nhận kết hôn của cha mẹ',
      items: ['Giấy chứng nhận kết hôn'],
    });

    await page.goto(`${app.baseUrl}/tai-khoan/ho-so/${id}`);
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Cần bổ sung giấy tờ trước khi tiếp nhận');
    expect(await page.getByText('Thiếu bản sao giấy chứng nhận kết hôn của cha mẹ').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'dossier waiting for papers at 375px');
    await page.getByRole('button', { name: 'Nộp lại hồ sơ đã bổ sung' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(page, 'resubmit dialog at 375px');
    await dialog.getByRole('button', { name: 'Xác nhận nộp lại' }).click();
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Mới đăng ký, chờ tiếp nhận');
    expect(await page.getByRole('status').filter({ hasText: 'Đã nộp lại hồ sơ' }).count()).toBe(1);
    // Focus lands on what happened, not on a button that may be gone.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');

    await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await expect.poll(() => dialog.getByText('Vui lòng cho biết lý do rút hồ sơ.').count()).toBe(1);
    await dialog.getByLabel('Lý do rút hồ sơ').fill('Gia đình đã đăng ký khai sinh tại nơi khác');
    await dialog.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã rút hồ sơ');
    expect(await page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(0);
    expect(await page.getByTestId('dossier-history').textContent()).toContain('Gia đình đã đăng ký khai sinh tại nơi khác');
    await expectAccessible(page, 'withdrawn dossier at 375px');
    await context.close();
  });

  it('has no serious accessibility violation and no sideways scrolling on the citizen pages at 1280 and 375 px', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const context = await citizenContext(browser, app.baseUrl, citizen, viewport);
      const page = await context.newPage();
      await page.goto(app.baseUrl + '/tai-khoan');
      const { id, code } = await submitOnlineThroughApi(page, BIRTH);
      const pages: [string, (p: Page) => Promise<unknown>][] = [
        ['/tai-khoan', (p) => p.getByRole('link', { name: 'Hồ sơ của tôi' }).waitFor()],
        [`/thu-tuc/${BIRTH}`, (p) => p.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).waitFor()],
        [`/nop-ho-so/${BIRTH}`, (p) => p.getByTestId('components-checklist').waitFor()],
        ['/tai-khoan/ho-so', (p) => p.getByTestId('my-dossiers').waitFor()],
        [`/tai-khoan/ho-so/${id}`, (p) => p.getByTestId('dossier-steps').or(p.getByText('chưa có bước xử lý')).first().waitFor()],
        ['/tai-khoan/ho-so/00000000-0000-4000-8000-000000000000', (p) => p.getByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' }).waitFor()],
        [`/tra-cuu-ho-so/${code}`, (p) => p.getByTestId('lookup-key-form').waitFor()],
        [`/tra-cuu-ho-so/${code}?key=${await lookupKeyOf(code)}`, (p) => p.getByTestId('public-status').waitFor()],
      ];
      for (const [path, ready] of pages) {
        await page.goto(app.baseUrl + path);
        await page.waitForSelector('main h1');
        await ready(page);
        await expectAccessible(page, `${path} at ${viewport.width}px`);
      }
      // The commune list opened, at this width.
      await page.goto(`${app.baseUrl}/nop-ho-so/${BIRTH}`);
      await page.getByRole('combobox', { name: 'Xã, phường giải quyết hồ sơ' }).click();
      await page.getByRole('option', { name: 'Phường Tam Thanh' }).waitFor();
      await expectAccessible(page, `commune picker at ${viewport.width}px`);
      await context.close();
    }
  });

  it('a procedure not offered online has no button, and an official is told that online submission is for citizens', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    // Chứng thực bản sao từ bản chính: at the counter only.
    await page.goto(`${app.baseUrl}/thu-tuc/${COUNTER_ONLY}`);
    await page.getByTestId('procedure-code').waitFor();
    expect(await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/thu-tuc/${BIRTH}`);
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    const res = await page.context().request.post(app.baseUrl + '/api/v1/auth/login', { data: { username: 'motcua.tamthanh', password: 'MotCua@2026' } });
    expect(res.status()).toBe(200);
    await page.goto(`${app.baseUrl}/nop-ho-so/${BIRTH}`);
    await expect.poll(() => page.getByText('Tài khoản cán bộ').count()).toBe(1);
    await page.close();
  });
});
