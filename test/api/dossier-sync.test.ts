import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { openDatabase } from '../../src/infrastructure/db/database.js';
import { DossierUsageError } from '../../src/cli/dossier-commands.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';

const WARD = '000.00.31.H37';
const WARD_CENTRE = '000.01.31.H37';
const applicant = { fullName: 'Nguyễn Thị Hoa', personalId: '020190001234', address: 'Số 5 đường Lê Lợi, phường Tam Thanh', phone: '0912345678', email: 'hoa@example.vn' };
const CLI_TIMEOUT = 120_000;
const components = [{ code: 'TK', name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 }];

/** Runs the CLI in-process and collects what it prints on standard output. */
async function run(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

/** 2026-11-22T16:05:00+07:00 → 20261122160500 (the view's ISO strings are in Vietnam time). */
const digits = (iso: string | null) => (iso ? iso.slice(0, 19).replace(/\D/g, '') : '');
const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

type SyncRecord = Record<string, unknown> & {
  MaHoSo: string;
  TrangThaiHoSo: string;
  QuaTrinhXuLy: Record<string, string>[];
  DanhSachHoSoBoSung: Record<string, unknown>[];
  DanhSachGiayToKetQua: Record<string, string>[];
};

describe('dossiers in the national sync format (HoSoDongBoDVC)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-dossier-sync--'));
  const saved = process.env.DATA_DIR;
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let admin: Client;
  const ids: Record<string, { id: string; code: string }> = {};
  let exported: SyncRecord[] = [];
  const from = vnDay(-1);
  const to = vnDay(1);

  const act = async (client: Client, id: string, body: Record<string, unknown>) => {
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { seq: number };
  };
  const view = async (id: string) => (await desk.request('GET', `/api/v1/dossiers/${id}`)).json();
  const receive = async (name: string, accept = true) => {
    const res = await desk.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'counter', applicant, components, accept });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json();
    return ids[name]!.id;
  };
  /** Accepted, at the specialist's step and claimed: seq 3. */
  const atSpecialist = async (name: string) => {
    const id = await receive(name);
    await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    await act(specialist, id, { type: 'claim', expectedSeq: 2 });
    return id;
  };

  beforeAll(async () => {
    process.env.DATA_DIR = dataDir;
    // The CLI opens the data folder afresh for every command: slow-ish, hence the longer timeouts below.
    expect((await run('seed')).code).toBe(0);
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    admin = await Client.official(app, 'admin');

    // Returned: the whole process.
    const returned = await atSpecialist('returned');
    await act(specialist, returned, { type: 'transfer', expectedSeq: 3, toStep: 2, note: 'Đủ điều kiện' });
    await act(leader, returned, { type: 'claim', expectedSeq: 4 });
    await act(leader, returned, { type: 'approve', expectedSeq: 5, note: null });
    await act(desk, returned, { type: 'returnResult', expectedSeq: 6, method: 'counter' });
    // A supplement requested and received (processing again), and one still awaited.
    const supplemented = await atSpecialist('supplemented');
    await act(specialist, supplemented, { type: 'requestSupplement', expectedSeq: 3, reason: 'Thiếu giấy chứng sinh', items: ['Giấy chứng sinh'] });
    await act(desk, supplemented, { type: 'receiveSupplement', expectedSeq: 4 });
    const awaiting = await atSpecialist('awaiting');
    await act(specialist, awaiting, { type: 'requestSupplement', expectedSeq: 3, reason: 'Thiếu tờ khai', items: [] });
    // Refused at reception, withdrawn, just accepted.
    const refused = await receive('refused', false);
    await act(desk, refused, { type: 'refuse', expectedSeq: 0, reason: 'Không thuộc thẩm quyền' });
    const withdrawn = await receive('withdrawn');
    await act(desk, withdrawn, { type: 'withdraw', expectedSeq: 1, reason: 'Công dân xin rút' });
    await receive('accepted');
    // An apology with a new appointment, and a result ready with its electronic file.
    const apologised = await atSpecialist('apologised');
    const due = new Date((await view(apologised)).dueAt as string);
    await act(specialist, apologised, { type: 'apologize', expectedSeq: 3, reason: 'Cần xác minh', newAppointmentAt: new Date(due.getTime() + 3 * 86_400_000).toISOString() });
    const ready = await atSpecialist('ready');
    await act(specialist, ready, { type: 'transfer', expectedSeq: 3, toStep: 2, note: null });
    await act(leader, ready, { type: 'claim', expectedSeq: 4 });
    await act(leader, ready, { type: 'approve', expectedSeq: 5, note: null });
    await act(desk, ready, { type: 'issueResult', expectedSeq: 6, fileSha256: 'ab'.repeat(32), fileName: 'giay-khai-sinh.pdf' });
  }, CLI_TIMEOUT);

  afterAll(async () => {
    process.env.DATA_DIR = saved;
    await app?.stop();
  });

  const byCode = (records: SyncRecord[], name: string) => records.find((r) => r.MaHoSo === ids[name]!.code)!;

  it('exports through the API for administrators and monitors: codes, statuses and Vietnam-time dates', async () => {
    const res = await admin.request('GET', `/api/v1/dossiers/export?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    exported = res.json();
    expect(exported.map((r) => r.MaHoSo).sort()).toEqual(Object.values(ids).map((d) => d.code).sort());
    for (const r of exported) {
      expect(r.MaHoSo.startsWith(`${WARD}-`)).toBe(true);
      for (const field of ['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayKetThucXuLy', 'NgayTra', 'NgayTuChoi']) expect(r[field]).toMatch(/^(\d{14})?$/);
      for (const p of r.QuaTrinhXuLy) expect(p.ThoiDiemXuLy).toMatch(/^\d{14}$/);
    }

    const returned = byCode(exported, 'returned');
    const v = await view(ids.returned!.id);
    expect(returned).toMatchObject({
      MaTTHC: '1.001193',
      TenTTHC: 'Đăng ký khai sinh',
      KenhThucHien: '1',
      TrangThaiHoSo: '10',
      DonViXuLy: WARD,
      NoiNopHoSo: WARD_CENTRE,
      ChuHoSo: applicant.fullName,
      SoGiayToChuHoSo: applicant.personalId,
      LoaiDoiTuong: '1',
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: applicant.personalId }],
      NgayNopHoSo: digits(v.submittedAt),
      NgayTiepNhan: digits(v.acceptedAt),
      NgayHenTra: digits(v.dueAt),
      NgayKetThucXuLy: digits(v.finishedAt),
      NgayTra: digits(v.returnedAt),
      NgayTuChoi: '',
      HinhThuc: '1',
      TaiLieuNop: [expect.objectContaining({ MaThanhPhanHoSo: 'TK', TenTepDinhKem: components[0]!.name, DuocSoHoa: '0', LoaiBan: '0', SoLuong: '1' })],
    });
    expect(returned.NgayTiepNhan).toMatch(/00$/);
    expect(returned.QuaTrinhXuLy.map((p) => [p.NoiDungXuLy, p.TrangThai, p.NguoiXuLy])).toEqual([
      ['Tiếp nhận hồ sơ', '2', 'Cán bộ một cửa'],
      [expect.stringMatching(/^Chuyển bước: /), '4', 'Cán bộ một cửa'],
      ['Nhận xử lý', '4', 'Chuyên viên xử lý'],
      [expect.stringMatching(/^Chuyển bước: /), '4', 'Chuyên viên xử lý'],
      ['Nhận xử lý', '4', 'Lãnh đạo đơn vị'],
      ['Phê duyệt', '9', 'Lãnh đạo đơn vị'],
      ['Trả kết quả', '10', 'Cán bộ một cửa'],
    ]);
    expect(returned.QuaTrinhXuLy[0]).toMatchObject({ MaHoSo: returned.MaHoSo, PhongBanXuLy: expect.stringContaining('Tam Thanh'), NgayBatDau: returned.NgayTiepNhan, NgayKetThucTheoQuyDinh: expect.stringMatching(/^\d{14}$/) });

    const supplemented = byCode(exported, 'supplemented');
    expect(supplemented.TrangThaiHoSo).toBe('4');
    expect(supplemented.DanhSachHoSoBoSung).toEqual([
      expect.objectContaining({ NoiDungBoSung: 'Thiếu giấy chứng sinh', TrangThaiBoSung: '1', DanhSachGiayToBoSung: [{ TenGiayTo: 'Giấy chứng sinh' }], NgayHenTraMoi: supplemented.NgayHenTra }),
    ]);
    expect(supplemented.DanhSachHoSoBoSung[0]!.NgayHenTraTruoc).toMatch(/^\d{14}$/);
    expect(byCode(exported, 'awaiting')).toMatchObject({ TrangThaiHoSo: '5', DanhSachHoSoBoSung: [expect.objectContaining({ TrangThaiBoSung: '0', NgayTiepNhanBoSung: '', NgayHenTraMoi: '' })] });
    const refused = byCode(exported, 'refused');
    expect(refused).toMatchObject({ TrangThaiHoSo: '3', NgayTiepNhan: '', NgayHenTra: '', GhiChu: 'Không thuộc thẩm quyền' });
    expect(refused.NgayTuChoi).toMatch(/^\d{14}$/);
    expect(byCode(exported, 'withdrawn')).toMatchObject({ TrangThaiHoSo: '7', GhiChu: 'Công dân xin rút' });
    expect(byCode(exported, 'accepted')).toMatchObject({ TrangThaiHoSo: '2', NgayKetThucXuLy: '' });
    expect(byCode(exported, 'apologised').QuaTrinhXuLy.at(-1)).toMatchObject({ NoiDungXuLy: 'Xin lỗi và hẹn lại ngày trả', TrangThai: '4' });
    expect(byCode(exported, 'ready')).toMatchObject({ TrangThaiHoSo: '9', DanhSachGiayToKetQua: [expect.objectContaining({ TenGiayTo: 'giay-khai-sinh.pdf', GiayToId: 'ab'.repeat(32), MaGiayToKetQua: '1.001193.KQ1' })] });

    // The provincial monitor sees the same; officials without audit.view, anonymous callers and bad periods do not.
    const monitor = await Client.official(app, 'giamsat');
    expect((await monitor.request('GET', `/api/v1/dossiers/export?from=${from}&to=${to}`)).json()).toHaveLength(exported.length);
    expect((await desk.request('GET', `/api/v1/dossiers/export?from=${from}&to=${to}`)).statusCode).toBe(403);
    expect((await leader.request('GET', `/api/v1/dossiers/export?from=${from}&to=${to}`)).statusCode).toBe(403);
    expect((await app.app.inject({ method: 'GET', url: `/api/v1/dossiers/export?from=${from}&to=${to}` })).statusCode).toBe(401);
    expect((await admin.request('GET', `/api/v1/dossiers/export?from=${to}&to=${from}`)).statusCode).toBe(400);
    expect((await admin.request('GET', `/api/v1/dossiers/export?from=2026-02-30&to=${to}`)).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/v1/dossiers/export?from=2020-01-01&to=2026-12-31')).json().error.code).toBe('VALIDATION_FAILED');
    expect((await admin.request('GET', '/api/v1/dossiers/export?from=2020-01-01&to=2020-01-31')).json()).toEqual([]);
  });

  it('imports into a fresh database idempotently; export → import → export gives the same records', async () => {
    const file = join(dataDir, 'exported.json');
    writeFileSync(file, JSON.stringify(exported));
    const n = exported.length;
    expect(await run('import', 'dossiers', file)).toEqual({ code: 0, out: `${n} hồ sơ: nhập mới ${n}, không đổi 0, lỗi 0.` });

    const counts = async () => {
      const database = await openDatabase({ dataDir });
      try {
        const count = async (table: 'dossiers' | 'dossier_actions' | 'audit_log') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        return { dossiers: await count('dossiers'), actions: await count('dossier_actions'), audit: await count('audit_log') };
      } finally {
        await database.close();
      }
    };
    const before = await counts();
    expect(before.dossiers).toBe(n);
    expect(await run('import', 'dossiers', file)).toEqual({ code: 0, out: `${n} hồ sơ: nhập mới 0, không đổi ${n}, lỗi 0.` });
    expect(await counts()).toEqual(before);

    const again = await run('export', 'dossiers', '--from', from, '--to', to);
    expect(again.code).toBe(0);
    expect(again.out.split('\n')).toHaveLength(n + 2); // "[", one record per line, "]"
    expect(JSON.parse(again.out)).toEqual(exported);
    const outFile = join(dataDir, 'again.json');
    expect((await run('export', 'dossiers', '--from', from, '--to', to, '--out', outFile)).out).toBe('');
    expect(JSON.parse(readFileSync(outFile, 'utf8'))).toEqual(exported);

    // The history was replayed action by action, each dossier audited once, and the daily sequence moved on.
    const database = await openDatabase({ dataDir });
    try {
      const row = await database.db.selectFrom('dossiers').select(['id', 'status', 'receiving_unit_code']).where('code', '=', ids.returned!.code).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'returned', receiving_unit_code: WARD_CENTRE });
      const history = await database.db.selectFrom('dossier_actions').select(['type', 'actor_id']).where('dossier_id', '=', row.id).orderBy('seq').execute();
      expect(history.map((h) => h.type)).toEqual(['accept', 'transfer', 'claim', 'transfer', 'claim', 'approve', 'returnResult']);
      expect(history.every((h) => h.actor_id === null)).toBe(true);
      // One audit record per imported batch lists its dossiers: this one appears once, with how it was rebuilt.
      const audit = await database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'dossier.imported').execute();
      const listed = audit.flatMap((a) => (a.details as { dossiers: { id: string }[] }).dossiers).filter((d) => d.id === row.id);
      expect(listed).toEqual([expect.objectContaining({ code: ids.returned!.code, history: 'progress', actions: 7 })]);
      const highest = Math.max(...Object.values(ids).map((d) => Number(d.code.split('-')[2])));
      const day = ids.returned!.code.split('-')[1]!;
      const seq = await database.db.selectFrom('dossier_sequences').select('last').where('unit_code', '=', WARD).where('day', '=', `20${day.slice(0, 2)}-${day.slice(2, 4)}-${day.slice(4, 6)}`).executeTakeFirstOrThrow();
      expect(seq.last).toBe(highest);
    } finally {
      await database.close();
    }
    expect((await run('audit', 'verify')).code).toBe(0);
  }, CLI_TIMEOUT);

  /** A record as another system sends it: numbers, nulls, no progress objects, a desk code the tree does not know. */
  const foreign = (over: Record<string, unknown> = {}) => ({
    MaHoSo: `${WARD}-251015-0042`,
    MaTTHC: '1.001193',
    KenhThucHien: 1,
    ChuHoSo: 'Hoàng Văn Minh',
    SoGiayToChuHoSo: '020085003417',
    LoaiDoiTuong: 1,
    Email: null,
    SoDienThoai: '0987654321',
    NgayNopHoSo: '20251015083000',
    NgayTiepNhan: '20251015083500',
    NgayHenTra: '20251021110000',
    NgayKetThucXuLy: '20251017100000',
    NgayTra: '20251017143000',
    NgayTuChoi: null,
    TrangThaiHoSo: 10,
    HinhThuc: '1',
    DonViXuLy: WARD,
    NoiNopHoSo: '2',
    TaiLieuNop: [{ TenTepDinhKem: 'Tờ khai', MaThanhPhanHoSo: 'TK', DuocSoHoa: '1', IsDeleted: '0' }],
    DanhSachHoSoBoSung: [
      { HoSoBoSungId: 7, NoiDungBoSung: 'Bổ sung giấy chứng sinh', NgayBoSung: '20251016090000', NgayTiepNhanBoSung: '20251016150000', NgayHenTraTruoc: '20251020170000', NgayHenTraMoi: '20251021110000' },
    ],
    MotTruongKhac: 'bỏ qua',
    ...over,
  });

  it('rebuilds the history of a foreign record from its dates and status, keeping its due dates', async () => {
    const file = join(dataDir, 'foreign.json');
    writeFileSync(file, JSON.stringify([foreign()]));
    expect(await run('import', 'dossiers', file)).toEqual({ code: 0, out: '1 hồ sơ: nhập mới 1, không đổi 0, lỗi 0.' });
    expect((await run('import', 'dossiers', file)).out).toBe('1 hồ sơ: nhập mới 0, không đổi 1, lỗi 0.');
    const database = await openDatabase({ dataDir });
    try {
      const row = await database.db.selectFrom('dossiers').selectAll().where('code', '=', `${WARD}-251015-0042`).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'returned', national_code: 10, channel: 'counter', receiving_unit_code: WARD_CENTRE });
      expect(row.due_at?.toISOString()).toBe('2025-10-21T04:00:00.000Z');
      expect(row.accepted_at?.toISOString()).toBe('2025-10-15T01:35:00.000Z');
      const history = await database.db.selectFrom('dossier_actions').select(['type', 'at', 'payload']).where('dossier_id', '=', row.id).orderBy('seq').execute();
      expect(history.map((h) => h.type)).toEqual(['accept', 'transfer', 'requestSupplement', 'receiveSupplement', 'approve', 'returnResult']);
      // The stored appointment is kept, not recomputed from the procedure's one-day limit.
      expect(history[0]!.payload).toMatchObject({ explanation: [expect.objectContaining({ kind: 'due', text: expect.stringContaining('không tính lại') })] });
      expect(history.at(-1)!.at.toISOString()).toBe('2025-10-17T07:30:00.000Z');
    } finally {
      await database.close();
    }
    const out = await run('export', 'dossiers', '--from', '2025-10-15', '--to', '2025-10-15');
    const [record] = JSON.parse(out.out) as SyncRecord[];
    expect(record).toMatchObject({
      MaHoSo: `${WARD}-251015-0042`,
      TrangThaiHoSo: '10',
      KenhThucHien: '1',
      NgayNopHoSo: '20251015083000',
      NgayTiepNhan: '20251015083500',
      NgayHenTra: '20251021110000',
      NgayKetThucXuLy: '20251017100000',
      NgayTra: '20251017143000',
      NoiNopHoSo: WARD_CENTRE,
      TaiLieuNop: [expect.objectContaining({ DuocSoHoa: '1', LoaiBan: '2' })],
      DanhSachHoSoBoSung: [expect.objectContaining({ NgayBoSung: '20251016090000', NgayHenTraTruoc: '20251020170000', NgayHenTraMoi: '20251021110000', TrangThaiBoSung: '1' })],
    });
  }, CLI_TIMEOUT);

  it('reports unknown units and procedures and incomplete records by index and MaHoSo, never creating them; exit code 1', async () => {
    const file = join(dataDir, 'mixed.json');
    const records = [
      foreign({ MaHoSo: `${WARD}-251016-0001`, TrangThaiHoSo: '2', NgayNopHoSo: '20251016080000', NgayTiepNhan: '20251016080000', NgayHenTra: '20251017080000', NgayKetThucXuLy: '', NgayTra: '', DanhSachHoSoBoSung: [] }),
      foreign({ MaHoSo: '000.00.99.H37-251016-0001', DonViXuLy: '000.00.99.H37' }),
      foreign({ MaHoSo: `${WARD}-251016-0002`, DonViXuLy: '000.00.98.H37' }),
      foreign({ MaHoSo: `${WARD}-251016-0003`, MaTTHC: '9.999999' }),
      foreign({ MaHoSo: `${WARD}-251016-0004`, NgayTiepNhan: '2025-10-16' }),
      foreign({ MaHoSo: `${WARD}-251016-0005`, NgayTra: '' }),
      'không phải hồ sơ',
    ];
    writeFileSync(file, JSON.stringify(records));
    const first = await run('import', 'dossiers', file);
    expect(first.code).toBe(1);
    const lines = first.out.split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}bản ghi 2 \(000\.00\.99\.H37-251016-0001\): đơn vị 000\.00\.99\.H37 \(tiền tố của MaHoSo\) không có/),
      expect.stringMatching(/^ {2}bản ghi 3 \(000\.00\.31\.H37-251016-0002\): đơn vị xử lý DonViXuLy 000\.00\.98\.H37 không có/),
      expect.stringMatching(/^ {2}bản ghi 4 \(000\.00\.31\.H37-251016-0003\): thủ tục MaTTHC 9\.999999 không có trong danh mục/),
      expect.stringMatching(/^ {2}bản ghi 5 \(000\.00\.31\.H37-251016-0004\): NgayTiepNhan: ngày giờ phải có dạng yyyyMMddHHmmss/),
      expect.stringMatching(/^ {2}bản ghi 6 \(000\.00\.31\.H37-251016-0005\): trạng thái 10 \(đã trả kết quả\) cần NgayTra/),
      expect.stringMatching(/^ {2}bản ghi 7: /),
      '7 hồ sơ: nhập mới 1, không đổi 0, lỗi 6.',
    ]);
    expect((await run('import', 'dossiers', file)).out).toMatch(/7 hồ sơ: nhập mới 0, không đổi 1, lỗi 6\.$/);
    // A changed status for a stored dossier is reported, not written over.
    writeFileSync(file, JSON.stringify([{ ...records[0] as object, TrangThaiHoSo: '4' }]));
    expect(await run('import', 'dossiers', file)).toMatchObject({ code: 1, out: expect.stringMatching(/bản ghi 1 \(000\.00\.31\.H37-251016-0001\): đã có hồ sơ mã này với dữ liệu khác/) });
    const database = await openDatabase({ dataDir });
    try {
      expect(await database.db.selectFrom('units').select('code').where('code', 'in', ['000.00.99.H37', '000.00.98.H37']).execute()).toEqual([]);
      const codes = (await database.db.selectFrom('dossiers').select('code').where('code', 'like', '%-251016-%').execute()).map((r) => r.code);
      expect(codes).toEqual([`${WARD}-251016-0001`]);
      expect(await database.db.selectFrom('dossiers').select('status').where('code', '=', `${WARD}-251016-0001`).executeTakeFirstOrThrow()).toEqual({ status: 'accepted' });
    } finally {
      await database.close();
    }
  }, CLI_TIMEOUT);

  it('compares a code repeated in a later batch with what the earlier batch wrote, while that batch is still being written', async () => {
    // Batches of 500: records 501 and 502 repeat records 1 and 2 of the batch written while theirs is checked.
    const code = (n: number) => `${WARD}-251020-${String(n).padStart(4, '0')}`;
    const records: Record<string, unknown>[] = Array.from({ length: 500 }, (_, i) => foreign({ MaHoSo: code(i + 1), NgayNopHoSo: '20251020083000', NgayTiepNhan: '20251020083500' }));
    records.push({ ...records[0]! }, { ...records[1]!, TrangThaiHoSo: 4 });
    const file = join(dataDir, 'batches.json');
    writeFileSync(file, JSON.stringify(records));
    const first = await run('import', 'dossiers', file);
    expect(first.code).toBe(1);
    expect(first.out.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^ {2}bản ghi 502 \\(${code(2).replace(/\./g, '\\.')}\\): đã có hồ sơ mã này với dữ liệu khác`)),
      '502 hồ sơ: nhập mới 500, không đổi 1, lỗi 1.',
    ]);
    const database = await openDatabase({ dataDir });
    try {
      const n = await database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).where('code', 'like', '%-251020-%').executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(500);
    } finally {
      await database.close();
    }
  }, CLI_TIMEOUT);

  it('refuses malformed command lines and files before touching anything', async () => {
    await expect(run('export', 'dossiers', '--from', from)).rejects.toBeInstanceOf(DossierUsageError);
    await expect(run('export', 'dossiers', '--from', '2026-13-01', '--to', to)).rejects.toThrow(/khoảng ngày không hợp lệ/);
    await expect(run('export', 'hoso', '--from', from, '--to', to)).rejects.toThrow(/lệnh không hợp lệ/);
    const file = join(dataDir, 'object.json');
    writeFileSync(file, '{"MaHoSo": "x"}');
    await expect(run('import', 'dossiers', file)).rejects.toThrow(/cần một mảng JSON/);
    writeFileSync(file, '[{ not json');
    await expect(run('import', 'dossiers', file)).rejects.toThrow(/không đọc được/);
  }, CLI_TIMEOUT);
});
