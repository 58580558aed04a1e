import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';

describe.each(ENGINES)('the public lookup shows the detail only with the lookup key, on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  it('by code alone, the status; with the key from the receipt, the procedure, dates and steps; a wrong key, 403', async () => {
    const desk = await Client.official(app, 'motcua.tamthanh');
    const created = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant: { fullName: 'Lương Thị Tra', personalId: '020190004444', address: 'Thôn Khòn Pát', phone: null, email: null },
      components: receivedComponents('1.001193'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, code } = created.json() as { id: string; code: string };
    const lookupKey = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json().lookupKey as string;
    expect(lookupKey).toMatch(/^[0-9A-Z]{8}$/);
    const lookup = (query = '') => app.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}${query}` });

    const brief = await lookup();
    expect(brief.statusCode).toBe(200);
    expect(brief.json()).toEqual({ code, detail: false, status: 'accepted', statusLabel: expect.any(String) });
    const full = await lookup(`?key=${lookupKey.toLowerCase()}`);
    expect(full.json()).toMatchObject({
      code,
      detail: true,
      procedureCode: '1.001193',
      unitName: expect.stringContaining('Tam Thanh'),
      steps: expect.any(Array),
    });
    for (const secret of ['Lương Thị Tra', '020190004444', 'Khòn Pát']) expect(full.body).not.toContain(secret);
    const wrong = await lookup(`?key=${lookupKey === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA'}`);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('LOOKUP_KEY_INVALID');
    // Every dossier gets its own key.
    const other = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant: { fullName: 'Người Khác', personalId: null, address: null, phone: null, email: null },
      components: receivedComponents('1.001193'),
    });
    expect((await desk.request('GET', `/api/v1/dossiers/${(other.json() as { id: string }).id}`)).json().lookupKey).not.toBe(lookupKey);
  });
});

describe('the public lookup by code cannot be walked', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { PUBLIC_LOOKUP_RATE_LIMIT: '5' } });
  });
  afterAll(() => app.stop());

  it('answers a client at most PUBLIC_LOOKUP_RATE_LIMIT lookups a minute, then 429 RATE_LIMITED; other clients go on', async () => {
    const lookup = (n: number, remoteAddress: string) =>
      app.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/000.00.31.H37-261206-${String(n).padStart(4, '0')}`, remoteAddress });
    const statuses: number[] = [];
    for (let n = 1; n <= 7; n++) statuses.push((await lookup(n, '198.51.100.7')).statusCode);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    expect((await lookup(8, '198.51.100.7')).json().error.code).toBe('RATE_LIMITED');
    expect((await lookup(1, '198.51.100.8')).statusCode).toBe(404);
  });
});
