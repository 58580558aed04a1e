import { useCallback, useEffect, useState } from 'react';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import type { DossierPayments } from '../api/payments-api.js';
import { RETURN_POLL_MS, returnProgress, type ReturnProgress } from '../payment-view.js';

export interface PaymentReturn {
  progress: ReturnProgress;
  /** Ask the server again for another ~30 s (after the window ran out). */
  checkAgain: () => void;
}

/**
 * After the gateway sends the applicant back with `?thanh-toan=<reference>`: asks for the dossier's payments
 * every 2 s, for about 30 s, until the attempt of that reference is no longer waiting for the gateway. Null without a reference.
 */
export function usePaymentReturn(reference: string | null, payments: ApiQuery<DossierPayments>): PaymentReturn | null {
  const [polls, setPolls] = useState(0);
  const { data, error, loading, reload } = payments;
  const progress = reference === null ? null : returnProgress(data, reference, polls);
  const waiting = progress?.kind === 'waiting';

  useEffect(() => {
    // Each settled answer (or error) that still leaves the attempt waiting schedules the next question.
    if (!waiting || loading) return undefined;
    const timer = window.setTimeout(() => {
      setPolls((n) => n + 1);
      reload();
    }, RETURN_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [waiting, loading, data, error, reload]);

  const checkAgain = useCallback(() => {
    setPolls(0);
    reload();
  }, [reload]);
  return progress === null ? null : { progress, checkAgain };
}
