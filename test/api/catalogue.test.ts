import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { fieldCode, procedure } from '../support/catalogue.js';
import { DEMO_PROCEDURES } from '../../src/infrastructure/seed/demo-catalogue.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import { shiftWorkingDays, workingDaysBetween } from '../../src/domain/catalogue/watchdog.js';

describe('public catalogue (demo data)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app.stop());
  const get = (url: string) => app.app.inject({ method: 'GET', url });

  it('finds "Cấp giấy phép xây dựng" with or without diacritics, and with a typo', async () => {
    for (const q of ['giay phep xay dung', 'giấy phép xây dựng', 'giay phep xay dng']) {
      const res = await get(`/api/v1/procedures?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      const first = res.json().items[0] as { name: string };
      expect(first.name.toLowerCase(), q).toContain('giấy phép xây dựng');
    }
  });

  it('lists the procedures in force, filtered by level, unit, field and online level', async () => {
    const all = (await get('/api/v1/procedures?pageSize=200')).json() as { total: number; items: { level: string; fieldCode: string; onlineLevel: string }[] };
    expect(all.total).toBeGreaterThanOrEqual(60);
    const commune = (await get('/api/v1/procedures?level=commune&pageSize=200')).json() as typeof all;
    expect(commune.items.length).toBeGreaterThan(0);
    expect(commune.items.every((p) => p.level === 'commune')).toBe(true);
    // A commune's one-stop centre implements the commune procedures, not the departments' ones.
    const atCommune = (await get('/api/v1/procedures?unit=000.01.35.H37&pageSize=200')).json() as typeof all;
    expect(atCommune.total).toBe(commune.total);
    const full = (await get('/api/v1/procedures?onlineLevel=full&pageSize=200')).json() as typeof all;
    expect(full.items.every((p) => p.onlineLevel === 'full')).toBe(true);
    const byField = (await get(`/api/v1/procedures?field=${encodeURIComponent(fieldCode)}&pageSize=200`)).json() as typeof all;
    expect(byField.items.every((p) => p.fieldCode === fieldCode)).toBe(true);
    expect((await get('/api/v1/procedures?unit=999.99.99.X00')).statusCode).toBe(404);
  });

  it('shows one procedure with every published part, and 404 / 400 otherwise', async () => {
    const sample = DEMO_PROCEDURES[0]!;
    const res = await get(`/api/v1/procedures/${sample.code}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ code: sample.code, name: sample.name, components: sample.components, processTemplate: sample.processTemplate });
    expect(body.versionInfo.version).toBe(1);
    expect((await get('/api/v1/procedures/1.999999')).json().error.code).toBe('PROCEDURE_NOT_FOUND');
    expect((await get('/api/v1/procedures/khong-phai-ma')).statusCode).toBe(400);
    expect((await get('/api/v1/procedures?pageSize=100000')).statusCode).toBe(400);
  });
});

