/**
 * The adapter for the personal data vault of the national public-service portal (Kho quản lý dữ liệu điện tử của tổ
 * chức, cá nhân, INTEGRATIONS §3.2), behind the NationalVault port. Three calls, all `POST` JSON:
 *   {auth}            `{username, password}` → `{session, error_code: 0}`, with the `dstcode` header (as §3.1);
 *   GetKetQuaGiayTo   `{SoDinhDanhChuSoHuu, HoTenNguoiYeuCau, KenhThucHien, SoDinhDanhNguoiYeuCau, MaThuTuc,
 *                     DanhSachDanhMucKetQua[{MaKetQua, SoKyHieu}]}` → `{errorCode, message, signature,
 *                     result: {DanhSachGiayToKetQua[…]}}`;
 *   GetGiayToByUrl    `{CoQuanChuQuan, DuongDan}` → the file as a base64 JSON string.
 * The data calls also carry `session` and `madonvi` in the body (as §3.1 does). The session is cached; an answer
 * saying it expired (errorCode 401, or a message mentioning "session") makes the adapter log in again, once.
 * Every operation has one deadline (`timeoutMs`, the portal's TIMEOUT_DVCQG of 6 s by default) covering the login,
 * the call and the retry. Nothing is logged: the payloads carry personal ids and names.
 */
import { z } from 'zod';
import { portalPoster, sessionCache, TransportError } from '../http-clients/portal-exchange.js';
import type { NationalVault, NationalVaultAnswer, NationalVaultDocument, NationalVaultFile, NationalVaultQuery } from '../../domain/data-vault/exchange.js';

export interface NationalVaultConfig {
  baseUrl: string;
  /** Each path is relative to baseUrl, or a full http(s) URL of its own. */
  authPath: string;
  queryPath: string;
  filePath: string;
  username: string;
  password: string;
  /** The `dstcode` header (destination code), when the portal gave one. */
  dstcode: string | null;
  /** madonvi: the agency's electronic id. */
  unitCode: string;
  timeoutMs: number;
}

/** TIMEOUT_DVCQG. */
export const DEFAULT_NATIONAL_VAULT_TIMEOUT_MS = 6000;

const PORTAL = 'Kho dữ liệu điện tử của Cổng Dịch vụ công quốc gia';
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The base64 of MAX_FILE_BYTES, with room for line breaks (every 76 characters) and a JSON envelope. */
const MAX_FILE_ANSWER_BYTES = Math.ceil(((Math.ceil(MAX_FILE_BYTES / 3) * 4) / 76) * 78) + 64 * 1024;
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** A portal's message is shown to people: long enough for a sentence, not for a stack trace. */
const MAX_MESSAGE_LENGTH = 300;
const SESSION_EXPIRED_CODE = 401;

type Unavailable = { kind: 'unavailable'; reason: 'timeout' | 'down' | 'badAnswer'; message: string };
type Refused = { kind: 'refused'; message: string };

/** How an exchange failed; turned into an answer at the edge of query and fetchFile. */
class Failure extends Error {
  constructor(readonly answer: Unavailable | Refused) {
    super(answer.message);
  }
}

/** 1500 → "1,5" (Vietnamese decimal comma). */
const seconds = (ms: number) => String(Math.round(ms / 100) / 10).replace('.', ',');

const unavailable = (reason: Unavailable['reason'], message: string): Unavailable => ({ kind: 'unavailable', reason, message });
const timeout = (ms: number) => unavailable('timeout', `${PORTAL} không trả lời trong ${seconds(ms)} giây`);
const down = (detail: string | null) => unavailable('down', `Không kết nối được ${PORTAL}${detail ? ` (${detail})` : ''}`);
const badAnswer = (detail: string) => unavailable('badAnswer', `${PORTAL} trả lời không đúng định dạng: ${detail}`);
const refused = (message: string): Refused => ({ kind: 'refused', message: `${PORTAL} từ chối: ${message}` });

const shortMessage = (message: unknown): string | null => {
  const text = typeof message === 'string' ? message.trim() : '';
  return text ? text.slice(0, MAX_MESSAGE_LENGTH) : null;
};

/** Codes may come as numbers or numeric strings. */
const numericCode = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** An answer's outcome: `errorCode` (data calls) or `error_code` (login), and its message. */
function outcomeOf(json: unknown): { code: number; message: string | null } | null {
  if (json === null || typeof json !== 'object') return null;
  const record = json as Record<string, unknown>;
  const code = numericCode.safeParse(record.errorCode ?? record.error_code);
  return code.success ? { code: code.data, message: shortMessage(record.message) } : null;
}

