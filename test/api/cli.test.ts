import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { readMigrations } from '../../src/infrastructure/db/migrator.js';
import { openDatabase } from '../../src/infrastructure/db/database.js';
import { acquireDataDirLock, DataDirLockedError } from '../../src/infrastructure/db/data-dir-lock.js';

/** Runs the CLI in-process and collects what it prints. */
async function run(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

/** The CLI works on DATA_DIR (PGlite): point it at a fresh folder for the enclosing suite. */
function useFreshDataDir(prefix: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const saved = process.env.DATA_DIR;
  beforeAll(() => {
    process.env.DATA_DIR = dataDir;
  });
  afterAll(() => {
    process.env.DATA_DIR = saved;
  });
  return dataDir;
}

describe('operator CLI on an embedded data folder', () => {
  const dataDir = useFreshDataDir('motcua-cli--');

  it('migrates and seeds, idempotently', async () => {
    expect(await run('migrate')).toMatchObject({ code: 0, out: expect.stringMatching(new RegExp(`Đã chạy ${readMigrations().length} migration`)) });
    expect(await run('migrate')).toMatchObject({ code: 0, out: expect.stringMatching(/mới nhất/) });
    expect(await run('seed')).toMatchObject({ code: 0, out: expect.stringMatching(/Đã nạp tỉnh mẫu: \d+ đơn vị/) });
    expect(await run('seed')).toMatchObject({ code: 0, out: expect.stringMatching(/bỏ qua/) });
  });

  it('adds an official, refusing bad roles, unknown units, weak passwords and duplicates', async () => {
    const ok = await run(
      'user',
      'add',
      '--username',
      'Motcua.DongDang',
      '--password',
      'Mat-khau-du-dai',
      '--role',
      'desk_officer',
      '--unit',
      '000.00.36.H37',
      '--name',
      'Hoàng Văn Dũng',
    );
    expect(ok).toMatchObject({ code: 0, out: expect.stringContaining('motcua.dongdang') });
    await expect(run('user', 'add', '--username', 'x', '--password', 'Mat-khau-du-dai', '--role', 'citizen', '--unit', '000.00.36.H37')).rejects.toThrow(
      /vai trò không hợp lệ/,
    );
    expect(await run('user', 'add', '--username', 'y', '--password', 'Mat-khau-du-dai', '--role', 'specialist', '--unit', '000.00.99.H37')).toMatchObject({
      code: 1,
      out: expect.stringContaining('UNIT_NOT_FOUND'),
    });
    expect(await run('user', 'add', '--username', 'z', '--password', 'ngan', '--role', 'specialist', '--unit', '000.00.36.H37')).toMatchObject({
      code: 1,
      out: expect.stringContaining('WEAK_PASSWORD'),
    });
    expect(
      await run('user', 'add', '--username', 'motcua.dongdang', '--password', 'Mat-khau-du-dai', '--role', 'specialist', '--unit', '000.00.36.H37'),
    ).toMatchObject({ code: 1, out: expect.stringContaining('USERNAME_TAKEN') });
  });

  it('writes a signed checkpoint of the audit chains outside the database, and verifies against it', async () => {
    expect(await run('audit', 'checkpoint')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Đã ghi điểm chốt nhật ký: 2 bản ghi, [0-9a-f]{64} \(.*audit\)\.$/),
    });
    expect(await run('audit', 'verify')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Đối chiếu với điểm chốt lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}: 2 bản ghi\.\nChuỗi nhật ký toàn vẹn: 2 bản ghi\./),
    });
  });

  it('backs up the data folder and restores it into a new one', async () => {
    const backup = join(mkdtempSync(join(tmpdir(), 'motcua-cli-backup-')), 'sao-luu');
    expect(await run('backup', '--out', backup)).toMatchObject({
      code: 0,
      out: expect.stringMatching(
        /^Đã sao lưu [\d.]+ dòng của \d+ bảng và 0 tệp vào .*sao-luu trong [\d.]+ giây\.\nĐầu chuỗi nhật ký: 2 bản ghi, [0-9a-f]{64}\.$/,
      ),
    });
    await expect(run('backup', '--out', backup)).rejects.toThrow(/đã có dữ liệu/);
    const saved = process.env.DATA_DIR;
    process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'motcua-cli-restored-'));
    try {
      expect(await run('restore', backup)).toMatchObject({
        code: 0,
        out: expect.stringMatching(
          /^Đã khôi phục [\d.]+ dòng của \d+ bảng và 0 tệp trong [\d.]+ giây\.\nChuỗi nhật ký toàn vẹn: 2 bản ghi, đầu chuỗi [0-9a-f]{64}\.$/,
        ),
      });
      await expect(run('restore', backup)).rejects.toThrow(/đã có dữ liệu/);
    } finally {
      process.env.DATA_DIR = saved;
    }
  });

  it('verifies the audit chain, and reports a tampered record with exit code 3', async () => {
    expect(await run('audit', 'verify')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/toàn vẹn: 2 bản ghi.\nĐầu chuỗi: #2 [0-9a-f]{64}\n(  chuỗi \d+: #\d [0-9a-f]{64}(\n|$))+/),
    });
    const database = await openDatabase({ dataDir });
    await database.rawTransaction(async (tx) => {
      await tx.exec('alter table audit_log disable trigger audit_log_no_update');
      await tx.exec(`update audit_log set details = '{"username":"ke-gian"}' where seq = 2`);
      await tx.exec('alter table audit_log enable trigger audit_log_no_update');
    });
    await database.close();
    expect(await run('audit', 'verify')).toMatchObject({ code: 3, out: expect.stringMatching(/SAI LỆCH tại bản ghi #2/) });
  });

  it('refuses to open a data folder that another live process holds', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(join(dataDir, 'motcua.lock'), String(child.pid));
      await expect(run('migrate')).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(run('migrate')).rejects.toThrow(/đang được tiến trình \d+/);
    } finally {
      child.kill();
    }
    await new Promise((r) => child.once('exit', r));
    // The holder is gone: its stale lock is taken over.
    const lock = acquireDataDirLock(dataDir);
    lock.release();
    expect((await run('migrate')).code).toBe(0);
  }, 20_000);

  it('opens a data folder at once when its holder was killed and is still dying, instead of refusing', async () => {
    // A holder killed with -9 a moment after we start: the lock is still there, its process alive for 0.8 s.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => process.kill(process.pid, "SIGKILL"), 800); setTimeout(() => {}, 10000)']);
    writeFileSync(join(dataDir, 'motcua.lock'), String(child.pid));
    const started = Date.now();
    const lock = acquireDataDirLock(dataDir);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500); // it waited for the holder to go…
    expect(Date.now() - started).toBeLessThan(3_000); // …and no longer
    lock.release();
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
  });

  it('answers --help on every command with its own usage lines, running nothing', async () => {
    for (const args of [
      ['user', 'add', '--help'],
      ['backup', '-h'],
      ['catalogue', 'import', '--help'],
      ['export', 'dossiers', '--help'],
      ['personal-data', 'reseal', '--help'],
      ['stats', '--help'],
      ['audit', 'verify', '--help'],
    ]) {
      const { code, out } = await run(...args);
      expect(code, args.join(' ')).toBe(0);
      expect(out.split('\n')[0]!.trimStart().startsWith(args[0]!), args.join(' ')).toBe(true);
      expect(out).not.toMatch(/Cách dùng/);
    }
    expect((await run('nonsense', '--help')).code).toBe(2);
  });

  it('lists every configuration variable', async () => {
    const { code, out } = await run('config');
    expect(code).toBe(0);
    expect(out).toMatch(/^DATABASE_URL\s+postgres:\/\//m);
  });
});

