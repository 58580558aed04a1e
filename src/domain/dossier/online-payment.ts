/**
 * When is a dossier's fee "paid online" (the portal's `DuocThanhToanTrucTuyen`, indicator 3.6)? Only when a
 * payment gateway confirmed the payment: the national portal's payment platform (code 1) or the province's own
 * gateway (code 2; REFERENCE §3 "Online payment", INTEGRATIONS §1.2). A "Xác nhận đã nộp phí" click (payFee),
 * whether by an official or by the applicant, is a declaration, not a confirmation: it never makes a payment
 * online. motcua records no gateway confirmation yet (the payment module will): every dossier is 0 today.
 */

/** Who confirmed a payment: the national portal's payment platform, or the province's own gateway (VNPay…). */
export type PaymentGateway = 'nationalPortal' | 'provincial';

/** A successful payment as a gateway confirmed it (its signed callback or reconciliation query). */
export interface GatewayConfirmation {
  gateway: PaymentGateway;
  /** VND. */
  amount: number;
  /** Local minutes, as actions record instants. */
  confirmedAt: number;
}

export type OnlinePaymentCode = '0' | '1' | '2';

const GATEWAY_CODES = { nationalPortal: '1', provincial: '2' } as const satisfies Record<PaymentGateway, OnlinePaymentCode>;

/** `DuocThanhToanTrucTuyen`: the gateway of the latest confirmed payment of a positive amount, else '0'. */
export function onlinePaymentCode(confirmations: readonly GatewayConfirmation[]): OnlinePaymentCode {
  let latest: GatewayConfirmation | null = null;
  for (const c of confirmations) if (c.amount > 0 && (latest === null || c.confirmedAt >= latest.confirmedAt)) latest = c;
  return latest === null ? '0' : GATEWAY_CODES[latest.gateway];
}
