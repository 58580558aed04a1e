/**
 * The reform index through the API on both engines (issue 23): the department makes a commune-level scheme, exports
 * it and imports it back unchanged; opens a round; a ward scores itself with evidence and its automatic figures, which
 * equal the scorecard's and the settlement report's for the same unit and year; its leader submits; the appraiser
 * changes one score with a reason (refused without one), asks once for more evidence, enters a survey result; the
 * round closes and the ranking appears, with the report as PDF and XLSX. Bad input is refused with a stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { advance, receiveAtWard } from '../support/national-sync.js';
import { drainStatQueue } from '../../src/application/scorecard/statistics.js';
import type { ParAssessment, ParResults } from '../../src/contract/par-index.js';
import { addOfficial } from '../../src/application/users/add-official.js';
import { remindParDeadlines } from '../../src/application/par-index/remind-par-deadlines.js';
import type { OfficialNotificationList } from '../../src/contract/dossier-notifications.js';
import { DEMO_PASSWORD } from '../support/app.js';
import { COMMUNE_SCHEME } from '../support/par-index.js';

const WARD = '000.00.31.H37';
const OTHER = '000.00.35.H37';
const YEAR = new Date().getFullYear();

describe.each(ENGINES)('the reform index on %s', (engine) => {
  let app: TestApp;
  let monitor: Client;
  let specialist: Client;
  let leader: Client;
  let otherWard: Client;

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    monitor = await Client.official(app, 'giamsat');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    otherWard = await Client.official(app, 'chuyenvien.caoloc');
    // Two dossiers of the ward this year, one settled: figures with something behind them.
    const desk = await Client.official(app, 'motcua.tamthanh');
    const settled = await receiveAtWard(desk);
    await receiveAtWard(desk);
    for (let i = 0; i < 12 && (await advance([desk, specialist, leader], settled.id)); i++);
    await drainStatQueue(app.ctx.deps);
  }, 120_000);
  afterAll(() => app.stop());

  const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as Record<string, unknown>;
  };
  const assessment = async (who: Client, roundId: string, unit = WARD) =>
    (await ok(who.request('GET', `/api/v1/par/rounds/${roundId}/units/${unit}`))) as unknown as ParAssessment;

  it('goes from a scheme to a closed round with its ranking, the figures agreeing with the scorecard and the report', async () => {
    const scheme = await ok(
      monitor.request('POST', '/api/v1/par/schemes', { year: YEAR, level: 'commune', name: 'Chỉ số CCHC cấp xã', definition: COMMUNE_SCHEME }),
      201,
    );
    // Out to a spreadsheet and back: the same scheme.
    const xlsx = await monitor.request('GET', `/api/v1/par/schemes/${String(scheme.id)}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const imported = await ok(
      monitor.request('POST', '/api/v1/par/schemes/import', {
        year: YEAR,
        level: 'commune',
        name: 'Chỉ số CCHC cấp xã (nhập từ Excel)',
        file: xlsx.rawPayload.toString('base64'),
      }),
      201,
    );
    expect(imported.definition).toEqual(COMMUNE_SCHEME);
    // A ward's official may not make schemes.
    expect(
      (await specialist.request('POST', '/api/v1/par/schemes', { year: YEAR, level: 'commune', name: 'Không được', definition: COMMUNE_SCHEME })).statusCode,
    ).toBe(403);

    const round = await ok(
      monitor.request('POST', '/api/v1/par/rounds', {
        schemeId: imported.id,
        name: `Đánh giá CCHC cấp xã năm ${YEAR}`,
        year: YEAR,
        deadline: `${YEAR}-12-31`,
        unitCodes: [WARD, OTHER],
      }),
      201,
    );
    const roundId = String(round.id);

    // The ward's automatic figures are the scorecard's and the report's for the same unit and year.
    let mine = await assessment(specialist, roundId);
    const period = `unit=${WARD}&from=${YEAR}-01-01&to=${YEAR}-12-31`;
    const card = (await ok(monitor.request('GET', `/api/v1/scorecard?${period}`))) as { groups: { indicators: { id: string; ratio: number | null }[] }[] };
    const report = (await ok(monitor.request('GET', `/api/v1/reports/settlement?${period}&groupBy=unit`))) as {
      total: { onTimeRate: number | null; paidOnlineRate: number | null };
    };
    const figure = (f: string) => mine.figures.find((x) => x.figure === f)!.value;
    const indicator = (id: string) => card.groups.flatMap((g) => g.indicators).find((i) => i.id === id)!.ratio;
    expect(figure('onTimeRate')).toBe(report.total.onTimeRate);
    expect(figure('onTimeRate')).not.toBeNull();
    expect(figure('paidOnlineRate')).toBe(report.total.paidOnlineRate);
    for (const [f, id] of [
      ['publicationOnTime', '1.1'],
      ['fullOnlineRate', '3.3'],
      ['digitizedRate', '4.2'],
      ['feedbackOnTimeRate', '5.2'],
    ] as const)
      expect(figure(f), f).toBe(indicator(id));
    // The figure on legal documents is the register's own for the year.
    const legal = (await ok(monitor.request('GET', `/api/v1/legal-register/figures?year=${YEAR}`))) as { reviews: number; reviewedOnSchedule: number };
    expect(figure('legalReviewedOnSchedule')).toBe(legal.reviews === 0 ? null : Math.round((legal.reviewedOnSchedule / legal.reviews) * 10000) / 100);
    // Another ward's official does not see this one.
    expect((await otherWard.request('GET', `/api/v1/par/rounds/${roundId}/units/${WARD}`)).statusCode).toBe(404);

    // Self-assessment: a score out of the method is refused; a figure is not the unit's to give; stale versions are caught.
    const score = (sub: string, answer: unknown, seq = mine.seq) =>
      specialist.request('PUT', `/api/v1/par/rounds/${roundId}/units/${WARD}/scores/${sub}`, { expectedSeq: seq, answer, note: null });
    expect((await score('1.1.2', { kind: 'levels', level: 9 })).statusCode).toBe(400);
    expect((await score('3.1.1', { kind: 'figure', value: 100 })).statusCode).toBe(400);
    await ok(score('1.1.1', { kind: 'yesNo', done: true }));
    expect((await score('1.1.2', { kind: 'levels', level: 0 })).statusCode).toBe(409);
    mine = await assessment(specialist, roundId);
    await ok(score('1.1.2', { kind: 'levels', level: 0 }));
    // Submission needs the evidence asked for.
    mine = await assessment(leader, roundId);
    expect((await leader.request('POST', `/api/v1/par/rounds/${roundId}/units/${WARD}/submit`, { expectedSeq: mine.seq })).statusCode).toBe(400);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await ok(
      specialist.request('POST', `/api/v1/par/rounds/${roundId}/units/${WARD}/scores/1.1.1/evidence`, {
        kind: 'file',
        name: 'Kế hoạch CCHC.pdf',
        contentType: 'application/pdf',
        data: pdf.toString('base64'),
      }),
      201,
    );
    expect(
      (
        await specialist.request('POST', `/api/v1/par/rounds/${roundId}/units/${WARD}/scores/1.1.2/evidence`, {
          kind: 'file',
          name: 'bao-cao.pdf',
          contentType: 'application/pdf',
          data: Buffer.from('MZ not a pdf').toString('base64'),
        })
      ).statusCode,
    ).toBe(400);
    await ok(
      specialist.request('POST', `/api/v1/par/rounds/${roundId}/units/${WARD}/scores/1.1.2/evidence`, {
        kind: 'link',
        name: 'Báo cáo kết quả giải quyết TTHC năm',
        url: `https://motcua.example/can-bo/bao-cao-giai-quyet?don-vi=${WARD}`,
      }),
      201,
    );
    expect((await specialist.request('POST', `/api/v1/par/rounds/${roundId}/units/${WARD}/submit`, { expectedSeq: mine.seq })).statusCode).toBe(403);
    await ok(leader.request('POST', `/api/v1/par/rounds/${roundId}/units/${WARD}/submit`, { expectedSeq: mine.seq }));
    mine = await assessment(monitor, roundId);
    expect(mine.status).toBe('submitted');
    // The figures were taken at submission: 2 × on-time rate.
    const onTime = mine.scores.find((s) => s.code === '3.1.1')!;
    expect(onTime.selfPoints).toBe(Math.round(2 * figure('onTimeRate')!) / 100);

    // Appraisal: a change needs a reason; evidence is asked for once.
    const appraise = (sub: string, points: number, reason: string | null) =>
      monitor.request('POST', `/api/v1/par/rounds/${roundId}/units/${WARD}/scores/${sub}/appraisal`, { expectedSeq: mine.seq, points, reason });
    expect((await appraise('1.1.2', 0.75, null)).statusCode).toBe(400);
    await ok(appraise('1.1.2', 0.75, 'Báo cáo cho thấy kế hoạch hoàn thành 85%, chưa đạt 100%'));
    mine = await assessment(monitor, roundId);
    await ok(
      monitor.request('POST', `/api/v1/par/rounds/${roundId}/units/${WARD}/decision`, {
        expectedSeq: mine.seq,
        decision: 'requestEvidence',
        note: 'Bổ sung quyết định ban hành kế hoạch',
      }),
    );
    mine = await assessment(leader, roundId);
    expect(mine).toMatchObject({ status: 'returned', evidenceRequested: true });
    await ok(leader.request('POST', `/api/v1/par/rounds/${roundId}/units/${WARD}/submit`, { expectedSeq: mine.seq }));
    mine = await assessment(monitor, roundId);
    expect(
      (
        await monitor.request('POST', `/api/v1/par/rounds/${roundId}/units/${WARD}/decision`, {
          expectedSeq: mine.seq,
          decision: 'requestEvidence',
          note: 'Lần hai',
        })
      ).statusCode,
    ).toBe(409);
    await ok(
      monitor.request('POST', `/api/v1/par/rounds/${roundId}/survey-results`, {
        results: [
          { unitCode: WARD, subCode: '3.1.3', value: 83.94 },
          { unitCode: OTHER, subCode: '3.1.3', value: 90 },
        ],
      }),
    );
    expect(
      (await monitor.request('POST', `/api/v1/par/rounds/${roundId}/survey-results`, { results: [{ unitCode: WARD, subCode: '1.1.1', value: 50 }] }))
        .statusCode,
    ).toBe(400);
    await ok(monitor.request('POST', `/api/v1/par/rounds/${roundId}/close`));
    expect((await score('1.1.1', { kind: 'yesNo', done: false }, (await assessment(specialist, roundId)).seq)).statusCode).toBe(409);

    const results = (await ok(monitor.request('GET', `/api/v1/par/rounds/${roundId}/results`))) as unknown as ParResults;
    const ward = results.units.find((u) => u.unitCode === WARD)!;
    // 1 + 0.75 (changed) + 2 × on-time % + figure 3.1.2 + 2 × 83.94 % (1.68).
    const feedbackPoints = mine.scores.find((s) => s.code === '3.1.2')!.selfPoints!;
    expect(ward.totals.total).toBeCloseTo(1 + 0.75 + onTime.selfPoints! + feedbackPoints + 1.68, 2);
    expect(results.units.map((u) => u.rank).sort()).toEqual([1, 2]);
    // Last year's closed round of the same level (the demo's) gives each commune its change.
    expect(results.previousRound?.year).toBe(YEAR - 1);
    expect(ward.previousRank).not.toBeNull();
    expect(ward.rankChange).toBe(ward.previousRank! - ward.rank);
    expect(results.fields.map((f) => f.code)).toEqual(['1', '3']);
    for (const format of ['pdf', 'xlsx']) {
      const file = await monitor.request('GET', `/api/v1/par/rounds/${roundId}/report.${format}`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.subarray(0, 4).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
    }
    const audit = await app.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'par.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'par.schemeCreated',
        'par.roundOpened',
        'par.scored',
        'par.evidenceAdded',
        'par.submitted',
        'par.scoreChanged',
        'par.evidenceRequested',
        'par.surveyEntered',
        'par.roundClosed',
      ]),
    );
  });

  it('lets a unit’s own officials assess it, and the round’s managers appraise it, no one else', async () => {
    const meta = { actor: null, ip: null, requestId: 'par-scope' };
    const add = async (username: string, role: 'leader' | 'monitor', unitCode: string) => {
      const added = await addOfficial(app.ctx.deps, { username, password: DEMO_PASSWORD, fullName: `Cán bộ ${username}`, role, unitCode, meta });
      if (!added.ok) throw new Error(added.error.code);
      return Client.official(app, username);
    };
    // A leader of the provincial service centre (whose scope is the whole province) and a monitor sitting in the ward.
    const centreLeader = await add(`lanhdao.trungtam.${engine}`, 'leader', '000.00.20.H37');
    const wardMonitor = await add(`giamsat.tamthanh.${engine}`, 'monitor', WARD);
    const scheme = await ok(
      monitor.request('POST', '/api/v1/par/schemes', { year: YEAR, level: 'commune', name: 'Phạm vi đánh giá', definition: COMMUNE_SCHEME }),
      201,
    );
    // Units named twice are one.
    const round = await ok(
      monitor.request('POST', '/api/v1/par/rounds', {
        schemeId: scheme.id,
        name: 'Đợt thử phạm vi',
        year: YEAR,
        deadline: `${YEAR}-12-31`,
        unitCodes: [WARD, WARD, OTHER],
      }),
      201,
    );
    expect((round.units as unknown[]).length).toBe(2);
    const id = String(round.id);
    expect((await centreLeader.request('GET', `/api/v1/par/rounds/${id}/units/${WARD}`)).statusCode).toBe(404);
    const mine = await assessment(specialist, id);
    const put = await centreLeader.request('PUT', `/api/v1/par/rounds/${id}/units/${WARD}/scores/1.1.1`, {
      expectedSeq: mine.seq,
      answer: { kind: 'yesNo', done: true },
      note: null,
    });
    expect(put.statusCode).toBe(403);
    expect((await centreLeader.request('POST', `/api/v1/par/rounds/${id}/units/${OTHER}/submit`, { expectedSeq: 1 })).statusCode).toBe(403);
    // The ward's own leader submits; the monitor sitting in the ward may not appraise its own unit.
    await ok(leader.request('POST', `/api/v1/par/rounds/${id}/units/${WARD}/submit`, { expectedSeq: mine.seq }));
    const submitted = await assessment(monitor, id);
    const own = await wardMonitor.request('POST', `/api/v1/par/rounds/${id}/units/${WARD}/scores/1.1.1/appraisal`, {
      expectedSeq: submitted.seq,
      points: 0,
      reason: 'Tự thẩm định',
    });
    expect(own.statusCode).toBe(404);
    // A stale version and a wrong state are told apart by their codes.
    const stale = await monitor.request('POST', `/api/v1/par/rounds/${id}/units/${WARD}/scores/1.1.1/appraisal`, { expectedSeq: 1, points: 0, reason: 'Cũ' });
    expect((stale.json() as { error: { code: string } }).error.code).toBe('PAR_ASSESSMENT_CHANGED');
    const again = await leader.request('POST', `/api/v1/par/rounds/${id}/units/${WARD}/submit`, { expectedSeq: submitted.seq });
    expect((again.json() as { error: { code: string } }).error.code).toBe('PAR_ACTION_NOT_ALLOWED');
    // Accepting the unit's own points needs no reason.
    await ok(monitor.request('POST', `/api/v1/par/rounds/${id}/units/${WARD}/scores/1.1.1/appraisal`, { expectedSeq: submitted.seq, points: 0, reason: null }));
    const accepted = await assessment(monitor, id);
    expect(accepted.scores.find((x) => x.code === '1.1.1')).toMatchObject({ appraisedPoints: 0, appraisalReason: 'Chấp nhận điểm tự chấm' });
  });

  it('reminds a unit that has not submitted before the deadline and once it has passed, once each', async () => {
    const scheme = await ok(
      monitor.request('POST', '/api/v1/par/schemes', { year: YEAR, level: 'commune', name: 'Nhắc hạn', definition: COMMUNE_SCHEME }),
      201,
    );
    const round = await ok(
      monitor.request('POST', '/api/v1/par/rounds', {
        schemeId: scheme.id,
        name: 'Đợt thử nhắc hạn',
        year: YEAR,
        deadline: `${YEAR}-12-31`,
        unitCodes: [WARD],
      }),
      201,
    );
    const remind = (at: string) => remindParDeadlines({ ...app.ctx.deps, clock: () => new Date(`${at}T09:00:00+07:00`) }, { leadDays: 5 });
    const mine = async () =>
      ((await specialist.request('GET', '/api/v1/me/notifications?limit=200')).json() as OfficialNotificationList).items.filter(
        (n) => n.parRoundId === round.id,
      );
    await remind(`${YEAR}-12-20`);
    expect(await mine()).toEqual([]);
    await remind(`${YEAR}-12-27`);
    await remind(`${YEAR}-12-28`);
    expect((await mine()).map((n) => [n.kind, n.parUnitCode])).toEqual([['parDueSoon', WARD]]);
    await remind(`${YEAR + 1}-01-02`);
    expect((await mine()).map((n) => n.kind).sort()).toEqual(['parDueSoon', 'parOverdue']);
  });

  it('refuses a scheme that does not add up, and a spreadsheet that is not one', async () => {
    const bad = await monitor.request('POST', '/api/v1/par/schemes', {
      year: YEAR,
      level: 'commune',
      name: 'Sai cấu trúc',
      definition: { fields: [{ code: '1', name: 'X', criteria: [{ code: '2.1', name: 'Y', subCriteria: [] }] }] },
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('PAR_SCHEME_INVALID');
    const notXlsx = await monitor.request('POST', '/api/v1/par/schemes/import', {
      year: YEAR,
      level: 'commune',
      name: 'Tệp hỏng',
      file: Buffer.from('not a zip').toString('base64'),
    });
    expect(notXlsx.statusCode).toBe(422);
  });
});
