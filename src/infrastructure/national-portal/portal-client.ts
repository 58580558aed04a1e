/**
 * The adapter for the national public-service portal's integration API (INTEGRATIONS §3.1), behind the
 * NationalPortal port (application/national-sync/portal-port.ts):
 *   {authPath}         `{username, password}` with the `dstcode` header → `{session, error_code: 0}`; cached;
 *   {integrationPath}  `{session, madonvi, service, data, isUpdating?}` → `{error_code, message, result?}`.
 * An answer saying the session expired (error_code 401, or a message about the session) makes the adapter log in
 * again, once. Each call has one deadline (`timeoutMs`, TIMEOUT_DVCQG = 6 s). An acknowledgement is checked
 * against its request (the dossier code, the count of progress entries): an answer that does not match is not an
 * acknowledgement. Nothing is logged here: records carry names and ID numbers.
 */
import { z } from 'zod';
import { portalPoster, sessionCache, TransportError } from '../http-clients/portal-exchange.js';
import { parseSyncDate } from '../../contract/national-sync.js';
import type {
  NationalPortal,
  PortalDossierView,
  PortalOutcome,
  PortalProcedureSummary,
  PortalProgress,
  PortalPublicationRequest,
} from '../../domain/national-sync/portal-port.js';

export interface NationalPortalConfig {
  baseUrl: string;
  authPath: string;
  integrationPath: string;
  username: string;
  password: string;
  dstcode: string | null;
  /** madonvi: the province's agency id on the portal. */
  agencyId: string;
  timeoutMs: number;
}

const PORTAL = 'Cổng Dịch vụ công quốc gia';
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
const MAX_MESSAGE = 300;

type Unreachable = Extract<PortalOutcome<never>, { kind: 'unavailable' }>;

class Failure extends Error {
  constructor(readonly outcome: Unreachable | { kind: 'refused'; message: string }) {
    super(outcome.message);
  }
}

const seconds = (ms: number) => String(Math.round(ms / 100) / 10).replace('.', ',');
const unreachable = (reason: Unreachable['reason'], message: string): Unreachable => ({ kind: 'unavailable', reason, message });
const badAnswer = (detail: string) => unreachable('badAnswer', `${PORTAL} trả lời không đúng: ${detail}`);

const code = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const envelope = z.object({ error_code: code, message: z.unknown().optional(), result: z.unknown().optional() });
type Envelope = { code: number; message: string; result: unknown };

const messageOf = (m: unknown) => (typeof m === 'string' ? m.trim().slice(0, MAX_MESSAGE) : '');
const EXISTS = /đã tồn tại|da ton tai|already exists/i;
const NOT_FOUND = /không tìm thấy|không tồn tại|not found/i;
const expired = (e: Envelope) => e.code === 401 || (e.code !== 0 && /session|phiên/i.test(e.message));

async function readText(res: Response): Promise<string> {
  if (Number(res.headers.get('content-length') ?? 0) > MAX_ANSWER_BYTES) {
    res.body?.cancel().catch(() => undefined);
    throw new Failure(badAnswer('câu trả lời quá lớn'));
  }
  const text = await res.text();
  if (text.length > MAX_ANSWER_BYTES) throw new Failure(badAnswer('câu trả lời quá lớn'));
  return text;
}

const dossierAck = z.array(z.object({ MaHoSo: z.string() })).min(1);
const progressAck = z.array(z.object({ MaHoSo: z.string(), SoTienDo: code.optional() })).min(1);
const views = z.array(
  z.object({
    MaHoSo: z.string(),
    TrangThaiHoSo: z.preprocess((v) => (v === null || v === undefined ? '' : String(v)), z.string()),
    DonViXuLy: z.string().default(''),
    NgayTiepNhan: z.string().default(''),
    NgayHenTra: z.string().default(''),
    NgayKetThucXuLy: z.string().default(''),
    NgayTra: z.string().default(''),
    QuaTrinhXuLy: z.array(z.record(z.string(), z.string())).nullish(),
  }),
);
const publicationAck = z.object({ MaTTHC: z.string(), NgayCongKhai: z.string() });
const summaries = z.array(z.object({ MaTTHC: z.string(), TenTTHC: z.string().default(''), NgayCapNhat: z.string().default('') }));

