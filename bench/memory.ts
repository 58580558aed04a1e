/**
 * `npx tsx bench/memory.ts [--gc]`: how much memory a freshly seeded demo server holds. It starts `node dist/main.js`
 * (what `npm start` runs) in its own process on an empty PGlite folder, waits until /api/v1/health answers (the
 * demo province is seeded before the server listens) and a few seconds more, and reads VmRSS and VmHWM (the peak)
 * from /proc; then again after 200 requests to public pages. Target (issue 17): < 400 MB resident after seeding.
 * `--gc` also starts the server with --expose-gc and reports its heap, external memory and RSS after a forced
 * collection: what is garbage and what is kept. With BENCH_DATABASE_URL (or DATABASE_URL) set, the same on a new
 * PostgreSQL database created from that server and dropped afterwards. Builds dist/ first if it is missing or stale;
 * the figures go to .bench/results.jsonl for bench/summary.ts (the last step of `npm run bench`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { machineLine } from './support/machine.js';
import { record } from './support/results.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_MB = 400;
const SETTLE_MS = Number(process.env.BENCH_SETTLE_SECONDS ?? 5) * 1000;
const REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS ?? 200);
const START_TIMEOUT_MS = 180_000;
const FORCE_GC = process.argv.includes('--gc');
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;

/** Public pages a visitor opens: the portal, a catalogue search, a dossier status lookup (an unknown code: a 404). */
const PAGES = [
  '/',
  '/api/v1/procedures?q=giay+phep+xay+dung',
  '/api/v1/procedures?q=khai+sinh&pageSize=20',
  '/api/v1/public/dossiers/000.00.31.H37-260101-0001',
];

/** With --gc: on a message from the bench, collect (when asked) and send back process.memoryUsage(). */
const PROBE = `process.on('message', (m) => { if (m === 'gc') globalThis.gc(); setTimeout(() => process.send(process.memoryUsage()), 500); });`;

interface Memory {
  rssMb: number;
  peakMb: number;
}

function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** A port nobody listens on (the bench imports nothing of the server, so that its own process stays small). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const mb = (n: number) => `${n.toFixed(0)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  child: ChildProcess;
  base: string;
  startedMs: number;
  output(): string;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const execArgv = FORCE_GC ? ['--expose-gc', `--import=data:text/javascript,${encodeURIComponent(PROBE)}`] : [];
  const started = performance.now();
  const child = spawn(process.execPath, [...execArgv, 'dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', SEED: 'demo', HOST: '127.0.0.1', PORT: String(port), LOG_FORMAT: 'json', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe', ...(FORCE_GC ? (['ipc'] as const) : [])],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  while (performance.now() - started < START_TIMEOUT_MS) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const health = await fetch(`${base}/api/v1/health`).catch(() => null);
    if (health?.ok) {
      // Seeding is done before the server listens; the catalogue answering confirms the demo province is there.
      const page = (await (await fetch(`${base}/api/v1/procedures?pageSize=1`)).json()) as { total: number };
      if (page.total === 0) throw new Error('the server answers but holds no procedures: the demo province was not seeded');
      return { child, base, startedMs: performance.now() - started, output: () => output };
    }
    await sleep(200);
  }
  child.kill('SIGTERM');
  throw new Error(`the server did not answer /api/v1/health within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

/** With --gc: the server's own account of its memory, after a forced collection when `gc`. */
function usageOf(server: Server, gc: boolean): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    server.child.once('message', (m) => resolve(m as NodeJS.MemoryUsage));
    server.child.send(gc ? 'gc' : 'usage');
  });
}

const usageLine = (u: NodeJS.MemoryUsage) =>
  `heap ${mb(u.heapUsed / 2 ** 20)} used of ${mb(u.heapTotal / 2 ** 20)}, external ${mb(u.external / 2 ** 20)} (array buffers ${mb(u.arrayBuffers / 2 ** 20)})`;

