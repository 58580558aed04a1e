/**
 * The tables of the reform plan and the legal-documents register (issue 23 items 7 and 8), part of the database schema
 * (schema.ts: DB extends ReformTables). Migrations 20261207002000_reform_plans.sql and 20261207002100_legal_documents.sql.
 * The legal documents are the catalogue's table (20261122000400_catalogue.sql), which the register extends.
 */
import type { ColumnType, Generated } from 'kysely';
import type { EvidenceType, ReformTaskKind, ReformTaskStatus, RemedyStatus } from '../../domain/reform-plan/reform-task.js';
import type { ReformWarningKind } from '../../domain/reform-plan/reminders.js';
import type { LegalDocumentType, LegalRelation, MarkedStatus, ReviewKind, ReviewResult } from '../../domain/legal-documents/legal-document.js';

type DateOnly = ColumnType<string, string, string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ReformPlansTable {
  id: Generated<string>;
  province_code: string;
  year: number;
  title: string;
  created_by: string | null;
  created_at: Stamp;
}

export type ReformTaskEventType = 'created' | 'imported' | 'edited' | 'progress' | 'completed' | 'reopened' | 'finding' | 'remedy';

export interface ReformTasksTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  kind: ReformTaskKind;
  content: string;
  unit_code: string;
  deadline: DateOnly;
  expected_output: string;
  status: ColumnType<ReformTaskStatus, ReformTaskStatus | undefined, ReformTaskStatus>;
  progress_note: ColumnType<string | null, string | null | undefined, string | null>;
  completed_on: ColumnType<string | null, string | null | undefined, string | null>;
  evidence_url: ColumnType<string | null, string | null | undefined, string | null>;
  evidence_name: ColumnType<string | null, string | null | undefined, string | null>;
  evidence_type: ColumnType<EvidenceType | null, EvidenceType | null | undefined, EvidenceType | null>;
  evidence_sha256: ColumnType<string | null, string | null | undefined, string | null>;
  evidence_size: ColumnType<number | null, number | null | undefined, number | null>;
  reported_by: ColumnType<string | null, string | null | undefined, string | null>;
  reported_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Stamp;
}

export interface ReformTaskEventsTable {
  id: Generated<string>;
  task_id: string;
  type: ReformTaskEventType;
  note: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: Stamp;
}

export interface ReformTaskFindingsTable {
  id: Generated<string>;
  task_id: string;
  position: number;
  content: string;
  remedy: ColumnType<RemedyStatus, RemedyStatus | undefined, RemedyStatus>;
  remedy_note: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: Stamp;
}

export interface ReformTaskWarningsTable {
  task_id: string;
  deadline: DateOnly;
  kind: ReformWarningKind;
  unit_code: string;
  created_at: Stamp;
}

/** A legal document: the catalogue's legal basis of publication decisions, and (in_register) a document of the province's register. */
export interface LegalDocumentsTable {
  id: Generated<string>;
  number: string;
  title: string;
  issuer: string;
  issued_on: DateOnly;
  effective_from: DateOnly;
  created_at: Generated<Date>;
  in_register: Generated<boolean>;
  doc_type: ColumnType<LegalDocumentType | null, LegalDocumentType | null | undefined>;
  province_code: ColumnType<string | null, string | null | undefined>;
  expires_on: ColumnType<string | null, string | null | undefined>;
  marked_status: Generated<MarkedStatus>;
  review_due_on: ColumnType<string | null, string | null | undefined>;
  version: Generated<number>;
  updated_at: ColumnType<Date | null, Date | null | undefined>;
}

export interface LegalDocumentLinksTable {
  document_id: string;
  by_document_id: string;
  relation: LegalRelation;
  note: string | null;
  created_by: string | null;
  created_at: Stamp;
}

export interface LegalDocumentReviewsTable {
  id: Generated<string>;
  document_id: string;
  kind: ReviewKind;
  reviewed_on: DateOnly;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  result: ReviewResult;
  note: string | null;
  reviewer: string;
  next_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  recorded_by: string | null;
  recorded_at: Stamp;
}

export interface ReformTables {
  legal_documents: LegalDocumentsTable;
  reform_plans: ReformPlansTable;
  reform_tasks: ReformTasksTable;
  reform_task_events: ReformTaskEventsTable;
  reform_task_findings: ReformTaskFindingsTable;
  reform_task_warnings: ReformTaskWarningsTable;
  legal_document_links: LegalDocumentLinksTable;
  legal_document_reviews: LegalDocumentReviewsTable;
}
