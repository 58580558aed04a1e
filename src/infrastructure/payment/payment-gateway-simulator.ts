/**
 * A local payment gateway for demos and tests that speaks both protocols motcua pays through — VNPay 2.1.0 and the
 * national platform 1.0.6 — exactly, so the adapters that talk to the real gateways talk to it unchanged. A citizen
 * gets a Vietnamese pay page and chooses the outcome; the merchant gets signed callbacks and signed query answers.
 * Faults a real gateway shows can be switched on (GET/POST /_faults, or setFaults): down, slow, callbacks dropped,
 * doubled, reordered or late, queries stuck on pending, requests refused.
 *
 * `handle` serves one request whose URL is relative to the simulator's base (a host app mounting it strips its
 * prefix) and reads the raw body itself. Routes:
 *   GET  /paymentv2/vpcpay.html   POST /paymentv2/decide   POST /merchant_webapi/api/transaction   (VNPay)
 *   POST /platform/api            GET  /platform/pay       POST /platform/decide                   (national platform)
 *   GET|POST /_faults             POST /_flush (send the callbacks held for reordering)
 */
import { listenOn } from '../simulators/simulator-kit.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createCallbackDispatcher, type CallbackDelivery } from './simulator-callbacks.js';
import {
  NO_FAULTS,
  htmlAnswer,
  jsonAnswer,
  parseJsonObject,
  type PaymentGatewayFaults,
  type SimulatorAnswer,
  type SimulatorContext,
} from './simulator-context.js';
import { errorPage } from './simulator-pages.js';
import { createPlatformSimulator, type SimulatedPlatformPartner } from './simulator-platform.js';
import { createVnpaySimulator, type SimulatedVnpayMerchant } from './simulator-vnpay.js';
import type { FetchFunction } from './payment-wire.js';

export type { PaymentGatewayFaults } from './simulator-context.js';
export type { CallbackDelivery } from './simulator-callbacks.js';
export type { SimulatedPlatformPartner } from './simulator-platform.js';
export type { SimulatedVnpayMerchant } from './simulator-vnpay.js';

export interface PaymentGatewaySimulatorOptions {
  /** Absolute URL where handle() is reachable, for the pay links it hands out. */
  publicBaseUrl: string;
  vnpayMerchants: SimulatedVnpayMerchant[];
  platformPartners: SimulatedPlatformPartner[];
  /** For callbacks (default the global fetch). */
  fetch?: FetchFunction;
  now?: () => Date;
  /** Between two calls of the same VNPay IPN (default 5 minutes, as VNPay). */
  ipnRetryMs?: number;
  /** In [0, 1): the simulated codes and the faults' dice (default Math.random). */
  random?: () => number;
}

