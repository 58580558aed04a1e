/**
 * The province's satisfaction survey (issue 23 §6) through the HTTP pipeline: a round opened over the dossiers returned
 * today in Phường Tam Thanh (N counted, n by the formula, the seeded draw, invitations in the outbox), answers by token
 * (once), results per element against a hand count, the Excel export, the DongBoDanhGia-shaped aggregate, the offer on
 * the applicant's dossier page, and closing the round.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { receivedComponents } from '../support/intake.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import { drawSample, sampleSize } from '../../src/domain/survey/sampling.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import type { SurveyPortalRatings, SurveyResults, SurveyRound, SurveyRoundList } from '../../src/contract/survey.js';

const WARD = '000.00.31.H37';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOSSIERS = 10;
/** The first 8 applicants gave an e-mail address, the last 2 did not. */
const WITH_EMAIL = 8;
const TOKEN = /\/khao-sat\/([A-Za-z0-9_-]{43})/;

// Four answers whose figures are counted by hand in the tests below.
const A1 = { access: 5, procedure: 5, official: 5, result: 5, feedback: null };
const A2 = { access: 4, procedure: 4, official: 4, result: 4, feedback: 4 };
const A3 = { access: 2, procedure: 2, official: 3, result: 2, feedback: null };
const A4 = { access: 5, procedure: 4, official: 5, result: 5, feedback: 3 };

