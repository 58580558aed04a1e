/** The tables of the live sync with the national portal (issue 21), part of the database schema (schema.ts). */
import type { ColumnType, Generated } from 'kysely';
import type { NationalCatalogueTables } from './schema-national-catalogue.js';

/** One row per dossier: the coalesced outbox of its changes and what the portal acknowledged. */
export interface PortalSyncTable {
  dossier_id: string;
  version: Generated<string>;
  synced_version: Generated<string>;
  pending_since: Date | null;
  created_on_portal: Generated<boolean>;
  acked_fingerprint: string | null;
  progress_acked: Generated<number>;
  reception_acked_at: Date | null;
  last_acked_at: Date | null;
  in_doubt: Generated<boolean>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  leased_until: Date | null;
  last_error: string | null;
  parked_at: Date | null;
}

export interface PortalStatusMappingTable {
  status: string;
  sub_status: Generated<string>;
  portal_code: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface PortalAgencyMappingTable {
  unit_code: string;
  agency_id: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface PortalReconciliationsTable {
  id: ColumnType<string, never, never>;
  started_at: Date;
  finished_at: Date | null;
  trigger: 'schedule' | 'button';
  checked: Generated<number>;
  missing: Generated<number>;
  stale: Generated<number>;
  resent: Generated<number>;
  error: string | null;
}

/** The tables of the live sync and of the catalogue's exchange with the portal, as part of the database (schema.ts: DB extends it). */
export interface NationalSyncTables extends NationalCatalogueTables {
  portal_sync: PortalSyncTable;
  portal_status_mapping: PortalStatusMappingTable;
  portal_agency_mapping: PortalAgencyMappingTable;
  portal_reconciliations: PortalReconciliationsTable;
}
