/**
 * A gateway's word arriving by HTTP: VNPay's IPN (GET or POST) and the national platform's confirm callback,
 * which may change state, and the browser's return, which never does (INTEGRATIONS §1.1: "only the IPN may
 * change state; the return URL is only for display"). The signature is checked first; a word with a bad one
 * is kept and answered, and changes nothing (so a forged "failed" cannot make the real "paid" look like a
 * replay). The answer is the protocol's (VNPay retries on 01, 04, 97, 99).
 */
import type { CallbackVerdict, OnlineProvider, PaymentGateway } from '../../domain/payment/gateway.js';
import { applyGatewayOutcome, keepWord } from './apply-gateway-outcome.js';
import { advancePaidDossier } from './advance-paid-dossier.js';
import type { PaymentDeps } from './start-online-payment.js';

type Deps = PaymentDeps & Parameters<typeof advancePaidDossier>[0];

export interface CallbackAnswer {
  /** The body to answer the gateway with. */
  reply: unknown;
  verdict: CallbackVerdict | 'pending' | 'display';
  reference: string | null;
  dossierId: string | null;
  /** A task for an accountant this word made (suspected fraud, double payment, wrong amount), for an alert. */
  task?: string | null;
}

/** The protocol's answer when no merchant account of ours matches the callback (so nothing can check it). */
const UNKNOWN_ACCOUNT_REPLY = {
  vnpay: { RspCode: '97', Message: 'Invalid signature' },
  nationalPlatform: { MaLoi: '99', MoTaLoi: 'Sai mã đối tác hoặc mã xác thực' },
} as const satisfies Record<OnlineProvider, unknown>;

export async function receiveGatewayCallback(
  deps: Deps,
  input: { provider: OnlineProvider; raw: Record<string, unknown>; source: 'callback' | 'return'; requestId: string },
): Promise<CallbackAnswer> {
  const at = deps.clock();
  const gateway: PaymentGateway | null = deps.payments.forCallback(input.provider, input.raw);
  if (!gateway) {
    await keepWord(deps.db, {
      method: input.provider,
      reference: null,
      attemptId: null,
      source: input.source,
      raw: input.raw,
      signatureValid: false,
      verdict: 'unknownAccount',
      at,
    });
    return { reply: UNKNOWN_ACCOUNT_REPLY[input.provider], verdict: 'invalidSignature', reference: null, dossierId: null };
  }
  const checked = gateway.verifyCallback(input.raw);
  if (!checked.valid) {
    await keepWord(deps.db, {
      method: input.provider,
      reference: checked.reference,
      attemptId: null,
      source: input.source,
      raw: input.raw,
      signatureValid: false,
      verdict: `invalidSignature: ${checked.reason}`.slice(0, 200),
      at,
    });
    return { reply: gateway.callbackReply(input.raw, 'invalidSignature'), verdict: 'invalidSignature', reference: checked.reference, dossierId: null };
  }
  const { outcome } = checked;
  if (input.source === 'return') {
    const attempt = await deps.db
      .selectFrom('payment_attempts')
      .select(['id', 'dossier_id'])
      .where('method', '=', input.provider)
      .where('reference', '=', outcome.reference)
      .executeTakeFirst();
    await keepWord(deps.db, {
      method: input.provider,
      reference: outcome.reference,
      attemptId: attempt?.id ?? null,
      source: 'return',
      raw: input.raw,
      signatureValid: true,
      verdict: 'display',
      at,
    });
    return { reply: null, verdict: 'display', reference: outcome.reference, dossierId: attempt?.dossier_id ?? null };
  }
  const applied = await applyGatewayOutcome(deps.db, {
    method: input.provider,
    outcome,
    source: 'callback',
    raw: input.raw,
    at,
    requestId: input.requestId,
    signedFor: (unitCode) => deps.payments.for(unitCode, input.provider) === gateway,
  });
  if (applied.paidNow && applied.dossierWaitingForFees && applied.dossierId)
    await advancePaidDossier(deps, { dossierId: applied.dossierId, payer: 'applicant', requestId: input.requestId });
  const verdict: CallbackVerdict = applied.verdict === 'pending' ? 'error' : applied.verdict;
  return {
    reply: gateway.callbackReply(input.raw, verdict),
    verdict: applied.verdict,
    reference: outcome.reference,
    dossierId: applied.dossierId,
    task: applied.task ?? null,
  };
}

/** The return page's reference without a verified signature (the platform sends only MaThamChieu back): display only. */
export async function dossierOfReference(deps: PaymentDeps, provider: OnlineProvider, reference: string): Promise<string | null> {
  if (!/^[A-Za-z0-9]{1,100}$/.test(reference)) return null;
  const attempt = await deps.db
    .selectFrom('payment_attempts')
    .select('dossier_id')
    .where('method', '=', provider)
    .where('reference', '=', reference)
    .executeTakeFirst();
  return attempt?.dossier_id ?? null;
}
