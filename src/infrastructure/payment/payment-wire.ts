/**
 * What the two payment protocols (VNPay 2.1.0, the national platform 1.0.6) share on the wire: timestamps as
 * yyyyMMddHHmmss on a 24-hour clock in GMT+7 whatever the server's time zone, text reduced to plain ASCII where a
 * gateway forbids diacritics, hex signatures compared in constant time and regardless of case, and calls that
 * never hang — every call is bounded by a timeout and every failure becomes a GatewayUnavailableError.
 */
import { timingSafeEqual } from 'node:crypto';
import { VIETNAM_OFFSET_MS, vietnamFields } from '../../domain/calendar/vietnam-time.js';
import { GatewayUnavailableError } from '../../domain/payment/gateway.js';

export type FetchFunction = typeof fetch;

/** How long a gateway may take to answer a call, unless its account says otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** yyyyMMddHHmmss of an instant in Vietnam (GMT+7, 24-hour clock): 15:30 is 153000, never 033000. */
export function gmt7Stamp(instant: Date): string {
  const f = vietnamFields(instant);
  return `${pad(f.year, 4)}${pad(f.month)}${pad(f.day)}${pad(f.hours)}${pad(f.minutes)}${pad(f.seconds)}`;
}

/** The instant a yyyyMMddHHmmss GMT+7 stamp names; null when it is not one. */
export function parseGmt7Stamp(stamp: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return null;
  const [year, month, day, hours, minutes, seconds] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  if (new Date(utc).getUTCDate() !== day) return null;
  return new Date(utc - VIETNAM_OFFSET_MS);
}

/** Vietnamese text without diacritics (đ → d) and with only [A-Za-z0-9 ], spaces collapsed, at most `max` characters. */
export function asciiText(text: string, max = 255): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** Two hex digests are the same, whatever the case of either (constant time for equal lengths). */
export function sameHex(expected: string, received: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(received.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A field of a parsed message as text: strings as they are, numbers written out, anything else empty. */
export function field(raw: Record<string, unknown>, name: string): string {
  const value = raw[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

const timedOut = (error: unknown) => error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

/** 1500 → "1,5" (Vietnamese decimal comma). */
const seconds = (ms: number) => String(Math.round(ms / 100) / 10).replace('.', ',');

/** One call to a gateway, bounded by `timeoutMs`: no answer, a network error or an HTTP error status → GatewayUnavailableError. */
export async function callGateway(fetchFn: FetchFunction, url: string, init: RequestInit, timeoutMs: number, gateway: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const why = timedOut(error) ? `không trả lời trong ${seconds(timeoutMs)} giây` : 'không kết nối được';
    throw new GatewayUnavailableError(`${gateway} ${why}.`, { cause: error });
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new GatewayUnavailableError(`${gateway} trả lời lỗi HTTP ${res.status}.`);
  }
  return res;
}

/** The body of an answer as a JSON object; anything else (or a body cut off by the timeout) → GatewayUnavailableError. */
export async function readJsonObject(res: Response, gateway: string): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await res.text());
  } catch (error) {
    const why = timedOut(error) ? 'không trả lời hết trong thời hạn' : 'trả lời không đúng định dạng JSON';
    throw new GatewayUnavailableError(`${gateway} ${why}.`, { cause: error });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new GatewayUnavailableError(`${gateway} trả lời không phải một đối tượng JSON.`);
  return parsed as Record<string, unknown>;
}
