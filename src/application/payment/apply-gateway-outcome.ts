/**
 * Apply what a gateway said about an attempt (a verified callback, or reconciliation's query): the one place an
 * online payment changes state (issue 18). In one transaction: the attempt and its lines are locked (so two
 * attempts paying the same lines cannot both credit them), the word is kept as it came with our verdict (in that
 * transaction: a word whose effect rolls back is not kept either; the gateway sends it again), the domain judges
 * it, and a payment that pays its lines marks them paid, marks its receipts due (issued once it commits), lets the
 * statistics follow and is audited. A replayed word finds the attempt settled and changes nothing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { portalFollow } from '../national-sync/portal-outbox.js';
import type { DB } from '../../infrastructure/db/schema.js';
import type { CallbackVerdict, GatewayOutcome, OnlineProvider } from '../../domain/payment/gateway.js';
import { judge, type AttemptStatus } from '../../domain/payment/payment.js';
import { auditChainOf, lockAuditHead, sealAudit, writeSealedAudit } from '../audit/audit-chain.js';

export interface AppliedOutcome {
  verdict: CallbackVerdict | 'pending';
  attemptId: string | null;
  dossierId: string | null;
  /** The attempt's status after this word. */
  status: AttemptStatus | null;
  /** This word paid the attempt's lines (the dossier may move on). */
  paidNow: boolean;
  /** The dossier was waiting for its fees when the payment was recorded: it may move on now. */
  dossierWaitingForFees?: boolean;
  /** Why an accountant must look (suspected fraud, double payment…), when this word made it so. */
  task?: string | null;
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
  await db.insertInto('payment_callbacks').values(wordRow(word)).execute();
}

type Word = Parameters<typeof keepWord>[1];

/** Text as PostgreSQL stores it: a NUL character (which no gateway sends, but anyone may) becomes U+FFFD. */
function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\0', '\uFFFD');
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k) as string, storable(v)]));
  return value;
}

function wordRow(word: Word) {
  return {
    method: word.method,
    reference: (storable(word.reference?.slice(0, 100) ?? null) as string | null) ?? null,
    attempt_id: word.attemptId,
    source: word.source,
    received_at: word.at,
    raw: JSON.stringify(storable(word.raw ?? null)),
    signature_valid: word.signatureValid,
    verdict: word.verdict,
  };
}

interface LockedAttempt {
  id: string;
  dossier_id: string;
  unit_code: string;
  method: string;
  reference: string;
  amount: string;
  status: AttemptStatus;
  version: number;
  provider_transaction_id: string | null;
  dossier_status: string;
  fee_id: string;
  paid_by: string | null;
  replaced_by: string | null;
}

/**
 * The attempt with its fee lines, both locked, in one statement (one row per line; an attempt always pays at least
 * one line). The dossier's status is read, not locked: the dossier's own actions do not wait on payments.
 */
async function lockAttempt(trx: Transaction<DB>, method: OnlineProvider, reference: string): Promise<LockedAttempt[]> {
  const { rows } = await sql<LockedAttempt>`
    select p.id, p.dossier_id, p.unit_code, p.method, p.reference, p.amount, p.status, p.version, p.provider_transaction_id, d.status as dossier_status,
           f.id as fee_id, f.paid_by, f.replaced_by
    from payment_attempts p
    join dossiers d on d.id = p.dossier_id
    join dossier_fees f on f.dossier_id = p.dossier_id and p.fee_ids ? f.id::text
    where p.method = ${method} and p.reference = ${reference}
    order by f.line
    for update of p, f`.execute(trx);
  return rows;
}

/**
 * One gateway word in one transaction of few round trips (bench/payments.ts measures it): lock the attempt and its
 * lines; judge; then, with the audit chain's head locked, one statement keeps the word, moves the attempt, credits
 * the lines and lets the statistics follow, marks its receipts due (issued and numbered after it commits, see
 * receipts.ts) and writes the audit record.
 */
