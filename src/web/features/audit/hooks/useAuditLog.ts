import { useCallback, useState } from 'react';
import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { auditPath, NO_FILTERS, type AuditFilters, type AuditResponse } from '../api/audit-api.js';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLog extends ApiQuery<AuditResponse> {
  filters: AuditFilters;
  /** 1 for the newest records. */
  pageNumber: number;
  setFilters: (filters: AuditFilters) => void;
  /** Older records; only when the page says there are more. */
  nextPage: () => void;
  previousPage: () => void;
  firstPage: () => void;
}

/** The audit trail (admin and monitor only), one page at a time, newest first, with the chosen filters. */
export function useAuditLog(): AuditLog {
  const [filters, setFiltersState] = useState<AuditFilters>(NO_FILTERS);
  // The `beforeSeq` of each page opened so far: the first page has none.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const query = useApiQuery<AuditResponse>(auditPath(filters, AUDIT_PAGE_SIZE, cursors.at(-1)));
  const next = query.data?.nextBeforeSeq ?? null;
  const setFilters = useCallback((f: AuditFilters) => {
    setFiltersState(f);
    setCursors([undefined]);
  }, []);
  const nextPage = useCallback(() => {
    if (next !== null) setCursors((c) => [...c, next]);
  }, [next]);
  const previousPage = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const firstPage = useCallback(() => setCursors([undefined]), []);
  return { ...query, filters, pageNumber: cursors.length, setFilters, nextPage, previousPage, firstPage };
}
