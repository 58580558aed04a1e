/**
 * Dossier read and dossier action through the whole stack, against bare Fastify baselines on the same
 * database in the same run (issue 5):
 * - read: `GET /api/v1/dossiers/{id}` (session, guard, visibility, history, serialisation) vs a bare
 *   primary-key read; target ≥ 50 %;
 * - action: `POST /api/v1/dossiers/{id}/actions` (row lock, fold, decide, action + projection + audit (+ outbox)
 *   in one transaction) vs a bare transaction (lock the row, insert one row, update one row); target ≥ 40 %,
 *   with p99 ≤ 100 ms at 50 connections on PostgreSQL.
 * BENCH_DOSSIERS synthetic dossiers fill the database first (the issue asks for 1,000,000: set it so; the
 * default keeps `npm run bench` short): BENCH_SEEDED lived through the workflow, the rest copied. Random ids,
 * 50 keep-alive connections from a load generator in its own process (autocannon, bench/dossier-load.ts).
 * PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, else PGlite.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/env.js';
import { createRuntime } from '../src/bootstrap.js';
import { createTestDatabase, type EngineName } from '../test/support/databases.js';
import { freePort } from '../test/support/app.js';
import { seedDossiers } from '../src/application/seed/seed-dossiers.js';
import { rebuildStatistics } from '../src/application/scorecard/statistics-rebuild.js';
import { cloneDossiers } from './clone-dossiers.js';
import type { LoadFigures, LoadJob } from './dossier-load.js';
import { receivedComponents } from '../test/support/intake.js';
import { startBareDossierServer } from './bare-dossier-server.js';

const COUNT = Number(process.env.BENCH_DOSSIERS ?? 20_000);
/** Lived through the workflow; the rest up to COUNT are copies (bench/clone-dossiers.ts). */
const SEEDED = Number(process.env.BENCH_SEEDED ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const dbUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const engine: EngineName = dbUrl ? 'postgresql' : 'pglite';
if (dbUrl) process.env.TEST_DATABASE_URL = dbUrl;

const LOAD = join(dirname(fileURLToPath(import.meta.url)), 'dossier-load.ts');

/** Run one load job in its own process (bench/dossier-load.ts, through tsx); the job goes in a file (ids are many). */
function drive(job: Omit<LoadJob, 'seconds' | 'connections'>): Promise<LoadFigures> {
  const full: LoadJob = { ...job, seconds: SECONDS, connections: CONNECTIONS };
  const file = join(mkdtempSync(join(tmpdir(), 'motcua-bench-')), 'job.json');
  writeFileSync(file, JSON.stringify(full));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', LOAD, file], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as LoadFigures);
    });
  });
}

const testDb = await createTestDatabase(engine);
const config = loadConfig({
  NODE_ENV: 'production',
  SESSION_SECRET: 'd'.repeat(40),
  PERSONAL_DATA_KEY: 'p'.repeat(40),
  SEED: 'demo',
  DEV_OIDC_PROVIDER: 'true',
  LOG_LEVEL: 'warn',
  STATS_POLL_MS: process.env.STATS_POLL_MS ?? '250',
  VACUUM_INTERVAL_HOURS: '0',
  WEBHOOK_POLL_SECONDS: '0',
  LOGIN_RATE_LIMIT: '1000',
});
const runtime = await createRuntime(config, { database: testDb.database, logger: false });
const db = runtime.database.db;
const t0 = performance.now();
const seeded = await seedDossiers(runtime.ctx.deps, {
  count: Math.min(COUNT, SEEDED),
  onProgress: (done, total) => process.stderr.write(`\r  seeding ${done}/${total} dossiers…`),
});
process.stderr.write('\n');
const seedSeconds = (performance.now() - t0) / 1000;
const t1 = performance.now();
await cloneDossiers(db, COUNT, (n) => process.stderr.write(`\r  copying: ${n.toLocaleString('en')} dossiers…`));
process.stderr.write('\n');
const cloneSeconds = (performance.now() - t1) / 1000;
// The statistics of every dossier first, so that the runs measure a steady state.
const stats = await rebuildStatistics(db);
// A database in service is not freshly bulk-loaded: vacuum the copies (setting hint bits and the visibility
// map) and checkpoint, so that neither autovacuum nor a checkpoint of the load lands inside a measured run.
await sql`vacuum (analyze)`.execute(db);
await sql`checkpoint`.execute(db);

