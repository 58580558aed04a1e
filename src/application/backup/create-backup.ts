/**
 * `motcua backup`: one consistent snapshot of every table (a repeatable-read, read-only transaction), then the
 * stored files its rows refer to, then the manifest. Files are content-addressed and never changed, so
 * copying them after the snapshot gives every file the snapshot names.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database } from '../../infrastructure/db/database.js';
import { dumpTable, listTables, readSequences } from '../../infrastructure/db/table-dump.js';
import type { FileStore } from '../../infrastructure/files/file-store.js';
import { trailDigest } from '../audit/audit-chain.js';
import { BACKUP_FORMAT, BackupError, storedFilePath, tableFile, type BackupManifest } from './backup-format.js';

/** Stored files the rows refer to (files of imported dossiers carry a link to elsewhere, not bytes here). */
const REFERENCED_FILES = `
  select sha256 from dossier_files where source_url is null
  union select file_sha256 from publication_decisions where file_sha256 is not null
  union select file_sha256 from result_documents where file_sha256 <> ''
  union select file_sha256 from vault_documents`;

async function writeTable(path: string, fill: (write: (line: string) => Promise<void>) => Promise<number>): Promise<{ rows: number; sha256: string }> {
  const gzip = createGzip();
  const out = createWriteStream(path);
  gzip.pipe(out);
  const hash = createHash('sha256');
  const rows = await fill(async (line) => {
    const text = `${line}\n`;
    hash.update(text);
    if (!gzip.write(text)) await once(gzip, 'drain');
  });
  gzip.end();
  await finished(out);
  return { rows, sha256: hash.digest('hex') };
}

export async function createBackup(
  database: Database,
  files: FileStore,
  outDir: string,
  options: { version: string; now: Date; onProgress?: (message: string) => void },
): Promise<BackupManifest> {
  const existing = await readdir(outDir).catch(() => [] as string[]);
  if (existing.length > 0) throw new BackupError(`Thư mục ${outDir} đã có dữ liệu: chọn một thư mục mới hoặc trống cho bản sao lưu.`);
  await mkdir(join(outDir, 'tables'), { recursive: true });
  const progress = options.onProgress ?? (() => undefined);

  const snapshot = await database.rawTransaction(async (tx) => {
    await tx.exec('set transaction isolation level repeatable read, read only');
    const tables: BackupManifest['tables'] = [];
    for (const name of await listTables(tx)) {
      const written = await writeTable(join(outDir, tableFile(name)), (write) =>
        dumpTable(tx, name, async (lines) => {
          for (const line of lines) await write(line);
        }),
      );
      tables.push({ name, ...written });
      progress(`Bảng ${name}: ${written.rows.toLocaleString('vi-VN')} dòng`);
    }
    const migrations = await tx.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations order by name');
    const heads = await tx.query<{ id: number; seq: string; hash: string }>('select id, seq::text as seq, hash from audit_head order by id');
    const referenced = await tx.query<{ sha256: string }>(REFERENCED_FILES);
    const sequences = await readSequences(tx);
    return { tables, migrations, heads, sequences, referenced: referenced.map((r) => r.sha256) };
  });

  let count = 0;
  let bytes = 0;
  let missing = 0;
  for (const sha256 of snapshot.referenced) {
    const content = await files.read(sha256);
    if (!content) {
      missing++;
      continue;
    }
    if (createHash('sha256').update(content).digest('hex') !== sha256)
      throw new BackupError(`Tệp ${sha256} trong kho lưu trữ không khớp mã băm: kho tệp bị hỏng.`);
    const path = join(outDir, storedFilePath(sha256));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    count++;
    bytes += content.byteLength;
    if (count % 500 === 0) progress(`Đã chép ${count.toLocaleString('vi-VN')} tệp`);
  }
  progress(`Đã chép ${count.toLocaleString('vi-VN')} tệp (${(bytes / 1_048_576).toFixed(1)} MB)`);

  const heads = snapshot.heads.map((h) => ({ chain: h.id, seq: h.seq, hash: h.hash }));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: options.now.toISOString(),
    engine: database.engine,
    version: options.version,
    migrations: snapshot.migrations,
    tables: snapshot.tables,
    sequences: snapshot.sequences,
    files: { count, bytes, missing },
    audit: { records: heads.reduce((n, h) => n + BigInt(h.seq), 0n).toString(), digest: trailDigest(heads) },
  };
  // Last, and atomically: a folder with a manifest is a finished backup.
  await writeFile(join(outDir, 'manifest.json.tmp'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(join(outDir, 'manifest.json.tmp'), join(outDir, 'manifest.json'));
  return manifest;
}
