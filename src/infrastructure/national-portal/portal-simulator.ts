/**
 * A local stand-in for the national public-service portal's integration API (Cổng Dịch vụ công quốc gia, the
 * "adapter" style of INTEGRATIONS §3.1) for demos and tests. It speaks the protocol portal-client.ts speaks:
 *   POST /auth         `{username, password}` → `{session, error_code: 0}` (a random token);
 *   POST /integration  `{session, madonvi, service, data, isUpdating?}` → `{error_code, message, result?}`, for the
 *                      services DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo, DongBoDanhGia, LayDanhSachTTHC,
 *                      LayThuTuc and CongKhaiTTHC (motcua's assumption for indicator 1.2).
 * The optional `dstcode` header is accepted and ignored. It stores exactly what it receives: a client's duplicates
 * stay visible.
 *
 * Faults a real portal shows can be switched on (setFault, or POST /_faults {"fault": "...", "rate"?: 0..1}), on
 * /integration only but 'down' and 'error5xx', which /auth shows too: down (the socket is destroyed, nothing done),
 * slow (done, answered after slowMs), error5xx (HTTP 503, nothing done), exists (a new dossier is stored, then
 * answered "đã tồn tại"), expiredSession (every session dropped: the next data call answers 401, once),
 * duplicateAck (every second write is answered with the previous write's answer, not done), lostAck (a write is
 * done, then the socket destroyed; reads are answered), flaky (each request, with probability `rate`, suffers one of
 * down, error5xx, lostAck or slow).
 *
 * Admin routes for people and tests, never faulted: GET /_state, GET|DELETE /_dossiers/<MaHoSo>, GET /_faults,
 * GET /_indicator-1.4?from=yyyy-MM-dd&to=yyyy-MM-dd, POST /_procedures/<MaTTHC> (a ministry changes a procedure).
 *
 * `handle` serves one request whose URL is relative to the simulator (a host mounting it under a prefix strips the
 * prefix first) and reads the raw body itself.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { listenOn, sameSecret, simulatorServer, simulatorSessions, type Answer } from '../simulators/simulator-kit.js';
import { SyncDossierSchema, SyncProgressSchema, parseSyncDate, type SyncDossier, type SyncProgress } from '../../contract/national-sync.js';
import { isRealIsoDate } from '../../domain/calendar/civil-date.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import {
  PortalProcedurePatchSchema,
  createPortalCatalogue,
  demoNationalProcedures,
  firstIssue,
  type PortalProcedure,
  type PortalProcedurePatch,
  type PortalPublication,
  type Refusable,
} from './portal-simulator-catalogue.js';

export { demoNationalProcedures, type PortalProcedure, type PortalProcedurePatch, type PortalPublication } from './portal-simulator-catalogue.js';

export const PORTAL_FAULTS = ['none', 'down', 'slow', 'error5xx', 'exists', 'expiredSession', 'duplicateAck', 'lostAck', 'flaky'] as const;
export type PortalFault = (typeof PORTAL_FAULTS)[number];

/** A dossier as the portal stores it: the record without its progress, which is kept beside it. */
export type PortalDossierRecord = Omit<SyncDossier, 'QuaTrinhXuLy'>;

/** A monthly satisfaction aggregate as DongBoDanhGia delivered it (every field it carried is kept). */
export interface PortalRating {
  NgayTongHop: string;
  Madonvi: string;
  MaThuTuc: string;
  TongSoNguoiDanhGia: string | number;
  [field: string]: unknown;
}

export interface PortalSimulatorOptions {
  username: string;
  password: string;
  /** The national catalogue (default none; startPortalSimulator's default is demoNationalProcedures()). */
  procedures?: readonly PortalProcedure[];
  /** How long the 'slow' fault holds an answer (default 8000 ms: beyond the client's 6 s timeout). */
  slowMs?: number;
  /** The 'flaky' fault's dice (default Math.random). */
  random?: () => number;
  clock?: () => Date;
}

