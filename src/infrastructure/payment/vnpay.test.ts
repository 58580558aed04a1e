import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GatewayUnavailableError, type StartPaymentInput } from '../../domain/payment/gateway.js';
import { asciiText, gmt7Stamp, parseGmt7Stamp } from './payment-wire.js';
import {
  createVnpayGateway,
  verifyVnpayCallback,
  vnpayIpnReply,
  vnpayPayUrl,
  vnpayQuery,
  vnpayQuerydrBody,
  vnpayRefundBody,
  vnpaySignature,
  type VnpayAccount,
} from './vnpay.js';

// Every expected hash and URL below was computed outside this code base, with Python 3's standard library:
//   import hmac, hashlib, urllib.parse
//   S = b'VNPAYTESTSECRET0123456789ABCDEFG'
//   signed = lambda p: urllib.parse.urlencode(sorted(p.items()), quote_via=urllib.parse.quote_plus)
//   hmac.new(S, signed(p).encode(), hashlib.sha512).hexdigest()          # pay URL and IPN (p = the vnp_ fields)
//   hmac.new(S, '|'.join(fields).encode(), hashlib.sha512).hexdigest()    # querydr and refund (fields in protocol order)
// and the querydr request hash once more with openssl (command beside it).
const SECRET = 'VNPAYTESTSECRET0123456789ABCDEFG';
const account: VnpayAccount = {
  tmnCode: 'MOTCUA01',
  hashSecret: SECRET,
  payUrl: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
  apiUrl: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
};
const ORDER_INFO = 'Le phi cap giay phep xay dung ho so so 000 00 01 H01 260101 0001';

const input: StartPaymentInput = {
  reference: 'HS2026000123A1',
  amount: 75_000,
  description: 'Lệ phí cấp giấy phép xây dựng – hồ sơ số 000.00.01.H01-260101-0001',
  returnUrl: 'https://motcua.example.gov.vn/thanh-toan/ket-qua?nguon=vnpay',
  ip: '203.113.1.25',
  // 15:30:00 in Vietnam.
  createdAt: new Date('2026-03-05T08:30:00Z'),
  expiresAt: new Date('2026-03-05T08:45:00Z'),
  receipt: {
    dossierCode: 'H01-260101-0001',
    procedureCode: '1.009994',
    procedureName: 'Cấp giấy phép xây dựng',
    unitCode: 'H01',
    unitName: 'UBND huyện',
    payerName: 'Nguyễn Văn A',
    lines: [],
  },
};

// URL + '?' + signed(p) + '&vnp_SecureHash=' + hmac(signed(p)), p = the 13 fields of `input` as the protocol writes them:
// vnp_Amount 7500000, vnp_CreateDate 20260305153000, vnp_ExpireDate 20260305154500, vnp_OrderInfo ORDER_INFO, …
const GOLDEN_PAY_URL =
  'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=7500000&vnp_Command=pay&vnp_CreateDate=20260305153000&vnp_CurrCode=VND' +
  '&vnp_ExpireDate=20260305154500&vnp_IpAddr=203.113.1.25&vnp_Locale=vn&vnp_OrderInfo=Le+phi+cap+giay+phep+xay+dung+ho+so+so+000+00+01+H01+260101+0001' +
  '&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fmotcua.example.gov.vn%2Fthanh-toan%2Fket-qua%3Fnguon%3Dvnpay&vnp_TmnCode=MOTCUA01' +
  '&vnp_TxnRef=HS2026000123A1&vnp_Version=2.1.0' +
  '&vnp_SecureHash=d61d3ea178c1fee3a4b22fc719dcb8b2d43c9add52c0b870cc86edcd533351668ffa02613a0c5305331b45bf39e7d94c5eead5f3f2ce166d0cff4291928141c2';

