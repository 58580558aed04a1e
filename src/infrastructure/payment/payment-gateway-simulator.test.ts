import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GatewayUnavailableError, type PaymentGateway, type StartPaymentInput } from '../../domain/payment/gateway.js';
import { createPaymentGateways } from './payment-gateways.js';
import { startPaymentGatewaySimulator } from './payment-gateway-simulator.js';
import { NO_FAULTS } from './simulator-context.js';
import { vnpayRefund, type VnpayAccount } from './vnpay.js';

// The simulator as a merchant meets it: the real adapters (payment-gateways.ts) against it, and a local merchant
// server receiving its callbacks and answering them with the adapters' own verdicts.

interface Received {
  method: string;
  url: string;
  body: string;
}

/** Seeded dice (mulberry32), so the simulated codes and the faults are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

let received: Received[] = [];
let reply: ((request: Received) => unknown) | null = null;
const merchant = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const request = { method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') };
    received.push(request);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify((reply ?? verdictReply)(request)));
  });
});

let merchantUrl = '';
let sim: Awaited<ReturnType<typeof startPaymentGatewaySimulator>>;
let gateways: ReturnType<typeof createPaymentGateways>;
let vnpay: PaymentGateway;
let platform: PaymentGateway;
let vnpayAccount: VnpayAccount;
const RETURN_URL = 'https://motcua.example.gov.vn/thanh-toan/ket-qua';

/** The merchant's answer: the adapter's verdict on the callback (confirmed when valid). */
function verdictReply(request: Received): unknown {
  const raw: Record<string, unknown> = request.url.startsWith('/ipn')
    ? Object.fromEntries(new URL(request.url, 'http://merchant').searchParams)
    : (JSON.parse(request.body) as Record<string, unknown>);
  const gateway = gateways.forCallback(request.url.startsWith('/ipn') ? 'vnpay' : 'nationalPlatform', raw)!;
  return gateway.callbackReply(raw, gateway.verifyCallback(raw).valid ? 'confirmed' : 'invalidSignature');
}

beforeAll(async () => {
  merchantUrl = await listen(merchant);
  sim = await startPaymentGatewaySimulator({
    vnpayMerchants: [
      { tmnCode: 'SIMTMN01', hashSecret: 'SIM-VNPAY-SECRET', ipnUrl: `${merchantUrl}/ipn` },
      { tmnCode: 'SIMTMN02', hashSecret: 'SIM-VNPAY-SECRET-2', ipnUrl: 'http://127.0.0.1:9/ipn' },
    ],
    platformPartners: [{ partnerCode: 'SIMPARTNER', secret: 'SIM-PLATFORM-SECRET', confirmUrl: `${merchantUrl}/confirm`, returnUrl: RETURN_URL }],
    ipnRetryMs: 20,
    random: seeded(18),
  });
  vnpayAccount = {
    tmnCode: 'SIMTMN01',
    hashSecret: 'SIM-VNPAY-SECRET',
    payUrl: `${sim.url}/paymentv2/vpcpay.html`,
    apiUrl: `${sim.url}/merchant_webapi/api/transaction`,
    timeoutMs: 3_000,
  };
  gateways = createPaymentGateways({
    default: {
      vnpay: vnpayAccount,
      nationalPlatform: { partnerCode: 'SIMPARTNER', secret: 'SIM-PLATFORM-SECRET', apiUrl: `${sim.url}/platform/api`, timeoutMs: 3_000 },
    },
    units: { UNREACHABLE: { vnpay: { ...vnpayAccount, tmnCode: 'SIMTMN02', hashSecret: 'SIM-VNPAY-SECRET-2' } } },
  });
  vnpay = gateways.for('H01', 'vnpay')!;
  platform = gateways.for('H01', 'nationalPlatform')!;
});

afterEach(async () => {
  sim.simulator.setFaults(NO_FAULTS);
  await sim.simulator.flush();
  await sim.simulator.idle();
  received = [];
  reply = null;
});

afterAll(async () => {
  await sim.close();
  await new Promise((resolve) => merchant.close(resolve));
});