export function createNationalPortal(config: NationalPortalConfig, fetchImpl: typeof fetch = fetch): NationalPortal {
  const exchange = portalPoster(
    config,
    fetchImpl,
    (res) => readText(res),
    (error) => error instanceof Failure,
  );

  /** One exchange under the call's deadline: the status and the body; out of reach or a 5xx throws. */
  async function send(path: string, body: object, signal: AbortSignal): Promise<{ status: number; text: string }> {
    try {
      return await exchange(path, body, signal, MAX_ANSWER_BYTES);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      const late = `${PORTAL} không trả lời trong ${seconds(config.timeoutMs)} giây`;
      throw new Failure(
        error.reason === 'timeout'
          ? unreachable('timeout', late)
          : unreachable('down', error.detail ? `${PORTAL} lỗi ${error.detail}` : `Không kết nối được ${PORTAL}`),
      );
    }
  }

  const parseJson = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };

  async function post(path: string, body: object, signal: AbortSignal): Promise<Envelope> {
    const { status, text } = await send(path, body, signal);
    const parsed = envelope.safeParse(parseJson(text));
    if (!parsed.success) throw new Failure(status >= 400 ? { kind: 'refused', message: `${PORTAL} từ chối: HTTP ${status}` } : badAnswer('thiếu error_code'));
    return { code: parsed.data.error_code, message: messageOf(parsed.data.message), result: parsed.data.result };
  }

  async function login(signal: AbortSignal): Promise<string> {
    const { status, text } = await send(config.authPath, { username: config.username, password: config.password }, signal);
    const json = parseJson(text) as { session?: unknown; error_code?: unknown; message?: unknown } | undefined;
    const outcome = code.safeParse(json?.error_code);
    if (status >= 400 || (outcome.success && outcome.data !== 0))
      throw new Failure({ kind: 'refused', message: `${PORTAL} từ chối đăng nhập: ${messageOf(json?.message) || `HTTP ${status}`}` });
    if (!outcome.success || typeof json?.session !== 'string' || !json.session.trim()) throw new Failure(badAnswer('đăng nhập không trả về phiên làm việc'));
    return json.session;
  }
  const sessions = sessionCache(login);

  /** One service call with the cached session, logging in again once when the portal says it expired. */
  async function call(service: string, data: unknown, extra: { isUpdating?: boolean } = {}): Promise<Envelope> {
    const signal = AbortSignal.timeout(config.timeoutMs);
    const body = (token: string) => ({
      session: token,
      madonvi: config.agencyId,
      service,
      data,
      ...(extra.isUpdating === undefined ? {} : { isUpdating: extra.isUpdating ? 'True' : 'False' }),
    });
    const first = await sessions.current(signal);
    const answer = await post(config.integrationPath, body(first), signal);
    if (!expired(answer)) return answer;
    sessions.forget(first);
    const again = await post(config.integrationPath, body(await sessions.current(signal)), signal);
    if (expired(again)) throw new Failure({ kind: 'refused', message: `${PORTAL} không nhận phiên làm việc sau khi đăng nhập lại` });
    return again;
  }

  async function outcome<T>(
    service: string,
    data: unknown,
    read: (e: Envelope) => PortalOutcome<T>,
    extra?: { isUpdating?: boolean },
  ): Promise<PortalOutcome<T>> {
    try {
      const answer = await call(service, data, extra);
      if (answer.code === 0) return read(answer);
      if (EXISTS.test(answer.message)) return { kind: 'exists', message: answer.message };
      if (NOT_FOUND.test(answer.message)) return { kind: 'notFound', message: answer.message };
      return { kind: 'refused', message: `${PORTAL} từ chối: ${answer.message || `mã lỗi ${answer.code}`}` };
    } catch (error) {
      if (error instanceof Failure) return error.outcome;
      throw error;
    }
  }

  return {
    syncDossier: (record, isUpdating) =>
      outcome(
        'DongBoHoSoMC',
        [record],
        (e) => {
          const ack = dossierAck.safeParse(e.result);
          // A real portal may answer without a result; one that names another dossier is not this one's acknowledgement.
          if (e.result !== undefined && e.result !== null && (!ack.success || ack.data[0]!.MaHoSo !== record.MaHoSo))
            return badAnswer(`xác nhận không khớp hồ sơ ${record.MaHoSo}`);
          return { kind: 'ok', result: { code: record.MaHoSo } };
        },
        { isUpdating },
      ),
    pushProgress: (dossierCode: string, entries: readonly PortalProgress[]) =>
      outcome('CapNhatTienDoHoSoMC', entries, (e) => {
        if (e.result === undefined || e.result === null) return { kind: 'ok', result: { code: dossierCode, count: null } };
        const ack = progressAck.safeParse(e.result);
        const mine = ack.success ? ack.data.find((a) => a.MaHoSo === dossierCode) : undefined;
        if (!mine || !('SoTienDo' in mine)) return badAnswer(`xác nhận tiến độ không khớp hồ sơ ${dossierCode}`);
        return { kind: 'ok', result: { code: dossierCode, count: mine.SoTienDo ?? null } };
      }),
    lookup: (codes) =>
      outcome(
        'TraCuuHoSo',
        codes.map((MaHoSo) => ({ MaHoSo })),
        (e) => {
          const parsed = views.safeParse(e.result ?? []);
          if (!parsed.success) return badAnswer('kết quả tra cứu hồ sơ');
          const asked = new Set(codes);
          const found: PortalDossierView[] = parsed.data
            .filter((v) => asked.has(v.MaHoSo))
            .map((v) => ({ ...v, QuaTrinhXuLy: (v.QuaTrinhXuLy ?? []) as PortalProgress[] }));
          return { kind: 'ok', result: found };
        },
      ),
    pushRatings: (items) => outcome('DongBoDanhGia', items, () => ({ kind: 'ok', result: null })),
    listProcedures: () =>
      outcome('LayDanhSachTTHC', {}, (e) => {
        const parsed = summaries.safeParse(e.result ?? []);
        return parsed.success ? { kind: 'ok', result: parsed.data as PortalProcedureSummary[] } : badAnswer('danh sách thủ tục');
      }),
    getProcedure: (procedureCode) =>
      outcome('LayThuTuc', { maTTHC: procedureCode }, (e) =>
        e.result === null || e.result === undefined
          ? { kind: 'ok', result: null }
          : typeof e.result === 'object' && !Array.isArray(e.result)
            ? { kind: 'ok', result: e.result as Record<string, unknown> }
            : badAnswer('thủ tục'),
      ),
    publishProcedure: (request: PortalPublicationRequest) =>
      outcome(
        'CongKhaiTTHC',
        {
          MaTTHC: request.code,
          SoQuyetDinh: request.decisionNumber,
          NgayQuyetDinh: `${request.decisionDate.replaceAll('-', '')}000000`,
          MaDonVi: request.agencyId,
        },
        (e) => {
          // Only an answer naming this procedure with a readable NgayCongKhai is its acknowledgement: that date is 1.2's.
          const ack = publicationAck.safeParse(e.result);
          const at = ack.success && ack.data.MaTTHC === request.code ? parseSyncDate(ack.data.NgayCongKhai) : null;
          return at ? { kind: 'ok', result: { code: request.code, madePublicAt: at } } : badAnswer(`xác nhận công khai không khớp thủ tục ${request.code}`);
        },
      ),
  };
}
