/** How an item reads to officials and in lists (issue 22): its state, deadlines met and missed, labels, and its attachments. */
import type { Selectable } from 'kysely';
import type { FeedbackItemsTable } from '../../infrastructure/db/schema-feedback.js';
import { STATUS_LABELS, type FeedbackState } from '../../domain/feedback/feedback.js';
import { judgeFeedback, MILESTONE_LABELS } from '../../domain/feedback/deadlines.js';
import { toDate, toLocal } from '../dossier/dossier-store.js';
import type { FeedbackSummary } from '../../contract/feedback.js';
import { deadlinesOf, workingDaysOf, type FeedbackDeps } from './feedback-store.js';

export type ItemRow = Pick<Selectable<FeedbackItemsTable>, 'id' | 'code' | 'title' | 'channel' | 'unit_code' | 'kind' | 'status' | 'received_at' | 'state'>;

export const stateOf = (row: { state: FeedbackState | string }): FeedbackState =>
  typeof row.state === 'string' ? (JSON.parse(row.state) as FeedbackState) : row.state;

export function summaryOf(deps: FeedbackDeps, row: ItemRow): FeedbackSummary {
  const state = stateOf(row);
  const judged = judgeFeedback(state, toLocal(deps.clock()), workingDaysOf(deps, row.unit_code), deadlinesOf(deps));
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    channel: row.channel,
    unitCode: row.unit_code,
    unitName: deps.units.tree().find(row.unit_code)?.name ?? row.unit_code,
    kind: row.kind,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    receivedAt: row.received_at.toISOString(),
    next: judged.next
      ? { milestone: judged.next.milestone, label: MILESTONE_LABELS[judged.next.milestone], dueAt: toDate(judged.next.dueAt)!.toISOString() }
      : null,
    late: judged.missed.map((m) => MILESTONE_LABELS[m]),
  };
}

/** An item's attachments as listed (oldest first); their bytes are served by feedback-attachment.ts. */
export async function attachmentsOf(deps: Pick<FeedbackDeps, 'db'>, feedbackId: string) {
  const rows = await deps.db
    .selectFrom('feedback_attachments')
    .select(['id', 'name', 'content_type', 'size'])
    .where('feedback_id', '=', feedbackId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map((a) => ({ id: a.id, name: a.name, contentType: a.content_type, size: a.size }));
}
