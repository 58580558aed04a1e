import { useCallback, useState } from 'react';
import { toApiError, type ApiError } from '../../../shared/api.js';
import { actOnDossier, type ActionOutcome, type ApplicantAction } from '../api/portal-dossiers-api.js';

export interface ApplicantActionState {
  /** Send the action; resolves with the outcome, or null when it failed (see `error`). */
  run: (action: ApplicantAction) => Promise<ActionOutcome | null>;
  pending: boolean;
  error: ApiError | null;
  reset: () => void;
}

/** POST /api/v1/dossiers/{id}/actions with the CSRF token; one at a time. */
export function useApplicantAction(dossierId: string): ApplicantActionState {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    async (action: ApplicantAction) => {
      setPending(true);
      setError(null);
      try {
        return await actOnDossier(dossierId, action);
      } catch (cause) {
        setError(toApiError(cause));
        return null;
      } finally {
        setPending(false);
      }
    },
    [dossierId],
  );

  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
