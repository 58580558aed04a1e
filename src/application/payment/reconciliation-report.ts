/**
 * The daily reconciliation (GET /api/v1/payments/reconciliation): for the attempts begun on a day, per unit and
 * method, what was expected (every attempt not given up) against what the gateways confirmed they took, how
 * many are still pending, and every attempt that needs a person. It balances when nothing is pending, nothing
 * needs a person, and what was taken equals what was expected.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability } from '../../domain/access/roles.js';
import { coversUnit } from '../../domain/access/policy.js';
import { vietnamDate, vietnamDayEnd, vietnamDayStart } from '../../domain/calendar/vietnam-time.js';
import { PAYMENT_METHOD_LABELS, type AttemptStatus, type PaymentMethod } from '../../domain/payment/payment.js';
import type { Reconciliation } from '../../contract/payment.js';
import { attemptView } from './payment-views.js';

const TAKEN: ReadonlySet<AttemptStatus> = new Set(['paid', 'amountMismatch', 'refundRequested', 'refunded']);
const PENDING: ReadonlySet<AttemptStatus> = new Set(['initiated', 'awaitingConfirmation']);
const GIVEN_UP: ReadonlySet<AttemptStatus> = new Set(['failed', 'expired']);

export async function reconciliationReport(deps: AppDeps, input: { date: string | null; meta: RequestMeta }): Promise<Result<Reconciliation>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!hasCapability(actor.role, 'payment.manage') && !hasCapability(actor.role, 'scorecard.view')) return fail('FORBIDDEN_ROLE');
  const date = input.date ?? vietnamDate(deps.clock());
  const from = vietnamDayStart(date);
  const to = vietnamDayEnd(date);
  const tree = deps.units.tree();
  const rows = await deps.db
    .selectFrom('payment_attempts as p')
    .innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .selectAll('p')
    .select('d.code as dossier_code')
    .where('p.created_at', '>=', from)
    .where('p.created_at', '<', to)
    .execute();
  const mine = rows.filter((r) => coversUnit(actor, r.unit_code, tree));
  const groups = new Map<string, Reconciliation['rows'][number]>();
  const mismatches: Reconciliation['mismatches'] = [];
  for (const r of mine) {
    const key = `${r.unit_code}|${r.method}`;
    const g = groups.get(key) ?? {
      unitCode: r.unit_code,
      unitName: tree.find(r.unit_code)?.name ?? r.unit_code,
      method: r.method,
      methodLabel: PAYMENT_METHOD_LABELS[r.method as PaymentMethod],
      expected: 0,
      expectedCount: 0,
      received: 0,
      receivedCount: 0,
      pendingCount: 0,
      mismatchCount: 0,
    };
    groups.set(key, g);
    if (!GIVEN_UP.has(r.status)) {
      g.expected += Number(r.amount);
      g.expectedCount++;
    }
    if (TAKEN.has(r.status)) {
      g.received += Number(r.paid_amount ?? r.amount);
      g.receivedCount++;
    }
    if (PENDING.has(r.status)) g.pendingCount++;
    if (r.task !== null || r.status === 'amountMismatch' || r.status === 'refundRequested') {
      g.mismatchCount++;
      mismatches.push({ attempt: attemptView(r), version: r.version, dossierId: r.dossier_id, dossierCode: r.dossier_code, unitCode: r.unit_code });
    }
  }
  const list = [...groups.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.method.localeCompare(b.method));
  const balanced = list.every((g) => g.pendingCount === 0 && g.mismatchCount === 0 && g.expected === g.received);
  return ok({ date, rows: list, mismatches, balanced });
}
