/**
 * The live sync with the national portal (issue 21), two figures:
 * 1. Throughput: BENCH_SYNC_DOSSIERS (5,000) synthetic dossiers with their whole histories waiting in the outbox are
 *    sent to the portal's simulator over HTTP (DongBoHoSoMC, then CapNhatTienDoHoSoMC 10 entries at a time), as the
 *    server's job does, in dossiers per second; against a bare baseline in the same run: per dossier, the same number
 *    of HTTP exchanges carrying the same bytes to a bare server that only answers `{error_code: 0}`, plus one bare
 *    update transaction, with the same number of lanes. Goal: ≥ 25 % of the bare rate.
 * 2. The outage test at scale: BENCH_OUTAGE_ACTIONS (10,000) dossier actions by the ward's officials while the
 *    simulator is down for BENCH_OUTAGE_SECONDS (300), then slow past the client's timeout (60 s), then flaky (60 s);
 *    then the time from its recovery to an empty queue. Goal: ≤ 60 s. Every dossier is then checked on the portal:
 *    nothing lost, nothing twice, each dossier's progress in order.
 * Engine: PGlite in memory, or PostgreSQL with BENCH_DATABASE_URL (a fresh database is created and dropped).
 */
import { createServer } from 'node:http';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase } from '../test/support/databases.js';
import { Client, startTestApp } from '../test/support/app.js';
import { expectSameOnPortal, portalForTests } from '../test/support/national-sync.js';
import { runOutage } from '../test/support/portal-outage.js';
import { migrate } from '../src/infrastructure/db/migrator.js';
import { seedDemo } from '../src/application/seed/seed-demo.js';
import { seedDossiers } from '../src/application/seed/seed-dossiers.js';
import { loadUnitDirectory } from '../src/application/units/unit-directory.js';
import { loadCalendarDirectory } from '../src/application/calendar/calendar-directory.js';
import { loadCatalogueDirectory } from '../src/application/catalogue/catalogue-directory.js';
import { createPersonalDataCipher } from '../src/infrastructure/crypto/personal-data-cipher.js';
import { createNationalPortal } from '../src/infrastructure/national-portal/portal-client.js';
import { listenOn } from '../src/infrastructure/simulators/simulator-kit.js';
import { closedCircuit, syncToPortal, type SyncDeps } from '../src/application/national-sync/sync-to-portal.js';
import { syncRecordsByIds } from '../src/application/dossier/sync-export.js';
import { record } from './support/results.js';
import { engineVersion, machineLine } from './support/machine.js';

const DOSSIERS = Number(process.env.BENCH_SYNC_DOSSIERS ?? 5_000);
const LANES = 8;
const OUTAGE_ACTIONS = Number(process.env.BENCH_OUTAGE_ACTIONS ?? 10_000);
const OUTAGE_SECONDS = Number(process.env.BENCH_OUTAGE_SECONDS ?? 300);
const AFTER_SECONDS = Number(process.env.BENCH_OUTAGE_AFTER_SECONDS ?? 60);

if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const engine = process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite';

