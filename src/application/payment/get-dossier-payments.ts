/** What a dossier owes and how it was paid (GET /api/v1/dossiers/{id}/payments), for its applicant and the officials who see it. */
import type { AppDeps, RequestMeta } from '../context.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import type { DossierPayments } from '../../contract/payment.js';
import type { PaymentGateways } from '../../domain/payment/gateway.js';
import { PAYMENT_METHOD_LABELS } from '../../domain/payment/payment.js';
import { payableNow } from '../../domain/payment/fees.js';
import { hasCapability } from '../../domain/access/roles.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { loadFeeLines } from './fee-lines.js';
import { attemptView, feeLineView, receiptView } from './payment-views.js';
import { openAttempt } from './start-online-payment.js';
import { numberedReceiptsOf } from './receipts.js';

export async function getDossierPayments(
  deps: AppDeps & { payments: PaymentGateways },
  input: { id: string; meta: RequestMeta },
): Promise<Result<DossierPayments>> {
  const seen = await findVisibleDossier(deps, input.id, input.meta);
  if (!seen.ok) return seen;
  const { header, state, relation, actor } = seen.value;
  const [lines, attempts, receipts] = await Promise.all([
    loadFeeLines(deps.db, input.id),
    deps.db.selectFrom('payment_attempts').selectAll().where('dossier_id', '=', input.id).orderBy('created_at', 'desc').execute(),
    numberedReceiptsOf(deps.db, input.id),
  ]);
  const status = state.status;
  const current = lines.filter((l) => !l.replaced);
  const dueNow = current.filter((l) => payableNow(l, status)).reduce((s, l) => s + l.amount, 0);
  const dueLater = current.filter((l) => !l.paid && l.amount > 0 && !payableNow(l, status) && l.moment === 'result').reduce((s, l) => s + l.amount, 0);
  const paidTotal = current.filter((l) => l.paid).reduce((s, l) => s + l.amount, 0);
  const providers = deps.payments.providersFor(header.unitCode).map((provider) => ({ provider, label: PAYMENT_METHOD_LABELS[provider] }));
  const official = actor.role !== 'citizen' && actor.role !== 'organization';
  const acting = relation.atReceivingUnit || relation.atCompetentUnit || relation.atStepUnit;
  return ok({
    lines: lines.map((l) => feeLineView(l, status)),
    dueNow,
    dueLater,
    paidTotal,
    providers,
    // An accountant's notes and tasks are for officials.
    attempts: attempts.map(attemptView).map((a) => (official ? a : { ...a, task: null, taskLabel: null, note: null })),
    receipts: receipts.map(receiptView),
    // Not while an online attempt may still be paid (its gateway window is open): that would take the money twice.
    canPayOnline: relation.isApplicant && dueNow > 0 && providers.length > 0 && !attempts.some((a) => openAttempt(a, deps.clock())),
    canRecordAtDesk: official && acting && dueNow > 0 && hasCapability(actor.role, 'payment.manage'),
    canAdjust: official && acting && (hasCapability(actor.role, 'payment.manage') || hasCapability(actor.role, 'dossier.process')),
  });
}
