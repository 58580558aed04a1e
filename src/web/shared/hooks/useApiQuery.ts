import { useCallback, useEffect, useState } from 'react';
import { apiGet, isAbortError, toApiError, type ApiError } from '../api.js';

export interface ApiQuery<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: ApiError | undefined;
}

/**
 * GET `path` (skipped when null) and keep the latest answer. Loading is derived from whether the
 * settled answer belongs to the current request, so the effect never sets state synchronously.
 */
export function useApiQuery<T>(path: string | null): ApiQuery<T> {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const key = path === null ? null : `${version}|${path}`;

  useEffect(() => {
    if (path === null) return undefined;
    const requestKey = `${version}|${path}`;
    const controller = new AbortController();
    apiGet<T>(path, { signal: controller.signal }).then(
      (data) => setSettled({ key: requestKey, data, error: undefined }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setSettled({ key: requestKey, data: undefined, error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = settled !== null && settled.key === key ? settled : null;
  return {
    data: current?.data,
    error: current?.error,
    loading: key !== null && current === null,
    reload,
  };
}
