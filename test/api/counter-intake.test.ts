import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';

describe.each(ENGINES)('counter intake by the rule on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    desk = await Client.official(app, 'motcua.tamthanh');
  });
  afterAll(() => app.stop());

  const applicant = { fullName: 'Đinh Văn Quầy', personalId: null, address: null, phone: null, email: null };
  const [declaration] = receivedComponents('1.001193');
  const intake = (body: Record<string, unknown>) => desk.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', applicant, ...body });
  const count = async () =>
    Number(
      (
        await app.database.db
          .selectFrom('dossiers')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses to accept a dossier short of a mandatory component, naming it, and stores nothing', async () => {
    const before = await count();
    for (const channel of ['counter', 'postal']) {
      const res = await intake({ channel, components: [declaration] });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'MANDATORY_COMPONENTS_MISSING',
        details: [{ path: 'body.components', message: expect.stringMatching(/^Thiếu thành phần bắt buộc: Giấy chứng sinh/) }],
      });
    }
    expect(await count()).toBe(before);
    const complete = await intake({ channel: 'counter', components: receivedComponents('1.001193') });
    expect(complete.statusCode, complete.body).toBe(201);
    expect(complete.json().status).toBe('accepted');
  });

  it('receives it with a reception-time supplement request instead: form 02 listing what is missing, no clock', async () => {
    const res = await intake({ channel: 'counter', components: [declaration], receptionSupplement: { reason: 'Thiếu giấy chứng sinh', items: [] } });
    expect(res.statusCode, res.body).toBe(201);
    const { id, status } = res.json() as { id: string; status: string };
    expect(status).toBe('receptionSupplement');
    const dossier = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json();
    expect(dossier).toMatchObject({ status: 'receptionSupplement', acceptedAt: null, dueAt: null });
    expect(dossier.history).toEqual([
      expect.objectContaining({ type: 'requestSupplementAtReception', note: 'Thiếu giấy chứng sinh', items: [expect.stringMatching(/^Giấy chứng sinh/)] }),
    ]);
    const form = await app.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}/forms/02.pdf`, headers: { cookie: desk.cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toContain('application/pdf');
    const audit = await app.database.db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['dossier.received_supplement_requested']);
  });
});
