import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, createTestDatabase, type EngineName } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';
import { createBackup } from '../../src/application/backup/create-backup.js';
import { restoreBackup } from '../../src/application/backup/restore-backup.js';
import { BackupError, type BackupManifest } from '../../src/application/backup/backup-format.js';
import { verifyAuditChain } from '../../src/application/audit/audit-chain.js';
import { seedDossiers } from '../../src/application/seed/seed-dossiers.js';
import { drainStatQueue } from '../../src/application/scorecard/statistics.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import { LocalFileStore } from '../../src/infrastructure/files/file-store.js';
import type { Database } from '../../src/infrastructure/db/database.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n%%EOF\n',
  'latin1',
);
const to = vietnamDate(new Date());
const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;

/** Every row of every base table, as the engine writes it, sorted: two databases with equal dumps hold the same data. */
async function everyRow(database: Database): Promise<Record<string, string[]>> {
  return database.rawTransaction(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      if (name === 'schema_migrations') continue; // applied_at is when each database was migrated
      out[name] = (await tx.query<{ j: string }>(`select row_to_json(t)::text as j from "${name}" t`)).map((r) => r.j).sort();
    }
    return out;
  });
}

describe.each(ENGINES)('backup and restore on %s', (engine: EngineName) => {
  let app: TestApp;
  let dir: string;
  let manifest: BackupManifest;
  let uploaded: string;
  /** The source's rows right after the backup (later tests log in on it, which adds rows). */
  let snapshot: Record<string, string[]>;

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    await seedDossiers(app.ctx.deps, { count: 60, seed: 11 });
    await drainStatQueue(app.ctx.deps);
    const desk = await Client.official(app, 'motcua.tamthanh');
    const applicant = { fullName: 'Hà Thị Sao Lưu', personalId: '020190009999', address: 'Thôn Nà Chuông', phone: null, email: null };
    const created = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant,
      components: receivedComponents('1.001193'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    const file = await app.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/files?component=1.001193.TP1&name=${encodeURIComponent('Tờ khai.pdf')}`,
      headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrf, 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(file.statusCode, file.body).toBe(201);
    uploaded = (file.json() as { sha256: string }).sha256;
    await drainStatQueue(app.ctx.deps);
    dir = join(mkdtempSync(join(tmpdir(), 'motcua-backup-')), 'backup');
    manifest = await createBackup(app.database, app.ctx.deps.files, dir, { version: 'test', now: new Date() });
    snapshot = await everyRow(app.database);
  });
  afterAll(() => app.stop());

  it('writes a manifest of the snapshot: every table with its rows and hash, the files, the audit head', async () => {
    const dossiers = manifest.tables.find((t) => t.name === 'dossiers');
    expect(dossiers?.rows).toBe(
      Number(
        (
          await app.database.db
            .selectFrom('dossiers')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    expect(manifest.files.count).toBeGreaterThanOrEqual(1);
    const audit = await verifyAuditChain(app.database.db);
    expect(manifest.audit).toEqual({ records: audit.head!.seq, digest: audit.head!.hash });
    // The ID number is in the dossier rows, compressed; never in the manifest.
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).not.toContain('020190009999');
  });

  it('restores into a fresh database and file store the same rows, files, audit head and scorecard', async () => {
    const target = await createTestDatabase(engine);
    const files = new LocalFileStore(mkdtempSync(join(tmpdir(), 'motcua-restored-files-')));
    const result = await restoreBackup(target.database, files, dir);
    expect(result.rows).toBe(manifest.tables.filter((t) => t.name !== 'schema_migrations').reduce((n, t) => n + t.rows, 0));
    expect(await everyRow(target.database)).toEqual(snapshot);
    expect((await files.read(uploaded))?.equals(PDF)).toBe(true);
    const audit = await verifyAuditChain(target.database.db);
    expect(audit).toMatchObject({ ok: true, head: { hash: manifest.audit.digest } });
    // A server on the restored database answers as the original, and goes on writing where the original stopped.
    const restored = await startTestApp(engine, { testDb: target, env: { LOGIN_RATE_LIMIT: '1000' } });
    try {
      const path = `/api/v1/scorecard?unit=000.00.00.H37&from=${from}&to=${to}`;
      const before = await (await Client.official(app, 'giamsat')).request('GET', path);
      const after = await (await Client.official(restored, 'giamsat')).request('GET', path);
      expect(after.statusCode, after.body).toBe(200);
      expect(after.json()).toEqual(before.json());
      const desk = await Client.official(restored, 'motcua.tamthanh');
      const again = await desk.request('POST', '/api/v1/dossiers', {
        procedureCode: '1.001193',
        channel: 'counter',
        applicant: { fullName: 'Sau Khôi Phục', personalId: null, address: null, phone: null, email: null },
        components: receivedComponents('1.001193'),
      });
      expect(again.statusCode, again.body).toBe(201);
      expect((await verifyAuditChain(target.database.db)).ok).toBe(true);
    } finally {
      await restored.stop(); // drops the restored database too
    }
  });

  it.runIf(ENGINES.length > 1)('restores into the other engine the same rows', async () => {
    const other: EngineName = engine === 'pglite' ? 'postgresql' : 'pglite';
    const target = await createTestDatabase(other);
    try {
      await restoreBackup(target.database, new LocalFileStore(mkdtempSync(join(tmpdir(), 'motcua-restored-files-'))), dir);
      expect(await everyRow(target.database)).toEqual(snapshot);
      expect(await verifyAuditChain(target.database.db)).toMatchObject({ ok: true, head: { hash: manifest.audit.digest } });
    } finally {
      await target.drop();
    }
  });

  it('refuses a database that already holds data, and a damaged backup, restoring nothing', async () => {
    await expect(restoreBackup(app.database, app.ctx.deps.files, dir)).rejects.toThrow(/đã có dữ liệu/);
    const damaged = join(mkdtempSync(join(tmpdir(), 'motcua-backup-damaged-')), 'copy');
    const copy = await createBackup(app.database, app.ctx.deps.files, damaged, { version: 'test', now: new Date() });
    const changed = { ...copy, tables: copy.tables.map((t) => (t.name === 'dossiers' ? { ...t, rows: t.rows + 1 } : t)) };
    writeFileSync(join(damaged, 'manifest.json'), JSON.stringify(changed));
    const target = await createTestDatabase(engine);
    try {
      const failure = restoreBackup(target.database, new LocalFileStore(mkdtempSync(join(tmpdir(), 'motcua-restored-files-'))), damaged);
      await expect(failure).rejects.toBeInstanceOf(BackupError);
      await expect(failure).rejects.toThrow(/Bảng dossiers .* không khớp manifest/);
      const units = await target.database.db
        .selectFrom('units')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(units.n)).toBe(0);
    } finally {
      await target.drop();
    }
    await expect(createBackup(app.database, app.ctx.deps.files, dir, { version: 'test', now: new Date() })).rejects.toThrow(/đã có dữ liệu/);
  });
});
