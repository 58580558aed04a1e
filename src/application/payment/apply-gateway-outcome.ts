/**
 * Apply what a gateway said about an attempt (a verified callback, or reconciliation's query): the one place an
 * online payment changes state (issue 18). In one transaction: the attempt and its lines are locked (so two
 * attempts paying the same lines cannot both credit them), the word is kept raw with our verdict, the domain
 * judges it, and a payment that pays its lines marks them paid, issues the receipts, refreshes the statistics
 * columns and is audited. A replayed word finds the attempt settled and changes nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { CallbackVerdict, GatewayOutcome, OnlineProvider } from '../../domain/payment/gateway.js';
import { judge, type AttemptStatus } from '../../domain/payment/payment.js';
import { appendAudit } from '../audit/audit-chain.js';
import { payLines, refreshPaymentColumns } from './fee-lines.js';

export interface AppliedOutcome {
  verdict: CallbackVerdict | 'pending';
  attemptId: string | null;
  dossierId: string | null;
  /** The attempt's status after this word. */
  status: AttemptStatus | null;
  /** This word paid the attempt's lines (the dossier may move on). */
  paidNow: boolean;
}

/** Keep a gateway's word as it came, with what we made of it (append-only). */
export async function keepWord(
  db: Kysely<DB> | Transaction<DB>,
  word: {
    method: OnlineProvider;
    reference: string | null;
    attemptId: string | null;
    source: 'callback' | 'return' | 'query';
    raw: unknown;
    signatureValid: boolean;
    verdict: string;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('payment_callbacks')
    .values({
      method: word.method,
      reference: word.reference?.slice(0, 100) ?? null,
      attempt_id: word.attemptId,
      source: word.source,
      received_at: word.at,
      raw: JSON.stringify(word.raw ?? null),
      signature_valid: word.signatureValid,
      verdict: word.verdict,
    })
    .execute();
}

export async function applyGatewayOutcome(
  db: Kysely<DB>,
  input: { method: OnlineProvider; outcome: GatewayOutcome; source: 'callback' | 'query'; raw: unknown; at: Date; requestId: string },
): Promise<AppliedOutcome> {
  const { method, outcome, at } = input;
  return db.transaction().execute(async (trx) => {
    const attempt = await trx
      .selectFrom('payment_attempts')
      .selectAll()
      .where('method', '=', method)
      .where('reference', '=', outcome.reference)
      .forUpdate()
      .executeTakeFirst();
    const word = { method, reference: outcome.reference, source: input.source, raw: input.raw, signatureValid: true, at } as const;
    if (!attempt) {
      await keepWord(trx, { ...word, attemptId: null, verdict: 'notFound' });
      return { verdict: 'notFound', attemptId: null, dossierId: null, status: null, paidNow: false };
    }
    const feeIds = attempt.fee_ids;
    const lines = feeIds.length
      ? await trx.selectFrom('dossier_fees').select(['id', 'paid_by']).where('id', 'in', feeIds).orderBy('id').forUpdate().execute()
      : [];
    const judged = judge(
      {
        status: attempt.status,
        amount: Number(attempt.amount),
        providerTransactionId: attempt.provider_transaction_id,
        linesStillOwed: lines.every((l) => l.paid_by === null || l.paid_by === attempt.id),
      },
      outcome,
    );
    if (judged.kind === 'unchanged') {
      await keepWord(trx, { ...word, attemptId: attempt.id, verdict: judged.verdict });
      return { verdict: judged.verdict, attemptId: attempt.id, dossierId: attempt.dossier_id, status: attempt.status, paidNow: false };
    }
    await keepWord(trx, { ...word, attemptId: attempt.id, verdict: `${judged.verdict}:${judged.to}` });
    await trx
      .updateTable('payment_attempts')
      .set({
        status: judged.to,
        task: judged.task,
        settled_at: at,
        paid_amount: outcome.amount,
        provider_transaction_id: outcome.providerTransactionId,
        bank_code: outcome.bankCode,
        gateway_code: outcome.code,
        version: attempt.version + 1,
      })
      .where('id', '=', attempt.id)
      .execute();
    if (judged.paysLines) {
      await payLines(trx, attempt.id, feeIds, at);
    }
    await refreshPaymentColumns(trx, [attempt.dossier_id]);
    await appendAudit(trx, {
      action: `payment.${judged.to}`,
      actorId: null,
      actorRole: null,
      actorUnit: attempt.unit_code,
      targetType: 'dossier',
      targetId: attempt.dossier_id,
      ip: null,
      requestId: input.requestId,
      details: {
        attemptId: attempt.id,
        method,
        reference: attempt.reference,
        amount: outcome.amount,
        code: outcome.code,
        via: input.source,
        task: judged.task,
      },
      at,
    });
    return { verdict: judged.verdict, attemptId: attempt.id, dossierId: attempt.dossier_id, status: judged.to, paidNow: judged.paysLines };
  });
}