// hmac(signed(p)) over vnp_Amount=7500000 vnp_BankCode=NCB vnp_BankTranNo=VNP14226112 vnp_CardType=ATM vnp_OrderInfo=… vnp_PayDate=20260305153512
// vnp_ResponseCode=00 vnp_TmnCode=MOTCUA01 vnp_TransactionNo=14226112 vnp_TransactionStatus=00 vnp_TxnRef=HS2026000123A1.
const IPN_HASH = '131b8a6c52c71e10b6b31d547c22ce4da22f8897d886b107b36e22b9715642ccbbbebb45e6425216ec81ea87d6d8749c56620e4c9abae64bb1f7b6f9704b706b';
const ipn: Record<string, string> = {
  vnp_Amount: '7500000',
  vnp_BankCode: 'NCB',
  vnp_BankTranNo: 'VNP14226112',
  vnp_CardType: 'ATM',
  vnp_OrderInfo: ORDER_INFO,
  vnp_PayDate: '20260305153512',
  vnp_ResponseCode: '00',
  vnp_TmnCode: 'MOTCUA01',
  vnp_TransactionNo: '14226112',
  vnp_TransactionStatus: '00',
  vnp_TxnRef: 'HS2026000123A1',
  vnp_SecureHash: IPN_HASH,
};

// printf '%s' 'a1b2c3d4e5f60718293a4b5c6d7e8f90|2.1.0|querydr|MOTCUA01|HS2026000123A1|20260305153000|20260305160000|203.113.1.25|Le phi cap giay
//   phep xay dung ho so so 000 00 01 H01 260101 0001' | openssl dgst -sha512 -hmac 'VNPAYTESTSECRET0123456789ABCDEFG'
const QUERYDR_REQUEST_HASH = 'a98bee80180757be6da685ae75acec247960c6b23eaacddefa9a87242e6e7ddc29410112502e4c598e63fa30b47fb359ac7f80050fdefbd4ad001b8ddc954d88';
// hmac.new(S, b'f0e1d2c3b4a5968778695a4b3c2d1e0f|querydr|00|QueryDR Success|MOTCUA01|HS2026000123A1|7500000|NCB|20260305153512|14226112|01|00|'
//   + ORDER_INFO + b'||', hashlib.sha512).hexdigest()
const QUERYDR_RESPONSE_HASH =
  'c723a95922461d1ae5b51c9407cc019f25c66552d9a7285cee840018835cdf729eaa3609096e3b91bf15e1c934f6809ad0c44e38584d84323ce2f03b82a2cb49';
// hmac.new(S, b'0123456789abcdef0123456789abcdef|2.1.0|refund|MOTCUA01|02|HS2026000123A1|7500000|14226112|20260305153000|canbo01|20260306100000|'
//   b'10.0.0.5|Hoan tien le phi ho so', hashlib.sha512).hexdigest()
const REFUND_REQUEST_HASH = '815c1e0be85aa11b28dfe56e62c18e9e1288baf6ac5bf4271408daa592429484d9422e0558db2b15aec6fc911df4e95280223314ae94cdfcc6d4837921fcc69b';

const querydrAnswer: Record<string, string> = {
  vnp_ResponseId: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
  vnp_Command: 'querydr',
  vnp_ResponseCode: '00',
  vnp_Message: 'QueryDR Success',
  vnp_TmnCode: 'MOTCUA01',
  vnp_TxnRef: 'HS2026000123A1',
  vnp_Amount: '7500000',
  vnp_BankCode: 'NCB',
  vnp_PayDate: '20260305153512',
  vnp_TransactionNo: '14226112',
  vnp_TransactionType: '01',
  vnp_TransactionStatus: '00',
  vnp_OrderInfo: ORDER_INFO,
  vnp_SecureHash: QUERYDR_RESPONSE_HASH,
};

const attempt = { reference: input.reference, createdAt: input.createdAt, description: input.description, ip: input.ip };

/** A fetch that answers `body` as JSON and keeps the request it got. */
function answering(body: unknown) {
  const requests: { url: string; body: Record<string, unknown> }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    requests.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetchFn, requests };
}

