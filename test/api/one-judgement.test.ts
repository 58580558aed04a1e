/**
 * One on-time judgement everywhere (issue 14): the settlement report and indicator 2.1 of the scorecard give,
 * for every unit and several periods (past, current, reaching into the future), the counts that
 * `judge(dossier, asOf)` gives each dossier, with asOf the earlier of now and the period's end. An open dossier
 * not yet due is never late, however far the period reaches. The report's online payment of fee-bearing
 * dossiers (issue 18) is indicator 3.6 of the same unit and period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { seedDossiers } from '../../src/application/seed/seed-dossiers.js';
import { drainStatQueue } from '../../src/application/scorecard/statistics.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import { toDate, toLocal } from '../../src/application/dossier/dossier-store.js';
import { judge, type Judgement, type TimelinessFacts } from '../../src/domain/dossier/timeliness.js';
import { isoFromJdn, jdnFromIso } from '../../src/domain/calendar/civil-date.js';
import type { DossierStatus } from '../../src/domain/dossier/dossier.js';

const PROVINCE = '000.00.00.H37';
interface Row {
  id: string;
  unit: string;
  facts: TimelinessFacts;
}

describe.each(ENGINES)('one on-time judgement on %s', (engine) => {
  let app: TestApp;
  let monitor: Client;
  let leader: Client;
  let rows: Row[] = [];

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    // A fixed "now" (a Wednesday morning): the seeded histories, and so the verdicts, are the same every run.
    // (Logins first: a session is dated by the real clock.)
    monitor = await Client.official(app, 'giamsat');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    const desk = await Client.official(app, 'motcua.tamthanh');
    const now = new Date('2026-12-04T15:00:00+07:00');
    app.ctx.deps.clock = () => now;
    await seedDossiers(app.ctx.deps, { count: 300, seed: 14, now });
    // Open dossiers received at the ward's centre over the last weeks (the seed's most recent ones may all be
    // finished): some are overdue by now, some not yet due, one is due later in the day.
    const version = app.ctx.deps.catalogue.inForce('1.001193', vietnamDate(now))!;
    const components = version.record.components.map((c) => ({ code: c.code, name: c.name, form: c.form, copies: Math.max(1, c.quantity) }));
    for (const hoursAgo of [1, 5, 26, 50, 120, 300, 600, 900]) {
      const at = new Date(now.getTime() - hoursAgo * 3_600_000);
      app.ctx.deps.clock = () => at;
      const created = await desk.request('POST', '/api/v1/dossiers', {
        procedureCode: '1.001193',
        channel: 'counter',
        applicant: { fullName: 'Lò Văn Thử', personalId: null, address: null, phone: null, email: null },
        components,
        accept: true,
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    app.ctx.deps.clock = () => now;
    await drainStatQueue(app.ctx.deps);
    const local = (d: Date | null) => (d === null ? null : toLocal(d));
    rows = (
      await app.ctx.deps.db
        .selectFrom('dossiers')
        .select(['id', 'unit_code', 'status', 'accepted_at', 'finished_at', 'due_at', 'extensions', 'repeated_supplement', 'paused_since'])
        .where('accepted_at', 'is not', null)
        .execute()
    ).map((r) => ({
      id: r.id,
      unit: r.unit_code,
      facts: {
        status: r.status as DossierStatus,
        acceptedAt: local(r.accepted_at),
        finishedAt: local(r.finished_at),
        dueAt: local(r.due_at),
        extensions: r.extensions,
        repeatedSupplement: r.repeated_supplement,
        pausedSince: local(r.paused_since),
      },
    }));
  }, 240_000);
  afterAll(() => app.stop());

  /** What the judgement says of the dossiers of a unit subtree for a period [from, to] judged at `nowLocal`. */
  function expected(unit: string, from: string, to: string, nowLocal: number) {
    const tree = app.ctx.deps.units.tree();
    const fromDay = jdnFromIso(from);
    const toDay = jdnFromIso(to) + 1;
    const asOf = Math.min(nowLocal + 1, toDay * 1440); // asOfPeriod: the end of the current minute, or the period's end
    const judged = rows
      .filter((r) => tree.isWithin(r.unit, unit))
      .map((r) => ({ f: r.facts, j: judge(r.facts, asOf) }))
      .filter((x): x is { f: TimelinessFacts; j: Judgement } => x.j !== null && (!x.j.ended || x.f.finishedAt! >= fromDay * 1440));
    const endedIn = judged.filter((x) => x.j.ended && !x.j.withdrawn);
    const open = judged.filter((x) => !x.j.ended);
    return {
      row: {
        settledEarly: endedIn.filter((x) => x.j.verdict === 'early').length,
        settledOnTime: endedIn.filter((x) => x.j.verdict === 'onTime').length,
        settledLateWithApology: endedIn.filter((x) => x.j.verdict === 'lateWithApology').length,
        settledLateWithoutApology: endedIn.filter((x) => x.j.verdict === 'late').length,
        inProgress: open.length,
        inProgressNotDue: open.filter((x) => !x.j.late).length,
        inProgressOverdue: open.filter((x) => x.j.late).length,
      },
      i21: { numerator: judged.filter((x) => !x.j.late).length, denominator: judged.length },
    };
  }

  type Card = { groups: { indicators: { id: string; numerator: number; denominator: number }[] }[] };
  const indicatorOf = (card: Card, id: string) => {
    const i = card.groups.flatMap((g) => g.indicators).find((x) => x.id === id)!;
    return { numerator: i.numerator, denominator: i.denominator };
  };
  const i21Of = (card: Card) => indicatorOf(card, '2.1');

  async function checkAll(nowLocal: number) {
    const today = vietnamDate(app.ctx.deps.clock());
    const year = today.slice(0, 4);
    const todayJd = jdnFromIso(today);
    const periods: [string, string][] = [
      [`${year}-01-01`, `${year}-12-31`], // the default view: this year, ending in the future
      [`${today.slice(0, 8)}01`, isoFromJdn(todayJd + 40)], // this month and beyond
      [today, today], // today only
      [isoFromJdn(todayJd - 120), isoFromJdn(todayJd - 31)], // a period that has ended
      [`${Number(year) - 1}-06-01`, isoFromJdn(todayJd - 1)], // up to yesterday
    ];
    const tree = app.ctx.deps.units.tree();
    const units = [PROVINCE, ...tree.children(PROVINCE).map((u) => u.code)];
    let paidOnline = 0;
    for (const [from, to] of periods) {
      const report = (await monitor.request('GET', `/api/v1/reports/settlement?unit=${PROVINCE}&from=${from}&to=${to}&groupBy=unit`)).json();
      paidOnline += report.total.feePaidOnline;
      expect(report.total, `${from}…${to}`).toMatchObject(expected(PROVINCE, from, to, nowLocal).row);
      for (const r of report.rows as { key: string; name: string }[]) {
        if (r.key === PROVINCE) continue;
        expect(r, `${r.name} ${from}…${to}`).toMatchObject(expected(r.key, from, to, nowLocal).row);
      }
      for (const unit of units) {
        const card = await monitor.request('GET', `/api/v1/scorecard?unit=${unit}&from=${from}&to=${to}`);
        expect(card.statusCode, card.body).toBe(200);
        expect(i21Of(card.json()), `2.1 of ${unit} ${from}…${to}`).toEqual(expected(unit, from, to, nowLocal).i21);
        // The unit's row (a row with nothing to show is left out) pays online what 3.6 says, of the fee-bearing it counts.
        const line: { feeDue: number; feePaidOnline: number } | undefined =
          unit === PROVINCE ? report.total : report.rows.find((r: { key: string }) => r.key === unit);
        expect(indicatorOf(card.json(), '3.6'), `3.6 of ${unit} ${from}…${to}`).toEqual({
          numerator: line?.feePaidOnline ?? 0,
          denominator: line?.feeDue ?? 0,
        });
      }
    }
    // Not vacuous: the seeded dossiers include fees paid online.
    expect(paidOnline).toBeGreaterThan(0);
  }

  it('the report and the scorecard count what the judgement says, for every unit and period, now', async () => {
    const open = rows.filter((r) => r.facts.finishedAt === null);
    // The demo has open dossiers both due later and already overdue: the test can tell the two apart.
    const nowLocal = toLocal(app.ctx.deps.clock());
    expect(open.some((r) => r.facts.dueAt !== null && r.facts.dueAt > nowLocal && !r.facts.repeatedSupplement)).toBe(true);
    expect(open.some((r) => r.facts.dueAt !== null && r.facts.dueAt < nowLocal)).toBe(true);
    await checkAll(toLocal(app.ctx.deps.clock()));
  });

  it("the current month's scorecard, its forecast so far, the trend's last month and the ranking give the same figures", async () => {
    const realClock = app.ctx.deps.clock;
    const fixed = realClock();
    app.ctx.deps.clock = () => fixed;
    try {
      const today = vietnamDate(fixed);
      const month = today.slice(0, 7);
      const [y, m] = month.split('-').map(Number) as [number, number];
      const lastDay = isoFromJdn(jdnFromIso(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`) - 1);
      for (const unit of [
        PROVINCE,
        ...app.ctx.deps.units
          .tree()
          .children(PROVINCE)
          .map((u) => u.code),
      ]) {
        const card = (await monitor.request('GET', `/api/v1/scorecard?unit=${unit}&from=${month}-01&to=${lastDay}`)).json();
        const forecast = (await monitor.request('GET', `/api/v1/scorecard/forecast?unit=${unit}&from=${month}-01&to=${lastDay}`)).json();
        expect(forecast.actual.total, unit).toBe(card.total);
        expect(i21Of(forecast.actual)).toEqual(i21Of(card));
        const trend = (await monitor.request('GET', `/api/v1/scorecard/trend?unit=${unit}&to=${lastDay}&months=2`)).json();
        expect(trend.points.at(-1).total, unit).toBe(card.total);
        // Every total is the sum of its shown parts, every group the sum of its indicators.
        const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
        expect(card.total).toBe(sum(card.groups.map((g: { points: number }) => g.points)));
        for (const g of card.groups as { points: number; indicators: { points: number }[] }[]) expect(g.points).toBe(sum(g.indicators.map((i) => i.points)));
      }
      const ranking = (await monitor.request('GET', `/api/v1/scorecard/ranking?unit=${PROVINCE}&from=${month}-01&to=${lastDay}&minSample=1`)).json();
      for (const row of ranking.rows as { unitCode: string; total: number }[]) {
        const card = (await monitor.request('GET', `/api/v1/scorecard?unit=${row.unitCode}&from=${month}-01&to=${lastDay}`)).json();
        expect(row.total, row.unitCode).toBe(card.total);
      }
    } finally {
      app.ctx.deps.clock = realClock;
    }
  });

  it("each dossier's own page says what the report counts it as (the same judgement, as of the same minute)", async () => {
    const realClock = app.ctx.deps.clock;
    const fixed = realClock();
    app.ctx.deps.clock = () => fixed;
    try {
      const seen = new Set<string>();
      for (const { id, facts } of rows) {
        const res = await monitor.request('GET', `/api/v1/dossiers/${id}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json();
        const verdict = judge(facts, toLocal(fixed) + 1)?.verdict ?? null;
        expect(page.timeliness, id).toBe(facts.dueAt === null && !facts.repeatedSupplement ? null : verdict);
        if (verdict) seen.add(verdict);
      }
      // The queues say the same of the dossiers they list.
      const queue = (await leader.request('GET', '/api/v1/dossiers?queue=all&limit=200')).json() as { items: { id: string; timeliness: string | null }[] };
      expect(queue.items.length).toBeGreaterThan(0);
      for (const item of queue.items) {
        const facts = rows.find((r) => r.id === item.id)?.facts;
        if (facts)
          expect(item.timeliness, item.id).toBe(facts.dueAt === null && !facts.repeatedSupplement ? null : (judge(facts, toLocal(fixed) + 1)?.verdict ?? null));
      }
      // The demo's dossiers are early, on time, late and still running: the comparison is not vacuous.
      expect(seen.has('early') || seen.has('onTime')).toBe(true);
      expect(seen.has('late') || seen.has('lateWithApology')).toBe(true);
      expect(seen.has('notDue') || seen.has('overdue')).toBe(true);
    } finally {
      app.ctx.deps.clock = realClock;
    }
  });

  it('2.2 averages each dossier in the time unit of the version it was received under', async () => {
    const db = app.ctx.deps.db;
    const today = vietnamDate(app.ctx.deps.clock());
    const from = isoFromJdn(jdnFromIso(today) - 400);
    const url = `/api/v1/scorecard/settlement-times?unit=${PROVINCE}&from=${from}&to=${today}`;
    const before = (await monitor.request('GET', url)).json().rows as { procedureCode: string; timeUnit: string; settled: number; average: number }[];
    const first = before[0]!;
    // A unit none of this procedure's dossiers counts in yet.
    const unit = ['working_hours', 'calendar_days', 'months'].find((u) => !before.some((r) => r.procedureCode === first.procedureCode && r.timeUnit === u))!;
    // As if some of this procedure's dossiers had been received under an earlier version counted in hours.
    const older = await db
      .selectFrom('dossiers')
      .select(['id', 'header', 'settlement_working_minutes'])
      .where('procedure_code', '=', first.procedureCode)
      .where('settlement_minutes', 'is not', null)
      .limit(2)
      .execute();
    for (const r of older) {
      const header = r.header as { timeLimit: { amount: number; unit: string } };
      await db
        .updateTable('dossiers')
        .set({ header: JSON.stringify({ ...header, timeLimit: { amount: 40, unit } }) as never })
        .where('id', '=', r.id)
        .execute();
    }
    await db
      .insertInto('stat_queue')
      .values(older.map((r) => ({ dossier_id: r.id })))
      .execute();
    await drainStatQueue(app.ctx.deps);
    const after = (await monitor.request('GET', url)).json().rows as typeof before;
    const rows = after.filter((r) => r.procedureCode === first.procedureCode);
    const moved = rows.find((r) => r.timeUnit === unit)!;
    expect(moved).toBeDefined();
    expect(moved.settled).toBe(older.length);
    const rest = rows.find((r) => r.timeUnit === first.timeUnit);
    expect((rest?.settled ?? 0) + moved.settled).toBe(first.settled);
    if (unit === 'working_hours') expect(moved.average).toBeCloseTo(older.reduce((sum, r) => sum + r.settlement_working_minutes! / 60, 0) / older.length, 2);
  });

  it('an open dossier due later today is not late before its due minute, and is right after it', async () => {
    const realClock = app.ctx.deps.clock;
    const candidate = rows.find(
      (r) =>
        r.facts.finishedAt === null &&
        r.facts.pausedSince === null &&
        !r.facts.repeatedSupplement &&
        r.facts.dueAt !== null &&
        r.facts.dueAt % 1440 > 120 &&
        r.facts.dueAt % 1440 < 1380,
    )!;
    expect(candidate).toBeDefined();
    const due = candidate.facts.dueAt!;
    try {
      for (const at of [due - 60, due + 60]) {
        const instant = toDate(at)!;
        app.ctx.deps.clock = () => instant;
        expect(toLocal(instant)).toBe(at);
        const day = vietnamDate(instant);
        const month = `${day.slice(0, 8)}01`;
        const report = (
          await monitor.request('GET', `/api/v1/reports/settlement?unit=${candidate.unit}&from=${month}&to=${isoFromJdn(jdnFromIso(day) + 60)}`)
        ).json();
        const want = expected(candidate.unit, month, isoFromJdn(jdnFromIso(day) + 60), at).row;
        expect(report.total).toMatchObject(want);
        if (at < due) expect(judge(candidate.facts, at)?.verdict).toBe('notDue');
        else expect(judge(candidate.facts, at)?.verdict).toBe('overdue');
      }
    } finally {
      app.ctx.deps.clock = realClock;
    }
  });
});
