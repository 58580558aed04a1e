/**
 * VNPay's payment gateway, API 2.1.0 (docs/INTEGRATIONS.md §1.1), for one merchant terminal:
 * - the pay redirect, signed with HMAC-SHA512 over the sorted, form-urlencoded vnp_* fields;
 * - the IPN (GET query or POST body, same fields): signature first (hex of either case, constant-time), then the
 *   terminal, then the result — paid only when vnp_ResponseCode and vnp_TransactionStatus are both 00;
 * - querydr and refund: JSON POSTs signed with HMAC-SHA512 over pipe-joined fields, whose answers are signed the
 *   same way and are not believed unless the signature matches.
 * Amounts are VND on our side and VND × 100 on the wire; timestamps are GMT+7 whatever the server's zone.
 */
import { createHmac, randomBytes } from 'node:crypto';
import {
  GatewayUnavailableError,
  type CallbackVerdict,
  type GatewayOutcome,
  type PaymentGateway,
  type StartPaymentInput,
  type VerifiedCallback,
} from '../../domain/payment/gateway.js';
import { DEFAULT_TIMEOUT_MS, asciiText, callGateway, field, gmt7Stamp, parseGmt7Stamp, readJsonObject, sameHex, type FetchFunction } from './payment-wire.js';

export type VnpayAccount = {
  tmnCode: string;
  hashSecret: string;
  /** …/paymentv2/vpcpay.html */
  payUrl: string;
  /** …/merchant_webapi/api/transaction */
  apiUrl: string;
  /** Bound on each querydr / refund call (default 10 s). */
  timeoutMs?: number;
};

export interface VnpayDependencies {
  fetch?: FetchFunction;
  now?: () => Date;
  /** vnp_RequestId: unique per day, at most 32 characters (default 32 random hex digits). */
  requestId?: () => string;
}

export const VNPAY_VERSION = '2.1.0';

/** The fields querydr and refund sign, in order (INTEGRATIONS §1.1). Missing fields count as empty. */
export const QUERYDR_REQUEST_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;
export const REFUND_RESPONSE_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
] as const;
export const QUERYDR_RESPONSE_FIELDS = [...REFUND_RESPONSE_FIELDS, 'vnp_PromotionCode', 'vnp_PromotionAmount'] as const;
export const REFUND_REQUEST_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TransactionType',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_TransactionNo',
  'vnp_TransactionDate',
  'vnp_CreateBy',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;

const GATEWAY = 'Cổng thanh toán VNPay';

const hmacSha512 = (secret: string, data: string) => createHmac('sha512', secret).update(data, 'utf8').digest('hex');

/** What the pay URL and the IPN sign: vnp_* fields but the hash ones, non-empty, sorted by key, form-urlencoded. */
export function vnpaySignedData(params: Record<string, string>): string {
  const entries = Object.entries(params)
    .filter(([key, value]) => key.startsWith('vnp_') && key !== 'vnp_SecureHash' && key !== 'vnp_SecureHashType' && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(entries).toString();
}

/** vnp_SecureHash of a pay URL or an IPN: HMAC-SHA512 hex (lower case). */
export function vnpaySignature(params: Record<string, string>, secret: string): string {
  return hmacSha512(secret, vnpaySignedData(params));
}

/** vnp_SecureHash of a querydr / refund request or answer: HMAC-SHA512 over the named fields joined by "|". */
export function vnpayPipeHash(message: Record<string, unknown>, fields: readonly string[], secret: string): string {
  return hmacSha512(secret, fields.map((name) => field(message, name)).join('|'));
}

/** The unsigned fields of a pay redirect. */
export function vnpayPayParams(account: Pick<VnpayAccount, 'tmnCode'>, input: StartPaymentInput): Record<string, string> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new RangeError(`The amount must be a whole positive number of VND, not ${input.amount}.`);
  return {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: account.tmnCode,
    vnp_Amount: String(input.amount * 100),
    vnp_CreateDate: gmt7Stamp(input.createdAt),
    vnp_ExpireDate: gmt7Stamp(input.expiresAt),
    vnp_CurrCode: 'VND',
    vnp_IpAddr: input.ip,
    vnp_Locale: 'vn',
    vnp_OrderInfo: asciiText(input.description) || `Thanh toan ${asciiText(input.reference)}`,
    vnp_OrderType: 'other',
    vnp_ReturnUrl: input.returnUrl,
    vnp_TxnRef: input.reference,
  };
}

