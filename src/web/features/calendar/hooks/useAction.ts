import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../../shared/api.js';

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface Action {
  /** Run `task` unless one is already running (then null); never rejects. */
  run: <T>(task: () => Promise<T>) => Promise<ActionResult<T> | null>;
  pending: boolean;
  error: ApiError | null;
  clearError: () => void;
}

/** A state-changing request (save, import, reset) with its pending flag and Vietnamese error. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async <T>(task: () => Promise<T>): Promise<ActionResult<T> | null> => {
    if (running.current) return null;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      return { ok: true, value: await task() };
    } catch (cause) {
      const failure = toApiError(cause);
      if (mounted.current) setError(failure);
      return { ok: false, error: failure };
    } finally {
      running.current = false;
      if (mounted.current) setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