describe('starting a production province without demo data (SEED=none)', () => {
  const dataDir = useFreshDataDir('motcua-cli-units--');

  const tree = [
    {
      code: '000.00.00.H26',
      name: 'Ủy ban nhân dân tỉnh Hà Tĩnh',
      level: 'province',
      parentCode: null,
      validFrom: '2008-01-01',
      validTo: null,
      replacedBy: [],
    },
    { code: '000.00.31.H26', name: 'Phường Thành Sen', level: 'commune', parentCode: '000.00.00.H26', validFrom: '2025-07-01', validTo: null, replacedBy: [] },
  ];

  it('imports the unit tree idempotently, then an administrator account can be created', async () => {
    const file = join(dataDir, 'units.json');
    writeFileSync(file, JSON.stringify({ units: tree }));
    expect(await run('units', 'import', file)).toMatchObject({ code: 0, out: 'Cây đơn vị: thêm 2, cập nhật 0, không đổi 0.' });
    expect(await run('units', 'import', file)).toMatchObject({ code: 0, out: 'Cây đơn vị: thêm 0, cập nhật 0, không đổi 2.' });
    writeFileSync(file, JSON.stringify([{ ...tree[1], name: 'Phường Thành Sen (mới)' }]));
    expect(await run('units', 'import', file)).toMatchObject({ code: 0, out: 'Cây đơn vị: thêm 0, cập nhật 1, không đổi 0.' });
    const added = await run('user', 'add', '--username', 'quantri', '--password', 'Mat-khau-du-dai', '--role', 'admin', '--unit', '000.00.00.H26');
    expect(added.code).toBe(0);
  });

  it('rejects a malformed file or a broken tree with a per-item error list, changing nothing', async () => {
    const file = join(dataDir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ code: 'abc', name: '', level: 'village', parentCode: null, validFrom: '1/7/2025', validTo: null }]));
    const bad = await run('units', 'import', file);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/0\.code: mã định danh/);
    expect(bad.out).toMatch(/0\.validFrom: ngày phải có dạng yyyy-MM-dd/);
    writeFileSync(file, JSON.stringify([{ ...tree[1], code: '000.00.32.H26', parentCode: '000.00.99.H26' }]));
    const orphan = await run('units', 'import', file);
    expect(orphan).toMatchObject({ code: 1, out: expect.stringMatching(/000\.00\.99\.H26 không tồn tại/) });
    writeFileSync(file, '{ not json');
    await expect(run('units', 'import', file)).rejects.toThrow(/không đọc được/);
  });
});
