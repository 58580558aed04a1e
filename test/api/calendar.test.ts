import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

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
