/**
 * A local stand-in for the personal data vault of the national public-service portal (Kho quản lý dữ liệu điện tử
 * của tổ chức, cá nhân, INTEGRATIONS §3.2) for demos and tests. It speaks the protocol national-vault.ts speaks:
 *   POST /auth             `{username, password}` → `{session, error_code: 0}` (a random token; §3.1's login);
 *   POST /GetKetQuaGiayTo  the owner's documents whose MaKetQua (and SoKyHieu, when given) was asked, in
 *                          `{errorCode, message, signature, result: {DanhSachGiayToKetQua[…]}}`, with NgayCap and
 *                          NgayHetHieuLuc as dd/MM/yyyy (empty: no end);
 *   POST /GetGiayToByUrl   `{CoQuanChuQuan, DuongDan}` → the file as a base64 JSON string, as the portal answers.
 * Data calls carry `session` in the body. Faults a real portal shows can be switched on: slow, down (HTTP 503),
 * refuse (errorCode 403), and expiredSession (the next data call answers errorCode 401 and every session is dropped).
 *
 * `handle` serves one request whose URL is relative to the simulator (a host mounting it under a prefix strips the
 * prefix first) and reads the raw body itself. `demoVaultDocuments` draws the demo province's documents.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { sameSecret, simulatorServer, simulatorSessions, type Answer } from '../simulators/simulator-kit.js';
import { renderOfficialDocument } from '../pdf/official-document.js';
import { DEMO_CITIZENS, type DemoCitizen } from '../seed/demo-province.js';

export type NationalVaultFault = 'none' | 'slow' | 'down' | 'refuse' | 'expiredSession';

/** A document in the simulated vault. Dates are yyyy-mm-dd. */
export interface SimulatedVaultDocument {
  ownerId: string;
  resultCode: string;
  name: string;
  number: string;
  issuer: string;
  issuedOn: string;
  validUntil: string | null;
  files: { name: string; path: string; bytes: Buffer }[];
}

export interface NationalVaultSimulatorOptions {
  username: string;
  password: string;
  documents: readonly SimulatedVaultDocument[];
  /** How long the 'slow' fault waits before answering (default 8000 ms: beyond the portal's 6 s timeout). */
  slowMs?: number;
}

export interface NationalVaultSimulator {
  handle(req: IncomingMessage, res: ServerResponse): void;
  setFault(fault: NationalVaultFault): void;
  fault(): NationalVaultFault;
  /** How many GetKetQuaGiayTo requests it has received. */
  queries(): number;
  /** Drops the requests held by the 'slow' fault; later requests are dropped too. */
  close(): void;
}

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_SLOW_MS = 8000;
/** Sessions kept; the oldest are forgotten beyond this. */
const MAX_SESSIONS = 1000;

/** errorCode values of the simulated portal (0 is success). */
const CODE = { ok: 0, badRequest: 400, sessionExpired: 401, forbidden: 403, notFound: 404 } as const;

const json = (body: unknown, http = 200): Answer => ({ http, body });
const failure = (errorCode: number, message: string): Answer => json({ errorCode, message, signature: null, result: null });

const BAD_REQUEST = failure(CODE.badRequest, 'Yêu cầu không đúng định dạng');
const SESSION_EXPIRED = failure(CODE.sessionExpired, 'Phiên làm việc (session) không hợp lệ hoặc đã hết hạn');

const TOO_LARGE = json({ errorCode: 413, message: 'Yêu cầu quá lớn' }, 413);
const NOT_JSON = json({ errorCode: CODE.badRequest, message: 'Yêu cầu không phải JSON hợp lệ' }, 400);

/**
 * The raw body, or null beyond MAX_BODY_BYTES. The rest of a body too large is still drained (not destroyed), so
 * that the 413 reaches the caller.
 */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.resolve(null);
  const parts: Buffer[] = [];
  let size = 0;
  return new Promise((resolve, reject) => {
    req
      .on('data', (part: Buffer) => {
        size += part.length;
        if (size <= MAX_BODY_BYTES) parts.push(part);
        else parts.splice(0);
      })
      .once('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(parts) : null))
      .once('error', reject);
  });
}

