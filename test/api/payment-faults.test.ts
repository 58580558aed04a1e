/**
 * The gateway at its worst (issue 18): many payments through the local gateway over real HTTP while it drops,
 * duplicates and reorders its callbacks, on VNPay and on the national platform. Afterwards, reconciliation
 * asks about what it never heard of, and every attempt ends where the citizen's choice says: each paid one paid
 * once (one credit, one receipt), each failed one failed, each abandoned one expired, and the day's
 * reconciliation report balanced. 1,000 payments on PostgreSQL; fewer on the embedded engine, which is slower.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { decideOnGateway, FEE_PROCEDURE, WARD } from '../support/payments.js';
import { createDossier } from '../../src/application/dossier/create-dossier.js';
import { startOnlinePayment } from '../../src/application/payment/start-online-payment.js';
import { reconcilePayments } from '../../src/application/payment/reconcile-payments.js';
import { numberWaitingReceipts } from '../../src/application/payment/receipts.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import type { Actor } from '../../src/domain/access/policy.js';

type Choice = 'pay' | 'fail' | 'abandon';

/** A fixed mix, spread over the run: 8 in 10 pay, 1 fails, 1 abandons (even rows go to VNPay, whose window closes, so the abandoned do). */
const choiceOf = (i: number): Choice => (i % 10 === 3 ? 'fail' : i % 10 === 8 ? 'abandon' : 'pay');

