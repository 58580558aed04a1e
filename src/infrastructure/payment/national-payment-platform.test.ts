import { describe, expect, it } from 'vitest';
import { GatewayUnavailableError, type StartPaymentInput } from '../../domain/payment/gateway.js';
import {
  createPlatformGateway,
  platformBill,
  platformCallbackReply,
  platformHash,
  platformInitBody,
  platformQuery,
  platformQueryBody,
  verifyPlatformCallback,
  type PlatformAccount,
} from './national-payment-platform.js';

// Every expected MaXacThuc below was computed outside this code base, with Python 3's standard library:
//   import hashlib; P = 'PLATFORM-SECRET-1'
//   hashlib.sha256(('|'.join(fields) + '|' + P).encode()).hexdigest()
// and the QUERY one again with: printf '%s' 'QUERY|1.0.6|MOTCUA-HN|HS2026000123P1|20260305153000|PLATFORM-SECRET-1' | openssl dgst -sha256
const account: PlatformAccount = {
  partnerCode: 'MOTCUA-HN',
  secret: 'PLATFORM-SECRET-1',
  apiUrl: 'https://thanhtoan.dichvucong.example/api',
  accessToken: 'tok-123',
};
const DESCRIPTION = 'Lệ phí cấp giấy phép xây dựng – hồ sơ số 000.00.01.H01-260101-0001';

// fields = ['INIT','1.0.6','MOTCUA-HN','HS2026000123P1','75000','PAY','1','1','vi-VN','VND','PAYMENT', DESCRIPTION, '20260305153000', '203.113.1.25']
const INIT_HASH = '4a8c3d5df8cc48013f7d70072d3cacabe9365077d8ea7ac0bc11e53d988e843b';
// fields = ['CONFIRM','00','MOTCUA-HN','HS2026000123P1','75000','VND','260305123456','NCB','20260305153512', DESCRIPTION]
const CONFIRM_HASH = '503abfe67cdaf697ae6dfd9ad96381e94da8781ee5bf81ee75d26d7b34deb7d6';
// fields = ['QUERY','1.0.6','MOTCUA-HN','HS2026000123P1','20260305153000']
const QUERY_HASH = '080b98f5a9663a1ba7612df23245d553d6d1fb23092a300eb46b5fe67b11d601';
// fields = ['GET_BILL','1.0.6','MOTCUA-HN','HS2026000123P1','20260305153000']
const GET_BILL_HASH = '40516533a32f0f7efc6590d2e6b1119ee317afbdefdf5ba067a35d6972cb74dc';

const input: StartPaymentInput = {
  reference: 'HS2026000123P1',
  amount: 75_000,
  description: DESCRIPTION,
  returnUrl: 'https://motcua.example.gov.vn/thanh-toan/ket-qua',
  ip: '203.113.1.25',
  // 15:30:00 in Vietnam: ThoiGianGD must read 153000, not 033000 (the 12-hour hh bug).
  createdAt: new Date('2026-03-05T08:30:00Z'),
  expiresAt: new Date('2026-03-05T08:45:00Z'),
  receipt: {
    dossierCode: 'H01-260101-0001',
    procedureCode: '1.009994',
    procedureName: 'Cấp giấy phép xây dựng',
    unitCode: '000.00.01.H01',
    unitName: 'UBND huyện Ba Vì',
    payerName: 'Nguyễn Văn A',
    lines: [
      { kind: 'fee', code: 'P01', name: 'Phí thẩm định', amount: 50_000 },
      { kind: 'charge', code: 'L01', name: 'Lệ phí cấp giấy phép', amount: 25_000 },
    ],
  },
};
const attempt = { reference: input.reference, createdAt: input.createdAt };

const confirm: Record<string, unknown> = {
  LoaiBanTin: 'CONFIRM',
  MaLoi: '00',
  MaDoiTac: 'MOTCUA-HN',
  MaThamChieu: 'HS2026000123P1',
  SoTien: '75000',
  MaTienTe: 'VND',
  MaGiaoDich: '260305123456',
  MaNganHang: 'NCB',
  ThoiGianGD: '20260305153512',
  ThongTinGiaoDich: DESCRIPTION,
  MaXacThuc: CONFIRM_HASH,
};

