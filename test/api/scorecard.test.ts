import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { seedDossiers } from '../../src/application/seed/seed-dossiers.js';
import { drainStatQueue } from '../../src/application/scorecard/statistics.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import { vietnamesePercent } from '../../src/http/routes/scorecard.js';
import { backfillSettlementTimes } from '../../src/application/scorecard/settlement-times.js';
import { settlementTime } from '../../src/domain/scorecard/settlement-time.js';
import type { DossierHeader, DossierState } from '../../src/domain/dossier/fold.js';
import { receivedComponents } from '../support/intake.js';

describe('scorecard and settlement report', () => {
  let app: TestApp;
  const to = vietnamDate(new Date());
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
    await seedDossiers(app.ctx.deps, { count: 400, seed: 3 });
    await drainStatQueue(app.ctx.deps);
  });
  afterAll(() => app.stop());

  it('scores the province over a year in the CONTRACT shape, with 2.1 from the dossiers', async () => {
    const monitor = await Client.official(app, 'giamsat');
    const res = await monitor.request('GET', `/api/v1/scorecard?unit=000.00.00.H37&from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    const card = res.json();
    expect(card).toMatchObject({ unit: '000.00.00.H37', from, to, formulaVersion: '766-2026.10' });
    expect(card.groups.map((g: { maxPoints: number }) => g.maxPoints)).toEqual([18, 20, 12, 10, 22, 18]);
    const i21 = card.groups[1].indicators[0];
    expect(i21.id).toBe('2.1');
    expect(i21.denominator).toBeGreaterThan(300);
    expect(i21.numerator).toBeLessThan(i21.denominator); // some dossiers were late
    expect(i21.ratio).toBe(Math.round((i21.numerator / i21.denominator) * 10000) / 100);
    expect(card.total).toBeGreaterThan(0);
    // E-results (4.1), scans (4.2) and ratings (5.4) come from the seeded histories.
    const byId = new Map(card.groups.flatMap((g: { indicators: { id: string }[] }) => g.indicators).map((i: { id: string }) => [i.id, i]));
    for (const id of ['4.1', '4.2', '4.5b', '5.4']) expect((byId.get(id) as { numerator: number }).numerator, id).toBeGreaterThan(0);
    // Fees paid online are the seeded payments a gateway confirmed (payment_attempts), not the payFee clicks:
    // some, not all, of the fee-bearing dossiers (the others paid in cash at the desk, or not yet).
    const i36 = byId.get('3.6') as { numerator: number; denominator: number };
    const online = await app.database.db
      .selectFrom('payment_attempts')
      .select((eb) => eb.fn.count<string>('dossier_id').distinct().as('n'))
      .where('status', '=', 'paid')
      .where('method', 'in', ['vnpay', 'nationalPlatform'])
      .executeTakeFirstOrThrow();
    expect(i36.numerator).toBeGreaterThan(0);
    expect(i36.numerator).toBeLessThanOrEqual(Number(online.n));
    expect(i36.numerator).toBeLessThan(i36.denominator);
    // Certified electronic copies: the seeded certification dossiers were given paper copies only (issue 19).
    expect(byId.get('4.2b')).toMatchObject({ numerator: 0, ratio: 0, points: 0, denominator: expect.any(Number) });
  });

  it('the settlement report balances: carried over + received = settled + in progress + withdrawn', async () => {
    const monitor = await Client.official(app, 'giamsat');
    const report = (await monitor.request('GET', `/api/v1/reports/settlement?unit=000.00.00.H37&from=${from}&to=${to}&groupBy=field`)).json();
    const t = report.total;
    expect(t.carriedOver + t.received).toBe(t.settled + t.inProgress + t.withdrawn);
    expect(t.settled).toBe(t.settledEarly + t.settledOnTime + t.settledLateWithApology + t.settledLateWithoutApology);
    expect(t.received).toBe(t.receivedOnline + t.receivedCounter + t.receivedPostal);
    expect(report.rows.reduce((s: number, r: { received: number }) => s + r.received, 0)).toBe(t.received);
    const xlsx = await app.app.inject({
      method: 'GET',
      url: `/api/v1/reports/settlement?unit=000.00.00.H37&from=${from}&to=${to}`,
      headers: { cookie: monitor.cookie, accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(2).value).toBe('Tổng cộng');
    // The rate is a number shown as a percent (Excel writes it 95,58% in Vietnamese), not text.
    expect(last.getCell(19).type).toBe(ExcelJS.ValueType.Number);
    expect(last.getCell(19).value).toBeCloseTo(t.onTimeRate / 100, 6);
    expect(last.getCell(19).numFmt).toBe('0.00%');
    expect(vietnamesePercent(95.58)).toBe('95,58%');
    // Then each unit's online payment of the fee-bearing dossiers received: indicator 3.6 of that unit and period
    // (not vacuous: the first test finds the province's 3.6 neither 0 nor 100 %).
    const byUnit = (await monitor.request('GET', `/api/v1/reports/settlement?unit=000.00.00.H37&from=${from}&to=${to}`)).json();
    expect([20, 21].map((c) => last.getCell(c).value)).toEqual([byUnit.total.feeDue, byUnit.total.feePaidOnline]);
    expect(last.getCell(22).value).toBeCloseTo(byUnit.total.paidOnlineRate / 100, 10); // a percentage cell: the rate ÷ 100, in binary floating point
    for (const row of [{ ...byUnit.total, key: '000.00.00.H37' }, ...byUnit.rows.filter((r: { key: string }) => r.key !== '000.00.00.H37')]) {
      const card = (await monitor.request('GET', `/api/v1/scorecard?unit=${row.key}&from=${from}&to=${to}`)).json();
      const i36 = card.groups.flatMap((g: { indicators: { id: string }[] }) => g.indicators).find((i: { id: string }) => i.id === '3.6');
      expect([row.feePaidOnline, row.feeDue, row.paidOnlineRate], row.key).toEqual([i36.numerator, i36.denominator, i36.ratio]);
    }
  });

  it('only those who may see scorecards, within their units', async () => {
    const desk = await Client.official(app, 'motcua.tamthanh');
    expect((await desk.request('GET', `/api/v1/scorecard?unit=000.00.31.H37&from=${from}&to=${to}`)).statusCode).toBe(403);
    const leader = await Client.official(app, 'lanhdao.tamthanh');
    expect((await leader.request('GET', `/api/v1/scorecard?unit=000.00.31.H37&from=${from}&to=${to}`)).statusCode).toBe(200);
    expect((await leader.request('GET', `/api/v1/scorecard?unit=000.00.00.H37&from=${from}&to=${to}`)).statusCode).toBe(403);
    expect((await leader.request('GET', `/api/v1/scorecard?unit=000.00.31.H37&from=${to}&to=${from}`)).statusCode).toBe(400);
  });

  it("ranks the province's units with sample sizes and Wilson intervals; small samples are listed unranked", async () => {
    const monitor = await Client.official(app, 'giamsat');
    const res = await monitor.request('GET', `/api/v1/scorecard/ranking?unit=000.00.00.H37&from=${from}&to=${to}&minSample=10`);
    expect(res.statusCode, res.body).toBe(200);
    const { rows, minSample } = res.json();
    expect(minSample).toBe(10);
    const ranked = rows.filter((r: { rank: number | null }) => r.rank !== null);
    expect(ranked.length).toBeGreaterThan(1);
    for (const r of ranked) expect(r.sample).toBeGreaterThanOrEqual(10);
    for (const r of rows.filter((x: { rank: number | null }) => x.rank === null)) expect(r.sample).toBeLessThan(10);
    const totals = ranked.map((r: { total: number }) => r.total);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => b - a));
    const withCi = ranked[0];
    expect(withCi.interval.low).toBeLessThanOrEqual((withCi.onTime / withCi.sample) * 100);
    expect(withCi.interval.high).toBeGreaterThanOrEqual((withCi.onTime / withCi.sample) * 100);
  });

  it('gives a monthly trend and a forecast with fixes that gain points', async () => {
    const monitor = await Client.official(app, 'giamsat');
    const trend = (await monitor.request('GET', `/api/v1/scorecard/trend?unit=000.00.00.H37&to=${to}&months=6`)).json();
    expect(trend.points).toHaveLength(6);
    expect(trend.points.at(-1).month).toBe(to.slice(0, 7));
    expect(trend.points.every((p: { groups: unknown[] }) => p.groups.length === 6)).toBe(true);
    // The current year: the dossiers of its past months give fixes, its open ones a trajectory.
    const res = await monitor.request('GET', `/api/v1/scorecard/forecast?unit=000.00.00.H37&period=${to.slice(0, 4)}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.from).toBe(`${to.slice(0, 4)}-01-01`);
    expect(f.projected.total).toBeGreaterThanOrEqual(0);
    expect(f.open.onTrack + f.open.offTrack).toBeGreaterThanOrEqual(0);
    expect(f.fixes.length).toBeGreaterThan(0); // the seeded results are on paper: e-results gain points
    for (const fix of f.fixes) {
      expect(fix.gain).toBeGreaterThan(0);
      expect(fix.text).toMatch(/: \+\d+(,\d+)? điểm$/);
    }
  });

  it('drills down from 2.1 to the late dossiers with the step that made them late, and exports the list', async () => {
    const monitor = await Client.official(app, 'giamsat');
    const card = (await monitor.request('GET', `/api/v1/scorecard?unit=000.00.00.H37&from=${from}&to=${to}`)).json();
    const i21 = card.groups[1].indicators[0];
    const res = await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=000.00.00.H37&from=${from}&to=${to}&indicator=2.1&limit=1000`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    // Every dossier that costs 2.1 is listed: as many as the denominator exceeds the numerator.
    expect(d.dossiers).toHaveLength(i21.denominator - i21.numerator);
    expect(d.more).toBe(false);
    // A dossier late by working hours names the step that overran most.
    const late = d.dossiers.find((x: { kinds: string[]; reason: string }) => x.kinds.includes('endedLate') && !x.reason.includes('ngoài giờ'));
    expect(late.reason).toMatch(/Kết thúc xử lý sau ngày hẹn trả: kết thúc lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}, sau hạn/);
    expect(late.reason).toMatch(/bước \d+ «.+», .+: định mức \d+ giờ.* làm việc, đã dùng .+, vượt .+ làm việc/);
    // The steps charged are the ones that overran, most first, in working hours; the list has a count and is most late first.
    type Row = {
      code: string;
      verdict: string | null;
      lateHours: number;
      unitCode: string;
      charged: { overrunHours: number; budgetHours: number; usedHours: number }[];
    };
    const rows = d.dossiers as Row[];
    expect(d.total).toBe(rows.length);
    expect(d.sort).toBe('lateness');
    const chargedRow = rows.find((x) => x.charged.some((c) => c.overrunHours > 0))!;
    expect(chargedRow.charged[0]!.overrunHours).toBe(Math.max(...chargedRow.charged.map((c) => c.overrunHours)));
    for (const c of chargedRow.charged.filter((c) => c.overrunHours > 0)) expect(c.overrunHours).toBeCloseTo(c.usedHours - c.budgetHours, 1);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.lateHours).toBeGreaterThanOrEqual(rows[i]!.lateHours);
    expect(rows.every((x) => ['late', 'lateWithApology', 'overdue', 'early', 'onTime', 'notDue'].includes(x.verdict!))).toBe(true);
    const page = (await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=000.00.00.H37&from=${from}&to=${to}&indicator=2.1&limit=5&offset=5`)).json();
    expect(page.dossiers.map((x: { code: string }) => x.code)).toEqual(d.dossiers.slice(5, 10).map((x: { code: string }) => x.code));
    expect(page.total).toBe(d.total);
    // Filters: by verdict (the one judgement), by unit within the scope; other orders.
    const lateOnly = (
      await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=000.00.00.H37&from=${from}&to=${to}&indicator=2.1&limit=1000&verdict=late`)
    ).json();
    expect(lateOnly.total).toBe(rows.filter((x) => x.verdict === 'late').length);
    expect(lateOnly.total).toBeGreaterThan(0);
    const someUnit = rows[0]!.unitCode;
    const ofUnit = (
      await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=000.00.00.H37&from=${from}&to=${to}&indicator=2.1&limit=1000&within=${someUnit}`)
    ).json();
    expect(ofUnit.dossiers.every((x: Row) => x.unitCode === someUnit)).toBe(true);
    expect(ofUnit.total).toBe(rows.filter((x) => x.unitCode === someUnit).length);
    const byCode = (
      await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=000.00.00.H37&from=${from}&to=${to}&indicator=2.1&limit=1000&sort=code`)
    ).json();
    expect(byCode.dossiers.map((x: Row) => x.code)).toEqual(rows.map((x) => x.code).sort((a, b) => a.localeCompare(b)));
    expect(
      (await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=000.00.31.H37&from=${from}&to=${to}&indicator=2.1&within=000.00.00.H37`)).statusCode,
    ).toBe(400);
    const xlsx = await app.app.inject({
      method: 'GET',
      url: `/api/v1/scorecard/drilldown?unit=000.00.00.H37&from=${from}&to=${to}&indicator=2.1&limit=1000`,
      headers: { cookie: monitor.cookie, accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const codes: string[] = [];
    const rowOf = new Map<string, number>();
    workbook.worksheets[0]!.eachRow((row, n) => {
      codes.push(String(row.getCell(1).value));
      rowOf.set(String(row.getCell(1).value), n);
    });
    expect(codes).toContain(late.code);
    // Hours are numbers in the workbook, in the list's order (most late first).
    const sheet = workbook.worksheets[0]!;
    const first = sheet.getRow(rowOf.get(rows[0]!.code)!);
    expect(first.getCell(8).value).toBe(rows[0]!.lateHours);
    expect(typeof first.getCell(8).value).toBe('number');
    const chargedLine = sheet.getRow(rowOf.get(chargedRow.code)!);
    expect(chargedLine.getCell(14).value).toBe(chargedRow.charged[0]!.overrunHours);
    // A procedure-count indicator drills down to procedures.
    const procedures = (await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=000.00.00.H37&from=${from}&to=${to}&indicator=3.5b`)).json();
    expect(procedures.dossiers).toEqual([]);
    expect(procedures.procedures.length).toBeGreaterThan(0);
    expect((await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=000.00.00.H37&from=${from}&to=${to}&indicator=9.9`)).statusCode).toBe(400);
  });

  it('2.2: the average settlement time of each procedure, over the dossiers started in the period, in the procedure unit', async () => {
    const monitor = await Client.official(app, 'giamsat');
    const res = await monitor.request('GET', `/api/v1/scorecard/settlement-times?unit=000.00.00.H37&from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { rows: { procedureCode: string; settled: number; timeUnit: string; average: number; timeLimit: number | null }[] };
    expect(report.rows.length).toBeGreaterThan(0);
    // Worked out again from the dossiers themselves, not from the rollups.
    const dossiers = await app.ctx.deps.db
      .selectFrom('dossiers')
      .select(['procedure_code', 'status', 'accepted_at', 'header', 'state', 'settlement_working_minutes', 'settlement_minutes'])
      .execute();
    const timed = dossiers.filter(
      (d) =>
        (d.status === 'resultReady' || d.status === 'returned') &&
        d.accepted_at !== null &&
        vietnamDate(d.accepted_at) >= from &&
        vietnamDate(d.accepted_at) <= to,
    );
    for (const d of dossiers) {
      const rules = app.ctx.deps.calendars.rulesFor((d.header as DossierHeader).receivingUnitCode);
      const time = settlementTime(d.state as DossierState, rules);
      expect([d.settlement_working_minutes, d.settlement_minutes]).toEqual(time ? [time.workingMinutes, time.minutes] : [null, null]);
    }
    // Minutes summed exactly (integers), then divided once and rounded to 2 decimals as the report states.
    const perUnit: Record<string, [(d: (typeof timed)[number]) => number, number]> = {
      working_days: [(d) => d.settlement_working_minutes!, 480],
      working_hours: [(d) => d.settlement_working_minutes!, 60],
      calendar_days: [(d) => d.settlement_minutes!, 1440],
      months: [(d) => d.settlement_minutes!, 43200],
    };
    for (const row of report.rows) {
      const mine = timed.filter((d) => d.procedure_code === row.procedureCode);
      expect(row.settled, row.procedureCode).toBe(mine.length);
      const [minutesOf, perUnitMinutes] = perUnit[row.timeUnit]!;
      const average = mine.reduce((s, d) => s + minutesOf(d), 0) / perUnitMinutes / mine.length;
      expect(row.average, row.procedureCode).toBe(Math.round(average * 100) / 100);
    }
    expect(report.rows.reduce((s, r) => s + r.settled, 0)).toBe(timed.length);
    expect((await new Client(app).request('GET', `/api/v1/scorecard/settlement-times?unit=000.00.00.H37&from=${from}&to=${to}`)).statusCode).toBe(401);
  });

  /** A dossier still in processing that waited two hours for a supplement, acted on through the API. */
  async function openAfterSupplement(): Promise<string> {
    const desk = await Client.official(app, 'motcua.tamthanh');
    const specialist = await Client.official(app, 'chuyenvien.tamthanh');
    const realClock = app.ctx.deps.clock;
    let now = new Date(Date.now() - 3 * 86_400_000);
    app.ctx.deps.clock = () => now;
    try {
      const created = await desk.request('POST', '/api/v1/dossiers', {
        procedureCode: '1.001193',
        channel: 'counter',
        applicant: { fullName: 'Lò Văn Thử', personalId: null, address: null, phone: null, email: null },
        components: receivedComponents('1.001193'),
        accept: true,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      let seq = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json().seq as number;
      const act = async (client: Client, body: Record<string, unknown>) => {
        const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, { ...body, expectedSeq: seq });
        expect(res.statusCode, res.body).toBe(200);
        seq = res.json().seq;
      };
      await act(desk, { type: 'transfer', toStep: 1, note: null });
      await act(specialist, { type: 'claim' });
      await act(specialist, { type: 'requestSupplement', reason: 'Thiếu giấy tờ', items: ['Bản sao'] });
      now = new Date(now.getTime() + 2 * 3_600_000);
      await act(desk, { type: 'receiveSupplement' });
      return id;
    } finally {
      app.ctx.deps.clock = realClock;
    }
  }

  it('computes the settlement times of dossiers finished before they were kept, refolding their waits, and the figures follow', async () => {
    const monitor = await Client.official(app, 'giamsat');
    const url = `/api/v1/scorecard/settlement-times?unit=000.00.00.H37&from=${from}&to=${to}`;
    const before = (await monitor.request('GET', url)).json();
    const db = app.ctx.deps.db;
    // Finished dossiers, those that waited for a supplement first, and one still open after a supplement.
    const finished = await db
      .selectFrom('dossiers')
      .select(['id', 'state', 'settlement_working_minutes', 'settlement_minutes'])
      .where('settlement_minutes', 'is not', null)
      .orderBy(sql`(state ->> 'pausedCalendarMinutes')::int`, 'desc')
      .limit(40)
      .execute();
    expect((finished[0]!.state as DossierState).pausedCalendarMinutes).toBeGreaterThan(0);
    const open = await db
      .selectFrom('dossiers')
      .select(['id', 'state'])
      .where('id', '=', await openAfterSupplement())
      .executeTakeFirstOrThrow();
    const ids = [...finished.map((r) => r.id), open.id];
    // As a database migrated from before: no times, no calendar waits in the states, the dossiers listed for the backfill.
    await db
      .updateTable('dossiers')
      .set({ settlement_working_minutes: null, settlement_minutes: null, state: sql`state - 'pausedCalendarMinutes'` as never })
      .where('id', 'in', ids)
      .execute();
    await db
      .insertInto('stat_queue')
      .values(ids.map((dossier_id) => ({ dossier_id })))
      .execute();
    await drainStatQueue(app.ctx.deps);
    const without = (await monitor.request('GET', url)).json();
    expect(without.rows.reduce((s: number, r: { settled: number }) => s + r.settled, 0)).toBe(
      before.rows.reduce((s: number, r: { settled: number }) => s + r.settled, 0) - 40,
    );
    await db
      .insertInto('settlement_time_backfill')
      .values(ids.map((dossier_id) => ({ dossier_id })))
      .execute();
    const progress: number[] = [];
    expect(await backfillSettlementTimes(app.ctx.deps, { batch: 15, onProgress: (n) => progress.push(n) })).toBe(41);
    expect(progress).toEqual([15, 30, 41]);
    expect(await db.selectFrom('settlement_time_backfill').selectAll().execute()).toEqual([]);
    const after = await db.selectFrom('dossiers').select(['id', 'state', 'settlement_working_minutes', 'settlement_minutes']).where('id', 'in', ids).execute();
    const byId = new Map(after.map((r) => [r.id, r]));
    for (const r of finished) expect(byId.get(r.id)).toEqual(r); // the same state and times as when kept from the start
    expect((open.state as DossierState).pausedCalendarMinutes).toBeGreaterThan(0);
    expect(byId.get(open.id)!.state).toEqual(open.state);
    await drainStatQueue(app.ctx.deps);
    expect((await monitor.request('GET', url)).json()).toEqual(before);
  });

  it('adds a formula version as data: checked, audited, used for periods from its date; never by a leader', async () => {
    const admin = await Client.official(app, 'admin');
    const { versions } = (await admin.request('GET', '/api/v1/scorecard/formulas')).json();
    expect(versions[0].id).toBe('766-2026.10');
    const next = structuredClone(versions[0]);
    next.id = '766-2030.01';
    next.effectiveFrom = '2030-01-01';
    next.groups[1].indicators[0].maxPoints = 25;
    const bad = await admin.request('POST', '/api/v1/scorecard/formulas', next);
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().error.details)).toContain('tổng điểm');
    next.groups[1].indicators[0].maxPoints = 20;
    next.groups[1].indicators[0].target = 90;
    const leader = await Client.official(app, 'lanhdao.tamthanh');
    expect((await leader.request('POST', '/api/v1/scorecard/formulas', next)).statusCode).toBe(403);
    expect((await admin.request('POST', '/api/v1/scorecard/formulas', next)).statusCode).toBe(201);
    expect((await admin.request('POST', '/api/v1/scorecard/formulas', next)).statusCode).toBe(422); // same id and date
    const later = (await admin.request('GET', '/api/v1/scorecard?unit=000.00.00.H37&from=2030-01-01&to=2030-01-31')).json();
    expect(later.formulaVersion).toBe('766-2030.01');
    expect(later.groups[1].indicators[0].target).toBe(90);
    expect((await admin.request('GET', `/api/v1/scorecard?unit=000.00.00.H37&from=${from}&to=${to}`)).json().formulaVersion).toBe('766-2026.10');
    const audit = await app.database.db.selectFrom('audit_log').select('action').where('action', '=', 'scorecard.formula_added').execute();
    expect(audit).toHaveLength(1);
  });

  it('reports by named period with a cut-off day, and prints the report as a PDF', async () => {
    const monitor = await Client.official(app, 'giamsat');
    const month = to.slice(0, 7);
    const calendar = (await monitor.request('GET', `/api/v1/reports/settlement?unit=000.00.00.H37&period=${month}`)).json();
    expect(calendar.from).toBe(`${month}-01`);
    const cut = (await monitor.request('GET', `/api/v1/reports/settlement?unit=000.00.00.H37&period=${month}&cutoffDay=15`)).json();
    expect(cut.to).toBe(`${month}-14`);
    expect((await monitor.request('GET', `/api/v1/reports/settlement?unit=000.00.00.H37&period=2026-13`)).statusCode).toBe(400);
    expect((await monitor.request('GET', `/api/v1/reports/settlement?unit=000.00.00.H37`)).statusCode).toBe(400);
    const pdf = await app.app.inject({
      method: 'GET',
      url: `/api/v1/reports/settlement?unit=000.00.00.H37&from=${from}&to=${to}`,
      headers: { cookie: monitor.cookie, accept: 'application/pdf' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The header cites the basis in force at the period's end (REFERENCE §2.1), read back with poppler.
    const pdfText = (data: Buffer) => {
      const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
      try {
        writeFileSync(join(dir, 'r.pdf'), data);
        return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
          .normalize('NFC')
          .replace(/\s+/g, ' ');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const current = pdfText(pdf.rawPayload);
    expect(current).toContain('Biểu tổng hợp theo Nghị định số 118/2025/NĐ-CP và Thông tư số 03/2025/TT-VPCP');
    expect(current).not.toContain('61/2018');
    const old = await app.app.inject({
      method: 'GET',
      url: '/api/v1/reports/settlement?unit=000.00.00.H37&from=2025-06-01&to=2025-06-30',
      headers: { cookie: monitor.cookie, accept: 'application/pdf' },
    });
    expect(old.statusCode, old.body).toBe(200);
    expect(pdfText(old.rawPayload)).toContain('Biểu tổng hợp theo Nghị định số 61/2018/NĐ-CP và Thông tư số 01/2018/TT-VPCP');
  });

  it("tells the pages the province's cut-off day, and cuts named periods at it unless asked otherwise", async () => {
    const monitor = await Client.official(app, 'giamsat');
    expect((await monitor.request('GET', '/api/v1/scorecard/settings')).json()).toEqual({ reportCutoffDay: 1, minSample: 30 });
    expect((await new Client(app).request('GET', '/api/v1/scorecard/settings')).statusCode).toBe(401);

    const fifteenth = await startTestApp('pglite', { env: { REPORT_CUTOFF_DAY: '15', SCORECARD_MIN_SAMPLE: '5' } });
    try {
      const other = await Client.official(fifteenth, 'giamsat');
      expect((await other.request('GET', '/api/v1/scorecard/settings')).json()).toEqual({ reportCutoffDay: 15, minSample: 5 });
      const byDefault = (await other.request('GET', '/api/v1/scorecard?unit=000.00.00.H37&period=2026-11')).json();
      expect(byDefault).toMatchObject({ from: '2026-10-15', to: '2026-11-14' });
      const calendar = (await other.request('GET', '/api/v1/scorecard?unit=000.00.00.H37&period=2026-11&cutoffDay=1')).json();
      expect(calendar).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    } finally {
      await fifteenth.stop();
    }
  });
});
