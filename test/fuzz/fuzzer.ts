/**
 * A fuzzer driven by the served OpenAPI document: every operation, as seven identities (anonymous, citizen,
 * admin, monitor, desk, specialist, leader), with valid, boundary and hostile values (long strings, control
 * characters, lone surrogates, wrong types, huge numbers, impossible dates, path tricks) and broken bodies.
 * Deterministic for a seed. A response ≥ 500, or a server that stops answering, is a failure.
 * Used by `npm run fuzz` (test/fuzz/run.ts) and, briefly, by test/api/fuzz.test.ts.
 */
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import { Client, type TestApp } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: { name: string; schema: Schema }[];
  query: { name: string; schema: Schema; required: boolean }[];
  /** The JSON body's schema, when the operation takes JSON. */
  body: Schema | null;
  /** Other content types it takes (files, iCalendar). */
  rawTypes: string[];
}

export interface FuzzFailure {
  operation: string;
  identity: string;
  method: string;
  url: string;
  status: number;
  request: string;
  response: string;
}

export interface FuzzReport {
  requests: number;
  byClass: Record<string, number>;
  byOperation: Record<string, Record<string, number>>;
  failures: FuzzFailure[];
  /** The server still answered its health check at the end. */
  alive: boolean;
}

/** mulberry32: a small, fast, seeded generator. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Operations left out: ending the session under test, and the document itself. */
const SKIPPED = new Set(['POST /api/v1/auth/logout', 'GET /api/v1/openapi.json']);

export function operationsOf(document: { paths: Record<string, Record<string, Schema>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const upper = method.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper) || SKIPPED.has(`${upper} ${path}`)) continue;
      const parameters = (op.parameters ?? []) as { in: string; name: string; schema?: Schema; required?: boolean }[];
      const content = ((op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content ?? {}) as Record<string, { schema?: Schema }>;
      out.push({
        method: upper as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required === true })),
        body: content['application/json']?.schema ?? null,
        rawTypes: Object.keys(content).filter((t) => t !== 'application/json'),
      });
    }
  }
  return out;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a'.repeat(10_001),
  'Nguyễn Văn A'.repeat(400),
  '\u0000',
  'x\u0000y',
  '\ud800',
  'tên \udfff lỗi',
  '\u202eđảo chiều',
  '\t\r\n\u000b\u001f',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '%',
  '{{PUBLIC_URL}}',
  '2026-13-01',
  '2026-02-30',
  '2025-02-29',
  '0000-01-01',
  '9999-12-31',
  '2026-12-06T25:61:00Z',
  '-1',
  '1e999',
  'NaN',
  'null',
  '00000000-0000-0000-0000-000000000000',
  '000.00.00.H37',
  '1.001193',
];
const HOSTILE_NUMBERS = [-1, 0, 1, 1.5, -0.5, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, Number.MAX_SAFE_INTEGER];
const HOSTILE_OTHERS: Json[] = [null, true, false, [], {}, [null], { a: { b: { c: {} } } }, 'x'];

export class Generator {
  constructor(
    private readonly random: () => number,
    private readonly components: Record<string, Schema>,
    private readonly pools: Record<string, string[]>,
  ) {}

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  private resolve(schema: Schema): Schema {
    const ref = schema.$ref as string | undefined;
    return ref ? (this.components[ref.replace('#/components/schemas/', '')] ?? {}) : schema;
  }

  hostile(): Json {
    const r = this.random();
    if (r < 0.6) return this.pick(HOSTILE_STRINGS);
    if (r < 0.85) return this.pick(HOSTILE_NUMBERS);
    return this.pick(HOSTILE_OTHERS);
  }

