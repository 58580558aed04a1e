import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { openConfiguredDatabase, openDatabase } from '../../src/infrastructure/db/database.js';

// Issue 17: a lean server. The server runs initdb in a child process; PGlite's shared_buffers follow the configuration.
describe('PGlite memory settings', () => {
  const root = mkdtempSync(join(tmpdir(), 'motcua-pglite-memory-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const setting = async (database: Awaited<ReturnType<typeof openDatabase>>, name: 'shared_buffers') =>
    (await sql<Record<string, string>>`show ${sql.raw(name)}`.execute(database.db)).rows[0]?.[name];

  it('create a new data folder in a child process as the server does, open it with the configured shared_buffers, and reopen it', async () => {
    const dataDir = join(root, 'configured');
    const config = loadConfig({ DATA_DIR: dataDir, PGLITE_SHARED_BUFFERS_MB: '16' });
    const first = await openConfiguredDatabase(config, { initdbInChildProcess: true });
    try {
      expect(existsSync(join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
      expect(await setting(first, 'shared_buffers')).toBe('16MB');
      await sql`create table kept (n int)`.execute(first.db);
      await sql`insert into kept values (1)`.execute(first.db);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    try {
      expect(await setting(again, 'shared_buffers')).toBe('128MB'); // PGlite's own default when none is asked for
      expect((await sql<{ n: number }>`select n from kept`.execute(again.db)).rows).toEqual([{ n: 1 }]);
    } finally {
      await again.close();
    }
  }, 120_000); // two PGlite starts and an initdb, on a busy 2-core machine

  it('default to 32 MB of shared_buffers for the server and the CLI, and refuse nonsense', () => {
    expect(loadConfig({}).PGLITE_SHARED_BUFFERS_MB).toBe(32);
    expect(() => loadConfig({ PGLITE_SHARED_BUFFERS_MB: '0' })).toThrow(/PGLITE_SHARED_BUFFERS_MB/);
    expect(() => loadConfig({ PGLITE_SHARED_BUFFERS_MB: '4096' })).toThrow(/PGLITE_SHARED_BUFFERS_MB/);
  });
});
