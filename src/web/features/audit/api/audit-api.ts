export interface AuditRecord {
  seq: number;
  /** ISO instant. */
  at: string;
  actorName: string | null;
  role: string | null;
  unitCode: string | null;
  action: string;
  target: string | null;
  requestId: string;
}

export interface AuditResponse {
  records: AuditRecord[];
}

export function auditPath(limit: number): string {
  return `/api/v1/audit?limit=${limit}`;
}
