import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { openDatabase } from '../../src/infrastructure/db/database.js';
import { DossierUsageError } from '../../src/cli/dossier-commands.js';

const WARD = '000.00.31.H37';
const WARD_CENTRE = '000.01.31.H37';
const CLI_TIMEOUT = 120_000;

/** Runs the CLI in-process and collects what it prints on standard output. */
async function run(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

type SyncRecord = Record<string, unknown> & { MaHoSo: string; TrangThaiHoSo: string };

/** Records from other systems, and malformed input, through `motcua import dossiers` (the export's own records: dossier-sync.test.ts). */
describe('importing dossiers in the national sync format (HoSoDongBoDVC)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-dossier-sync-import--'));
  const saved = process.env.DATA_DIR;
  const from = vnDay(-1);
  const to = vnDay(1);

  beforeAll(async () => {
    process.env.DATA_DIR = dataDir;
    expect((await run('seed')).code).toBe(0);
  }, CLI_TIMEOUT);

  afterAll(() => {
    process.env.DATA_DIR = saved;
  });

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
    TaiLieuNop: [
      {
        TenTepDinhKem: 'Tờ khai',
        MaThanhPhanHoSo: 'TK',
        DuocSoHoa: '1',
        IsDeleted: '0',
        TepDinhKemId: 'cd'.repeat(32),
        KieuTepTin: 'application/pdf',
        KichThuocTepTin: 2048,
        DuongDanTaiTepTin: 'https://motcua.example.vn/tep/42',
      },
    ],
    DanhSachHoSoBoSung: [
      {
        HoSoBoSungId: 7,
        NoiDungBoSung: 'Bổ sung giấy chứng sinh',
        NgayBoSung: '20251016090000',
        NgayTiepNhanBoSung: '20251016150000',
        NgayHenTraTruoc: '20251020170000',
        NgayHenTraMoi: '20251021110000',
      },
    ],
    MotTruongKhac: 'bỏ qua',
    ...over,
  });

  it(
    'rebuilds the history of a foreign record from its dates and status, keeping its due dates',
    async () => {
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
        const history = await database.db
          .selectFrom('dossier_actions')
          .select(['type', 'at', 'payload'])
          .where('dossier_id', '=', row.id)
          .orderBy('seq')
          .execute();
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
        HoSoCoThanhPhanSoHoa: '1',
        // The file is recorded with the link it came with: its bytes are there, not here.
        TaiLieuNop: [
          expect.objectContaining({
            DuocSoHoa: '1',
            LoaiBan: '2',
            SoLuong: '1',
            TepDinhKemId: 'cd'.repeat(32),
            DuongDanTaiTepTin: 'https://motcua.example.vn/tep/42',
            KieuTepTin: 'application/pdf',
            KichThuocTepTin: '2048',
          }),
        ],
        DanhSachHoSoBoSung: [
          expect.objectContaining({ NgayBoSung: '20251016090000', NgayHenTraTruoc: '20251020170000', NgayHenTraMoi: '20251021110000', TrangThaiBoSung: '1' }),
        ],
      });
    },
    CLI_TIMEOUT,
  );

  it(
    'notes a component flagged digitized without its file: imported, but not counted as digitized',
    async () => {
      const file = join(dataDir, 'no-hash.json');
      const code = `${WARD}-251015-0043`;
      writeFileSync(
        file,
        JSON.stringify([
          foreign({
            MaHoSo: code,
            TaiLieuNop: [{ TenTepDinhKem: 'Tờ khai', MaThanhPhanHoSo: 'TK', DuocSoHoa: '1', DuongDanTaiTepTin: 'https://khac.example.vn/tep/1' }],
          }),
        ]),
      );
      expect(await run('import', 'dossiers', file)).toEqual({
        code: 0,
        out: `  bản ghi 1 (${code}), lưu ý: TaiLieuNop TK: DuocSoHoa=1 nhưng thiếu SHA-256 của tệp (TepDinhKemId), KieuTepTin hoặc KichThuocTepTin nên không ghi nhận tệp; hồ sơ không được tính là đã số hóa\n1 hồ sơ: nhập mới 1, không đổi 0, lỗi 0.`,
      });
      const records = JSON.parse((await run('export', 'dossiers', '--from', '2025-10-15', '--to', '2025-10-15')).out) as SyncRecord[];
      const again = records.find((r) => r.MaHoSo === code)!;
      expect(again).toMatchObject({
        HoSoCoThanhPhanSoHoa: '0',
        TaiLieuNop: [expect.objectContaining({ MaThanhPhanHoSo: 'TK', DuocSoHoa: '0', TepDinhKemId: '' })],
      });
    },
    CLI_TIMEOUT,
  );

  it(
    'reports unknown units and procedures and incomplete records by index and MaHoSo, never creating them; exit code 1',
    async () => {
      const file = join(dataDir, 'mixed.json');
      const records = [
        foreign({
          MaHoSo: `${WARD}-251016-0001`,
          TrangThaiHoSo: '2',
          NgayNopHoSo: '20251016080000',
          NgayTiepNhan: '20251016080000',
          NgayHenTra: '20251017080000',
          NgayKetThucXuLy: '',
          NgayTra: '',
          DanhSachHoSoBoSung: [],
        }),
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
      writeFileSync(file, JSON.stringify([{ ...(records[0] as object), TrangThaiHoSo: '4' }]));
      expect(await run('import', 'dossiers', file)).toMatchObject({
        code: 1,
        out: expect.stringMatching(/bản ghi 1 \(000\.00\.31\.H37-251016-0001\): đã có hồ sơ mã này với dữ liệu khác/),
      });
      const database = await openDatabase({ dataDir });
      try {
        expect(await database.db.selectFrom('units').select('code').where('code', 'in', ['000.00.99.H37', '000.00.98.H37']).execute()).toEqual([]);
        const codes = (await database.db.selectFrom('dossiers').select('code').where('code', 'like', '%-251016-%').execute()).map((r) => r.code);
        expect(codes).toEqual([`${WARD}-251016-0001`]);
        expect(await database.db.selectFrom('dossiers').select('status').where('code', '=', `${WARD}-251016-0001`).executeTakeFirstOrThrow()).toEqual({
          status: 'accepted',
        });
      } finally {
        await database.close();
      }
    },
    CLI_TIMEOUT,
  );

  it(
    'compares a code repeated in a later batch with what the earlier batch wrote, while that batch is still being written',
    async () => {
      // Batches of 500: records 501 and 502 repeat records 1 and 2 of the batch written while theirs is checked.
      const code = (n: number) => `${WARD}-251020-${String(n).padStart(4, '0')}`;
      const records: Record<string, unknown>[] = Array.from({ length: 500 }, (_, i) =>
        foreign({ MaHoSo: code(i + 1), NgayNopHoSo: '20251020083000', NgayTiepNhan: '20251020083500' }),
      );
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
        const n = await database.db
          .selectFrom('dossiers')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('code', 'like', '%-251020-%')
          .executeTakeFirstOrThrow();
        expect(Number(n.n)).toBe(500);
      } finally {
        await database.close();
      }
    },
    CLI_TIMEOUT,
  );

  it(
    'refuses malformed command lines and files before touching anything',
    async () => {
      await expect(run('export', 'dossiers', '--from', from)).rejects.toBeInstanceOf(DossierUsageError);
      await expect(run('export', 'dossiers', '--from', '2026-13-01', '--to', to)).rejects.toThrow(/khoảng ngày không hợp lệ/);
      await expect(run('export', 'hoso', '--from', from, '--to', to)).rejects.toThrow(/lệnh không hợp lệ/);
      const file = join(dataDir, 'object.json');
      writeFileSync(file, '{"MaHoSo": "x"}');
      await expect(run('import', 'dossiers', file)).rejects.toThrow(/cần một mảng JSON/);
      writeFileSync(file, '[{ not json');
      await expect(run('import', 'dossiers', file)).rejects.toThrow(/không đọc được/);
    },
    CLI_TIMEOUT,
  );
});
