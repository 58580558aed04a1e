import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { deflatedZeros, zip } from '../support/zip.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;

/** The largest resident memory seen while `work` runs, above what the process held just before. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

describe('bounded ZIP uploads (catalogue import from Excel)', () => {
  let app: TestApp;
  let admin: Client;
  let zeros: Buffer;
  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
    admin = await Client.official(app, 'admin');
    zeros = await deflatedZeros(400);
  });
  afterAll(() => app.stop());

  const importXlsx = (payload: Buffer) =>
    app.app.inject({
      method: 'POST',
      url: '/api/v1/procedures/import?dryRun=true',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': XLSX },
      payload,
    });

  it('refuses a 400 MiB "zip bomb" of a few hundred kilobytes with 413, inflating none of it', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: zeros, size: 400 * MiB }]);
    expect(bomb.length).toBeLessThan(1 * MiB);
    let res: Awaited<ReturnType<typeof importXlsx>> | undefined;
    const growth = await peakGrowth(async () => (res = await importXlsx(bomb)));
    expect(res!.statusCode, res!.body).toBe(413);
    expect(res!.json()).toMatchObject({
      error: { code: 'ARCHIVE_LIMITS_EXCEEDED', details: [{ path: 'body', message: expect.stringMatching(/giải nén ra 400 MB/) }] },
    });
    expect(growth).toBeLessThan(64 * MiB);
  });

  it('refuses a bomb that declares a small size, after inflating no more than it declared', async () => {
    const liar = zip([{ name: '[Content_Types].xml', data: zeros, size: 2_000 }]);
    let res: Awaited<ReturnType<typeof importXlsx>> | undefined;
    const growth = await peakGrowth(async () => (res = await importXlsx(liar)));
    expect(res!.statusCode, res!.body).toBe(413);
    expect(res!.json()).toMatchObject({
      error: { code: 'ARCHIVE_LIMITS_EXCEEDED', details: [{ message: expect.stringMatching(/nhiều hơn kích thước khai báo/) }] },
    });
    expect(growth).toBeLessThan(64 * MiB);
    // The server goes on serving.
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });
});
