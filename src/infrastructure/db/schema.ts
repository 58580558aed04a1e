/** Kysely table types; they mirror migrations/*.sql. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns are read as yyyy-MM-dd strings (see the type parsers in database.ts). */
type DateOnly = ColumnType<string, string, string>;

export interface UnitsTable {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  replaced_by: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  kind: 'official' | 'applicant';
  role: string;
  username: string | null;
  password_hash: string | null;
  full_name: string;
  email: string | null;
  unit_code: string | null;
  personal_id: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  last_login_at: Timestamp | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  seq: ColumnType<string, string | number | bigint, never>;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  actor_unit: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  request_id: string;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: ColumnType<string, string | number | bigint, string | number | bigint>;
  hash: string;
}

export interface CalendarYearsTable {
  scope: string;
  year: number;
  source: string;
  updated_at: Generated<Date>;
}

export interface CalendarDaysTable {
  scope: string;
  year: number;
  date: DateOnly;
  name: string;
  kind: 'holiday' | 'substitute' | 'makeUpWorkingDay';
}

export interface OfficeHoursTable {
  unit_code: string;
  /** [[startMinute, endMinute], ...] after midnight. */
  intervals: ColumnType<[number, number][], string, string>;
  cutoff_minute: number | null;
  updated_at: Generated<Date>;
}

export interface CalendarChangesTable {
  id: Generated<string>;
  scope: string;
  year: number;
  changed_dates: string[];
  changed_at: Generated<Date>;
  actor_id: string | null;
  reviewed_at: Date | null;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface DB {
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  schema_migrations: SchemaMigrationsTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  office_hours: OfficeHoursTable;
  calendar_changes: CalendarChangesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UnitRow = Selectable<UnitsTable>;
export type AuditRow = Selectable<AuditLogTable>;
