/**
 * The province's mapping to the national portal (INTEGRATIONS §3.1): statuses and sub-statuses to the portal's codes,
 * unit codes to the portal's agency ids. Read per sync run (the tables are small) so that an edit applies to the next
 * record sent, by the live sync and by the file export alike.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { statusMapper, type PortalStatusCode } from '../../domain/national-sync/status-mapping.js';
import type { PortalMapping } from '../dossier/sync-format.js';

export interface PortalMappingTables {
  statuses: { status: string; subStatus: string; portalCode: PortalStatusCode }[];
  agencies: { unitCode: string; agencyId: string }[];
}

export async function readPortalMappingTables(db: Kysely<DB> | Transaction<DB>): Promise<PortalMappingTables> {
  const [statuses, agencies] = await Promise.all([
    db.selectFrom('portal_status_mapping').select(['status', 'sub_status', 'portal_code']).orderBy('status').orderBy('sub_status').execute(),
    db.selectFrom('portal_agency_mapping').select(['unit_code', 'agency_id']).orderBy('unit_code').execute(),
  ]);
  return {
    statuses: statuses.map((r) => ({ status: r.status, subStatus: r.sub_status, portalCode: r.portal_code as PortalStatusCode })),
    agencies: agencies.map((r) => ({ unitCode: r.unit_code, agencyId: r.agency_id })),
  };
}

export async function loadPortalMapping(db: Kysely<DB>): Promise<PortalMapping> {
  const tables = await readPortalMappingTables(db);
  const agencies = new Map(tables.agencies.map((a) => [a.unitCode, a.agencyId]));
  return { status: statusMapper(tables.statuses), agency: (unitCode) => agencies.get(unitCode) ?? unitCode };
}
