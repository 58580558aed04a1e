import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoNationalProcedures, startPortalSimulator, type PortalSimulator } from './portal-simulator.js';

const USERNAME = 'motcua-langson';
const PASSWORD = 'mat-khau-cong-2026';
const UNIT = '000.00.03.H37';
/** 2026-11-24 09:30 in Vietnam. */
const NOW = new Date('2026-11-24T02:30:00Z');

let portal: { url: string; simulator: PortalSimulator; close(): Promise<void> };
let simulator: PortalSimulator;
let session: string;
let serial = 0;

/** A code no other test uses. */
const nextCode = () => `H37.99-261124-${String(++serial).padStart(4, '0')}`;

const record = (code: string, overrides: Record<string, unknown> = {}) => ({
  MaHoSo: code,
  MaTTHC: '1.001193',
  TenTTHC: 'Đăng ký khai sinh',
  KenhThucHien: '1',
  ChuHoSo: 'Nguyễn Văn An',
  NgayTiepNhan: '20261124093000',
  NgayHenTra: '20261125093000',
  TrangThaiHoSo: '2',
  DonViXuLy: UNIT,
  ...overrides,
});

const progress = (code: string, content: string) => ({
  MaHoSo: code,
  NguoiXuLy: 'Trần Thị Bình',
  ChucDanh: 'Công chức tư pháp – hộ tịch',
  ThoiDiemXuLy: '20261124100000',
  PhongBanXuLy: 'Bộ phận Một cửa',
  NoiDungXuLy: content,
  TrangThai: '2',
});

