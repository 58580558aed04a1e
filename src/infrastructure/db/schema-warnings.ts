/** Kysely types of the step-deadline warnings (migration 20261206000600_step_warnings.sql). */
import type { ColumnType } from 'kysely';

/** One warning per (dossier, visit of a step, kind): the job's no-double-send key. */
export interface StepWarningsTable {
  dossier_id: string;
  visit: number;
  kind: 'dueSoon' | 'overdue';
  step_index: number;
  unit_code: string;
  step_due_at: Date;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** An official's in-app notification (the back office's bell). */
export interface OfficialNotificationsTable {
  id: ColumnType<string, never, never>;
  user_id: string;
  /** What the notification is about: a dossier, or a feedback item (issue 22). */
  dossier_id: ColumnType<string | null, string | null | undefined, string | null>;
  feedback_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Or a task of the reform plan (issue 23). */
  reform_task_id: OfficialNotificationsTable['feedback_id'];
  /** A unit's assessment in a reform-index round (issue 23): the round and the unit. */
  par_round_id: OfficialNotificationsTable['feedback_id'];
  par_unit_code: OfficialNotificationsTable['feedback_id'];
  kind:
    | 'dueSoon'
    | 'overdue'
    | 'supplementUploaded'
    | 'feedbackDueSoon'
    | 'feedbackOverdue'
    | 'reformTaskDueSoon'
    | 'reformTaskOverdue'
    | 'parDueSoon'
    | 'parOverdue';
  title: string;
  body: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  read_at: ColumnType<Date, Date | string, Date | string> | null;
}
