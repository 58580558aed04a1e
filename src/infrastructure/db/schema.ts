/** Kysely table types; they mirror migrations/*.sql. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  StatFactsTable,
  StatQueueTable,
  StatRebuildRequestsTable,
  SettlementTimeBackfillTable,
  StatRollupsTable,
  StatProcedureRollupsTable,
  ScorecardFormulasTable,
} from './schema-statistics.js';
export type { DossierFeesTable, PaymentAttemptsTable, PaymentCallbacksTable, PaymentReceiptsTable, ReceiptCountersTable } from './schema-payments.js';
import type { DossierFeesTable, PaymentAttemptsTable, PaymentCallbacksTable, PaymentReceiptsTable, ReceiptCountersTable } from './schema-payments.js';
export type { ResultDocumentsTable, ResultSignaturesTable, SigningCredentialsTable, CertificationFieldsTable } from './schema-results.js';
import type { ResultDocumentsTable, ResultSignaturesTable, SigningCredentialsTable, CertificationFieldsTable } from './schema-results.js';
export type {
  StatFactsTable,
  StatQueueTable,
  StatRebuildRequestsTable,
  SettlementTimeBackfillTable,
  StatRollupsTable,
  StatProcedureRollupsTable,
  ScorecardFormulasTable,
} from './schema-statistics.js';
import type { OfficialNotificationsTable, StepWarningsTable } from './schema-warnings.js';
import type { EFormRecord, PopulationLookupsTable, VaultConsentsTable, VaultDocumentsTable } from './schema-vault.js';
import type { NationalSyncTables } from './schema-national-sync.js';
import type { FeedbackTables } from './schema-feedback.js';
import type { ReformTables } from './schema-reform.js';
export type { LegalDocumentsTable } from './schema-reform.js';
import type { ParIndexTables } from './schema-par-index.js';
import type { SurveyTables } from './schema-survey.js';
export type { EFormRecord } from './schema-vault.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns are read as yyyy-MM-dd strings (see the type parsers in database.ts). */
export type DateOnly = ColumnType<string, string, string>;

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
  /** The ID number sealed (application/personal-data.ts) and its keyed hash, by which it is found. */
  personal_id_sealed: string | null;
  personal_id_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  last_login_at: Timestamp | null;
  /** The VNeID assurance level the identity provider asserted at the last login (issue 20). */
  eid_level: ColumnType<1 | 2 | null, 1 | 2 | null | undefined, 1 | 2 | null>;
  birth_date: ColumnType<string | null, string | null | undefined, string | null>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  /** The trail's global order, from a sequence. */
  seq: ColumnType<string, string | number | bigint | undefined, never>;
  /** Which of the hash chains (1–32) the record belongs to. */
  chain: ColumnType<number, number | undefined, never>;
  /** Position in its chain (what the hash covers as "seq"); null for records before chains: the same as seq. */
  chain_seq: ColumnType<string | null, string | number | bigint | null | undefined, never>;
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