/** Where the citizen's browser goes to pay: the pay page with the signed fields. */
export function vnpayPayUrl(account: Pick<VnpayAccount, 'tmnCode' | 'hashSecret' | 'payUrl'>, input: StartPaymentInput): string {
  const params = vnpayPayParams(account, input);
  return `${account.payUrl}?${vnpaySignedData(params)}&vnp_SecureHash=${vnpaySignature(params, account.hashSecret)}`;
}

/** What an attempt's codes mean. `responseCode` null for querydr, whose vnp_ResponseCode is about the query itself. */
export function vnpayPaymentState(responseCode: string | null, transactionStatus: string): Pick<GatewayOutcome, 'outcome' | 'suspectedFraud'> {
  // 07: the money was taken but VNPay suspects fraud. Taken is taken: paid, for an accountant to look at.
  if (responseCode === '07' || transactionStatus === '07') return { outcome: 'paid', suspectedFraud: true };
  if ((responseCode === null || responseCode === '00') && transactionStatus === '00') return { outcome: 'paid', suspectedFraud: false };
  if (responseCode !== null && responseCode !== '00') return { outcome: 'failed', suspectedFraud: false };
  return { outcome: transactionStatus === '01' ? 'pending' : 'failed', suspectedFraud: false };
}

const amountOf = (wire: string): number | null => (/^\d{1,15}$/.test(wire) ? Number(wire) / 100 : null);

/** The fields of a VNPay message that carries only values: strings and numbers as text; null when a vnp_ field is anything else. */
function vnpFields(raw: Record<string, unknown>): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith('vnp_')) continue;
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    fields[key] = field(raw, key);
  }
  return fields;
}

/** Checks an IPN (or return-URL) query: signature, terminal, then the fields. Pure. */
export function verifyVnpayCallback(account: Pick<VnpayAccount, 'tmnCode' | 'hashSecret'>, raw: Record<string, unknown>): VerifiedCallback {
  const fields = vnpFields(raw);
  const reference = field(raw, 'vnp_TxnRef') || null;
  const invalid = (reason: string): VerifiedCallback => ({ valid: false, reason, reference });
  if (!fields) return invalid('Có trường vnp_ lặp lại hoặc không phải văn bản.');
  const received = fields.vnp_SecureHash ?? '';
  if (!received) return invalid('Thiếu chữ ký vnp_SecureHash.');
  if (!sameHex(vnpaySignature(fields, account.hashSecret), received)) return invalid('Sai chữ ký vnp_SecureHash.');
  if (fields.vnp_TmnCode !== account.tmnCode) return invalid(`Mã website ${fields.vnp_TmnCode ?? ''} không phải của tài khoản này.`);
  const amount = amountOf(fields.vnp_Amount ?? '');
  if (!reference || amount === null) return invalid('Thiếu mã giao dịch hoặc số tiền không hợp lệ.');
  const responseCode = fields.vnp_ResponseCode ?? '';
  const transactionStatus = fields.vnp_TransactionStatus ?? '';
  const state = vnpayPaymentState(responseCode, transactionStatus);
  const transactionNo = fields.vnp_TransactionNo ?? '';
  return {
    valid: true,
    outcome: {
      reference,
      amount,
      ...state,
      providerTransactionId: transactionNo && transactionNo !== '0' ? transactionNo : null,
      bankCode: fields.vnp_BankCode || null,
      code: `${responseCode}/${transactionStatus}`,
      paidAt: state.outcome === 'paid' ? parseGmt7Stamp(fields.vnp_PayDate ?? '') : null,
    },
  };
}