export async function applyGatewayOutcome(
  db: Kysely<DB>,
  input: {
    method: OnlineProvider;
    outcome: GatewayOutcome;
    source: 'callback' | 'query';
    raw: unknown;
    at: Date;
    requestId: string;
    /** Whether the account that checked the word's signature is the one of the attempt's unit (a callback's). */
    signedFor?: (unitCode: string) => boolean;
    /** Whether the word carried a signature we checked (a query's answer from the platform carries none). */
    signed?: boolean;
  },
): Promise<AppliedOutcome> {
  const { method, outcome, at } = input;
  const applied = await db.transaction().execute(async (trx): Promise<AppliedOutcome & { unitCode?: string }> => {
    const rows = await lockAttempt(trx, method, outcome.reference);
    const word = { method, reference: outcome.reference, source: input.source, raw: input.raw, signatureValid: input.signed ?? true, at } as const;
    const attempt = rows[0];
    if (!attempt) {
      await keepWord(trx, { ...word, attemptId: null, verdict: 'notFound' });
      return { verdict: 'notFound', attemptId: null, dossierId: null, status: null, paidNow: false };
    }
    // Signed with another unit's merchant account: whoever holds that secret may not settle this unit's attempt.
    if (input.signedFor && !input.signedFor(attempt.unit_code)) {
      await keepWord(trx, { ...word, signatureValid: false, attemptId: attempt.id, verdict: 'wrongAccount' });
      return { verdict: 'invalidSignature', attemptId: attempt.id, dossierId: attempt.dossier_id, status: attempt.status, paidNow: false };
    }
    const judged = judge(
      {
        status: attempt.status,
        amount: Number(attempt.amount),
        providerTransactionId: attempt.provider_transaction_id,
        // A line an official replaced meanwhile is owed no more (its replacement is): money for it is refunded.
        linesStillOwed: rows.every((l) => (l.paid_by === null || l.paid_by === attempt.id) && l.replaced_by === null),
      },
      outcome,
    );
    if (judged.kind === 'unchanged') {
      await keepWord(trx, { ...word, attemptId: attempt.id, verdict: judged.verdict });
      return { verdict: judged.verdict, attemptId: attempt.id, dossierId: attempt.dossier_id, status: attempt.status, paidNow: false };
    }
    const pays = judged.paysLines;
    const audit = sealAudit(await lockAuditHead(trx, auditChainOf({ targetId: attempt.dossier_id, requestId: input.requestId })), {
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
    const feeIds = rows.map((l) => l.fee_id);
    const writes = trx
      .with('word', (qc) => qc.insertInto('payment_callbacks').values(wordRow({ ...word, attemptId: attempt.id, verdict: `${judged.verdict}:${judged.to}` })))
      .with('moved', (qc) =>
        qc
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
            receipts_due: pays,
          })
          .where('id', '=', attempt.id),
      )
      // A payment that pays its lines: they are credited to it (the statistics read "paid online" from the attempt itself).
      .with('credited', (qc) =>
        qc
          .updateTable('dossier_fees')
          .set({ paid_by: attempt.id })
          .where('id', 'in', feeIds)
          .where('paid_by', 'is', null)
          .where(sql<boolean>`${pays}`),
      )
      .with('statistics_follow', (qc) => qc.insertInto('stat_queue').values({ dossier_id: attempt.dossier_id }))
      // …and the sync with the national portal (application/national-sync/portal-outbox.ts).
      .with('portal_follow', (qc) => portalFollow(qc, [attempt.dossier_id]));
    await writeSealedAudit(writes, audit).execute();
    return {
      verdict: judged.verdict,
      attemptId: attempt.id,
      dossierId: attempt.dossier_id,
      status: judged.to,
      paidNow: pays,
      task: judged.task,
      dossierWaitingForFees: attempt.dossier_status === 'feeRequested',
      unitCode: attempt.unit_code,
    };
  });
  // Its receipts are issued and numbered in a batch after it commits (receipts.ts numberUnitReceipts): by the
  // numbering job, or by whoever reads the dossier's payments first.
  const { unitCode: _unit, ...result } = applied;
  return result;
}