export interface UnitSupplementRulesTable {
  unit_code: string;
  /** A second supplement request during processing is allowed (acknowledged as making the dossier late). */
  allow_repeated_supplement: boolean;
  updated_at: Generated<Date>;
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

export interface ProcedureFieldsTable {
  code: string;
  name: string;
}

export interface PublicationDecisionsTable {
  id: Generated<string>;
  number: string;
  issued_on: DateOnly;
  signer: string;
  unit_code: string;
  file_name: string | null;
  file_sha256: string | null;
  status: Generated<'draft' | 'published'>;
  published_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export type DecisionItemKind = 'new' | 'amended' | 'replaced' | 'abolished';

export interface PublicationDecisionItemsTable {
  decision_id: string;
  position: number;
  kind: DecisionItemKind;
  procedure_code: string;
  replaces_code: string | null;
  effective_from: DateOnly;
  legal_document_id: string | null;
  /** ProcedureRecord as JSON; null for an abolition. */
  record: ColumnType<unknown, string | null, string | null>;
}

export interface ProceduresTable {
  code: string;
  created_at: Generated<Date>;
}

export interface ProcedureVersionsTable {
  id: Generated<string>;
  procedure_code: string;
  version: number;
  decision_id: string;
  effective_from: DateOnly;
  effective_to: DateOnly | null;
  end_reason: 'amended' | 'replaced' | 'abolished' | null;
  replaced_by: string | null;
  name: string;
  field_code: string;
  level: 'province' | 'commune';
  online_level: 'full' | 'partial' | 'none';
  /** ProcedureRecord as JSON. */
  record: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
}

export interface CatalogueEventsTable {
  id: Generated<string>;
  at: Generated<Date>;
  kind: DecisionItemKind;
  procedure_code: string;
  procedure_name: string;
  version: number | null;
  decision_id: string;
  decision_number: string;
  effective_from: DateOnly;
  field_code: string | null;
  level: string | null;
  unit_codes: string[];
}

export interface DossierSequencesTable {
  unit_code: string;
  day: DateOnly;
  last: number;
}

export interface DossiersTable {
  id: Generated<string>;
  code: string;
  procedure_code: string;
  procedure_version_id: string;
  channel: 'counter' | 'online' | 'postal';
  unit_code: string;
  receiving_unit_code: string;
  location_independent: Generated<boolean>;
  applicant_id: string | null;
  applicant: ColumnType<unknown, string, string>;
  components: ColumnType<unknown, string | undefined, string>;
  header: ColumnType<unknown, string, string>;
  submitted_at: Date;
  lookup_key: Generated<string>; // on the receipt: opens the public status's detail
  created_by: string | null;
  status: string;
  national_code: number;
  last_seq: Generated<number>;
  step_index: number | null;
  current_unit_code: string | null;
  assignee_id: string | null;
  accepted_at: Date | null;
  due_at: Date | null;
  appointment_at: Date | null;
  step_due_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  repeated_supplement: Generated<boolean>;
  extensions: Generated<number>;
  paused_since: Date | null;
  approved: Generated<boolean>;
  fee_due: Generated<boolean>;
  /** Indicator 2.2: settlement time of a dossier finished with a result, in working and calendar minutes. */
  settlement_working_minutes: number | null;
  settlement_minutes: number | null;
  state: ColumnType<unknown, string, string>;
  /** Issue 20: the vault's owner (keyed hash of the ID number), an online sender's VNeID level, when the desk opened the form. */
  owner_hash: string | null;
  eid_level: ColumnType<1 | 2 | null, 1 | 2 | null | undefined, 1 | 2 | null>;
  intake_started_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  eform: ColumnType<EFormRecord | null, string | null | undefined, string | null>;
}

export interface DossierActionsTable {
  dossier_id: string;
  seq: number;
  type: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  actor_unit: string | null;
  payload: ColumnType<unknown, string, never>;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface DB extends NationalSyncTables, FeedbackTables, ReformTables, ParIndexTables, SurveyTables {
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: { username: string; failures: number; last_failure_at: Date; locked_until: Date | null };
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  schema_migrations: SchemaMigrationsTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  office_hours: OfficeHoursTable;
  unit_supplement_rules: UnitSupplementRulesTable;
  calendar_changes: CalendarChangesTable;
  procedure_fields: ProcedureFieldsTable;
  publication_decisions: PublicationDecisionsTable;
  publication_decision_items: PublicationDecisionItemsTable;
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  catalogue_events: CatalogueEventsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  dossier_sequences: DossierSequencesTable;
  dossiers: DossiersTable;
  dossier_actions: DossierActionsTable;
  notification_outbox: NotificationOutboxTable;
  demo_mailbox: DemoMailboxTable;
  dossier_ratings: DossierRatingsTable;
  dossier_files: DossierFilesTable;
  dossier_stat_source: StatFactsTable;
  stat_facts: StatFactsTable;
  stat_queue: StatQueueTable;
  dossier_fees: DossierFeesTable;
  payment_attempts: PaymentAttemptsTable;
  result_documents: ResultDocumentsTable;
  result_signatures: ResultSignaturesTable;
  signing_credentials: SigningCredentialsTable;
  certification_fields: CertificationFieldsTable;
  vault_documents: VaultDocumentsTable;
  vault_consents: VaultConsentsTable;
  population_lookups: PopulationLookupsTable;
  payment_callbacks: PaymentCallbacksTable;
  payment_receipts: PaymentReceiptsTable;
  receipt_counters: ReceiptCountersTable;
  settlement_time_backfill: SettlementTimeBackfillTable;
  stat_rebuild_requests: StatRebuildRequestsTable;
  personal_data_reseal_requests: StatRebuildRequestsTable;
  stat_rollups: StatRollupsTable;
  stat_procedure_rollups: StatProcedureRollupsTable;
  scorecard_formulas: ScorecardFormulasTable;
  step_warnings: StepWarningsTable;
  official_notifications: OfficialNotificationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UnitRow = Selectable<UnitsTable>;
export type AuditRow = Selectable<AuditLogTable>;

export interface WebhookSubscriptionsTable {
  id: Generated<string>;
  url: string;
  secret: string;
  unit_code: string | null;
  field_code: string | null;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  subscription_id: string;
  event_id: string;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Generated<Date>;
}

export type NotificationStatus = 'pending' | 'sent' | 'failed';

export interface NotificationOutboxTable {
  id: ColumnType<string, never, never>;
  /** What the message is about: a dossier, or a feedback item (issue 22). */
  dossier_id: ColumnType<string | null, string | null | undefined, string | null>;
  feedback_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Or a task of the reform plan (issue 23). */
  reform_task_id: NotificationOutboxTable['feedback_id'];
  par_round_id: NotificationOutboxTable['feedback_id'];
  event: string;
  channel: Generated<'email'>;
  recipient: string;
  subject: string;
  body: string;
  status: Generated<NotificationStatus>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  sent_at: Timestamp | null;
}

export interface DemoMailboxTable {
  id: ColumnType<string, never, never>;
  outbox_id: string;
  sender: string;
  recipient: string;
  subject: string;
  body: string;
  delivered_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DossierRatingsTable {
  dossier_id: string;
  unit_code: string;
  step_unit_codes: ColumnType<string[], string[] | undefined, never>;
  score_access: number;
  score_procedure: number;
  score_official: number;
  score_result: number;
  score_feedback: number | null;
  comment: string | null;
  via: 'online' | 'kiosk';
  rated_by: string;
  rated_at: ColumnType<Date, Date | string | undefined, never>;
}

export type DossierFileForm = 'original' | 'copy' | 'certifiedCopy' | 'electronic';
export type DossierFileContentType = 'application/pdf' | 'image/png' | 'image/jpeg';

export interface DossierFilesTable {
  id: ColumnType<string, string | undefined, never>;
  dossier_id: string;
  component_code: string;
  file_name: string;
  content_type: DossierFileContentType;
  sha256: string;
  size: number;
  pages: number | null;
  form: DossierFileForm;
  digitized: Generated<boolean>;
  reused: Generated<boolean>;
  /** null for a file imported from another system (source_url then says where its bytes are). */
  uploaded_by: string | null;
  uploaded_at: ColumnType<Date, Date | string | undefined, never>;
  /** Imported files only: the link to the file in the system the dossier came from ('' when unknown). */
  source_url: string | null;
  /** A PDF's signatures as checked on arrival (issue 19); null for an unsigned file or an image. */
  signature_check: ColumnType<SignatureCheck | null, string | null | undefined, string | null>;
  /** Issue 20: taken from a vault document (reused), from the national portal's vault, digitized at the desk by whom and from what paper. */
  vault_document_id: string | null;
  from_national_vault: Generated<boolean>;
  digitized_by: string | null;
  digitized_from: 'original' | 'certifiedCopy' | 'copy' | null;
  valid_until: ColumnType<string | null, string | null | undefined, string | null>;
}

/** What the check of a signed upload found (application/dossier/dossier-file-views.ts). */
export interface SignatureCheck {
  verdict: 'valid' | 'invalid';
  signers: { name: string | null; issuer: string | null; signedAt: string | null; problem: string | null }[];
}
