import { useDebouncedValue } from '@mantine/hooks';
import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { procedurePath, type ProcedureDetail, type ProcedureSearchResponse } from '../../catalogue/api/catalogue-api.js';

/** Typing pauses this long before the search runs. */
export const PROCEDURE_SEARCH_DEBOUNCE_MS = 250;
const MIN_QUERY_LENGTH = 2;

/** Procedures matching what the desk officer types (code or name, with or without diacritics). */
export function useProcedureSearch(query: string): ApiQuery<ProcedureSearchResponse> & { settledQuery: string } {
  const [debounced] = useDebouncedValue(query.trim(), PROCEDURE_SEARCH_DEBOUNCE_MS);
  const path = debounced.length >= MIN_QUERY_LENGTH ? `/api/v1/procedures?${new URLSearchParams({ q: debounced, pageSize: '10' }).toString()}` : null;
  return { ...useApiQuery<ProcedureSearchResponse>(path), settledQuery: debounced };
}

/** The procedure in force today, with its components and channels. */
export function useProcedureDetail(code: string | null): ApiQuery<ProcedureDetail> {
  return useApiQuery<ProcedureDetail>(code === null ? null : procedurePath(code));
}
