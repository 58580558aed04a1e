/**
 * motcua's statuses as the national portal's codes (TrangThaiHoSo, TrangThai of a progress entry: 1–10), by a table
 * the province edits (INTEGRATIONS §3.1 DossierStatusMapping): a row for the status and the sub-status (the action
 * that led to it) wins over a row for the status alone, which wins over the built-in code (REFERENCE §2.2).
 */
import { DOSSIER_STATUSES, NATIONAL_STATUS_CODE, type DossierStatus } from '../dossier/dossier.js';

export const PORTAL_STATUS_CODES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
export type PortalStatusCode = (typeof PORTAL_STATUS_CODES)[number];

export interface StatusMappingRow {
  status: string;
  /** '' for the status alone. */
  subStatus: string;
  portalCode: PortalStatusCode;
}

export type StatusMapper = (status: DossierStatus, subStatus: string | null) => PortalStatusCode;

export const isDossierStatus = (s: string): s is DossierStatus => (DOSSIER_STATUSES as readonly string[]).includes(s);

/** The mapper of a table's rows; with no rows, the built-in codes. */
export function statusMapper(rows: readonly StatusMappingRow[]): StatusMapper {
  const byKey = new Map(rows.map((r) => [`${r.status}|${r.subStatus}`, r.portalCode]));
  return (status, subStatus) =>
    (subStatus ? byKey.get(`${status}|${subStatus}`) : undefined) ?? byKey.get(`${status}|`) ?? (String(NATIONAL_STATUS_CODE[status]) as PortalStatusCode);
}

export const BUILT_IN_STATUS_MAPPER: StatusMapper = statusMapper([]);
