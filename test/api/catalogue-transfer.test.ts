import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { runCli } from '../../src/cli/main.js';
import type { ProcedureRecord } from '../../src/domain/catalogue/procedure.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('catalogue export and import', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  const exportJson = async () => (await app.app.inject({ method: 'GET', url: '/api/v1/procedures/export' })).json() as { procedures: ProcedureRecord[] };
  const importAs = async (client: Client, payload: Buffer | string, contentType: string, query: string) =>
    app.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/import?${query}`,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': contentType },
      payload,
    });

  it('exports the catalogue in force as JSON, and re-importing it changes nothing', async () => {
    const data = await exportJson();
    expect(data.procedures.length).toBeGreaterThanOrEqual(60);
    const admin = await Client.official(app, 'admin');
    const res = await importAs(admin, JSON.stringify(data), 'application/json', 'dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total: data.procedures.length,
      invalid: 0,
      new: 0,
      amended: 0,
      unchanged: data.procedures.length,
      problems: [],
      decisionId: null,
    });
  });

  it('round-trips through Excel exactly', async () => {
    const xlsx = await app.app.inject({ method: 'GET', url: '/api/v1/procedures/export.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const admin = await Client.official(app, 'admin');
    const res = await importAs(admin, xlsx.rawPayload, XLSX, 'dryRun=true');
    const report = res.json();
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ invalid: 0, new: 0, amended: 0 });
    expect(report.unchanged).toBe((await exportJson()).procedures.length);
  });

  it('reports bad cells by sheet and row, and drafts a decision with the new and amended rows only', async () => {
    const xlsx = await app.app.inject({ method: 'GET', url: '/api/v1/procedures/export.xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const procedures = workbook.getWorksheet('Thủ tục')!;
    const firstCode = String(procedures.getRow(2).getCell(1).value);
    procedures.getRow(2).getCell(3).value = 'Tên thủ tục đã sửa đổi qua Excel';
    const secondCode = String(procedures.getRow(3).getCell(1).value);
    const methods = workbook.getWorksheet('Cách thức')!;
    let badRow = 0;
    methods.eachRow((row, n) => {
      if (badRow === 0 && n > 1 && String(row.getCell(1).value) === secondCode) {
        row.getCell(2).value = 'Fax';
        badRow = n;
      }
    });
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const admin = await Client.official(app, 'giamsat');
    const res = await importAs(
      admin,
      edited,
      XLSX,
      'decisionNumber=IMPORT-1%2FQĐ-UBND&issuedOn=2026-11-20&signer=Ch%E1%BB%A7%20t%E1%BB%8Bch&effectiveFrom=2027-01-01',
    );
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ amended: 1, new: 0, invalid: 1 });
    expect(report.problems).toContainEqual({ row: badRow, sheet: 'Cách thức', code: secondCode, path: null, message: 'Kênh: không hiểu giá trị "Fax"' });
    const draft = (await admin.request('GET', `/api/v1/publication-decisions/${report.decisionId}`)).json();
    expect(draft.items.map((i: { kind: string; procedureCode: string }) => [i.kind, i.procedureCode])).toEqual([['amended', firstCode]]);
    expect((await admin.request('POST', `/api/v1/publication-decisions/${report.decisionId}/publish`)).statusCode).toBe(200);
    expect((await app.app.inject({ method: 'GET', url: `/api/v1/procedures/${firstCode}?at=2027-01-01` })).json().name).toBe(
      'Tên thủ tục đã sửa đổi qua Excel',
    );
  });

  it('reports invalid JSON records by position, and refuses non-managers and unreadable files', async () => {
    const data = await exportJson();
    const fresh = { ...data.procedures[0]!, code: '2.998001', name: 'Thủ tục mới nhập từ JSON' };
    const broken = { ...data.procedures[1]!, code: '2.998002', methods: [] };
    const admin = await Client.official(app, 'admin');
    const res = await importAs(admin, JSON.stringify([fresh, broken, { code: 'sai' }]), 'application/json', 'dryRun=true');
    const report = res.json();
    expect(report).toMatchObject({ total: 3, valid: 1, invalid: 2, new: 1 });
    expect(report.problems.filter((p: { row: number }) => p.row === 2).map((p: { message: string }) => p.message)).toContain(
      'c) Cách thức thực hiện: chưa có nội dung',
    );
    expect(report.problems.some((p: { row: number; path: string }) => p.row === 3 && p.path === 'code')).toBe(true);
    const specialist = await Client.official(app, 'chuyenvien.tuphap');
    expect((await importAs(specialist, '[]', 'application/json', 'dryRun=true')).statusCode).toBe(403);
    expect((await importAs(admin, Buffer.from('không phải excel'), XLSX, 'dryRun=true')).json().problems[0].message).toBe(
      'Tệp không phải là tệp Excel (.xlsx) đọc được',
    );
    expect((await importAs(admin, '{"a":1}', 'application/json', 'dryRun=true')).statusCode).toBe(400);
    expect((await importAs(admin, '[]', 'application/json', '')).statusCode).toBe(400);
  });
});

describe('motcua catalogue export / import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-cli-catalogue-'));
  const saved = process.env.DATA_DIR;
  beforeAll(() => {
    process.env.DATA_DIR = dataDir;
  });
  afterAll(() => {
    process.env.DATA_DIR = saved;
  });
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runCli(args, (l) => lines.push(l));
    return { code, out: lines.join('\n') };
  };

  it('exports to Excel and JSON, and a dry-run import of either finds nothing to change', async () => {
    expect((await run('seed')).code).toBe(0);
    const xlsx = join(dataDir, 'danh-muc.xlsx');
    const json = join(dataDir, 'danh-muc.json');
    expect(await run('catalogue', 'export', '--format', 'xlsx', '--out', xlsx)).toMatchObject({ code: 0, out: expect.stringMatching(/Đã xuất \d+ thủ tục/) });
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect((await run('catalogue', 'export', '--out', json)).code).toBe(0);
    expect(await run('catalogue', 'import', xlsx, '--dry-run')).toMatchObject({ code: 0, out: expect.stringMatching(/0 có lỗi/) });
    const data = JSON.parse(readFileSync(json, 'utf8')) as { procedures: ProcedureRecord[] };
    data.procedures[0]!.name = '';
    writeFileSync(json, JSON.stringify(data));
    const bad = await run(
      'catalogue',
      'import',
      json,
      '--decision',
      'CLI-1/QĐ-UBND',
      '--issued-on',
      '2026-11-20',
      '--signer',
      'Chủ tịch',
      '--effective-from',
      '2027-01-01',
    );
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('dòng 1');
    expect(bad.out).toContain('a) Tên thủ tục');
    await expect(run('catalogue', 'import', json)).rejects.toThrow(/--decision/);
  });
});
