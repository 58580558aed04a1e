/**
 * Feedback deadlines on a controlled clock (issue 22), on both engines: each rule of REFERENCE §5 met and missed
 * (refuse ≤ 2, first supplement request ≤ 5, handled ≤ 15, published ≤ 2 working days after chờ công khai; an item
 * still open past 15), in the province's working calendar (October 2026: no holiday, weekends skipped); then
 * indicators 5.2 and 5.3 of the ward for October equal the count of items that kept every deadline, and of those not
 * disliked nor re-raised; the drill-down lists the others with why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { enterFeedback } from '../../src/application/feedback/submit-feedback.js';
import { actOnFeedback } from '../../src/application/feedback/act-on-feedback.js';
import { voteFeedback } from '../../src/application/feedback/reporter-feedback.js';
import type { FeedbackCommand } from '../../src/contract/feedback.js';
import type { RequestMeta } from '../../src/application/context.js';

const WARD = '000.00.31.H37';
/** Monday 05/10/2026 and the working days after it (weekends skipped), at a given Vietnam time. */
const WORKDAYS = ['05', '06', '07', '08', '09', '12', '13', '14', '15', '16', '19', '20', '21', '22', '23', '26', '27', '28', '29', '30'];
const workday = (n: number, time = '07:45') => new Date(`2026-10-${WORKDAYS[n]}T${time}:00+07:00`);

describe.each(ENGINES)('feedback deadlines and indicators 5.2, 5.3 on %s', (engine) => {
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
      return { actor: { userId: user.id, role: user.role, unitCode: user.unitCode }, ip: null, requestId: `deadlines-${username}` } as RequestMeta;
    };
    desk = await actor('motcua.tamthanh');
    leader = await actor('lanhdao.tamthanh');
  });
  afterAll(() => app.stop());

  async function received(title: string): Promise<{ id: string; code: string; secret: string; seq: number }> {
    now = workday(0, '08:00');
    const res = await enterFeedback(deps(), {
      body: {
        channel: 'hotline',
        title,
        content: 'Công dân phản ánh qua đường dây nóng về việc giải quyết thủ tục tại phường.',
        unitCode: WARD,
        procedureCode: null,
        dossierCode: null,
        reporter: null,
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

  async function answered(title: string, approvedOn: number, publishedOn: number) {
    const item = await received(title);
    await act(item, workday(0, '09:00'), { type: 'accept' });
    await act(item, workday(Math.max(0, approvedOn - 1)), { type: 'draftAnswer', answer: 'Phường đã xem xét và trả lời nội dung phản ánh của công dân.' });
    // Approved and published at 07:40: publishing 2 working days after approval, to the minute, is still on time.
    await act(item, workday(approvedOn, '07:40'), { type: 'approveAnswer' }, leader);
    await act(item, workday(publishedOn, '07:40'), { type: 'publish' });
    return item;
  }

  it('keeps each rule at its limit and misses it a day later; 5.2 and 5.3 count exactly those', async () => {
    const refusedOnTime = await received('Từ chối đúng hạn');
    await act(refusedOnTime, workday(2), { type: 'refuse', reason: 'Không thuộc phạm vi phản ánh, kiến nghị' });
    const refusedLate = await received('Từ chối quá hạn');
    await act(refusedLate, workday(3), { type: 'refuse', reason: 'Không thuộc phạm vi phản ánh, kiến nghị' });
    const supplementOnTime = await received('Yêu cầu bổ sung đúng hạn');
    await act(supplementOnTime, workday(1), { type: 'classify', kind: 'regulation', procedureCode: null, fieldCode: null });
    await act(supplementOnTime, workday(5), { type: 'requestSupplement', reason: 'Cần địa chỉ nơi xảy ra sự việc' });
    const supplementLate = await received('Yêu cầu bổ sung quá hạn');
    await act(supplementLate, workday(6), { type: 'requestSupplement', reason: 'Cần địa chỉ nơi xảy ra sự việc' });
    await answered('Trả lời đúng hạn', 15, 17);
    const handledLate = await answered('Xử lý quá 15 ngày', 16, 16);
    const publishedLate = await answered('Công khai quá 2 ngày', 10, 13);
    const disliked = await answered('Trả lời bị chê', 5, 5);
    const leftAlone = await received('Để quá hạn chưa xử lý');
    await act(leftAlone, workday(1), { type: 'classify', kind: 'conduct', procedureCode: null, fieldCode: null });

    now = workday(19, '16:00');
    const vote = await voteFeedback(deps(), {
      code: disliked.code,
      vote: 'dislike',
      secret: disliked.secret,
      meta: { actor: null, ip: null, requestId: 'vote' },
    });
    expect(vote).toMatchObject({ ok: true, value: { likes: 0, dislikes: 1 } });

    const monitor = await Client.official(app, 'giamsat');
    const card = (await monitor.request('GET', `/api/v1/scorecard?unit=${WARD}&from=2026-10-01&to=2026-10-31`)).json() as {
      groups: { indicators: { id: string; numerator: number; denominator: number; points: number }[] }[];
    };
    const ind = new Map(card.groups.flatMap((g) => g.indicators).map((i) => [i.id, i]));
    // On time: refused in 2, supplement asked in 5 (still waiting: its clock stopped), answered in 15 and published in 2, the disliked one.
    expect(ind.get('5.2')).toMatchObject({ numerator: 4, denominator: 9 });
    // Satisfied: the on-time ones but the disliked one.
    expect(ind.get('5.3')).toMatchObject({ numerator: 3, denominator: 9 });
    // 5.1, watched: the shares of the two kinds among all received (the others are not classified).
    expect(ind.get('5.1a')).toMatchObject({ numerator: 1, denominator: 9, points: 0 });
    expect(ind.get('5.1b')).toMatchObject({ numerator: 1, denominator: 9, points: 0 });
    const drill51 = (await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=${WARD}&from=2026-10-01&to=2026-10-31&indicator=5.1b&limit=50`)).json() as {
      indicator: { watched: boolean };
      feedback: { title: string; reason: string }[];
    };
    expect(drill51).toMatchObject({ indicator: { watched: true }, feedback: [{ title: 'Để quá hạn chưa xử lý', reason: 'Hành vi của cán bộ, công chức' }] });

    const drill = (await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=${WARD}&from=2026-10-01&to=2026-10-31&indicator=5.2&limit=50`)).json() as {
      feedback: { code: string; title: string; reason: string }[];
    };
    const reasons = Object.fromEntries(drill.feedback.map((f) => [f.title, f.reason]));
    expect(reasons).toEqual({
      'Từ chối quá hạn': 'Từ chối tiếp nhận quá 2 ngày làm việc',
      'Yêu cầu bổ sung quá hạn': 'Yêu cầu bổ sung quá 5 ngày làm việc',
      'Xử lý quá 15 ngày': 'Xử lý quá 15 ngày làm việc',
      'Công khai quá 2 ngày': 'Công khai trả lời quá 2 ngày làm việc',
      'Để quá hạn chưa xử lý': 'Xử lý quá 15 ngày làm việc',
    });
    const drill53 = (await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=${WARD}&from=2026-10-01&to=2026-10-31&indicator=5.3&limit=50`)).json() as {
      feedback: { title: string; reason: string }[];
    };
    expect(drill53.feedback.find((f) => f.title === 'Trả lời bị chê')?.reason).toContain('không hài lòng');
    expect(drill53.feedback).toHaveLength(6);
    expect([handledLate, publishedLate, refusedOnTime, refusedLate, supplementOnTime, supplementLate].every((i) => i.seq > 1)).toBe(true);
  });
});