function answering(answer: BodyInit, contentType = 'application/json') {
  const requests: { url: string; headers: Record<string, string>; body: Record<string, unknown> }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    requests.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    return new Response(answer, { headers: { 'content-type': contentType } });
  }) as unknown as typeof fetch;
  return { fetchFn, requests };
}

describe('national platform 1.0.6 — INIT', () => {
  it('is plain SHA-256 of the pipe-joined fields with the secret last', () => {
    expect(platformHash(['QUERY', '1.0.6', 'MOTCUA-HN', 'HS2026000123P1', '20260305153000'], 'PLATFORM-SECRET-1')).toBe(QUERY_HASH);
  });

  it('builds the golden INIT with a 24-hour GMT+7 ThoiGianGD and the receipt block', () => {
    const body = platformInitBody(account, input);
    expect(body).toMatchObject({
      LoaiBanTin: 'INIT',
      PhienBan: '1.0.6',
      MaDoiTac: 'MOTCUA-HN',
      MaThamChieu: 'HS2026000123P1',
      SoTien: '75000',
      LoaiHinhThanhToan: 'PAY',
      MaKenhThanhToan: '1',
      MaThietBi: '1',
      NgonNgu: 'vi-VN',
      MaTienTe: 'VND',
      MaNganHang: 'PAYMENT',
      ThoiGianGD: '20260305153000',
      Ip: '203.113.1.25',
      MaXacThuc: INIT_HASH,
    });
    expect(body.ThongTinBienLai).toMatchObject({
      MaDichVu: '2',
      MaDVC: '1.009994.01',
      MaTTHC: '1.009994',
      MaDonVi: '000.00.01.H01',
      MaHoSo: 'H01-260101-0001',
      HoTenNguoiNop: 'Nguyễn Văn A',
      PhiLePhi: [
        { LoaiPhiLePhi: 1, MaPhiLePhi: 'P01', TenPhiLePhi: 'Phí thẩm định', SoTien: 50_000 },
        { LoaiPhiLePhi: 2, MaPhiLePhi: 'L01', TenPhiLePhi: 'Lệ phí cấp giấy phép', SoTien: 25_000 },
      ],
    });
  });

  it('posts INIT with the bearer token and returns UrlThanhToan from the wrapped message', async () => {
    const url = 'https://thanhtoan.dichvucong.example/pay?ref=HS2026000123P1';
    const { fetchFn, requests } = answering(JSON.stringify({ error_code: '0', message: JSON.stringify({ UrlThanhToan: url }) }));
    expect(await createPlatformGateway(account, { fetch: fetchFn }).start(input)).toEqual({ redirectUrl: url });
    expect(requests[0]).toMatchObject({ url: account.apiUrl, headers: { authorization: 'Bearer tok-123' }, body: { MaXacThuc: INIT_HASH } });
  });

  it('throws GatewayUnavailableError when INIT is refused or carries no pay URL', async () => {
    const refused = answering(JSON.stringify({ error_code: '99', message: 'Từ chối' })).fetchFn;
    await expect(createPlatformGateway(account, { fetch: refused }).start(input)).rejects.toBeInstanceOf(GatewayUnavailableError);
    const empty = answering(JSON.stringify({ error_code: '0', message: '{}' })).fetchFn;
    await expect(createPlatformGateway(account, { fetch: empty }).start(input)).rejects.toBeInstanceOf(GatewayUnavailableError);
  });
});

