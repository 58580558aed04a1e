/**
 * Online payment of fees (issue 18): the server's side of a gateway callback, `receiveGatewayCallback` as the
 * VNPay IPN route calls it — verify the signature, keep the raw word, lock the attempt and its fee lines, judge,
 * mark paid, write the receipts, refresh the statistics columns, audit, and then number the receipts as the
 * server's numbering job does (in a batch, timed with the callbacks) — for BENCH_PAYMENT_CALLBACKS (2,000)
 * distinct initiated attempts, BENCH_PAYMENT_CALLERS (8) callers at a time, as callbacks per second; against a
 * bare transaction in the same run, on the same database, at the same concurrency, on the same attempts: begin,
 * lock the attempt by its key (method, reference), update it, insert one row (the raw word), commit.
 * Goal: ≥ 40 % of the bare transaction. The same IPNs a second time (VNPay retrying: "already confirmed") are an
 * extra figure, without a goal.
 * Each round (BENCH_ROUNDS ≥ 3, after a short warm-up) has its own attempts: online dossiers of procedure
 * 1.004873 (a 10.000 ₫ lệ phí at submission) submitted by a citizen, and a VNPay payment started for each
 * (untimed); then bare, full and replay run on them in turn, and the round is checked: every attempt paid once,
 * one receipt each, its lines paid by it alone, one audit record, two words kept. A failed check stops the bench.
 * Engine: PGlite in memory, or PostgreSQL with BENCH_DATABASE_URL (a fresh database is created and dropped).
 * No background jobs run (the statistics worker does not fold the queue the callbacks feed).
 */
import { sql, type Kysely } from 'kysely';
import { createTestDatabase } from '../test/support/databases.js';
import { migrate } from '../src/infrastructure/db/migrator.js';
import { seedDemo } from '../src/application/seed/seed-demo.js';
import { loadUnitDirectory } from '../src/application/units/unit-directory.js';
import { loadCalendarDirectory } from '../src/application/calendar/calendar-directory.js';
import { loadCatalogueDirectory } from '../src/application/catalogue/catalogue-directory.js';
import { personalDataCipherOf } from '../src/infrastructure/crypto/personal-data-cipher.js';
import { SessionStore } from '../src/infrastructure/auth/session-store.js';
import { createPaymentGateways } from '../src/infrastructure/payment/payment-gateways.js';
import { vnpaySignature } from '../src/infrastructure/payment/vnpay.js';
import { loginCitizen } from '../src/application/auth/login-citizen.js';
import { createDossier } from '../src/application/dossier/create-dossier.js';
import { startOnlinePayment } from '../src/application/payment/start-online-payment.js';
import { receiveGatewayCallback } from '../src/application/payment/receive-gateway-callback.js';
import { numberWaitingReceipts } from '../src/application/payment/receipts.js';
import type { Actor } from '../src/domain/access/policy.js';
import { benchConfig } from './support/config.js';
import { interleave, showSpread, spread } from './support/rounds.js';
import { meets, record } from './support/results.js';
import { engineVersion, machineLine } from './support/machine.js';

const CALLBACKS = Number(process.env.BENCH_PAYMENT_CALLBACKS ?? 2_000);
const CALLERS = Number(process.env.BENCH_PAYMENT_CALLERS ?? 8);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const WARM_UP = Math.min(CALLBACKS, 200);
const GOAL = '≥ 40';
const WARD = '000.00.31.H37';
/** Cấp Giấy xác nhận tình trạng hôn nhân: a commune procedure, online, with a 10.000 ₫ lệ phí collected at submission. */
const FEE_PROCEDURE = '1.004873';

if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const engine = process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite';

// The local gateway's demo VNPay terminal: its pay URL is built locally and its API is never called here.
const config = benchConfig({ PAYMENT_SIMULATOR: 'true', HOST: '127.0.0.1', PORT: '3999' });
const vnpayTerminal = config.payments.simulator?.vnpay;
if (!vnpayTerminal) throw new Error('the bench needs the local payment gateway (PAYMENT_SIMULATOR)');

const test = await createTestDatabase(engine);
const { database } = test;
const { db } = database;

/** `work` on every item, `callers` at a time (each caller takes the next item when done); returns the seconds taken. */
async function lanes<T>(items: readonly T[], callers: number, work: (item: T, index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(callers, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i]!, i);
    }),
  );
  return (performance.now() - t0) / 1000;
}

