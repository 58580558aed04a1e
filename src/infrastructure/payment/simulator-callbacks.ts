/**
 * How the payment gateway simulator calls merchants back, server to server, the way the real gateways do and fail:
 * never in the browser's way (each delivery runs on its own), never fatal (a refused connection is logged, not
 * thrown), and subject to the faults a test or demo sets — callbacks dropped, sent twice, held and sent out of
 * order, or late. VNPay's IPN is called again every `retryMs` until the merchant answers RspCode 00 or 02, at most
 * ten times in all (INTEGRATIONS §1.1); the national platform's confirm is sent once.
 */
import type { OnlineProvider } from '../../domain/payment/gateway.js';
import type { FetchFunction } from './payment-wire.js';

export interface SimulatedCallback {
  provider: OnlineProvider;
  reference: string;
  method: 'GET' | 'POST';
  url: string;
  /** JSON, for POST. */
  body?: string;
}

/** One attempt at a callback, or the decision not to send it. */
export interface CallbackDelivery {
  provider: OnlineProvider;
  reference: string;
  url: string;
  /** 1 for the first call; 0 for a dropped callback. */
  attempt: number;
  /** HTTP status of the merchant's answer; null when it did not answer (or the callback was dropped). */
  status: number | null;
  /** The merchant's RspCode (VNPay) or MaLoi (platform); null when absent. */
  reply: string | null;
  error?: string;
}

export interface CallbackFaults {
  dropRate: number;
  duplicateRate: number;
  reorder: boolean;
  callbackDelayMs: number;
}

export interface CallbackDispatcher {
  deliver(callback: SimulatedCallback): void;
  /** Sends the callbacks held for reordering, in a shuffled order; resolves once they are on their way. */
  flush(): Promise<void>;
  /** Resolves when no callback is being sent, waiting for a retry or delayed; held callbacks do not count. */
  idle(): Promise<void>;
  held(): number;
  deliveries(): readonly CallbackDelivery[];
  close(): Promise<void>;
}

/** VNPay calls an IPN at most this many times (INTEGRATIONS §1.1). */
const MAX_IPN_CALLS = 10;
/** Reordering holds this many callbacks at most before sending them anyway. */
const MAX_HELD = 20;
const CALLBACK_TIMEOUT_MS = 10_000;
const MAX_LOG = 1000;

export function createCallbackDispatcher(options: {
  fetch: FetchFunction;
  random: () => number;
  faults: () => CallbackFaults;
  retryMs: number;
}): CallbackDispatcher {
  const held: SimulatedCallback[] = [];
  const inflight = new Set<Promise<void>>();
  const sleeping = new Set<() => void>();
  const log: CallbackDelivery[] = [];
  const stop = new AbortController();
  let closed = false;

  const record = (entry: CallbackDelivery) => {
    log.push(entry);
    if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
  };

  /** Waits `ms`, or less when the dispatcher closes. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleeping.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      sleeping.add(wake);
    });

  async function call(callback: SimulatedCallback, attempt: number): Promise<boolean> {
    const entry: CallbackDelivery = { provider: callback.provider, reference: callback.reference, url: callback.url, attempt, status: null, reply: null };
    try {
      const res = await options.fetch(callback.url, {
        method: callback.method,
        headers: callback.body === undefined ? {} : { 'content-type': 'application/json' },
        body: callback.body,
        redirect: 'manual',
        signal: AbortSignal.any([stop.signal, AbortSignal.timeout(CALLBACK_TIMEOUT_MS)]),
      });
      entry.status = res.status;
      const answer = JSON.parse(await res.text()) as Record<string, unknown>;
      const code = callback.provider === 'vnpay' ? answer.RspCode : answer.MaLoi;
      entry.reply = typeof code === 'string' ? code : null;
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
    }
    record(entry);
    return entry.reply === '00' || entry.reply === '02';
  }

  async function send(callback: SimulatedCallback): Promise<void> {
    const delay = options.faults().callbackDelayMs;
    if (delay > 0) await sleep(delay);
    const calls = callback.provider === 'vnpay' ? MAX_IPN_CALLS : 1;
    for (let attempt = 1; attempt <= calls && !closed; attempt++) {
      if (await call(callback, attempt)) return;
      if (attempt < calls) await sleep(options.retryMs);
    }
  }

  const start = (callback: SimulatedCallback) => {
    if (closed) return;
    const task: Promise<void> = send(callback)
      .catch(() => undefined)
      .finally(() => inflight.delete(task));
    inflight.add(task);
  };

  const release = () => {
    const batch = held.splice(0, held.length);
    for (let i = batch.length - 1; i > 0; i--) {
      const j = Math.floor(options.random() * (i + 1));
      [batch[i], batch[j]] = [batch[j]!, batch[i]!];
    }
    for (const callback of batch) start(callback);
  };

  return {
    deliver(callback) {
      if (closed) return;
      const faults = options.faults();
      if (options.random() < faults.dropRate) {
        record({ provider: callback.provider, reference: callback.reference, url: callback.url, attempt: 0, status: null, reply: null, error: 'dropped' });
        return;
      }
      const copies = options.random() < faults.duplicateRate ? 2 : 1;
      for (let i = 0; i < copies; i++) {
        if (!faults.reorder) start(callback);
        else {
          held.push(callback);
          if (held.length >= MAX_HELD) release();
        }
      }
    },
    async flush() {
      release();
    },
    async idle() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
    held: () => held.length,
    deliveries: () => log,
    async close() {
      closed = true;
      held.length = 0;
      stop.abort();
      for (const wake of [...sleeping]) wake();
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
  };
}
