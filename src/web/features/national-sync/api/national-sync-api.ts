/**
 * The live sync with the national portal and the page of connected systems (src/http/routes/national-sync.ts,
 * issue 21): the sync report per unit, the dossiers the portal refused, reconciliation on demand, the mapping of
 * statuses and units to the portal's codes. The shapes are the contract's (src/contract/national-portal.ts).
 */
import type { z } from 'zod';
import type {
  Connection,
  ConnectionList,
  ParkedSync,
  ParkedSyncList as ParkedSyncListSchema,
  PortalMapping,
  PortalMappingBody,
  PortalReconciliation,
  PortalSyncReport,
} from '../../../../contract/national-portal.js';
import { apiPost, apiRequest } from '../../../shared/api.js';

export type { Connection, ConnectionList, ParkedSync, PortalMapping, PortalMappingBody, PortalReconciliation, PortalSyncReport };
export type ConnectionState = Connection['state'];
export type PortalSyncUnitRow = PortalSyncReport['units'][number];
export type PortalQueue = PortalSyncReport['queue'];
export type StatusMappingRow = PortalMappingBody['statuses'][number];
export type AgencyMappingRow = PortalMappingBody['agencies'][number];
export type BuiltInCode = PortalMapping['builtIn'][number];
export type ParkedSyncList = z.infer<typeof ParkedSyncListSchema>;

const API = '/api/v1';
const BASE = `${API}/national-sync`;

/** GET: the connected systems, their state, queue, lag, error rate and last success. */
export const CONNECTIONS_PATH = `${API}/system/connections`;
/** GET: the dossiers the portal refused too many times ({ items }). */
export const PARKED_PATH = `${BASE}/parked`;
/** GET and PUT: the mapping of statuses and units to the portal's codes. */
export const MAPPING_PATH = `${BASE}/mapping`;

/** GET: the queue and the dossiers received in [from, to] (yyyy-MM-dd, Vietnam time) per unit. */
export function syncReportPath(from: string, to: string): string {
  return `${BASE}/report?${new URLSearchParams({ from, to }).toString()}`;
}

/** POST: send a parked dossier again (its answer, `retried: true`, says nothing more). */
export async function retryParked(dossierId: string): Promise<void> {
  await apiPost<unknown>(`${PARKED_PATH}/${encodeURIComponent(dossierId)}/retry`);
}

/** POST: compare with the portal now and send again what it lacks (503 PORTAL_NOT_CONFIGURED without a portal). */
export function reconcileNow(): Promise<PortalReconciliation> {
  return apiPost<PortalReconciliation>(`${BASE}/reconcile`);
}

/** PUT: replace the whole mapping, against the version read (409 MAPPING_CHANGED when someone saved meanwhile). */
export function saveMapping(body: PortalMappingBody): Promise<PortalMapping> {
  return apiRequest<PortalMapping>('PUT', MAPPING_PATH, { body });
}