/** The body as JSON, or the answer refusing it. */
async function readRequest(req: IncomingMessage): Promise<{ body: unknown } | { refusal: Answer }> {
  const raw = await readBody(req);
  if (!raw) return { refusal: TOO_LARGE };
  try {
    return { body: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { refusal: NOT_JSON };
  }
}

const loginRequest = z.object({ username: z.string(), password: z.string() });
const queryRequest = z.object({
  session: z.string(),
  SoDinhDanhChuSoHuu: z.string().trim().min(1),
  HoTenNguoiYeuCau: z.string(),
  KenhThucHien: z.enum(['1', '2']),
  SoDinhDanhNguoiYeuCau: z.string().trim().min(1),
  MaThuTuc: z.string(),
  DanhSachDanhMucKetQua: z.array(z.object({ MaKetQua: z.string().trim().min(1), SoKyHieu: z.string().nullish() })).min(1),
});
const fileRequest = z.object({ session: z.string(), CoQuanChuQuan: z.string(), DuongDan: z.string() });

/** yyyy-mm-dd → dd/MM/yyyy, as the portal writes dates. */
const vietnameseDate = (iso: string) => iso.split('-').reverse().join('/');

export function createNationalVaultSimulator(options: NationalVaultSimulatorOptions): NationalVaultSimulator {
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  let current: NationalVaultFault = 'none';
  let queryCount = 0;
  const sessions = simulatorSessions(MAX_SESSIONS);
  /** A key of this run, for the answer's `signature` (the real portal's scheme is not known: nobody checks it). */
  const signingKey = randomBytes(32);

  function login(body: unknown): Answer {
    const request = loginRequest.safeParse(body);
    if (!request.success) return json({ error_code: CODE.badRequest, message: 'Yêu cầu không đúng định dạng', session: null });
    if (!sameSecret(options.username, request.data.username) || !sameSecret(options.password, request.data.password))
      return json({ error_code: 1, message: 'Tên đăng nhập hoặc mật khẩu không đúng', session: null });
    return json({ error_code: 0, message: 'Thành công', session: sessions.issue() });
  }

  /** The session problem of a data call, if any; the 'expiredSession' fault expires every session, once. */
  function sessionProblem(session: unknown): Answer | null {
    const expire = current === 'expiredSession';
    if (expire) current = 'none';
    return sessions.valid(session, expire) ? null : SESSION_EXPIRED;
  }

  function query(body: unknown): Answer {
    queryCount += 1;
    const problem = sessionProblem((body as { session?: unknown } | null)?.session);
    if (problem) return problem;
    const parsed = queryRequest.safeParse(body);
    if (!parsed.success) return BAD_REQUEST;
    const request = parsed.data;
    if (current === 'refuse') return failure(CODE.forbidden, 'Đơn vị không có quyền khai thác dữ liệu của công dân này');
    if (request.KenhThucHien === '2' && request.SoDinhDanhNguoiYeuCau.trim() !== request.SoDinhDanhChuSoHuu.trim())
      return failure(CODE.forbidden, 'Khi thực hiện trực tuyến, người yêu cầu phải là chủ sở hữu giấy tờ');
    const owner = request.SoDinhDanhChuSoHuu.trim();
    const asked = (d: SimulatedVaultDocument) =>
      request.DanhSachDanhMucKetQua.some((r) => r.MaKetQua.trim() === d.resultCode && (!r.SoKyHieu?.trim() || r.SoKyHieu.trim() === d.number));
    const result = {
      DanhSachGiayToKetQua: options.documents
        .filter((d) => d.ownerId === owner && asked(d))
        .map((d) => ({
          MaKetQua: d.resultCode,
          TenGiayTo: d.name,
          SoKyHieu: d.number,
          CoQuanChuQuan: d.issuer,
          NgayCap: vietnameseDate(d.issuedOn),
          NgayHetHieuLuc: d.validUntil ? vietnameseDate(d.validUntil) : '',
          DanhSachTepDinhKem: d.files.map((f) => ({ TenTep: f.name, DuongDan: f.path })),
        })),
    };
    const signature = createHash('sha256').update(signingKey).update(JSON.stringify(result)).digest('base64');
    return json({ errorCode: CODE.ok, message: 'Thành công', signature, result });
  }

  function file(body: unknown): Answer {
    const problem = sessionProblem((body as { session?: unknown } | null)?.session);
    if (problem) return problem;
    const parsed = fileRequest.safeParse(body);
    if (!parsed.success) return BAD_REQUEST;
    if (current === 'refuse') return failure(CODE.forbidden, 'Đơn vị không có quyền khai thác tệp này');
    const { CoQuanChuQuan: issuer, DuongDan: path } = parsed.data;
    const found = options.documents.find((d) => d.issuer === issuer && d.files.some((f) => f.path === path));
    const bytes = found?.files.find((f) => f.path === path)?.bytes;
    if (!bytes) return failure(CODE.notFound, 'Không tìm thấy tệp giấy tờ');
    // The portal answers the content itself, a JSON string.
    return json(bytes.toString('base64'));
  }

  const routes: Record<string, (body: unknown) => Answer> = { '/auth': login, '/GetKetQuaGiayTo': query, '/GetGiayToByUrl': file };

  /** The answer to one request; null when it is dropped (the simulator closed meanwhile). */
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<Answer | null> {
    const path = new URL(req.url ?? '/', 'http://simulator.invalid').pathname;
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (route === undefined) return json({ errorCode: CODE.notFound, message: 'Không tìm thấy địa chỉ này' }, 404);
    if (req.method !== 'POST') return json({ errorCode: 405, message: 'Chỉ nhận yêu cầu POST' }, 405);
    if (current === 'down') return json({ errorCode: 503, message: 'Hệ thống đang bảo trì, vui lòng thử lại sau' }, 503);
    const request = await readRequest(req);
    if ('refusal' in request) return request.refusal;
    if (current === 'slow') await server.hold(res, slowMs);
    return server.closed() ? null : route(request.body);
  }
  const server = simulatorServer(answer, json({ errorCode: 500, message: 'Lỗi không xác định của hệ thống' }, 500));

  return {
    handle: server.handle,
    setFault(fault) {
      current = fault;
    },
    fault: () => current,
    queries: () => queryCount,
    close: server.close,
  };
}

// The demo province's vault: a birth certificate for every demo citizen, and an expired marital-status certificate.
export const DEMO_BIRTH_CERTIFICATE_CODE = '1.001193.KQ1';
export const DEMO_MARITAL_STATUS_CODE = '1.004873.KQ1';
const DEMO_ISSUER = 'Ủy ban nhân dân xã Cao Lộc';
const DEMO_SUPERIOR = 'Ủy ban nhân dân tỉnh Lạng Sơn';
const COPY_NOTE = 'Bản sao điện tử (dữ liệu mô phỏng)';

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const placeAndDate = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return `Cao Lộc, ngày ${day} tháng ${month} năm ${year}`;
};
/** An opaque path: the vault's paths need not show whose document it is. */
const demoPath = (ownerId: string, resultCode: string, file: string) =>
  `kho-du-lieu/${createHash('sha256').update(`${ownerId}:${resultCode}`).digest('hex').slice(0, 20)}/${file}`;

