import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';
import { DEMO_PROCEDURES } from '../../src/infrastructure/seed/demo-catalogue.js';

/** A lone high surrogate: valid in a JSON string, no character at all. */
const LONE = '\ud800';

describe.each(ENGINES)('hostile input gets a 4xx naming the field, never a 500, on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let admin: Client;
  let monitor: Client;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    admin = await Client.official(app, 'admin');
    monitor = await Client.official(app, 'giamsat');
  });
  afterAll(() => app.stop());

  const refusedAt = (res: { statusCode: number; body: string }, path: string) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path })] } });
  };
  const intake = (applicantName: string, componentName = 'Tờ khai đăng ký khai sinh') =>
    desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant: { fullName: applicantName, personalId: null, address: null, phone: null, email: null },
      components: receivedComponents('1.001193').map((c, i) => (i === 0 ? { ...c, name: componentName } : c)),
    });

  it('refuses a lone surrogate in an applicant name, a component name, a withdrawal reason and a decision number', async () => {
    refusedAt(await intake(`Nguyễn Văn ${LONE}`), 'body.applicant.fullName');
    refusedAt(await intake('Nguyễn Văn An', `Tờ khai ${LONE}`), 'body.components.0.name');
    const created = await intake('Nguyễn Văn An');
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    refusedAt(await desk.request('POST', `/api/v1/dossiers/${id}/actions`, { type: 'withdraw', expectedSeq: 1, reason: `Rút ${LONE}` }), 'body.reason');
    const record = DEMO_PROCEDURES[0]!;
    const decision = {
      number: `12${LONE}/QĐ-UBND`,
      issuedOn: '2026-12-01',
      signer: 'Chủ tịch',
      unitCode: '000.00.00.H37',
      items: [{ kind: 'amended', procedureCode: record.code, effectiveFrom: '2026-12-10', record }],
    };
    refusedAt(await admin.request('POST', '/api/v1/publication-decisions', decision), 'body.number');
    // Percent-encoded UTF-8 of a surrogate is no lone surrogate: the URL decoder makes it U+FFFD, harmless.
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/procedures?q=khai%ED%A0%80' })).statusCode).toBe(200);
    const surrogateKey = await admin.request('PUT', '/api/v1/calendar/years/2027', { source: `Thông báo ${LONE}`, days: [] });
    refusedAt(surrogateKey, 'body.source');
    refusedAt(
      await admin.request('PUT', '/api/v1/calendar/years/2027', { source: 'Thông báo', days: [{ date: '2027-01-01', name: `Tết ${LONE}`, kind: 'holiday' }] }),
      'body.days.0.name',
    );
  });

  it('refuses dates that do not exist, wherever a date is taken', async () => {
    for (const to of ['2026-13-01', '2026-02-30', '2026-04-31', '2025-02-29', '0000-01-01']) {
      refusedAt(await monitor.request('GET', `/api/v1/scorecard/trend?unit=000.00.00.H37&to=${to}`), 'querystring.to');
    }
    expect((await monitor.request('GET', '/api/v1/scorecard/trend?unit=000.00.00.H37&to=2024-02-29')).statusCode).toBe(200);
    refusedAt(await app.app.inject({ method: 'GET', url: '/api/v1/procedures?at=2026-13-01' }), 'querystring.at');
    const legal = { number: '99/2026/QH15', title: 'Luật thử', issuer: 'Quốc hội', issuedOn: '0000-01-01', effectiveFrom: '2026-07-01' };
    refusedAt(await admin.request('POST', '/api/v1/legal-documents', legal), 'body.issuedOn');
  });

  it('refuses a decision item "amended" or "replaced" without its record before the database sees it', async () => {
    const code = DEMO_PROCEDURES[0]!.code;
    for (const [n, item] of [
      ['1', { kind: 'amended', procedureCode: code, effectiveFrom: '2026-12-10', record: null }],
      ['2', { kind: 'replaced', procedureCode: code, replacesCode: DEMO_PROCEDURES[1]!.code, effectiveFrom: '2026-12-10', record: null }],
    ] as const) {
      const res = await admin.request('POST', '/api/v1/publication-decisions', {
        number: `9${n}/QĐ-UBND-thu`,
        issuedOn: '2026-12-01',
        signer: 'Chủ tịch',
        unitCode: '000.00.00.H37',
        items: [item],
      });
      refusedAt(res, 'body.items.0.record');
    }
  });

  it('answers a corrupted iCalendar upload with a 400 naming what could not be read', async () => {
    const put = (body: string) =>
      app.app.inject({
        method: 'PUT',
        url: '/api/v1/calendar/years/2027/ical',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/calendar' },
        payload: body,
      });
    for (const body of [
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2027XX01\r\nSUMMARY:Tết\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:\r\nEND:VCALENDAR\r\n',
      'không phải iCalendar',
      'BEGIN:VEVENT\r\nEND:VCALENDAR\r\n',
    ]) {
      const res = await put(body);
      expect(res.statusCode, `${body} → ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
