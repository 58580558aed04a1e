/**
 * Fees taken at the desk (POST /api/v1/dossiers/{id}/payments/desk): cash is paid at once, with its receipts; a
 * bank transfer waits for an accountant to confirm the proof (payment-tasks.ts). Neither is ever counted as paid
 * online: only a gateway's confirmation is (fee-lines.ts refreshPaymentColumns).
 */
import { randomBytes } from 'node:crypto';
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability } from '../../domain/access/roles.js';
import { payableNow } from '../../domain/payment/fees.js';
import { attemptReference } from '../../domain/payment/payment.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { loadFeeLines, payLines, refreshPaymentColumns } from './fee-lines.js';
import { numberUnitReceipts } from './receipts.js';
import { advancePaidDossier } from './advance-paid-dossier.js';

type Deps = Parameters<typeof advancePaidDossier>[0];

class LinesTaken extends Error {}

export async function recordDeskPayment(
  deps: Deps,
  input: { id: string; method: 'cash' | 'transfer'; note: string | null; meta: RequestMeta },
): Promise<Result<{ attemptId: string; status: 'paid' | 'awaitingConfirmation'; dossierMovedOn: boolean }>> {
  const seen = await findVisibleDossier(deps, input.id, input.meta);
  if (!seen.ok) return seen;
  const { actor, relation, state, row, header } = seen.value;
  if (!hasCapability(actor.role, 'payment.manage')) return fail('FORBIDDEN_ROLE');
  if (!relation.atReceivingUnit && !relation.atCompetentUnit && !relation.atStepUnit) return fail('FORBIDDEN_UNIT');
  const lines = (await loadFeeLines(deps.db, input.id)).filter((l) => payableNow(l, state.status));
  if (lines.length === 0) return fail('NOTHING_TO_PAY');
  const now = deps.clock();
  const cash = input.method === 'cash';
  const feeIds = lines.map((l) => l.id);
  const outcome = await deps.db
    .transaction()
    .execute(async (trx) => {
      // The dossier first, then its lines: the order every fee change of a dossier takes (adjust-fee-line.ts).
      await trx.selectFrom('dossiers').select('id').where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
      const created = await trx
        .insertInto('payment_attempts')
        .values({
          dossier_id: row.id,
          unit_code: header.unitCode,
          method: input.method,
          reference: attemptReference(row.code, now, randomBytes(4).toString('hex')),
          amount: lines.reduce((s, l) => s + l.amount, 0),
          fee_ids: JSON.stringify(feeIds),
          status: cash ? 'paid' : 'awaitingConfirmation',
          task: cash ? null : 'transferProof',
          description: cash ? 'Thu tiền mặt tại bộ phận một cửa' : 'Chuyển khoản ngân hàng, chờ kế toán xác nhận',
          created_at: now,
          created_by: actor.userId,
          settled_at: cash ? now : null,
          paid_amount: cash ? lines.reduce((s, l) => s + l.amount, 0) : null,
          note: input.note,
          confirmed_by: cash ? actor.userId : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (cash && !(await payLines(trx, created.id, feeIds, now))) throw new LinesTaken();
      await refreshPaymentColumns(trx, [row.id]);
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: cash ? 'payment.cash' : 'payment.transfer_reported',
        targetType: 'dossier',
        targetId: row.id,
        details: { attemptId: created.id, amount: lines.reduce((s, l) => s + l.amount, 0), lines: feeIds.length },
        at: now,
      });
      return created.id;
    })
    .catch((error: unknown) => {
      if (error instanceof LinesTaken) return null;
      throw error;
    });
  if (outcome === null) return fail('NOTHING_TO_PAY');
  if (cash) await numberUnitReceipts(deps.db, header.unitCode);
  const movedOn = cash ? await advancePaidDossier(deps, { dossierId: row.id, payer: actor, requestId: input.meta.requestId }) : false;
  return ok({ attemptId: outcome, status: cash ? 'paid' : 'awaitingConfirmation', dossierMovedOn: movedOn });
}
