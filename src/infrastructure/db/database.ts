/**
 * The one place that chooses the database engine: embedded PGlite in DATA_DIR by default,
 * PostgreSQL when DATABASE_URL is set. Both run the same SQL migrations and the same Kysely queries.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import type { DB } from './schema.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { initPGliteDataDir } from './pglite-initdb.js';

export type Engine = 'pglite' | 'postgresql';

/** Raw access for scripts (migrations) that need multi-statement execution inside one transaction. */
export interface RawTransaction {
  exec(script: string): Promise<void>;
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  rawTransaction<T>(fn: (tx: RawTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` (or undefined with `memory: true`) keeps it in memory. */
  dataDir?: string | undefined;
  memory?: boolean;
  /** Connection pool size on PostgreSQL. */
  poolSize?: number;
  /** Take the exclusive lock on the PGlite data folder (server and CLI do; in-memory tests needn't). */
  lock?: boolean;
  /** Start PGlite from this dump of a data folder (PGlite's `dumpDataDir`) instead of running initdb. */
  loadDataDir?: Blob;
  /**
   * PGlite's shared_buffers, in MB (PGlite's default is PostgreSQL's, 128). PGlite zero-fills all of it in its
   * WebAssembly memory at start, so every MB is resident whether the pages are used or not.
   */
  sharedBuffersMb?: number;
  /**
   * Create a new PGlite folder (initdb) in a child process: a long-running server then does not keep initdb's
   * memory (pglite-initdb.ts). A short-lived process (the CLI, a test) need not pay for the extra process.
   */
  initdbInChildProcess?: boolean;
}

// DATE columns as plain yyyy-MM-dd strings and BIGINT as strings, identically on both engines.
const DATE_OID = 1082;

/** The engine the configuration names: PostgreSQL for DATABASE_URL, else PGlite in DATA_DIR. */
export function openConfiguredDatabase(
  config: { DATABASE_URL?: string | undefined; DATA_DIR: string; PGLITE_SHARED_BUFFERS_MB: number },
  options: Pick<DatabaseOptions, 'initdbInChildProcess'> = {},
): Promise<Database> {
  return openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, sharedBuffersMb: config.PGLITE_SHARED_BUFFERS_MB, ...options });
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 20) : openPGlite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = await import('pg');
  const { Pool, types } = pg.default;
  types.setTypeParser(DATE_OID, (v: string) => v);
  const pool = new Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  await pool.query('select 1');
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgresql',
    async rawTransaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[],
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

async function openPGlite(options: DatabaseOptions): Promise<Database> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (!options.memory && options.dataDir && options.dataDir !== 'memory://') {
    const root = resolve(options.dataDir);
    mkdirSync(root, { recursive: true });
    if (options.lock !== false) lock = acquireDataDirLock(root);
    dataDir = join(root, 'pgdata');
  }
  let pglite;
  try {
    if (dataDir && !options.loadDataDir && options.initdbInChildProcess) await initPGliteDataDir(dataDir);
    pglite = await PGlite.create(dataDir, {
      parsers: { [DATE_OID]: (v: string) => v, [types.INT8]: (v: string) => v },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      ...(options.sharedBuffersMb ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffersMb}MB`] } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    engine: 'pglite',
    rawTransaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows,
        }),
      ),
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      lock?.release();
    },
  };
}
