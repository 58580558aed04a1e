/** The statistics tables behind the scorecard (docs/SCORECARD.md), part of the database schema (schema.ts). */
import type { ColumnType, Generated } from 'kysely';
import type { DateOnly } from './schema.js';

/** A dossier's facts as the statistics see them (view dossier_stat_source; stored in stat_facts). */
export interface StatFactsTable {
  dossier_id: string;
  unit_code: string;
  procedure_code: string;
  channel: 'counter' | 'online' | 'postal';
  location_independent: boolean;
  status: string;
  accepted_at: Date | null;
  finished_at: Date | null;
  due_at: Date | null;
  extensions: number;
  repeated_supplement: boolean;
  paused_since: Date | null;
  approved: boolean;
  result_file: boolean;
  fee_due: boolean;
  fee_paid_online: boolean;
  component_files: boolean;
  reused_data: boolean;
  eid_verified: boolean;
  full_online_eligible: boolean;
  paper_result_required: boolean;
  rated_at: Date | null;
  dissatisfied: boolean;
  settlement_working_minutes: number | null;
  settlement_minutes: number | null;
  /** The time unit of the version the dossier was received under (indicator 2.2). */
  time_unit: string | null;
  /** Issue 19: the procedure certifies copies from originals; the dossier holds a signed certified e-copy. */
  certification_service: boolean;
  certified_copy: boolean;
  /** Issue 20 (4.4): a component was taken from the national portal's personal data vault. */
  national_vault: boolean;
  /** Issue 21 (1.4): the national portal acknowledged a record of the dossier with its reception date. */
  synced_to_portal: boolean;
  /** Issue 22 (5.4): when the first citizen feedback about the dossier was received. */
  first_feedback_at: Date | null;
}

export interface StatQueueTable {
  id: ColumnType<string, never, never>;
  dossier_id: string;
}

/** Dossiers finished before settlement times were kept, to be computed from their stored state. */
/** A rebuild of the statistics requested by a migration that changed how they are computed. */
export interface StatRebuildRequestsTable {
  reason: string;
  requested_at: Generated<Date>;
}

export interface SettlementTimeBackfillTable {
  dossier_id: string;
}

export interface StatRollupsTable {
  unit_code: string;
  grain: 'd' | 'm' | 'y';
  start: DateOnly;
  measure: string;
  value: ColumnType<string, string | number, string | number>;
}

export interface StatProcedureRollupsTable extends StatRollupsTable {
  procedure_code: string;
}

export interface ScorecardFormulasTable {
  id: string;
  effective_from: DateOnly;
  definition: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}