describe('VNPay 2.1.0 pay URL', () => {
  it('is the golden URL for a fixed attempt (GMT+7 dates, diacritics stripped, HMAC-SHA512)', () => {
    expect(vnpayPayUrl(account, input)).toBe(GOLDEN_PAY_URL);
  });

  it('restricts vnp_OrderInfo to [A-Za-z0-9 ] without diacritics (đ → d)', () => {
    expect(asciiText('Đăng ký hộ kinh doanh: phí 100.000đ (*lần 1*) ~ ok')).toBe('Dang ky ho kinh doanh phi 100 000d lan 1 ok');
  });

  it('refuses an amount that is not a whole positive number of VND', async () => {
    await expect(createVnpayGateway(account).start({ ...input, amount: 1.5 })).rejects.toThrow(RangeError);
  });

  it('signs only non-empty vnp_ fields, whatever their order', () => {
    const shuffled = { vnp_TxnRef: 'A', vnp_Amount: '100', vnp_BankCode: '', other: 'x', vnp_SecureHashType: 'HmacSHA512' };
    expect(vnpaySignature(shuffled, 'k')).toBe(vnpaySignature({ vnp_Amount: '100', vnp_TxnRef: 'A' }, 'k'));
  });
});

describe('VNPay IPN verification', () => {
  it('accepts the golden IPN: paid, VND, GMT+7 pay date', () => {
    const verified = verifyVnpayCallback(account, ipn);
    expect(verified).toEqual({
      valid: true,
      outcome: {
        reference: 'HS2026000123A1',
        amount: 75_000,
        outcome: 'paid',
        providerTransactionId: '14226112',
        bankCode: 'NCB',
        code: '00/00',
        paidAt: new Date('2026-03-05T08:35:12Z'),
        suspectedFraud: false,
      },
    });
  });

  it('accepts an upper-case hex signature (the .NET client writes one)', () => {
    expect(verifyVnpayCallback(account, { ...ipn, vnp_SecureHash: IPN_HASH.toUpperCase() }).valid).toBe(true);
  });

  it('rejects a tampered amount, a missing signature, another terminal and a repeated field', () => {
    expect(verifyVnpayCallback(account, { ...ipn, vnp_Amount: '750000' })).toMatchObject({ valid: false, reference: 'HS2026000123A1' });
    expect(verifyVnpayCallback(account, { ...ipn, vnp_SecureHash: '' }).valid).toBe(false);
    expect(verifyVnpayCallback({ ...account, tmnCode: 'OTHER001' }, ipn).valid).toBe(false);
    expect(verifyVnpayCallback(account, { ...ipn, vnp_TxnRef: ['HS2026000123A1', 'X'] }).valid).toBe(false);
    expect(verifyVnpayCallback({ ...account, hashSecret: 'wrong' }, ipn).valid).toBe(false);
  });

  it('needs both codes 00 to be paid; 07 is paid but suspected of fraud; 24 failed', () => {
    // The codes are signed too: recompute with the signer itself (its golden test is above).
    const signed = (changes: Record<string, string>) => {
      const fields = { ...ipn, ...changes };
      delete (fields as Partial<typeof fields>).vnp_SecureHash;
      return { ...fields, vnp_SecureHash: vnpaySignature(fields, SECRET) };
    };
    const outcome = (changes: Record<string, string>) => {
      const v = verifyVnpayCallback(account, signed(changes));
      return v.valid ? [v.outcome.outcome, v.outcome.suspectedFraud, v.outcome.paidAt !== null] : v.reason;
    };
    expect(outcome({ vnp_ResponseCode: '00', vnp_TransactionStatus: '02' })).toEqual(['failed', false, false]);
    expect(outcome({ vnp_ResponseCode: '24', vnp_TransactionStatus: '00' })).toEqual(['failed', false, false]);
    expect(outcome({ vnp_ResponseCode: '07', vnp_TransactionStatus: '07' })).toEqual(['paid', true, true]);
  });

  it('answers each verdict as VNPay expects', () => {
    expect(vnpayIpnReply('confirmed')).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect(vnpayIpnReply('alreadyConfirmed')).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    expect(vnpayIpnReply('notFound')).toEqual({ RspCode: '01', Message: 'Order not found' });
    expect(vnpayIpnReply('invalidAmount')).toEqual({ RspCode: '04', Message: 'Invalid amount' });
    expect(vnpayIpnReply('invalidSignature')).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    expect(vnpayIpnReply('error')).toEqual({ RspCode: '99', Message: 'Unknown error' });
  });
});

