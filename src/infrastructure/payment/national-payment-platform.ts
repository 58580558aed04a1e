/**
 * The national public-service portal's payment platform (Nền tảng thanh toán, message protocol PhienBan 1.0.6;
 * docs/INTEGRATIONS.md §1.2), for one partner account (MaDoiTac):
 * - INIT opens an attempt and answers with the platform's pay page (UrlThanhToan);
 * - the platform confirms a payment by POSTing a signed callback, answered with MaLoi 00 or 99;
 * - QUERY asks for the state of an attempt (TrangThaiGD 1 paid, 3 not known yet, 4 failed); GET_BILL fetches the
 *   platform's e-receipt PDF.
 * Every message is JSON, optionally with `Authorization: Bearer`, and carries MaXacThuc: plain SHA-256 (not HMAC) of
 * its fields joined by "|" with the secret last. ThoiGianGD is yyyyMMddHHmmss on a 24-hour clock in GMT+7.
 */
import { createHash } from 'node:crypto';
import {
  GatewayUnavailableError,
  type CallbackVerdict,
  type GatewayOutcome,
  type PaymentGateway,
  type StartPaymentInput,
  type VerifiedCallback,
} from '../../domain/payment/gateway.js';
import { DEFAULT_TIMEOUT_MS, callGateway, field, gmt7Stamp, parseGmt7Stamp, readJsonObject, sameHex, type FetchFunction } from './payment-wire.js';

export type PlatformAccount = {
  partnerCode: string;
  secret: string;
  /** The platform's message endpoint (every LoaiBanTin goes there). */
  apiUrl: string;
  accessToken?: string;
  /** Bound on each call (default 10 s). */
  timeoutMs?: number;
};

export interface PlatformDependencies {
  fetch?: FetchFunction;
}

export const PLATFORM_VERSION = '1.0.6';

/** The fields each message's MaXacThuc covers, in order; the secret follows them. */
export const INIT_HASH_FIELDS = [
  'LoaiBanTin',
  'PhienBan',
  'MaDoiTac',
  'MaThamChieu',
  'SoTien',
  'LoaiHinhThanhToan',
  'MaKenhThanhToan',
  'MaThietBi',
  'NgonNgu',
  'MaTienTe',
  'MaNganHang',
  'ThongTinGiaoDich',
  'ThoiGianGD',
  'Ip',
] as const;
export const CONFIRM_HASH_FIELDS = [
  'LoaiBanTin',
  'MaLoi',
  'MaDoiTac',
  'MaThamChieu',
  'SoTien',
  'MaTienTe',
  'MaGiaoDich',
  'MaNganHang',
  'ThoiGianGD',
  'ThongTinGiaoDich',
] as const;
/** QUERY and GET_BILL. */
export const QUERY_HASH_FIELDS = ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'] as const;

const GATEWAY = 'Nền tảng thanh toán của Cổng Dịch vụ công quốc gia';

/** MaXacThuc: SHA-256 hex of the fields joined by "|", then "|" and the secret. */
export function platformHash(fields: readonly string[], secret: string): string {
  return createHash('sha256')
    .update([...fields, secret].join('|'), 'utf8')
    .digest('hex');
}

/** MaXacThuc of a message over the named fields (missing ones count as empty). */
export function platformMessageHash(message: Record<string, unknown>, names: readonly string[], secret: string): string {
  return platformHash(
    names.map((name) => field(message, name)),
    secret,
  );
}

/** A signed INIT message. The receipt block (ThongTinBienLai) names the procedure, the unit, the payer and each fee line. */
export function platformInitBody(account: Pick<PlatformAccount, 'partnerCode' | 'secret'>, input: StartPaymentInput): Record<string, unknown> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new RangeError(`The amount must be a whole positive number of VND, not ${input.amount}.`);
  const description = input.description.replace(/\|/g, ' ');
  const { receipt } = input;
  const message: Record<string, unknown> = {
    LoaiBanTin: 'INIT',
    PhienBan: PLATFORM_VERSION,
    MaDoiTac: account.partnerCode,
    MaThamChieu: input.reference,
    SoTien: String(input.amount),
    LoaiHinhThanhToan: 'PAY',
    MaKenhThanhToan: '1',
    MaThietBi: '1',
    NgonNgu: 'vi-VN',
    MaTienTe: 'VND',
    MaNganHang: 'PAYMENT',
    ThongTinGiaoDich: description,
    ThoiGianGD: gmt7Stamp(input.createdAt),
    Ip: input.ip,
    ThongTinBienLai: {
      MaDichVu: '2',
      MaDVC: `${receipt.procedureCode}.01`,
      TenDVC: receipt.procedureName,
      MaTTHC: receipt.procedureCode,
      TenTTHC: receipt.procedureName,
      MaDonVi: receipt.unitCode,
      TenDonVi: receipt.unitName,
      MaHoSo: receipt.dossierCode,
      NoiDungThanhToan: description,
      HoTenNguoiNop: receipt.payerName,
      PhiLePhi: receipt.lines.map((line) => ({
        LoaiPhiLePhi: line.kind === 'fee' ? 1 : 2,
        MaPhiLePhi: line.code,
        TenPhiLePhi: line.name,
        SoTien: line.amount,
      })),
      DSKhoanNop: receipt.lines.map((line) => ({ NoiDung: line.name, SoTien: line.amount })),
    },
  };
  return { ...message, MaXacThuc: platformMessageHash(message, INIT_HASH_FIELDS, account.secret) };
}

