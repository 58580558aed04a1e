/** The tables of the administrative-reform indices (issue 23), part of the database schema (schema.ts: DB extends ParIndexTables). */
import type { ColumnType, Generated } from 'kysely';
import type { SchemeDefinition, SchemeLevel } from '../../domain/par-index/scheme.js';
import type { AssessmentStatus } from '../../domain/par-index/assessment.js';
import type { Answer } from '../../domain/par-index/scoring.js';

type Json<T> = ColumnType<T, T | string, T | string>;

export interface ParSchemesTable {
  id: Generated<string>;
  year: number;
  level: SchemeLevel;
  name: string;
  definition: Json<SchemeDefinition>;
  copied_from: string | null;
  owner_unit: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ParRoundsTable {
  id: Generated<string>;
  scheme_id: string;
  name: string;
  year: number;
  deadline: ColumnType<string, string, string>;
  status: Generated<'open' | 'closed'>;
  owner_unit: string;
  closed_at: Date | null;
  closed_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ParAssessmentsTable {
  round_id: string;
  unit_code: string;
  status: Generated<AssessmentStatus>;
  evidence_requested: Generated<boolean>;
  evidence_note: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  appraised_at: Date | null;
  seq: Generated<number>;
}

export interface ParScoresTable {
  round_id: string;
  unit_code: string;
  sub_code: string;
  answer: Json<Answer> | null;
  self_points: number | null;
  self_note: string | null;
  appraised_points: number | null;
  appraisal_reason: string | null;
  appraised_by: string | null;
  appraised_at: Date | null;
  updated_at: Generated<Date>;
}

export interface ParEvidenceTable {
  id: Generated<string>;
  round_id: string;
  unit_code: string;
  sub_code: string;
  kind: 'file' | 'link';
  name: string;
  sha256: string | null;
  content_type: string | null;
  size: number | null;
  url: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** One reminder per (round, unit, kind): the job's no-double-send key. */
export interface ParRemindersTable {
  round_id: string;
  unit_code: string;
  kind: 'dueSoon' | 'overdue';
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ParIndexTables {
  par_schemes: ParSchemesTable;
  par_rounds: ParRoundsTable;
  par_assessments: ParAssessmentsTable;
  par_scores: ParScoresTable;
  par_evidence: ParEvidenceTable;
  par_reminders: ParRemindersTable;
}
