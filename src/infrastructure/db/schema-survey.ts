/** The tables of the province's satisfaction survey (issue 23 §6), part of the database schema (schema.ts: DB extends SurveyTables). */
import type { ColumnType, Generated } from 'kysely';
import type { RatingElement, SurveyQuestion } from '../../domain/survey/survey.js';

/** `date` columns are read as yyyy-MM-dd strings (see the type parsers in database.ts). */
type DateOnly = ColumnType<string, string, string>;

export interface SurveyRoundsTable {
  id: Generated<string>;
  name: string;
  period_from: DateOnly;
  period_to: DateOnly;
  unit_codes: string[];
  margin_bp: number;
  questions: ColumnType<SurveyQuestion[], string, string>;
  population: number;
  populations: ColumnType<Record<string, number>, string, string>;
  sample_size: number;
  seed: string;
  answer_by: DateOnly;
  status: Generated<'open' | 'closed'>;
  opened_by: string | null;
  opened_at: Date;
  closed_by: string | null;
  closed_at: Date | null;
}

export interface SurveyInvitationsTable {
  id: Generated<string>;
  round_id: string;
  dossier_id: string | null;
  unit_code: string;
  procedure_code: string;
  returned_at: Date;
  source: 'sample' | 'result' | 'demo';
  token_hash: string;
  notified: Generated<boolean>;
  created_at: Date;
  answered_at: Date | null;
}

export interface SurveyAnswersTable {
  invitation_id: string;
  round_id: string;
  unit_code: string;
  procedure_code: string;
  score_access: number;
  score_procedure: number;
  score_official: number;
  score_result: number;
  score_feedback: number | null;
  expectation: RatingElement | null;
  comment: string | null;
  answered_at: Date;
}

export interface SurveyTables {
  survey_rounds: SurveyRoundsTable;
  survey_invitations: SurveyInvitationsTable;
  survey_answers: SurveyAnswersTable;
}