async function inParallel<T>(items: readonly T[], lanes: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

describe.each(ENGINES)('payments while the gateway drops, duplicates and reorders callbacks, on %s', (engine) => {
  const total = engine === 'postgresql' ? 1000 : 300;
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { listen: true, env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0', PAYMENT_RECONCILE_SECONDS: '86400' } });
  });
  afterAll(() => app.stop());

  it(`every one of ${total} payments ends once, where the citizen's choice says, and the day balances`, { timeout: 600_000 }, async () => {
    const deps = { ...app.ctx.deps, publicUrl: app.baseUrl };
    const login = await loginCitizen(deps, {
      identity: { issuer: 'https://sso.example', subject: 'sub-faults', fullName: 'Trần Thị Lan', personalId: '020085003777', email: null },
      meta: { actor: null, ip: '127.0.0.1', requestId: 'faults' },
    });
    if (!login.ok) throw new Error(login.error.code);
    const actor: Actor = { userId: login.value.userId, role: 'citizen', unitCode: null };
    const meta = (n: number) => ({ actor, ip: '203.0.113.7', requestId: `faults-${n}` });

    const plan: { dossierId: string; provider: 'vnpay' | 'nationalPlatform'; choice: Choice; reference?: string }[] = [];
    for (let i = 0; i < total; i++) {
      const created = await createDossier(deps, {
        procedureCode: FEE_PROCEDURE,
        channel: 'online',
        unitCode: WARD,
        applicant: null,
        components: [],
        accept: false,
        meta: meta(i),
      });
      if (!created.ok) throw new Error(created.error.code);
      plan.push({ dossierId: created.value.id, provider: i % 2 === 0 ? 'vnpay' : 'nationalPlatform', choice: choiceOf(i) });
    }

    const gateway = app.paymentSimulator!;
    gateway.setFaults({ dropRate: 0.2, duplicateRate: 0.3, reorder: true });
    try {
      await inParallel(plan, 8, async (p, i) => {
        const started = await startOnlinePayment(deps, { id: p.dossierId, provider: p.provider, meta: meta(i) });
        if (!started.ok) throw new Error(started.error.code);
        p.reference = started.value.reference;
        await decideOnGateway(started.value.redirectUrl, p.choice);
      });
      await gateway.flush();
      await gateway.idle();
    } finally {
      gateway.setFaults({ dropRate: 0, duplicateRate: 0, reorder: false });
    }
    const sent = gateway.deliveries().filter((d) => plan.some((p) => p.reference === d.reference));
    // The faults were real: some callbacks never went, some went twice.
    expect(sent.filter((d) => d.attempt === 0).length).toBeGreaterThan(total * 0.05);
    expect(new Set(sent.filter((d) => d.attempt > 0).map((d) => `${d.reference}|${d.attempt}`)).size).toBeLessThan(sent.filter((d) => d.attempt > 0).length);

    // Reconciliation, as the job would run it half an hour later (until nothing is left to ask about).
    const later = { ...deps, clock: () => new Date(Date.now() + 31 * 60_000) };
    for (let run = 0; run < 20; run++) if ((await reconcilePayments(later, { batch: 500 })).asked === 0) break;
    // The receipts of the last payments, issued and numbered by the numbering job's next run.
    await numberWaitingReceipts(app.database.db);

    const attempts = await app.database.db
      .selectFrom('payment_attempts')
      .select(['id', 'dossier_id', 'reference', 'status', 'task', 'amount', 'paid_amount'])
      .where(
        'dossier_id',
        'in',
        plan.map((p) => p.dossierId),
      )
      .execute();
    expect(attempts).toHaveLength(total);
    const byReference = new Map(attempts.map((a) => [a.reference, a]));
    const expected = { pay: 'paid', fail: 'failed', abandon: 'expired' } as const;
    const wrong = plan.filter((p) => byReference.get(p.reference!)?.status !== expected[p.choice]);
    expect(wrong.map((p) => `${p.provider} ${p.choice}: ${byReference.get(p.reference!)?.status}`)).toEqual([]);
    expect(attempts.filter((a) => a.task !== null)).toEqual([]);

    // One credit per paid attempt: its line paid by it, one receipt, one "paid" in the audit; the failed and abandoned owe still.
    const paidIds = attempts.filter((a) => a.status === 'paid').map((a) => a.id);
    const credits = await app.database.db
      .selectFrom('dossier_fees')
      .select(['paid_by', (eb) => eb.fn.countAll<string>().as('n')])
      .where(
        'dossier_id',
        'in',
        plan.map((p) => p.dossierId),
      )
      .where('paid_by', 'is not', null)
      .groupBy('paid_by')
      .execute();
    expect(credits).toHaveLength(paidIds.length);
    expect(credits.every((c) => Number(c.n) === 1 && paidIds.includes(c.paid_by!))).toBe(true);
    const receipts = await app.database.db.selectFrom('payment_receipts').select(['attempt_id', 'number']).where('attempt_id', 'in', paidIds).execute();
    expect(receipts).toHaveLength(paidIds.length);
    // Numbered in the ward's series without a gap or a repeat, however the callbacks raced.
    const numbers = receipts.map((r) => r.number).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const audited = await sql<{
      n: string;
    }>`select count(*)::text as n from audit_log where action = 'payment.paid' and details ->> 'attemptId' in (${sql.join(paidIds)})`.execute(app.database.db);
    expect(Number(audited.rows[0]!.n)).toBe(paidIds.length);
    // Paid online, as the statistics read it (their source view, from the attempts a gateway confirmed).
    const paidOnline = await sql<{ n: string }>`
      select count(*)::text as n from dossier_stat_source where fee_paid_online and dossier_id in (${sql.join(plan.map((p) => p.dossierId))})`.execute(
      app.database.db,
    );
    expect(Number(paidOnline.rows[0]!.n)).toBe(paidIds.length);

    // The day's reconciliation balances: every attempt settled, what was taken is what was expected.
    const desk = await Client.official(app, 'motcua.tamthanh');
    const report = (await desk.request('GET', '/api/v1/payments/reconciliation')).json();
    const ward = report.rows.filter((r: { unitCode: string }) => r.unitCode === WARD);
    expect(ward.reduce((s: number, r: { received: number }) => s + r.received, 0)).toBe(paidIds.length * 10_000);
    expect(ward.reduce((s: number, r: { expected: number }) => s + r.expected, 0)).toBe(paidIds.length * 10_000);
    expect(ward.every((r: { pendingCount: number; mismatchCount: number }) => r.pendingCount === 0 && r.mismatchCount === 0)).toBe(true);
    expect(report.balanced).toBe(true);
  });
});