interface Reply {
  status: number;
  text: string;
  /** undefined when the body is not JSON. */
  json: unknown;
}

const sessionExpired = (reply: Reply): boolean => {
  if (reply.status === 401) return true;
  const outcome = outcomeOf(reply.json);
  return outcome !== null && outcome.code !== 0 && (outcome.code === SESSION_EXPIRED_CODE || /session/i.test(outcome.message ?? ''));
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The body as text, at most `limit` bytes. */
async function readText(res: Response, limit: number): Promise<string> {
  const tooLarge = () => new Failure(badAnswer('câu trả lời quá lớn'));
  if (Number(res.headers.get('content-length') ?? 0) > limit) {
    res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// One document of DanhSachGiayToKetQua; a document that does not hold is left out of the answer.
const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? null : String(value).trim() || null));
const rawDocument = z.object({
  MaKetQua: z.string().trim().min(1),
  TenGiayTo: optionalText,
  SoKyHieu: optionalText,
  CoQuanChuQuan: z.string().trim().min(1),
  NgayCap: optionalText,
  NgayHetHieuLuc: optionalText,
  DanhSachTepDinhKem: z
    .array(z.object({ TenTep: optionalText, DuongDan: z.string().trim().min(1) }))
    .nullish()
    .transform((files) => files ?? []),
});
const queryResult = z.object({ DanhSachGiayToKetQua: z.array(z.unknown()).nullish() }).nullish();

/** yyyy-mm-dd or dd/MM/yyyy (a time after it is ignored) → yyyy-mm-dd; null when empty; undefined when unreadable. */
function vaultDate(value: string | null): string | null | undefined {
  if (value === null) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value);
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[T ].*)?$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : vietnamese ? [vietnamese[3], vietnamese[2], vietnamese[1]] : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return date.toISOString().slice(0, 10) === text ? text : undefined;
}

const sameNumber = (a: string, b: string | null) => b !== null && a.trim().toLocaleLowerCase('vi') === b.trim().toLocaleLowerCase('vi');

/** The documents asked for: a MaKetQua among the asked codes and, when a SoKyHieu was asked with it, that number. */
function mapDocuments(items: readonly unknown[], query: NationalVaultQuery): NationalVaultDocument[] {
  const documents: NationalVaultDocument[] = [];
  for (const item of items) {
    const parsed = rawDocument.safeParse(item);
    if (!parsed.success) continue;
    const raw = parsed.data;
    const asked = query.resultCodes.some((r) => r.code.trim() === raw.MaKetQua && (!r.number?.trim() || sameNumber(r.number, raw.SoKyHieu)));
    if (!asked) continue;
    const validUntil = vaultDate(raw.NgayHetHieuLuc);
    // An end of validity that cannot be read must not pass for "no end": the document is left out.
    if (validUntil === undefined) continue;
    documents.push({
      resultCode: raw.MaKetQua,
      name: raw.TenGiayTo ?? '',
      number: raw.SoKyHieu,
      issuer: raw.CoQuanChuQuan,
      issuedOn: vaultDate(raw.NgayCap) ?? null,
      validUntil,
      files: raw.DanhSachTepDinhKem.map((f) => ({ name: f.TenTep ?? f.DuongDan.split('/').pop() ?? f.DuongDan, path: f.DuongDan })),
    });
  }
  return documents;
}

function readDocuments(reply: Reply, query: NationalVaultQuery): NationalVaultAnswer {
  const outcome = outcomeOf(reply.json);
  if (reply.status >= 400) return refused(outcome?.message ?? `HTTP ${reply.status}`);
  if (!outcome) return badAnswer(reply.json === undefined ? 'không phải JSON' : 'thiếu errorCode');
  if (outcome.code !== 0) return refused(outcome.message ?? `mã lỗi ${outcome.code}`);
  const result = queryResult.safeParse((reply.json as { result?: unknown }).result);
  if (!result.success) return badAnswer('danh sách giấy tờ');
  return { kind: 'ok', documents: mapDocuments(result.data?.DanhSachGiayToKetQua ?? [], query) };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function readFile(reply: Reply): NationalVaultFile {
  // A refusal of a file (HTTP 4xx or a non-zero errorCode) means we cannot have it: there is no other answer for it.
  if (reply.status >= 400) return { kind: 'notFound' };
  let content: unknown;
  if (typeof reply.json === 'string') content = reply.json;
  else if (reply.json === undefined) content = reply.text;
  else {
    const outcome = outcomeOf(reply.json);
    if (!outcome) return badAnswer('thiếu nội dung tệp');
    if (outcome.code !== 0) return { kind: 'notFound' };
    content = (reply.json as { result?: unknown }).result;
  }
  if (content === null || content === undefined || content === '') return { kind: 'notFound' };
  if (typeof content !== 'string') return badAnswer('nội dung tệp không phải base64');
  const base64 = content.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!base64) return { kind: 'notFound' };
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) return badAnswer('nội dung tệp không phải base64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_FILE_BYTES) return badAnswer(`tệp lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  return { kind: 'ok', bytes };
}

