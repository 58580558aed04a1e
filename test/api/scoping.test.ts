import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';

const TAM_THANH = '000.00.31.H37';
const TAM_THANH_CENTRE = '000.01.31.H37';
const CAO_LOC = '000.00.35.H37';
const TU_PHAP = '000.00.03.H37';

describe.each(ENGINES)('role and unit scoping on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  it('an official of one commune reads their own commune’s data', async () => {
    const client = await Client.official(app, 'chuyenvien.tamthanh');
    const res = await client.request('GET', `/api/v1/units/${TAM_THANH}/officials`);
    expect(res.statusCode).toBe(200);
    const usernames = res.json().officials.map((o: { username: string }) => o.username);
    expect(usernames).toEqual(['chuyenvien.tamthanh', 'lanhdao.tamthanh']);
  });

  it('an official of one commune cannot read another commune’s data', async () => {
    const client = await Client.official(app, 'chuyenvien.tamthanh');
    const res = await client.request('GET', `/api/v1/units/${CAO_LOC}/officials`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN_UNIT', message: expect.stringContaining('không có quyền') });
  });

  it('a commune centre’s desk officer acts for that commune, and for no other unit', async () => {
    const client = await Client.official(app, 'motcua.caoloc');
    expect((await client.request('GET', `/api/v1/units/${CAO_LOC}/officials`)).statusCode).toBe(200);
    for (const code of [TAM_THANH_CENTRE, TAM_THANH, TU_PHAP, '000.00.00.H37']) {
      const res = await client.request('GET', `/api/v1/units/${code}/officials`);
      expect(res.statusCode, code).toBe(403);
    }
  });

  it('the provincial centre’s desk officer receives for the whole province', async () => {
    const client = await Client.official(app, 'motcua.tinh');
    for (const code of [TU_PHAP, CAO_LOC]) expect((await client.request('GET', `/api/v1/units/${code}/officials`)).statusCode, code).toBe(200);
  });

  it('a commune official reaches the units below their own', async () => {
    const leader = await Client.official(app, 'lanhdao.tamthanh');
    const res = await leader.request('GET', `/api/v1/units/${TAM_THANH_CENTRE}/officials`);
    expect(res.statusCode).toBe(200);
    expect(res.json().officials.map((o: { username: string }) => o.username)).toEqual(['motcua.tamthanh']);
  });

  it('the provincial monitor sees every unit of the province', async () => {
    const monitor = await Client.official(app, 'giamsat');
    for (const code of [TAM_THANH, CAO_LOC, TU_PHAP]) {
      const res = await monitor.request('GET', `/api/v1/units/${code}/officials`);
      expect(res.statusCode, code).toBe(200);
    }
  });

  it('roles without the capability are refused whatever the unit', async () => {
    const desk = await Client.official(app, 'motcua.tamthanh');
    const res = await desk.request('GET', '/api/v1/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN_ROLE');
  });

  it('an unknown unit is 404, anonymous access is 401', async () => {
    const monitor = await Client.official(app, 'giamsat');
    expect((await monitor.request('GET', '/api/v1/units/000.00.99.H37/officials')).statusCode).toBe(404);
    expect((await app.app.inject({ method: 'GET', url: `/api/v1/units/${TAM_THANH}/officials` })).statusCode).toBe(401);
  });

  it('the provincial monitor’s audit view includes commune officials’ records', async () => {
    await Client.official(app, 'chuyenvien.caoloc');
    const monitor = await Client.official(app, 'giamsat');
    const all = (await monitor.request('GET', '/api/v1/audit?limit=500')).json().records as { unitCode: string | null }[];
    expect(all.some((r) => r.unitCode === CAO_LOC)).toBe(true);
  });
});