// ------------------------------------------------------------------------------------------ 1. throughput
{
  const test = await createTestDatabase(engine);
  const { db } = test.database;
  const version = await engineVersion(engine, db as unknown as Kysely<never>);
  const machine = machineLine(version);
  console.log(`portal sync on ${version} — ${DOSSIERS.toLocaleString('en')} dossiers, ${LANES} lanes\n${machine}`);
  await migrate(test.database);
  await seedDemo(db);
  const units = await loadUnitDirectory(db);
  const clock = () => new Date();
  const calendars = await loadCalendarDirectory(db, units);
  const catalogue = await loadCatalogueDirectory(db, units, clock);
  const personalData = createPersonalDataCipher('bench '.repeat(8));
  await seedDossiers({ db, units, calendars, catalogue, personalData }, { count: DOSSIERS, seed: 21 });
  const { sim, env } = await portalForTests({ timeoutMs: 6_000 });
  const portal = createNationalPortal({ ...(JSON.parse(env.NATIONAL_PORTAL) as Parameters<typeof createNationalPortal>[0]) });
  const deps: SyncDeps = { db, units, clock, catalogue, personalData, portal };
  const ids = (await db.selectFrom('portal_sync').select('dossier_id').execute()).map((r) => r.dossier_id);
  const publicUrl = 'http://localhost:3000';

  // The bare baseline: the same exchanges (same bytes) to a server that only answers, and one bare update each.
  const sample = await syncRecordsByIds(deps, ids.slice(0, 200), { publicUrl });
  const bodies = [...sample.values()].map((r) => {
    const { QuaTrinhXuLy, ...rest } = r;
    const calls = [JSON.stringify({ service: 'DongBoHoSoMC', data: [{ ...rest, QuaTrinhXuLy: [] }] })];
    for (let i = 0; i < QuaTrinhXuLy.length; i += 10) calls.push(JSON.stringify({ service: 'CapNhatTienDoHoSoMC', data: QuaTrinhXuLy.slice(i, i + 10) }));
    return calls;
  });
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"error_code":0,"message":"Thành công"}'));
  });
  const bareUrl = await listenOn(bare, '127.0.0.1', 0);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      for (let i = next++; i < ids.length; i = next++) {
        for (const body of bodies[i % bodies.length]!)
          await (await fetch(bareUrl, { method: 'POST', body, headers: { 'content-type': 'application/json' } })).text();
        await db.updateTable('portal_sync').set({ last_error: null }).where('dossier_id', '=', ids[i]!).execute();
      }
    }),
  );
  const bareRate = ids.length / ((performance.now() - t0) / 1000);
  bare.close();

  const t1 = performance.now();
  for (;;) {
    const run = await syncToPortal(deps, { publicUrl, batch: 500, concurrency: LANES }, closedCircuit());
    if (run.claimed === 0) break;
    process.stderr.write(`\r  synced ${sim.simulator.dossierCodes().length.toLocaleString('en')} / ${ids.length.toLocaleString('en')}`);
  }
  const rate = ids.length / ((performance.now() - t1) / 1000);
  process.stderr.write('\n');
  const progress = await db
    .selectFrom('portal_sync')
    .select(sql<string>`sum(progress_acked)`.as('n'))
    .executeTakeFirstOrThrow();
  console.log(`  dossiers synced: ${rate.toFixed(0)}/s (${Number(progress.n).toLocaleString('en')} progress entries); bare: ${bareRate.toFixed(0)}/s`);
  const at = `${engine === 'postgresql' ? 'PostgreSQL' : 'PGlite'}, ${DOSSIERS.toLocaleString('en')} dossiers`;
  record({ bench: 'portal-sync', name: 'dossiers synced per second', value: Math.round(rate), unit: '/s', at, machine });
  record({
    bench: 'portal-sync',
    name: 'dossiers synced, % of the bare exchanges',
    value: Math.round((rate / bareRate) * 100),
    unit: '%',
    goal: '≥ 25',
    at,
    machine,
  });
  await sim.close();
  await test.drop();
}

// ------------------------------------------------------------------------------------------ 2. the outage at scale
{
  const portal = await portalForTests({ slowMs: 7_000, timeoutMs: 6_000 });
  const app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000', ...portal.env } });
  const officials = await Promise.all(['motcua.tamthanh', 'chuyenvien.tamthanh', 'lanhdao.tamthanh'].map((u) => Client.official(app, u)));
  const deps: SyncDeps = { ...app.ctx.deps, portal: app.ctx.deps.nationalPortal! };
  console.log(`outage: ${OUTAGE_ACTIONS.toLocaleString('en')} actions; the portal down ${OUTAGE_SECONDS} s, slow ${AFTER_SECONDS} s, flaky ${AFTER_SECONDS} s`);
  const outcome = await runOutage(app, deps, portal.sim.simulator, officials, {
    actions: OUTAGE_ACTIONS,
    phases: [
      { fault: 'down', ms: OUTAGE_SECONDS * 1000 },
      { fault: 'slow', ms: AFTER_SECONDS * 1000 },
      { fault: 'flaky', ms: AFTER_SECONDS * 1000, rate: 0.3 },
    ],
    log: (line) => console.log(`  ${line}`),
  });
  const entries = await expectSameOnPortal(app, deps, portal.sim.simulator, outcome.dossiers);
  if (entries !== outcome.actions) throw new Error(`the portal holds ${entries} progress entries for ${outcome.actions} actions`);
  console.log(`  ${outcome.dossiers.length} dossiers, ${entries} progress entries on the portal: none lost, none twice, all in order`);
  const at = `${engine === 'postgresql' ? 'PostgreSQL' : 'PGlite'}, ${outcome.actions.toLocaleString('en')} actions, ${OUTAGE_SECONDS} s outage`;
  record({
    bench: 'portal-sync',
    name: 'backlog drained after the portal recovers',
    value: Math.round(outcome.drainMs / 100) / 10,
    unit: 's',
    goal: '≤ 60',
    at,
    machine: machineLine(),
  });
  await portal.sim.close();
  await app.stop();
}
