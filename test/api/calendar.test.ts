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
    const noCsrf = await app.app.inject({ method: 'PUT', url: '/api/v1/calendar/years/2026', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, payload: JSON.stringify(schedule) });
    expect(noCsrf.statusCode).toBe(403);
    expect((await app.app.inject({ method: 'PUT', url: '/api/v1/calendar/years/2026', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(schedule) })).statusCode).toBe(401);
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
    expect(put.json()).toEqual({ year: 2026, days: 3 });
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
    expect(res.json()).toEqual({ year: 2026, days: 7 });
    const list = (await app.app.inject({ method: 'GET', url: '/api/v1/calendar/holidays?year=2026' })).json() as { days: { date: string; kind: string }[] };
    expect(list.days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-11-27']);
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
