import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { runCli } from '../../src/cli/main.js';
import { openDatabase, type Database } from '../../src/infrastructure/db/database.js';
import { loadUnitDirectory } from '../../src/application/units/unit-directory.js';
import { loadCatalogueDirectory } from '../../src/application/catalogue/catalogue-directory.js';
import { loadCalendarDirectory } from '../../src/application/calendar/calendar-directory.js';
import { computeScorecard, settlementReport, type Deps } from '../../src/application/scorecard/scorecard.js';
import { settlementTimes } from '../../src/application/scorecard/settlement-times.js';
import { DEMO_PROVINCE_CODE } from '../../src/infrastructure/seed/demo-province.js';

const TIMEOUT = 600_000;
const DOSSIERS = 400;

async function run(dataDir: string, ...args: string[]) {
  const saved = process.env.DATA_DIR;
  process.env.DATA_DIR = dataDir;
  try {
    const lines: string[] = [];
    const code = await runCli(args, (l) => lines.push(l));
    return { code, out: lines.join('\n') };
  } finally {
    process.env.DATA_DIR = saved;
  }
}

const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

type Sync = Record<string, string> & {
  MaHoSo: string;
  TaiLieuNop: Record<string, string>[];
  DanhSachLePhi: Record<string, string>[];
  DanhSachGiayToKetQua: Record<string, string>[];
  QuaTrinhXuLy: Record<string, string>[];
};

/**
 * The demo-like dossiers (`motcua seed --dossiers N`: files scanned or uploaded, some reused, fees requested and
 * "paid" by a click, results issued) exported, then imported into a fresh database: the statistics, the report,
 * the scorecard and every flag of the export are the same. Ratings are not part of HoSoDongBoDVC (the portal gets
 * them as monthly aggregates, DongBoDanhGia): the rating columns and indicator 5.4 are left out of the comparison.
 */