export interface PaymentGatewaySimulator {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  setFaults(partial: Partial<PaymentGatewayFaults>): PaymentGatewayFaults;
  faults(): PaymentGatewayFaults;
  /** Sends the callbacks held for reordering, shuffled; resolves once they are on their way (idle() waits for them). */
  flush(): Promise<void>;
  /** Resolves when no callback is being sent, delayed or waiting for a retry. */
  idle(): Promise<void>;
  /** Every callback call made (or dropped), oldest first. */
  deliveries(): readonly CallbackDelivery[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const FAULT_FLAGS = ['down', 'reorder', 'queryPending', 'refuse'] as const;
const FAULT_DURATIONS = ['slowMs', 'callbackDelayMs'] as const;
const FAULT_RATES = ['dropRate', 'duplicateRate'] as const;

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The faults in `input` that are valid, or a message naming the first that is not. */
function parseFaults(input: Record<string, unknown>): Partial<PaymentGatewayFaults> | string {
  const out: Partial<PaymentGatewayFaults> = {};
  for (const [key, value] of Object.entries(input)) {
    if ((FAULT_FLAGS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') return `${key} must be true or false.`;
      out[key as (typeof FAULT_FLAGS)[number]] = value;
    } else if ((FAULT_DURATIONS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return `${key} must be a number of milliseconds ≥ 0.`;
      out[key as (typeof FAULT_DURATIONS)[number]] = value;
    } else if ((FAULT_RATES as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) return `${key} must be a probability between 0 and 1.`;
      out[key as (typeof FAULT_RATES)[number]] = value;
    } else return `Unknown fault ${key}.`;
  }
  return out;
}

export function createPaymentGatewaySimulator(options: PaymentGatewaySimulatorOptions): PaymentGatewaySimulator {
  let faults: PaymentGatewayFaults = { ...NO_FAULTS };
  const random = options.random ?? Math.random;
  const dispatcher = createCallbackDispatcher({ fetch: options.fetch ?? fetch, random, faults: () => faults, retryMs: options.ipnRetryMs ?? 5 * 60_000 });
  const ctx: SimulatorContext = {
    publicBaseUrl: options.publicBaseUrl.replace(/\/+$/, ''),
    now: options.now ?? (() => new Date()),
    random,
    faults: () => faults,
    deliver: (callback) => dispatcher.deliver(callback),
  };
  const vnpay = createVnpaySimulator(ctx, options.vnpayMerchants);
  const platform = createPlatformSimulator(ctx, options.platformPartners);
  const waking = new Set<() => void>();
  let closed = false;

  const setFaults = (partial: Partial<PaymentGatewayFaults>) => {
    faults = { ...faults, ...partial };
    return { ...faults };
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        waking.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waking.add(wake);
    });

  async function route(method: string, path: string, query: URLSearchParams, body: string): Promise<SimulatorAnswer> {
    const form = () => new URLSearchParams(body);
    const routes: Record<string, () => SimulatorAnswer | Promise<SimulatorAnswer>> = {
      'GET /paymentv2/vpcpay.html': () => vnpay.payPage(query),
      'POST /paymentv2/decide': () => vnpay.decide(form()),
      'POST /merchant_webapi/api/transaction': () => vnpay.api(body),
      'POST /platform/api': () => platform.api(body),
      'GET /platform/pay': () => platform.payPage(query),
      'POST /platform/decide': () => platform.decide(form()),
      'GET /_faults': () => jsonAnswer(200, faults),
      'POST /_faults': () => {
        const parsed = parseFaults(parseJsonObject(body) ?? { '(body)': null });
        return typeof parsed === 'string' ? jsonAnswer(400, { error: parsed }) : jsonAnswer(200, setFaults(parsed));
      },
      'POST /_flush': async () => {
        await dispatcher.flush();
        return jsonAnswer(200, { held: dispatcher.held() });
      },
    };
    const handler = routes[`${method} ${path}`];
    if (handler) return handler();
    const known = Object.keys(routes).some((key) => key.endsWith(` ${path}`));
    return htmlAnswer(known ? 405 : 404, errorPage('Cổng thanh toán mô phỏng', 'Không tìm thấy trang', 'Địa chỉ này không có trên cổng thanh toán mô phỏng.'));
  }

  function write(res: ServerResponse, answer: SimulatorAnswer): void {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(answer.status, { 'cache-control': 'no-store', ...answer.headers });
    res.end(answer.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://simulator.invalid');
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
      if (url.pathname !== '/_faults') {
        if (faults.slowMs > 0) await pause(faults.slowMs);
        if (closed) return void res.destroy();
        if (faults.down) return write(res, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Hệ thống đang bảo trì.' });
      }
      write(res, await route(method, url.pathname, url.searchParams, body));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      write(res, htmlAnswer(tooLarge ? 413 : 500, errorPage('Cổng thanh toán mô phỏng', 'Lỗi', tooLarge ? 'Yêu cầu quá lớn.' : 'Lỗi không xác định.')));
    }
  }

  return {
    handle,
    setFaults,
    faults: () => ({ ...faults }),
    flush: () => dispatcher.flush(),
    idle: () => dispatcher.idle(),
    deliveries: () => dispatcher.deliveries(),
    async close() {
      closed = true;
      for (const wake of [...waking]) wake();
      await dispatcher.close();
    },
  };
}

/** The simulator on its own HTTP server (port 0 picks a free one); publicBaseUrl defaults to the server's own URL. */
export async function startPaymentGatewaySimulator(
  options: Omit<PaymentGatewaySimulatorOptions, 'publicBaseUrl'> & { publicBaseUrl?: string; host?: string; port?: number },
): Promise<{ url: string; simulator: PaymentGatewaySimulator; close(): Promise<void> }> {
  let simulator: PaymentGatewaySimulator | null = null;
  const server = createServer((req, res) => {
    if (simulator) void simulator.handle(req, res);
    else res.writeHead(503).end();
  });
  const url = await listenOn(server, options.host ?? '127.0.0.1', options.port ?? 0);
  const sim = createPaymentGatewaySimulator({ ...options, publicBaseUrl: options.publicBaseUrl ?? url });
  simulator = sim;
  return {
    url,
    simulator: sim,
    async close() {
      await sim.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
