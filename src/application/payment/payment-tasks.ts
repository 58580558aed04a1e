/**
 * The accountant's tasks (GET /api/v1/payments/tasks, POST /api/v1/payments/{id}/resolve): attempts that need a
 * person (an amount that does not match, a double payment to refund, suspected fraud, a late or long-pending
 * payment, a transfer's proof), in the units the official covers. Resolving one is audited and checks the
 * attempt's version, so two accountants cannot settle it twice.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability } from '../../domain/access/roles.js';
import { coversUnit } from '../../domain/access/policy.js';
import type { PaymentTasks } from '../../contract/payment.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { payLines, refreshPaymentColumns } from './fee-lines.js';
import { numberWaitingReceipts } from './receipts.js';
import { attemptView } from './payment-views.js';
import { advancePaidDossier } from './advance-paid-dossier.js';

type Deps = Parameters<typeof advancePaidDossier>[0];

export async function listPaymentTasks(deps: AppDeps, meta: RequestMeta): Promise<Result<PaymentTasks>> {
  const actor = meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!hasCapability(actor.role, 'payment.manage')) return fail('FORBIDDEN_ROLE');
  const tree = deps.units.tree();
  const rows = await deps.db
    .selectFrom('payment_attempts as p')
    .innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .selectAll('p')
    .select(['d.code as dossier_code'])
    .where('p.task', 'is not', null)
    .orderBy('p.created_at')
    .execute();
  const items = rows
    .filter((r) => coversUnit(actor, r.unit_code, tree))
    .slice(0, 2000)
    .map((r) => ({ attempt: attemptView(r), version: r.version, dossierId: r.dossier_id, dossierCode: r.dossier_code, unitCode: r.unit_code }));
  return ok({ items });
}

export type Resolution = 'confirmTransfer' | 'rejectTransfer' | 'refunded' | 'checked';

export async function resolvePaymentTask(
  deps: Deps,
  input: { attemptId: string; resolution: Resolution; expectedVersion: number; note: string; meta: RequestMeta },
): Promise<Result<{ status: string }>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!hasCapability(actor.role, 'payment.manage')) return fail('FORBIDDEN_ROLE');
  if (!/^[0-9a-f-]{36}$/i.test(input.attemptId)) return fail('PAYMENT_NOT_FOUND');
  const now = deps.clock();
  const result = await deps.db.transaction().execute(async (trx): Promise<Result<{ status: string; dossierId: string }>> => {
    const found = await trx.selectFrom('payment_attempts').select(['dossier_id', 'unit_code']).where('id', '=', input.attemptId).executeTakeFirst();
    if (!found || !coversUnit(actor, found.unit_code, deps.units.tree())) return fail('PAYMENT_NOT_FOUND');
    // The dossier, then the attempt and its lines: the order every fee change of a dossier takes.
    await trx.selectFrom('dossiers').select('id').where('id', '=', found.dossier_id).forUpdate().executeTakeFirstOrThrow();
    const a = await trx.selectFrom('payment_attempts').selectAll().where('id', '=', input.attemptId).forUpdate().executeTakeFirstOrThrow();
    if (a.version !== input.expectedVersion || a.task === null) return fail('PAYMENT_STATE_CHANGED', { version: a.version });
    const transfer = a.status === 'awaitingConfirmation';
    const refundOwed = a.status === 'refundRequested' || a.status === 'amountMismatch';
    const allowed =
      (input.resolution === 'confirmTransfer' || input.resolution === 'rejectTransfer') === transfer &&
      (input.resolution !== 'refunded' || refundOwed) &&
      // Money owed back is settled by a refund, not by "checked".
      (input.resolution !== 'checked' || !refundOwed);
    if (!allowed) return fail('ACTION_NOT_AVAILABLE');
    let status = a.status;
    if (input.resolution === 'confirmTransfer') {
      if (!(await payLines(trx, a.id, a.fee_ids, now))) return fail('FEE_LINE_ALREADY_PAID');
      status = 'paid';
    } else if (input.resolution === 'rejectTransfer') status = 'failed';
    else if (input.resolution === 'refunded') status = 'refunded';
    await trx
      .updateTable('payment_attempts')
      .set({
        status,
        task: null,
        version: a.version + 1,
        note: [a.note, input.note].filter(Boolean).join(' · ').slice(0, 1000),
        confirmed_by: actor.userId,
        ...(status !== a.status ? { settled_at: now, ...(status === 'paid' ? { paid_amount: Number(a.amount) } : {}) } : {}),
      })
      .where('id', '=', a.id)
      .execute();
    await refreshPaymentColumns(trx, [a.dossier_id]);
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: `payment.${input.resolution}`,
      targetType: 'dossier',
      targetId: a.dossier_id,
      details: { attemptId: a.id, task: a.task, from: a.status, to: status, note: input.note },
      at: now,
    });
    return ok({ status, dossierId: a.dossier_id });
  });
  if (!result.ok) return result;
  if (result.value.status === 'paid' && input.resolution === 'confirmTransfer') {
    await numberWaitingReceipts(deps.db);
    await advancePaidDossier(deps, { dossierId: result.value.dossierId, payer: actor, requestId: input.meta.requestId });
  }
  return ok({ status: result.value.status });
}
