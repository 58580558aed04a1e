/**
 * An official adds a fee line to a dossier, or adjusts one by replacing it (POST /api/v1/dossiers/{id}/fees),
 * always with a reason, which the audit keeps beside the amounts. A paid line is not adjusted: its money was
 * taken and its receipt issued (a refund is the accountant's task).
 */
import type { RequestMeta } from '../context.js';
import type { AppDeps } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability } from '../../domain/access/roles.js';
import { TERMINAL_STATUSES } from '../../domain/dossier/dossier.js';
import type { FeeKind, FeeMoment } from '../../domain/payment/fees.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { sql } from 'kysely';
import { lineRow, nextLine, refreshPaymentColumns } from './fee-lines.js';

export interface FeeLineInput {
  name: string;
  kind: FeeKind;
  amount: number;
  moment: FeeMoment;
  reason: string;
  replaces: string | null;
}

export async function adjustFeeLine(deps: AppDeps, input: { id: string; line: FeeLineInput; meta: RequestMeta }): Promise<Result<{ lineId: string }>> {
  const seen = await findVisibleDossier(deps, input.id, input.meta);
  if (!seen.ok) return seen;
  const { actor, relation, row, state } = seen.value;
  // A dossier that is closed (returned, refused, withdrawn, stopped) owes nothing new.
  if (TERMINAL_STATUSES.has(state.status)) return fail('ACTION_NOT_AVAILABLE');
  if (!hasCapability(actor.role, 'payment.manage') && !hasCapability(actor.role, 'dossier.process')) return fail('FORBIDDEN_ROLE');
  if (!relation.atReceivingUnit && !relation.atCompetentUnit && !relation.atStepUnit) return fail('FORBIDDEN_UNIT');
  const now = deps.clock();
  const { line } = input;
  return deps.db.transaction().execute(async (trx): Promise<Result<{ lineId: string }>> => {
    // The dossier row is the lock every fee change of the dossier takes (line numbers, and the lines' set).
    await trx.selectFrom('dossiers').select('id').where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
    const replaced = line.replaces
      ? await trx.selectFrom('dossier_fees').selectAll().where('id', '=', line.replaces).where('dossier_id', '=', row.id).forUpdate().executeTakeFirst()
      : null;
    if (line.replaces && !replaced) return fail('FEE_LINE_NOT_FOUND');
    if (replaced && (replaced.paid_by !== null || replaced.replaced_by !== null || replaced.settled_before)) return fail('FEE_LINE_ALREADY_PAID');
    // Not while a payment of it may still be confirmed (an online attempt, a transfer awaiting the accountant).
    if (replaced) {
      const open = await trx
        .selectFrom('payment_attempts')
        .select('id')
        .where('dossier_id', '=', row.id)
        .where('status', 'in', ['initiated', 'awaitingConfirmation'])
        .where(sql<boolean>`fee_ids ? ${replaced.id}`)
        .executeTakeFirst();
      if (open) return fail('PAYMENT_IN_PROGRESS');
    }
    const created = await trx
      .insertInto('dossier_fees')
      .values({
        ...lineRow(
          row.id,
          0,
          { kind: line.kind, name: line.name, amount: line.amount, moment: line.moment, basis: line.reason },
          'official',
          actor.userId,
          now,
        ),
        line: nextLine(row.id),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (replaced) await trx.updateTable('dossier_fees').set({ replaced_by: created.id }).where('id', '=', replaced.id).where('paid_by', 'is', null).execute();
    await refreshPaymentColumns(trx, [row.id]);
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: replaced ? 'fee.adjusted' : 'fee.added',
      targetType: 'dossier',
      targetId: row.id,
      details: {
        lineId: created.id,
        name: line.name,
        amount: line.amount,
        moment: line.moment,
        reason: line.reason,
        ...(replaced ? { replaces: replaced.id, previousAmount: Number(replaced.amount) } : {}),
      },
      at: now,
    });
    return ok({ lineId: created.id });
  });
}