function drawDemoDocument(input: { title: string; number: string; issuedOn: string; fields: { label: string; value: string }[] }): Promise<Buffer> {
  return renderOfficialDocument({
    title: input.title,
    formLine: null,
    body: { superior: DEMO_SUPERIOR, issuer: DEMO_ISSUER },
    placeAndDate: placeAndDate(input.issuedOn),
    reference: `Số: ${input.number}`,
    heading: [{ text: input.title.toLocaleUpperCase('vi'), style: 'bold', size: 15 }],
    blocks: [
      ...input.fields.map((f) => ({ kind: 'field' as const, ...f })),
      { kind: 'space', mm: 6 },
      { kind: 'paragraph', text: COPY_NOTE, style: 'italic', align: 'center' },
    ],
  });
}

async function birthCertificate(citizen: DemoCitizen): Promise<SimulatedVaultDocument> {
  const number = `${Number(citizen.personalId.slice(-3))}/${citizen.birthDate.slice(0, 4)}/KS`;
  const issuedOn = addDays(citizen.birthDate, 10);
  const pdf = await drawDemoDocument({
    title: 'Giấy khai sinh',
    number,
    issuedOn,
    fields: [
      { label: 'Họ, chữ đệm và tên', value: citizen.fullName },
      { label: 'Ngày, tháng, năm sinh', value: vietnameseDate(citizen.birthDate) },
      { label: 'Giới tính', value: citizen.gender },
      { label: 'Số định danh cá nhân', value: citizen.personalId },
    ],
  });
  return {
    ownerId: citizen.personalId,
    resultCode: DEMO_BIRTH_CERTIFICATE_CODE,
    name: 'Giấy khai sinh',
    number,
    issuer: DEMO_ISSUER,
    issuedOn,
    validUntil: null,
    files: [{ name: 'giay-khai-sinh.pdf', path: demoPath(citizen.personalId, DEMO_BIRTH_CERTIFICATE_CODE, 'giay-khai-sinh.pdf'), bytes: pdf }],
  };
}

