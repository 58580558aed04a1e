/**
 * Citizen feedback (issue 22), two figures:
 * 1. Intake: BENCH_FEEDBACK_INTAKES (2,000) items entered by officials through the use case (validation, the code,
 *    the sealed contact, the first event, the audit record), 4 lanes, per second; against a bare baseline in the same
 *    run: the same number of bare inserts of the item's row alone, same lanes. No goal: how much the rest costs.
 * 2. The public search at BENCH_FEEDBACK_ITEMS (1,000,000) published items: BENCH_FEEDBACK_QUERIES (300) searches of
 *    one or two words from the items' vocabulary (the last as a prefix, as typed), through the use case, p50/p95;
 *    against a bare primary-key read of one item in the same run. Goal: p95 ≤ 100 ms.
 * Engine: PGlite in memory, or PostgreSQL with BENCH_DATABASE_URL (a fresh database is created and dropped).
 */
import { sql, type Kysely } from 'kysely';
import { createTestDatabase } from '../test/support/databases.js';
import { migrate } from '../src/infrastructure/db/migrator.js';
import { seedDemo } from '../src/application/seed/seed-demo.js';
import { loadUnitDirectory } from '../src/application/units/unit-directory.js';
import { loadCalendarDirectory } from '../src/application/calendar/calendar-directory.js';
import { loadCatalogueDirectory } from '../src/application/catalogue/catalogue-directory.js';
import { createPersonalDataCipher } from '../src/infrastructure/crypto/personal-data-cipher.js';
import { enterFeedback } from '../src/application/feedback/submit-feedback.js';
import { listPublicFeedback } from '../src/application/feedback/public-feedback.js';
import type { RequestMeta } from '../src/application/context.js';
import { record } from './support/results.js';
import { engineVersion, machineLine } from './support/machine.js';

const INTAKES = Number(process.env.BENCH_FEEDBACK_INTAKES ?? 2_000);
const ITEMS = Number(process.env.BENCH_FEEDBACK_ITEMS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_FEEDBACK_QUERIES ?? 300);
const LANES = 4;
const WARD = '000.00.31.H37';
const WORDS = [
  'khai',
  'sinh',
  'ho',
  'tich',
  'dat',
  'dai',
  'xay',
  'dung',
  'giay',
  'phep',
  'thue',
  'bao',
  'hiem',
  'chung',
  'thuc',
  'cu',
  'tru',
  'kinh',
  'doanh',
  'moi',
  'truong',
];

if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const engine = process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite';
const test = await createTestDatabase(engine);
const { db } = test.database;
const version = await engineVersion(engine, db as unknown as Kysely<never>);
const machine = machineLine(version);
console.log(`feedback on ${version} — ${INTAKES.toLocaleString('en')} intakes, search at ${ITEMS.toLocaleString('en')} items\n${machine}`);
await migrate(test.database);
await seedDemo(db);
const units = await loadUnitDirectory(db);
const clock = () => new Date();
const deps = {
  db,
  units,
  clock,
  calendars: await loadCalendarDirectory(db, units),
  catalogue: await loadCatalogueDirectory(db, units, clock),
  personalData: createPersonalDataCipher('bench '.repeat(8)),
  files: { put: () => Promise.reject(new Error('no files')), read: () => Promise.resolve(null) },
  challengeKey: 'bench',
};
const desk = await db.selectFrom('users').select(['id', 'role', 'unit_code']).where('username', '=', 'motcua.tamthanh').executeTakeFirstOrThrow();
const meta: RequestMeta = { actor: { userId: desk.id, role: desk.role as 'desk_officer', unitCode: desk.unit_code }, ip: null, requestId: 'bench' };

async function lanes(count: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
  return count / ((performance.now() - t0) / 1000);
}