/** A signed QUERY or GET_BILL message; ThoiGianGD is that of the attempt's INIT. */
export function platformQueryBody(
  account: Pick<PlatformAccount, 'partnerCode' | 'secret'>,
  kind: 'QUERY' | 'GET_BILL',
  attempt: { reference: string; createdAt: Date },
): Record<string, string> {
  const message: Record<string, string> = {
    LoaiBanTin: kind,
    PhienBan: PLATFORM_VERSION,
    MaDoiTac: account.partnerCode,
    MaThamChieu: attempt.reference,
    ThoiGianGD: gmt7Stamp(attempt.createdAt),
  };
  return { ...message, MaXacThuc: platformMessageHash(message, QUERY_HASH_FIELDS, account.secret) };
}

async function post(account: PlatformAccount, message: Record<string, unknown>, deps: PlatformDependencies): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (account.accessToken) headers.authorization = `Bearer ${account.accessToken}`;
  const init = { method: 'POST', headers, body: JSON.stringify(message) };
  return callGateway(deps.fetch ?? fetch, account.apiUrl, init, account.timeoutMs ?? DEFAULT_TIMEOUT_MS, GATEWAY);
}

const refused = (what: string, detail: string) => new GatewayUnavailableError(`${GATEWAY} từ chối ${what}${detail ? `: ${detail}` : ''}.`);

