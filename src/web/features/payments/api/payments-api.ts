/**
 * Fees and their payment (src/http/routes/payments.ts, issue 18): what a dossier owes and how it was paid, the
 * applicant's online payment through a gateway, the desk's cash and transfers, officials' adjustments, the
 * accountants' tasks and the daily reconciliation. The shapes are the contract's (src/contract/payment.ts).
 */
import type {
  DeskPaymentBody,
  DossierPayments,
  FeeLine,
  FeeLineBody,
  PaymentAttempt,
  PaymentReceipt,
  PaymentTaskItem,
  PaymentTasks,
  Reconciliation,
  ResolvePaymentBody,
  StartedPayment,
  StartPaymentBody,
} from '../../../../contract/payment.js';
import { apiPost } from '../../../shared/api.js';

export type {
  DeskPaymentBody,
  DossierPayments,
  FeeLine,
  FeeLineBody,
  PaymentAttempt,
  PaymentReceipt,
  PaymentTaskItem,
  PaymentTasks,
  Reconciliation,
  ResolvePaymentBody,
  StartedPayment,
  StartPaymentBody,
};
/** One row of the reconciliation report: a unit and a method. */
export type ReconciliationRow = Reconciliation['rows'][number];
/** An online provider the dossier's unit accepts, with its name. */
export type PaymentProvider = DossierPayments['providers'][number];
export type OnlineProvider = StartPaymentBody['provider'];
export type Resolution = ResolvePaymentBody['resolution'];

export const PAYMENT_TASKS_PATH = '/api/v1/payments/tasks';

function dossierBase(dossierId: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(dossierId)}`;
}

/** GET: the dossier's fee lines, totals, attempts and receipts, and what the caller may do. */
export function dossierPaymentsPath(dossierId: string): string {
  return `${dossierBase(dossierId)}/payments`;
}

/** GET ?date=yyyy-MM-dd: the day's reconciliation, per unit and method. */
export function reconciliationPath(date: string): string {
  return `/api/v1/payments/reconciliation?date=${encodeURIComponent(date)}`;
}

/** POST: the applicant starts paying what is due now; the browser then goes to `redirectUrl`. */
export function startPayment(dossierId: string, body: StartPaymentBody): Promise<StartedPayment> {
  return apiPost<StartedPayment>(dossierPaymentsPath(dossierId), { body });
}

/** POST: cash taken at the desk, or a transfer's proof handed in (to be confirmed by an accountant). */
export async function recordDeskPayment(dossierId: string, body: DeskPaymentBody): Promise<void> {
  await apiPost<unknown>(`${dossierPaymentsPath(dossierId)}/desk`, { body });
}

/** POST: an official adds a fee line, or adjusts one (`replaces`), with a reason. */
export async function addFeeLine(dossierId: string, body: FeeLineBody): Promise<void> {
  await apiPost<unknown>(`${dossierBase(dossierId)}/fees`, { body });
}

/** POST: an accountant settles a task; 409 PAYMENT_STATE_CHANGED when the attempt changed since it was read. */
export async function resolvePayment(attemptId: string, body: ResolvePaymentBody): Promise<void> {
  await apiPost<unknown>(`/api/v1/payments/${encodeURIComponent(attemptId)}/resolve`, { body });
}
