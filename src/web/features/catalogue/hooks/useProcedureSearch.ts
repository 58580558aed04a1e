import { useState } from 'react';
import type { ApiError } from '../../../shared/api.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { procedureSearchPath, type ProcedureSearchResponse } from '../api/catalogue-api.js';
import { toApiQuery, type CatalogueSearchState } from '../search-state.js';

export interface ProcedureSearch {
  /** The latest answer; while the next one loads, the previous answer stays on screen. */
  data: ProcedureSearchResponse | undefined;
  /** True while `data` belongs to an earlier search. */
  stale: boolean;
  loading: boolean;
  error: ApiError | undefined;
  reload: () => void;
}

export function useProcedureSearch(state: CatalogueSearchState): ProcedureSearch {
  const query = useApiQuery<ProcedureSearchResponse>(procedureSearchPath(toApiQuery(state)));
  const [previous, setPrevious] = useState<ProcedureSearchResponse | undefined>(undefined);
  if (query.data !== undefined && query.data !== previous) setPrevious(query.data);
  const data = query.data ?? (query.error ? undefined : previous);
  return { data, stale: query.data === undefined && data !== undefined, loading: query.loading, error: query.error, reload: query.reload };
}