const IPN_REPLIES: Record<CallbackVerdict, { RspCode: string; Message: string }> = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  notFound: { RspCode: '01', Message: 'Order not found' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  error: { RspCode: '99', Message: 'Unknown error' },
};

/** The JSON body VNPay expects in answer to an IPN; it stops on 00 and 02 and calls again on the others. */
export function vnpayIpnReply(verdict: CallbackVerdict): { RspCode: string; Message: string } {
  return { ...IPN_REPLIES[verdict] };
}

const newRequestId = () => randomBytes(16).toString('hex');

/** A signed querydr request body. `vnp_TransactionDate` is the attempt's vnp_CreateDate. */
export function vnpayQuerydrBody(
  account: Pick<VnpayAccount, 'tmnCode' | 'hashSecret'>,
  attempt: { reference: string; createdAt: Date; description: string; ip: string },
  now: Date,
  requestId: string,
): Record<string, string> {
  const body: Record<string, string> = {
    vnp_RequestId: requestId,
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'querydr',
    vnp_TmnCode: account.tmnCode,
    vnp_TxnRef: attempt.reference,
    vnp_OrderInfo: asciiText(attempt.description) || `Truy van ${asciiText(attempt.reference)}`,
    vnp_TransactionDate: gmt7Stamp(attempt.createdAt),
    vnp_CreateDate: gmt7Stamp(now),
    vnp_IpAddr: attempt.ip,
  };
  return { ...body, vnp_SecureHash: vnpayPipeHash(body, QUERYDR_REQUEST_FIELDS, account.hashSecret) };
}

/** POSTs a signed request to the API and returns the answer once its own signature is checked. */
async function callApi(account: VnpayAccount, body: Record<string, string>, answerFields: readonly string[], deps: VnpayDependencies) {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await callGateway(deps.fetch ?? fetch, account.apiUrl, init, account.timeoutMs ?? DEFAULT_TIMEOUT_MS, GATEWAY);
  const answer = await readJsonObject(res, GATEWAY);
  const code = field(answer, 'vnp_ResponseCode');
  const hash = field(answer, 'vnp_SecureHash');
  const signed = hash !== '' && sameHex(vnpayPipeHash(answer, answerFields, account.hashSecret), hash);
  // An answer that says something about the transaction must be signed; an unsigned refusal is still a refusal.
  if ((hash !== '' || code === '00' || code === '91') && !signed) throw new GatewayUnavailableError(`${GATEWAY} trả lời với chữ ký không hợp lệ.`);
  return { answer, code };
}

/** querydr: what VNPay knows of an attempt. Unknown to VNPay (91) → pending; a refusal or a bad signature → GatewayUnavailableError. */
export async function vnpayQuery(
  account: VnpayAccount,
  attempt: { reference: string; createdAt: Date; description: string; ip: string },
  deps: VnpayDependencies = {},
): Promise<GatewayOutcome> {
  const body = vnpayQuerydrBody(account, attempt, (deps.now ?? (() => new Date()))(), (deps.requestId ?? newRequestId)());
  const { answer, code } = await callApi(account, body, QUERYDR_RESPONSE_FIELDS, deps);
  const unknown = { reference: attempt.reference, amount: null, providerTransactionId: null, bankCode: null, paidAt: null, suspectedFraud: false };
  if (code === '91') return { ...unknown, outcome: 'pending', code: '91' };
  if (code !== '00') throw new GatewayUnavailableError(`${GATEWAY} từ chối truy vấn giao dịch (mã ${code || '?'}: ${field(answer, 'vnp_Message')}).`);
  if (field(answer, 'vnp_TxnRef') !== attempt.reference) throw new GatewayUnavailableError(`${GATEWAY} trả lời về một giao dịch khác.`);
  const status = field(answer, 'vnp_TransactionStatus');
  const state = vnpayPaymentState(null, status);
  const transactionNo = field(answer, 'vnp_TransactionNo');
  return {
    ...unknown,
    ...state,
    amount: amountOf(field(answer, 'vnp_Amount')),
    providerTransactionId: transactionNo && transactionNo !== '0' ? transactionNo : null,
    bankCode: field(answer, 'vnp_BankCode') || null,
    code: `00/${status}`,
    paidAt: state.outcome === 'paid' ? parseGmt7Stamp(field(answer, 'vnp_PayDate')) : null,
  };
}

