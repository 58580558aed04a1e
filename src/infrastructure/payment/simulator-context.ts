/**
 * What the two halves of the payment gateway simulator (VNPay, the national platform) share: the clock, the dice,
 * the faults in force, the callback dispatcher, and answers as plain values that the front (payment-gateway-simulator.ts)
 * writes out — so each protocol is a set of functions from a request to an answer, easy to read and to test.
 */
import type { SimulatedCallback } from './simulator-callbacks.js';

export interface PaymentGatewayFaults {
  /** Every answer is 503 (but /_faults). */
  down: boolean;
  /** Every answer waits this long first (but /_faults). */
  slowMs: number;
  /** Probability (0..1) a callback is never sent, nor retried. */
  dropRate: number;
  /** Probability (0..1) a callback is sent twice. */
  duplicateRate: number;
  /** Callbacks are held until flush() (or 20 are held), then sent in a shuffled order. */
  reorder: boolean;
  /** Each callback waits this long before it is sent. */
  callbackDelayMs: number;
  /** querydr answers vnp_TransactionStatus 01, QUERY answers TrangThaiGD 3, whatever happened. */
  queryPending: boolean;
  /** INIT and querydr answer with an error code. */
  refuse: boolean;
}

export const NO_FAULTS: Readonly<PaymentGatewayFaults> = Object.freeze({
  down: false,
  slowMs: 0,
  dropRate: 0,
  duplicateRate: 0,
  reorder: false,
  callbackDelayMs: 0,
  queryPending: false,
  refuse: false,
});

export interface SimulatorContext {
  /** Absolute URL where the simulator is reached, without a trailing slash. */
  publicBaseUrl: string;
  now(): Date;
  /** In [0, 1); seedable, for the simulated codes and the faults' dice. */
  random(): number;
  faults(): Readonly<PaymentGatewayFaults>;
  deliver(callback: SimulatedCallback): void;
}

export interface SimulatorAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export const htmlAnswer = (status: number, body: string): SimulatorAnswer => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });

export const jsonAnswer = (status: number, value: unknown): SimulatorAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});

export const redirectAnswer = (location: string): SimulatorAnswer => ({ status: 303, headers: { location }, body: '' });

/** `base` with a query string appended (after its own, if it has one). */
export const withQuery = (base: string, query: string): string => `${base}${base.includes('?') ? '&' : '?'}${query}`;

/** A request's parameters with one value each; null when any is repeated (a repeated signed field is a forgery attempt). */
export function singleValued(params: URLSearchParams): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(fields, key)) return null;
    fields[key] = value;
  }
  return fields;
}

/** A JSON object, or null for anything else. */
export function parseJsonObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Digits the length of `length`, the first not 0. */
export function randomDigits(random: () => number, length: number): string {
  let digits = String(1 + Math.floor(random() * 9));
  while (digits.length < length) digits += String(Math.floor(random() * 10));
  return digits;
}
