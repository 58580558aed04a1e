export interface AuditRecord {
  seq: number;
  /** ISO instant. */
  at: string;
  actorName: string | null;
  /** An official's login name; null for citizens and the system. */
  actorUsername: string | null;
  role: string | null;
  unitCode: string | null;
  action: string;
  targetType: string | null;
  /** A dossier code, an account holder's name, a decision number…; never an internal id. */
  targetLabel: string | null;
}

export interface AuditResponse {
  records: AuditRecord[];
  /** Where the next (older) page starts; null on the last page. */
  nextBeforeSeq: number | null;
}

/** The page's filters; empty strings mean "any". Dates are yyyy-MM-dd (Vietnam). */
export interface AuditFilters {
  unit: string;
  official: string;
  action: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { unit: '', official: '', action: '', from: '', to: '' };

/** GET /api/v1/audit with the filters set, one page of `limit` records older than `beforeSeq`. */
export function auditPath(filters: AuditFilters, limit: number, beforeSeq?: number): string {
  const query = new URLSearchParams({ limit: String(limit) });
  for (const key of ['unit', 'official', 'action', 'from', 'to'] as const) {
    const value = filters[key].trim();
    if (value) query.set(key, value);
  }
  if (beforeSeq !== undefined) query.set('beforeSeq', String(beforeSeq));
  return `/api/v1/audit?${query.toString()}`;
}
