/**
 * Plain-SQL, forward-only migrations: migrations/<yyyyMMddHHmmss>_<name>.sql, applied in name order,
 * each in its own transaction together with its bookkeeping row. The migrator refuses a landed
 * migration that was edited (checksum) and a new file that sorts before one already applied.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.js';
import { projectRoot } from '../project-root.js';

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsFolder(): string {
  return join(projectRoot(), 'src', 'infrastructure', 'db', 'migrations');
}

export function readMigrations(folder = migrationsFolder()): MigrationFile[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      if (!/^\d{14}_[a-z0-9_]+\.sql$/.test(file)) throw new Error(`migration file name must be yyyyMMddHHmmss_name.sql: ${file}`);
      const sql = readFileSync(join(folder, file), 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const LOCK_KEY = 727_001; // pg_advisory_xact_lock key shared by every motcua migrator

export async function migrate(database: Database, files = readMigrations()): Promise<string[]> {
  await database.rawTransaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.exec(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
  });
  const applied: string[] = [];
  for (const file of files) {
    const done = await database.rawTransaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const rows = await tx.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations order by name');
      const known = new Map(rows.map((r) => [r.name, r.checksum]));
      const previous = known.get(file.name);
      if (previous !== undefined) {
        if (previous !== file.checksum) {
          throw new MigrationError(`migration ${file.name} was edited after it was applied; add a new migration instead`);
        }
        return false;
      }
      const later = rows.find((r) => r.name > file.name);
      if (later) throw new MigrationError(`migration ${file.name} sorts before already applied ${later.name}; rename it`);
      await tx.exec(file.sql);
      await tx.query('insert into schema_migrations (name, checksum) values ($1, $2)', [file.name, file.checksum]);
      return true;
    });
    if (done) applied.push(file.name);
  }
  const names = new Set(files.map((f) => f.name));
  const rows = await database.rawTransaction((tx) => tx.query<{ name: string }>('select name from schema_migrations'));
  const unknown = rows.filter((r) => !names.has(r.name));
  if (unknown.length > 0) {
    throw new MigrationError(`database has migrations this code does not know: ${unknown.map((r) => r.name).join(', ')}`);
  }
  return applied;
}