export interface VnpayRefundInput {
  reference: string;
  /** VND to give back. */
  amount: number;
  /** true: the whole amount (vnp_TransactionType 02); false: part of it (03). */
  full: boolean;
  /** vnp_TransactionNo of the payment, when known ("0" otherwise). */
  transactionNo: string | null;
  /** The payment attempt's createdAt (its vnp_CreateDate). */
  transactionDate: Date;
  /** Who asks for the refund (vnp_CreateBy). */
  createdBy: string;
  ip: string;
  description: string;
}

/** A signed refund request body. */
export function vnpayRefundBody(
  account: Pick<VnpayAccount, 'tmnCode' | 'hashSecret'>,
  refund: VnpayRefundInput,
  now: Date,
  requestId: string,
): Record<string, string> {
  if (!Number.isSafeInteger(refund.amount) || refund.amount <= 0)
    throw new RangeError(`The refund must be a whole positive number of VND, not ${refund.amount}.`);
  const body: Record<string, string> = {
    vnp_RequestId: requestId,
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'refund',
    vnp_TmnCode: account.tmnCode,
    vnp_TransactionType: refund.full ? '02' : '03',
    vnp_TxnRef: refund.reference,
    vnp_Amount: String(refund.amount * 100),
    vnp_TransactionNo: refund.transactionNo || '0',
    vnp_TransactionDate: gmt7Stamp(refund.transactionDate),
    vnp_CreateBy: refund.createdBy,
    vnp_CreateDate: gmt7Stamp(now),
    vnp_IpAddr: refund.ip,
    vnp_OrderInfo: asciiText(refund.description) || `Hoan tien ${asciiText(refund.reference)}`,
  };
  return { ...body, vnp_SecureHash: vnpayPipeHash(body, REFUND_REQUEST_FIELDS, account.hashSecret) };
}

/** refund: accepted when VNPay answers 00 (vnp_TransactionStatus 05 processing, 06 sent to the bank); 94 already asked, 95 not paid. */
export async function vnpayRefund(
  account: VnpayAccount,
  refund: VnpayRefundInput,
  deps: VnpayDependencies = {},
): Promise<{ accepted: boolean; code: string; message: string; transactionStatus: string | null }> {
  const body = vnpayRefundBody(account, refund, (deps.now ?? (() => new Date()))(), (deps.requestId ?? newRequestId)());
  const { answer, code } = await callApi(account, body, REFUND_RESPONSE_FIELDS, deps);
  return { accepted: code === '00', code, message: field(answer, 'vnp_Message'), transactionStatus: field(answer, 'vnp_TransactionStatus') || null };
}

/** The port for one VNPay terminal. */
export function createVnpayGateway(account: VnpayAccount, deps: VnpayDependencies = {}): PaymentGateway {
  return {
    provider: 'vnpay',
    start: async (input) => ({ redirectUrl: vnpayPayUrl(account, input) }),
    verifyCallback: (raw) => verifyVnpayCallback(account, raw),
    callbackReply: (_raw, verdict) => vnpayIpnReply(verdict),
    query: (attempt) => vnpayQuery(account, attempt, deps),
    bill: async () => null,
  };
}
