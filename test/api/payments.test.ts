/**
 * Fees and online payment end to end through the local gateway over real HTTP (issue 18): the fee lines from the
 * catalogue, a VNPay payment confirmed by its IPN, a replayed and a tampered IPN, an amount that does not match,
 * the national platform's confirm, reconciliation of a lost callback and of an abandoned payment, the receipts,
 * the desk's cash, and an official's fee request that the citizen's payment settles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { receivedComponents } from '../support/intake.js';
import { citizenClient, decideOnGateway, startPayment, submitOnline } from '../support/payments.js';
import { reconcilePayments } from '../../src/application/payment/reconcile-payments.js';
import { drainStatQueue } from '../../src/application/scorecard/statistics.js';
import { vnpaySignature } from '../../src/infrastructure/payment/vnpay.js';

describe.each(ENGINES)('fees and online payment on %s', (engine) => {
  let app: TestApp;
  let citizen: Client;
  let desk: Client;
  beforeAll(async () => {
    app = await startTestApp(engine, { listen: true, env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0', PAYMENT_RECONCILE_SECONDS: '86400' } });
    citizen = await citizenClient(app);
    desk = await Client.official(app, 'motcua.tamthanh');
  });
  afterAll(() => app.stop());

  const payments = async (client: Client, id: string) => {
    const res = await client.request('GET', `/api/v1/dossiers/${id}/payments`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** The dossier's status and fee columns, and "paid online" as the statistics read it (their source view). */
  const columns = async (id: string) =>
    (
      await sql<{ fee_due: boolean; fee_paid_online: boolean; status: string }>`
        select d.fee_due, s.fee_paid_online, d.status from dossiers d join dossier_stat_source s on s.dossier_id = d.id where d.id = ${id}`.execute(
        app.database.db,
      )
    ).rows[0]!;
  const count = async (table: 'payment_receipts' | 'payment_callbacks' | 'payment_attempts', dossierId: string) => {
    const rows = await app.database.db
      .selectFrom(table as 'payment_receipts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(
        table === 'payment_callbacks' ? ('attempt_id' as never) : 'dossier_id',
        'in',
        table === 'payment_callbacks'
          ? (app.database.db.selectFrom('payment_attempts').select('id').where('dossier_id', '=', dossierId) as never)
          : [dossierId],
      )
      .executeTakeFirstOrThrow();
    return Number(rows.n);
  };
  /** The dossier as the national portal receives it (the export's HoSoDongBoDVC). */
  const exported = async (code: string) => {
    const admin = await Client.official(app, 'admin');
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const res = await admin.request('GET', `/api/v1/dossiers/export?from=${today}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { MaHoSo: string; DuocThanhToanTrucTuyen: string; DanhSachLePhi: unknown[] }[]).find((d) => d.MaHoSo === code)!;
  };
  const lastIpn = (reference: string) => {
    const calls = app.paymentSimulator!.deliveries().filter((d) => d.reference === reference && d.attempt > 0);
    return calls.at(-1)!;
  };

  it('a citizen sees the fee the catalogue sets, pays it through VNPay, and the IPN alone records it once, with a receipt', async () => {
    const { id, code } = await submitOnline(citizen);
    const before = await payments(citizen, id);
    expect(before.lines).toMatchObject([{ kind: 'charge', amount: 10_000, moment: 'submission', source: 'catalogue', paid: false, payableNow: true }]);
    expect(before).toMatchObject({ dueNow: 10_000, paidTotal: 0, canPayOnline: true, canRecordAtDesk: false });
    expect(before.providers.map((p: { provider: string }) => p.provider)).toEqual(['nationalPlatform', 'vnpay']);
    expect(await columns(id)).toMatchObject({ fee_due: true, fee_paid_online: false });
    expect(await exported(code)).toMatchObject({
      DuocThanhToanTrucTuyen: '0',
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', Gia: '10000', HinhThucThu: '1', LoaiPhiLePhi: '2' }],
    });

    const started = await startPayment(citizen, id, 'vnpay');
    expect(started.amount).toBe(10_000);
    const url = new URL(started.redirectUrl);
    expect(url.pathname).toBe('/demo/payment-gateway/paymentv2/vpcpay.html');
    expect(url.searchParams.get('vnp_Amount')).toBe('1000000');
    expect(url.searchParams.get('vnp_TxnRef')).toBe(started.reference);

    const back = await decideOnGateway(started.redirectUrl, 'pay');
    // The browser's return is display only; the page it lands on is the citizen's dossier.
    const returned = await fetch(back!, { redirect: 'manual' });
    expect(returned.status).toBe(303);
    expect(returned.headers.get('location')).toBe(`/tai-khoan/ho-so/${id}?thanh-toan=${started.reference}`);
    await app.paymentSimulator!.idle();
    expect(lastIpn(started.reference)).toMatchObject({ status: 200, reply: '00' });

    const after = await payments(citizen, id);
    expect(after.attempts).toMatchObject([{ method: 'vnpay', online: true, status: 'paid', amount: 10_000, task: null }]);
    expect(after).toMatchObject({ dueNow: 0, paidTotal: 10_000, canPayOnline: false });
    expect(after.receipts).toMatchObject([{ kind: 'charge', template: '01BLP', amount: 10_000 }]);
    expect(after.receipts[0].number).toMatch(/^\d{8}$/);
    expect(await columns(id)).toMatchObject({ fee_due: true, fee_paid_online: true });
    expect((await exported(code)).DuocThanhToanTrucTuyen).toBe('2');

    // The same IPN again (VNPay retries): "already confirmed", nothing changes.
    const replay = await fetch(lastIpn(started.reference).url);
    expect(await replay.json()).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    // A tampered one (amount changed, signature kept): refused, kept, and nothing changes.
    const tampered = new URL(lastIpn(started.reference).url);
    tampered.searchParams.set('vnp_Amount', '100');
    expect(await (await fetch(tampered)).json()).toMatchObject({ RspCode: '97' });
    const forged = await app.database.db
      .selectFrom('payment_callbacks')
      .select(['signature_valid', 'verdict'])
      .where('reference', '=', started.reference)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(forged).toMatchObject({ signature_valid: false });
    expect((await payments(citizen, id)).attempts).toHaveLength(1);
    expect(await count('payment_receipts', id)).toBe(1);

    // The receipt, as the citizen downloads it.
    const pdf = await citizen.request('GET', after.receipts[0].url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.rawPayload }).toString();
    expect(text).toContain('BIÊN LAI THU LỆ PHÍ ĐIỆN TỬ');
    expect(text).toContain(code);
    expect(text).toContain('10.000 ₫');
    expect(text).toContain('Mười nghìn đồng');
    // Nobody else's: another citizen does not even see the dossier.
    const stranger = await citizenClient(app, 'sub-stranger', '020085003499');
    expect((await stranger.request('GET', after.receipts[0].url)).statusCode).toBe(404);
    expect((await stranger.request('POST', `/api/v1/dossiers/${id}/payments`, { provider: 'vnpay' })).statusCode).toBe(404);
  });

  it('an IPN whose amount differs from the attempt is answered 04 and becomes a refund task, never a payment', async () => {
    const { id } = await submitOnline(citizen);
    const started = await startPayment(citizen, id, 'vnpay');
    const asked = Object.fromEntries(new URL(started.redirectUrl).searchParams);
    const secret = app.ctx.config.payments.simulator!.vnpay.hashSecret;
    const ipn: Record<string, string> = {
      vnp_TmnCode: asked.vnp_TmnCode!,
      vnp_Amount: '500000',
      vnp_BankCode: 'NCB',
      vnp_BankTranNo: 'VNP1',
      vnp_CardType: 'ATM',
      vnp_PayDate: asked.vnp_CreateDate!,
      vnp_OrderInfo: asked.vnp_OrderInfo!,
      vnp_TransactionNo: '14000001',
      vnp_ResponseCode: '00',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: started.reference,
    };
    const query = new URLSearchParams({ ...ipn, vnp_SecureHash: vnpaySignature(ipn, secret) });
    const answer = await fetch(`${app.baseUrl}/api/v1/payments/vnpay/ipn?${query}`);
    expect(await answer.json()).toMatchObject({ RspCode: '04' });
    const state = await payments(desk, id);
    expect(state.attempts).toMatchObject([{ status: 'amountMismatch', task: 'amountMismatch' }]);
    // The citizen sees the status, not the accountant's task.
    expect((await payments(citizen, id)).attempts).toMatchObject([{ status: 'amountMismatch', task: null }]);
    expect(state.lines[0].paid).toBe(false);
    expect(await columns(id)).toMatchObject({ fee_paid_online: false });
    // The accountant sees it and records the refund; a second, stale resolution is refused.
    const tasks = (await desk.request('GET', '/api/v1/payments/tasks')).json();
    const task = tasks.items.find((t: { dossierId: string }) => t.dossierId === id);
    expect(task.attempt.taskLabel).toContain('hoàn trả');
    const resolved = await desk.request('POST', `/api/v1/payments/${task.attempt.id}/resolve`, {
      resolution: 'refunded',
      expectedVersion: task.version,
      note: 'Đã hoàn trả qua VNPay',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const again = await desk.request('POST', `/api/v1/payments/${task.attempt.id}/resolve`, {
      resolution: 'refunded',
      expectedVersion: task.version,
      note: 'Lần hai',
    });
    expect(again.json().error.code).toBe('PAYMENT_STATE_CHANGED');
    // An unknown reference: "order not found" (VNPay retries), and it is kept.
    const unknown = { ...ipn, vnp_TxnRef: 'KHONGCO123', vnp_Amount: '1000000' };
    const lost = await fetch(
      `${app.baseUrl}/api/v1/payments/vnpay/ipn?${new URLSearchParams({ ...unknown, vnp_SecureHash: vnpaySignature(unknown, secret) })}`,
    );
    expect(await lost.json()).toMatchObject({ RspCode: '01' });
  });

  it('the national platform: a lost confirm callback is found by reconciliation; an abandoned VNPay payment expires', async () => {
    const { id, code } = await submitOnline(citizen);
    app.paymentSimulator!.setFaults({ dropRate: 1 });
    try {
      const started = await startPayment(citizen, id, 'nationalPlatform');
      expect(new URL(started.redirectUrl).pathname).toBe('/demo/payment-gateway/platform/pay');
      await decideOnGateway(started.redirectUrl, 'pay');
      await app.paymentSimulator!.idle();
    } finally {
      app.paymentSimulator!.setFaults({ dropRate: 0 });
    }
    expect((await payments(citizen, id)).attempts[0].status).toBe('initiated');
    const { id: abandonedId } = await submitOnline(citizen);
    const abandoned = await startPayment(citizen, abandonedId, 'vnpay');
    expect(await decideOnGateway(abandoned.redirectUrl, 'abandon')).toBeNull();
    // While the gateway's window is open the attempt may still be paid: a second one would take the money twice.
    expect((await payments(citizen, abandonedId)).canPayOnline).toBe(false);
    expect((await citizen.request('POST', `/api/v1/dossiers/${abandonedId}/payments`, { provider: 'nationalPlatform' })).json().error.code).toBe(
      'PAYMENT_IN_PROGRESS',
    );

    // Not yet: an attempt is asked about 15 minutes after it began.
    const deps = { ...app.ctx.deps, publicUrl: app.baseUrl };
    expect((await reconcilePayments(deps)).asked).toBe(0);
    const later = (minutes: number) => ({ ...deps, clock: () => new Date(Date.now() + minutes * 60_000) });
    const run = await reconcilePayments(later(16));
    expect(run).toMatchObject({ paid: 1, expired: 0 });
    const paid = await payments(citizen, id);
    expect(paid.attempts).toMatchObject([{ method: 'nationalPlatform', status: 'paid' }]);
    expect(paid.receipts).toHaveLength(1);
    expect(await columns(id)).toMatchObject({ fee_paid_online: true });
    expect((await exported(code)).DuocThanhToanTrucTuyen).toBe('1');
    // VNPay takes no money after its 15-minute window: 15 minutes after that, the abandoned attempt expires.
    expect((await reconcilePayments(later(31))).expired).toBeGreaterThanOrEqual(1);
    const gaveUp = await payments(citizen, abandonedId);
    expect(gaveUp.attempts).toMatchObject([{ status: 'expired' }]);
    expect(gaveUp).toMatchObject({ dueNow: 10_000, canPayOnline: true });
    expect(await columns(abandonedId)).toMatchObject({ fee_paid_online: false });
  });

  it('cash at the desk is recorded with its receipt and is never counted as paid online', async () => {
    const res = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.004873',
      channel: 'counter',
      applicant: { fullName: 'Lê Văn Tâm', personalId: '020190004321', address: null, phone: null, email: null },
      components: receivedComponents('1.004873'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    expect((await payments(desk, id)).canRecordAtDesk).toBe(true);
    const paid = await desk.request('POST', `/api/v1/dossiers/${id}/payments/desk`, { method: 'cash', note: null });
    expect(paid.statusCode, paid.body).toBe(201);
    const view = await payments(desk, id);
    expect(view.attempts).toMatchObject([{ method: 'cash', online: false, status: 'paid' }]);
    expect(view.receipts).toHaveLength(1);
    expect(await columns(id)).toMatchObject({ fee_due: true, fee_paid_online: false });
    expect((await desk.request('POST', `/api/v1/dossiers/${id}/payments/desk`, { method: 'cash', note: null })).json().error.code).toBe('NOTHING_TO_PAY');
  });

  it("an official's fee request is a line the citizen pays online, and the dossier then moves on by itself", async () => {
    const { id } = await submitOnline(citizen);
    // Reception lines paid first, at the desk, so that only the requested line is owed.
    await desk.request('POST', `/api/v1/dossiers/${id}/payments/desk`, { method: 'cash', note: null });
    const accept = await desk.request('POST', `/api/v1/dossiers/${id}/actions`, { type: 'accept', expectedSeq: 0 });
    expect(accept.statusCode, accept.body).toBe(200);
    const specialist = await Client.official(app, 'chuyenvien.tamthanh');
    for (const body of [
      { type: 'transfer', expectedSeq: 1, toStep: 1, note: null },
      { type: 'claim', expectedSeq: 2 },
    ]) {
      const who = body.type === 'claim' ? specialist : desk;
      const r = await who.request('POST', `/api/v1/dossiers/${id}/actions`, body);
      expect(r.statusCode, r.body).toBe(200);
    }
    const requested = await specialist.request('POST', `/api/v1/dossiers/${id}/actions`, {
      type: 'requestFee',
      expectedSeq: 3,
      amount: 25_000,
      note: 'Phí thẩm định hồ sơ bổ sung',
    });
    expect(requested.statusCode, requested.body).toBe(200);
    expect((await columns(id)).status).toBe('feeRequested');
    const owed = await payments(citizen, id);
    expect(owed.lines.at(-1)).toMatchObject({ source: 'official', moment: 'supplement', amount: 25_000, kind: 'fee', payableNow: true });
    expect(owed.dueNow).toBe(25_000);
    const started = await startPayment(citizen, id, 'vnpay');
    await decideOnGateway(started.redirectUrl, 'pay');
    await app.paymentSimulator!.idle();
    expect(await columns(id)).toMatchObject({ status: 'processing', fee_paid_online: true });
    const history = (await citizen.request('GET', `/api/v1/dossiers/${id}`)).json();
    expect(JSON.stringify(history)).toContain('payFee');
  });

  it('refuses what a client may not send, with a clear code', async () => {
    // Anyone may call the gateways' endpoints: nothing they send makes a 500, and an unsigned word changes nothing.
    const nul = await fetch(`${app.baseUrl}/api/v1/payments/vnpay/ipn?vnp_TxnRef=A%00B&vnp_Amount=1%00&x%00=1`);
    expect(nul.status).toBe(200);
    expect(await nul.json()).toMatchObject({ RspCode: '97' });
    const junk = await fetch(`${app.baseUrl}/api/v1/payments/national-platform/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"MaThamChieu":"\\u0000"}',
    });
    expect(junk.status).toBe(200);
    expect(await junk.json()).toMatchObject({ MaLoi: '99' });
    // A line being paid is not adjusted until the gateway has said (the payment would settle the old amount).
    const { id: open } = await submitOnline(citizen);
    await startPayment(citizen, open, 'vnpay');
    const line = (await payments(desk, open)).lines[0];
    const adjusted = await desk.request('POST', `/api/v1/dossiers/${open}/fees`, {
      name: line.name,
      kind: 'charge',
      amount: 0,
      moment: 'submission',
      reason: 'Người nộp được miễn lệ phí theo Nghị quyết của HĐND tỉnh',
      replaces: line.id,
    });
    expect(adjusted.json().error.code).toBe('PAYMENT_IN_PROGRESS');

    const { id } = await submitOnline(citizen);
    expect((await citizen.request('POST', `/api/v1/dossiers/${id}/payments`, { provider: 'momo' })).statusCode).toBe(400);
    expect((await desk.request('POST', `/api/v1/dossiers/${id}/payments`, { provider: 'vnpay' })).json().error.code).toBe('FORBIDDEN_ROLE');
    expect((await citizen.request('POST', `/api/v1/dossiers/${id}/payments/desk`, { method: 'cash', note: null })).statusCode).toBe(403);
    const adjust = await desk.request('POST', `/api/v1/dossiers/${id}/fees`, {
      name: 'Lệ phí',
      kind: 'charge',
      amount: 5000,
      moment: 'submission',
      reason: 'ngắn',
    });
    expect(adjust.statusCode).toBe(400);
    const lines = (await payments(desk, id)).lines;
    const replaced = await desk.request('POST', `/api/v1/dossiers/${id}/fees`, {
      name: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân (miễn)',
      kind: 'charge',
      amount: 0,
      moment: 'submission',
      reason: 'Người nộp thuộc hộ nghèo, được miễn lệ phí theo Nghị quyết của HĐND tỉnh',
      replaces: lines[0].id,
    });
    expect(replaced.statusCode, replaced.body).toBe(201);
    const after = await payments(citizen, id);
    expect(after).toMatchObject({ dueNow: 0, canPayOnline: false });
    expect(await columns(id)).toMatchObject({ fee_due: false });
    expect((await citizen.request('POST', `/api/v1/dossiers/${id}/payments`, { provider: 'vnpay' })).json().error.code).toBe('NOTHING_TO_PAY');
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', id)
      .where('action', '=', 'fee.adjusted')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ amount: 0, previousAmount: 10_000 });
  });
});

