/**
 * The deadlines of feedback handling (REFERENCE §5, indicator 5.2) and the judgements of 5.2 and 5.3. The deadlines
 * are configuration ([?] in the law; defaults are the national portal's operational rules): refuse within 2 working
 * days of reception, the first supplement request within 5, handled (chờ công khai or another handled state) within
 * 15, the answer published within 2 of reaching chờ công khai. A supplement received starts the handling clock again.
 * Working time comes from the caller (`addWorkingDays`, the province's calendar): the rules stay pure.
 */
import type { FeedbackState } from './feedback.js';

export interface FeedbackDeadlines {
  refuse: number;
  supplement: number;
  handle: number;
  publish: number;
}
export const DEFAULT_FEEDBACK_DEADLINES: FeedbackDeadlines = { refuse: 2, supplement: 5, handle: 15, publish: 2 };

export type Milestone = keyof FeedbackDeadlines;
export const MILESTONE_LABELS: Record<Milestone, string> = {
  refuse: 'Từ chối tiếp nhận quá 2 ngày làm việc',
  supplement: 'Yêu cầu bổ sung quá 5 ngày làm việc',
  handle: 'Xử lý quá 15 ngày làm việc',
  publish: 'Công khai trả lời quá 2 ngày làm việc',
};

/** `from` plus `days` working days (local minutes), in the province's calendar. */
export type AddWorkingDays = (from: number, days: number) => number;

export interface Judgement {
  /** The milestones missed, or still open past their deadline at `asOf`. */
  missed: Milestone[];
  onTime: boolean;
  /** The next deadline still to meet, for early warnings; null when none. */
  next: { milestone: Milestone; dueAt: number } | null;
  /** The earliest deadline of a milestone not yet done, met or not: what a warning is about. */
  open: { milestone: Milestone; dueAt: number } | null;
}

/** Indicator 5.2 for one item, at `asOf` (the end of the period, or now). */
export function judgeFeedback(s: FeedbackState, asOf: number, add: AddWorkingDays, d: FeedbackDeadlines = DEFAULT_FEEDBACK_DEADLINES): Judgement {
  const missed: Milestone[] = [];
  if (s.receivedAt === null) return { missed, onTime: true, next: null, open: null };
  const pending: { milestone: Milestone; dueAt: number }[] = [];
  const open: { milestone: Milestone; dueAt: number }[] = [];
  const check = (milestone: Milestone, start: number, days: number, doneAt: number | null) => {
    const dueAt = add(start, days);
    if (doneAt === null) open.push({ milestone, dueAt });
    if (doneAt !== null ? doneAt > dueAt : asOf > dueAt) missed.push(milestone);
    else if (doneAt === null) pending.push({ milestone, dueAt });
  };
  if (s.refusedAt !== null) check('refuse', s.receivedAt, d.refuse, s.refusedAt);
  if (s.supplementRequestedAt !== null) check('supplement', s.receivedAt, d.supplement, s.supplementRequestedAt);
  // Waiting for the citizen's supplement stops the handling clock; it starts again when the supplement comes.
  const waiting = s.status === 'supplementRequested';
  if (!waiting) check('handle', s.supplementedAt ?? s.receivedAt, d.handle, s.handledAt);
  if (s.awaitingPublicationAt !== null) check('publish', s.awaitingPublicationAt, d.publish, s.publishedAt);
  pending.sort((a, b) => a.dueAt - b.dueAt);
  open.sort((a, b) => a.dueAt - b.dueAt);
  return { missed, onTime: missed.length === 0, next: pending[0] ?? null, open: open[0] ?? null };
}

export type FeedbackWarningKind = 'dueSoon' | 'overdue';

/**
 * The warning an open item earns at `now`, like a dossier's step (REFERENCE §2.7): `overdue` once the earliest open
 * deadline has passed, `dueSoon` within `leadDays` working days of it; null otherwise. Items that are over (refused,
 * published, returned, handed over) have no open deadline.
 */
export function feedbackWarning(
  s: FeedbackState,
  now: number,
  add: AddWorkingDays,
  d: FeedbackDeadlines,
  leadDays: number,
): { kind: FeedbackWarningKind; milestone: Milestone; dueAt: number } | null {
  const { open } = judgeFeedback(s, now, add, d);
  if (!open) return null;
  if (now > open.dueAt) return { kind: 'overdue', ...open };
  return add(now, leadDays) >= open.dueAt ? { kind: 'dueSoon', ...open } : null;
}

/**
 * Indicator 5.3 for one item: satisfied unless its answer was rated unsatisfied (more dislikes than likes), it is
 * overdue (5.2), or the citizen re-raised it.
 */
export function feedbackSatisfied(s: FeedbackState, votes: { likes: number; dislikes: number }, onTime: boolean): boolean {
  return votes.dislikes <= votes.likes && onTime && !s.reraised;
}
