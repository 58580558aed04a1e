/** The tables of citizen feedback (issue 22), part of the database schema (schema.ts: DB extends FeedbackTables). */
import type { ColumnType, Generated } from 'kysely';
import type { FeedbackChannel, FeedbackKind, FeedbackState } from '../../domain/feedback/feedback.js';

export interface FeedbackItemsTable {
  id: Generated<string>;
  code: string;
  channel: FeedbackChannel;
  unit_code: string;
  kind: FeedbackKind | null;
  procedure_code: string | null;
  field_code: string | null;
  dossier_id: string | null;
  title: string;
  content: string;
  reporter_user_id: string | null;
  reporter_sealed: string | null;
  public_name: string | null;
  anonymous: boolean;
  contact_purged_at: Date | null;
  forwarded_from: string | null;
  received_at: Date;
  secret_hash: string | null;
  status: string;
  state: ColumnType<FeedbackState, FeedbackState | string, FeedbackState | string>;
  seq: Generated<number>;
  answer_draft: string | null;
  answer: string | null;
  published_at: Date | null;
  likes: Generated<number>;
  dislikes: Generated<number>;
  search_text: Generated<string>;
  created_at: Generated<Date>;
  /** An item read from the feedback mailbox: its Message-ID (or the message's hash), unique, so a redelivery is one item. */
  mail_message_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface FeedbackEventsTable {
  feedback_id: string;
  seq: number;
  type: string;
  payload: ColumnType<Record<string, unknown>, Record<string, unknown> | string, never>;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  actor_unit: string | null;
}

export interface FeedbackVotesTable {
  feedback_id: string;
  voter_hash: string;
  vote: 'like' | 'dislike';
  at: Generated<Date>;
}

export interface FeedbackAttachmentsTable {
  id: Generated<string>;
  feedback_id: string;
  sha256: string;
  name: string;
  content_type: 'application/pdf' | 'image/png' | 'image/jpeg';
  size: number;
  uploaded_at: Generated<Date>;
}

/** One early warning per (item, milestone, deadline, kind): the job's no-double-send key. */
export interface FeedbackWarningsTable {
  feedback_id: string;
  milestone: 'refuse' | 'supplement' | 'handle' | 'publish';
  due_at: Date;
  kind: 'dueSoon' | 'overdue';
  unit_code: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface FeedbackTables {
  feedback_items: FeedbackItemsTable;
  feedback_events: FeedbackEventsTable;
  feedback_votes: FeedbackVotesTable;
  feedback_attachments: FeedbackAttachmentsTable;
  feedback_warnings: FeedbackWarningsTable;
}