  /** A value for `schema`: valid most of the time, at a boundary or hostile with probability `mutate`. */
  value(input: Schema, mutate: number, name = '', depth = 0): Json {
    const schema = this.resolve(input);
    if (this.chance(mutate) || depth > 6) return this.hostile();
    const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (variants?.length) return this.value(this.pick(variants), mutate, name, depth + 1);
    if ('const' in schema) return schema.const as Json;
    if (Array.isArray(schema.enum)) return this.pick(schema.enum as Json[]);
    const type = Array.isArray(schema.type) ? this.pick(schema.type as string[]) : ((schema.type as string | undefined) ?? 'string');
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return this.chance(0.5);
      case 'integer':
      case 'number': {
        const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
        const max = typeof schema.maximum === 'number' ? schema.maximum : min + 100;
        const n = this.chance(0.2) ? this.pick([min, max]) : min + this.random() * Math.min(max - min, 1000);
        return type === 'integer' ? Math.round(n) : n;
      }
      case 'array': {
        const items = (schema.items ?? {}) as Schema;
        const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
        const count = minItems + Math.floor(this.random() * 3);
        return Array.from({ length: count }, () => this.value(items, mutate, name, depth + 1));
      }
      case 'object': {
        const properties = (schema.properties ?? {}) as Record<string, Schema>;
        const required = new Set((schema.required ?? []) as string[]);
        const out: Record<string, Json> = {};
        for (const [key, prop] of Object.entries(properties)) {
          if (required.has(key) || this.chance(0.6)) out[key] = this.value(prop, mutate, key, depth + 1);
        }
        if (this.chance(mutate / 2)) out[this.pick(['__proto__', 'constructor', 'isAdmin', 'extra'])] = this.hostile();
        return out;
      }
      default:
        return this.string(schema, name);
    }
  }

  private string(schema: Schema, name: string): string {
    const pool = this.pools[name];
    if (pool?.length && this.chance(0.8)) return this.pick(pool);
    const format = schema.format as string | undefined;
    if (format === 'uuid') return this.pick(this.pools.id ?? ['00000000-0000-4000-8000-000000000000']);
    if (format === 'date-time') return new Date(Date.UTC(2026, Math.floor(this.random() * 12), 1 + Math.floor(this.random() * 28), 2)).toISOString();
    if (format === 'email') return 'nguoinop@example.vn';
    if (format === 'uri') return 'https://example.vn/hook';
    if (typeof schema.pattern === 'string' && /\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(schema.pattern))
      return `2026-${String(1 + Math.floor(this.random() * 12)).padStart(2, '0')}-15`;
    const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : 40;
    if (this.chance(0.1)) return 'đ'.repeat(max);
    return 'Thủ tục hành chính thử nghiệm'.slice(0, Math.max(min, Math.min(max, 1 + Math.floor(this.random() * 30)))).padEnd(min, 'x');
  }
}

/** A path segment or query value as a URL would carry it; a lone surrogate cannot be percent-encoded, so it goes raw. */
function encode(value: Json): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\ud800-\udfff]/g, '%ED%A0%80');
  }
}

export interface FuzzOptions {
  seed: number;
  requests: number;
  onProgress?: (done: number, report: FuzzReport) => void;
}

