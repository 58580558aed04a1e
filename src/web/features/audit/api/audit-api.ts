import type { AuditPage, AuditQuery, AuditRecord } from '../../../../contract/audit.js';

export type { AuditRecord };
/** GET /api/v1/audit: one page, newest first; `nextBeforeSeq` is null on the last page. */
export type AuditResponse = AuditPage;

/** The filters of GET /api/v1/audit (the rest of its query is paging). */
type AuditFilterKey = Exclude<keyof AuditQuery, 'limit' | 'beforeSeq'>;
/** The page's filters; empty strings mean "any". Dates are yyyy-MM-dd (Vietnam). */
export type AuditFilters = Required<Pick<AuditQuery, AuditFilterKey>>;

export const NO_FILTERS: AuditFilters = { unit: '', official: '', action: '', from: '', to: '' };

/** GET /api/v1/audit with the filters set, one page of `limit` records older than `beforeSeq`. */
export function auditPath(filters: AuditFilters, limit: number, beforeSeq?: number): string {
  const query = new URLSearchParams({ limit: String(limit) });
  for (const key of ['unit', 'official', 'action', 'from', 'to'] as const satisfies readonly AuditFilterKey[]) {
    const value = filters[key].trim();
    if (value) query.set(key, value);
  }
  if (beforeSeq !== undefined) query.set('beforeSeq', String(beforeSeq));
  return `/api/v1/audit?${query.toString()}`;
}
