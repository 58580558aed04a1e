/**
 * The national platform half of the payment gateway simulator, speaking message protocol 1.0.6: INIT, QUERY and
 * GET_BILL on one JSON endpoint, each checked against its MaXacThuc; a pay page; the citizen's choice confirmed to
 * the partner by a signed JSON callback, and the browser sent back to the partner's return URL with MaThamChieu.
 * What the sources leave open is chosen here and said so: the confirm's LoaiBanTin is "CONFIRM", a failed payment
 * has MaLoi "01", error answers use MaLoi / error_code values of the simulator's own.
 */
import { field, gmt7Stamp, parseGmt7Stamp, sameHex } from './payment-wire.js';
import { CONFIRM_HASH_FIELDS, INIT_HASH_FIELDS, PLATFORM_VERSION, QUERY_HASH_FIELDS, platformMessageHash } from './national-payment-platform.js';
import {
  htmlAnswer,
  jsonAnswer,
  parseJsonObject,
  randomDigits,
  redirectAnswer,
  withQuery,
  type SimulatorAnswer,
  type SimulatorContext,
} from './simulator-context.js';
import { PLATFORM_BRAND, abandonedPage, errorPage, formatVnd, payPage, simplePdf } from './simulator-pages.js';

export interface SimulatedPlatformPartner {
  partnerCode: string;
  secret: string;
  /** Where confirm callbacks are POSTed. */
  confirmUrl: string;
  /** Where the browser goes back to (with ?MaThamChieu=…). */
  returnUrl: string;
}

interface PlatformTransaction {
  partner: SimulatedPlatformPartner;
  init: Record<string, unknown>;
  state: 'pending' | 'paid' | 'failed';
  code: string;
  transactionId: string;
  bankCode: string;
  /** ThoiGianGD of the payment. */
  paidStamp: string;
}

const error = (status: number, message: string) => htmlAnswer(status, errorPage(PLATFORM_BRAND, 'Giao dịch không thành công', message));
const refusal = (code: string, message: string) => jsonAnswer(200, { error_code: code, message });

/** What is wrong with an INIT message, in Vietnamese; null when nothing. */
function initProblem(m: Record<string, unknown>): string | null {
  if (field(m, 'PhienBan') !== PLATFORM_VERSION) return `Phiên bản ${field(m, 'PhienBan')} không được hỗ trợ.`;
  if (!/^[1-9]\d{0,14}$/.test(field(m, 'SoTien'))) return 'Số tiền không hợp lệ.';
  if (field(m, 'MaTienTe') !== 'VND' || field(m, 'LoaiHinhThanhToan') !== 'PAY') return 'Loại tiền tệ hoặc loại hình thanh toán không hợp lệ.';
  if (!parseGmt7Stamp(field(m, 'ThoiGianGD'))) return 'Thời gian giao dịch (ThoiGianGD) phải có dạng yyyyMMddHHmmss.';
  const reference = field(m, 'MaThamChieu');
  if (!reference || reference.length > 100) return 'Mã tham chiếu không hợp lệ.';
  const receipt = m.ThongTinBienLai as Record<string, unknown> | undefined;
  if (!receipt || typeof receipt !== 'object' || !field(receipt, 'MaDVC') || !Array.isArray(receipt.PhiLePhi))
    return 'Thiếu thông tin biên lai (ThongTinBienLai).';
  for (const line of receipt.PhiLePhi as unknown[]) {
    const l = (line ?? {}) as Record<string, unknown>;
    if ((l.LoaiPhiLePhi !== 1 && l.LoaiPhiLePhi !== 2) || typeof l.SoTien !== 'number') return 'Dòng phí, lệ phí (PhiLePhi) không hợp lệ.';
  }
  return null;
}