export interface PortalSimulator {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** `rate` is the probability of the 'flaky' fault (default 0.3). */
  setFault(fault: PortalFault, options?: { rate?: number }): void;
  fault(): PortalFault;
  dossier(code: string): { record: PortalDossierRecord; progress: SyncProgress[] } | null;
  dossierCodes(): string[];
  /** Forgets a dossier and its progress (to test reconciliation); false when it was not held. */
  deleteDossier(code: string): boolean;
  /** Stored dossiers received (NgayTiepNhan, Vietnam days) within [from, to], yyyy-MM-dd, per DonViXuLy. */
  indicator14(from: string, to: string): Record<string, number>;
  ratings(): PortalRating[];
  published(): PortalPublication[];
  /** A ministry changes a procedure (created if absent): NgayCapNhat becomes now. */
  changeProcedure(code: string, patch: PortalProcedurePatch): PortalProcedure;
  /** How many /integration requests it has received, per service (not those 'down' or 'error5xx' turned away). */
  requests(): Record<string, number>;
  /** Drops the requests held by the 'slow' fault; later requests are dropped too. */
  close(): void;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const DEFAULT_SLOW_MS = 8000;
const DEFAULT_FLAKY_RATE = 0.3;
/** Sessions kept; the oldest are forgotten beyond this. */
const MAX_SESSIONS = 1000;
const MAX_PROGRESS_PER_CALL = 10;
const MAX_LOOKUP = 100;
const FLAKY_FAULTS = ['down', 'error5xx', 'lostAck', 'slow'] as const;
const WRITES = new Set(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC', 'DongBoDanhGia', 'CongKhaiTTHC']);

/** error_code values of the simulated portal (0 is success). */
const CODE = { ok: 0, exists: 1, notFound: 2, invalid: 3, badRequest: 400, sessionExpired: 401 } as const;

const json = (body: unknown, http = 200): Answer => ({ http, body });
const failure = (code: number, message: string): Answer => json({ error_code: code, message });
const success = (result: unknown): Answer => json({ error_code: CODE.ok, message: 'Thành công', result });
const invalid = (detail: string): Answer => failure(CODE.invalid, `Dữ liệu không hợp lệ: ${detail}`);
const exists = (code: string) => failure(CODE.exists, `Hồ sơ ${code} đã tồn tại`);
const notFound = (code: string) => failure(CODE.notFound, `Không tìm thấy hồ sơ ${code}`);

const BAD_REQUEST = failure(CODE.badRequest, 'Yêu cầu không đúng định dạng');
const SESSION_EXPIRED = failure(CODE.sessionExpired, 'Phiên làm việc (session) không hợp lệ hoặc đã hết hạn');
const BUSY = json({ error_code: 503, message: 'Hệ thống đang bận' }, 503);
const TOO_LARGE = json({ error_code: 413, message: 'Yêu cầu quá lớn' }, 413);
const NOT_JSON = json({ error_code: CODE.badRequest, message: 'Yêu cầu không phải JSON hợp lệ' }, 400);
const NO_ROUTE = json({ error_code: 404, message: 'Không tìm thấy địa chỉ này' }, 404);
const WRONG_METHOD = json({ error_code: 405, message: 'Phương thức không được hỗ trợ cho địa chỉ này' }, 405);

/** The body as JSON (an empty body is null), or the answer refusing it. A body too large is drained, so that the 413 reaches the caller. */
async function readRequest(req: IncomingMessage): Promise<{ body: unknown } | { refusal: Answer }> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req as AsyncIterable<Buffer>) {
    size += part.length;
    if (size <= MAX_BODY_BYTES) parts.push(part);
  }
  if (size > MAX_BODY_BYTES) return { refusal: TOO_LARGE };
  if (size === 0) return { body: null };
  try {
    return { body: JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown };
  } catch {
    return { refusal: NOT_JSON };
  }
}

const loginRequest = z.object({ username: z.string(), password: z.string() });
const envelope = z.object({
  session: z.string(),
  madonvi: z.string(),
  service: z.string(),
  data: z.unknown(),
  isUpdating: z.enum(['True', 'False']).optional(),
});
const required = z.string().trim().min(1);
const progressItem = SyncProgressSchema.refine((p) => p.MaHoSo.trim() !== '', { message: 'cần MaHoSo', path: ['MaHoSo'] });
const lookupItem = z.object({ MaHoSo: required });
const ratingItem = z.looseObject({
  NgayTongHop: z.string().regex(/^(0?[1-9]|1[0-2])-\d{4}$/, 'NgayTongHop phải có dạng M-YYYY'),
  Madonvi: required,
  MaThuTuc: required,
  TongSoNguoiDanhGia: z.union([z.string().regex(/^\d+$/, 'TongSoNguoiDanhGia là số nguyên'), z.number().int().nonnegative()]),
});
const faultRequest = z.object({ fault: z.enum(PORTAL_FAULTS), rate: z.number().min(0).max(1).optional() });
const isoDay = z.string().refine(isRealIsoDate, 'ngày phải có dạng yyyy-MM-dd');

