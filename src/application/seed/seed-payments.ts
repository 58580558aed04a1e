/**
 * The payment records of a seeded dossier (issue 18), so that the demo's group 3b is computed the way a real
 * province's is: fee lines from the version's schedule at the channel's amount, and, where the seeded history
 * has the fee paid, an attempt the gateway confirmed (the applicant paid online: the national platform or the
 * province's VNPay) or cash at the desk (an official confirmed it, or the desk took it at a counter intake),
 * paying those lines. An online applicant who never paid still owes them (3.6's denominator counts them).
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DossierFeesTable, PaymentAttemptsTable } from '../../infrastructure/db/schema.js';
import type { Channel, ProcedureFee } from '../../domain/catalogue/procedure.js';
import type { RecordedAction } from '../../domain/dossier/dossier.js';
import { feeLinesAtIntake } from '../../domain/payment/fees.js';
import { attemptReference } from '../../domain/payment/payment.js';
import { toDate } from '../dossier/dossier-store.js';

export interface SeededPayments {
  fees: Insertable<DossierFeesTable>[];
  attempts: Insertable<PaymentAttemptsTable>[];
  feeDue: boolean;
}

export function seedPayments(input: {
  dossierId: string;
  code: string;
  unitCode: string;
  channel: Channel;
  fees: readonly ProcedureFee[];
  submittedAt: number;
  history: readonly RecordedAction[];
  random: () => number;
}): SeededPayments {
  const drafts = feeLinesAtIntake(input.fees, input.channel);
  const fees = drafts.map((d, i) => ({
    id: randomUUID(),
    dossier_id: input.dossierId,
    line: i + 1,
    kind: d.kind,
    name: d.name,
    amount: d.amount,
    moment: d.moment,
    basis: d.basis,
    source: 'catalogue' as const,
    created_at: toDate(input.submittedAt)!,
    paid_by: null as string | null,
  }));
  const owed = fees.filter((f) => f.amount > 0);
  const feeDue = owed.length > 0;
  // Paid when the history says so; a counter or postal dossier's fee is otherwise taken in cash at its acceptance.
  const paid = input.history.find((a) => a.type === 'payFee') ?? (input.channel !== 'online' ? input.history.find((a) => a.type === 'accept') : undefined);
  if (!paid || !feeDue) return { fees, attempts: [], feeDue };
  const online = paid.type === 'payFee' && (paid.actor.role === 'citizen' || paid.actor.role === 'organization');
  const method = online ? (input.random() < 0.6 ? 'nationalPlatform' : 'vnpay') : 'cash';
  const id = randomUUID();
  const at = toDate(paid.at)!;
  const amount = owed.reduce((s, f) => s + f.amount, 0);
  for (const f of owed) f.paid_by = id;
  const attempt: Insertable<PaymentAttemptsTable> = {
    id,
    dossier_id: input.dossierId,
    unit_code: input.unitCode,
    method,
    reference: attemptReference(input.code, at, id.slice(0, 6)),
    amount,
    fee_ids: JSON.stringify(owed.map((f) => f.id)),
    status: 'paid',
    description: online ? `Nộp phí, lệ phí hồ sơ ${input.code}` : 'Thu tiền mặt tại bộ phận một cửa',
    created_at: new Date(at.getTime() - 5 * 60_000),
    created_by: null,
    expires_at: online ? new Date(at.getTime() + 10 * 60_000) : null,
    settled_at: at,
    paid_amount: amount,
    provider_transaction_id: online ? String(14_000_000 + Math.floor(input.random() * 1_000_000)) : null,
    gateway_code: online ? (method === 'vnpay' ? '00/00' : '00/1') : null,
  };
  return { fees, attempts: [attempt], feeDue };
}
