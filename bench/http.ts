/**
 * The HTTP benches (issue 17), every figure against the bare baseline that fits it, in interleaved rounds:
 * - the middleware stack (`GET /api/v1/auth/session`, authenticated) and the public pages (procedure search,
 *   dossier status lookup by code) against a bare hello-world;
 * - a dossier read (`GET /api/v1/dossiers/{id}`) against a bare primary-key read; the status lookup against it too;
 * - a dossier action (`POST …/actions`) against a bare transaction (lock, insert, update);
 * - counter intake and online submission (`POST /api/v1/dossiers`) against a bare insert.
 * The database is filled first (BENCH_DOSSIERS, default 20,000: BENCH_SEEDED lived through the workflow, the rest
 * copied), then motcua and the bare server run each in its own process (bench/servers/serve.ts; on PGlite one
 * process holds both, since an embedded database has one owner), and autocannon runs in a third. Each round
 * runs every step once for BENCH_SECONDS; BENCH_ROUNDS rounds (≥ 3) give each ratio as a median with its spread.
 * PGlite always; PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (BENCH_ENGINES=postgresql
 * runs only that one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type EngineName } from '../test/support/databases.js';
import { receivedComponents } from '../test/support/intake.js';
import { prepareDossierDatabase, type PreparedDatabase } from './support/prepare.js';
import { drive, showLoad, type LoadFigures, type LoadJob } from './support/load.js';
import { interleave, showSpread, spread } from './support/rounds.js';
import { record } from './support/results.js';
import { cpuSeconds, postgresCpu, postgresCpuBetween, startServerProcess, type ServerProcess } from './support/server-process.js';
import { machineLine } from './support/machine.js';

const COUNT = Number(process.env.BENCH_DOSSIERS ?? 20_000);
const SEEDED = Number(process.env.BENCH_SEEDED ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const only = process.env.BENCH_ONLY?.split(',');
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
const engines = (process.env.BENCH_ENGINES?.split(',') as EngineName[] | undefined) ?? (pgUrl ? ['pglite', 'postgresql'] : ['pglite']);
const WARD = '000.00.31.H37';

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function benchEngine(engine: EngineName): Promise<void> {
  const testDb = engine === 'postgresql' ? await createTestDatabase('postgresql') : undefined;
  const dataDir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'motcua-bench-pglite-')) : undefined;
  const prepared: PreparedDatabase = await prepareDossierDatabase({ engine, database: testDb?.database, dataDir, count: COUNT, seeded: SEEDED });
  const at = `${prepared.engineVersion}, ${prepared.total.toLocaleString('en')} dossiers`;
  const machine = machineLine(prepared.engineVersion);
  console.log(`\nHTTP on ${at} — ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per figure\n${machine}`);

  const servers: ServerProcess[] =
    engine === 'postgresql'
      ? [await startServerProcess({ full: true, url: testDb!.url! }), await startServerProcess({ bare: true, url: testDb!.url! })]
      : [await startServerProcess({ full: true, bare: true, dataDir: dataDir! })];
  const full = servers[0]!.full!;
  const bare = (servers[1] ?? servers[0]!).bare!;
  try {
    const login = await fetch(`${full}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'motcua.tamthanh', password: 'MotCua@2026' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = await json<{ csrfToken: string }>(login);
    const desk = { cookie, 'x-csrf-token': csrfToken };
    const citizenCookie = `motcua_session=${prepared.citizenSessionId}`;
    const citizenSession = await json<{ csrfToken: string }>(await fetch(`${full}/api/v1/auth/me`, { headers: { cookie: citizenCookie } }));
    const citizen = { cookie: citizenCookie, 'x-csrf-token': citizenSession.csrfToken };
    const intake = {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant: { fullName: 'Người thử tải', personalId: null, address: null, phone: null, email: null },
    };
    const counterBody = { ...intake, components: receivedComponents('1.001193') };
    const onlineBody = { procedureCode: '1.001193', channel: 'online', unitCode: WARD };
    // Twice as many working dossiers as connections, so that every request finds one nobody else is acting on.
    const working: { id: string; seq: number; paused: boolean }[] = [];
    for (let i = 0; i < CONNECTIONS * 2; i++) {
      const created = await json<{ id: string }>(
        await fetch(`${full}/api/v1/dossiers`, { method: 'POST', headers: { ...desk, 'content-type': 'application/json' }, body: JSON.stringify(counterBody) }),
      );
      working.push({ id: created.id, seq: 1, paused: false });
    }
    // Where the working dossiers stand after a run (a request in flight when the run stopped may have acted).
    const refresh = async () => {
      for (const d of working) {
        const now = await json<{ seq: number; status: string }>(await fetch(`${full}/api/v1/dossiers/${d.id}`, { headers: desk }));
        d.seq = now.seq;
        d.paused = now.status === 'feeRequested';
      }
    };
    let seconds = 2;
    const searches = ['khai sinh', 'ket hon', 'dat dai', 'giay phep xay dung', 'ho kinh doanh', 'chung thuc', 'thuong binh', 'moi truong'];
    const job = (base: string, mode: LoadJob['mode'], paths: string[], headers: Record<string, string> = {}, body?: unknown): LoadJob => ({
      mode,
      base,
      paths,
      headers,
      body,
      seconds,
      connections: CONNECTIONS,
    });
    const steps: { name: string; run: () => Promise<LoadFigures> }[] = [
      { name: 'hello', run: () => drive(job(bare, 'get', ['/bare'])) },
      { name: 'session', run: () => drive(job(full, 'get', ['/api/v1/auth/session'], { cookie })) },
      {
        name: 'search',
        run: () =>
          drive(
            job(
              full,
              'get',
              searches.map((q) => `/api/v1/procedures?q=${encodeURIComponent(q)}`),
            ),
          ),
      },
      {
        name: 'status',
        run: () =>
          drive(
            job(
              full,
              'get',
              prepared.codes.map((c) => `/api/v1/public/dossiers/${c}`),
            ),
          ),
      },
      {
        name: 'bareRead',
        run: () =>
          drive(
            job(
              bare,
              'get',
              prepared.ids.map((id) => `/bare/dossiers/${id}`),
            ),
          ),
      },
      {
        name: 'read',
        run: () =>
          drive(
            job(
              full,
              'get',
              prepared.readable.map((id) => `/api/v1/dossiers/${id}`),
              { cookie },
            ),
          ),
      },
      {
        name: 'bareTx',
        run: () =>
          drive(
            job(
              bare,
              'post',
              working.map((d) => `/bare/tx/${d.id}`),
            ),
          ),
      },
      {
        name: 'action',
        run: async () => {
          const figures = await drive({ ...job(full, 'actions', [], desk), dossiers: working });
          await refresh();
          return figures;
        },
      },
      { name: 'bareInsert', run: () => drive(job(bare, 'post', ['/bare/insert'])) },
      { name: 'counter', run: () => drive(job(full, 'post', ['/api/v1/dossiers'], desk, counterBody)) },
      { name: 'online', run: () => drive(job(full, 'post', ['/api/v1/dossiers'], citizen, onlineBody)) },
    ].filter((s) => !only || only.includes(s.name) || s.name.startsWith('bare') || s.name === 'hello');
    // Warm-up: V8 optimises both servers before anything is measured.
    for (const s of steps) await s.run();
    seconds = SECONDS;
    // BENCH_PROFILE_STEP=action (say) writes a CPU profile of the motcua server during that step's rounds (docs/PERFORMANCE.md).
    const profiled = steps.find((s) => s.name === process.env.BENCH_PROFILE_STEP);
    if (profiled) {
      const run = profiled.run;
      let n = 0;
      profiled.run = () => servers[0]!.profile(join(process.env.BENCH_PROFILE_DIR ?? tmpdir(), `motcua-${engine}-${profiled.name}-${++n}.cpuprofile`), run);
    }
    // CPU per request, of the server that answered and of PostgreSQL: steadier than throughput on a shared machine.
    const measured = steps.map((step) => ({
      name: step.name,
      run: async () => {
        const server = step.name === 'hello' || step.name.startsWith('bare') ? servers.at(-1)! : servers[0]!;
        const before = { server: cpuSeconds(server.pid), db: engine === 'postgresql' ? postgresCpu() : new Map<number, number>() };
        const figures = await step.run();
        const requests = figures.rps * SECONDS;
        const perRequest = (seconds: number) => (seconds * 1000) / Math.max(1, requests);
        return {
          ...figures,
          serverCpuMs: perRequest(cpuSeconds(server.pid) - before.server),
          dbCpuMs: perRequest(engine === 'postgresql' ? postgresCpuBetween(before.db, postgresCpu()) : 0),
        };
      },
    }));
    const results = await interleave(ROUNDS, measured, (round, name, f) =>
      console.log(
        `  round ${round}  ${name.padEnd(10)} ${showLoad(f)}   CPU per request: server ${f.serverCpuMs.toFixed(2)} ms, PostgreSQL ${f.dbCpuMs.toFixed(2)} ms`,
      ),
    );
    report(results, at, machine, engine);
    for (const server of servers) {
      const memory = server.memory();
      if (server.full) {
        console.log(`  motcua server resident: ${memory.rssMb.toFixed(0)} MB (peak ${memory.peakMb.toFixed(0)} MB)`);
        record({ bench: 'http', name: 'motcua server resident after the run', value: memory.rssMb, unit: 'MB', at, machine });
      }
    }
  } finally {
    for (const server of servers) await server.stop();
    await testDb?.drop().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

const RATIOS: { name: string; full: string; bare: string; goal?: string; p99?: string }[] = [
  { name: 'GET /api/v1/auth/session (whole stack), % of hello-world', full: 'session', bare: 'hello', goal: '≥ 40' },
  { name: 'public procedure search, % of hello-world', full: 'search', bare: 'hello', goal: '≥ 35' },
  { name: 'public status lookup, % of hello-world', full: 'status', bare: 'hello', goal: '≥ 35' },
  { name: 'public status lookup, % of bare primary-key read', full: 'status', bare: 'bareRead', goal: '≥ 50' },
  { name: 'GET /api/v1/dossiers/{id}, % of bare primary-key read', full: 'read', bare: 'bareRead', goal: '≥ 50', p99: '≤ 50' },
  { name: 'POST …/actions, % of bare transaction', full: 'action', bare: 'bareTx', goal: '≥ 50', p99: '≤ 100' },
  // Intake and submission have no goal yet (issue 17 asks for their benches): measured, not judged.
  { name: 'counter intake, % of bare insert', full: 'counter', bare: 'bareInsert', p99: '' },
  { name: 'online submission, % of bare insert', full: 'online', bare: 'bareInsert', p99: '' },
];

function report(results: Map<string, LoadFigures[]>, at: string, machine: string, engine: EngineName): void {
  console.log('');
  for (const r of RATIOS) {
    const full = results.get(r.full);
    const bare = results.get(r.bare);
    if (!full || !bare) continue;
    if (full.some((f) => f.errors + f.non2xx > 0)) process.exitCode = 1;
    const ratio = spread(full.map((f, i) => (f.rps / bare[i]!.rps) * 100));
    const rps = spread(full.map((f) => f.rps));
    console.log(`  ${r.name.padEnd(58)} ${showSpread(ratio)}   ${Math.round(rps.median).toLocaleString('en')} req/s${r.goal ? ` (goal ${r.goal} %)` : ''}`);
    record({ bench: 'http', name: r.name, value: ratio.median, spread: ratio, unit: '%', goal: r.goal, at, machine });
    if (r.p99 !== undefined) {
      const p99 = spread(full.map((f) => f.p99));
      const goal = r.p99 ? ` (goal ${r.p99} ms${engine === 'pglite' ? ', stated for PostgreSQL' : ''})` : '';
      console.log(`  ${`${r.full} p99`.padEnd(58)} ${showSpread(p99, 1, ' ms')}${goal}`);
      record({
        bench: 'http',
        name: `${r.full} p99 at ${CONNECTIONS} connections`,
        value: p99.median,
        spread: p99,
        unit: 'ms',
        // The latency goals are stated for PostgreSQL; on PGlite the figure is shown, not judged.
        goal: engine === 'postgresql' ? r.p99 || undefined : undefined,
        at,
        machine,
      });
    }
  }
}

for (const engine of engines) await benchEngine(engine);