export function createPlatformSimulator(ctx: SimulatorContext, partners: readonly SimulatedPlatformPartner[]) {
  const partnerOf = (code: string) => partners.find((p) => p.partnerCode === code);
  const transactions = new Map<string, PlatformTransaction>();
  const keyOf = (partnerCode: string, reference: string) => JSON.stringify([partnerCode, reference]);
  const payUrl = (partnerCode: string, reference: string) =>
    `${ctx.publicBaseUrl}/platform/pay?${new URLSearchParams({ ref: reference, partner: partnerCode }).toString()}`;

  function init(partner: SimulatedPlatformPartner, message: Record<string, unknown>): SimulatorAnswer {
    if (!sameHex(platformMessageHash(message, INIT_HASH_FIELDS, partner.secret), field(message, 'MaXacThuc')))
      return refusal('02', 'Sai mã xác thực (MaXacThuc).');
    const problem = initProblem(message);
    if (problem) return refusal('03', problem);
    if (ctx.faults().refuse) return refusal('99', 'Hệ thống thanh toán tạm thời từ chối giao dịch.');
    const reference = field(message, 'MaThamChieu');
    const existing = transactions.get(keyOf(partner.partnerCode, reference));
    if (existing && (existing.state !== 'pending' || field(existing.init, 'MaXacThuc') !== field(message, 'MaXacThuc'))) {
      return refusal('04', 'Mã tham chiếu (MaThamChieu) đã được sử dụng.');
    }
    if (!existing)
      transactions.set(keyOf(partner.partnerCode, reference), {
        partner,
        init: message,
        state: 'pending',
        code: '',
        transactionId: '',
        bankCode: '',
        paidStamp: '',
      });
    const content = { MaLoi: '00', MoTaLoi: 'Khởi tạo giao dịch thành công', MaThamChieu: reference, UrlThanhToan: payUrl(partner.partnerCode, reference) };
    return jsonAnswer(200, { error_code: '0', message: JSON.stringify(content) });
  }

  function receipt(txn: PlatformTransaction): SimulatorAnswer {
    const bill = (txn.init.ThongTinBienLai ?? {}) as Record<string, unknown>;
    const lines = [
      'BIEN LAI THU PHI, LE PHI (ban mo phong)',
      `Ma tham chieu: ${field(txn.init, 'MaThamChieu')}`,
      `Ma doi tac: ${txn.partner.partnerCode}`,
      `Ma giao dich: ${txn.transactionId}`,
      `So tien: ${formatVnd(Number(field(txn.init, 'SoTien'))).replace(' ₫', ' VND')}`,
      `Thoi gian thanh toan: ${txn.paidStamp}`,
      `Thu tuc: ${field(bill, 'TenTTHC')}`,
      `Ho so: ${field(bill, 'MaHoSo')}`,
      `Nguoi nop: ${field(bill, 'HoTenNguoiNop')}`,
      `Don vi thu: ${field(bill, 'TenDonVi')}`,
    ];
    return { status: 200, headers: { 'content-type': 'application/pdf' }, body: simplePdf(lines) };
  }

  /** QUERY and GET_BILL. */
  function lookUp(partner: SimulatedPlatformPartner, message: Record<string, unknown>): SimulatorAnswer {
    if (!sameHex(platformMessageHash(message, QUERY_HASH_FIELDS, partner.secret), field(message, 'MaXacThuc'))) {
      return jsonAnswer(200, { MaLoi: '97', MoTaLoi: 'Sai mã xác thực (MaXacThuc).' });
    }
    const reference = field(message, 'MaThamChieu');
    const txn = transactions.get(keyOf(partner.partnerCode, reference));
    if (!txn) return jsonAnswer(200, { MaLoi: '01', MoTaLoi: 'Không tìm thấy giao dịch.' });
    if (field(message, 'LoaiBanTin') === 'GET_BILL') {
      return txn.state === 'paid' ? receipt(txn) : jsonAnswer(200, { MaLoi: '02', MoTaLoi: 'Giao dịch chưa được thanh toán nên chưa có biên lai.' });
    }
    const status = ctx.faults().queryPending || txn.state === 'pending' ? '3' : txn.state === 'paid' ? '1' : '4';
    return jsonAnswer(200, {
      MaLoi: '00',
      MoTaLoi: 'Thành công',
      MaDoiTac: partner.partnerCode,
      MaThamChieu: reference,
      SoTien: field(txn.init, 'SoTien'),
      MaTienTe: 'VND',
      MaGiaoDich: txn.transactionId,
      MaNganHang: txn.bankCode,
      ThoiGianGD: txn.paidStamp || field(txn.init, 'ThoiGianGD'),
      TrangThaiGD: status,
    });
  }

  function api(body: string): SimulatorAnswer {
    const message = parseJsonObject(body);
    if (!message) return refusal('03', 'Bản tin không đúng định dạng JSON.');
    const partner = partnerOf(field(message, 'MaDoiTac'));
    if (!partner) return refusal('01', 'Mã đối tác (MaDoiTac) không tồn tại.');
    switch (field(message, 'LoaiBanTin')) {
      case 'INIT':
        return init(partner, message);
      case 'QUERY':
      case 'GET_BILL':
        return lookUp(partner, message);
      default:
        return refusal('03', 'Loại bản tin (LoaiBanTin) không được hỗ trợ.');
    }
  }

  function payPageAnswer(query: URLSearchParams): SimulatorAnswer {
    const txn = transactions.get(keyOf(query.get('partner') ?? '', query.get('ref') ?? ''));
    if (!txn) return error(404, 'Không tìm thấy giao dịch.');
    const bill = (txn.init.ThongTinBienLai ?? {}) as Record<string, unknown>;
    return htmlAnswer(
      200,
      payPage({
        brand: PLATFORM_BRAND,
        action: `${ctx.publicBaseUrl}/platform/decide`,
        hidden: { partner: txn.partner.partnerCode, ref: field(txn.init, 'MaThamChieu') },
        amount: Number(field(txn.init, 'SoTien')),
        details: [
          ['Mã tham chiếu', field(txn.init, 'MaThamChieu')],
          ['Nội dung thanh toán', field(txn.init, 'ThongTinGiaoDich')],
          ['Thủ tục', field(bill, 'TenTTHC')],
          ['Đơn vị thu', field(bill, 'TenDonVi')],
          ['Người nộp', field(bill, 'HoTenNguoiNop')],
        ],
        expiresAt: null,
      }),
    );
  }

  function decide(form: URLSearchParams): SimulatorAnswer {
    const txn = transactions.get(keyOf(form.get('partner') ?? '', form.get('ref') ?? ''));
    if (!txn) return error(404, 'Không tìm thấy giao dịch.');
    const outcome = form.get('outcome');
    if (outcome === 'abandon') return htmlAnswer(200, abandonedPage(PLATFORM_BRAND, txn.partner.returnUrl));
    if (outcome !== 'pay' && outcome !== 'fail') return error(400, 'Lựa chọn không hợp lệ.');
    if (txn.state !== 'pending') return error(409, 'Giao dịch này đã được xử lý.');
    const paid = outcome === 'pay';
    Object.assign(txn, {
      state: paid ? 'paid' : 'failed',
      code: paid ? '00' : '01',
      transactionId: paid ? randomDigits(ctx.random, 12) : '',
      bankCode: 'NCB',
      paidStamp: gmt7Stamp(ctx.now()),
    });
    const reference = field(txn.init, 'MaThamChieu');
    const confirm: Record<string, unknown> = {
      LoaiBanTin: 'CONFIRM',
      MaLoi: txn.code,
      MaDoiTac: txn.partner.partnerCode,
      MaThamChieu: reference,
      SoTien: field(txn.init, 'SoTien'),
      MaTienTe: 'VND',
      MaGiaoDich: txn.transactionId,
      MaNganHang: txn.bankCode,
      ThoiGianGD: txn.paidStamp,
      ThongTinGiaoDich: field(txn.init, 'ThongTinGiaoDich'),
    };
    confirm.MaXacThuc = platformMessageHash(confirm, CONFIRM_HASH_FIELDS, txn.partner.secret);
    ctx.deliver({ provider: 'nationalPlatform', reference, method: 'POST', url: txn.partner.confirmUrl, body: JSON.stringify(confirm) });
    return redirectAnswer(withQuery(txn.partner.returnUrl, new URLSearchParams({ MaThamChieu: reference }).toString()));
  }

  return { api, payPage: payPageAnswer, decide };
}
