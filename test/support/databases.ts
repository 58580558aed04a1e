/**
 * Test databases on both engines: an in-memory PGlite, and — when TEST_DATABASE_URL is set — a fresh
 * PostgreSQL database per call, created from that server and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../../src/infrastructure/db/database.js';

export type EngineName = 'pglite' | 'postgresql';

export const ENGINES: EngineName[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

export interface TestDatabase {
  database: Database;
  url?: string;
  drop(): Promise<void>;
}

/**
 * initdb is most of the cost of a new PGlite (about 1.2 s of 1.6 s with migrations and the demo seed), so each
 * test worker runs it once and starts every further database from a copy of that empty data folder.
 */
let emptyDataDir: Promise<Blob> | undefined;

async function dumpEmptyDataDir(): Promise<Blob> {
  const pglite = await PGlite.create();
  try {
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}

export async function createTestDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === 'pglite') {
    emptyDataDir ??= dumpEmptyDataDir();
    const database = await openDatabase({ memory: true, loadDataDir: await emptyDataDir });
    return { database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `motcua_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.href, poolSize: 10 });
  return {
    database,
    url: url.href,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
