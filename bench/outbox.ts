/**
 * Draining a backlog of the notification outbox once the mail server is back (issue 15): 10,000 messages
 * queued for 2,000 dossiers, sent through the real SMTP transport (nodemailer's pool) to a local SMTP server,
 * against a bare baseline in the same run: the same transport sending the same 10,000 messages straight from
 * memory with the same number of lanes, no database. Also checks that each dossier's messages arrived in order.
 * Target: the backlog drains in under a minute.
 * Engine: PGlite in memory, or PostgreSQL with BENCH_DATABASE_URL (a fresh database is created and dropped).
 */
import { SMTPServer } from 'smtp-server';
import { createTestDatabase } from '../test/support/databases.js';
import { migrate } from '../src/infrastructure/db/migrator.js';
import { seedDemo } from '../src/application/seed/seed-demo.js';
import { seedDossiers } from '../src/application/seed/seed-dossiers.js';
import { loadUnitDirectory } from '../src/application/units/unit-directory.js';
import { loadCalendarDirectory } from '../src/application/calendar/calendar-directory.js';
import { loadCatalogueDirectory } from '../src/application/catalogue/catalogue-directory.js';
import { createNotificationWorker } from '../src/infrastructure/mail/outbox-worker.js';
import { createSmtpMailer } from '../src/infrastructure/mail/smtp-mailer.js';
import { createServer } from 'node:net';
import { createPersonalDataCipher } from '../src/infrastructure/crypto/personal-data-cipher.js';
import { record } from './support/results.js';
import { machineLine } from './support/machine.js';

const MESSAGES = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 10_000);
const DOSSIERS = 2_000;
const LANES = 16;

if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const engine = process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite';

// The mail server: counts, and remembers the order of each dossier's subjects.
const arrived = new Map<string, number[]>();
let received = 0;
const server = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const subject = /Subject: bench (\S+) (\d+)/.exec(Buffer.concat(chunks).toString('latin1'));
      if (subject) arrived.set(subject[1]!, [...(arrived.get(subject[1]!) ?? []), Number(subject[2])]);
      received++;
      callback();
    });
  },
});
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address() as { port: number };
    probe.close(() => resolve(free));
  });
});
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
const mailer = () =>
  createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'khong-tra-loi@localhost', messageIdDomain: 'localhost', connectionTimeoutMs: 5000 });

/** Bare: the transport alone, the same messages, the same lanes; messages per second. */
async function bare(): Promise<number> {
  const transport = mailer();
  const queue = Array.from({ length: MESSAGES }, (_, i) => i);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift())
        await transport.send({ outboxId: String(i), to: 'nguoinop@example.vn', subject: `bare x ${i}`, text: 'Nội dung thư' });
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await transport.close();
  console.log(`bare SMTP transport: ${MESSAGES.toLocaleString('en')} messages in ${seconds.toFixed(1)} s (${Math.round(MESSAGES / seconds)} msg/s)`);
  return MESSAGES / seconds;
}
const bareRate = await bare();

// Full: a database with dossiers and a backlog queued while the mail server was down.
const test = await createTestDatabase(engine);
const { database } = test;
await migrate(database);
await seedDemo(database.db);
const units = await loadUnitDirectory(database.db);
const calendars = await loadCalendarDirectory(database.db, units);
const catalogue = await loadCatalogueDirectory(database.db, units);
await seedDossiers({ db: database.db, units, calendars, catalogue, personalData: createPersonalDataCipher('bench '.repeat(8)) }, { count: DOSSIERS, seed: 5 });
const dossiers = (await database.db.selectFrom('dossiers').select('id').limit(DOSSIERS).execute()).map((d) => d.id);
await database.db.deleteFrom('notification_outbox').execute();
for (let from = 0; from < MESSAGES; from += 1_000) {
  await database.db
    .insertInto('notification_outbox')
    .values(
      Array.from({ length: Math.min(1_000, MESSAGES - from) }, (_, k) => {
        const i = from + k;
        const dossier = dossiers[i % dossiers.length]!;
        return { dossier_id: dossier, event: 'bench', recipient: 'nguoinop@example.vn', subject: `bench ${dossier} ${i}`, body: 'Nội dung thư' };
      }),
    )
    .execute();
}
received = 0;
arrived.clear();
const transport = mailer();
const worker = createNotificationWorker({ db: database.db, clock: () => new Date(), publicUrl: 'http://localhost', mailer: transport });
const t0 = performance.now();
let runs = 0;
while (received < MESSAGES) {
  const summary = await worker.runOnce();
  runs++;
  process.stderr.write(`\r  ${received.toLocaleString('en')}/${MESSAGES.toLocaleString('en')} sent`);
  if (summary.attempted === 0) break;
}
const seconds = (performance.now() - t0) / 1000;
process.stderr.write('\n');
await transport.close();
const outOfOrder = [...arrived.values()].filter((seq) => seq.some((n, i) => i > 0 && n < seq[i - 1]!)).length;
console.log(
  `outbox worker (${engine}): ${received.toLocaleString('en')} messages of ${dossiers.length.toLocaleString('en')} dossiers in ${seconds.toFixed(1)} s over ${runs} run(s) (${Math.round(received / seconds)} msg/s), ${((100 * (received / seconds)) / bareRate).toFixed(1)} % of the bare transport; dossiers out of order: ${outOfOrder}`,
);
record({
  bench: 'outbox',
  name: `${MESSAGES.toLocaleString('en')} e-mails drained after an outage`,
  value: seconds,
  unit: 's',
  goal: '≤ 60',
  at: engine,
  machine: machineLine(engine),
});
record({
  bench: 'outbox',
  name: 'outbox worker, % of the bare transport',
  value: (100 * (received / seconds)) / bareRate,
  unit: '%',
  at: engine,
  machine: machineLine(engine),
});
console.log(`target: drained in under 60 s: ${seconds < 60 && received === MESSAGES && outOfOrder === 0 ? 'met' : 'NOT met'}`);
await database.close();
await test.drop().catch(() => undefined);
await new Promise<void>((resolve) => server.close(() => resolve()));
