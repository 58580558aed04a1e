/**
 * Notices about citizen feedback (issue 22 §3) on a controlled clock, on both engines: the handling unit's officials
 * are warned a working day before the 15-day handling deadline and, with their leader, once it has passed, on the
 * bell and by e-mail, once each; the reporter is told by e-mail when their item needs a supplement and when the answer
 * is published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { enterFeedback } from '../../src/application/feedback/submit-feedback.js';
import { actOnFeedback } from '../../src/application/feedback/act-on-feedback.js';
import { warnFeedbackDeadlines } from '../../src/application/feedback/warn-feedback-deadlines.js';
import type { FeedbackCommand } from '../../src/contract/feedback.js';
import type { RequestMeta } from '../../src/application/context.js';
import type { OfficialNotificationList } from '../../src/contract/dossier-notifications.js';

const WARD = '000.00.31.H37';
/** Monday 05/10/2026 and the working days after it (weekends skipped), at a given Vietnam time. */
const WORKDAYS = ['05', '06', '07', '08', '09', '12', '13', '14', '15', '16', '19', '20', '21', '22', '23', '26', '27', '28', '29', '30'];
const workday = (n: number, time = '07:45') => new Date(`2026-10-${WORKDAYS[n]}T${time}:00+07:00`);

describe.each(ENGINES)('feedback notices on %s', (engine) => {
  let app: TestApp;
  let now = workday(0, '08:00');
  let desk: RequestMeta;
  let leader: RequestMeta;
  const deps = () => ({ ...app.ctx.deps, clock: () => now });

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    const actor = async (username: string) => {
      const { user } = (await (await Client.official(app, username)).request('GET', '/api/v1/auth/me')).json() as {
        user: { id: string; role: string; unitCode: string };
      };
      return { actor: { userId: user.id, role: user.role, unitCode: user.unitCode }, ip: null, requestId: `notices-${username}` } as RequestMeta;
    };
    desk = await actor('motcua.tamthanh');
    leader = await actor('lanhdao.tamthanh');
  });
  afterAll(() => app.stop());

  async function received(title: string) {
    now = workday(0, '08:00');
    const res = await enterFeedback(deps(), {
      body: {
        channel: 'letter',
        title,
        content: 'Công dân gửi thư phản ánh về việc giải quyết thủ tục tại phường.',
        unitCode: WARD,
        procedureCode: null,
        dossierCode: null,
        reporter: { name: 'Hoàng Thị Mai', email: 'mai@example.vn', phone: null, address: null },
        showName: false,
        forwardedFrom: null,
        receivedAt: null,
        attachments: [],
      },
      meta: desk,
    });
    if (!res.ok) throw new Error(res.error.code);
    return { ...res.value, seq: 1 };
  }

  async function act(item: { id: string; seq: number }, at: Date, command: Record<string, unknown>, meta = desk) {
    now = at;
    const res = await actOnFeedback(deps(), { id: item.id, command: { ...command, expectedSeq: item.seq } as FeedbackCommand, meta });
    if (!res.ok) throw new Error(`${String(command.type)}: ${res.error.code}`);
    item.seq = res.value.seq;
  }

  const outboxOf = (id: string) =>
    app.database.db.selectFrom('notification_outbox').select(['recipient', 'subject', 'body', 'event']).where('feedback_id', '=', id).orderBy('id').execute();

  it('warns the unit a working day before the handling deadline, then escalates once it has passed, once each', async () => {
    const item = await received('Chậm xử lý phản ánh về vệ sinh môi trường');
    const warn = async (at: Date) => {
      now = at;
      return warnFeedbackDeadlines(deps(), { leadDays: 1 });
    };
    expect(await warn(workday(13, '16:00'))).toMatchObject({ dueSoon: 0, overdue: 0 });
    const soon = await warn(workday(14, '09:00'));
    expect(soon.dueSoon).toBe(1);
    expect(await warn(workday(14, '10:00'))).toMatchObject({ dueSoon: 0, overdue: 0 });

    const specialist = await Client.official(app, 'chuyenvien.tamthanh');
    const lead = await Client.official(app, 'lanhdao.tamthanh');
    const bell = async (who: Client) => ((await who.request('GET', '/api/v1/me/notifications')).json() as OfficialNotificationList).items;
    expect((await bell(specialist)).find((n) => n.feedbackId === item.id)).toMatchObject({ kind: 'feedbackDueSoon', feedbackCode: item.code, dossierId: null });
    // The leader is told once the deadline has passed, not before.
    expect((await bell(lead)).some((n) => n.feedbackId === item.id)).toBe(false);

    expect(await warn(workday(15, '09:00'))).toMatchObject({ dueSoon: 0, overdue: 1 });
    expect(await warn(workday(16, '09:00'))).toMatchObject({ overdue: 0 });
    const escalated = (await bell(lead)).find((n) => n.feedbackId === item.id);
    expect(escalated).toMatchObject({ kind: 'feedbackOverdue', title: `Phản ánh ${item.code}: đã quá hạn xử lý` });
    expect(escalated!.body).toContain('lãnh đạo');
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', item.id)
      .where('action', 'in', ['feedback.dueSoon', 'feedback.overdue'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['feedback.dueSoon', 'feedback.overdue']);
  });

  it('tells the reporter by e-mail when a supplement is asked and when the answer is published', async () => {
    const item = await received('Đề nghị niêm yết thủ tục tại nhà văn hóa thôn');
    await act(item, workday(1), { type: 'accept' });
    expect(await outboxOf(item.id)).toEqual([]);
    await act(item, workday(2), { type: 'draftAnswer', answer: 'Phường sẽ niêm yết bộ thủ tục tại các nhà văn hóa thôn trong tháng này.' });
    await act(item, workday(3), { type: 'approveAnswer' }, leader);
    await act(item, workday(3, '09:00'), { type: 'publish' });
    const sent = await outboxOf(item.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ recipient: 'mai@example.vn', event: 'feedback.publish', subject: `Phản ánh, kiến nghị ${item.code} đã được trả lời` });
    expect(sent[0]!.body).toContain(`/phan-anh-kien-nghi/${item.code}`);

    const other = await received('Thiếu hướng dẫn nộp hồ sơ trực tuyến');
    await act(other, workday(1), { type: 'requestSupplement', reason: 'Đề nghị cho biết thủ tục Ông/Bà định nộp.' });
    expect(await outboxOf(other.id)).toMatchObject([{ event: 'feedback.requestSupplement', body: expect.stringContaining('Đề nghị cho biết thủ tục') }]);
  });
});
