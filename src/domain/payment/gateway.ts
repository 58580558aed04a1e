/**
 * The port an online payment gateway is reached through (issue 18). Use cases speak only this; the protocols
 * live in src/infrastructure/payment/ (VNPay 2.1.0, the national portal's payment platform 1.0.6), each adapter
 * built for one merchant account (a unit may have its own). Types only, so that both layers may import them.
 */

/**
 * The gateways motcua pays through online: vnpay = the province's own gateway (DuocThanhToanTrucTuyen 2),
 * nationalPlatform = the national portal's platform (1).
 */
export type OnlineProvider = 'vnpay' | 'nationalPlatform';

/** One fee line as the receipt block of the national platform carries it. */
export interface GatewayFeeLine {
  /** 'fee' = phí (LoaiPhiLePhi 1), 'charge' = lệ phí (2). */
  kind: 'fee' | 'charge';
  code: string;
  name: string;
  /** VND */
  amount: number;
}

export interface StartPaymentInput {
  /** Our reference of this attempt (vnp_TxnRef, MaThamChieu): unique per attempt, [A-Za-z0-9] only. */
  reference: string;
  /** VND, a whole number. */
  amount: number;
  /** What is paid for, in Vietnamese; adapters strip diacritics and special characters where the protocol asks. */
  description: string;
  /** Where the citizen's browser comes back to (display only; only the server-to-server callback changes state). */
  returnUrl: string;
  /** The citizen's IP address. */
  ip: string;
  createdAt: Date;
  expiresAt: Date;
  /** For the national platform's ThongTinBienLai. */
  receipt: {
    dossierCode: string;
    procedureCode: string;
    procedureName: string;
    unitCode: string;
    unitName: string;
    payerName: string;
    lines: GatewayFeeLine[];
  };
}

/** What a gateway said about one attempt, from a verified callback or a query. */
export interface GatewayOutcome {
  reference: string;
  /** VND as the gateway reports it (VNPay's ×100 already divided); null when a query did not say. */
  amount: number | null;
  /** paid: money taken; failed: the gateway says it will not be; pending: not known yet (or not found by a query). */
  outcome: 'paid' | 'failed' | 'pending';
  /** vnp_TransactionNo, MaGiaoDich. */
  providerTransactionId: string | null;
  bankCode: string | null;
  /** The gateway's own codes, e.g. "00/00" (vnp_ResponseCode/vnp_TransactionStatus) or "00/1" (MaLoi/TrangThaiGD), kept for people. */
  code: string;
  paidAt: Date | null;
  /** VNPay 07: money taken but suspected of fraud; an accountant must look. */
  suspectedFraud: boolean;
}

export type VerifiedCallback = { valid: true; outcome: GatewayOutcome } | { valid: false; reason: string; reference: string | null };

export interface PaymentGateway {
  readonly provider: OnlineProvider;
  /** Start an attempt: the URL the citizen's browser goes to. May throw GatewayUnavailableError. */
  start(input: StartPaymentInput): Promise<{ redirectUrl: string }>;
  /** Check a server-to-server callback (VNPay IPN query, the platform's confirm body): signature first, then the fields. Pure. */
  verifyCallback(raw: Record<string, unknown>): VerifiedCallback;
  /** The answer the gateway expects to a callback, given what we made of it. */
  callbackReply(raw: Record<string, unknown>, verdict: CallbackVerdict): unknown;
  /** Ask the gateway about an attempt (querydr, QUERY). May throw GatewayUnavailableError. */
  query(attempt: { reference: string; createdAt: Date; description: string; ip: string }): Promise<GatewayOutcome>;
  /** The gateway's own receipt (the platform's GET_BILL PDF); null where the gateway gives none. */
  bill(attempt: { reference: string; createdAt: Date }): Promise<Uint8Array | null>;
}

/** What we made of a callback, for the reply: VNPay retries on 01, 04, 97 and 99 and stops on 00 and 02. */
export type CallbackVerdict = 'confirmed' | 'alreadyConfirmed' | 'notFound' | 'invalidAmount' | 'invalidSignature' | 'error';

/** The gateway did not answer, answered garbage, or refused the request. */
export class GatewayUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GatewayUnavailableError';
  }
}

/** Gateways per unit and provider, from configuration (a unit's own account, else the province's). */
export interface PaymentGateways {
  /** The providers a unit can be paid through, in the order to offer them. */
  providersFor(unitCode: string): OnlineProvider[];
  for(unitCode: string, provider: OnlineProvider): PaymentGateway | null;
  /** The gateway that owns a callback (VNPay's vnp_TmnCode, the platform's MaDoiTac); null when no account matches. */
  forCallback(provider: OnlineProvider, raw: Record<string, unknown>): PaymentGateway | null;
}