describe('VNPay querydr and refund', () => {
  const now = () => new Date('2026-03-05T09:00:00Z');
  const requestId = () => 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

  it('signs querydr with the golden pipe hash', () => {
    const body = vnpayQuerydrBody(account, attempt, now(), requestId());
    expect(body).toMatchObject({ vnp_TransactionDate: '20260305153000', vnp_CreateDate: '20260305160000', vnp_OrderInfo: ORDER_INFO });
    expect(body.vnp_SecureHash).toBe(QUERYDR_REQUEST_HASH);
  });

  it('believes a golden signed answer: paid, and posts to the API URL', async () => {
    const { fetchFn, requests } = answering(querydrAnswer);
    const outcome = await vnpayQuery(account, attempt, { fetch: fetchFn, now, requestId });
    expect(requests[0]).toMatchObject({ url: account.apiUrl, body: { vnp_Command: 'querydr', vnp_SecureHash: QUERYDR_REQUEST_HASH } });
    expect(outcome).toMatchObject({
      outcome: 'paid',
      amount: 75_000,
      code: '00/00',
      providerTransactionId: '14226112',
      paidAt: new Date('2026-03-05T08:35:12Z'),
    });
  });

  it('throws GatewayUnavailableError on an answer whose signature does not match', async () => {
    const { fetchFn } = answering({ ...querydrAnswer, vnp_TransactionStatus: '01' });
    await expect(vnpayQuery(account, attempt, { fetch: fetchFn })).rejects.toBeInstanceOf(GatewayUnavailableError);
  });

  it('reads 91 as pending and a refusal as unavailable', async () => {
    const notFound = { vnp_ResponseId: 'x', vnp_Command: 'querydr', vnp_ResponseCode: '91', vnp_Message: 'Not found', vnp_TmnCode: 'MOTCUA01' };
    // 91 answers sign the same 15 fields, most of them empty.
    const hash = createHmac('sha512', SECRET).update('x|querydr|91|Not found|MOTCUA01||||||||||').digest('hex');
    expect(await vnpayQuery(account, attempt, { fetch: answering({ ...notFound, vnp_SecureHash: hash }).fetchFn })).toMatchObject({
      outcome: 'pending',
      code: '91',
    });
    const refusal = answering({ vnp_ResponseCode: '02', vnp_Message: 'Merchant is not valid' }).fetchFn;
    await expect(vnpayQuery(account, attempt, { fetch: refusal })).rejects.toBeInstanceOf(GatewayUnavailableError);
  });

  it('gives up after timeoutMs when the gateway never answers', async () => {
    const silent = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as unknown as typeof fetch;
    const started = Date.now();
    await expect(vnpayQuery({ ...account, timeoutMs: 50 }, attempt, { fetch: silent })).rejects.toThrow(/không trả lời trong/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('signs a full refund with the golden pipe hash', () => {
    const body = vnpayRefundBody(
      account,
      {
        reference: 'HS2026000123A1',
        amount: 75_000,
        full: true,
        transactionNo: '14226112',
        transactionDate: input.createdAt,
        createdBy: 'canbo01',
        ip: '10.0.0.5',
        description: 'Hoàn tiền lệ phí hồ sơ',
      },
      new Date('2026-03-06T03:00:00Z'),
      '0123456789abcdef0123456789abcdef',
    );
    expect(body).toMatchObject({ vnp_TransactionType: '02', vnp_Amount: '7500000', vnp_OrderInfo: 'Hoan tien le phi ho so' });
    expect(body.vnp_SecureHash).toBe(REFUND_REQUEST_HASH);
  });
});

describe('GMT+7 timestamps', () => {
  it('uses a 24-hour clock: 15:30 is 153000, midnight rolls the date', () => {
    expect(gmt7Stamp(new Date('2026-03-05T08:30:00Z'))).toBe('20260305153000');
    expect(gmt7Stamp(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
    expect(parseGmt7Stamp('20270101000000')).toEqual(new Date('2026-12-31T17:00:00Z'));
    expect(parseGmt7Stamp('20260230120000')).toBeNull();
    expect(parseGmt7Stamp('20260305243000')).toBeNull();
  });
});