const port = await freePort();
await runtime.app.listen({ port, host: '127.0.0.1' });
const base = `http://127.0.0.1:${port}`;
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'motcua.tamthanh', password: 'MotCua@2026' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const session = (await login.json()) as { csrfToken?: string };
const csrf = session.csrfToken ?? ((await (await fetch(`${base}/api/v1/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string }).csrfToken;

// Dossiers this desk officer can read, and one working dossier per client for the action loop.
const readable = (await db.selectFrom('dossiers').select('id').where('receiving_unit_code', '=', '000.01.31.H37').limit(5000).execute()).map((r) => r.id);
const all = (await db.selectFrom('dossiers').select('id').limit(20000).execute()).map((r) => r.id);
// Twice as many working dossiers as connections, so that every request finds one nobody else is acting on.
const working: { id: string; seq: number; paused: boolean }[] = [];
for (let i = 0; i < CONNECTIONS * 2; i++) {
  const res = await fetch(`${base}/api/v1/dossiers`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify({
      procedureCode: '1.001193',
      channel: 'counter',
      applicant: { fullName: 'Người thử tải', personalId: null, address: null, phone: null, email: null },
      components: receivedComponents('1.001193'),
    }),
  });
  const body = (await res.json()) as { id: string };
  working.push({ id: body.id, seq: 1, paused: false });
}

// Bare baselines: the same database, a bare Fastify, no middleware (bench/bare-dossier-server.ts).
const bare = await startBareDossierServer(db);
const bareBase = bare.base;

const bareRead = await drive({ mode: 'get', base: bareBase, paths: all.map((id) => `/bare/dossiers/${id}`), headers: {} });
const fullRead = await drive({ mode: 'get', base, paths: readable.map((id) => `/api/v1/dossiers/${id}`), headers: { cookie } });
const bareTx = await drive({ mode: 'post', base: bareBase, paths: working.map((d) => `/bare/tx/${d.id}`), headers: {} });
const fullAction = await drive({ mode: 'actions', base, paths: [], headers: { cookie, 'x-csrf-token': csrf }, dossiers: working });

const total = await db.selectFrom('dossiers').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
const fmt = (f: LoadFigures) =>
  `${Math.round(f.rps).toLocaleString('en').padStart(7)} req/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms${f.errors + f.non2xx ? `  ${f.errors} errors, ${f.non2xx} non-2xx` : ''}`;
const readRatio = (fullRead.rps / bareRead.rps) * 100;
const actionRatio = (fullAction.rps / bareTx.rps) * 100;
console.log(
  `dossiers on ${engine} — ${Number(total.n).toLocaleString('en')} dossiers (${seeded.dossiers.toLocaleString('en')} seeded in ${seedSeconds.toFixed(0)} s, the rest copied in ${cloneSeconds.toFixed(0)} s; statistics rebuilt in ${(stats.milliseconds / 1000).toFixed(0)} s), ${CONNECTIONS} connections, ${SECONDS} s each`,
);
console.log(`  bare primary-key read            ${fmt(bareRead)}`);
console.log(`  GET /api/v1/dossiers/{id}         ${fmt(fullRead)}   ${readRatio.toFixed(1)} % of bare (target ≥ 50 %) ${readRatio >= 50 ? 'OK' : 'BELOW'}`);
console.log(`  bare transaction                 ${fmt(bareTx)}`);
console.log(
  `  POST …/actions                   ${fmt(fullAction)}   ${actionRatio.toFixed(1)} % of bare (target ≥ 40 %) ${actionRatio >= 40 ? 'OK' : 'BELOW'}; p99 ${fullAction.p99 <= 100 ? 'OK' : 'ABOVE'} (target ≤ 100 ms${engine === 'pglite' ? ', stated for PostgreSQL' : ''})`,
);

await bare.close();
await runtime.close();
await testDb.drop().catch(() => undefined);
