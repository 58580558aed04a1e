/**
 * Warnings on the server (REFERENCE §2.5, §2.7): a scheduled job that looks at every dossier whose current
 * step is open and
 * - one working day (STEP_WARNING_LEAD_MINUTES) before the step's budget runs out, warns the step's assignee
 *   (or, while nobody has claimed it, the unit's officials of the step's role) and the unit's leaders;
 * - once the step is overdue, escalates to the unit's leaders (and tells the assignee).
 * Each warning is an in-app notification per official (official_notifications, the back office's bell) and,
 * for officials with an e-mail address, a message in notification_outbox (sent by the outbox worker).
 *
 * Restart-safe, never twice: the key (dossier, visit of the step, kind) is inserted into step_warnings in the
 * same transaction as the notifications and the audit record; a second run, a restarted job or a second
 * instance finds the key taken and writes nothing.
 */
import type { AppDeps } from '../context.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { openStepWarning, workingTimeText, type StepWarningKind, type VisitOverrun } from '../../domain/dossier/step-overrun.js';
import { workingMinutesBetween } from '../../domain/calendar/clock.js';
import { PUBLIC_URL_TOKEN } from '../../infrastructure/mail/mailer.js';
import { appendAudit } from '../audit/audit-chain.js';
import { formatLocal } from './notifications.js';
import { toDate, toLocal } from './dossier-store.js';

type Deps = AppDeps & { calendars: CalendarDirectory };

export interface StepWarningRun {
  dueSoon: number;
  overdue: number;
  /** In-app notifications written. */
  notifications: number;
  /** E-mails queued. */
  emails: number;
}