// 1. Intake.
const body = (i: number) => ({
  channel: 'hotline' as const,
  title: `Phản ánh số ${i} về thủ tục khai sinh`,
  content: 'Công dân phản ánh qua đường dây nóng về thời gian giải quyết thủ tục đăng ký khai sinh tại phường.',
  unitCode: WARD,
  procedureCode: null,
  dossierCode: null,
  reporter: { name: 'Nguyễn Văn An', email: null, phone: '0912000111', address: null },
  showName: false,
  forwardedFrom: null,
  receivedAt: null,
  attachments: [],
});
const intakeRate = await lanes(INTAKES, async (i) => {
  const res = await enterFeedback(deps, { body: body(i), meta });
  if (!res.ok) throw new Error(res.error.code);
});
const state = JSON.stringify({ status: 'received' });
const bareRate = await lanes(INTAKES, async (i) => {
  await db
    .insertInto('feedback_items')
    .values({
      code: `BARE-${i}`,
      channel: 'hotline',
      unit_code: WARD,
      title: body(i).title,
      content: body(i).content,
      anonymous: true,
      received_at: new Date(),
      status: 'received',
      state,
    })
    .execute();
});
console.log(`  intake: ${intakeRate.toFixed(0)} items/s; bare insert: ${bareRate.toFixed(0)}/s`);
const atIntake = `${engine === 'postgresql' ? 'PostgreSQL' : 'PGlite'}, ${INTAKES.toLocaleString('en')} items`;
record({ bench: 'feedback', name: 'feedback intake per second', value: Math.round(intakeRate), unit: '/s', at: atIntake, machine });
record({ bench: 'feedback', name: 'feedback intake, % of a bare insert', value: Math.round((intakeRate / bareRate) * 100), unit: '%', at: atIntake, machine });

// 2. The public search at scale: published items of three words each from the vocabulary, in batches.
const t0 = performance.now();
const n = WORDS.length;
for (let from = 0; from < ITEMS; from += 100_000) {
  const to = Math.min(ITEMS, from + 100_000);
  await sql`insert into feedback_items (code, channel, unit_code, title, content, anonymous, received_at, status, state, answer, published_at, search_text)
    select 'PAKN-B-' || i, 'portal', ${WARD}, 'Phản ánh ' || i, 'Nội dung', true, now(), 'published', ${state}::jsonb, 'Trả lời', now() - (i || ' seconds')::interval,
      (array[${sql.join(WORDS)}]::text[])[1 + i % ${n}::int] || ' ' || (array[${sql.join(WORDS)}]::text[])[1 + (i / ${n}::int) % ${n}::int] || ' ' || (array[${sql.join(WORDS)}]::text[])[1 + (i / ${n * n}::int) % ${n}::int] || ' so ' || i
    from generate_series(${from}::int, ${to - 1}::int) as i`.execute(db);
  process.stderr.write(`\r  ${to.toLocaleString('en')} items`);
}
process.stderr.write('\n');
await sql`analyze feedback_items`.execute(db);
console.log(`  ${ITEMS.toLocaleString('en')} items in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
const times: number[] = [];
const bare: number[] = [];
const ids = (await db.selectFrom('feedback_items').select('id').limit(1000).execute()).map((r) => r.id);
for (let i = 0; i < QUERIES; i++) {
  const q = i % 2 === 0 ? `${WORDS[(i * 7) % n]} ${WORDS[(i * 3) % n]!.slice(0, 3)}` : WORDS[(i * 5) % n]!.slice(0, 4);
  const s = performance.now();
  const res = await listPublicFeedback(deps, { q, limit: 20, offset: 0 });
  times.push(performance.now() - s);
  if (!res.ok) throw new Error(res.error.code);
  const b = performance.now();
  await db
    .selectFrom('feedback_items')
    .select(['code', 'title'])
    .where('id', '=', ids[i % ids.length]!)
    .executeTakeFirst();
  bare.push(performance.now() - b);
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
console.log(`  public search: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms; bare read p95 ${pct(bare, 95).toFixed(2)} ms`);
const at = `${engine === 'postgresql' ? 'PostgreSQL' : 'PGlite'}, ${ITEMS.toLocaleString('en')} published items`;
record({ bench: 'feedback', name: 'public feedback search p95', value: Math.round(pct(times, 95) * 10) / 10, unit: 'ms', goal: '≤ 100', at, machine });
record({ bench: 'feedback', name: 'bare primary-key read p95 (same table)', value: Math.round(pct(bare, 95) * 100) / 100, unit: 'ms', at, machine });
await test.drop();
