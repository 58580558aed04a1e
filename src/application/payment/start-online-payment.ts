/**
 * The applicant starts paying online what their dossier owes now (POST /api/v1/dossiers/{id}/payments): an
 * attempt is recorded (initiated, with the lines it pays and a reference unique to it) before the gateway is
 * asked, so that a callback can never arrive for an attempt we do not know; a gateway that does not answer
 * fails the attempt at once, and the citizen is told that nothing was taken.
 */
import { randomBytes } from 'node:crypto';
import type { AppDeps, RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { StartedPayment } from '../../contract/payment.js';
import { GatewayUnavailableError, type OnlineProvider, type PaymentGateways } from '../../domain/payment/gateway.js';
import { attemptReference, PAYMENT_WINDOW_MINUTES } from '../../domain/payment/payment.js';
import { payableNow } from '../../domain/payment/fees.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { loadFeeLines } from './fee-lines.js';

export type PaymentDeps = AppDeps & { payments: PaymentGateways; publicUrl: string };

/** An online attempt the gateway may still pay: initiated, and its window not closed. */
export const openAttempt = (a: { status: string; expires_at: Date | null }, now: Date) =>
  a.status === 'initiated' && a.expires_at !== null && a.expires_at > now;

/** Where a gateway sends the citizen's browser back (display only: the server-to-server callback decides). */
export const returnUrlOf = (publicUrl: string, provider: OnlineProvider) =>
  `${publicUrl}/api/v1/payments/return/${provider === 'vnpay' ? 'vnpay' : 'national-platform'}`;

export async function startOnlinePayment(
  deps: PaymentDeps,
  input: { id: string; provider: OnlineProvider; meta: RequestMeta },
): Promise<Result<StartedPayment>> {
  const seen = await findVisibleDossier(deps, input.id, input.meta);
  if (!seen.ok) return seen;
  const { header, state, relation, row } = seen.value;
  if (!relation.isApplicant) return fail('FORBIDDEN_ROLE');
  const gateway = deps.payments.for(header.unitCode, input.provider);
  if (!gateway) return fail('PAYMENT_PROVIDER_NOT_OFFERED');
  const lines = (await loadFeeLines(deps.db, input.id)).filter((l) => payableNow(l, state.status));
  if (lines.length === 0) return fail('NOTHING_TO_PAY');
  const now = deps.clock();
  const amount = lines.reduce((s, l) => s + l.amount, 0);
  const expiresAt = new Date(now.getTime() + PAYMENT_WINDOW_MINUTES * 60_000);
  const reference = attemptReference(row.code, now, randomBytes(4).toString('hex'));
  const description = `Nộp phí, lệ phí hồ sơ ${row.code}`;
  const ip = input.meta.ip ?? '127.0.0.1';
  const attempt = await deps.db.transaction().execute(async (trx) => {
    // The dossier row orders its payments: of two clicks at once, the second finds the first attempt open.
    await trx.selectFrom('dossiers').select('id').where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
    const open = await trx
      .selectFrom('payment_attempts')
      .select(['status', 'expires_at'])
      .where('dossier_id', '=', row.id)
      .where('status', '=', 'initiated')
      .execute();
    if (open.some((a) => openAttempt(a, now))) return null;
    const created = await trx
      .insertInto('payment_attempts')
      .values({
        dossier_id: row.id,
        unit_code: header.unitCode,
        method: input.provider,
        reference,
        amount,
        fee_ids: JSON.stringify(lines.map((l) => l.id)),
        status: 'initiated',
        description,
        payer_ip: ip,
        created_at: now,
        created_by: input.meta.actor!.userId,
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'payment.initiated',
      targetType: 'dossier',
      targetId: row.id,
      details: { attemptId: created.id, method: input.provider, reference, amount },
      at: now,
    });
    return created;
  });
  if (!attempt) return fail('PAYMENT_IN_PROGRESS');
  const applicant = await deps.db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .select(['d.applicant', 'd.procedure_code', 'v.name as procedure_name'])
    .where('d.id', '=', row.id)
    .executeTakeFirstOrThrow();
  const tree = deps.units.tree();
  try {
    const started = await gateway.start({
      reference,
      amount,
      description,
      returnUrl: returnUrlOf(deps.publicUrl, input.provider),
      ip,
      createdAt: now,
      expiresAt,
      receipt: {
        dossierCode: row.code,
        procedureCode: applicant.procedure_code,
        procedureName: applicant.procedure_name,
        unitCode: header.unitCode,
        unitName: tree.find(header.unitCode)?.name ?? header.unitCode,
        payerName: (applicant.applicant as { fullName?: string }).fullName ?? '',
        lines: lines.map((l) => ({ kind: l.kind, code: String(l.line), name: l.name, amount: l.amount })),
      },
    });
    return ok({ attemptId: attempt.id, reference, amount, redirectUrl: started.redirectUrl });
  } catch (error) {
    if (!(error instanceof GatewayUnavailableError)) throw error;
    await deps.db
      .updateTable('payment_attempts')
      .set({ status: 'failed', settled_at: deps.clock(), gateway_code: 'unavailable', note: error.message.slice(0, 500) })
      .where('id', '=', attempt.id)
      .where('status', '=', 'initiated')
      .execute();
    return fail('PAYMENT_GATEWAY_UNAVAILABLE');
  }
}