async function post(path: string, body: unknown, signal?: AbortSignal): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${portal.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', dstcode: 'DVCQG' },
    body: JSON.stringify(body),
    signal,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function login(): Promise<string> {
  const answer = await post('/auth', { username: USERNAME, password: PASSWORD });
  expect(answer.body.error_code).toBe(0);
  return answer.body.session as string;
}

const call = (service: string, data: unknown, extra: Record<string, unknown> = {}, signal?: AbortSignal) =>
  post('/integration', { session, madonvi: UNIT, service, data, ...extra }, signal).then((a) => a.body);
const create = (code: string, overrides: Record<string, unknown> = {}) => call('DongBoHoSoMC', [record(code, overrides)], { isUpdating: 'False' });
const update = (code: string, overrides: Record<string, unknown> = {}) => call('DongBoHoSoMC', [record(code, overrides)], { isUpdating: 'True' });

beforeAll(async () => {
  portal = await startPortalSimulator({ port: 0, username: USERNAME, password: PASSWORD, slowMs: 200, clock: () => NOW });
  simulator = portal.simulator;
  session = await login();
});
afterAll(() => portal.close());
afterEach(() => simulator.setFault('none'));

describe('login', () => {
  it('gives a session for the right credentials and refuses wrong ones with error_code 1', async () => {
    expect(await login()).toMatch(/^[\w-]{20,}$/);
    const wrong = await post('/auth', { username: USERNAME, password: 'sai' });
    expect(wrong).toEqual({ status: 200, body: { error_code: 1, message: 'Tên đăng nhập hoặc mật khẩu không đúng' } });
  });

  it('refuses a data call without a valid session, an unknown service and a body that is not JSON', async () => {
    const stranger = await post('/integration', { session: 'khong-co', madonvi: UNIT, service: 'TraCuuHoSo', data: { MaHoSo: 'X' } });
    expect(stranger.body).toEqual({ error_code: 401, message: 'Phiên làm việc (session) không hợp lệ hoặc đã hết hạn' });
    expect((await call('KhongCoDichVu', null)).error_code).toBe(400);
    const res = await fetch(`${portal.url}/integration`, { method: 'POST', body: '{khong phai json' });
    expect(res.status).toBe(400);
  });
});

describe('DongBoHoSoMC', () => {
  it('stores a new dossier without its progress, and answers "đã tồn tại" to a second create, changing nothing', async () => {
    const code = nextCode();
    const first = await call('DongBoHoSoMC', [{ ...record(code), QuaTrinhXuLy: [progress(code, 'Tiếp nhận hồ sơ')] }]);
    expect(first).toEqual({ error_code: 0, message: 'Thành công', result: [{ MaHoSo: code }] });
    expect(simulator.dossier(code)?.record).not.toHaveProperty('QuaTrinhXuLy');
    expect(simulator.dossier(code)?.progress.map((p) => p.NoiDungXuLy)).toEqual(['Tiếp nhận hồ sơ']);
    expect(await create(code, { ChuHoSo: 'Người khác' })).toEqual({ error_code: 1, message: `Hồ sơ ${code} đã tồn tại` });
    expect(simulator.dossier(code)?.record.ChuHoSo).toBe('Nguyễn Văn An');
  });

  it('answers error_code 2 to an update of a dossier it does not hold, and replaces progress only when some is sent', async () => {
    const code = nextCode();
    expect(await update(code)).toEqual({ error_code: 2, message: `Không tìm thấy hồ sơ ${code}` });
    expect(simulator.dossier(code)).toBeNull();
    await call('DongBoHoSoMC', [{ ...record(code), QuaTrinhXuLy: [progress(code, 'Tiếp nhận hồ sơ')] }]);
    expect((await update(code, { TrangThaiHoSo: '4' })).error_code).toBe(0);
    expect(simulator.dossier(code)).toMatchObject({ record: { TrangThaiHoSo: '4' }, progress: [{ NoiDungXuLy: 'Tiếp nhận hồ sơ' }] });
    await call('DongBoHoSoMC', [{ ...record(code), QuaTrinhXuLy: [progress(code, 'A'), progress(code, 'B')] }], { isUpdating: 'True' });
    expect(simulator.dossier(code)?.progress.map((p) => p.NoiDungXuLy)).toEqual(['A', 'B']);
  });

  it('refuses an invalid record with error_code 3 naming the field, and stores nothing of the array', async () => {
    const [good, bad] = [nextCode(), nextCode()];
    const answer = await call('DongBoHoSoMC', [record(good), record(bad, { NgayTiepNhan: '24/11/2026' })]);
    expect(answer.error_code).toBe(3);
    expect(answer.message).toMatch(/^Dữ liệu không hợp lệ: NgayTiepNhan: /);
    expect(simulator.dossier(good)).toBeNull();
  });
});

describe('CapNhatTienDoHoSoMC and TraCuuHoSo', () => {
  it('appends progress in order, blindly, and counts what it holds per dossier', async () => {
    const [a, b] = [nextCode(), nextCode()];
    await create(a);
    await create(b);
    const first = await call('CapNhatTienDoHoSoMC', [progress(a, '1'), progress(b, 'x'), progress(a, '2')]);
    expect(first.result).toEqual([
      { MaHoSo: a, SoTienDo: 2 },
      { MaHoSo: b, SoTienDo: 1 },
    ]);
    // The same entry again is kept again: a client's duplicate shows.
    expect((await call('CapNhatTienDoHoSoMC', [progress(a, '2')])).result).toEqual([{ MaHoSo: a, SoTienDo: 3 }]);
    expect(simulator.dossier(a)?.progress.map((p) => p.NoiDungXuLy)).toEqual(['1', '2', '2']);
  });

  it('appends nothing when one dossier is not held, and refuses more than 10 entries', async () => {
    const [held, absent] = [nextCode(), nextCode()];
    await create(held);
    expect(await call('CapNhatTienDoHoSoMC', [progress(held, '1'), progress(absent, '1')])).toEqual({
      error_code: 2,
      message: `Không tìm thấy hồ sơ ${absent}`,
    });
    expect(simulator.dossier(held)?.progress).toEqual([]);
    const eleven = Array.from({ length: 11 }, (_, i) => progress(held, String(i)));
    expect((await call('CapNhatTienDoHoSoMC', eleven)).error_code).toBe(3);
  });

  it('tells the dossiers held with their progress, omits the absent ones, and refuses more than 100 codes', async () => {
    const [held, absent] = [nextCode(), nextCode()];
    await create(held, { NgayKetThucXuLy: '20261124150000' });
    await call('CapNhatTienDoHoSoMC', [progress(held, 'Tiếp nhận')]);
    const answer = await call('TraCuuHoSo', [{ MaHoSo: held }, { MaHoSo: absent }]);
    expect(answer.result).toEqual([
      {
        MaHoSo: held,
        TrangThaiHoSo: '2',
        DonViXuLy: UNIT,
        NgayTiepNhan: '20261124093000',
        NgayHenTra: '20261125093000',
        NgayKetThucXuLy: '20261124150000',
        NgayTra: '',
        QuaTrinhXuLy: [expect.objectContaining({ MaHoSo: held, NoiDungXuLy: 'Tiếp nhận' })],
      },
    ]);
    expect((await call('TraCuuHoSo', { MaHoSo: absent })).result).toEqual([]);
    const many = Array.from({ length: 101 }, (_, i) => ({ MaHoSo: `X${i}` }));
    expect((await call('TraCuuHoSo', many)).error_code).toBe(3);
  });
});

describe('faults', () => {
  it('down: the socket is closed without an answer, on /auth too, and nothing is stored', async () => {
    simulator.setFault('down');
    const code = nextCode();
    await expect(create(code)).rejects.toThrow();
    await expect(post('/auth', { username: USERNAME, password: PASSWORD })).rejects.toThrow();
    expect(simulator.dossier(code)).toBeNull();
  });

  it('error5xx: HTTP 503 and nothing stored', async () => {
    simulator.setFault('error5xx');
    const code = nextCode();
    const answer = await post('/integration', { session, madonvi: UNIT, service: 'DongBoHoSoMC', data: [record(code)] });
    expect(answer).toEqual({ status: 503, body: { error_code: 503, message: 'Hệ thống đang bận' } });
    expect(simulator.dossier(code)).toBeNull();
  });

  it('lostAck: the write is done but never acknowledged; a read is answered', async () => {
    simulator.setFault('lostAck');
    const code = nextCode();
    await expect(create(code)).rejects.toThrow();
    expect(simulator.dossier(code)).not.toBeNull();
    expect((await call('TraCuuHoSo', { MaHoSo: code })).result).toHaveLength(1);
  });

  it('slow: the write is done, and the answer comes after the client gave up', async () => {
    simulator.setFault('slow');
    const code = nextCode();
    const started = Date.now();
    expect((await create(code)).error_code).toBe(0); // a patient client gets the answer, 200 ms later
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const hurried = nextCode();
    const call100 = call('DongBoHoSoMC', [record(hurried)], {}, AbortSignal.timeout(100));
    await expect(call100).rejects.toThrow(/abort|timeout/i);
    expect(simulator.dossier(hurried)).not.toBeNull();
  });

  it('duplicateAck: the next write gets the previous answer and is not done', async () => {
    simulator.setFault('duplicateAck');
    const [a, b] = [nextCode(), nextCode()];
    const first = await create(a);
    expect(first).toEqual({ error_code: 0, message: 'Thành công', result: [{ MaHoSo: a }] });
    expect(await create(b)).toEqual(first);
    expect(simulator.dossier(b)).toBeNull();
    // A read between writes is answered as usual.
    expect((await call('TraCuuHoSo', { MaHoSo: a })).result).toHaveLength(1);
  });

  it('expiredSession: 401 once, every session dropped, then a new login works', async () => {
    simulator.setFault('expiredSession');
    expect((await call('TraCuuHoSo', { MaHoSo: 'X' })).error_code).toBe(401);
    expect(simulator.fault()).toBe('none');
    expect((await call('TraCuuHoSo', { MaHoSo: 'X' })).error_code).toBe(401);
    session = await login();
    expect((await call('TraCuuHoSo', { MaHoSo: 'X' })).error_code).toBe(0);
  });

  it('exists: a new dossier is stored but answered "đã tồn tại"', async () => {
    simulator.setFault('exists');
    const code = nextCode();
    expect(await create(code)).toEqual({ error_code: 1, message: `Hồ sơ ${code} đã tồn tại` });
    expect(simulator.dossier(code)).not.toBeNull();
    expect((await update(code, { TrangThaiHoSo: '3' })).error_code).toBe(0);
  });

  it('flaky: with its dice, some requests fail in one of four ways and the rest are served', async () => {
    // The dice: [suffers?, which] per request. 0.9 ≥ 0.5: served; 0.1 < 0.5 then 0.1 → down; 0.1 then 0.3 → error5xx.
    const rolls = [0.9, 0.1, 0.1, 0.1, 0.3, 0.1, 0.6];
    const flaky = await startPortalSimulator({ username: USERNAME, password: PASSWORD, procedures: [], slowMs: 50, random: () => rolls.shift() ?? 0.9 });
    try {
      const send = (body: unknown) => fetch(`${flaky.url}/integration`, { method: 'POST', body: JSON.stringify(body) });
      const auth = (await (await fetch(`${flaky.url}/auth`, { method: 'POST', body: JSON.stringify({ username: USERNAME, password: PASSWORD }) })).json()) as {
        session: string;
      };
      flaky.simulator.setFault('flaky', { rate: 0.5 });
      const write = (code: string) => send({ session: auth.session, madonvi: UNIT, service: 'DongBoHoSoMC', data: [record(code)] });
      expect((await write('A')).status).toBe(200);
      await expect(write('B')).rejects.toThrow();
      expect((await write('C')).status).toBe(503);
      await expect(write('D')).rejects.toThrow(); // 0.6 → lostAck
      expect(flaky.simulator.dossierCodes()).toEqual(['A', 'D']);
      expect(flaky.simulator.requests()).toEqual({ DongBoHoSoMC: 2 });
    } finally {
      await flaky.close();
    }
  });

  it('is switched over HTTP, and refuses an unknown fault', async () => {
    const answer = await post('/_faults', { fault: 'flaky', rate: 0.2 });
    expect(answer).toEqual({ status: 200, body: { fault: 'flaky', rate: 0.2 } });
    expect(simulator.fault()).toBe('flaky');
    expect((await post('/_faults', { fault: 'sập' })).status).toBe(400);
  });
});

describe('admin, ratings and the catalogue', () => {
  it('counts dossiers received per unit within Vietnam days (indicator 1.4), and deletes one', async () => {
    const [late, early, other] = [nextCode(), nextCode(), nextCode()];
    const unit = '000.21.40.H37';
    await create(late, { DonViXuLy: unit, NgayTiepNhan: '20261201233000' }); // 1 December, 23:30 in Vietnam
    await create(early, { DonViXuLy: unit, NgayTiepNhan: '20261201000000' });
    await create(other, { DonViXuLy: unit, NgayTiepNhan: '20261202000000' });
    expect(simulator.indicator14('2026-12-01', '2026-12-01')).toEqual({ [unit]: 2 });
    const res = await fetch(`${portal.url}/_indicator-1.4?from=2026-12-01&to=2026-12-02`);
    expect(await res.json()).toEqual({ units: { [unit]: 3 } });
    expect((await fetch(`${portal.url}/_dossiers/${encodeURIComponent(early)}`, { method: 'DELETE' })).status).toBe(200);
    expect(simulator.indicator14('2026-12-01', '2026-12-02')).toEqual({ [unit]: 2 });
    expect((await fetch(`${portal.url}/_dossiers/${encodeURIComponent(early)}`)).status).toBe(404);
  });

  it('keeps the latest rating aggregate per month, unit and procedure', async () => {
    const item = { NgayTongHop: '11-2026', Madonvi: UNIT, MaThuTuc: '1.001193', TongSoNguoiDanhGia: '10', TenDonVi: 'Sở Tư pháp' };
    expect(await call('DongBoDanhGia', [item])).toEqual({ error_code: 0, message: 'Thành công', result: null });
    await call('DongBoDanhGia', [
      { ...item, TongSoNguoiDanhGia: '12' },
      { ...item, NgayTongHop: '10-2026' },
    ]);
    expect(simulator.ratings().map((r) => [r.NgayTongHop, r.TongSoNguoiDanhGia])).toEqual([
      ['11-2026', '12'],
      ['10-2026', '10'],
    ]);
    expect((await call('DongBoDanhGia', [{ ...item, NgayTongHop: '2026-11' }])).error_code).toBe(3);
  });

  it("lists the demo catalogue, tells a procedure, and shows a ministry's change in NgayCapNhat", async () => {
    const listed = (await call('LayDanhSachTTHC', null)).result as { MaTTHC: string; NgayCapNhat: string }[];
    expect(listed).toHaveLength((await demoNationalProcedures()).length);
    expect(listed.find((p) => p.MaTTHC === '1.001193')).toEqual({ MaTTHC: '1.001193', TenTTHC: 'Đăng ký khai sinh', NgayCapNhat: '20260101000000' });
    const birth = (await call('LayThuTuc', { maTTHC: '1.001193' })).result as Record<string, unknown>;
    expect(birth).toMatchObject({ MaTTHC: '1.001193', CapThucHien: 'Cấp xã', ThoiHanGiaiQuyet: '1 ngày làm việc' });
    expect(birth.ThanhPhanHoSo).toContainEqual({ Ten: 'Tờ khai đăng ký khai sinh', MaThanhPhanHoSo: '1.001193.TP1' });
    expect((await call('LayThuTuc', { maTTHC: '9.999999' })).result).toBeNull();

    simulator.changeProcedure('1.001193', { ThoiHanGiaiQuyet: '2 ngày làm việc' });
    const changed = await post('/_procedures/2.999999', { TenTTHC: 'Thủ tục mới của Bộ' });
    expect(changed.body).toMatchObject({ MaTTHC: '2.999999', NgayCapNhat: '20261124093000' });
    const after = (await call('LayDanhSachTTHC', null)).result as { MaTTHC: string; NgayCapNhat: string }[];
    expect(after.find((p) => p.MaTTHC === '1.001193')?.NgayCapNhat).toBe('20261124093000');
    expect(after.find((p) => p.MaTTHC === '2.999999')).toEqual({ MaTTHC: '2.999999', TenTTHC: 'Thủ tục mới của Bộ', NgayCapNhat: '20261124093000' });
    expect(((await call('LayThuTuc', { maTTHC: '1.001193' })).result as Record<string, unknown>).ThoiHanGiaiQuyet).toBe('2 ngày làm việc');
    expect((await post('/_procedures/1.001193', { KhongCo: 'x' })).status).toBe(400);
  });

  it('records CongKhaiTTHC and tells when the procedure was made public', async () => {
    const data = { MaTTHC: '1.001193', SoQuyetDinh: '1234/QĐ-UBND', NgayQuyetDinh: '20261120000000', MaDonVi: '000.00.00.H37' };
    expect(await call('CongKhaiTTHC', data)).toEqual({ error_code: 0, message: 'Thành công', result: { MaTTHC: '1.001193', NgayCongKhai: '20261124093000' } });
    expect(simulator.published()).toContainEqual({ ...data, NgayCongKhai: '20261124093000' });
    expect((await call('CongKhaiTTHC', { ...data, NgayQuyetDinh: '20/11/2026' })).error_code).toBe(3);
    const state = (await (await fetch(`${portal.url}/_state`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ published: 1, fault: 'none' });
    expect(simulator.requests().CongKhaiTTHC).toBe(2);
  });
});
