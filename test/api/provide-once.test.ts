/**
 * "Provide once" (issue 20) through the HTTP API on both engines, against the demo's simulators of the population
 * database (LGSP) and of the national portal's data vault: an online citizen's form prefilled from the registry,
 * a birth certificate taken from the national vault for a component, an expired or wrong-typed document refused,
 * a VNeID level 2 procedure, a second procedure reusing the first dossier's signed e-result, the desk's consent,
 * lookups that fail (slow, 429, not found) without stopping intake, two components digitized and signed with the
 * unit's certificate, the intake time, the reports, and indicators 4.3, 4.4 and 4.5b moving by exactly what the
 * test did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { driveToApproval } from '../support/workflow.js';
import { receivedComponents } from '../support/intake.js';
import { issueSignedResult } from '../support/results.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import { drainStatQueue } from '../../src/application/scorecard/statistics.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import { DEMO_CITIZENS, type DemoCitizen } from '../../src/infrastructure/seed/demo-province.js';
import type { DossierProvideOnce, IntakeForm, PopulationLookup, VaultListing } from '../../src/contract/data-vault.js';
import type { DossierFile } from '../../src/contract/dossier-files.js';
import { PNG } from 'pngjs';

const WARD = '000.00.31.H37';
const REREGISTER_BIRTH = '1.004884';
const MARITAL_STATUS = '1.004873';
const MARRIAGE = '1.000894';
const [minh, hoa, , trang] = DEMO_CITIZENS as readonly [DemoCitizen, DemoCitizen, DemoCitizen, DemoCitizen];

function png(shade: number): string {
  const image = new PNG({ width: 40, height: 60 });
  image.data.fill(shade);
  return PNG.sync.write(image).toString('base64');
}

describe.each(ENGINES)('provide once on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let monitor: Client;

  async function citizen(c: DemoCitizen, eidLevel: 1 | 2 = 2): Promise<Client> {
    const login = await loginCitizen(app.ctx.deps, {
      identity: {
        issuer: 'https://vneid.example',
        subject: `sub-${c.personalId}`,
        fullName: c.fullName,
        personalId: c.personalId,
        email: c.email,
        birthDate: c.birthDate,
        phone: c.phone,
        eidLevel,
      },
      meta: { actor: null, ip: '127.0.0.1', requestId: 'test-provide-once' },
    });
    if (!login.ok) throw new Error(login.error.code);
    const client = new Client(app);
    client.cookie = `motcua_session=${login.value.sessionId}`;
    expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    return client;
  }

  async function indicators(): Promise<Map<string, { numerator: number; denominator: number }>> {
    await drainStatQueue(app.ctx.deps);
    const to = vietnamDate(new Date(Date.now() + 86_400_000));
    const from = vietnamDate(new Date(Date.now() - 30 * 86_400_000));
    const card = (await monitor.request('GET', `/api/v1/scorecard?unit=${WARD}&from=${from}&to=${to}`)).json() as {
      groups: { indicators: { id: string; numerator: number; denominator: number }[] }[];
    };
    return new Map(card.groups.flatMap((g) => g.indicators).map((i) => [i.id, i]));
  }

  async function accept(id: string): Promise<void> {
    const d = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json() as { seq: number };
    const res = await desk.request('POST', `/api/v1/dossiers/${id}/actions`, { type: 'accept', expectedSeq: d.seq });
    expect(res.statusCode, res.body).toBe(200);
  }

  beforeAll(async () => {
    app = await startTestApp(engine, { listen: true, env: { LOGIN_RATE_LIMIT: '1000', STATS_POLL_MS: '0' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    monitor = await Client.official(app, 'giamsat');
  });
  afterAll(() => app.stop());

  it('prefills the online form from the registry, takes a component from the national vault, and 4.3, 4.4, 4.5b move by one', async () => {
    const before = await indicators();
    const me = await citizen(minh);
    const form = (await me.request('GET', `/api/v1/my/intake-form?procedure=${REREGISTER_BIRTH}`)).json() as IntakeForm;
    expect(form.lookup).toMatchObject({ outcome: 'found' });
    expect(form.lookup.prefilled).toMatchObject({ fullName: minh.fullName, personalId: minh.personalId, birthDate: minh.birthDate, gender: 'Nam' });
    expect(form.lookup.prefilled.permanentAddress).toBe(minh.address);
    expect(form.eidLevel2Required).toBe(true);
    const vault = (await me.request('GET', `/api/v1/my/vault?procedure=${REREGISTER_BIRTH}`)).json() as VaultListing;
    expect(vault.national).toMatchObject({ status: 'ok', copied: 1 });
    const birth = vault.documents.find((d) => d.resultCode === '1.001193.KQ1')!;
    expect(birth).toMatchObject({ source: 'nationalVault', valid: true, typeName: 'Giấy khai sinh (bản chính)' });
    expect(vault.offers).toEqual([{ componentCode: `${REREGISTER_BIRTH}.TP2`, componentName: expect.any(String), documentIds: [birth.id] }]);
    // Asking again copies nothing twice.
    expect(((await me.request('GET', `/api/v1/my/vault?procedure=${REREGISTER_BIRTH}`)).json() as VaultListing).national.copied).toBe(0);

    const values = { ...form.lookup.prefilled, request: 'Đăng ký lại khai sinh do mất bản chính' };
    const created = await me.request('POST', '/api/v1/dossiers', {
      procedureCode: REREGISTER_BIRTH,
      channel: 'online',
      unitCode: WARD,
      formData: values,
      populationLookupId: form.lookup.lookupId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const reused = await me.request('POST', `/api/v1/dossiers/${id}/files/reuse`, { componentCode: `${REREGISTER_BIRTH}.TP2`, vaultDocumentId: birth.id });
    expect(reused.statusCode, reused.body).toBe(201);
    expect(reused.json()).toMatchObject({ reused: true, fromNationalVault: true, sha256: birth.sha256 });
    // The lookup cannot serve a second dossier.
    const again = await me.request('POST', '/api/v1/dossiers', {
      procedureCode: REREGISTER_BIRTH,
      channel: 'online',
      unitCode: WARD,
      populationLookupId: form.lookup.lookupId,
    });
    expect(again.statusCode).toBe(400);
    await accept(id);
    const record = (await desk.request('GET', `/api/v1/dossiers/${id}/provide-once`)).json() as DossierProvideOnce;
    expect(record).toMatchObject({ eidLevel: 2, reused: 1, eform: { registry: 'found', typed: 1, mismatches: [] } });
    expect(record.eform!.declared).toBeGreaterThan(5);
    expect(record.lookups).toEqual([expect.objectContaining({ outcome: 'found', channel: 'online', official: null })]);
    const after = await indicators();
    for (const i of ['4.3', '4.4', '4.5b'])
      expect(after.get(i), i).toMatchObject({ numerator: before.get(i)!.numerator + 1, denominator: before.get(i)!.denominator + 1 });
  });

  it('two listings at once (two tabs) copy a national-vault document once', async () => {
    const me = await citizen(trang, 1);
    const both = await Promise.all([1, 2].map(() => me.request('GET', `/api/v1/my/vault?procedure=${REREGISTER_BIRTH}`)));
    const listings = both.map((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as VaultListing;
    });
    expect(listings.reduce((n, l) => n + l.national.copied, 0)).toBe(1);
    const after = (await me.request('GET', '/api/v1/my/vault')).json() as VaultListing;
    expect(after.documents.filter((d) => d.source === 'nationalVault' && d.resultCode === '1.001193.KQ1')).toHaveLength(1);
  });

  it('refuses an expired document, one of the wrong type, another person’s, and a level 1 account where level 2 is required', async () => {
    const me = await citizen(minh);
    const vault = (await me.request('GET', `/api/v1/my/vault?procedure=${MARRIAGE}`)).json() as VaultListing;
    const expired = vault.documents.find((d) => d.resultCode === '1.004873.KQ1')!;
    expect(expired).toMatchObject({ source: 'nationalVault', valid: false });
    expect(vault.offers).toEqual([]);
    const created = await me.request('POST', '/api/v1/dossiers', { procedureCode: MARRIAGE, channel: 'online', unitCode: WARD });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const tooOld = await me.request('POST', `/api/v1/dossiers/${id}/files/reuse`, { componentCode: `${MARRIAGE}.TP2`, vaultDocumentId: expired.id });
    expect(tooOld.statusCode).toBe(422);
    expect(tooOld.json()).toMatchObject({ error: { code: 'VAULT_DOCUMENT_EXPIRED' } });
    const birth = vault.documents.find((d) => d.resultCode === '1.001193.KQ1')!;
    const wrong = await me.request('POST', `/api/v1/dossiers/${id}/files/reuse`, { componentCode: `${MARRIAGE}.TP2`, vaultDocumentId: birth.id });
    expect(wrong.json()).toMatchObject({ error: { code: 'VAULT_DOCUMENT_WRONG_TYPE' } });
    const other = await citizen(hoa);
    const theirs = await other.request('POST', '/api/v1/dossiers', { procedureCode: MARRIAGE, channel: 'online', unitCode: WARD });
    const stolen = await other.request('POST', `/api/v1/dossiers/${theirs.json().id}/files/reuse`, {
      componentCode: `${MARRIAGE}.TP2`,
      vaultDocumentId: birth.id,
    });
    expect(stolen.statusCode).toBe(404);
    const levelOne = await citizen(trang, 1);
    const refused = await levelOne.request('POST', '/api/v1/dossiers', { procedureCode: REREGISTER_BIRTH, channel: 'online', unitCode: WARD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'EID_LEVEL_REQUIRED' } });
  });

  it('a second procedure reuses the first dossier’s signed e-result from the vault', async () => {
    const me = await citizen(hoa);
    const first = await me.request('POST', '/api/v1/dossiers', { procedureCode: MARITAL_STATUS, channel: 'online', unitCode: WARD });
    expect(first.statusCode, first.body).toBe(201);
    const id = (first.json() as { id: string }).id;
    await driveToApproval([desk, specialist, leader], id);
    const signed = await issueSignedResult((m, u, j) => leader.request(m, u, j), id);
    const vault = (await me.request('GET', `/api/v1/my/vault?procedure=${MARRIAGE}`)).json() as VaultListing;
    const result = vault.documents.find((d) => d.source === 'eResult')!;
    expect(result).toMatchObject({ resultCode: '1.004873.KQ1', sha256: signed.sha256, valid: true });
    expect(vault.offers).toEqual([{ componentCode: `${MARRIAGE}.TP2`, componentName: expect.any(String), documentIds: [result.id] }]);
    const marriage = (await me.request('POST', '/api/v1/dossiers', { procedureCode: MARRIAGE, channel: 'online', unitCode: WARD })).json() as { id: string };
    const reused = await me.request('POST', `/api/v1/dossiers/${marriage.id}/files/reuse`, { componentCode: `${MARRIAGE}.TP2`, vaultDocumentId: result.id });
    expect(reused.statusCode, reused.body).toBe(201);
    expect(reused.json()).toMatchObject({ reused: true, fromNationalVault: false, sha256: signed.sha256 });
  });

  it('at the desk: registry faults keep intake going and say why; consent opens the vault; two components digitized and signed; time shown', async () => {
    const today = vietnamDate(new Date());
    const lookupTotals = async () => {
      const report = (await monitor.request('GET', `/api/v1/reports/population-lookups?from=${today}&to=${today}`)).json() as {
        rows: { total: number; refused: number }[];
      };
      return { total: report.rows.reduce((n, r) => n + r.total, 0), refused: report.rows.reduce((n, r) => n + r.refused, 0) };
    };
    const lookupsBefore = await lookupTotals();
    const before = await indicators();
    const registry = app.localDataExchange.population!;
    const lookup = (body: Record<string, string>) => desk.request('POST', '/api/v1/population/lookups', { procedureCode: MARRIAGE, ...body });
    const person = { personalId: hoa.personalId, fullName: hoa.fullName, birthDate: hoa.birthDate };
    registry.setFault('quota');
    expect((await lookup(person)).json()).toMatchObject({ outcome: 'refused', message: expect.stringContaining('hạn mức') });
    registry.setFault('notFound');
    expect((await lookup(person)).json()).toMatchObject({ outcome: 'notFound', prefilled: {} });
    registry.setFault('slow');
    expect((await lookup(person)).json()).toMatchObject({ outcome: 'unavailable', message: expect.stringContaining('không phản hồi') });
    registry.setFault('none');
    const bad = await lookup({ ...person, personalId: '999123456789' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'PERSONAL_ID_INVALID' } });
    const found = (await lookup({ ...person, fullName: hoa.fullName.toUpperCase() })).json() as PopulationLookup;
    expect(found).toMatchObject({ outcome: 'found', prefilled: { fullName: hoa.fullName } });

    // The vault opens only with the citizen's consent, recorded after the registry found the person at the desk.
    expect((await desk.request('GET', `/api/v1/vault?personalId=${hoa.personalId}`)).json()).toMatchObject({ error: { code: 'VAULT_CONSENT_REQUIRED' } });
    const unchecked = await desk.request('POST', '/api/v1/vault/consents', { personalId: minh.personalId, purpose: MARRIAGE });
    expect(unchecked.statusCode).toBe(409);
    expect(unchecked.json()).toMatchObject({ error: { code: 'VAULT_IDENTITY_NOT_CHECKED' } });
    expect((await desk.request('POST', '/api/v1/vault/consents', { personalId: hoa.personalId, purpose: MARRIAGE })).statusCode).toBe(201);
    expect((await desk.request('GET', `/api/v1/vault?personalId=${hoa.personalId}&procedure=${MARRIAGE}`)).statusCode).toBe(200);

    const started = new Date(Date.now() - 7 * 60_000).toISOString();
    const created = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: MARRIAGE,
      channel: 'counter',
      applicant: { fullName: hoa.fullName, personalId: hoa.personalId, address: 'Số 9 phố khác, Lạng Sơn', phone: null, email: null },
      components: receivedComponents(MARRIAGE),
      accept: true,
      formData: {
        ...found.prefilled,
        permanentAddress: 'Số 9 phố khác, Lạng Sơn',
        phone: '0912000111',
        partnerName: 'Nguyễn Văn Bình',
        partnerPersonalId: '020090001234',
      },
      populationLookupId: found.lookupId,
      intakeStartedAt: started,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const noStatement = await desk.request('POST', `/api/v1/dossiers/${id}/files/digitize`, {
      componentCode: `${MARRIAGE}.TP1`,
      from: 'original',
      pages: [{ contentType: 'image/png', data: png(200) }],
    });
    expect(noStatement.statusCode).toBe(400);
    for (const code of [`${MARRIAGE}.TP1`, `${MARRIAGE}.TP2`]) {
      const res = await desk.request('POST', `/api/v1/dossiers/${id}/files/digitize`, {
        componentCode: code,
        from: 'original',
        matchesOriginal: true,
        validUntil: null,
        pages: [
          { contentType: 'image/png', data: png(180) },
          { contentType: 'image/png', data: png(90) },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      const file = res.json() as DossierFile;
      expect(file).toMatchObject({ digitized: true, digitizedFrom: 'original', pages: 2, signature: { verdict: 'valid' } });
    }
    const record = (await desk.request('GET', `/api/v1/dossiers/${id}/provide-once`)).json() as DossierProvideOnce;
    expect(record.digitized).toBe(2);
    expect(record.intakeSeconds).toBeGreaterThanOrEqual(7 * 60);
    expect(record.eform!.mismatches.map((m) => m.key)).toEqual(['permanentAddress']);
    expect(record.lookups).toEqual([expect.objectContaining({ outcome: 'found', channel: 'counter', official: expect.any(String) })]);
    // The lookup that found her counts the counter dossier as using population data (4.5b); nothing was reused.
    const after = await indicators();
    expect(after.get('4.5b')).toMatchObject({ numerator: before.get('4.5b')!.numerator + 1, denominator: before.get('4.5b')!.denominator + 1 });
    expect(after.get('4.3')).toMatchObject({ numerator: before.get('4.3')!.numerator, denominator: before.get('4.3')!.denominator + 1 });
    // The scan of a component of a known type (TP2: the marital-status certificate) is in her vault for the next
    // dossier, the form (TP1, no result code) is not; the partner's ID number is kept sealed and shown opened.
    const vault = (await desk.request('GET', `/api/v1/vault?personalId=${hoa.personalId}`)).json() as VaultListing;
    expect(vault.documents.filter((d) => d.source === 'digitized').map((d) => d.resultCode)).toEqual(['1.004873.KQ1']);
    expect(record.eform!.values).toContainEqual({ key: 'partnerPersonalId', label: 'Số định danh cá nhân của bên kia', value: '020090001234' });
    const stored = await app.ctx.deps.db.selectFrom('dossiers').select('eform').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.eform)).not.toContain('020090001234');
    // The same lookup cannot serve a second dossier.
    const twice = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: MARRIAGE,
      channel: 'counter',
      applicant: { fullName: hoa.fullName, personalId: hoa.personalId, address: null, phone: null, email: null },
      components: receivedComponents(MARRIAGE),
      accept: true,
      populationLookupId: found.lookupId,
    });
    expect(twice.statusCode).toBe(400);

    // Four lookups reached the registry (the malformed number never left): each is in the report.
    expect(await lookupTotals()).toEqual({ total: lookupsBefore.total + 4, refused: lookupsBefore.refused + 1 });
    const report = (await monitor.request('GET', `/api/v1/reports/digitization?from=${today}&to=${today}`)).json() as {
      units: { unitCode: string; digitized: number; averageIntakeSeconds: number | null }[];
      procedures: { procedureCode: string; fieldsTyped: number }[];
    };
    // The ward's one-stop centre received it: digitized, with the seven minutes of intake.
    const centre = report.units.find((u) => u.unitCode === '000.01.31.H37')!;
    expect(centre.digitized).toBeGreaterThanOrEqual(1);
    expect(centre.averageIntakeSeconds).toBeGreaterThanOrEqual(7 * 60);
    expect(report.procedures.map((p) => p.procedureCode)).toContain(MARRIAGE);
  });
});
