/**
 * Reminders of a reform-index round's self-assessment deadline (issue 23 §2): `leadDays` days before it, the officials
 * who score a unit that has not submitted (its specialists and leaders) are reminded on their bell and by e-mail, and
 * told once more when the deadline has passed. Once each: the key (round, unit, kind) is written in the transaction
 * of the notices and the audit record.
 */
import { ROLE_CAPABILITIES, ROLES } from '../../domain/access/roles.js';
import { isoFromJdn, jdnFromIso } from '../../domain/calendar/civil-date.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { PUBLIC_URL_TOKEN } from '../../infrastructure/mail/mailer.js';
import { appendAudit } from '../audit/audit-chain.js';
import { notifyOfficials } from '../notify-officials.js';
import type { ParDeps } from './par-store.js';

const ASSESSORS = ROLES.filter((r) => (ROLE_CAPABILITIES[r] as readonly string[]).includes('par.assess'));
const dayText = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export async function remindParDeadlines(deps: ParDeps, options: { leadDays: number }): Promise<{ dueSoon: number; overdue: number; notifications: number }> {
  const now = deps.clock();
  const today = vietnamDate(now);
  const run = { dueSoon: 0, overdue: 0, notifications: 0 };
  const waiting = await deps.db
    .selectFrom('par_assessments as a')
    .innerJoin('par_rounds as r', 'r.id', 'a.round_id')
    .select(['a.round_id', 'a.unit_code', 'r.name', 'r.deadline'])
    .where('r.status', '=', 'open')
    .where('a.status', 'in', ['draft', 'returned'])
    .where('r.deadline', '<=', isoFromJdn(jdnFromIso(today) + options.leadDays))
    .execute();
  const tree = deps.units.tree();
  for (const a of waiting) {
    const kind = today > a.deadline ? 'overdue' : 'dueSoon';
    const officials = await deps.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('kind', '=', 'official')
      .where('disabled', '=', false)
      .where('unit_code', '=', a.unit_code)
      .where('role', 'in', ASSESSORS)
      .orderBy('id')
      .execute();
    const unit = tree.find(a.unit_code)?.name ?? a.unit_code;
    const title = kind === 'dueSoon' ? `Chỉ số CCHC: hạn tự đánh giá ${dayText(a.deadline)}` : `Chỉ số CCHC: đã quá hạn tự đánh giá (${dayText(a.deadline)})`;
    const body = `${a.name}: ${unit} ${kind === 'dueSoon' ? 'chưa gửi kết quả tự đánh giá' : 'chưa gửi kết quả tự đánh giá dù đã quá hạn'}; lãnh đạo đơn vị gửi sau khi chấm đủ và kèm tài liệu kiểm chứng.`;
    const page = `${PUBLIC_URL_TOKEN}/can-bo/chi-so-cai-cach/dot/${a.round_id}/don-vi/${a.unit_code}`;
    const sent = await deps.db.transaction().execute(async (trx) => {
      const key = await trx
        .insertInto('par_reminders')
        .values({ round_id: a.round_id, unit_code: a.unit_code, kind, created_at: now })
        .onConflict((oc) => oc.columns(['round_id', 'unit_code', 'kind']).doNothing())
        .returning('round_id')
        .executeTakeFirst();
      if (!key) return null;
      const written = await notifyOfficials(
        trx,
        officials,
        { par_round_id: a.round_id, par_unit_code: a.unit_code },
        { kind: kind === 'dueSoon' ? 'parDueSoon' : 'parOverdue', event: `par.${kind}`, title, body, mailBody: `${body}\n\nTự đánh giá: ${page}` },
        now,
      );
      await appendAudit(trx, {
        action: kind === 'dueSoon' ? 'par.reminded' : 'par.overdue',
        actorId: null,
        actorRole: null,
        actorUnit: null,
        targetType: 'parAssessment',
        targetId: `${a.round_id}/${a.unit_code}`,
        ip: null,
        requestId: `par-reminder-${a.round_id}-${a.unit_code}-${kind}`,
        details: { deadline: a.deadline, ...written },
        at: now,
      });
      return written;
    });
    if (!sent) continue;
    run[kind] += 1;
    run.notifications += sent.notifications;
  }
  return run;
}
