/**
 * `npm run bench`: trivial authenticated endpoints through the full middleware stack — request id,
 * logging, security headers, cookie, session, guard, metrics, serialisation — against a bare Fastify
 * route, measured in the same run with the same load generator (autocannon, in its own process).
 * Bare and full runs alternate for ROUNDS rounds and the median of the per-round ratios is reported,
 * because this 2-core machine's throughput drifts between runs. Target: ≥ 40 % of bare.
 * Runs on PGlite, and on PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config/env.js';
import { createRuntime, type Runtime } from '../src/bootstrap.js';
import { createLogDestination } from '../src/infrastructure/logging/log-destination.js';
import { createTestDatabase, type EngineName, type TestDatabase } from '../test/support/databases.js';
import { freePort } from '../test/support/app.js';

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PIPELINING = Number(process.env.BENCH_PIPELINING ?? 1);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** The load generator runs in its own process, so it does not share the server's event loop. */
function autocannonProcess(url: string, seconds: number, headers: Record<string, string>): Promise<autocannon.Result> {
  const args = [AUTOCANNON, '--json', '-c', String(CONNECTIONS), '-p', String(PIPELINING), '-d', String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as autocannon.Result);
    });
  });
}

async function load(url: string, headers: Record<string, string> = {}, seconds = DURATION): Promise<Figures> {
  const r = await autocannonProcess(url, seconds, headers);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function startBare(): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ ok: true }));
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${port}/bare` };
}

async function startFull(engine: EngineName): Promise<{ runtime: Runtime; testDb: TestDatabase; base: string; cookie: string }> {
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'b'.repeat(40),
    PERSONAL_DATA_KEY: 'p'.repeat(40),
    DEV_OIDC_PROVIDER: 'true',
    SEED: 'demo',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    VACUUM_INTERVAL_HOURS: '0',
  });
  const testDb = await createTestDatabase(engine);
  // Logs are produced, serialised and written as in production, to /dev/null instead of stdout.
  const runtime = await createRuntime(config, { database: testDb.database, logStream: createLogDestination('/dev/null') });
  await runtime.app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'MotCua@2026' }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { runtime, testDb, base, cookie };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function row(name: string, f: Figures): string {
  return `  ${name.padEnd(44)} ${f.rps.toFixed(0).padStart(7)} req/s  p50 ${String(f.p50).padStart(3)} ms  p99 ${String(f.p99).padStart(3)} ms  errors ${f.errors}  non-2xx ${f.non2xx}`;
}

const engines: EngineName[] = ['pglite'];
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  process.env.TEST_DATABASE_URL = pgUrl;
  engines.push('postgresql');
}

console.log(`motcua bench — ${CONNECTIONS} connections, pipelining ${PIPELINING}, ${ROUNDS} rounds of ${DURATION} s, Node ${process.version}`);
let failed = false;
const bare = await startBare();
for (const engine of engines) {
  const full = await startFull(engine);
  const endpoints = [
    { name: 'GET /api/v1/auth/session', url: `${full.base}/api/v1/auth/session` },
    { name: 'GET /api/v1/auth/me', url: `${full.base}/api/v1/auth/me` },
  ];
  const headers = { cookie: full.cookie };
  // Warm-up lets V8 optimise both servers before measuring.
  await load(bare.url, {}, 2);
  for (const e of endpoints) await load(e.url, headers, 2);
  console.log(`\n${engine}:`);
  const ratios = new Map<string, number[]>(endpoints.map((e) => [e.name, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    const b = await load(bare.url);
    console.log(row(`round ${round}: bare Fastify GET /bare`, b));
    for (const e of endpoints) {
      const f = await load(e.url, headers);
      console.log(row(`round ${round}: full stack ${e.name}`, f));
      ratios.get(e.name)?.push((f.rps / b.rps) * 100);
      if (f.errors > 0 || f.non2xx > 0) failed = true;
    }
  }
  for (const e of endpoints) {
    const ratio = median(ratios.get(e.name) ?? []);
    const verdict = ratio >= 40 ? 'OK' : 'BELOW TARGET';
    console.log(
      `  ${e.name}: median ratio to bare ${ratio.toFixed(1)} % (rounds: ${(ratios.get(e.name) ?? []).map((r) => r.toFixed(1)).join(', ')}; target ≥ 40 %) ${verdict}`,
    );
  }
  await full.runtime.app.close();
  await full.testDb.drop();
}
await bare.app.close();
if (failed) {
  console.error('\nsome requests failed');
  process.exitCode = 1;
}
