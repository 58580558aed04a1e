import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../../shared/api.js';
import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import {
  dossierPaymentsPath,
  PAYMENT_TASKS_PATH,
  reconciliationPath,
  type DossierPayments,
  type PaymentTasks,
  type Reconciliation,
} from '../api/payments-api.js';

/**
 * The dossier's fees and payments; null skips the request. While a reload runs (after a payment, an adjustment,
 * or a poll for the gateway's answer) the last answer stays on screen, so that the panel and its focus do not jump.
 */
export function useDossierPayments(dossierId: string | null): ApiQuery<DossierPayments> {
  const query = useApiQuery<DossierPayments>(dossierId === null ? null : dossierPaymentsPath(dossierId));
  const [shown, setShown] = useState<{ id: string; data: DossierPayments } | null>(null);
  if (dossierId !== null && query.data && query.data !== shown?.data) setShown({ id: dossierId, data: query.data });
  const data = query.data ?? (query.loading && shown !== null && shown.id === dossierId ? shown.data : undefined);
  return { ...query, data };
}

export function usePaymentTasks(): ApiQuery<PaymentTasks> {
  return useApiQuery<PaymentTasks>(PAYMENT_TASKS_PATH);
}

/** The reconciliation of a day (yyyy-MM-dd); null skips the request. */
export function useReconciliation(date: string | null): ApiQuery<Reconciliation> {
  return useApiQuery<Reconciliation>(date === null ? null : reconciliationPath(date));
}

export type Outcome<R> = { ok: true; value: R } | { ok: false };

export interface Mutation<A extends unknown[], R> {
  /** Send once at a time; a second call while one is under way is ignored. */
  run: (...args: A) => Promise<Outcome<R>>;
  pending: boolean;
  error: ApiError | null;
  reset: () => void;
}

/** A POST from one of the payment forms, with its pending state and the server's Vietnamese error. */
export function useMutation<A extends unknown[], R>(send: (...args: A) => Promise<R>): Mutation<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = useRef(false);
  const latest = useRef(send);
  useEffect(() => {
    latest.current = send;
  }, [send]);

  const run = useCallback(async (...args: A): Promise<Outcome<R>> => {
    if (busy.current) return { ok: false };
    busy.current = true;
    setPending(true);
    setError(null);
    try {
      return { ok: true, value: await latest.current(...args) };
    } catch (cause) {
      setError(toApiError(cause));
      return { ok: false };
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);
  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