/** Sequential requests, four at a time, round the public pages; returns the status counts and the time taken. */
async function browse(base: string): Promise<{ statuses: Record<number, number>; ms: number }> {
  const statuses: Record<number, number> = {};
  const started = performance.now();
  let next = 0;
  const visitor = async () => {
    while (next < REQUESTS) {
      const path = PAGES[next++ % PAGES.length] as string;
      const res = await fetch(`${base}${path}`);
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  await Promise.all([visitor(), visitor(), visitor(), visitor()]);
  return { statuses, ms: performance.now() - started };
}

/** Starts the demo server on `engine`, prints and records (bench/support/results.ts) its memory; false when a page failed. */
async function measure(engine: 'PGlite' | 'PostgreSQL', env: Record<string, string>): Promise<boolean> {
  const server = await startServer(env);
  try {
    const pid = server.child.pid as number;
    await sleep(SETTLE_MS);
    const seeded = memoryOf(pid);
    const startedS = (server.startedMs / 1000).toFixed(1);
    console.log(`${engine}: answered in ${startedS} s (migrated and seeded), then ${SETTLE_MS / 1000} s idle`);
    console.log(`  after seeding:       RSS ${mb(seeded.rssMb)}, peak ${mb(seeded.peakMb)}   ${seeded.rssMb < TARGET_MB ? '✓' : '✗'} target < ${TARGET_MB} MB`);
    if (FORCE_GC) {
      console.log(`    server's account:  ${usageLine(await usageOf(server, false))}`);
      const collected = await usageOf(server, true);
      console.log(`    after a forced GC: RSS ${mb(memoryOf(pid).rssMb)}; ${usageLine(collected)}`);
    }
    const { statuses, ms } = await browse(server.base);
    await sleep(1000);
    const browsed = memoryOf(pid);
    const counts = Object.entries(statuses)
      .map(([status, n]) => `${n}× ${status}`)
      .join(', ');
    console.log(`  after ${REQUESTS} requests:  RSS ${mb(browsed.rssMb)}, peak ${mb(browsed.peakMb)}   (${counts} in ${(ms / 1000).toFixed(1)} s)`);
    const at = `${engine}, demo province seeded at start, ${SETTLE_MS / 1000} s idle`;
    const machine = machineLine(engine);
    record({ bench: 'memory', name: 'demo server resident after seeding', value: seeded.rssMb, unit: 'MB', goal: `≤ ${TARGET_MB}`, at, machine });
    record({ bench: 'memory', name: 'demo server peak resident (VmHWM) up to then', value: seeded.peakMb, unit: 'MB', at, machine });
    record({ bench: 'memory', name: `demo server resident after ${REQUESTS} public requests`, value: browsed.rssMb, unit: 'MB', at, machine });
    // The status lookup of an unknown code answers 404; anything else but 200 is a failure.
    return Object.keys(statuses).every((status) => status === '200' || status === '404');
  } finally {
    await stopServer(server);
  }
}

async function onPostgres(url: string, env: Record<string, string>): Promise<boolean> {
  const name = `motcua_bench_memory_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    return await measure('PostgreSQL', { ...env, DATABASE_URL: target.href });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (existsSync(join(ROOT, 'scripts/ensure-built.mjs'))) execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-built.mjs')], { stdio: 'inherit' });

console.log(`memory of a freshly seeded demo server (node dist/main.js, SEED=demo); target: < ${TARGET_MB} MB resident after seeding`);
console.log(machineLine());
console.log(`PGLITE_SHARED_BUFFERS_MB=${process.env.PGLITE_SHARED_BUFFERS_MB ?? '(unset: the server default)'}; pages: ${PAGES.join(' ')}`);

const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-memory-'));
// Uploaded files and audit checkpoints go with the database into the temporary folder; status lookups are not rate-limited.
const common = { PUBLIC_LOOKUP_RATE_LIMIT: '100000' };
let ok: boolean;
try {
  ok = await measure('PGlite', { ...common, DATABASE_URL: '', DATA_DIR: dataDir });
  if (PG_URL) ok = (await onPostgres(PG_URL, { ...common, DATA_DIR: dataDir })) && ok;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
// A missed target is reported (here and by bench/summary.ts), not an error: only failed pages are.
if (!ok) process.exitCode = 1;
