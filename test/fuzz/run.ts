/**
 * `npm run fuzz -- [--seed N] [--requests N]`: the OpenAPI-driven fuzzer (test/fuzz/fuzzer.ts) against an
 * in-process server on PGlite, or on PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set. Prints
 * progress and a summary; exits 1 on any response ≥ 500 or a server that stops answering.
 */
import { parseArgs } from 'node:util';
import { startTestApp } from '../support/app.js';
import { fuzz, type FuzzReport } from './fuzzer.js';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, requests: { type: 'string', default: '5000' } }, strict: true });
const seed = Number(values.seed);
const requests = Number(values.requests);
if (!Number.isInteger(seed) || !Number.isInteger(requests) || requests < 1) {
  console.error('cách dùng: npm run fuzz -- [--seed N] [--requests N]');
  process.exit(2);
}
if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
const engine = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

// Listening, so that the built-in identity provider answers the server's own discovery requests (/auth/oidc/start).
const app = await startTestApp(engine, { listen: true, env: { LOGIN_RATE_LIMIT: '10000' } });
const started = Date.now();
const line = (done: number, r: FuzzReport) =>
  `${done.toLocaleString('vi-VN')}/${requests.toLocaleString('vi-VN')} yêu cầu · ${Object.entries(r.byClass)
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ')} · ${((Date.now() - started) / 1000).toFixed(0)} s`;
let report: FuzzReport;
try {
  report = await fuzz(app, { seed, requests, onProgress: (done, r) => process.stderr.write(`\r${line(done, r)}   `) });
} finally {
  await app.stop();
}
process.stderr.write('\n');
console.log(
  `Fuzz (${engine}, seed ${seed}): ${line(report.requests, report)}; ${Object.keys(report.byOperation).length} thao tác; máy chủ ${report.alive ? 'vẫn trả lời' : 'KHÔNG còn trả lời'}.`,
);
for (const f of report.failures.slice(0, 30))
  console.log(`  ${f.status} ${f.operation} [${f.identity}] ${f.url}\n      ${f.request.slice(0, 200)}\n      → ${f.response.slice(0, 200)}`);
if (report.failures.length > 30) console.log(`  … và ${report.failures.length - 30} lỗi nữa`);
process.exit(report.failures.length === 0 && report.alive ? 0 : 1);
