/**
 * Fill a bench database: BENCH_SEEDED dossiers lived through the workflow, copies up to `count`, the statistics of
 * every one rebuilt, vacuumed and checkpointed (a database in service is not freshly bulk-loaded), and the ids and
 * codes the load needs. Runs in the driver, which then closes the database for the server processes to open.
 */
import { sql } from 'kysely';
import { benchConfig } from './config.js';
import { createRuntime } from '../../src/bootstrap.js';
import { openDatabase, type Database } from '../../src/infrastructure/db/database.js';
import { seedDossiers } from '../../src/application/seed/seed-dossiers.js';
import { rebuildStatistics } from '../../src/application/scorecard/statistics-rebuild.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import { cloneDossiers } from '../clone-dossiers.js';
import { engineVersion } from './machine.js';

export interface PreparedDatabase {
  engineVersion: string;
  total: number;
  /** Any dossiers (for the bare read), and dossiers the demo desk officer may read. */
  ids: string[];
  readable: string[];
  /** Dossier codes, for the public status lookup. */
  codes: string[];
  /** A citizen's session (VNeID login as the portal does it), for online submission. */
  citizenSessionId: string;
}

export async function prepareDossierDatabase(options: {
  engine: 'pglite' | 'postgresql';
  database?: Database | undefined;
  dataDir?: string | undefined;
  count: number;
  seeded: number;
}): Promise<PreparedDatabase> {
  const database = options.database ?? (await openDatabase({ dataDir: options.dataDir, lock: true }));
  const config = benchConfig();
  const runtime = await createRuntime(config, { database, logger: false });
  const db = runtime.database.db;
  const t0 = performance.now();
  await seedDossiers(runtime.ctx.deps, {
    count: Math.min(options.count, options.seeded),
    onProgress: (done, total) => process.stderr.write(`\r  seeding ${done}/${total} dossiers…`),
  });
  process.stderr.write(`\n  seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  await cloneDossiers(db, options.count, (n) => process.stderr.write(`\r  copying: ${n.toLocaleString('en')} dossiers…`));
  process.stderr.write('\n');
  const stats = await rebuildStatistics(db);
  process.stderr.write(`  statistics rebuilt in ${(stats.milliseconds / 1000).toFixed(0)} s\n`);
  await sql`vacuum (analyze)`.execute(db);
  await sql`checkpoint`.execute(db);
  const login = await loginCitizen(runtime.ctx.deps, {
    identity: { issuer: 'https://bench.example', subject: 'bench-citizen', fullName: 'Công dân thử tải', personalId: '020085009999', email: null },
    meta: { actor: null, ip: '127.0.0.1', requestId: 'bench' },
  });
  if (!login.ok) throw new Error(login.error.code);
  const ids = (await db.selectFrom('dossiers').select('id').limit(20_000).execute()).map((r) => r.id);
  const readable = (await db.selectFrom('dossiers').select('id').where('receiving_unit_code', '=', '000.01.31.H37').limit(5000).execute()).map((r) => r.id);
  const codes = (await db.selectFrom('dossiers').select('code').limit(20_000).execute()).map((r) => r.code);
  const total = Number((await db.selectFrom('dossiers').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const version = await engineVersion(options.engine, db as never);
  // The driver lets go of the database: the server processes open it (PGlite has one owner).
  if (options.engine === 'pglite') await runtime.close();
  else await runtime.app.close();
  return { engineVersion: version, total, ids, readable, codes, citizenSessionId: login.value.sessionId };
}
