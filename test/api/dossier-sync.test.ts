import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { personalDataCipherOf } from '../../src/infrastructure/crypto/personal-data-cipher.js';
import { runCli } from '../../src/cli/main.js';
import { openDatabase } from '../../src/infrastructure/db/database.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import { issueSignedResult, signResult, syncResultLine, uploadResult } from '../support/results.js';
import type { ResultDocument } from '../../src/contract/result.js';

const WARD = '000.00.31.H37';
const WARD_CENTRE = '000.01.31.H37';
const applicant = {
  fullName: 'Nguyễn Thị Hoa',
  personalId: '020190001234',
  address: 'Số 5 đường Lê Lợi, phường Tam Thanh',
  phone: '0912345678',
  email: 'hoa@example.vn',
};
const CLI_TIMEOUT = 120_000;
/** The declaration form and the birth certificate: the procedure's mandatory components. */
const TK = '1.001193.TP1';
const GCS = '1.001193.TP2';
const components = [
  { code: TK, name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
  { code: GCS, name: 'Giấy chứng sinh', form: 'original', copies: 1 },
];
const PUBLIC_URL = 'https://dichvucong.langson.example.vn';
/** A minimal one-page PDF; `tag` makes different bytes. */
const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n% ${tag}\n%%EOF\n`, 'latin1');

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
  let citizen: Client;
  const ids: Record<string, { id: string; code: string }> = {};
  const uploaded: Record<string, { id: string; sha256: string; size: number }> = {};
  const signed: Record<string, ResultDocument> = {};
  let exported: SyncRecord[] = [];
  const from = vnDay(-1);
  const to = vnDay(1);

  const act = async (client: Client, id: string, body: Record<string, unknown>) => {
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { seq: number };
  };
  const view = async (id: string) => (await desk.request('GET', `/api/v1/dossiers/${id}`)).json();
  const upload = async (client: Client, name: string, bytes: Buffer, query = `component=${TK}&digitized=true`) => {
    const res = await app.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${ids[name]!.id}/files?name=to-khai.pdf&${query}`,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'application/pdf' },
      payload: bytes,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; sha256: string; size: number; reused: boolean };
  };
  /** An online dossier of the citizen, accepted and handed to the specialist (seq 3), unless `accept` is false. */
  const online = async (name: string, bytes: Buffer | null, accept = true) => {
    const res = await citizen.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'online', unitCode: WARD });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json();
    if (bytes) uploaded[name] = await upload(citizen, name, bytes, `component=${TK}&form=electronic`);
    if (!accept) return ids[name]!.id;
    await act(desk, ids[name]!.id, { type: 'accept', expectedSeq: 0 });
    await act(desk, ids[name]!.id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    await act(specialist, ids[name]!.id, { type: 'claim', expectedSeq: 2 });
    return ids[name]!.id;
  };
  const receive = async (name: string, accept = true, declared = components) => {
    const res = await desk.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'counter', applicant, components: declared, accept });
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
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000', PUBLIC_URL } });
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
    // Three days later, moved off a weekend: a new appointment must be a working day within office hours.
    const later = due.getTime() + 3 * 86_400_000;
    const weekday = new Date(later + 7 * 3_600_000).getUTCDay();
    await act(specialist, apologised, {
      type: 'apologize',
      expectedSeq: 3,
      reason: 'Cần xác minh',
      newAppointmentAt: new Date(later + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0) * 86_400_000).toISOString(),
    });
    const ready = await atSpecialist('ready');
    await act(specialist, ready, { type: 'transfer', expectedSeq: 3, toStep: 2, note: null });
    await act(leader, ready, { type: 'claim', expectedSeq: 4 });
    await act(leader, ready, { type: 'approve', expectedSeq: 5, note: null });
    // The leader signs the result generated from the template: that issues it (issue 19).
    signed.ready = await issueSignedResult((method, url, json) => leader.request(method, url, json), ready);

    // What happened, for the flags: a paper component scanned at the desk; an electronic one declared but
    // never uploaded; the same file attached by one citizen to two dossiers; a result whose file was attached.
    await receive('scanned');
    uploaded.scanned = await upload(desk, 'scanned', pdf('scan'));
    await receive('declaredOnly', true, [{ ...components[0]!, form: 'electronic' }, components[1]!]);
    const login = await loginCitizen(app.ctx.deps, {
      identity: { issuer: 'https://sso.example', subject: 'sub-sync', fullName: 'Hoàng Văn Minh', personalId: '020085003417', email: null },
      meta: { actor: null, ip: '127.0.0.1', requestId: 'test-sync' },
    });
    if (!login.ok) throw new Error(login.error.code);
    citizen = new Client(app);
    citizen.cookie = `motcua_session=${login.value.sessionId}`;
    expect((await citizen.request('GET', '/api/v1/auth/me')).statusCode).toBe(200); // and its CSRF token
    await online('firstUse', pdf('cccd'), false);
    await online('reusedOnce', pdf('cccd'), false);
    // A fee requested and paid in cash at the desk: recorded, and moves the dossier on, but no gateway confirmed it.
    const paid = await online('paidByClick', null);
    await act(specialist, paid, { type: 'requestFee', expectedSeq: 3, amount: 15000, note: 'Lệ phí cấp bản sao trích lục' });
    // The citizen's own "Xác nhận đã nộp phí" click no longer stands for a payment.
    expect((await citizen.request('POST', `/api/v1/dossiers/${paid}/actions`, { type: 'payFee', expectedSeq: 4 })).json().error.code).toBe('FEES_NOT_PAID');
    expect((await desk.request('POST', `/api/v1/dossiers/${paid}/payments/desk`, { method: 'cash', note: null })).json()).toMatchObject({
      dossierMovedOn: true,
    });
    const issued = await atSpecialist('issued');
    // The result drafted by the specialist who holds the dossier (the desk attaches files only while it is at the desk).
    uploaded.issued = await upload(specialist, 'issued', pdf('ket-qua'));
    const submitted = await uploadResult(app, specialist, issued, 'Kết quả');
    await act(specialist, issued, { type: 'transfer', expectedSeq: 3, toStep: 2, note: null });
    await act(leader, issued, { type: 'claim', expectedSeq: 4 });
    await act(leader, issued, { type: 'approve', expectedSeq: 5, note: null });
    signed.issued = await signResult((method, url, json) => leader.request(method, url, json), issued, submitted);
  }, 3 * CLI_TIMEOUT); // the CLI seed and some forty requests, on a shared machine

  afterAll(async () => {
    process.env.DATA_DIR = saved;
    await app?.stop();
  });

  const byCode = (records: SyncRecord[], name: string) => records.find((r) => r.MaHoSo === ids[name]!.code)!;

  it('exports through the API for administrators and monitors: codes, statuses and Vietnam-time dates', async () => {
    const res = await admin.request('GET', `/api/v1/dossiers/export?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    exported = res.json();
    expect(exported.map((r) => r.MaHoSo).sort()).toEqual(
      Object.values(ids)
        .map((d) => d.code)
        .sort(),
    );
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
      TaiLieuNop: [
        expect.objectContaining({ MaThanhPhanHoSo: TK, TenTepDinhKem: components[0]!.name, DuocSoHoa: '0', LoaiBan: '0', SoLuong: '1' }),
        expect.objectContaining({ MaThanhPhanHoSo: GCS, TenTepDinhKem: components[1]!.name, DuocSoHoa: '0', LoaiBan: '0', SoLuong: '1' }),
      ],
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
    expect(returned.QuaTrinhXuLy[0]).toMatchObject({
      MaHoSo: returned.MaHoSo,
      PhongBanXuLy: expect.stringContaining('Tam Thanh'),
      NgayBatDau: returned.NgayTiepNhan,
      NgayKetThucTheoQuyDinh: expect.stringMatching(/^\d{14}$/),
    });

    const supplemented = byCode(exported, 'supplemented');
    expect(supplemented.TrangThaiHoSo).toBe('4');
    expect(supplemented.DanhSachHoSoBoSung).toEqual([
      expect.objectContaining({
        NoiDungBoSung: 'Thiếu giấy chứng sinh',
        TrangThaiBoSung: '1',
        DanhSachGiayToBoSung: [{ TenGiayTo: 'Giấy chứng sinh' }],
        NgayHenTraMoi: supplemented.NgayHenTra,
      }),
    ]);
    expect(supplemented.DanhSachHoSoBoSung[0]!.NgayHenTraTruoc).toMatch(/^\d{14}$/);
    expect(byCode(exported, 'awaiting')).toMatchObject({
      TrangThaiHoSo: '5',
      DanhSachHoSoBoSung: [expect.objectContaining({ TrangThaiBoSung: '0', NgayTiepNhanBoSung: '', NgayHenTraMoi: '' })],
    });
    const refused = byCode(exported, 'refused');
    expect(refused).toMatchObject({ TrangThaiHoSo: '3', NgayTiepNhan: '', NgayHenTra: '', GhiChu: 'Không thuộc thẩm quyền' });
    expect(refused.NgayTuChoi).toMatch(/^\d{14}$/);
    // REFERENCE §2.2: a withdrawal ends at 8 (Dừng xử lý) after the request (7).
    expect(byCode(exported, 'withdrawn')).toMatchObject({ TrangThaiHoSo: '8', GhiChu: 'Công dân xin rút' });
    expect(byCode(exported, 'accepted')).toMatchObject({ TrangThaiHoSo: '2', NgayKetThucXuLy: '' });
    expect(byCode(exported, 'apologised').QuaTrinhXuLy.at(-1)).toMatchObject({ NoiDungXuLy: 'Xin lỗi và hẹn lại ngày trả', TrangThai: '4' });
    expect(byCode(exported, 'ready')).toMatchObject({ TrangThaiHoSo: '9' });

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

  it('derives every flag from what happened: files uploaded and reused, the result file, fees, gateway payments', async () => {
    const link = (name: string) => `${PUBLIC_URL}/api/v1/dossiers/${ids[name]!.id}/files/${uploaded[name]!.id}`;
    // Digitized: a file was uploaded for the component, whatever form was declared.
    const scanned = byCode(exported, 'scanned');
    expect(scanned.HoSoCoThanhPhanSoHoa).toBe('1');
    expect(scanned.TaiLieuNop).toEqual([
      expect.objectContaining({
        MaThanhPhanHoSo: TK,
        LoaiBan: '0',
        DuocSoHoa: '1',
        DuocTaiSuDung: '0',
        TepDinhKemId: uploaded.scanned!.sha256,
        DuongDanTaiTepTin: link('scanned'),
        KieuTepTin: 'application/pdf',
        KichThuocTepTin: String(uploaded.scanned!.size),
      }),
      // The birth certificate was received on paper and not scanned.
      expect.objectContaining({ MaThanhPhanHoSo: GCS, LoaiBan: '0', DuocSoHoa: '0', TepDinhKemId: '', DuongDanTaiTepTin: '' }),
    ]);
    const declaredOnly = byCode(exported, 'declaredOnly');
    expect(declaredOnly.HoSoCoThanhPhanSoHoa).toBe('0');
    expect(declaredOnly.TaiLieuNop).toEqual([
      expect.objectContaining({ MaThanhPhanHoSo: TK, LoaiBan: '2', DuocSoHoa: '0', TepDinhKemId: '', DuongDanTaiTepTin: '' }),
      expect.objectContaining({ MaThanhPhanHoSo: GCS, LoaiBan: '0', DuocSoHoa: '0', TepDinhKemId: '', DuongDanTaiTepTin: '' }),
    ]);
    // The same bytes uploaded again are no reuse (issue 20: reuse takes a document from the data vault,
    // test/api/provide-once.test.ts); the online dossiers declare no components: their files have SoLuong 0.
    expect(byCode(exported, 'firstUse').TaiLieuNop).toEqual([
      expect.objectContaining({ MaThanhPhanHoSo: TK, DuocSoHoa: '1', DuocTaiSuDung: '0', SoLuong: '0', LoaiBan: '' }),
    ]);
    expect(byCode(exported, 'reusedOnce')).toMatchObject({
      HoSoCoThanhPhanSoHoa: '1',
      TaiKhoanDuocXacThucVoiVNeID: '1',
      TaiLieuNop: [
        expect.objectContaining({
          MaThanhPhanHoSo: TK,
          DuocSoHoa: '1',
          DuocTaiSuDung: '0',
          DuocLayTuKhoDMQG: '0',
          TepDinhKemId: uploaded.firstUse!.sha256,
          DuongDanTaiTepTin: link('reusedOnce'),
        }),
      ],
    });
    // The result links to the signed file behind its QR code (issue 19): the verification page's download, which
    // anyone holding the code may fetch; GiayToId is the signed file's SHA-256.
    for (const name of ['issued', 'ready'])
      expect(byCode(exported, name).DanhSachGiayToKetQua, name).toEqual([syncResultLine(PUBLIC_URL, signed[name]!, '1.001193.KQ1')]);
    const path = `/api/v1/verify/${signed.issued!.verificationCode}/file`;
    expect(
      createHash('sha256')
        .update((await app.app.inject({ method: 'GET', url: path })).rawPayload)
        .digest('hex'),
    ).toBe(signed.issued!.sha256);
    // Fees: the dossier's lines, the schedule's at intake (khai sinh: lệ phí 0 at submission) and the amount requested.
    const paid = byCode(exported, 'paidByClick');
    const fee = (TenPhiLePhi: string, HinhThucThu: string, Gia: string) => ({ TenPhiLePhi, MaPhiLePhi: '', HinhThucThu, Gia, LoaiPhiLePhi: '2' });
    expect(paid.DanhSachLePhi).toEqual([fee('Lệ phí đăng ký khai sinh', '1', '0'), fee('Lệ phí cấp bản sao trích lục', '2', '15000')]);
    expect(byCode(exported, 'returned').DanhSachLePhi).toEqual([
      { TenPhiLePhi: 'Lệ phí đăng ký khai sinh', MaPhiLePhi: '', HinhThucThu: '1', Gia: '0', LoaiPhiLePhi: '2' },
    ]);
    // Paid online only through a payment gateway: cash at the desk is not (its "Xác nhận đã nộp phí" is the desk's).
    expect(paid.QuaTrinhXuLy.at(-1)).toMatchObject({ NoiDungXuLy: 'Xác nhận đã nộp phí, lệ phí', NguoiXuLy: 'Cán bộ một cửa' });
    for (const r of exported) expect(r.DuocThanhToanTrucTuyen, r.MaHoSo).toBe('0');
  });

  it(
    'imports into a fresh database idempotently; export → import → export gives the same records',
    async () => {
      const file = join(dataDir, 'exported.json');
      writeFileSync(file, JSON.stringify(exported));
      const n = exported.length;
      // The citizen has a VNeID account here too: the online dossiers are linked to it by personal ID.
      const target = await openDatabase({ dataDir });
      const cli = personalDataCipherOf(loadConfig()); // the key the CLI seals with (PERSONAL_DATA_KEY or its default)
      try {
        await target.db
          .insertInto('users')
          .values({
            kind: 'applicant',
            role: 'citizen',
            full_name: 'Hoàng Văn Minh',
            personal_id_sealed: cli.seal('020085003417'),
            personal_id_hash: cli.lookupKey('020085003417'),
            oidc_issuer: 'https://sso.example',
            oidc_subject: 'sub-sync',
          })
          .execute();
      } finally {
        await target.close();
      }
      expect(await run('import', 'dossiers', file)).toEqual({ code: 0, out: `${n} hồ sơ: nhập mới ${n}, không đổi 0, lỗi 0.` });

      const counts = async () => {
        const database = await openDatabase({ dataDir });
        try {
          const count = async (table: 'dossiers' | 'dossier_actions' | 'audit_log') =>
            Number(
              (
                await database.db
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            );
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
        const row = await database.db
          .selectFrom('dossiers')
          .select(['id', 'status', 'receiving_unit_code'])
          .where('code', '=', ids.returned!.code)
          .executeTakeFirstOrThrow();
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
        const seq = await database.db
          .selectFrom('dossier_sequences')
          .select('last')
          .where('unit_code', '=', WARD)
          .where('day', '=', `20${day.slice(0, 2)}-${day.slice(2, 4)}-${day.slice(4, 6)}`)
          .executeTakeFirstOrThrow();
        expect(seq.last).toBe(highest);
      } finally {
        await database.close();
      }
      expect((await run('audit', 'verify')).code).toBe(0);
    },
    CLI_TIMEOUT,
  );
});