let counter = 0;
function attemptInput(changes: Partial<StartPaymentInput> = {}): StartPaymentInput {
  const now = Date.now();
  return {
    reference: `SIM${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase(),
    amount: 75_000,
    description: 'Lệ phí cấp giấy phép xây dựng',
    returnUrl: RETURN_URL,
    ip: '203.113.1.25',
    createdAt: new Date(now),
    expiresAt: new Date(now + 15 * 60_000),
    receipt: {
      dossierCode: 'H01-260101-0001',
      procedureCode: '1.009994',
      procedureName: 'Cấp giấy phép xây dựng',
      unitCode: 'H01',
      unitName: 'UBND huyện Ba Vì',
      payerName: 'Nguyễn Văn A',
      lines: [{ kind: 'charge', code: 'L01', name: 'Lệ phí cấp giấy phép', amount: 75_000 }],
    },
    ...changes,
  };
}
const queryOf = (input: StartPaymentInput) => ({ reference: input.reference, createdAt: input.createdAt, description: input.description, ip: input.ip });

/** Starts an attempt at VNPay, opens the pay page and makes a choice; the page and the answer to the choice. */
async function payAtVnpay(outcome: 'pay' | 'fail' | 'abandon', input = attemptInput(), gateway = vnpay) {
  const { redirectUrl } = await gateway.start(input);
  const page = await fetch(redirectUrl);
  const tmnCode = new URL(redirectUrl).searchParams.get('vnp_TmnCode')!;
  const form = new URLSearchParams({ txnRef: input.reference, tmnCode, outcome });
  const decided = await fetch(`${sim.url}/paymentv2/decide`, { method: 'POST', body: form, redirect: 'manual' });
  return { input, page: { status: page.status, html: await page.text() }, decided, location: decided.headers.get('location') ?? '' };
}

const ipns = () => received.filter((r) => r.url.startsWith('/ipn'));
const ipnQuery = (r: Received) => Object.fromEntries(new URL(r.url, 'http://merchant').searchParams);

describe('payment gateway simulator — VNPay', () => {
  it('pays: Vietnamese pay page, signed return redirect, signed IPN the adapter accepts, querydr says paid', async () => {
    const { input, page, decided, location } = await payAtVnpay('pay');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="vi">');
    expect(page.html).toContain('75.000 ₫');
    expect(page.html).toContain('SIMTMN01');
    expect(page.html).toMatch(/<button[^>]*value="pay"[^>]*>Thanh toán<\/button>/);
    expect(page.html).toContain('Thanh toán không thành công');
    expect(page.html).toContain('Bỏ dở');
    expect(decided.status).toBe(303);
    expect(location.startsWith(`${RETURN_URL}?`)).toBe(true);
    const back = vnpay.verifyCallback(Object.fromEntries(new URL(location).searchParams));
    expect(back).toMatchObject({ valid: true, outcome: { reference: input.reference, outcome: 'paid', amount: 75_000 } });

    await sim.simulator.idle();
    expect(ipns()).toHaveLength(1);
    const verified = vnpay.verifyCallback(ipnQuery(ipns()[0]!));
    expect(verified).toMatchObject({ valid: true, outcome: { outcome: 'paid', code: '00/00', bankCode: 'NCB' } });
    expect(sim.simulator.deliveries().filter((d) => d.reference === input.reference)).toMatchObject([{ attempt: 1, status: 200, reply: '00' }]);

    const queried = await vnpay.query(queryOf(input));
    expect(queried).toMatchObject({ outcome: 'paid', amount: 75_000, code: '00/00' });
    expect(queried.providerTransactionId).toBe(verified.valid ? verified.outcome.providerTransactionId : 'none');
  });

  it('fails with 24 or 51 / 02, told by IPN and querydr', async () => {
    const { input } = await payAtVnpay('fail');
    await sim.simulator.idle();
    const verified = vnpay.verifyCallback(ipnQuery(ipns()[0]!));
    expect(verified.valid && verified.outcome.outcome).toBe('failed');
    expect(verified.valid && verified.outcome.code).toMatch(/^(24|51)\/02$/);
    expect(await vnpay.query(queryOf(input))).toMatchObject({ outcome: 'failed' });
  });

  it('abandons: a page with a link back, no IPN, still pending', async () => {
    const { input, decided } = await payAtVnpay('abandon');
    expect(decided.status).toBe(200);
    const html = await decided.text();
    expect(html).toContain('Bạn đã rời trang thanh toán');
    expect(html).toContain(`href="${RETURN_URL}"`);
    await sim.simulator.idle();
    expect(ipns()).toHaveLength(0);
    expect(await vnpay.query(queryOf(input))).toMatchObject({ outcome: 'pending', code: '00/01' });
  });

  it('cannot pay after vnp_ExpireDate (11) and refuses a tampered pay URL', async () => {
    const past = Date.now() - 30 * 60_000;
    const { location } = await payAtVnpay('pay', attemptInput({ createdAt: new Date(past), expiresAt: new Date(past + 15 * 60_000) }));
    expect(new URL(location).searchParams.get('vnp_ResponseCode')).toBe('11');
    const { redirectUrl } = await vnpay.start(attemptInput());
    const tampered = await fetch(redirectUrl.replace('vnp_Amount=7500000', 'vnp_Amount=100'));
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('Sai chữ ký');
  });

  it('calls the IPN again while the merchant answers 99, and stops at 00', async () => {
    let calls = 0;
    reply = () => ({ RspCode: ++calls < 3 ? '99' : '00', Message: '' });
    const { input } = await payAtVnpay('pay');
    await sim.simulator.idle();
    expect(ipns()).toHaveLength(3);
    expect(new Set(ipns().map((r) => r.url)).size).toBe(1);
    expect(
      sim.simulator
        .deliveries()
        .filter((d) => d.reference === input.reference)
        .map((d) => d.reply),
    ).toEqual(['99', '99', '00']);
  });

  it('survives a merchant that cannot be reached: ten calls, then it gives up', async () => {
    const { input } = await payAtVnpay('pay', attemptInput(), gateways.for('UNREACHABLE', 'vnpay')!);
    await sim.simulator.idle();
    const tries = sim.simulator.deliveries().filter((d) => d.reference === input.reference);
    expect(tries).toHaveLength(10);
    expect(tries.every((d) => d.status === null && d.error)).toBe(true);
  });

  it('refunds a paid transaction once (05), then 94; 95 for one not paid', async () => {
    const { input } = await payAtVnpay('pay');
    const refund = {
      reference: input.reference,
      amount: 75_000,
      full: true,
      transactionNo: null,
      transactionDate: input.createdAt,
      createdBy: 'canbo01',
      ip: '10.0.0.5',
      description: 'Hoàn phí',
    };
    expect(await vnpayRefund(vnpayAccount, refund)).toMatchObject({ accepted: true, code: '00', transactionStatus: '05' });
    expect(await vnpayRefund(vnpayAccount, refund)).toMatchObject({ accepted: false, code: '94' });
    const unpaid = await payAtVnpay('fail');
    expect(await vnpayRefund(vnpayAccount, { ...refund, reference: unpaid.input.reference, transactionDate: unpaid.input.createdAt })).toMatchObject({
      code: '95',
    });
    expect(await vnpay.query({ ...queryOf(input), reference: 'NEVERSEEN' })).toMatchObject({ outcome: 'pending', code: '91' });
  });
});

describe('payment gateway simulator — faults', () => {
  it('drop: no callback is ever sent, but querydr still says paid', async () => {
    sim.simulator.setFaults({ dropRate: 1 });
    const { input } = await payAtVnpay('pay');
    await sim.simulator.idle();
    expect(ipns()).toHaveLength(0);
    expect(await vnpay.query(queryOf(input))).toMatchObject({ outcome: 'paid' });
  });

  it('duplicate: the same callback twice', async () => {
    sim.simulator.setFaults({ duplicateRate: 1 });
    await payAtVnpay('pay');
    await sim.simulator.idle();
    expect(ipns()).toHaveLength(2);
    expect(ipns()[0]!.url).toBe(ipns()[1]!.url);
  });

  it('reorder: callbacks are held until flush, then all sent', async () => {
    sim.simulator.setFaults({ reorder: true });
    const refs = [];
    for (let i = 0; i < 4; i++) refs.push((await payAtVnpay('pay')).input.reference);
    await sim.simulator.idle();
    expect(ipns()).toHaveLength(0);
    await sim.simulator.flush();
    await sim.simulator.idle();
    expect(
      ipns()
        .map((r) => ipnQuery(r).vnp_TxnRef)
        .sort(),
    ).toEqual([...refs].sort());
  });

  it('callbackDelayMs: the browser is redirected before the callback is sent', async () => {
    sim.simulator.setFaults({ callbackDelayMs: 1_000 });
    const { decided } = await payAtVnpay('pay');
    expect(decided.status).toBe(303);
    expect(ipns()).toHaveLength(0);
    await sim.simulator.idle();
    expect(ipns()).toHaveLength(1);
  });

  it('queryPending: querydr answers 01 and QUERY answers 3 for paid attempts', async () => {
    const { input } = await payAtVnpay('pay');
    sim.simulator.setFaults({ queryPending: true });
    expect(await vnpay.query(queryOf(input))).toMatchObject({ outcome: 'pending', code: '00/01' });
  });

  it('down: every answer is 503 and the adapters throw GatewayUnavailableError; /_faults still answers', async () => {
    const input = attemptInput();
    sim.simulator.setFaults({ down: true });
    await expect(platform.start(input)).rejects.toBeInstanceOf(GatewayUnavailableError);
    await expect(vnpay.query(queryOf(input))).rejects.toBeInstanceOf(GatewayUnavailableError);
    const faults = await fetch(`${sim.url}/_faults`, { method: 'POST', body: JSON.stringify({ down: false }) });
    expect(await faults.json()).toMatchObject({ down: false });
    expect((await fetch(`${sim.url}/_faults`, { method: 'POST', body: JSON.stringify({ dropRate: 2 }) })).status).toBe(400);
  });

  it('slowMs beyond the adapter timeout: GatewayUnavailableError, not a hang', async () => {
    sim.simulator.setFaults({ slowMs: 1_000 });
    const impatient = createPaymentGateways({ default: { vnpay: { ...vnpayAccount, timeoutMs: 100 } }, units: {} }).for('H01', 'vnpay')!;
    await expect(impatient.query(queryOf(attemptInput()))).rejects.toThrow(GatewayUnavailableError);
  });

  it('refuse: INIT and querydr answer with an error code', async () => {
    sim.simulator.setFaults({ refuse: true });
    await expect(platform.start(attemptInput())).rejects.toThrow(/từ chối/);
    await expect(vnpay.query(queryOf(attemptInput()))).rejects.toThrow(/mã 99/);
  });
});

describe('payment gateway simulator — national platform', () => {
  it('INIT → pay → signed confirm → QUERY paid → GET_BILL PDF', async () => {
    const input = attemptInput();
    const { redirectUrl } = await platform.start(input);
    expect(redirectUrl).toBe(`${sim.url}/platform/pay?ref=${input.reference}&partner=SIMPARTNER`);
    const page = await fetch(redirectUrl);
    expect(await page.text()).toContain('75.000 ₫');
    expect(await platform.bill({ reference: input.reference, createdAt: input.createdAt })).toBeNull();

    const form = new URLSearchParams({ ref: input.reference, partner: 'SIMPARTNER', outcome: 'pay' });
    const decided = await fetch(`${sim.url}/platform/decide`, { method: 'POST', body: form, redirect: 'manual' });
    expect(decided.headers.get('location')).toBe(`${RETURN_URL}?MaThamChieu=${input.reference}`);
    await sim.simulator.idle();
    const confirms = received.filter((r) => r.url === '/confirm');
    expect(confirms).toHaveLength(1);
    expect(platform.verifyCallback(JSON.parse(confirms[0]!.body) as Record<string, unknown>)).toMatchObject({
      valid: true,
      outcome: { reference: input.reference, outcome: 'paid', amount: 75_000, code: '00' },
    });
    expect(sim.simulator.deliveries().filter((d) => d.reference === input.reference)).toMatchObject([{ reply: '00' }]);

    expect(await platform.query(queryOf(input))).toMatchObject({ outcome: 'paid', amount: 75_000, code: '00/1' });
    const bill = await platform.bill({ reference: input.reference, createdAt: input.createdAt });
    const text = Buffer.from(bill!).toString('latin1');
    expect(text.startsWith('%PDF')).toBe(true);
    expect(text).toContain(input.reference);
    expect(text).toContain('75.000 VND');
  });

  it('a failed payment is confirmed with MaLoi other than 00 and QUERY says 4; queryPending says 3', async () => {
    const input = attemptInput();
    await platform.start(input);
    await fetch(`${sim.url}/platform/decide`, {
      method: 'POST',
      body: new URLSearchParams({ ref: input.reference, partner: 'SIMPARTNER', outcome: 'fail' }),
      redirect: 'manual',
    });
    await sim.simulator.idle();
    const confirmed = platform.verifyCallback(JSON.parse(received[0]!.body) as Record<string, unknown>);
    expect(confirmed).toMatchObject({ valid: true, outcome: { outcome: 'failed' } });
    expect(await platform.query(queryOf(input))).toMatchObject({ outcome: 'failed', code: '00/4' });
    sim.simulator.setFaults({ queryPending: true });
    expect(await platform.query(queryOf(input))).toMatchObject({ outcome: 'pending', code: '00/3' });
  });
});
