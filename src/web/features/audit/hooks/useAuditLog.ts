import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { auditPath, type AuditResponse } from '../api/audit-api.js';

export const AUDIT_PAGE_SIZE = 50;

/** The most recent audit records (admin and monitor only). */
export function useAuditLog(limit: number = AUDIT_PAGE_SIZE): ApiQuery<AuditResponse> {
  return useApiQuery<AuditResponse>(auditPath(limit));
}
