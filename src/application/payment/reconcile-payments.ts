/**
 * Reconciliation with the gateways (issue 18 §5, INTEGRATIONS §1.4): VNPay gives up an IPN after 10 tries in
 * about 50 minutes and a callback may simply be lost, so every online attempt still initiated 15 minutes after
 * it began (and for up to 3 days) is asked about (querydr, QUERY), and the answer is applied exactly as a
 * callback would be. An attempt the gateway still calls pending is given up when it can no longer be paid
 * (VNPay's window, or 3 days); one the gateway cannot be asked about for a day becomes an accountant's task.
 */
import { sql } from 'kysely';
import { GatewayUnavailableError } from '../../domain/payment/gateway.js';
import { pendingVerdict, RECONCILE_AFTER_MINUTES, RECONCILE_FOR_DAYS } from '../../domain/payment/payment.js';
import { applyGatewayOutcome, keepWord } from './apply-gateway-outcome.js';
import { numberWaitingReceipts } from './receipts.js';
import { advancePaidDossier } from './advance-paid-dossier.js';
import type { PaymentDeps } from './start-online-payment.js';

type Deps = PaymentDeps & Parameters<typeof advancePaidDossier>[0];

export interface ReconcileRun {
  asked: number;
  paid: number;
  failed: number;
  expired: number;
  unreachable: number;
  /** Attempts that now need an accountant (suspected fraud, double payment, long pending…). */
  tasks: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function reconcilePayments(deps: Deps, options: { batch?: number; signal?: AbortSignal } = {}): Promise<ReconcileRun> {
  const now = deps.clock();
  const run: ReconcileRun = { asked: 0, paid: 0, failed: 0, expired: 0, unreachable: 0, tasks: 0 };
  // Receipts left without a number (the process stopped between a payment and its numbering) get theirs first.
  await numberWaitingReceipts(deps.db);
  const due = await deps.db
    .selectFrom('payment_attempts')
    .select(['id', 'dossier_id', 'unit_code', 'method', 'reference', 'created_at', 'expires_at', 'description', 'payer_ip'])
    .where('status', '=', 'initiated')
    .where('method', 'in', ['vnpay', 'nationalPlatform'])
    .where('created_at', '<=', new Date(now.getTime() - RECONCILE_AFTER_MINUTES * 60_000))
    .orderBy(sql`last_queried_at nulls first`)
    .orderBy('created_at')
    .limit(options.batch ?? 200)
    .execute();
  const requestId = `reconcile-${now.toISOString()}`;
  for (const a of due) {
    if (options.signal?.aborted) break;
    const method = a.method as 'vnpay' | 'nationalPlatform';
    const gateway = deps.payments.for(a.unit_code, method);
    if (!gateway) continue;
    run.asked++;
    await deps.db
      .updateTable('payment_attempts')
      .set({ queries: sql`queries + 1`, last_queried_at: now })
      .where('id', '=', a.id)
      .execute();
    try {
      const outcome = await gateway.query({ reference: a.reference, createdAt: a.created_at, description: a.description, ip: a.payer_ip || '127.0.0.1' });
      // The answer as the adapter read it (VNPay's is signed and checked; the platform's QUERY carries no signature).
      const applied = await applyGatewayOutcome(deps.db, {
        method,
        outcome,
        source: 'query',
        raw: outcome,
        at: deps.clock(),
        requestId,
        signed: method === 'vnpay',
      });
      if (applied.task) run.tasks++;
      if (applied.status === 'paid' && applied.paidNow) {
        run.paid++;
        if (applied.dossierWaitingForFees) await advancePaidDossier(deps, { dossierId: a.dossier_id, payer: 'applicant', requestId });
      } else if (applied.status === 'failed') run.failed++;
      if (
        applied.verdict === 'pending' &&
        pendingVerdict({ createdAt: a.created_at, expiresAt: a.expires_at ?? a.created_at, now, provider: method }) === 'expire'
      ) {
        const old = now.getTime() - a.created_at.getTime() >= DAY_MS;
        await giveUp(deps, a.id, old ? 'longPending' : null, now);
        run.expired++;
        if (old) run.tasks++;
      }
    } catch (error) {
      if (!(error instanceof GatewayUnavailableError)) throw error;
      run.unreachable++;
      await keepWord(deps.db, {
        method,
        reference: a.reference,
        attemptId: a.id,
        source: 'query',
        raw: { error: error.message },
        signatureValid: false,
        verdict: 'unreachable',
        at: now,
      });
      if (now.getTime() - a.created_at.getTime() >= RECONCILE_FOR_DAYS * DAY_MS) {
        await giveUp(deps, a.id, 'longPending', now);
        run.expired++;
        run.tasks++;
      } else if (now.getTime() - a.created_at.getTime() >= DAY_MS) {
        const marked = await deps.db
          .updateTable('payment_attempts')
          .set({ task: 'longPending' })
          .where('id', '=', a.id)
          .where('task', 'is', null)
          .executeTakeFirst();
        if (Number(marked.numUpdatedRows) > 0) run.tasks++;
      }
    }
  }
  // A dossier whose fees were paid but that still waits for them (the step after the payment did not run): moved on.
  const stuck = await deps.db
    .selectFrom('dossiers as d')
    .select('d.id')
    .where('d.status', '=', 'feeRequested')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('payment_attempts as p')
          .select('p.id')
          .whereRef('p.dossier_id', '=', 'd.id')
          .where('p.status', '=', 'paid')
          .where('p.settled_at', '<', new Date(now.getTime() - 60_000)),
      ),
    )
    .limit(50)
    .execute();
  for (const d of stuck) if (await advancePaidDossier(deps, { dossierId: d.id, payer: 'applicant', requestId })) run.paid++;
  return run;
}

/** An attempt the gateway will no longer pay: expired (a later "paid" still counts, judge() says how). */
async function giveUp(deps: Deps, attemptId: string, task: 'longPending' | null, at: Date): Promise<void> {
  await deps.db
    .updateTable('payment_attempts')
    .set({ status: 'expired', task, settled_at: at, version: sql`version + 1` })
    .where('id', '=', attemptId)
    .where('status', '=', 'initiated')
    .execute();
}