describe('national platform — confirm callback', () => {
  it('accepts the golden confirm: paid, amount in VND, GMT+7 time', () => {
    expect(verifyPlatformCallback(account, confirm)).toEqual({
      valid: true,
      outcome: {
        reference: 'HS2026000123P1',
        amount: 75_000,
        outcome: 'paid',
        providerTransactionId: '260305123456',
        bankCode: 'NCB',
        code: '00',
        paidAt: new Date('2026-03-05T08:35:12Z'),
        suspectedFraud: false,
      },
    });
  });

  it('accepts upper-case hex; rejects a tampered amount, another partner, a missing MaXacThuc', () => {
    expect(verifyPlatformCallback(account, { ...confirm, MaXacThuc: CONFIRM_HASH.toUpperCase() }).valid).toBe(true);
    expect(verifyPlatformCallback(account, { ...confirm, SoTien: '7500' })).toMatchObject({ valid: false, reference: 'HS2026000123P1' });
    expect(verifyPlatformCallback({ ...account, partnerCode: 'KHAC' }, confirm).valid).toBe(false);
    expect(verifyPlatformCallback(account, { ...confirm, MaXacThuc: undefined }).valid).toBe(false);
  });

  it('replies 00 or 99 and echoes the received MaXacThuc', () => {
    const base = { MaDoiTac: 'MOTCUA-HN', MaThamChieu: 'HS2026000123P1', ThoiGianGD: '20260305153512', MaXacThuc: CONFIRM_HASH };
    expect(platformCallbackReply(confirm, 'confirmed')).toEqual({ MaLoi: '00', MoTaLoi: 'Xác nhận thành công', ...base });
    expect(platformCallbackReply(confirm, 'alreadyConfirmed').MaLoi).toBe('00');
    expect(platformCallbackReply(confirm, 'invalidSignature').MaLoi).toBe('99');
    expect(platformCallbackReply(confirm, 'notFound').MaLoi).toBe('99');
  });
});

describe('national platform — QUERY and GET_BILL', () => {
  it('signs QUERY and GET_BILL with the golden MaXacThuc (ThoiGianGD of the INIT)', () => {
    expect(platformQueryBody(account, 'QUERY', attempt).MaXacThuc).toBe(QUERY_HASH);
    expect(platformQueryBody(account, 'GET_BILL', attempt)).toEqual({
      LoaiBanTin: 'GET_BILL',
      PhienBan: '1.0.6',
      MaDoiTac: 'MOTCUA-HN',
      MaThamChieu: 'HS2026000123P1',
      ThoiGianGD: '20260305153000',
      MaXacThuc: GET_BILL_HASH,
    });
  });

  it('maps TrangThaiGD 1 → paid, 3 → pending, 4 → failed', async () => {
    const answer = (TrangThaiGD: string) =>
      answering(JSON.stringify({ MaLoi: '00', MaThamChieu: 'HS2026000123P1', SoTien: '75000', MaGiaoDich: 'G1', ThoiGianGD: '20260305153512', TrangThaiGD }))
        .fetchFn;
    expect(await platformQuery(account, attempt, { fetch: answer('1') })).toMatchObject({
      outcome: 'paid',
      amount: 75_000,
      code: '00/1',
      paidAt: new Date('2026-03-05T08:35:12Z'),
    });
    expect(await platformQuery(account, attempt, { fetch: answer('3') })).toMatchObject({ outcome: 'pending', paidAt: null });
    expect(await platformQuery(account, attempt, { fetch: answer('4') })).toMatchObject({ outcome: 'failed' });
  });

  it('throws GatewayUnavailableError on an error MaLoi or an answer about another reference', async () => {
    await expect(platformQuery(account, attempt, { fetch: answering(JSON.stringify({ MaLoi: '97' })).fetchFn })).rejects.toBeInstanceOf(
      GatewayUnavailableError,
    );
    const other = answering(JSON.stringify({ MaLoi: '00', MaThamChieu: 'KHAC', TrangThaiGD: '1' })).fetchFn;
    await expect(platformQuery(account, attempt, { fetch: other })).rejects.toBeInstanceOf(GatewayUnavailableError);
  });

  it('returns the PDF bytes of GET_BILL, or null when the platform answers with a message', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    expect(await platformBill(account, attempt, { fetch: answering(pdf, 'application/pdf').fetchFn })).toEqual(pdf);
    expect(await platformBill(account, attempt, { fetch: answering(JSON.stringify({ MaLoi: '02' })).fetchFn })).toBeNull();
  });
});