/** The fields of a dossier TraCuuHoSo tells, besides its progress. */
const VIEW_FIELDS = ['MaHoSo', 'TrangThaiHoSo', 'DonViXuLy', 'NgayTiepNhan', 'NgayHenTra', 'NgayKetThucXuLy', 'NgayTra'] as const;
const pick = <T extends object, K extends keyof T>(value: T, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;

const ratingKey = (r: PortalRating) => {
  const [month, year] = r.NgayTongHop.split('-');
  return JSON.stringify([Number(month), Number(year), r.Madonvi.trim(), r.MaThuTuc.trim()]);
};

/** Every item of an array by the schema, or the refusal naming the first issue (within its item). */
function parseEach<T extends z.ZodType>(schema: T, items: unknown[]): z.output<T>[] | Answer {
  const parsed = z.array(schema).safeParse(items);
  return parsed.success ? parsed.data : invalid(firstIssue(parsed.error, 1));
}

const refusable = <T>(outcome: Refusable<T>): Answer => (outcome.ok ? success(outcome.result) : invalid(outcome.problem));

type StoredDossier = { record: PortalDossierRecord; progress: SyncProgress[] };

export function createPortalSimulator(options: PortalSimulatorOptions): PortalSimulator {
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  const random = options.random ?? Math.random;
  const clock = options.clock ?? (() => new Date());
  let current: PortalFault = 'none';
  let flakyRate = DEFAULT_FLAKY_RATE;
  /** The 'duplicateAck' fault's last write answer, to be sent again to the next write. */
  let staleAck: Answer | null = null;
  const sessions = simulatorSessions(MAX_SESSIONS);
  const dossiers = new Map<string, StoredDossier>();
  const ratings = new Map<string, PortalRating>();
  const catalogue = createPortalCatalogue(options.procedures ?? [], clock);
  const counts = new Map<string, number>();

  function login(body: unknown): Answer {
    const request = loginRequest.safeParse(body);
    if (!request.success) return BAD_REQUEST;
    if (!sameSecret(options.username, request.data.username) || !sameSecret(options.password, request.data.password))
      return failure(1, 'Tên đăng nhập hoặc mật khẩu không đúng');
    return json({ session: sessions.issue(), error_code: CODE.ok, message: 'Thành công' });
  }

  /** The session problem of a data call, if any; the 'expiredSession' fault expires every session, once. */
  function sessionProblem(session: unknown): Answer | null {
    const expire = current === 'expiredSession';
    if (expire) current = 'none';
    return sessions.valid(session, expire) ? null : SESSION_EXPIRED;
  }

  /** DongBoHoSoMC: every record is checked before any is stored. */
  function syncDossiers(data: unknown, isUpdating: boolean, fault: PortalFault): Answer {
    if (!Array.isArray(data) || data.length === 0) return invalid('data phải là một mảng hồ sơ (HoSoDongBoDVC)');
    const records = parseEach(SyncDossierSchema, data);
    if (!Array.isArray(records)) return records;
    const created = new Set<string>();
    for (const { MaHoSo: code } of records) {
      const known = dossiers.has(code) || created.has(code);
      if (!isUpdating && known) return exists(code);
      if (isUpdating && !known) return notFound(code);
      if (!isUpdating) created.add(code);
    }
    for (const { QuaTrinhXuLy: progress, ...record } of records) {
      const stored = dossiers.get(record.MaHoSo);
      if (!stored) dossiers.set(record.MaHoSo, { record, progress: [...progress] });
      else {
        stored.record = record;
        if (progress.length > 0) stored.progress = [...progress];
      }
    }
    if (fault === 'exists' && !isUpdating) return exists(records[0]!.MaHoSo);
    return success(records.map((r) => ({ MaHoSo: r.MaHoSo })));
  }

  /** CapNhatTienDoHoSoMC: appended as received, in order, when every dossier is held. */
  function pushProgress(data: unknown): Answer {
    if (!Array.isArray(data) || data.length === 0 || data.length > MAX_PROGRESS_PER_CALL)
      return invalid(`data phải là một mảng từ 1 đến ${MAX_PROGRESS_PER_CALL} tiến độ`);
    const entries = parseEach(progressItem, data);
    if (!Array.isArray(entries)) return entries;
    const missing = entries.find((e) => !dossiers.has(e.MaHoSo.trim()));
    if (missing) return notFound(missing.MaHoSo.trim());
    for (const entry of entries) dossiers.get(entry.MaHoSo.trim())!.progress.push(entry);
    const codes = [...new Set(entries.map((e) => e.MaHoSo.trim()))];
    return success(codes.map((code) => ({ MaHoSo: code, SoTienDo: dossiers.get(code)!.progress.length })));
  }

  /** TraCuuHoSo: the dossiers held among those asked. */
  function lookup(data: unknown): Answer {
    const asked = Array.isArray(data) ? data : [data];
    if (asked.length > MAX_LOOKUP) return invalid(`tra cứu tối đa ${MAX_LOOKUP} hồ sơ mỗi lần`);
    const items = parseEach(lookupItem, asked);
    if (!Array.isArray(items)) return items;
    const found = [...new Set(items.map((i) => i.MaHoSo))].flatMap((code) => dossiers.get(code) ?? []);
    return success(found.map(({ record, progress }) => ({ ...pick(record, VIEW_FIELDS), QuaTrinhXuLy: [...progress] })));
  }

  /** DongBoDanhGia: one aggregate per month, unit and procedure, the latest kept. */
  function pushRatings(data: unknown): Answer {
    if (!Array.isArray(data)) return invalid('data phải là một mảng kết quả đánh giá');
    const items = parseEach(ratingItem, data);
    if (!Array.isArray(items)) return items;
    for (const item of items) ratings.set(ratingKey(item), item);
    return success(null);
  }

  const services: Record<string, (data: unknown, isUpdating: boolean, fault: PortalFault) => Answer> = {
    DongBoHoSoMC: syncDossiers,
    CapNhatTienDoHoSoMC: pushProgress,
    TraCuuHoSo: lookup,
    DongBoDanhGia: pushRatings,
    LayDanhSachTTHC: () => success(catalogue.list()),
    LayThuTuc: (data) => refusable(catalogue.find(data)),
    CongKhaiTTHC: (data) => refusable(catalogue.publish(data)),
  };

  /** One /integration call; `lost`: done, but the answer is not to be sent. */
  function integration(body: unknown, fault: PortalFault): { answer: Answer; lost: boolean } {
    const service = (body as { service?: unknown } | null)?.service;
    if (typeof service === 'string') counts.set(service, (counts.get(service) ?? 0) + 1);
    const problem = sessionProblem((body as { session?: unknown } | null)?.session);
    if (problem) return { answer: problem, lost: false };
    const request = envelope.safeParse(body);
    if (!request.success) return { answer: BAD_REQUEST, lost: false };
    const { data, isUpdating } = request.data;
    const run = Object.hasOwn(services, request.data.service) ? services[request.data.service] : undefined;
    if (!run) return { answer: failure(CODE.badRequest, `Dịch vụ ${request.data.service} không được hỗ trợ`), lost: false };
    const write = WRITES.has(request.data.service);
    if (write && fault === 'duplicateAck' && staleAck) {
      const answer = staleAck;
      staleAck = null;
      return { answer, lost: false };
    }
    const answer = run(data, isUpdating === 'True', fault);
    if (write && fault === 'duplicateAck') staleAck = answer;
    return { answer, lost: write && fault === 'lostAck' };
  }

  /** The fault this request suffers: 'flaky' draws one, or none. */
  function drawFault(): PortalFault {
    if (current !== 'flaky') return current;
    if (random() >= flakyRate) return 'none';
    return FLAKY_FAULTS[Math.min(FLAKY_FAULTS.length - 1, Math.floor(random() * FLAKY_FAULTS.length))]!;
  }

  function setFault(fault: PortalFault, faultOptions?: { rate?: number }): void {
    if (!PORTAL_FAULTS.includes(fault)) throw new RangeError(`unknown fault: ${String(fault)}`);
    const rate = faultOptions?.rate ?? DEFAULT_FLAKY_RATE;
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`rate must be within 0..1: ${rate}`);
    current = fault;
    flakyRate = rate;
    staleAck = null;
  }

  function indicator14(from: string, to: string): Record<string, number> {
    if (!isRealIsoDate(from) || !isRealIsoDate(to)) throw new RangeError(`from and to must be yyyy-MM-dd: ${from}, ${to}`);
    const units = new Map<string, number>();
    for (const { record } of dossiers.values()) {
      const at = parseSyncDate(record.NgayTiepNhan);
      const day = at ? vietnamDate(at) : null;
      if (day !== null && day >= from && day <= to) units.set(record.DonViXuLy, (units.get(record.DonViXuLy) ?? 0) + 1);
    }
    return Object.fromEntries(units);
  }

  function dossier(code: string) {
    const stored = dossiers.get(code);
    return stored ? structuredClone(stored) : null;
  }

  /** The admin routes: not the portal's protocol, never faulted. */
  async function admin(req: IncomingMessage, url: URL): Promise<Answer> {
    const { pathname: path } = url;
    const method = req.method ?? 'GET';
    const tail = (prefix: string) => decodeURIComponent(path.slice(prefix.length));
    if (path === '/_state') {
      if (method !== 'GET') return WRONG_METHOD;
      let progress = 0;
      for (const d of dossiers.values()) progress += d.progress.length;
      return json({ dossiers: dossiers.size, progress, ratings: ratings.size, published: catalogue.published().length, fault: current });
    }
    if (path === '/_faults') {
      if (method === 'GET') return json({ fault: current, rate: flakyRate });
      if (method !== 'POST') return WRONG_METHOD;
      const request = await readRequest(req);
      if ('refusal' in request) return request.refusal;
      const parsed = faultRequest.safeParse(request.body);
      if (!parsed.success) return json({ error_code: CODE.badRequest, message: firstIssue(parsed.error) }, 400);
      setFault(parsed.data.fault, { rate: parsed.data.rate });
      return json({ fault: current, rate: flakyRate });
    }
    if (path.startsWith('/_dossiers/') && path.length > '/_dossiers/'.length) {
      const code = tail('/_dossiers/');
      const found = dossier(code);
      if (!found) return json({ error_code: 404, message: `Không tìm thấy hồ sơ ${code}` }, 404);
      if (method === 'GET') return json(found);
      if (method !== 'DELETE') return WRONG_METHOD;
      dossiers.delete(code);
      return json({ deleted: code });
    }
    if (path === '/_indicator-1.4') {
      if (method !== 'GET') return WRONG_METHOD;
      const from = isoDay.safeParse(url.searchParams.get('from'));
      const to = isoDay.safeParse(url.searchParams.get('to'));
      if (!from.success || !to.success) return json({ error_code: CODE.badRequest, message: 'from và to phải có dạng yyyy-MM-dd' }, 400);
      return json({ units: indicator14(from.data, to.data) });
    }
    if (path.startsWith('/_procedures/') && path.length > '/_procedures/'.length) {
      if (method !== 'POST') return WRONG_METHOD;
      const request = await readRequest(req);
      if ('refusal' in request) return request.refusal;
      const patch = PortalProcedurePatchSchema.safeParse(request.body);
      if (!patch.success) return json({ error_code: CODE.badRequest, message: firstIssue(patch.error) }, 400);
      return json(catalogue.change(tail('/_procedures/'), patch.data));
    }
    return NO_ROUTE;
  }

  /** The answer to one request; null when no answer is to be sent (the socket is destroyed). */
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<Answer | null> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (url.pathname.startsWith('/_')) return admin(req, url);
    const auth = url.pathname === '/auth';
    if (!auth && url.pathname !== '/integration') return NO_ROUTE;
    if (req.method !== 'POST') return WRONG_METHOD;
    const fault = auth ? (current === 'down' || current === 'error5xx' ? current : 'none') : drawFault();
    if (fault === 'down') return null;
    if (fault === 'error5xx') return BUSY;
    const request = await readRequest(req);
    if ('refusal' in request) return request.refusal;
    if (server.closed()) return null;
    if (auth) return login(request.body);
    const { answer: reply, lost } = integration(request.body, fault);
    if (lost) return null;
    if (fault === 'slow') await server.hold(res, slowMs);
    return server.closed() ? null : reply;
  }
  const server = simulatorServer(answer, json({ error_code: 500, message: 'Lỗi không xác định của hệ thống' }, 500));

  return {
    handle: server.handle,
    setFault,
    fault: () => current,
    dossier,
    dossierCodes: () => [...dossiers.keys()],
    deleteDossier: (code) => dossiers.delete(code),
    indicator14,
    ratings: () => structuredClone([...ratings.values()]),
    published: catalogue.published,
    changeProcedure: catalogue.change,
    requests: () => Object.fromEntries(counts),
    close: server.close,
  };
}

/** The simulator on a node:http server of its own; the national catalogue is the demo one unless given. */
export async function startPortalSimulator(
  options: PortalSimulatorOptions & { host?: string; port?: number },
): Promise<{ url: string; simulator: PortalSimulator; close(): Promise<void> }> {
  const simulator = createPortalSimulator({ ...options, procedures: options.procedures ?? (await demoNationalProcedures()) });
  const server = createServer((req, res) => simulator.handle(req, res));
  const url = await listenOn(server, options.host ?? '127.0.0.1', options.port ?? 0);
  return {
    url,
    simulator,
    async close() {
      simulator.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
