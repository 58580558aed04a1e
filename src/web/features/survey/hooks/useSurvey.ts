import { useCallback, useState } from 'react';
import { toApiError, type ApiError } from '../../../shared/api.js';

export interface SurveyAction<A extends unknown[], T> {
  run: (...args: A) => Promise<T | null>;
  pending: boolean;
  error: ApiError | null;
  clear: () => void;
}

/** One request at a time to the survey's API; resolves with the answer, or null (see `error`). */
export function useSurveyAction<A extends unknown[], T>(send: (...args: A) => Promise<T>): SurveyAction<A, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setPending(true);
      setError(null);
      try {
        return await send(...args);
      } catch (cause) {
        setError(toApiError(cause));
        return null;
      } finally {
        setPending(false);
      }
    },
    [send],
  );
  const clear = useCallback(() => setError(null), []);
  return { run, pending, error, clear };
}