/** Issued in March 2025 and valid six months: expired, so that reusing it must be refused. */
async function expiredMaritalStatus(citizen: DemoCitizen): Promise<SimulatedVaultDocument> {
  const number = '45/2025/XNTTHN';
  const issuedOn = '2025-03-10';
  const pdf = await drawDemoDocument({
    title: 'Giấy xác nhận tình trạng hôn nhân',
    number,
    issuedOn,
    fields: [
      { label: 'Họ, chữ đệm và tên', value: citizen.fullName },
      { label: 'Ngày, tháng, năm sinh', value: vietnameseDate(citizen.birthDate) },
      { label: 'Số định danh cá nhân', value: citizen.personalId },
      { label: 'Tình trạng hôn nhân', value: 'Chưa đăng ký kết hôn với ai' },
      { label: 'Giấy này có giá trị đến', value: '10/09/2025' },
    ],
  });
  return {
    ownerId: citizen.personalId,
    resultCode: DEMO_MARITAL_STATUS_CODE,
    name: 'Giấy xác nhận tình trạng hôn nhân',
    number,
    issuer: DEMO_ISSUER,
    issuedOn,
    validUntil: '2025-09-10',
    files: [{ name: 'xac-nhan-tinh-trang-hon-nhan.pdf', path: demoPath(citizen.personalId, DEMO_MARITAL_STATUS_CODE, 'xac-nhan.pdf'), bytes: pdf }],
  };
}

/** Drawn once per process: PDFs take a moment. */
let demoDocuments: Promise<SimulatedVaultDocument[]> | null = null;

export async function demoVaultDocuments(): Promise<SimulatedVaultDocument[]> {
  demoDocuments ??= (async () => {
    const births = await Promise.all(DEMO_CITIZENS.map(birthCertificate));
    const first = DEMO_CITIZENS[0];
    return first ? [...births, await expiredMaritalStatus(first)] : births;
  })();
  // A failed drawing is not kept: the next call tries again.
  demoDocuments.catch(() => (demoDocuments = null));
  return [...(await demoDocuments)];
}
