/**
 * `motcua restore`: a backup folder into a new database of either engine. The schema comes from this
 * version's migrations and must be the one the backup holds; then, in one transaction with triggers and
 * foreign-key checks off (session_replication_role = replica: the rows were consistent when dumped), every
 * table's rows replace what the migrations inserted, each table checked against the manifest's row count
 * and hash. The stored files go first, each checked against its name. Nothing is half restored: a failure
 * rolls the tables back.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Database } from '../../infrastructure/db/database.js';
import { migrate } from '../../infrastructure/db/migrator.js';
import { loadRows, restoreSequences } from '../../infrastructure/db/table-dump.js';
import type { FileStore } from '../../infrastructure/files/file-store.js';
import { BACKUP_FORMAT, BackupError, tableFile, type BackupManifest } from './backup-format.js';

export async function readManifest(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${dir} không phải bản sao lưu hoàn chỉnh (thiếu hoặc hỏng manifest.json).`);
  }
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`Định dạng bản sao lưu không được hỗ trợ: ${String(manifest.format)}.`);
  return manifest;
}

async function* fileLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.length > 0) yield line;
}

async function* storedFiles(dir: string): AsyncGenerator<string> {
  const root = join(dir, 'files');
  const level1 = await readdir(root).catch(() => [] as string[]);
  for (const a of level1) for (const b of await readdir(join(root, a))) for (const name of await readdir(join(root, a, b))) yield join(root, a, b, name);
}

export async function restoreBackup(
  database: Database,
  files: FileStore,
  dir: string,
  options: { onProgress?: (message: string) => void } = {},
): Promise<{ tables: number; rows: number; files: number }> {
  const progress = options.onProgress ?? (() => undefined);
  const manifest = await readManifest(dir);
  await migrate(database);
  const here = await database.db.selectFrom('schema_migrations').select(['name', 'checksum']).orderBy('name').execute();
  const same =
    here.length === manifest.migrations.length &&
    here.every((m, i) => m.name === manifest.migrations[i]!.name && m.checksum === manifest.migrations[i]!.checksum);
  if (!same) {
    throw new BackupError(
      `Bản sao lưu được tạo bởi motcua ${manifest.version} với lược đồ khác phiên bản này (${manifest.migrations.length} migration, ở đây ${here.length}): khôi phục bằng đúng phiên bản đã sao lưu, rồi nâng cấp.`,
    );
  }
  const units = await database.db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(units.n) > 0)
    throw new BackupError('Cơ sở dữ liệu đích đã có dữ liệu: khôi phục vào một thư mục dữ liệu (DATA_DIR) hoặc cơ sở dữ liệu (DATABASE_URL) mới.');

  // Files first: content-addressed, so a failure leaves at most unreferenced copies, never rows without bytes.
  let restored = 0;
  for await (const path of storedFiles(dir)) {
    const bytes = await readFile(path);
    const name = path.slice(path.lastIndexOf('/') + 1);
    const stored = await files.put(bytes);
    if (stored.sha256 !== name) throw new BackupError(`Tệp ${name} trong bản sao lưu không khớp mã băm: bản sao lưu bị hỏng.`);
    restored++;
  }
  if (restored !== manifest.files.count) throw new BackupError(`Bản sao lưu có ${restored} tệp, manifest ghi ${manifest.files.count}: bản sao lưu bị hỏng.`);
  progress(`Đã khôi phục ${restored.toLocaleString('vi-VN')} tệp`);

  let rows = 0;
  await database.rawTransaction(async (tx) => {
    await tx.exec('set local session_replication_role = replica');
    const tables = manifest.tables.filter((t) => t.name !== 'schema_migrations');
    for (const t of tables) await tx.exec(`delete from "${t.name.replace(/"/g, '""')}"`);
    for (const t of tables) {
      const hash = createHash('sha256');
      let count = 0;
      let batch: string[] = [];
      for await (const line of fileLines(join(dir, tableFile(t.name)))) {
        hash.update(`${line}\n`);
        batch.push(line);
        count++;
        if (batch.length === 1_000) {
          await loadRows(tx, t.name, batch);
          batch = [];
        }
      }
      await loadRows(tx, t.name, batch);
      if (count !== t.rows || hash.digest('hex') !== t.sha256)
        throw new BackupError(`Bảng ${t.name} trong bản sao lưu không khớp manifest (${count} dòng, cần ${t.rows}): bản sao lưu bị hỏng.`);
      rows += count;
      progress(`Bảng ${t.name}: ${count.toLocaleString('vi-VN')} dòng`);
    }
    await restoreSequences(tx, manifest.sequences);
  });

  return { tables: manifest.tables.length, rows, files: restored };
}