/** The content of an answer: `{error_code, message: "<json>"}` unwrapped (error_code other than 0 is a refusal), then MaLoi checked. */
function answerContent(answer: Record<string, unknown>, what: string): Record<string, unknown> {
  let content = answer;
  if ('error_code' in answer) {
    if (field(answer, 'error_code') !== '0') throw refused(what, `mã ${field(answer, 'error_code')} ${field(answer, 'message')}`.trim());
    const inner = typeof answer.message === 'string' ? parseObject(answer.message) : answer.message;
    if (!inner || typeof inner !== 'object' || Array.isArray(inner)) throw new GatewayUnavailableError(`${GATEWAY} trả lời ${what} không đúng định dạng.`);
    content = inner as Record<string, unknown>;
  }
  if ('MaLoi' in content && field(content, 'MaLoi') !== '00') throw refused(what, `mã ${field(content, 'MaLoi')} ${field(content, 'MoTaLoi')}`.trim());
  return content;
}

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** INIT: the platform's pay page for the attempt. */
export async function platformStart(account: PlatformAccount, input: StartPaymentInput, deps: PlatformDependencies = {}): Promise<{ redirectUrl: string }> {
  const res = await post(account, platformInitBody(account, input), deps);
  const content = answerContent(await readJsonObject(res, GATEWAY), 'khởi tạo giao dịch');
  const url = field(content, 'UrlThanhToan');
  if (!/^https?:\/\//i.test(url)) throw new GatewayUnavailableError(`${GATEWAY} không trả về địa chỉ trang thanh toán.`);
  return { redirectUrl: url };
}

/** QUERY: TrangThaiGD 1 → paid, 4 → failed, 3 (or anything else) → pending. A refusal → GatewayUnavailableError. */
export async function platformQuery(
  account: PlatformAccount,
  attempt: { reference: string; createdAt: Date },
  deps: PlatformDependencies = {},
): Promise<GatewayOutcome> {
  const res = await post(account, platformQueryBody(account, 'QUERY', attempt), deps);
  const content = answerContent(await readJsonObject(res, GATEWAY), 'truy vấn giao dịch');
  if (!('MaLoi' in content)) throw new GatewayUnavailableError(`${GATEWAY} trả lời truy vấn không có MaLoi.`);
  const reference = field(content, 'MaThamChieu');
  if (reference && reference !== attempt.reference) throw new GatewayUnavailableError(`${GATEWAY} trả lời về một giao dịch khác.`);
  const status = field(content, 'TrangThaiGD');
  const outcome = status === '1' ? 'paid' : status === '4' ? 'failed' : 'pending';
  const amount = field(content, 'SoTien');
  return {
    reference: attempt.reference,
    amount: /^\d{1,15}$/.test(amount) ? Number(amount) : null,
    outcome,
    providerTransactionId: field(content, 'MaGiaoDich') || null,
    bankCode: field(content, 'MaNganHang') || null,
    code: `00/${status}`,
    paidAt: outcome === 'paid' ? parseGmt7Stamp(field(content, 'ThoiGianGD')) : null,
    suspectedFraud: false,
  };
}

/** GET_BILL: the platform's e-receipt PDF; null when it answers with a message instead (no receipt for this attempt). */
export async function platformBill(
  account: PlatformAccount,
  attempt: { reference: string; createdAt: Date },
  deps: PlatformDependencies = {},
): Promise<Uint8Array | null> {
  const res = await post(account, platformQueryBody(account, 'GET_BILL', attempt), deps);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (error) {
    throw new GatewayUnavailableError(`${GATEWAY} không gửi hết biên lai.`, { cause: error });
  }
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-' ? bytes : null;
}

/** Checks a confirm callback: MaXacThuc first, then the partner, then the fields. MaLoi 00 = paid. Pure. */
export function verifyPlatformCallback(account: Pick<PlatformAccount, 'partnerCode' | 'secret'>, raw: Record<string, unknown>): VerifiedCallback {
  const reference = field(raw, 'MaThamChieu') || null;
  const invalid = (reason: string): VerifiedCallback => ({ valid: false, reason, reference });
  const received = field(raw, 'MaXacThuc');
  if (!received) return invalid('Thiếu mã xác thực MaXacThuc.');
  if (!sameHex(platformMessageHash(raw, CONFIRM_HASH_FIELDS, account.secret), received)) return invalid('Sai mã xác thực MaXacThuc.');
  if (field(raw, 'MaDoiTac') !== account.partnerCode) return invalid(`Mã đối tác ${field(raw, 'MaDoiTac')} không phải của tài khoản này.`);
  const amount = field(raw, 'SoTien');
  if (!reference || !/^\d{1,15}$/.test(amount)) return invalid('Thiếu mã tham chiếu hoặc số tiền không hợp lệ.');
  const code = field(raw, 'MaLoi');
  const paid = code === '00';
  return {
    valid: true,
    outcome: {
      reference,
      amount: Number(amount),
      outcome: paid ? 'paid' : 'failed',
      providerTransactionId: field(raw, 'MaGiaoDich') || null,
      bankCode: field(raw, 'MaNganHang') || null,
      code,
      paidAt: paid ? parseGmt7Stamp(field(raw, 'ThoiGianGD')) : null,
      suspectedFraud: false,
    },
  };
}

const REPLY_TEXT: Record<CallbackVerdict, string> = {
  confirmed: 'Xác nhận thành công',
  alreadyConfirmed: 'Giao dịch đã được xác nhận trước đó',
  notFound: 'Không tìm thấy giao dịch',
  invalidAmount: 'Số tiền không khớp',
  invalidSignature: 'Sai mã xác thực',
  error: 'Lỗi không xác định',
};

/** The answer to a confirm callback: MaLoi 00 when we hold the payment (now or before), 99 otherwise; MaXacThuc echoed. */
export function platformCallbackReply(raw: Record<string, unknown>, verdict: CallbackVerdict) {
  return {
    MaLoi: verdict === 'confirmed' || verdict === 'alreadyConfirmed' ? '00' : '99',
    MoTaLoi: REPLY_TEXT[verdict],
    MaDoiTac: field(raw, 'MaDoiTac'),
    MaThamChieu: field(raw, 'MaThamChieu'),
    ThoiGianGD: field(raw, 'ThoiGianGD'),
    MaXacThuc: field(raw, 'MaXacThuc'),
  };
}

/** The port for one partner account of the platform. */
export function createPlatformGateway(account: PlatformAccount, deps: PlatformDependencies = {}): PaymentGateway {
  return {
    provider: 'nationalPlatform',
    start: (input) => platformStart(account, input, deps),
    verifyCallback: (raw) => verifyPlatformCallback(account, raw),
    callbackReply: (raw, verdict) => platformCallbackReply(raw, verdict),
    query: (attempt) => platformQuery(account, attempt, deps),
    bill: (attempt) => platformBill(account, attempt, deps),
  };
}