const IDENTITIES = ['anonymous', 'citizen', 'admin', 'monitor', 'desk', 'specialist', 'leader'] as const;
const OFFICIALS: Record<string, string> = {
  admin: 'admin',
  monitor: 'giamsat',
  desk: 'motcua.tamthanh',
  specialist: 'chuyenvien.tamthanh',
  leader: 'lanhdao.tamthanh',
};
const RAW_BODIES = ['{', '[]', 'null', '"x"', '{"a":', '\u0000', '{"__proto__":{"polluted":1}}', '%PDF-1.4\n%%EOF', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR', ''];

export async function fuzz(app: TestApp, options: FuzzOptions): Promise<FuzzReport> {
  const document = (await app.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, Schema>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const operations = operationsOf(document);
  const random = prng(options.seed);

  // The identities, and real values to aim at (a fuzzer that only sends nonsense never reaches a use case).
  const clients: Record<string, Client | null> = { anonymous: null };
  for (const [identity, username] of Object.entries(OFFICIALS)) clients[identity] = await Client.official(app, username);
  const login = await loginCitizen(app.ctx.deps, {
    identity: { issuer: 'https://sso.example', subject: 'fuzz-citizen', fullName: 'Công Dân Thử', personalId: '020085003417', email: null },
    meta: { actor: null, ip: '127.0.0.1', requestId: 'fuzz' },
  });
  if (!login.ok) throw new Error(`citizen login: ${login.error.code}`);
  const citizen = new Client(app);
  citizen.cookie = `motcua_session=${login.value.sessionId}`;
  await citizen.request('GET', '/api/v1/auth/me'); // picks up its CSRF token
  clients.citizen = citizen;
  const dossiers: { id: string; code: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await clients.desk!.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant: { fullName: `Người Thử ${i}`, personalId: null, address: null, phone: null, email: null },
      components: receivedComponents('1.001193'),
    });
    if (res.statusCode === 201) dossiers.push(res.json() as { id: string; code: string });
  }
  const units = ((await app.app.inject({ method: 'GET', url: '/api/v1/units' })).json() as { units?: { code: string }[] }).units?.map((u) => u.code) ?? [];
  const pools: Record<string, string[]> = {
    id: dossiers.map((d) => d.id),
    code: [...dossiers.map((d) => d.code), '1.001193', '2.000488', ...units.slice(0, 5)],
    unit: units.slice(0, 8),
    unitCode: units.slice(0, 8),
    province: ['000.00.00.H37'],
    procedureCode: ['1.001193', '1.000656', '2.000488'],
    year: ['2026', '2027'],
    form: ['01', '02', '03', '04', '05', '06', '07'],
    from: ['2026-01-01', '2026-11-01'],
    to: ['2026-12-31', '2026-11-30'],
    at: ['2026-12-06'],
  };
  const generator = new Generator(random, document.components?.schemas ?? {}, pools);

  const report: FuzzReport = { requests: 0, byClass: {}, byOperation: {}, failures: [], alive: false };
  for (let n = 0; n < options.requests; n++) {
    const op = generator.pick(operations);
    const identity = generator.pick(IDENTITIES);
    const client = clients[identity] ?? null;
    const mutate = generator.pick([0, 0.05, 0.2, 0.5]);
    let path = op.path;
    for (const p of op.pathParams)
      path = path.replace(`{${p.name}}`, encode(generator.chance(0.3) ? generator.hostile() : generator.value(p.schema, 0, p.name)));
    if (generator.chance(0.03)) path = path.replace('/api/v1/', generator.pick(['/api/v1/../v1/', '/api/v1//', '/api/v1/%2e%2e/']));
    const query = op.query
      .filter((q) => q.required || generator.chance(0.5))
      .map((q) => `${encodeURIComponent(q.name)}=${encode(generator.value(q.schema, mutate, q.name))}`);
    if (generator.chance(0.05)) query.push(`${generator.pick(['x', '__proto__', 'limit'])}=${encode(generator.hostile())}`);
    const url = query.length > 0 ? `${path}?${query.join('&')}` : path;
    const headers: Record<string, string> = client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {};
    let payload: string | Buffer | undefined;
    if (op.body || op.rawTypes.length > 0 || op.method !== 'GET') {
      const roll = random();
      if (op.body && roll < 0.8) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(generator.value(op.body, mutate));
      } else if (op.rawTypes.length > 0 && roll < 0.9) {
        headers['content-type'] = generator.pick(op.rawTypes);
        payload = Buffer.from(generator.pick(RAW_BODIES));
      } else if (op.method !== 'GET' && op.method !== 'DELETE') {
        headers['content-type'] = generator.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/pdf']);
        payload = generator.pick(RAW_BODIES);
      }
    }
    const res = await app.app.inject({ method: op.method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    report.requests++;
    const statusClass = `${Math.floor(res.statusCode / 100)}xx`;
    report.byClass[statusClass] = (report.byClass[statusClass] ?? 0) + 1;
    const key = `${op.method} ${op.path}`;
    const counts = (report.byOperation[key] ??= {});
    counts[statusClass] = (counts[statusClass] ?? 0) + 1;
    if (res.statusCode >= 500) {
      report.failures.push({
        operation: key,
        identity,
        method: op.method,
        url: url.slice(0, 300),
        status: res.statusCode,
        request: String(payload ?? '').slice(0, 500),
        response: res.body.slice(0, 300),
      });
    }
    if ((n + 1) % 250 === 0) options.onProgress?.(n + 1, report);
  }
  report.alive = (await app.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode === 200;
  return report;
}