describe.each(ENGINES)('the satisfaction survey on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let admin: Client;
  let monitor: Client;
  let round: SurveyRound;
  /** The tokens e-mailed, by dossier. */
  let tokens: string[];
  const today = vietnamDate(new Date());
  const month = today.slice(0, 7);

  const act = async (id: string, client: Client, body: Record<string, unknown>) => {
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
  };
  /** From accepted (at seq) through the ward's steps to the returned result. */
  const runToReturned = async (id: string, seq: number) => {
    await act(id, desk, { type: 'transfer', expectedSeq: seq, toStep: 1, note: null });
    await act(id, specialist, { type: 'claim', expectedSeq: seq + 1 });
    await act(id, specialist, { type: 'transfer', expectedSeq: seq + 2, toStep: 2, note: null });
    await act(id, leader, { type: 'claim', expectedSeq: seq + 3 });
    await act(id, leader, { type: 'approve', expectedSeq: seq + 4, note: null });
    await act(id, desk, { type: 'returnResult', expectedSeq: seq + 5, method: 'counter' });
  };
  const anonymous = () => new Client(app);
  const answer = (token: string, scores: Record<string, number | null>, extra: Record<string, unknown> = {}) =>
    anonymous().request('POST', `/api/v1/surveys/invitations/${token}`, { scores, ...extra });

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0' } });
    const official = (username: string) => Client.official(app, username);
    [desk, specialist, leader, admin, monitor] = [
      await official('motcua.tamthanh'),
      await official('chuyenvien.tamthanh'),
      await official('lanhdao.tamthanh'),
      await official('admin'),
      await official('giamsat'),
    ];
    for (let i = 0; i < DOSSIERS; i++) {
      const res = await desk.request('POST', '/api/v1/dossiers', {
        procedureCode: '1.001193',
        channel: 'counter',
        applicant: { fullName: `Người nộp ${i}`, personalId: null, address: null, phone: null, email: i < WITH_EMAIL ? `nguoi${i}@example.vn` : null },
        components: receivedComponents('1.001193'),
      });
      expect(res.statusCode, res.body).toBe(201);
      await runToReturned((res.json() as { id: string }).id, 1);
    }
  }, 120_000);
  afterAll(() => app?.stop());

  it('opens a round: N of the period, n = ceil(N / (1 + N·e²)), the seeded draw, invitations e-mailed', async () => {
    // N = 10 returned today; e = 20%: 10 / (1 + 10·0.04) = 10 / 1.4 = 7.14 → 8.
    const preview = await admin.request('GET', `/api/v1/surveys/population?from=${today}&to=${today}&units=${WARD}&margin=0.2`);
    expect(preview.json()).toEqual({ population: 10, sampleSize: 8, margin: 0.2 });
    expect(sampleSize(10, 0.2)).toBe(8);

    const body = { name: 'Khảo sát thử', from: today, to: today, unitCodes: [WARD], margin: 0.2, answerBy: today, seed: 'kiem-thu' };
    expect((await desk.request('POST', '/api/v1/surveys/rounds', body)).statusCode).toBe(403);
    expect((await admin.request('POST', '/api/v1/surveys/rounds', { ...body, to: '2000-01-01' })).statusCode).toBe(400);
    const opened = await admin.request('POST', '/api/v1/surveys/rounds', body);
    expect(opened.statusCode, opened.body).toBe(201);
    round = opened.json() as SurveyRound;
    expect(round).toMatchObject({ population: 10, sampleSize: 8, invited: 8, answered: 0, status: 'open', margin: 0.2, seed: 'kiem-thu' });
    expect(round.questions.map((q) => q.element)).toEqual(['access', 'procedure', 'official', 'result', 'feedback']);
    expect(opened.body).not.toContain('@');

    // The draw is the seed's: positions drawSample(10, 8, seed) of the period's dossiers ordered by code.
    const db = app.database.db;
    const frame = await db.selectFrom('dossiers').select(['id', 'code', 'applicant']).where('unit_code', '=', WARD).orderBy('code').execute();
    expect(frame).toHaveLength(DOSSIERS);
    const invited = await db.selectFrom('survey_invitations').select(['dossier_id', 'notified', 'source']).where('round_id', '=', round.id).execute();
    const drawn = drawSample(10, 8, 'kiem-thu').map((i) => frame[i]!.id);
    expect(invited.map((i) => i.dossier_id).sort()).toEqual([...drawn].sort());
    expect(invited.every((i) => i.source === 'sample')).toBe(true);

    // One e-mail per drawn applicant who gave an address, with a single-use link.
    const emailed = frame.filter((d) => drawn.includes(d.id) && (d.applicant as { email: string | null }).email !== null);
    expect(round.notified).toBe(emailed.length);
    expect(invited.filter((i) => i.notified)).toHaveLength(emailed.length);
    const outbox = await db
      .selectFrom('notification_outbox')
      .select(['dossier_id', 'recipient', 'body', 'subject'])
      .where('event', '=', 'survey.invitation')
      .orderBy('id')
      .execute();
    expect(outbox.map((o) => o.dossier_id).sort()).toEqual(emailed.map((d) => d.id).sort());
    expect(outbox.every((o) => o.recipient.endsWith('@example.vn') && o.subject.startsWith('Khảo sát mức độ hài lòng'))).toBe(true);
    tokens = outbox.map((o) => TOKEN.exec(o.body)![1]!);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.length).toBeGreaterThanOrEqual(6);

    // A dossier is asked once: another round over the same units and days is refused.
    const again = await monitor.request('POST', '/api/v1/surveys/rounds', { ...body, seed: null });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SURVEY_ROUND_OVERLAPS');
    const audit = await db.selectFrom('audit_log').select(['details']).where('action', '=', 'survey.roundOpened').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ population: 10, sampleSize: 8, seed: 'kiem-thu' });
    expect(JSON.stringify(audit[0]!.details)).not.toContain('@');
  });

  it('takes one answer per token; a second, a wrong token, an incomplete answer are refused clearly', async () => {
    const page = await anonymous().request('GET', `/api/v1/surveys/invitations/${tokens[0]}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ state: 'open', roundName: 'Khảo sát thử', unitName: 'Phường Tam Thanh', procedureName: 'Đăng ký khai sinh' });
    expect(page.json().questions).toHaveLength(5);

    expect((await answer(tokens[0]!, { ...A1, official: 6 })).statusCode).toBe(400);
    expect((await answer(tokens[0]!, { access: 5, procedure: 5 })).statusCode).toBe(400);
    expect((await answer(tokens[0]!, A1, { expectation: 'speed' })).statusCode).toBe(400);
    const first = await answer(tokens[0]!, A1, { expectation: 'procedure', comment: 'Cán bộ nhiệt tình' });
    expect(first.statusCode, first.body).toBe(201);
    const second = await answer(tokens[0]!, A2);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'SURVEY_ALREADY_ANSWERED', message: expect.stringContaining('một lần') });
    expect((await anonymous().request('GET', `/api/v1/surveys/invitations/${tokens[0]}`)).json().state).toBe('answered');

    const unknown = await anonymous().request('GET', `/api/v1/surveys/invitations/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('SURVEY_INVITATION_NOT_FOUND');
    expect((await anonymous().request('GET', '/api/v1/surveys/invitations/ngan-qua')).statusCode).toBe(400);
    const kept = await app.database.db.selectFrom('survey_answers').selectAll().where('round_id', '=', round.id).execute();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ score_access: 5, score_feedback: null, expectation: 'procedure', comment: 'Cán bộ nhiệt tình', unit_code: WARD });
  });

  it('gives the results per element equal to a hand count, for the round and the month, and as Excel', async () => {
    for (const [i, scores] of [A2, A3, A4].entries()) expect((await answer(tokens[i + 1]!, scores)).statusCode).toBe(201);
    const res = await monitor.request('GET', `/api/v1/surveys/rounds/${round.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json() as SurveyResults;
    // access 5,4,2,5 → 3 of 4; procedure 5,4,2,4 → 3 of 4; official 5,4,3,5 → 3 of 4; result 5,4,2,5 → 3 of 4;
    // feedback (two answered) 4,3 → 1 of 2. Overall (75·4 + 50) / 5 = 70.
    expect(results.total.elements.map((e) => [e.element, e.answered, e.satisfied, e.index])).toEqual([
      ['access', 4, 3, 75],
      ['procedure', 4, 3, 75],
      ['official', 4, 3, 75],
      ['result', 4, 3, 75],
      ['feedback', 2, 1, 50],
    ]);
    // 4 of 8 invited answered; the margin √(1/4 − 1/10) = √0.15 = 38.73 points.
    expect(results.total).toMatchObject({ population: 10, invited: 8, answers: 4, responseRate: 50, margin: 38.73, overall: 70 });
    expect(results.units.map((u) => [u.unitCode, u.unitName, u.answers])).toEqual([[WARD, 'Phường Tam Thanh', 4]]);

    // The ward's leader reads the scorecard, so the results too; Sở Tư pháp's leader is not concerned by the round.
    expect((await leader.request('GET', `/api/v1/surveys/rounds/${round.id}/results`)).json().total.answers).toBe(4);
    const justice = await Client.official(app, 'lanhdao.tuphap');
    expect((await justice.request('GET', `/api/v1/surveys/rounds/${round.id}/results`)).statusCode).toBe(404);
    expect((await desk.request('GET', `/api/v1/surveys/rounds/${round.id}/results`)).statusCode).toBe(403);

    const monthly = (await monitor.request('GET', `/api/v1/surveys/results?month=${month}`)).json() as SurveyResults;
    // A month the calendar cannot hold is refused, not thrown.
    expect((await monitor.request('GET', '/api/v1/surveys/results?month=9999-12')).statusCode).toBe(400);
    expect((await monitor.request('GET', '/api/v1/surveys/portal-ratings?month=0000-01')).statusCode).toBe(400);
    expect(monthly).toMatchObject({ kind: 'month', from: `${month}-01` });
    expect(monthly.total).toMatchObject({ population: 10, invited: 8, answers: 4, overall: 70 });

    const list = (await leader.request('GET', '/api/v1/surveys/rounds')).json() as SurveyRoundList;
    expect(list.canManage).toBe(false);
    expect(list.items.find((r) => r.id === round.id)).toMatchObject({ invited: 8, answered: 4, responseRate: 50 });
    // The demo's closed round is listed too.
    expect(list.items.some((r) => r.status === 'closed' && r.answered === 40)).toBe(true);

    const file = await monitor.request('GET', `/api/v1/surveys/rounds/${round.id}/results`, undefined, { accept: XLSX });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []));
    expect(values).toContain('Phường Tam Thanh');
    expect(values).toContain('Tổng cộng');
  });

  it('aggregates the month in the national portal’s DongBoDanhGia shape', async () => {
    const res = await monitor.request('GET', `/api/v1/surveys/portal-ratings?month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const aggregate = res.json() as SurveyPortalRatings;
    // By the average of the elements answered: A1 5 → rất hài lòng; A2 4 and A4 4.4 → hài lòng; A3 2.25 → chưa hài
    // lòng. The service part reads "Tiếp cận dịch vụ": 5, 5 → rất hài lòng; 4 → hài lòng; 2 → chưa hài lòng.
    expect(aggregate).toEqual({
      month,
      answers: 4,
      items: [
        {
          NgayTongHop: `${Number(month.slice(5, 7))}-${month.slice(0, 4)}`,
          TongSoNguoiDanhGia: '4',
          PhanTramDanhGiaRatHaiLong: '25%',
          PhanTramDanhGiaHaiLong: '50%',
          PhanTramDanhGiaChuaHaiLong: '25%',
          PhanTramDanhGiaDichVuRatHaiLong: '50%',
          PhanTramDanhGiaDichVuHaiLong: '25%',
          PhanTramDanhGiaDichVuChuaHaiLong: '25%',
          NoiDung: `Mức độ hài lòng khi giải quyết thủ tục hành chính, tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`,
          MaThuTuc: '1.001193',
          DanhSachNoiDungYKien: ['Cán bộ nhiệt tình'],
          Madonvi: WARD,
          TenDonVi: 'Phường Tam Thanh',
        },
      ],
    });
  });

  it('offers the survey on the applicant’s dossier page after the result, once', async () => {
    const login = await loginCitizen(app.ctx.deps, {
      identity: { issuer: 'https://sso.example', subject: 'sub-khao-sat', fullName: 'Hoàng Văn Minh', personalId: '020085003417', email: null },
      meta: { actor: null, ip: '127.0.0.1', requestId: 'test-survey' },
    });
    if (!login.ok) throw new Error(login.error.code);
    const citizen = new Client(app);
    citizen.cookie = `motcua_session=${login.value.sessionId}`;
    expect((await citizen.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const created = await citizen.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'online', unitCode: WARD });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    expect((await citizen.request('GET', `/api/v1/surveys/dossiers/${id}`)).json()).toEqual({ offer: null });
    await act(id, desk, { type: 'accept', expectedSeq: 0 });
    await runToReturned(id, 1);

    expect((await citizen.request('GET', `/api/v1/surveys/dossiers/${id}`)).json()).toEqual({
      offer: { roundName: 'Khảo sát thử', state: 'open', answerBy: today },
    });
    expect((await desk.request('GET', `/api/v1/surveys/dossiers/${id}`)).statusCode).toBe(403);
    const issued = await citizen.request('POST', `/api/v1/surveys/dossiers/${id}/invitation`);
    expect(issued.statusCode, issued.body).toBe(201);
    const { token } = issued.json() as { token: string };
    expect((await answer(token, A2)).statusCode).toBe(201);
    expect((await citizen.request('GET', `/api/v1/surveys/dossiers/${id}`)).json().offer.state).toBe('answered');
    const again = await citizen.request('POST', `/api/v1/surveys/dossiers/${id}/invitation`);
    expect(again.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
    const row = await app.database.db.selectFrom('survey_invitations').select(['source', 'round_id']).where('dossier_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ source: 'result', round_id: round.id });
  });

  it('closes the round: its invitations no longer take answers', async () => {
    const closed = await admin.request('POST', `/api/v1/surveys/rounds/${round.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', invited: 9, answered: 5 });
    expect((await admin.request('POST', `/api/v1/surveys/rounds/${round.id}/close`)).json().error.code).toBe('SURVEY_ROUND_CLOSED');
    const left = tokens[4]!;
    expect((await anonymous().request('GET', `/api/v1/surveys/invitations/${left}`)).json().state).toBe('expired');
    const late = await answer(left, A1);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('SURVEY_EXPIRED');
  });
});