interface Initiated {
  dossierId: string;
  attemptId: string;
  reference: string;
  amount: number;
  /** The IPN as VNPay sends it: the query's fields, signed. */
  ipn: Record<string, string>;
}

try {
  const t0 = performance.now();
  await migrate(database);
  await seedDemo(db);
  const units = await loadUnitDirectory(db);
  const deps = {
    db,
    units,
    clock: () => new Date(),
    sessions: new SessionStore(db, config.sessionSecret, config.SESSION_TTL_HOURS),
    calendars: await loadCalendarDirectory(db, units),
    catalogue: await loadCatalogueDirectory(db, units),
    personalData: personalDataCipherOf(config),
    payments: createPaymentGateways(config.payments.accounts),
    publicUrl: config.publicUrl,
  };
  const version = await engineVersion(engine, db as unknown as Kysely<never>);
  const machine = machineLine(version);
  const at = `${version}, ${CALLBACKS.toLocaleString('en')} callbacks × ${CALLERS} callers`;
  console.log(`payment callbacks on ${version} — ${CALLBACKS.toLocaleString('en')} callbacks per round, ${CALLERS} callers, ${ROUNDS} rounds\n${machine}`);

  const login = await loginCitizen(deps, {
    identity: {
      issuer: 'https://sso.example',
      subject: 'bench-payments',
      fullName: 'Hoàng Văn Minh',
      personalId: '020085003417',
      email: 'minh.hoang@example.vn',
    },
    meta: { actor: null, ip: '127.0.0.1', requestId: 'bench-payments-login' },
  });
  if (!login.ok) throw new Error(`citizen login: ${login.error.code}`);
  const citizen: Actor = { userId: login.value.userId, role: 'citizen', unitCode: null };
  await sql`create table bench_payment_tx (id bigint generated always as identity primary key, attempt_id uuid not null, raw jsonb not null, at timestamptz not null default now())`.execute(
    db,
  );
  console.log(`  database ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  let serial = 0;
  /** `count` online dossiers submitted by the citizen, and a VNPay payment started for each; with the IPN VNPay would send once paid. */
  async function initiate(count: number): Promise<Initiated[]> {
    const made: Initiated[] = [];
    const seconds = await lanes(
      Array.from({ length: count }, () => ++serial),
      CALLERS,
      async (n) => {
        const meta = { actor: citizen, ip: '127.0.0.1', requestId: `bench-payments-${n}` };
        const created = await createDossier(deps, {
          procedureCode: FEE_PROCEDURE,
          channel: 'online',
          unitCode: WARD,
          applicant: null,
          components: [],
          accept: false,
          meta,
        });
        if (!created.ok) throw new Error(`createDossier: ${created.error.code}`);
        const started = await startOnlinePayment(deps, { id: created.value.id, provider: 'vnpay', meta });
        if (!started.ok) throw new Error(`startOnlinePayment: ${started.error.code}`);
        const asked = Object.fromEntries(new URL(started.value.redirectUrl).searchParams);
        const ipn: Record<string, string> = {
          vnp_TmnCode: asked.vnp_TmnCode!,
          vnp_Amount: asked.vnp_Amount!,
          vnp_BankCode: 'NCB',
          vnp_BankTranNo: `VNP${n}`,
          vnp_CardType: 'ATM',
          vnp_PayDate: asked.vnp_CreateDate!,
          vnp_OrderInfo: asked.vnp_OrderInfo!,
          vnp_TransactionNo: String(14_000_000 + n),
          vnp_ResponseCode: '00',
          vnp_TransactionStatus: '00',
          vnp_TxnRef: started.value.reference,
        };
        made.push({
          dossierId: created.value.id,
          attemptId: started.value.attemptId,
          reference: started.value.reference,
          amount: started.value.amount,
          ipn: { ...ipn, vnp_SecureHash: vnpaySignature(ipn, vnpayTerminal!.hashSecret) },
        });
      },
    );
    process.stderr.write(`  ${count.toLocaleString('en')} dossiers submitted and payments started in ${seconds.toFixed(1)} s\n`);
    return made;
  }

  /** The bare transaction: lock the attempt by its key, update it, keep the word; nothing else. */
  const bare = (a: Initiated) =>
    db.transaction().execute(async (trx) => {
      const locked = await sql<{ id: string }>`select id from payment_attempts where method = 'vnpay' and reference = ${a.reference} for update`.execute(trx);
      const id = locked.rows[0]?.id;
      if (!id) throw new Error(`bare: no attempt ${a.reference}`);
      await sql`update payment_attempts set queries = queries where id = ${id}`.execute(trx);
      await sql`insert into bench_payment_tx (attempt_id, raw) values (${id}, ${JSON.stringify(a.ipn)})`.execute(trx);
    });

  /** Every IPN through the use case, as the route calls it; each answer must be `expected` (00 paid, 02 already confirmed). */
  const callbacks = (attempts: Initiated[], expected: '00' | '02', pass: string) =>
    lanes(attempts, CALLERS, async (a, i) => {
      const answer = await receiveGatewayCallback(deps, { provider: 'vnpay', raw: a.ipn, source: 'callback', requestId: `bench-${pass}-${i}` });
      const code = (answer.reply as { RspCode?: string }).RspCode;
      if (code !== expected) throw new Error(`${pass}: ${a.reference} answered ${code} (${answer.verdict}), expected ${expected}`);
    });

  let current: Initiated[] = [];
  let checked = '';
  const rate = (seconds: number) => current.length / seconds;
  const steps = [
    {
      name: 'bare',
      run: async () => {
        current = await initiate(CALLBACKS);
        return rate(await lanes(current, CALLERS, (a) => bare(a)));
      },
    },
    {
      name: 'full',
      // The callbacks, then the numbering of their receipts (the server's job does it in batches, apart from them): both timed.
      run: async () => {
        const seconds = await callbacks(current, '00', 'full');
        const t0 = performance.now();
        const numbered = await numberWaitingReceipts(db);
        if (numbered < current.length) throw new Error(`full: ${numbered} receipts numbered, expected at least ${current.length}`);
        return rate(seconds + (performance.now() - t0) / 1000);
      },
    },
    {
      name: 'replay',
      run: async () => {
        const result = rate(await callbacks(current, '02', 'replay'));
        checked = await verify(current);
        return result;
      },
    },
  ];
  // Warm-up: the same three steps on a few attempts, so that V8 has optimised both sides before anything counts.
  const warmUp: Initiated[] = await initiate(WARM_UP);
  current = warmUp;
  await lanes(current, CALLERS, (a) => bare(a));
  await callbacks(current, '00', 'warm-up');
  await callbacks(current, '02', 'warm-up-replay');
  await numberWaitingReceipts(db);
  console.log(`  warm-up: ${await verify(current)}`);

  const results = await interleave(ROUNDS, steps, (round, name, perSecond) =>
    console.log(
      `  round ${round}  ${name.padEnd(7)} ${Math.round(perSecond).toLocaleString('en').padStart(7)} ${name === 'bare' ? 'transactions' : 'callbacks'}/s${name === 'replay' ? `\n  ${checked}` : ''}`,
    ),
  );
  const bareRates = results.get('bare')!;
  const ratio = spread(results.get('full')!.map((f, i) => (100 * f) / bareRates[i]!));
  const replayRatio = spread(results.get('replay')!.map((f, i) => (100 * f) / bareRates[i]!));
  const full = spread(results.get('full')!);
  const replay = spread(results.get('replay')!);
  const bareSpread = spread(bareRates);
  const ok = meets(ratio.median, GOAL);
  console.log(`\n  bare transaction           ${showSpread(bareSpread, 0, ' tx/s')}`);
  console.log(`  callback (paid)            ${showSpread(full, 0, ' callbacks/s')}   ${showSpread(ratio)} of the bare transaction`);
  console.log(`  callback replayed (02)     ${showSpread(replay, 0, ' callbacks/s')}   ${showSpread(replayRatio)} of the bare transaction`);
  console.log(
    `payment callbacks (${version}): ${Math.round(full.median).toLocaleString('en')} callbacks/s against ${Math.round(bareSpread.median).toLocaleString('en')} bare transactions/s, ${showSpread(ratio)}; goal ${GOAL} %: ${ok ? 'OK' : 'MISSED'}`,
  );
  record({
    bench: 'payments',
    name: 'VNPay IPN callback (paid), % of bare transaction',
    value: ratio.median,
    spread: ratio,
    unit: '%',
    goal: GOAL,
    at,
    machine,
  });
  record({ bench: 'payments', name: 'VNPay IPN callback (paid)', value: full.median, spread: full, unit: 'callbacks/s', at, machine });
  record({
    bench: 'payments',
    name: 'VNPay IPN replayed (already confirmed), % of bare transaction',
    value: replayRatio.median,
    spread: replayRatio,
    unit: '%',
    at,
    machine,
  });
} finally {
  await database.close();
  await test.drop().catch(() => undefined);
}

/** After a round: every attempt paid once, at its amount, its lines paid by it, one receipt per kind, one audit record, two words kept. */
async function verify(attempts: Initiated[]): Promise<string> {
  const ids = attempts.map((a) => a.attemptId);
  const dossierIds = attempts.map((a) => a.dossierId);
  const problems: string[] = [];
  const rows = await db
    .selectFrom('payment_attempts')
    .select(['id', 'status', 'paid_amount', 'amount', 'fee_ids'])
    .where('dossier_id', 'in', dossierIds)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const a of attempts) {
    const row = byId.get(a.attemptId);
    if (row?.status !== 'paid' || Number(row.paid_amount) !== a.amount || Number(row.amount) !== a.amount)
      problems.push(`attempt ${a.reference}: ${row?.status}`);
  }
  if (rows.length !== attempts.length) problems.push(`${rows.length} attempts for ${attempts.length} dossiers`);
  const feeIds = rows.flatMap((r) => r.fee_ids);
  const lines = await db.selectFrom('dossier_fees').select(['id', 'paid_by', 'dossier_id', 'kind', 'amount']).where('dossier_id', 'in', dossierIds).execute();
  const owner = new Map(rows.flatMap((r) => r.fee_ids.map((f) => [f, r.id] as const)));
  for (const line of lines) if (owner.has(line.id) && line.paid_by !== owner.get(line.id)) problems.push(`line ${line.id} paid by ${line.paid_by}`);
  if (new Set(feeIds).size !== feeIds.length) problems.push('a fee line is in two attempts');
  const receipts = await db.selectFrom('payment_receipts').select(['attempt_id', 'kind', 'amount']).where('dossier_id', 'in', dossierIds).execute();
  const expected = new Map<string, Set<string>>();
  for (const line of lines) if (line.paid_by && Number(line.amount) > 0) expected.set(line.paid_by, (expected.get(line.paid_by) ?? new Set()).add(line.kind));
  const issued = new Map<string, number>();
  for (const r of receipts) issued.set(r.attempt_id, (issued.get(r.attempt_id) ?? 0) + 1);
  for (const id of ids)
    if ((issued.get(id) ?? 0) !== (expected.get(id)?.size ?? 0) || !issued.get(id)) problems.push(`attempt ${id}: ${issued.get(id) ?? 0} receipts`);
  const credited = receipts.reduce((s, r) => s + Number(r.amount), 0);
  const owed = attempts.reduce((s, a) => s + a.amount, 0);
  if (credited !== owed) problems.push(`receipts credit ${credited} ₫ for ${owed} ₫ paid`);
  const audits = await db
    .selectFrom('audit_log')
    .select(sql<string>`details ->> 'attemptId'`.as('attempt'))
    .where('action', '=', 'payment.paid')
    .where('target_id', 'in', dossierIds)
    .execute();
  if (audits.length !== attempts.length || new Set(audits.map((r) => r.attempt)).size !== attempts.length)
    problems.push(`${audits.length} payment.paid audit records`);
  const words = await db.selectFrom('payment_callbacks').select(['attempt_id', 'verdict']).where('attempt_id', 'in', ids).execute();
  const paidWords = words.filter((w) => w.verdict === 'confirmed:paid').length;
  if (words.length !== 2 * attempts.length || paidWords !== attempts.length) problems.push(`${words.length} words kept, ${paidWords} of them paid`);
  const online = (
    await sql<{ id: string }>`select dossier_id as id from dossier_stat_source where fee_paid_online and dossier_id in (${sql.join(dossierIds)})`.execute(db)
  ).rows;
  if (online.length !== attempts.length) problems.push(`${online.length} dossiers marked paid online`);
  if (problems.length > 0) throw new Error(`payment check failed (${problems.length}):\n  ${problems.slice(0, 20).join('\n  ')}`);
  return `checked: ${attempts.length.toLocaleString('en')} attempts paid once, one receipt each, no double credit`;
}
