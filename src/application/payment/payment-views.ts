/** How fee lines, attempts and receipts are shown (src/contract/payment.ts), from their rows. */
import type { Selectable } from 'kysely';
import type { PaymentAttemptsTable, PaymentReceiptsTable } from '../../infrastructure/db/schema.js';
import type { FeeLine as FeeLineView, PaymentAttempt, PaymentReceipt } from '../../contract/payment.js';
import { FEE_MOMENT_LABELS, payableNow } from '../../domain/payment/fees.js';
import { ATTEMPT_STATUS_LABELS, ONLINE_METHODS, PAYMENT_METHOD_LABELS, PAYMENT_TASK_LABELS, type PaymentTask } from '../../domain/payment/payment.js';
import type { DossierStatus } from '../../domain/dossier/dossier.js';
import type { StoredFeeLine } from './fee-lines.js';
import { receiptNumber } from './receipts.js';

export function feeLineView(l: StoredFeeLine, status: DossierStatus): FeeLineView {
  return {
    id: l.id,
    line: l.line,
    kind: l.kind,
    name: l.name,
    amount: l.amount,
    moment: l.moment,
    momentLabel: FEE_MOMENT_LABELS[l.moment],
    basis: l.basis,
    source: l.source,
    paid: l.paid,
    payableNow: payableNow(l, status),
    replaced: l.replaced,
  };
}

export function attemptView(a: Selectable<PaymentAttemptsTable>): PaymentAttempt {
  return {
    id: a.id,
    method: a.method,
    methodLabel: PAYMENT_METHOD_LABELS[a.method],
    online: ONLINE_METHODS.has(a.method),
    reference: a.reference,
    amount: Number(a.amount),
    status: a.status,
    statusLabel: ATTEMPT_STATUS_LABELS[a.status],
    task: a.task,
    taskLabel: a.task ? (PAYMENT_TASK_LABELS[a.task as PaymentTask] ?? a.task) : null,
    createdAt: a.created_at.toISOString(),
    settledAt: a.settled_at?.toISOString() ?? null,
    note: a.note,
  };
}

/** A numbered receipt (one waits for its number only for the moment after its payment commits). */
export function receiptView(r: Selectable<PaymentReceiptsTable> & { number: number }): PaymentReceipt {
  return {
    id: r.id,
    kind: r.kind,
    template: r.template,
    series: r.series,
    number: receiptNumber(r.number),
    amount: Number(r.amount),
    issuedAt: r.issued_at.toISOString(),
    url: `/api/v1/dossiers/${r.dossier_id}/receipts/${r.id}`,
  };
}
