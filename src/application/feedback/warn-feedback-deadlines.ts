/**
 * Early warnings on citizen feedback (issue 22 §3), like a dossier's steps (warn-step-deadlines.ts): a scheduled job
 * looks at every open item and, `leadDays` working days before its next deadline (handle in 15, publish in 2), warns
 * the officials of the unit that must answer; once the deadline has passed, it tells them again and their leaders,
 * asking for direction. Each warning is a notification on the officials' bell and, for those with an e-mail address,
 * a message in the notification outbox.
 *
 * Never twice: the key (item, milestone, deadline, kind) is written in the transaction of the notifications and the
 * audit record; a deadline moved by the citizen's supplement is a new key.
 */
import { ROLE_CAPABILITIES, ROLES } from '../../domain/access/roles.js';
import { feedbackWarning, MILESTONE_LABELS, type FeedbackWarningKind, type Milestone } from '../../domain/feedback/deadlines.js';
import { PUBLIC_URL_TOKEN } from '../../infrastructure/mail/mailer.js';
import { appendAudit } from '../audit/audit-chain.js';
import { notifyOfficials } from '../notify-officials.js';
import { formatLocal } from '../dossier/notifications.js';
import { toDate, toLocal } from '../dossier/dossier-store.js';
import { deadlinesOf, workingDaysOf, type FeedbackDeps } from './feedback-store.js';
import { stateOf } from './feedback-views.js';

/** Statuses with a deadline still to meet (the others are handled or wait for the citizen). */
const OPEN = ['received', 'processing', 'answerDrafted', 'awaitingPublication'] as const;
const HANDLERS = ROLES.filter((r) => (ROLE_CAPABILITIES[r] as readonly string[]).includes('feedback.handle'));

const WHAT: Record<Milestone, string> = {
  refuse: 'từ chối tiếp nhận',
  supplement: 'yêu cầu bổ sung',
  handle: 'xử lý',
  publish: 'công khai trả lời',
};

export interface FeedbackWarningRun {
  dueSoon: number;
  overdue: number;
  notifications: number;
  emails: number;
}

function compose(code: string, id: string, unitName: string, kind: FeedbackWarningKind, milestone: Milestone, dueAt: number) {
  const title = kind === 'dueSoon' ? `Phản ánh ${code}: sắp hết hạn ${WHAT[milestone]}` : `Phản ánh ${code}: đã quá hạn ${WHAT[milestone]}`;
  const lines =
    kind === 'dueSoon'
      ? [`Phản ánh, kiến nghị ${code} do ${unitName} giải quyết có hạn ${WHAT[milestone]} lúc ${formatLocal(dueAt)}.`]
      : [
          `Phản ánh, kiến nghị ${code} do ${unitName} giải quyết đã quá hạn ${WHAT[milestone]} (${formatLocal(dueAt)}): ${MILESTONE_LABELS[milestone].toLowerCase()}.`,
          'Đề nghị lãnh đạo đơn vị chỉ đạo xử lý ngay; phản ánh quá hạn làm giảm điểm chỉ số 5.2 và 5.3.',
        ];
  const mailBody = [...lines, '', `Xem phản ánh: ${PUBLIC_URL_TOKEN}/can-bo/phan-anh/${id}`, '', 'Đây là thư tự động; vui lòng không trả lời thư này.'].join(
    '\n',
  );
  return { title, body: lines.join('\n'), mailBody };
}

/** One run: warn about every open item due soon or overdue not warned about yet. */
export async function warnFeedbackDeadlines(deps: FeedbackDeps, options: { leadDays: number }): Promise<FeedbackWarningRun> {
  const nowDate = deps.clock();
  const now = toLocal(nowDate);
  const run: FeedbackWarningRun = { dueSoon: 0, overdue: 0, notifications: 0, emails: 0 };
  const rows = await deps.db
    .selectFrom('feedback_items')
    .select(['id', 'code', 'unit_code', 'state'])
    .where('status', 'in', OPEN)
    .orderBy('received_at')
    .execute();
  const tree = deps.units.tree();
  for (const row of rows) {
    const warning = feedbackWarning(stateOf(row), now, workingDaysOf(deps, row.unit_code), deadlinesOf(deps), options.leadDays);
    if (!warning) continue;
    const { kind, milestone, dueAt } = warning;
    const officials = await deps.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('kind', '=', 'official')
      .where('disabled', '=', false)
      .where('unit_code', '=', row.unit_code)
      .where('role', 'in', kind === 'overdue' ? HANDLERS : HANDLERS.filter((r) => r !== 'leader'))
      .orderBy('id')
      .execute();
    const message = compose(row.code, row.id, tree.find(row.unit_code)?.name ?? row.unit_code, kind, milestone, dueAt);
    const written = await deps.db.transaction().execute(async (trx) => {
      const key = await trx
        .insertInto('feedback_warnings')
        .values({ feedback_id: row.id, milestone, due_at: toDate(dueAt)!, kind, unit_code: row.unit_code, created_at: nowDate })
        .onConflict((oc) => oc.columns(['feedback_id', 'milestone', 'due_at', 'kind']).doNothing())
        .returning('feedback_id')
        .executeTakeFirst();
      if (!key) return null;
      const written = await notifyOfficials(
        trx,
        officials,
        { feedback_id: row.id },
        {
          kind: kind === 'dueSoon' ? 'feedbackDueSoon' : 'feedbackOverdue',
          event: kind === 'dueSoon' ? 'feedbackDueSoon' : 'feedbackOverdue',
          ...message,
        },
        nowDate,
      );
      await appendAudit(trx, {
        action: kind === 'dueSoon' ? 'feedback.dueSoon' : 'feedback.overdue',
        actorId: null,
        actorRole: null,
        actorUnit: null,
        targetType: 'feedback',
        targetId: row.id,
        ip: null,
        requestId: `feedback-warning-${row.id}-${milestone}-${kind}`,
        details: { code: row.code, milestone, unit: row.unit_code, officials: written.notifications, emails: written.emails },
        at: nowDate,
      });
      return written;
    });
    if (!written) continue;
    run[kind] += 1;
    run.notifications += written.notifications;
    run.emails += written.emails;
  }
  return run;
}