describe.each(ENGINES)('publication decisions on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());
  const get = (url: string) => app.app.inject({ method: 'GET', url });
  let n = 0;
  const decision = (items: unknown[]) => ({
    number: `${900 + n++}/QĐ-UBND-${engine}`,
    issuedOn: '2026-11-20',
    signer: 'Chủ tịch UBND tỉnh',
    unitCode: '000.00.00.H37',
    items,
  });

  it('only catalogue managers draft and publish', async () => {
    const specialist = await Client.official(app, 'chuyenvien.tuphap');
    expect((await specialist.request('POST', '/api/v1/publication-decisions', decision([]))).statusCode).toBe(403);
    expect((await app.app.inject({ method: 'POST', url: '/api/v1/publication-decisions', payload: decision([]) })).statusCode).toBe(401);
  });

  it('publishes a new procedure, amends it with a new version, then abolishes it: each version in force on its dates', async () => {
    const admin = await Client.official(app, 'giamsat');
    const v1 = procedure('2.999001');
    const draft = await admin.request(
      'POST',
      '/api/v1/publication-decisions',
      decision([{ kind: 'new', procedureCode: v1.code, effectiveFrom: '2026-12-01', record: v1 }]),
    );
    expect(draft.statusCode).toBe(201);
    expect(draft.json().problems).toEqual([]);
    const published = await admin.request('POST', `/api/v1/publication-decisions/${draft.json().id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', items: 1 });
    // Publishing twice is refused, in Vietnamese.
    const again = await admin.request('POST', `/api/v1/publication-decisions/${draft.json().id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DECISION_NOT_DRAFT', message: 'Quyết định đã được công bố: không thể công bố lại hoặc xóa.' });

    expect((await get('/api/v1/procedures/2.999001?at=2026-11-30')).statusCode).toBe(404);
    expect((await get('/api/v1/procedures/2.999001?at=2026-12-01')).json().name).toBe(v1.name);

    const v2 = { ...v1, name: 'Xác nhận tình trạng nhà ở (sửa đổi)' };
    const amend = await admin.request(
      'POST',
      '/api/v1/publication-decisions',
      decision([{ kind: 'amended', procedureCode: v1.code, effectiveFrom: '2027-01-01', record: v2 }]),
    );
    expect((await admin.request('POST', `/api/v1/publication-decisions/${amend.json().id}/publish`)).statusCode).toBe(200);
    expect((await get('/api/v1/procedures/2.999001?at=2026-12-31')).json().versionInfo).toMatchObject({
      version: 1,
      effectiveTo: '2026-12-31',
      endReason: 'amended',
    });
    expect((await get('/api/v1/procedures/2.999001?at=2027-01-01')).json()).toMatchObject({ name: v2.name, versionInfo: { version: 2, effectiveTo: null } });
    expect((await get('/api/v1/procedures?q=tinh+trang+nha+o+sua+doi&at=2027-01-02')).json().total).toBe(1);
    expect((await get('/api/v1/procedures?q=tinh+trang+nha+o+sua+doi&at=2026-12-02')).json().total).toBe(0);

    const abolish = await admin.request(
      'POST',
      '/api/v1/publication-decisions',
      decision([{ kind: 'abolished', procedureCode: v1.code, effectiveFrom: '2027-03-01' }]),
    );
    expect((await admin.request('POST', `/api/v1/publication-decisions/${abolish.json().id}/publish`)).statusCode).toBe(200);
    expect((await get('/api/v1/procedures/2.999001?at=2027-03-01')).statusCode).toBe(404);
    const history = (await get('/api/v1/procedures/2.999001/versions')).json().versions as {
      version: number;
      effectiveTo: string | null;
      endReason: string | null;
    }[];
    expect(history.map((h) => [h.version, h.effectiveTo, h.endReason])).toEqual([
      [1, '2026-12-31', 'amended'],
      [2, '2027-02-28', 'abolished'],
    ]);
    const events = await app.database.db
      .selectFrom('catalogue_events')
      .select(['kind', 'version'])
      .where('procedure_code', '=', '2.999001')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { kind: 'new', version: 1 },
      { kind: 'amended', version: 2 },
      { kind: 'abolished', version: null },
    ]);
    const audit = await app.database.db.selectFrom('audit_log').select('action').where('action', '=', 'catalogue.decision_published').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('blocks publication of an incomplete procedure or one whose step budgets do not add up, naming the parts', async () => {
    const admin = await Client.official(app, 'admin');
    const incomplete = procedure('2.999002', { subjects: [], results: [] });
    const uneven = procedure('2.999003', { processTemplate: procedure('x').processTemplate.slice(0, 2) });
    const draft = await admin.request(
      'POST',
      '/api/v1/publication-decisions',
      decision([
        { kind: 'new', procedureCode: incomplete.code, effectiveFrom: '2026-12-01', record: incomplete },
        { kind: 'new', procedureCode: uneven.code, effectiveFrom: '2026-12-01', record: uneven },
        { kind: 'amended', procedureCode: '2.999004', effectiveFrom: '2026-12-01', record: procedure('2.999004') },
      ]),
    );
    expect(draft.statusCode).toBe(201);
    const messages = (draft.json().problems as { path: string; message: string }[]).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('items.0.record.subjects: e) Đối tượng thực hiện: chưa có nội dung');
    expect(messages).toContain('items.0.record.results: h) Kết quả thực hiện: chưa có nội dung');
    expect(messages).toContain('items.1.record.processTemplate: Tổng thời gian các bước (6 giờ làm việc) phải bằng thời hạn giải quyết (1 ngày làm việc)');
    expect(messages).toContain('items.2.procedureCode: Chưa có thủ tục 2.999004 trong danh mục');
    const publish = await admin.request('POST', `/api/v1/publication-decisions/${draft.json().id}/publish`);
    expect(publish.statusCode).toBe(422);
    expect(publish.json().error.code).toBe('PUBLICATION_BLOCKED');
    // Nothing was published, and the draft is still a draft.
    expect((await get('/api/v1/procedures/2.999002?at=2026-12-02')).statusCode).toBe(404);
    expect((await admin.request('GET', `/api/v1/publication-decisions/${draft.json().id}`)).json().status).toBe('draft');
    expect((await admin.request('DELETE', `/api/v1/publication-decisions/${draft.json().id}`)).statusCode).toBe(200);
  });

  it('refuses a repeated decision number and an unknown legal document', async () => {
    const admin = await Client.official(app, 'admin');
    const body = decision([{ kind: 'new', procedureCode: '2.999005', effectiveFrom: '2026-12-01', record: procedure('2.999005') }]);
    expect((await admin.request('POST', '/api/v1/publication-decisions', body)).statusCode).toBe(201);
    expect((await admin.request('POST', '/api/v1/publication-decisions', body)).json().error.code).toBe('DECISION_NUMBER_TAKEN');
    const unknownLaw = decision([
      { kind: 'new', procedureCode: '2.999006', effectiveFrom: '2026-12-01', legalDocumentNumber: 'không có', record: procedure('2.999006') },
    ]);
    expect((await admin.request('POST', '/api/v1/publication-decisions', unknownLaw)).statusCode).toBe(400);
    // Schema messages are Vietnamese too.
    const blank = await admin.request('POST', '/api/v1/publication-decisions', { ...body, number: '' });
    expect(blank.json().error.details[0].message).toMatch(/ký tự/);
  });

  it('two concurrent publications of one decision: exactly one succeeds', async () => {
    const admin = await Client.official(app, 'admin');
    const draft = await admin.request(
      'POST',
      '/api/v1/publication-decisions',
      decision([{ kind: 'new', procedureCode: '2.999007', effectiveFrom: '2026-12-01', record: procedure('2.999007') }]),
    );
    const results = await Promise.all([1, 2].map(() => admin.request('POST', `/api/v1/publication-decisions/${draft.json().id}/publish`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await get('/api/v1/procedures/2.999007/versions')).json().versions).toHaveLength(1);
  });

  it('the watchdog flags a legal document taking effect too soon without a decision', async () => {
    const monitor = await Client.official(app, 'giamsat');
    const today = vietnamDate(new Date());
    const soon = shiftWorkingDays(app.ctx.deps.calendars.calendar(), today, 3);
    const add = await monitor.request('POST', '/api/v1/legal-documents', {
      number: `77/2026/NĐ-CP-${engine}`,
      title: 'Nghị định thử nghiệm',
      issuer: 'Chính phủ',
      issuedOn: today,
      effectiveFrom: soon,
    });
    expect(add.statusCode).toBe(201);
    const report = (await monitor.request('GET', '/api/v1/catalogue/watchdog')).json();
    expect(report.today).toBe(today);
    expect(report.missingDecisions).toContainEqual(
      expect.objectContaining({ number: `77/2026/NĐ-CP-${engine}`, status: 'overdue', effectiveFrom: soon, inForce: false }),
    );
    // The demo has one decision issued late and one published late.
    expect(report.lateDecisions.length).toBeGreaterThan(0);
    expect(report.publicationDelays.some((d: { status: string }) => d.status === 'late')).toBe(true);
    expect(report.rules).toEqual({ decisionLeadWorkingDays: 5, publishWithinWorkingDays: 5, warnWorkingDays: 5 });
    // Every finding says whom it concerns, abolitions included (their units come from the version they end).
    for (const f of [...report.lateDecisions, ...report.publicationDelays] as { unitCodes: string[]; communeWide: boolean }[]) {
      expect(f.unitCodes.length > 0 || f.communeWide).toBe(true);
    }
    const specialist = await Client.official(app, 'chuyenvien.tuphap');
    expect((await specialist.request('GET', '/api/v1/catalogue/watchdog')).statusCode).toBe(403);
  });

  it('the watchdog finds a decree already in force that no decision names, until a decision names it', async () => {
    const monitor = await Client.official(app, 'giamsat');
    const today = vietnamDate(new Date());
    const calendar = app.ctx.deps.calendars.calendar();
    const effectiveFrom = shiftWorkingDays(calendar, today, -10);
    const number = `88/2026/NĐ-CP-${engine}`;
    const add = await monitor.request('POST', '/api/v1/legal-documents', {
      number,
      title: 'Nghị định đã có hiệu lực',
      issuer: 'Chính phủ',
      issuedOn: shiftWorkingDays(calendar, today, -30),
      effectiveFrom,
    });
    expect(add.statusCode).toBe(201);
    const deadline = shiftWorkingDays(calendar, effectiveFrom, -5);
    const report = (await monitor.request('GET', '/api/v1/catalogue/watchdog')).json();
    expect(report.missingDecisions).toContainEqual({
      number,
      title: 'Nghị định đã có hiệu lực',
      effectiveFrom,
      deadline,
      status: 'overdue',
      inForce: true,
      workingDaysLate: workingDaysBetween(calendar, deadline, today),
    });
    // The laws the demo catalogue rests on (cited by its procedures) are not owed a decision.
    expect(report.missingDecisions.map((d: { number: string }) => d.number)).not.toContain('60/2014/QH13');
    // A decision naming the decree ends the finding (its lateness is then the decision's).
    const admin = await Client.official(app, 'admin');
    const draft = await admin.request('POST', '/api/v1/publication-decisions', {
      ...decision([{ kind: 'new', procedureCode: '2.999088', effectiveFrom: today, legalDocumentNumber: number, record: procedure('2.999088') }]),
      issuedOn: today,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const after = (await monitor.request('GET', '/api/v1/catalogue/watchdog')).json();
    expect(after.missingDecisions.map((d: { number: string }) => d.number)).not.toContain(number);
    expect(after.lateDecisions).toContainEqual(expect.objectContaining({ legalNumber: number, deadline }));
  });
});

describe('the signed file of a decision', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  it('accepts a PDF judged by its content, serves it publicly once the decision is published, and audits the upload', async () => {
    const admin = await Client.official(app, 'admin');
    const draft = await admin.request('POST', '/api/v1/publication-decisions', {
      number: '4242/QĐ-UBND',
      issuedOn: '2026-11-20',
      signer: 'Chủ tịch UBND tỉnh',
      unitCode: '000.00.00.H37',
      items: [{ kind: 'new', procedureCode: '2.999101', effectiveFrom: '2026-12-01', record: procedure('2.999101') }],
    });
    const id = draft.json().id as string;
    const upload = (payload: Buffer, name = 'Quyết định 4242.pdf') =>
      app.app.inject({
        method: 'PUT',
        url: `/api/v1/publication-decisions/${id}/file?name=${encodeURIComponent(name)}`,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/pdf' },
        payload,
      });
    expect((await upload(Buffer.from('MZ không phải PDF'))).statusCode).toBe(415);
    const pdf = Buffer.from('%PDF-1.7\n% quyết định thử nghiệm\n%%EOF\n');
    const ok = await upload(pdf);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    // A draft's file is not public.
    expect((await app.app.inject({ method: 'GET', url: `/api/v1/publication-decisions/${id}/file` })).statusCode).toBe(404);
    expect((await admin.request('GET', `/api/v1/publication-decisions/${id}/file`)).rawPayload.equals(pdf)).toBe(true);
    await admin.request('POST', `/api/v1/publication-decisions/${id}/publish`);
    const pub = await app.app.inject({ method: 'GET', url: `/api/v1/publication-decisions/${id}/file` });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('application/pdf');
    expect(pub.rawPayload.equals(pdf)).toBe(true);
    const audit = await app.database.db.selectFrom('audit_log').select('action').where('action', '=', 'catalogue.decision_file_attached').execute();
    expect(audit).toHaveLength(1);
  });
});
