/**
 * The persona mix under load (issue 15, item 11): citizens looking dossiers up by code and key and submitting
 * online, desks receiving at the counter, officials acting on dossiers (the assignee asks for the fee, the desk
 * takes it), monitors reading the Decision 766 scorecard, all at once, each at its own rate from a load
 * generator in its own process (bench/load-mix-driver.ts, an open loop).
 * The run: the bare baselines of bench/dossiers.ts (a bare primary-key read and a bare transaction, closed loop),
 * then a warm-up, a soak at the base rates (BENCH_SOAK_SECONDS, 600 for the issue's ten minutes), a spike at 5×
 * (BENCH_SPIKE_SECONDS) and the base rates again (BENCH_RECOVERY_SECONDS). It prints throughput, p50/p95/p99 and
 * errors per persona and phase, how long after the spike the p95 came back within 1.2× of the soak's, and a
 * timeline of the p95.
 * BENCH_DOSSIERS fills the database first (1,000,000 for the issue), BENCH_SEEDED of them lived through the
 * workflow and the rest copied (bench/clone-dossiers.ts). PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL
 * is set, else PGlite. BENCH_MIX_RATE scales every persona's rate.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { benchConfig } from './support/config.js';
import { createRuntime } from '../src/bootstrap.js';
import { createTestDatabase, type EngineName } from '../test/support/databases.js';
import { freePort } from '../test/support/app.js';
import { seedDossiers } from '../src/application/seed/seed-dossiers.js';
import { rebuildStatistics } from '../src/application/scorecard/statistics-rebuild.js';
import { loginCitizen } from '../src/application/auth/login-citizen.js';
import { vietnamDate } from '../src/domain/calendar/vietnam-time.js';
import { cloneDossiers } from './clone-dossiers.js';
import { receivedComponents } from '../test/support/intake.js';
import type { MixJob, MixSamples, PersonaJob } from './load-mix-driver.js';
import { startBareServer } from './bare-dossier-server.js';

const COUNT = Number(process.env.BENCH_DOSSIERS ?? 20_000);
const SEEDED = Number(process.env.BENCH_SEEDED ?? 20_000);
const SOAK = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
const SPIKE = Number(process.env.BENCH_SPIKE_SECONDS ?? 30);
const RECOVERY = Number(process.env.BENCH_RECOVERY_SECONDS ?? 60);
const BARE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_MIX_RATE ?? 1);
const WINDOW_S = 5;
const SPIKE_FACTOR = 5;
const RECOVERED = 1.2;
const WARD = '000.00.31.H37';
const dbUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const engine: EngineName = dbUrl ? 'postgresql' : 'pglite';
if (dbUrl) process.env.TEST_DATABASE_URL = dbUrl;
const DRIVER = join(dirname(fileURLToPath(import.meta.url)), 'load-mix-driver.ts');

function drive(job: MixJob): Promise<MixSamples> {
  const file = join(mkdtempSync(join(tmpdir(), 'motcua-mix-')), 'job.json');
  writeFileSync(file, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--import', 'tsx', DRIVER, file], { maxBuffer: 1024 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout) as MixSamples),
    );
    child.stderr?.pipe(process.stderr);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const sortNum = (xs: number[]) => Float64Array.from(xs).sort();
const ms = (x: number) => (Number.isNaN(x) ? '     –' : x < 10 ? x.toFixed(1).padStart(6) : Math.round(x).toLocaleString('en').padStart(6));
const rate = (x: number) => Math.round(x).toLocaleString('en').padStart(7);

// ------------------------------------------------------------------------------------------ the database
const testDb = await createTestDatabase(engine);
const config = benchConfig({
  STATS_POLL_MS: process.env.STATS_POLL_MS ?? '250',
  LOGIN_RATE_LIMIT: '1000',
  // Every simulated citizen comes from 127.0.0.1: the per-client limit would answer 429 to all but a few.
  PUBLIC_LOOKUP_RATE_LIMIT: '100000',
});
const runtime = await createRuntime(config, { database: testDb.database, logger: false });
const db = runtime.database.db;
const t0 = performance.now();
await seedDossiers(runtime.ctx.deps, {
  count: Math.min(COUNT, SEEDED),
  onProgress: (done, total) => process.stderr.write(`\r  seeding ${done}/${total} dossiers…`),
});
process.stderr.write('\n');
await cloneDossiers(db, COUNT, (n) => process.stderr.write(`\r  copying: ${n.toLocaleString('en')} dossiers…`));
process.stderr.write('\n');
const stats = await rebuildStatistics(db);
await sql`vacuum (analyze)`.execute(db);
await sql`checkpoint`.execute(db);
const total = Number(
  (
    await db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
process.stderr.write(
  `  ${total.toLocaleString('en')} dossiers ready in ${((performance.now() - t0) / 1000).toFixed(0)} s (statistics rebuilt in ${(stats.milliseconds / 1000).toFixed(0)} s)\n`,
);

// ------------------------------------------------------------------------------------------ the personas
const port = await freePort();
await runtime.app.listen({ port, host: '127.0.0.1' });
const base = `http://127.0.0.1:${port}`;
async function official(username: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'MotCua@2026' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}
const desk = await official('motcua.tamthanh');
const monitor = await official('giamsat');
const login = await loginCitizen(runtime.ctx.deps, {
  identity: { issuer: 'https://sso.example', subject: 'load-mix', fullName: 'Hoàng Văn Tải', personalId: '020085009999', email: null },
  meta: { actor: null, ip: null, requestId: 'bench' },
});
if (!login.ok) throw new Error(login.error.code);
const citizenCookie = `motcua_session=${login.value.sessionId}`;
const citizen = {
  cookie: citizenCookie,
  'x-csrf-token': ((await (await fetch(`${base}/api/v1/auth/me`, { headers: { cookie: citizenCookie } })).json()) as { csrfToken: string }).csrfToken,
};

const counterBody = JSON.stringify({
  procedureCode: '1.001193',
  channel: 'counter',
  accept: true,
  applicant: { fullName: 'Người thử tải', personalId: '020190004444', address: 'Thôn Khòn Pát', phone: '0912345678', email: null },
  components: receivedComponents('1.001193'),
});
// Working dossiers for the officials' actions: more than can be in flight, so that one is always free.
const working: { id: string; seq: number; paused: boolean }[] = [];
for (let i = 0; i < 600; i++) {
  const res = await fetch(`${base}/api/v1/dossiers`, { method: 'POST', headers: { ...desk, 'content-type': 'application/json' }, body: counterBody });
  if (res.status !== 201) throw new Error(`intake: ${res.status} ${await res.text()}`);
  working.push({ id: ((await res.json()) as { id: string }).id, seq: 1, paused: false });
}
// A sample spread over the table (1 % of its pages), or the whole of a small one.
const sample = async <T>(columns: string, limit: number): Promise<T[]> => {
  const spread = (await sql<T>`select ${sql.raw(columns)} from dossiers tablesample system (1) limit ${limit}`.execute(db)).rows;
  return spread.length >= Math.min(limit, 1000) ? spread : (await sql<T>`select ${sql.raw(columns)} from dossiers limit ${limit}`.execute(db)).rows;
};
const lookups = await sample<{ code: string; lookup_key: string }>('code, lookup_key', 5000);
const today = vietnamDate(new Date());
const quarterAgo = vietnamDate(new Date(Date.now() - 90 * 86_400_000));
const yearAgo = vietnamDate(new Date(Date.now() - 365 * 86_400_000));
const scorecardUnits = [
  '000.00.00.H37',
  WARD,
  ...runtime.ctx.deps.units
    .tree()
    .children('000.00.00.H37')
    .slice(0, 6)
    .map((u) => u.code),
];
const personas: PersonaJob[] = [
  {
    name: 'citizen looks up',
    kind: 'lookup',
    rate: 60 * RATE,
    headers: {},
    paths: lookups.map((l) => `/api/v1/public/dossiers/${encodeURIComponent(l.code)}?key=${l.lookup_key}`),
  },
  {
    name: 'citizen submits',
    kind: 'submit',
    rate: 6 * RATE,
    headers: citizen,
    body: JSON.stringify({ procedureCode: '1.001193', channel: 'online', unitCode: WARD }),
  },
  { name: 'desk receives', kind: 'intake', rate: 6 * RATE, headers: desk, body: counterBody },
  { name: 'official acts', kind: 'act', rate: 20 * RATE, headers: desk, dossiers: working },
  {
    name: 'monitor reads 766',
    kind: 'scorecard',
    rate: 8 * RATE,
    headers: monitor,
    paths: scorecardUnits.flatMap((u) => [
      `/api/v1/scorecard?unit=${u}&from=${quarterAgo}&to=${today}`,
      `/api/v1/scorecard?unit=${u}&from=${yearAgo}&to=${today}`,
    ]),
  },
];

// ------------------------------------------------------------------------------------------ bare baselines
const bare = await startBareServer(db);
const bareBase = bare.base;
const ids = (await sample<{ id: string }>('id', 20000)).map((r) => r.id);

const phases = [
  { name: 'warm-up', seconds: 20, scale: 1 },
  { name: 'soak', seconds: SOAK, scale: 1 },
  { name: `spike ${SPIKE_FACTOR}×`, seconds: SPIKE, scale: SPIKE_FACTOR },
  { name: 'after the spike', seconds: RECOVERY, scale: 1 },
];
const result = await drive({
  base,
  bare: [
    { name: 'bare primary-key read', method: 'GET', base: bareBase, paths: ids.map((id) => `/bare/dossiers/${id}`), seconds: BARE_SECONDS, connections: 50 },
    {
      name: 'bare transaction',
      method: 'POST',
      base: bareBase,
      paths: ids.slice(0, 200).map((id) => `/bare/tx/${id}`),
      seconds: BARE_SECONDS,
      connections: 50,
    },
  ],
  personas,
  phases,
  maxInFlight: 2_000,
});
await bare.close();

// ------------------------------------------------------------------------------------------ the report
const lines: string[] = [];
const out = (line: string) => lines.push(line);
out(`load mix on ${engine}, ${total.toLocaleString('en')} dossiers, ${cpus().length} cores, ${new Date().toISOString().slice(0, 10)}`);
out(`  bare baselines (50 clients, closed loop, ${BARE_SECONDS} s each)              req/s    p50    p95    p99  errors`);
for (const b of result.bare) {
  const s = sortNum(b.latencies) as unknown as number[];
  out(
    `    ${b.name.padEnd(58)}${rate(b.latencies.length / b.seconds)} ${ms(percentile(s, 50))} ${ms(percentile(s, 95))} ${ms(percentile(s, 99))}  ${b.errors}`,
  );
}
const phaseStart = phases.map((_, i) => phases.slice(0, i).reduce((sum, p) => sum + p.seconds * 1000, 0));
const soakIndex = 1;
const spikeIndex = 2;
for (const [phase, p] of phases.entries()) {
  if (phase === 0) continue;
  out(`  ${p.name} (${p.seconds} s)${' '.repeat(Math.max(1, 28 - p.name.length - String(p.seconds).length))}asked/s  done/s    p50    p95    p99  errors`);
  const all: number[] = [];
  for (const [i, persona] of personas.entries()) {
    const mine = result.samples.filter((s) => s[0] === i && s[1] === phase);
    const lat = mine.map((s) => s[3]);
    all.push(...lat);
    const sorted = sortNum(lat) as unknown as number[];
    const ok = mine.filter((s) => s[4] === 1).length;
    const errors = mine.length - ok + result.shed[i]![phase]!;
    out(
      `    ${persona.name.padEnd(30)}${rate(persona.rate * p.scale)} ${rate(ok / p.seconds)} ${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 95))} ${ms(percentile(sorted, 99))}  ${errors}`,
    );
  }
  const sorted = sortNum(all) as unknown as number[];
  out(
    `    ${'all'.padEnd(30)}${rate(personas.reduce((s, x) => s + x.rate * p.scale, 0))} ${rate(all.length / p.seconds)} ${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 95))} ${ms(percentile(sorted, 99))}`,
  );
}
if (result.shed.flat().some((n) => n > 0))
  out(
    `  errors include requests the generator shed (over 2,000 in flight, or no free working dossier): ${result.shed.map((p) => p.reduce((a, b) => a + b, 0)).join(', ')} by persona`,
  );
for (const [i, f] of result.failures.entries())
  if (Object.keys(f).length > 0)
    out(
      `  ${personas[i]!.name} failed: ${Object.entries(f)
        .map(([status, n]) => `${n} × ${status === '0' ? 'no answer' : status}`)
        .join(', ')}`,
    );

// p95 per window, all personas, by when the request was due.
const windows = new Map<number, number[]>();
for (const s of result.samples) {
  const w = Math.floor(s[2] / (WINDOW_S * 1000));
  (windows.get(w) ?? windows.set(w, []).get(w)!).push(s[3]);
}
const p95 = [...windows.keys()].sort((a, b) => a - b).map((w) => ({ w, p95: percentile(sortNum(windows.get(w)!) as unknown as number[], 95) }));
const soakP95 = percentile(sortNum(result.samples.filter((s) => s[1] === soakIndex).map((s) => s[3])) as unknown as number[], 95);
const spikeEnd = phaseStart[spikeIndex]! + SPIKE * 1000;
const after = p95.filter((x) => x.w * WINDOW_S * 1000 >= spikeEnd);
const back = after.findIndex((x, i) => x.p95 <= RECOVERED * soakP95 && (after[i + 1]?.p95 ?? 0) <= RECOVERED * soakP95);
out(
  back < 0
    ? `  p95 did not come back within ${RECOVERED}× of the soak's (${ms(soakP95).trim()} ms) in the ${RECOVERY} s after the spike`
    : `  p95 back within ${RECOVERED}× of the soak's (${ms(soakP95).trim()} ms) ${Math.max(0, (after[back]!.w * WINDOW_S * 1000 - spikeEnd) / 1000).toFixed(0)} s after the spike ended`,
);
const bars = '▁▂▃▄▅▆▇█';
const lo = Math.log(Math.max(1, Math.min(...p95.map((x) => x.p95))));
const hi = Math.log(Math.max(2, ...p95.map((x) => x.p95)));
const spark = p95.map((x) => bars[Math.min(7, Math.floor(((Math.log(Math.max(1, x.p95)) - lo) / Math.max(1e-9, hi - lo)) * 7.999))]).join('');
const marks = p95
  .map((x) =>
    x.w * WINDOW_S * 1000 >= phaseStart[spikeIndex]! && x.w * WINDOW_S * 1000 < spikeEnd ? '^' : x.w * WINDOW_S * 1000 < phaseStart[soakIndex]! ? 'w' : ' ',
  )
  .join('');
out(`  p95 per ${WINDOW_S} s (log scale, ▁ ${ms(Math.exp(lo)).trim()} ms … █ ${ms(Math.exp(hi)).trim()} ms; w warm-up, ^ spike):`);
for (let i = 0; i < spark.length; i += 96) {
  out(`    ${spark.slice(i, i + 96)}`);
  out(`    ${marks.slice(i, i + 96)}`);
}
console.log(lines.join('\n'));
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, lines.join('\n') + '\n');

await runtime.close();
await testDb.drop().catch(() => undefined);
