/** The tables of the catalogue's exchange with the national portal (issue 21, items 5 and 6), part of the database schema (schema.ts). */
import type { ColumnType, Generated } from 'kysely';

/** The outbox of CongKhaiTTHC: one row per procedure of a published decision, and what the portal acknowledged. */
export interface PortalProcedurePublicationsTable {
  decision_id: string;
  procedure_code: string;
  made_public_at: Date | null;
  origin: 'portal' | 'history' | null;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  leased_until: Date | null;
  last_attempt_at: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
}

export interface NationalCatalogueSeenTable {
  procedure_code: string;
  updated_at: string;
  checked_at: Generated<Date>;
}

export interface NationalCatalogueNoticesTable {
  id: Generated<string>;
  procedure_code: string;
  national_updated_at: string;
  procedure_name: string;
  changes: ColumnType<unknown, string, string>;
  decision_number: string;
  decision_id: string | null;
  drafted_at: Date | null;
  created_at: Generated<Date>;
  handled_at: Date | null;
  handled_by: string | null;
}

export interface PortalRatingMonthsTable {
  month: string;
  ratings: Generated<number>;
  items: ColumnType<unknown, string | null, string | null>;
  sent_at: Date | null;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  created_at: Generated<Date>;
}

/** The tables, as part of the database (schema.ts: DB extends it). */
export interface NationalCatalogueTables {
  portal_procedure_publications: PortalProcedurePublicationsTable;
  national_catalogue_seen: NationalCatalogueSeenTable;
  national_catalogue_notices: NationalCatalogueNoticesTable;
  portal_rating_months: PortalRatingMonthsTable;
}
