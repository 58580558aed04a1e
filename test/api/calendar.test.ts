import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';

describe('public calendar routes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app.stop());
  const get = (url: string) => app.app.inject({ method: 'GET', url });

  it('lists the days off of a year with their kind', async () => {
    const res = await get('/api/v1/calendar/holidays?year=2026');
    expect(res.statusCode).toBe(200);
    const { year, days } = res.json() as { year: number; days: { date: string; name: string; kind: string }[] };
    expect(year).toBe(2026);
    expect(days).toContainEqual({ date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday' });
    expect(days).toContainEqual({ date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'substitute' });
  });

  it('ships the published 2025 and 2026 schedules, with their swaps and make-up Saturdays', async () => {
    const body2026 = (await get('/api/v1/calendar/holidays?year=2026')).json() as { source: string; scope: string; days: { date: string; kind: string }[] };
    expect(body2026.scope).toBe('national');
    expect(body2026.source).toContain('12729/VPCP-KGVX');
    expect(body2026.days.filter((d) => d.kind === 'makeUpWorkingDay').map((d) => d.date)).toEqual(['2026-01-10']);
    const body2025 = (await get('/api/v1/calendar/holidays?year=2025')).json() as { days: { date: string; kind: string }[] };
    expect(body2025.days.find((d) => d.kind === 'makeUpWorkingDay')?.date).toBe('2025-04-26');
    // Tết Ất Tỵ: five weekdays 27–31/1/2025 off, no substitute Monday (the defaults would give 3/2).
    expect(body2025.days.map((d) => d.date)).not.toContain('2025-02-03');
    const due = async (from: string) => (await get(`/api/v1/calendar/due?from=${encodeURIComponent(from)}&amount=1&unit=working_days`)).json().dueAt as string;
    // New Year 2026: Thursday 1/1 and the swapped Friday 2/1 off, so Wednesday 31/12/2025 + 1 day → Monday 5/1.
    expect(await due('2025-12-31T09:00:00+07:00')).toBe('2026-01-05T09:00:00+07:00');
    // Saturday 10/1/2026 is worked.
    expect(await due('2026-01-09T09:00:00+07:00')).toBe('2026-01-10T09:00:00+07:00');
    // Tết Bính Ngọ: Friday 13/2 + 1 working day → Monday 23/2.
    expect(await due('2026-02-13T09:00:00+07:00')).toBe('2026-02-23T09:00:00+07:00');
  });

  it('computes a due date with its explanation, in Vietnam time', async () => {
    const res = await get(`/api/v1/calendar/due?from=${encodeURIComponent('2026-11-23T09:00:00+07:00')}&amount=1&unit=working_days`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { dueAt: string; explanation: { kind: string; text: string }[] };
    expect(body.dueAt).toBe('2026-11-24T09:00:00+07:00');
    expect(body.explanation.at(-1)?.text).toBe('Hẹn trả kết quả lúc 09:00 ngày 24/11/2026 (thứ Ba)');
    // The same instant written in UTC gives the same answer.
    const utc = await get('/api/v1/calendar/due?from=2026-11-23T02:00:00Z&amount=1&unit=working_days');
    expect(utc.json().dueAt).toBe('2026-11-24T09:00:00+07:00');
  });

  it('refuses bad parameters with 400', async () => {
    for (const url of [
      '/api/v1/calendar/holidays',
      '/api/v1/calendar/holidays?year=20x6',
      '/api/v1/calendar/holidays?year=1800',
      '/api/v1/calendar/due?from=hom-nay&amount=1&unit=working_days',
      '/api/v1/calendar/due?from=2026-11-23T09:00:00%2B07:00&amount=-1&unit=working_days',
      '/api/v1/calendar/due?from=2026-11-23T09:00:00%2B07:00&amount=1&unit=weeks',
      '/api/v1/calendar/due?from=2095-11-23T09:00:00%2B07:00&amount=1&unit=months',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION_FAILED');
    }
  });
});

describe.each(ENGINES)('published yearly schedules on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  // A schedule with a swap: Friday 27/11/2026 off, Saturday 28/11/2026 worked instead.
  const schedule = {
    source: 'Thông báo (thử nghiệm) về lịch nghỉ năm 2026',
    days: [
      { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      { date: '2026-11-27', name: 'Nghỉ hoán đổi', kind: 'holiday' },
      { date: '2026-11-28', name: 'Làm bù cho ngày 27/11', kind: 'makeUpWorkingDay' },
    ],
  };

  it('only an administrator may publish, with the CSRF token', async () => {
    const specialist = await Client.official(app, 'chuyenvien.tuphap');
    expect((await specialist.request('PUT', '/api/v1/calendar/years/2026', schedule)).statusCode).toBe(403);
    const admin = await Client.official(app, 'admin');
    const noCsrf = await app.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2026',
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify(schedule),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(
      (
        await app.app.inject({
          method: 'PUT',
          url: '/api/v1/calendar/years/2026',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(schedule),
        })
      ).statusCode,
    ).toBe(401);
  });

  it('refuses impossible dates, dates of another year and repeated dates', async () => {
    const admin = await Client.official(app, 'admin');
    for (const date of ['2026-02-30', '2025-12-31']) {
      const res = await admin.request('PUT', '/api/v1/calendar/years/2026', { source: 'x', days: [{ date, name: 'x', kind: 'holiday' }] });
      expect(res.statusCode, date).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const twice = await admin.request('PUT', '/api/v1/calendar/years/2026', { source: 'x', days: [schedule.days[1], schedule.days[1]] });
    expect(twice.statusCode).toBe(400);
  });

  it('a published year replaces the defaults for day lists and due dates, and is audited; removing it restores them', async () => {
    const admin = await Client.official(app, 'admin');
    const before = await app.app.inject({ method: 'GET', url: '/api/v1/calendar/due?from=2026-11-26T09:00:00%2B07:00&amount=1&unit=working_days' });
    expect(before.json().dueAt).toBe('2026-11-27T09:00:00+07:00');

    const put = await admin.request('PUT', '/api/v1/calendar/years/2026', schedule);
    expect(put.statusCode).toBe(200);
    const change = put.json() as { year: number; scope: string; days: number; changedDates: { date: string; working: boolean }[] };
    expect(change).toMatchObject({ year: 2026, scope: 'national', days: 3 });
    expect(change.changedDates).toContainEqual({ date: '2026-11-27', working: false });
    expect(change.changedDates).toContainEqual({ date: '2026-11-28', working: true });
    expect(change.changedDates).toContainEqual({ date: '2026-02-17', working: true }); // Tết is not in this test schedule
    expect(change.changedDates).not.toContainEqual(expect.objectContaining({ date: '2026-01-01' }));
    const recorded = await app.database.db
      .selectFrom('calendar_changes')
      .select(['scope', 'year', 'changed_dates'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(recorded).toEqual({ scope: 'national', year: 2026, changed_dates: change.changedDates.map((c) => c.date) });
    const list = (await app.app.inject({ method: 'GET', url: '/api/v1/calendar/holidays?year=2026' })).json();
    expect(list.source).toBe(schedule.source);
    expect(list.days).toHaveLength(3);
    const after = await app.app.inject({ method: 'GET', url: '/api/v1/calendar/due?from=2026-11-26T09:00:00%2B07:00&amount=1&unit=working_days' });
    expect(after.json().dueAt).toBe('2026-11-28T09:00:00+07:00');
    const audit = await app.database.db.selectFrom('audit_log').select(['action', 'target_id']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'calendar.set_year', target_id: '2026' });

    expect((await admin.request('DELETE', '/api/v1/calendar/years/2026')).statusCode).toBe(200);
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/calendar/holidays?year=2026' })).json().source).toBe('default');
  });
});

describe('publishing a schedule from iCalendar', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//motcua//test//VI',
    'BEGIN:VEVENT',
    'UID:tet-2026',
    'DTSTART;VALUE=DATE:20260216',
    'DTEND;VALUE=DATE:20260221',
    'SUMMARY:Tết Nguyên đán Bính Ngọ',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:swap-2026',
    'DTSTART;VALUE=DATE:20261128',
    'SUMMARY:Làm bù cho ngày 27/11',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:off-2026',
    'DTSTART;VALUE=DATE:20261127',
    'SUMMARY:Nghỉ hoán đổi',
    'X-MOTCUA-KIND:holiday',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

  it('stores every day of every event with its kind', async () => {
    const admin = await Client.official(app, 'admin');
    const res = await app.app.inject({
      method: 'PUT',
      url: `/api/v1/calendar/years/2026/ical?source=${encodeURIComponent('Thông báo thử nghiệm')}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/calendar; charset=utf-8' },
      payload: ics,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2026, scope: 'national', days: 7 });
    const list = (await app.app.inject({ method: 'GET', url: '/api/v1/calendar/holidays?year=2026' })).json() as { days: { date: string; kind: string }[] };
    expect(list.days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-11-27',
    ]);
    expect(list.days.find((d) => d.kind === 'makeUpWorkingDay')?.date).toBe('2026-11-28');
  });

  it('refuses a file that is not iCalendar', async () => {
    const admin = await Client.official(app, 'admin');
    const res = await app.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2026/ical?source=x',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/calendar' },
      payload: 'đây không phải lịch',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe.each(ENGINES)('province schedules and office hours on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());
  const PROVINCE = '000.00.00.H37';
  const COMMUNE = '000.00.35.H37';
  const COMMUNE_DESK = '000.01.35.H37';
  const get = (url: string) => app.app.inject({ method: 'GET', url });
  const dueAt = async (from: string, unitCode?: string) =>
    (await get(`/api/v1/calendar/due?from=${encodeURIComponent(from)}&amount=1&unit=working_days${unitCode ? `&unitCode=${unitCode}` : ''}`)).json();

  it('a province’s own schedule applies to its units and nowhere else, and can be removed', async () => {
    const admin = await Client.official(app, 'admin');
    const own = {
      source: 'Quyết định của UBND tỉnh (thử nghiệm): nghỉ ngày 27/11/2026',
      days: [{ date: '2026-11-27', name: 'Ngày nghỉ riêng của tỉnh', kind: 'holiday' }],
    };
    const put = await admin.request('PUT', `/api/v1/calendar/years/2026?province=${PROVINCE}`, own);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ scope: PROVINCE, days: 1 });

    const local = (await get(`/api/v1/calendar/holidays?year=2026&unitCode=${COMMUNE}`)).json();
    expect(local).toMatchObject({ scope: PROVINCE, source: own.source, ownDays: own.days });
    expect(local.days.length).toBeGreaterThan(10); // the national days are still there
    expect((await get('/api/v1/calendar/holidays?year=2026')).json().scope).toBe('national');
    // Thursday 26/11 09:00 + 1 day: Friday 27/11 in general, Monday 30/11 at a unit of the province.
    expect((await dueAt('2026-11-26T09:00:00+07:00')).dueAt).toBe('2026-11-27T09:00:00+07:00');
    expect((await dueAt('2026-11-26T09:00:00+07:00', COMMUNE)).dueAt).toBe('2026-11-30T09:00:00+07:00');
    // Other years still follow the national schedule.
    expect((await get(`/api/v1/calendar/holidays?year=2025&unitCode=${COMMUNE}`)).json().scope).toBe('national');

    const audit = await app.database.db.selectFrom('audit_log').select(['action', 'target_id']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'calendar.set_year', target_id: `${PROVINCE}/2026` });

    const reset = await admin.request('DELETE', `/api/v1/calendar/years/2026?province=${PROVINCE}`);
    expect(reset.json().changedDates).toEqual([{ date: '2026-11-27', working: true }]);
    expect((await dueAt('2026-11-26T09:00:00+07:00', COMMUNE)).dueAt).toBe('2026-11-27T09:00:00+07:00');
  });

  it('refuses a province schedule for a unit that is not a province, or unknown', async () => {
    const admin = await Client.official(app, 'admin');
    const body = { source: 'x', days: [] };
    expect((await admin.request('PUT', `/api/v1/calendar/years/2026?province=${COMMUNE}`, body)).json().error.code).toBe('VALIDATION_FAILED');
    expect((await admin.request('PUT', '/api/v1/calendar/years/2026?province=999.99.99.X00', body)).statusCode).toBe(404);
    expect((await get('/api/v1/calendar/holidays?year=2026&unitCode=999.99.99.X00')).statusCode).toBe(404);
  });

  it('office hours: default, set on a commune and inherited by its desk, used for due dates, then removed', async () => {
    const initial = (await get(`/api/v1/units/${COMMUNE_DESK}/office-hours`)).json();
    expect(initial).toEqual({
      unitCode: COMMUNE_DESK,
      intervals: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      cutoff: '15:00',
      inheritedFrom: null,
    });
    const admin = await Client.official(app, 'admin');
    const hours = {
      intervals: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
      cutoff: '16:00',
    };
    const put = await admin.request('PUT', `/api/v1/units/${COMMUNE}/office-hours`, hours);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ unitCode: COMMUNE, ...hours, inheritedFrom: COMMUNE });
    expect((await get(`/api/v1/units/${COMMUNE_DESK}/office-hours`)).json()).toEqual({ unitCode: COMMUNE_DESK, ...hours, inheritedFrom: COMMUNE });

    // Accepted Monday 15:30 at the commune's desk: before its 16:00 cut-off, so counting starts at once:
    // 1.5 h on Monday + 6.5 h on Tuesday → Tuesday 15:30. With the default hours it would start Tuesday 07:00.
    const local = await dueAt('2026-11-23T15:30:00+07:00', COMMUNE_DESK);
    expect(local.dueAt).toBe('2026-11-24T15:30:00+07:00');
    expect(local.officeHours).toMatchObject({ unitCode: COMMUNE_DESK, cutoff: '16:00', inheritedFrom: COMMUNE });
    expect((await dueAt('2026-11-23T15:30:00+07:00')).dueAt).toBe('2026-11-24T17:00:00+07:00');

    const audit = await app.database.db.selectFrom('audit_log').select(['action', 'target_id']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'office_hours.set', target_id: COMMUNE });

    expect((await admin.request('DELETE', `/api/v1/units/${COMMUNE}/office-hours`)).json().inheritedFrom).toBeNull();
    expect((await dueAt('2026-11-23T15:30:00+07:00', COMMUNE_DESK)).dueAt).toBe('2026-11-24T17:00:00+07:00');
  });

  it('refuses bad office hours with Vietnamese messages, and officials outside the unit', async () => {
    const admin = await Client.official(app, 'admin');
    const bad = await admin.request('PUT', `/api/v1/units/${COMMUNE}/office-hours`, { intervals: [{ start: '13:00', end: '11:00' }], cutoff: null });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toContainEqual({ path: 'body.intervals.0.end', message: 'Giờ kết thúc 11:00 phải sau giờ bắt đầu 13:00' });
    const specialist = await Client.official(app, 'chuyenvien.tuphap');
    const hours = { intervals: [{ start: '07:00', end: '17:00' }], cutoff: null };
    expect((await specialist.request('PUT', `/api/v1/units/${COMMUNE}/office-hours`, hours)).statusCode).toBe(403);
    expect((await admin.request('PUT', '/api/v1/units/999.99.99.X00/office-hours', hours)).statusCode).toBe(404);
    expect((await get('/api/v1/units/999.99.99.X00/office-hours')).statusCode).toBe(404);
  });
});