export function createNationalVault(config: NationalVaultConfig, fetchImpl: typeof fetch = fetch): NationalVault {
  const send = portalPoster(config, fetchImpl, readText, (error) => error instanceof Failure);

  /** One exchange under the operation's deadline; a timeout, a refused connection, a 5xx or a body too large throws. */
  async function post(path: string, body: object, signal: AbortSignal, limit: number): Promise<Reply> {
    try {
      const { status, text } = await send(path, body, signal, limit);
      return { status, text, json: parseJson(text) };
    } catch (error) {
      if (error instanceof TransportError) throw new Failure(error.reason === 'timeout' ? timeout(config.timeoutMs) : down(error.detail));
      throw error;
    }
  }

  async function login(signal: AbortSignal): Promise<string> {
    const reply = await post(config.authPath, { username: config.username, password: config.password }, signal, MAX_ANSWER_BYTES);
    const outcome = outcomeOf(reply.json);
    if (reply.status >= 400 || (outcome && outcome.code !== 0)) {
      const message = outcome?.message ?? (outcome ? `mã lỗi ${outcome.code}` : `HTTP ${reply.status}`);
      throw new Failure({ kind: 'refused', message: `${PORTAL} từ chối đăng nhập: ${message}` });
    }
    const session = (reply.json as { session?: unknown } | undefined)?.session;
    if (!outcome || typeof session !== 'string' || !session.trim()) throw new Failure(badAnswer('đăng nhập không trả về phiên làm việc'));
    return session;
  }

  const sessions = sessionCache(login);

  /** The call with the cached session; when the portal says the session expired, a new login and one retry. */
  async function withSession(signal: AbortSignal, call: (session: string) => Promise<Reply>): Promise<Reply> {
    const first = await sessions.current(signal);
    const reply = await call(first);
    if (!sessionExpired(reply)) return reply;
    sessions.forget(first);
    const again = await call(await sessions.current(signal));
    if (sessionExpired(again)) throw new Failure(refused('phiên làm việc không được chấp nhận sau khi đăng nhập lại'));
    return again;
  }

  return {
    async query(query) {
      if (query.resultCodes.length === 0) return refused('thủ tục chưa có danh mục mã kết quả để tra cứu kho dữ liệu');
      const signal = AbortSignal.timeout(config.timeoutMs);
      const payload = {
        madonvi: config.unitCode,
        SoDinhDanhChuSoHuu: query.ownerId,
        HoTenNguoiYeuCau: query.requesterName,
        KenhThucHien: query.channel === 'online' ? '2' : '1',
        SoDinhDanhNguoiYeuCau: query.requesterId,
        MaThuTuc: query.procedureCode,
        DanhSachDanhMucKetQua: query.resultCodes.map((r) => ({ MaKetQua: r.code, SoKyHieu: r.number ?? '' })),
      };
      try {
        const reply = await withSession(signal, (token) => post(config.queryPath, { session: token, ...payload }, signal, MAX_ANSWER_BYTES));
        return readDocuments(reply, query);
      } catch (error) {
        if (error instanceof Failure) return error.answer;
        throw error;
      }
    },

    async fetchFile(issuer, path) {
      const signal = AbortSignal.timeout(config.timeoutMs);
      const payload = { madonvi: config.unitCode, CoQuanChuQuan: issuer, DuongDan: path };
      try {
        const reply = await withSession(signal, (token) => post(config.filePath, { session: token, ...payload }, signal, MAX_FILE_ANSWER_BYTES));
        return readFile(reply);
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
        // A file answer has no "refused": a portal that will not let us in is, for this file, out of reach.
        return error.answer.kind === 'refused' ? unavailable('down', error.answer.message) : error.answer;
      }
    },
  };
}