describe.each(ENGINES)('group 3b from payment records on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { listen: true, env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0', PAYMENT_RECONCILE_SECONDS: '86400' } });
  });
  afterAll(() => app.stop());

  it('3.5, 3.5b and 3.6 move by exactly the payments made, and the drill-down lists the dossiers not paid online', async () => {
    const citizen = await citizenClient(app, 'sub-3b', '020085003555');
    const desk = await Client.official(app, 'motcua.tamthanh');
    const leader = await Client.official(app, 'lanhdao.tamthanh');
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const query = `unit=000.00.31.H37&from=${today}&to=${today}`;
    const card = async () => {
      await drainStatQueue(app.ctx.deps);
      const res = await leader.request('GET', `/api/v1/scorecard?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const byId = new Map<string, { numerator: number; denominator: number }>();
      for (const g of res.json().groups) for (const i of g.indicators) byId.set(i.id, i);
      return (id: string) => byId.get(id)!;
    };
    const before = await card();
    // Three fee-bearing dossiers received today: one paid through VNPay, one through the national platform, one in cash.
    const submitted = [];
    for (const procedure of ['2.000635', '1.004873', '2.000635']) {
      const { id, code } = await submitOnline(citizen, procedure);
      const accepted = await desk.request('POST', `/api/v1/dossiers/${id}/actions`, { type: 'accept', expectedSeq: 0 });
      expect(accepted.statusCode, accepted.body).toBe(200);
      submitted.push({ id, code });
    }
    for (const [i, provider] of (['vnpay', 'nationalPlatform'] as const).entries()) {
      const started = await startPayment(citizen, submitted[i]!.id, provider);
      await decideOnGateway(started.redirectUrl, 'pay');
    }
    await app.paymentSimulator!.idle();
    expect((await desk.request('POST', `/api/v1/dossiers/${submitted[2]!.id}/payments/desk`, { method: 'cash', note: null })).statusCode).toBe(201);
    const after = await card();
    expect(after('3.6').denominator - before('3.6').denominator).toBe(3);
    expect(after('3.6').numerator - before('3.6').numerator).toBe(2);
    // Two procedures bore fees today (2.000635, 1.004873), and both were paid online at least once.
    expect(after('3.5').numerator - before('3.5').numerator).toBe(2);
    expect(after('3.5b').numerator - before('3.5b').numerator).toBe(2);
    expect(after('3.5b').denominator).toBe(before('3.5b').denominator);
    const drill = (await leader.request('GET', `/api/v1/scorecard/drilldown?${query}&indicator=3.6&limit=100`)).json();
    const listed = drill.dossiers.map((d: { code: string }) => d.code);
    expect(listed).toContain(submitted[2]!.code);
    expect(listed).not.toContain(submitted[0]!.code);
    expect(listed).not.toContain(submitted[1]!.code);
  });
});