describe('export → import into a fresh database keeps the figures and the flags', () => {
  const origin = mkdtempSync(join(tmpdir(), 'motcua-sync-origin--'));
  const target = mkdtempSync(join(tmpdir(), 'motcua-sync-target--'));
  const from = vnDay(-400);
  const to = vnDay(0);
  const open: Database[] = [];
  afterAll(async () => {
    for (const d of open) await d.close();
  });

  const exportAll = async (dataDir: string, name: string) => {
    const file = join(dataDir, name);
    expect((await run(dataDir, 'export', 'dossiers', '--from', from, '--to', to, '--out', file)).code).toBe(0);
    return JSON.parse(readFileSync(file, 'utf8')) as Sync[];
  };

  /** The statistics' facts of every dossier, by code (dossier_stat_source, without the rating columns). */
  const facts = (database: Database) =>
    database.db
      .selectFrom('dossier_stat_source as s')
      .innerJoin('dossiers as d', 'd.id', 's.dossier_id')
      .select(['d.code'])
      .select(sql<string>`to_jsonb(s) - 'dossier_id' - 'rated_at' - 'dissatisfied'`.as('facts'))
      .orderBy('d.code')
      .execute();

  const figures = async (database: Database, now: Date) => {
    const units = await loadUnitDirectory(database.db);
    const deps: Deps = {
      db: database.db,
      units,
      clock: () => now,
      catalogue: await loadCatalogueDirectory(database.db, units, () => now),
      calendars: await loadCalendarDirectory(database.db, units),
    };
    const meta = {
      actor: { userId: '00000000-0000-4000-8000-000000000000', role: 'admin' as const, unitCode: DEMO_PROVINCE_CODE },
      ip: null,
      requestId: 'roundtrip',
    };
    const out: unknown[] = [];
    const month = to.slice(0, 8) + '01';
    const units2 = [
      DEMO_PROVINCE_CODE,
      ...units
        .tree()
        .children(DEMO_PROVINCE_CODE)
        .map((u) => u.code)
        .slice(0, 6),
    ];
    for (const unit of units2) {
      for (const [f, t] of [
        [vnDay(-365), to],
        [month, to],
        [vnDay(-180), vnDay(-90)],
      ] as const) {
        const input = { unit, from: f, to: t, meta };
        const card = await computeScorecard(deps, input);
        if (!card.ok) throw new Error(card.error.code);
        const { total: _total, groups, ...rest } = card.value;
        // 5.4 counts ratings, which travel outside the sync format; the group and total points include it.
        out.push({ ...rest, indicators: groups.flatMap((g) => g.indicators).filter((i) => i.id !== '5.4') });
        for (const groupBy of ['unit', 'procedure'] as const) out.push(await settlementReport(deps, { ...input, groupBy }));
        out.push(await settlementTimes(deps, input));
      }
    }
    return out;
  };

  it(
    'gives the same statistics, report, scorecard and export',
    async () => {
      expect((await run(origin, 'seed', '--dossiers', String(DOSSIERS), '--seed', '14')).code).toBe(0);
      const exported = await exportAll(origin, 'origin.json');
      expect(exported).toHaveLength(DOSSIERS);
      // The flags say what happened, and the demo data has each kind.
      const documents = exported.flatMap((r) => r.TaiLieuNop);
      expect(documents.some((t) => t.DuocSoHoa === '1')).toBe(true);
      expect(documents.some((t) => t.DuocTaiSuDung === '1')).toBe(true);
      expect(exported.some((r) => r.DanhSachGiayToKetQua.some((g) => g.DuongDanTepTinKetQua !== ''))).toBe(true);
      expect(exported.some((r) => r.DanhSachLePhi.some((f) => Number(f.Gia) > 0))).toBe(true);
      expect(exported.some((r) => r.QuaTrinhXuLy.some((p) => p.NoiDungXuLy === 'Xác nhận đã nộp phí, lệ phí' && p.NguoiXuLy === 'Công dân'))).toBe(true);
      // Paid online where a gateway confirmed it (the seeded payments): both gateways, and some dossiers not paid online.
      expect(new Set(exported.map((r) => r.DuocThanhToanTrucTuyen))).toEqual(new Set(['0', '1', '2']));
      for (const r of exported) expect(r.HoSoCoThanhPhanSoHoa, r.MaHoSo).toBe(r.TaiLieuNop.some((t) => t.DuocSoHoa === '1') ? '1' : '0');

      // A fresh database of the same province, whose citizens have their VNeID accounts (the owners of online
      // dossiers are linked by personal ID).
      expect((await run(target, 'seed')).code).toBe(0);
      const a = await openDatabase({ dataDir: origin });
      open.push(a);
      const citizens = await a.db
        .selectFrom('users')
        .select(['kind', 'role', 'full_name', 'personal_id_sealed', 'personal_id_hash', 'oidc_issuer', 'oidc_subject'])
        .where('kind', '=', 'applicant')
        .execute();
      await a.close();
      open.pop();
      let b = await openDatabase({ dataDir: target });
      if (citizens.length > 0) await b.db.insertInto('users').values(citizens).execute();
      await b.close();

      expect(await run(target, 'import', 'dossiers', join(origin, 'origin.json'))).toEqual({
        code: 0,
        out: `${DOSSIERS} hồ sơ: nhập mới ${DOSSIERS}, không đổi 0, lỗi 0.`,
      });
      expect((await run(target, 'stats', 'rebuild')).code).toBe(0);
      expect(await exportAll(target, 'target.json')).toEqual(exported);

      const now = new Date();
      const first = await openDatabase({ dataDir: origin });
      open.push(first);
      const [originFacts, originFigures] = [await facts(first), await figures(first, now)];
      await first.close();
      open.pop();
      b = await openDatabase({ dataDir: target });
      open.push(b);
      expect(await facts(b)).toEqual(originFacts);
      expect(await figures(b, now)).toEqual(originFigures);
      expect(originFacts.filter((f) => (f.facts as unknown as { reused_data: boolean }).reused_data).length).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
