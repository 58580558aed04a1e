/**
 * `npm run bench`: a trivial authenticated endpoint (GET /api/v1/auth/me) through the full middleware
 * stack — request id, logging, helmet, cookie, session, guard, metrics, zod serialisation — against a
 * bare Fastify route, measured in the same run with the same load generator. Target: ≥ 40 % of bare.
 * Runs on PGlite, and on PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
import { createLogDestination } from '../src/infrastructure/logging/log-destination.js';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '../src/config/env.js';
import { createRuntime } from '../src/bootstrap.js';
import { createTestDatabase, type EngineName } from '../test/support/databases.js';
import { freePort } from '../test/support/app.js';

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
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

async function load(url: string, headers: Record<string, string> = {}): Promise<Figures> {
  // A short warm-up lets V8 optimise before measuring.
  await autocannonProcess(url, 2, headers);
  const r = await autocannonProcess(url, DURATION, headers);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function bare(): Promise<Figures> {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ ok: true }));
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  try {
    return await load(`http://127.0.0.1:${port}/bare`);
  } finally {
    await app.close();
  }
}

async function fullStack(engine: EngineName): Promise<Figures> {
  const port = await freePort();
  const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'b'.repeat(40), DEV_OIDC_PROVIDER: 'true', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', VACUUM_INTERVAL_HOURS: '0' });
  const testDb = await createTestDatabase(engine);
  // Logs are produced, serialised and written as in production, to /dev/null instead of stdout.
  const runtime = await createRuntime(config, { database: testDb.database, logStream: createLogDestination('/dev/null') });
  await runtime.app.listen({ port, host: '127.0.0.1' });
  try {
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'MotCua@2026' }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    return await load(`http://127.0.0.1:${port}/api/v1/auth/me`, { cookie });
  } finally {
    await runtime.app.close();
    await testDb.drop();
  }
}

function row(name: string, f: Figures): string {
  return `${name.padEnd(38)} ${f.rps.toFixed(0).padStart(8)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms   errors ${f.errors}  non-2xx ${f.non2xx}`;
}

const engines: EngineName[] = ['pglite'];
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  process.env.TEST_DATABASE_URL = pgUrl;
  engines.push('postgresql');
}

console.log(`motcua bench — ${CONNECTIONS} connections, ${DURATION} s per run, Node ${process.version}\n`);
const baseline = await bare();
console.log(row('bare Fastify GET /bare', baseline));
let failed = false;
for (const engine of engines) {
  const full = await fullStack(engine);
  const ratio = (full.rps / baseline.rps) * 100;
  console.log(row(`full stack GET /api/v1/auth/me (${engine})`, full));
  console.log(`  ratio to bare: ${ratio.toFixed(1)} % (target ≥ 40 %) ${ratio >= 40 ? 'OK' : 'BELOW TARGET'}`);
  if (full.non2xx > 0 || full.errors > 0) failed = true;
}
if (failed) {
  console.error('\nsome requests failed');
  process.exitCode = 1;
}
