/**
 * The VNPay half of the payment gateway simulator, speaking API 2.1.0 as the sandbox does: the pay page checks the
 * signature and records the transaction; the citizen's choice is signed back to the merchant twice — by IPN (server
 * to server, retried) and by the browser's redirect to vnp_ReturnUrl (display only); querydr and refund check the
 * pipe-joined request hash and sign their answers. Expired transactions cannot be paid (11).
 */
import { randomUUID } from 'node:crypto';
import { field, gmt7Stamp, parseGmt7Stamp, sameHex } from './payment-wire.js';
import {
  htmlAnswer,
  jsonAnswer,
  parseJsonObject,
  randomDigits,
  redirectAnswer,
  singleValued,
  withQuery,
  type SimulatorAnswer,
  type SimulatorContext,
} from './simulator-context.js';
import { VNPAY_BRAND, abandonedPage, errorPage, payPage } from './simulator-pages.js';
import {
  QUERYDR_REQUEST_FIELDS,
  QUERYDR_RESPONSE_FIELDS,
  REFUND_REQUEST_FIELDS,
  REFUND_RESPONSE_FIELDS,
  VNPAY_VERSION,
  vnpayPipeHash,
  vnpaySignature,
  vnpaySignedData,
} from './vnpay.js';

export interface SimulatedVnpayMerchant {
  tmnCode: string;
  hashSecret: string;
  /** Where IPNs go (registered with VNPay, not a request parameter). */
  ipnUrl: string;
}

interface VnpayTransaction {
  merchant: SimulatedVnpayMerchant;
  /** The signed pay request's fields. */
  request: Record<string, string>;
  responseCode: string;
  /** 01 until the citizen decides. */
  transactionStatus: string;
  transactionNo: string;
  bankCode: string;
  bankTranNo: string;
  payDate: string;
  refunded: boolean;
}

const error = (status: number, message: string) => htmlAnswer(status, errorPage(VNPAY_BRAND, 'Giao dịch không thành công', message));

