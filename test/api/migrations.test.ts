import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { migrate, migrationsFolder, readMigrations } from '../../src/infrastructure/db/migrator.js';

describe.each(ENGINES)('SQL migrations on %s', (engine) => {
  let testDb: TestDatabase | undefined;
  afterEach(async () => {
    await testDb?.drop();
    testDb = undefined;
  });

  it('apply every migration once, then nothing on the next run', async () => {
    testDb = await createTestDatabase(engine);
    const files = readMigrations();
    expect(await migrate(testDb.database)).toEqual(files.map((f) => f.name));
    expect(await migrate(testDb.database)).toEqual([]);
    const tables = await testDb.database.rawTransaction((tx) =>
      tx.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' order by 1`),
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['audit_head', 'audit_log', 'schema_migrations', 'sessions', 'units', 'users']));
  });

  it('refuse a landed migration that was edited, and one added out of order', async () => {
    testDb = await createTestDatabase(engine);
    const folder = mkdtempSync(join(tmpdir(), 'motcua-migrations-'));
    cpSync(migrationsFolder(), folder, { recursive: true });
    writeFileSync(join(folder, '20991231000000_later.sql'), 'create table later_one (id int);');
    await migrate(testDb.database, readMigrations(folder));

    const edited = readMigrations(folder).map((f) => (f.name.endsWith('_later') ? { ...f, checksum: 'different' } : f));
    await expect(migrate(testDb.database, edited)).rejects.toThrow(/was edited after it was applied/);

    writeFileSync(join(folder, '20990101000000_earlier.sql'), 'create table earlier_one (id int);');
    await expect(migrate(testDb.database, readMigrations(folder))).rejects.toThrow(/sorts before already applied/);
  });

  it('refuse to run against a database that is ahead of the code', async () => {
    testDb = await createTestDatabase(engine);
    await migrate(testDb.database);
    await testDb.database.rawTransaction((tx) => tx.exec(`insert into schema_migrations (name, checksum) values ('20991231000000_future', 'x')`));
    await expect(migrate(testDb.database)).rejects.toThrow(/does not know: 20991231000000_future/);
  });

  it('roll a failing migration back completely', async () => {
    testDb = await createTestDatabase(engine);
    const folder = mkdtempSync(join(tmpdir(), 'motcua-migrations-'));
    cpSync(migrationsFolder(), folder, { recursive: true });
    writeFileSync(join(folder, '20991231000000_broken.sql'), 'create table half_done (id int);\nselect * from no_such_table;');
    await expect(migrate(testDb.database, readMigrations(folder))).rejects.toThrow(/no_such_table/);
    const rows = await testDb.database.rawTransaction((tx) =>
      tx.query<{ n: string }>(`select count(*)::text as n from information_schema.tables where table_name = 'half_done'`),
    );
    expect(rows[0]?.n).toBe('0');
  });
});