interface Recipient {
  id: string;
  email: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The officials to tell: the assignee, or the unit's officials of the step's role; and the unit's leaders. */
async function recipientsOf(deps: Deps, header: DossierHeader, measure: VisitOverrun, assigneeId: string | null): Promise<Recipient[]> {
  const role = header.steps[measure.stepIndex]?.role ?? 'specialist';
  const rows = await deps.db
    .selectFrom('users')
    .select(['id', 'email', 'role'])
    .where('kind', '=', 'official')
    .where('disabled', '=', false)
    .where((eb) =>
      eb.or([
        ...(assigneeId !== null ? [eb('id', '=', assigneeId)] : [eb.and([eb('unit_code', '=', measure.unitCode), eb('role', '=', role)])]),
        eb.and([eb('unit_code', '=', measure.unitCode), eb('role', '=', 'leader')]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email !== null && EMAIL.test(r.email) ? r.email : null }));
}

function compose(deps: Deps, code: string, dossierId: string, kind: StepWarningKind, measure: VisitOverrun, remaining: number) {
  const unit = deps.units.tree().find(measure.unitCode)?.name ?? measure.unitCode;
  const step = `bước ${measure.stepIndex + 1} «${measure.stepName}»`;
  const title = kind === 'dueSoon' ? `Hồ sơ ${code}: ${step} sắp đến hạn` : `Hồ sơ ${code}: ${step} đã quá hạn`;
  const lines =
    kind === 'dueSoon'
      ? [`Hồ sơ ${code} đang ở ${step} tại ${unit}.`, `Hạn của bước: ${formatLocal(measure.dueAt)}; còn ${workingTimeText(remaining)}.`]
      : [
          `Hồ sơ ${code} đang ở ${step} tại ${unit} đã quá hạn của bước (${formatLocal(measure.dueAt)}).`,
          `Định mức của bước: ${workingTimeText(measure.budgetMinutes)}; đã dùng: ${workingTimeText(measure.usedMinutes)}; vượt: ${workingTimeText(measure.overrunMinutes)}.`,
          'Đề nghị lãnh đạo đơn vị chỉ đạo xử lý và, nếu hồ sơ sẽ quá hạn giải quyết, gửi văn bản xin lỗi, hẹn lại ngày trả kết quả.',
        ];
  const body = [
    ...lines,
    '',
    `Xem hồ sơ: ${PUBLIC_URL_TOKEN}/can-bo/ho-so/${dossierId}`,
    '',
    'Đây là thư tự động của hệ thống giải quyết thủ tục hành chính; vui lòng không trả lời thư này.',
  ].join('\n');
  return { title, body: lines.join('\n'), mailBody: body };
}

/** One run: warn about every open step due soon or overdue that has not been warned about yet. */
export async function warnStepDeadlines(deps: Deps, options: { leadMinutes: number }): Promise<StepWarningRun> {
  const nowDate = deps.clock();
  const now = toLocal(nowDate);
  // Prefilter in SQL with a generous calendar bound (a long holiday fits in it); the rule is applied below.
  const horizonDays = Math.ceil(options.leadMinutes / 240) + 21;
  const rows = await deps.db
    .selectFrom('dossiers')
    .select(['id', 'code', 'header', 'state', 'assignee_id'])
    .where('status', 'in', ['accepted', 'processing'])
    .where('step_due_at', 'is not', null)
    .where('step_due_at', '<', new Date(nowDate.getTime() + horizonDays * 86_400_000))
    .orderBy('step_due_at')
    .execute();
  const run: StepWarningRun = { dueSoon: 0, overdue: 0, notifications: 0, emails: 0 };
  if (rows.length === 0) return run;
  const taken = new Set(
    (
      await deps.db
        .selectFrom('step_warnings')
        .select(['dossier_id', 'visit', 'kind'])
        .where(
          'dossier_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    ).map((w) => `${w.dossier_id}/${w.visit}/${w.kind}`),
  );
  for (const row of rows) {
    const header = row.header as DossierHeader;
    const state = row.state as DossierState;
    const rules = deps.calendars.rulesFor(header.receivingUnitCode);
    const found = openStepWarning(header, state, rules, now, options.leadMinutes);
    if (!found?.kind || taken.has(`${row.id}/${found.measure.visit}/${found.kind}`)) continue;
    const { measure, kind } = found;
    const recipients = await recipientsOf(deps, header, measure, measure.officialId ?? state.assigneeId);
    const remaining = workingMinutesBetween(rules.calendar, rules.hours, now, measure.dueAt);
    const message = compose(deps, row.code, row.id, kind, measure, remaining);
    const written = await deps.db.transaction().execute(async (trx) => {
      const key = await trx
        .insertInto('step_warnings')
        .values({
          dossier_id: row.id,
          visit: measure.visit,
          kind,
          step_index: measure.stepIndex,
          unit_code: measure.unitCode,
          step_due_at: toDate(measure.dueAt)!,
          created_at: nowDate,
        })
        .onConflict((oc) => oc.columns(['dossier_id', 'visit', 'kind']).doNothing())
        .returning('dossier_id')
        .executeTakeFirst();
      if (!key) return null;
      if (recipients.length > 0) {
        await trx
          .insertInto('official_notifications')
          .values(recipients.map((r) => ({ user_id: r.id, dossier_id: row.id, kind, title: message.title, body: message.body, created_at: nowDate })))
          .execute();
      }
      const mail = recipients.filter((r) => r.email !== null);
      if (mail.length > 0) {
        await trx
          .insertInto('notification_outbox')
          .values(
            mail.map((r) => ({
              dossier_id: row.id,
              event: kind === 'dueSoon' ? 'stepDueSoon' : 'stepOverdue',
              recipient: r.email!,
              subject: message.title,
              body: message.mailBody,
              next_attempt_at: nowDate,
              created_at: nowDate,
            })),
          )
          .execute();
      }
      await appendAudit(trx, {
        action: kind === 'dueSoon' ? 'dossier.stepDueSoon' : 'dossier.stepOverdue',
        actorId: null,
        actorRole: null,
        actorUnit: null,
        targetType: 'dossier',
        targetId: row.id,
        ip: null,
        requestId: `step-warning-${row.id}-${measure.visit}-${kind}`,
        details: {
          visit: measure.visit,
          step: measure.stepIndex,
          unit: measure.unitCode,
          officials: recipients.length,
          emails: mail.length,
          overrunMinutes: measure.overrunMinutes,
        },
        at: nowDate,
      });
      return { notifications: recipients.length, emails: mail.length };
    });
    if (!written) continue;
    run[kind] += 1;
    run.notifications += written.notifications;
    run.emails += written.emails;
  }
  return run;
}