/** What is wrong with a signed pay request, in Vietnamese; null when nothing. */
function payRequestProblem(f: Record<string, string>): string | null {
  if (f.vnp_Version !== VNPAY_VERSION || f.vnp_Command !== 'pay') return 'Phiên bản hoặc lệnh (vnp_Version, vnp_Command) không được hỗ trợ.';
  if (!/^[1-9]\d{0,9}00$/.test(f.vnp_Amount ?? '')) return 'Số tiền (vnp_Amount) không hợp lệ.';
  if (f.vnp_CurrCode !== 'VND') return 'Chỉ hỗ trợ thanh toán bằng VND.';
  const created = parseGmt7Stamp(f.vnp_CreateDate ?? '');
  const expires = parseGmt7Stamp(f.vnp_ExpireDate ?? '');
  if (!created || !expires || expires <= created) return 'Thời gian tạo hoặc hết hạn (vnp_CreateDate, vnp_ExpireDate) không hợp lệ.';
  if (!/^https?:\/\//i.test(f.vnp_ReturnUrl ?? '')) return 'Địa chỉ trả về (vnp_ReturnUrl) không hợp lệ.';
  if (!f.vnp_TxnRef || f.vnp_TxnRef.length > 100 || !f.vnp_IpAddr || !f.vnp_OrderInfo || !f.vnp_OrderType) return 'Thiếu thông tin giao dịch.';
  if (f.vnp_Locale !== 'vn' && f.vnp_Locale !== 'en') return 'Ngôn ngữ (vnp_Locale) không hợp lệ.';
  return null;
}

export function createVnpaySimulator(ctx: SimulatorContext, merchants: readonly SimulatedVnpayMerchant[]) {
  const merchantOf = (tmnCode: string) => merchants.find((m) => m.tmnCode === tmnCode);
  const transactions = new Map<string, VnpayTransaction>();
  const keyOf = (tmnCode: string, txnRef: string) => JSON.stringify([tmnCode, txnRef]);

  /** The signed result VNPay sends to the IPN and the return URL. */
  function resultQuery(txn: VnpayTransaction): string {
    const fields: Record<string, string> = {
      vnp_Amount: txn.request.vnp_Amount!,
      vnp_BankCode: txn.bankCode,
      vnp_BankTranNo: txn.bankTranNo,
      vnp_CardType: 'ATM',
      vnp_OrderInfo: txn.request.vnp_OrderInfo!,
      vnp_PayDate: txn.payDate,
      vnp_ResponseCode: txn.responseCode,
      vnp_TmnCode: txn.merchant.tmnCode,
      vnp_TransactionNo: txn.transactionNo,
      vnp_TransactionStatus: txn.transactionStatus,
      vnp_TxnRef: txn.request.vnp_TxnRef!,
    };
    return `${vnpaySignedData(fields)}&vnp_SecureHash=${vnpaySignature(fields, txn.merchant.hashSecret)}`;
  }

  function payPageAnswer(query: URLSearchParams): SimulatorAnswer {
    const fields = singleValued(query);
    if (!fields) return error(400, 'Yêu cầu có tham số bị lặp lại.');
    const merchant = merchantOf(fields.vnp_TmnCode ?? '');
    if (!merchant) return error(400, 'Website chưa được phê duyệt: mã website (vnp_TmnCode) không tồn tại.');
    if (!sameHex(vnpaySignature(fields, merchant.hashSecret), fields.vnp_SecureHash ?? ''))
      return error(400, 'Sai chữ ký: dữ liệu gửi sang đã bị thay đổi hoặc ký sai (vnp_SecureHash).');
    const problem = payRequestProblem(fields);
    if (problem) return error(400, problem);
    const key = keyOf(merchant.tmnCode, fields.vnp_TxnRef!);
    const existing = transactions.get(key);
    if (existing && (existing.transactionStatus !== '01' || existing.request.vnp_SecureHash?.toLowerCase() !== fields.vnp_SecureHash!.toLowerCase())) {
      return error(400, 'Mã giao dịch (vnp_TxnRef) đã được sử dụng.');
    }
    if (!existing) {
      const blank = { responseCode: '', transactionStatus: '01', transactionNo: '0', bankCode: '', bankTranNo: '', payDate: '', refunded: false };
      transactions.set(key, { merchant, request: fields, ...blank });
    }
    return htmlAnswer(
      200,
      payPage({
        brand: VNPAY_BRAND,
        action: `${ctx.publicBaseUrl}/paymentv2/decide`,
        hidden: { tmnCode: merchant.tmnCode, txnRef: fields.vnp_TxnRef! },
        amount: Number(fields.vnp_Amount) / 100,
        details: [
          ['Mã website (nhà cung cấp)', merchant.tmnCode],
          ['Mã giao dịch', fields.vnp_TxnRef!],
          ['Nội dung thanh toán', fields.vnp_OrderInfo!],
        ],
        expiresAt: parseGmt7Stamp(fields.vnp_ExpireDate!),
      }),
    );
  }

  function decide(form: URLSearchParams): SimulatorAnswer {
    const txn = transactions.get(keyOf(form.get('tmnCode') ?? '', form.get('txnRef') ?? ''));
    if (!txn) return error(404, 'Không tìm thấy giao dịch.');
    const outcome = form.get('outcome');
    if (outcome === 'abandon') return htmlAnswer(200, abandonedPage(VNPAY_BRAND, txn.request.vnp_ReturnUrl!));
    if (outcome !== 'pay' && outcome !== 'fail') return error(400, 'Lựa chọn không hợp lệ.');
    if (txn.transactionStatus !== '01') return error(409, 'Giao dịch này đã được xử lý.');
    const now = ctx.now();
    const expired = now.getTime() > parseGmt7Stamp(txn.request.vnp_ExpireDate!)!.getTime();
    const paid = outcome === 'pay' && !expired;
    Object.assign(txn, {
      responseCode: paid ? '00' : expired ? '11' : ctx.random() < 0.5 ? '24' : '51',
      transactionStatus: paid ? '00' : '02',
      transactionNo: paid ? randomDigits(ctx.random, 8) : '0',
      bankCode: 'NCB',
      bankTranNo: paid ? `VNP${randomDigits(ctx.random, 8)}` : '',
      payDate: gmt7Stamp(now),
    });
    const query = resultQuery(txn);
    ctx.deliver({ provider: 'vnpay', reference: txn.request.vnp_TxnRef!, method: 'GET', url: withQuery(txn.merchant.ipnUrl, query) });
    return redirectAnswer(withQuery(txn.request.vnp_ReturnUrl!, query));
  }

  /** querydr and refund. Errors are answered with HTTP 200 and a code, as VNPay does. */
  function api(body: string): SimulatorAnswer {
    const message = parseJsonObject(body);
    if (!message) return jsonAnswer(200, { vnp_ResponseCode: '03', vnp_Message: 'Invalid request format' });
    const command = field(message, 'vnp_Command');
    const merchant = merchantOf(field(message, 'vnp_TmnCode'));
    if (!merchant) return jsonAnswer(200, { vnp_ResponseCode: '02', vnp_Message: 'Merchant is not valid' });
    const requestFields = command === 'querydr' ? QUERYDR_REQUEST_FIELDS : command === 'refund' ? REFUND_REQUEST_FIELDS : null;
    const responseFields = command === 'querydr' ? QUERYDR_RESPONSE_FIELDS : REFUND_RESPONSE_FIELDS;
    const answer = (code: string, text: string, txn?: VnpayTransaction, extra: Record<string, string> = {}) => {
      const fields: Record<string, string> = {
        vnp_ResponseId: randomUUID().replace(/-/g, ''),
        vnp_Command: command,
        vnp_ResponseCode: code,
        vnp_Message: text,
        vnp_TmnCode: merchant.tmnCode,
        ...(txn ? transactionFields(txn, command === 'querydr') : {}),
        ...extra,
      };
      return jsonAnswer(200, { ...fields, vnp_SecureHash: vnpayPipeHash(fields, responseFields, merchant.hashSecret) });
    };
    if (!requestFields) return answer('03', 'Invalid command');
    if (!sameHex(vnpayPipeHash(message, requestFields, merchant.hashSecret), field(message, 'vnp_SecureHash'))) return answer('97', 'Invalid Checksum');
    const requestId = field(message, 'vnp_RequestId');
    if (!requestId || requestId.length > 32 || field(message, 'vnp_Version') !== VNPAY_VERSION) return answer('03', 'Invalid request format');
    if (ctx.faults().refuse) return answer('99', 'Unknown error');
    const txn = transactions.get(keyOf(merchant.tmnCode, field(message, 'vnp_TxnRef')));
    if (!txn || txn.request.vnp_CreateDate !== field(message, 'vnp_TransactionDate')) return answer('91', 'Not found transaction');
    if (command === 'querydr') return answer('00', 'QueryDR Success', txn, ctx.faults().queryPending ? { vnp_TransactionStatus: '01' } : {});
    return refund(message, txn, answer);
  }

  function refund(
    message: Record<string, unknown>,
    txn: VnpayTransaction,
    answer: (code: string, text: string, txn?: VnpayTransaction, extra?: Record<string, string>) => SimulatorAnswer,
  ) {
    const type = field(message, 'vnp_TransactionType');
    const amount = field(message, 'vnp_Amount');
    const original = Number(txn.request.vnp_Amount);
    const wanted = /^\d{1,15}$/.test(amount) ? Number(amount) : 0;
    if ((type !== '02' && type !== '03') || wanted <= 0 || (type === '02' ? wanted !== original : wanted >= original)) return answer('03', 'Invalid amount');
    if (txn.refunded) return answer('94', 'Refund already requested');
    if (txn.transactionStatus !== '00') return answer('95', 'Transaction is not successful');
    txn.refunded = true;
    const reply = answer('00', 'Refund success', txn, { vnp_TransactionType: type, vnp_Amount: amount, vnp_TransactionStatus: '05' });
    // VNPay has taken the refund (05); the simulator has it sent to the bank at once (06).
    txn.transactionStatus = '06';
    return reply;
  }

  return { payPage: payPageAnswer, decide, api };
}

function transactionFields(txn: VnpayTransaction, withPromotion: boolean): Record<string, string> {
  return {
    vnp_TxnRef: txn.request.vnp_TxnRef!,
    vnp_Amount: txn.request.vnp_Amount!,
    vnp_OrderInfo: txn.request.vnp_OrderInfo!,
    vnp_BankCode: txn.bankCode,
    vnp_PayDate: txn.payDate,
    vnp_TransactionNo: txn.transactionNo,
    vnp_TransactionType: '01',
    vnp_TransactionStatus: txn.transactionStatus,
    ...(withPromotion ? { vnp_PromotionCode: '', vnp_PromotionAmount: '' } : {}),
  };
}
