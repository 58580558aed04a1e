/**
 * Reminders of the reform plan (issue 23 item 7), a scheduled job like the feedback warnings: `leadDays` working days
 * before a task's deadline (in its owner unit's calendar, domain/reform-plan/reminders.ts) the unit's officials who
 * report on it (leaders and specialists) are reminded, and told once more when the deadline has passed without the task
 * done: on their bell and, for those with an e-mail address, by a message in the notification outbox.
 *
 * Once each: the key (task, deadline, kind) is written in the transaction of the notices and the audit record; a
 * deadline the plan's keeper moved is a new key.
 */
import type { AppDeps } from '../context.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { ROLE_CAPABILITIES, ROLES } from '../../domain/access/roles.js';
import { isoFromJdn, jdnFromIso } from '../../domain/calendar/civil-date.js';
import { reformTaskWarning, reminderHorizonDays, type ReformWarningKind } from '../../domain/reform-plan/reminders.js';
import { PUBLIC_URL_TOKEN } from '../../infrastructure/mail/mailer.js';
import { appendAudit } from '../audit/audit-chain.js';
import { todayIn } from './reform-store.js';

const REPORTERS = ROLES.filter((r) => (ROLE_CAPABILITIES[r] as readonly string[]).includes('reform.report'));
const MAILBOX = /^[^\s@]+@[^\s@]+$/;
const NOTICE_KIND = { dueSoon: 'reformTaskDueSoon', overdue: 'reformTaskOverdue' } as const satisfies Record<ReformWarningKind, string>;

export interface ReformWarningRun {
  dueSoon: number;
  overdue: number;
  notifications: number;
  emails: number;
}

const shortDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

/** The notice's title, its text on the bell, and the e-mail's body with the task's page. */
export function reminderText(
  task: { id: string; year: number; position: number; content: string; deadline: string },
  unitName: string,
  kind: ReformWarningKind,
) {
  const label = `Nhiệm vụ CCHC số ${task.position}/${task.year}`;
  const title = kind === 'dueSoon' ? `${label}: sắp đến hạn ${shortDate(task.deadline)}` : `${label}: đã quá hạn ${shortDate(task.deadline)}`;
  const lines = [
    `“${excerpt(task.content)}” do ${unitName} chủ trì, thời hạn hoàn thành ${shortDate(task.deadline)}.`,
    kind === 'dueSoon'
      ? 'Đề nghị đơn vị hoàn thành và báo cáo kết quả kèm minh chứng trước thời hạn.'
      : 'Nhiệm vụ đã quá hạn mà chưa được báo cáo hoàn thành: đề nghị lãnh đạo đơn vị chỉ đạo hoàn thành và báo cáo ngay.',
  ];
  const page = `${PUBLIC_URL_TOKEN}/can-bo/ke-hoach-cai-cach/nhiem-vu/${task.id}`;
  return { title, body: lines.join('\n'), mail: [...lines, '', `Xem nhiệm vụ: ${page}`, '', 'Đây là thư tự động; vui lòng không trả lời thư này.'].join('\n') };
}

/** One run: every task not done that earns a reminder today and has not had it. */
export async function warnReformDeadlines(deps: AppDeps & { calendars: CalendarDirectory }, options: { leadDays: number }): Promise<ReformWarningRun> {
  const at = deps.clock();
  const today = todayIn(deps);
  const horizon = isoFromJdn(jdnFromIso(today) + reminderHorizonDays(options.leadDays));
  const run: ReformWarningRun = { dueSoon: 0, overdue: 0, notifications: 0, emails: 0 };
  const tasks = await deps.db
    .selectFrom('reform_tasks as t')
    .innerJoin('reform_plans as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.position', 't.content', 't.unit_code', 't.deadline', 't.status', 't.completed_on', 'p.year'])
    .where('t.status', '<>', 'done')
    .where('t.deadline', '<=', horizon)
    .orderBy('t.deadline')
    .orderBy('t.id')
    .execute();
  const tree = deps.units.tree();
  for (const task of tasks) {
    const progress = { status: task.status, deadline: task.deadline, completedOn: task.completed_on };
    const kind = reformTaskWarning(progress, today, options.leadDays, deps.calendars.rulesFor(task.unit_code).calendar);
    if (kind === null) continue;
    const recipients = await deps.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('kind', '=', 'official')
      .where('disabled', '=', false)
      .where('unit_code', '=', task.unit_code)
      .where('role', 'in', REPORTERS)
      .orderBy('id')
      .execute();
    const text = reminderText(task, tree.find(task.unit_code)?.name ?? task.unit_code, kind);
    const mailTo = recipients.flatMap((r) => (r.email !== null && MAILBOX.test(r.email) ? [r.email] : []));
    const sent = await deps.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('reform_task_warnings')
        .values({ task_id: task.id, deadline: task.deadline, kind, unit_code: task.unit_code, created_at: at })
        .onConflict((oc) => oc.columns(['task_id', 'deadline', 'kind']).doNothing())
        .returning('task_id')
        .executeTakeFirst();
      if (claimed === undefined) return false;
      if (recipients.length > 0)
        await trx
          .insertInto('official_notifications')
          .values(
            recipients.map((r) => ({ user_id: r.id, reform_task_id: task.id, kind: NOTICE_KIND[kind], title: text.title, body: text.body, created_at: at })),
          )
          .execute();
      for (const recipient of mailTo)
        await trx
          .insertInto('notification_outbox')
          .values({ reform_task_id: task.id, event: NOTICE_KIND[kind], recipient, subject: text.title, body: text.mail, next_attempt_at: at, created_at: at })
          .execute();
      await appendAudit(trx, {
        action: kind === 'dueSoon' ? 'reform.task_due_soon' : 'reform.task_overdue',
        actorId: null,
        actorRole: null,
        actorUnit: null,
        targetType: 'reform_task',
        targetId: task.id,
        ip: null,
        requestId: `reform-reminder-${task.id}-${task.deadline}-${kind}`,
        details: { unit: task.unit_code, deadline: task.deadline, officials: recipients.length, emails: mailTo.length },
        at,
      });
      return true;
    });
    if (!sent) continue;
    run[kind] += 1;
    run.notifications += recipients.length;
    run.emails += mailTo.length;
  }
  return run;
}
