import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';

const TAM_THANH = '000.00.31.H37';
const CAO_LOC = '000.00.35.H37';
const PERSONAL_ID = '020190007777';
const applicant = { fullName: 'Lê Văn Bình', personalId: PERSONAL_ID, address: 'Thôn Nà Chuông', phone: '0912000111', email: null };
const components = [
  { code: '1.001193.TP1', name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
  { code: '1.001193.TP2', name: 'Giấy chứng sinh', form: 'copy', copies: 1 },
];

interface Row {
  seq: number;
  at: string;
  actorName: string | null;
  actorUsername: string | null;
  unitCode: string | null;
  action: string;
  targetType: string | null;
  targetLabel: string | null;
}
interface Page {
  records: Row[];
  nextBeforeSeq: number | null;
}

describe.each(ENGINES)('the audit page’s API on %s: names, paging and filters', (engine) => {
  let app: TestApp;
  let monitor: Client;
  let dossier: { id: string; code: string };

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    monitor = await Client.official(app, 'giamsat');
    const desk = await Client.official(app, 'motcua.tamthanh');
    await Client.official(app, 'chuyenvien.caoloc');
    const create = async () => {
      const res = await desk.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'counter', applicant, components, accept: true });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; code: string };
    };
    dossier = await create();
    // More than a page of records, whatever the seed left.
    const { count } = await app.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    for (let i = Number(count); i < 120; i++) await create();
  });
  afterAll(() => app.stop());

  const list = async (query: string): Promise<Page> => {
    const res = await monitor.request('GET', `/api/v1/audit${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('pages beyond the last 50 records, newest first, every record once', async () => {
    const all = (await app.database.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').execute()).map((r) => Number(r.seq));
    expect(all.length).toBeGreaterThan(100);
    const first = await list('');
    expect(first.records).toHaveLength(50);
    expect(first.nextBeforeSeq).toBe(first.records.at(-1)!.seq);
    const seen: number[] = [];
    let page = first;
    for (;;) {
      seen.push(...page.records.map((r) => r.seq));
      if (page.nextBeforeSeq === null) break;
      page = await list(`?beforeSeq=${page.nextBeforeSeq}`);
    }
    expect(seen).toEqual(all);
  });

  it('names the dossier by its code and the official by name and username; no internal id, no personal ID number', async () => {
    const res = await monitor.request('GET', '/api/v1/audit?limit=500');
    expect(res.body).not.toContain(dossier.id);
    expect(res.body).not.toContain(PERSONAL_ID);
    const records = (res.json() as Page).records;
    const accepted = records.find((r) => r.targetType === 'dossier' && r.targetLabel === dossier.code);
    expect(accepted).toMatchObject({ action: 'dossier.received_and_accepted', actorUsername: 'motcua.tamthanh' });
    expect(app.ctx.deps.units.tree().isWithin(accepted!.unitCode!, TAM_THANH)).toBe(true);
    expect(accepted?.actorName).toBeTruthy();
    expect(accepted?.actorName).not.toBe('motcua.tamthanh');
    // Every record names its target by a label, never by a UUID.
    for (const r of records) if (r.targetLabel !== null) expect(r.targetLabel).not.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/i);
  });

  it('filters by unit (with the units below it), official, action and date range', async () => {
    const tamThanh = await list(`?unit=${TAM_THANH}&limit=500`);
    expect(tamThanh.records.length).toBeGreaterThan(100);
    const tree = app.ctx.deps.units.tree();
    for (const r of tamThanh.records) expect(r.unitCode !== null && tree.isWithin(r.unitCode, TAM_THANH), String(r.unitCode)).toBe(true);
    const caoLoc = await list(`?unit=${CAO_LOC}&limit=500`);
    expect(caoLoc.records.some((r) => r.actorUsername === 'chuyenvien.caoloc' && r.action === 'auth.login')).toBe(true);
    expect(caoLoc.records.some((r) => r.actorUsername === 'motcua.tamthanh')).toBe(false);

    const byName = await list('?official=CAOLOC&limit=500');
    expect(byName.records.length).toBeGreaterThan(0);
    for (const r of byName.records) expect(r.actorUsername).toBe('chuyenvien.caoloc');
    expect((await list(`?official=${encodeURIComponent('Không có ai tên này')}`)).records).toEqual([]);

    const accepts = await list('?action=dossier.received_and_accepted&limit=40');
    expect(accepts.records).toHaveLength(40);
    expect(accepts.nextBeforeSeq).not.toBeNull();
    for (const r of accepts.records) expect(r.action).toBe('dossier.received_and_accepted');
    const rest = await list(`?action=dossier.received_and_accepted&limit=500&beforeSeq=${accepts.nextBeforeSeq}`);
    expect(rest.records.length).toBeGreaterThan(0);
    for (const r of rest.records) expect(r.action).toBe('dossier.received_and_accepted');

    const today = vietnamDate(new Date());
    const dayBefore = new Date(`${today}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    const yesterday = dayBefore.toISOString().slice(0, 10);
    const todays = await list(`?from=${today}&to=${today}&action=dossier.received_and_accepted&limit=500`);
    expect(todays.records.some((r) => r.targetLabel === dossier.code)).toBe(true);
    for (const r of todays.records) expect(vietnamDate(new Date(r.at))).toBe(today);
    expect((await list(`?to=${yesterday}&action=dossier.received_and_accepted`)).records).toEqual([]);
  });

  it('refuses bad filters with 400 and an unknown unit with 404; roles without the capability get 403', async () => {
    for (const query of ['from=2026-02-30', 'from=2026-12-05&to=2026-12-01', 'action=DROP%20TABLE', 'unit=abc', 'official=', 'foo=1']) {
      const res = await monitor.request('GET', `/api/v1/audit?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('VALIDATION_FAILED');
    }
    expect((await monitor.request('GET', '/api/v1/audit?unit=000.99.99.H37')).json()).toMatchObject({ error: { code: 'UNIT_NOT_FOUND' } });
    const desk = await Client.official(app, 'motcua.tamthanh');
    expect((await desk.request('GET', `/api/v1/audit?unit=${TAM_THANH}`)).statusCode).toBe(403);
  });
});
