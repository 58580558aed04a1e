import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { seedDossiers } from '../../src/application/seed/seed-dossiers.js';
import { drainStatQueue } from '../../src/application/scorecard/statistics.js';
import { vietnamDate } from '../../src/application/vietnam-time.js';
import { vietnamesePercent } from '../../src/http/routes/scorecard.js';

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
    const na = card.groups[2 + 1].indicators.find((i: { id: string }) => i.id === '3.6');
    expect(na).toMatchObject({ ratio: null, points: 0 });
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
    expect(String(last.getCell(19).value)).toMatch(/^\d{1,3},\d{2}%$/);
    expect(vietnamesePercent(95.58)).toBe('95,58%');
  });

  it('only those who may see scorecards, within their units', async () => {
    const desk = await Client.official(app, 'motcua.tamthanh');
    expect((await desk.request('GET', `/api/v1/scorecard?unit=000.00.31.H37&from=${from}&to=${to}`)).statusCode).toBe(403);
    const leader = await Client.official(app, 'lanhdao.tamthanh');
    expect((await leader.request('GET', `/api/v1/scorecard?unit=000.00.31.H37&from=${from}&to=${to}`)).statusCode).toBe(200);
    expect((await leader.request('GET', `/api/v1/scorecard?unit=000.00.00.H37&from=${from}&to=${to}`)).statusCode).toBe(403);
    expect((await leader.request('GET', `/api/v1/scorecard?unit=000.00.31.H37&from=${to}&to=${from}`)).statusCode).toBe(400);
  });
});
