import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseSearchState, toSearchParams, type CatalogueSearchState } from '../search-state.js';

export type SearchUpdate = CatalogueSearchState | ((current: CatalogueSearchState) => CatalogueSearchState);

export interface CatalogueSearchStateApi {
  state: CatalogueSearchState;
  /** Writes the search to the address bar: a new history entry, or in place with `replace`. */
  update: (next: SearchUpdate, options?: { replace?: boolean }) => void;
}

/** The catalogue search, kept in the address bar (shareable, and Back walks through earlier searches). */
export function useCatalogueSearchState(): CatalogueSearchStateApi {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchState(params), [params]);
  const update = useCallback(
    (next: SearchUpdate, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const resolved = typeof next === 'function' ? next(parseSearchState(current)) : next;
          return toSearchParams(resolved);
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );
  return { state, update };
}
