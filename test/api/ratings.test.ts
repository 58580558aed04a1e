import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { loginCitizen, type VerifiedIdentity } from '../../src/application/auth/login-citizen.js';
import { receivedComponents } from '../support/intake.js';

const WARD = '000.00.31.H37';
const applicant = { fullName: 'Nguyễn Thị Hoa', personalId: '020190001234', address: 'Số 5 đường Lê Lợi, phường Tam Thanh', phone: '0912345678', email: null };
const scores = { access: 5, procedure: 4, official: 5, result: 4, feedback: 3 };

describe.each(ENGINES)('satisfaction ratings on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
  });
  afterAll(() => app.stop());

  const citizen = async (identity: Partial<VerifiedIdentity> = {}) => {
    const full: VerifiedIdentity = {
      issuer: 'https://sso.example',
      subject: 'sub-minh',
      fullName: 'Hoàng Văn Minh',
      personalId: '020085003417',
      email: 'minh.hoang@example.vn',
      ...identity,
    };
    const login = await loginCitizen(app.ctx.deps, { identity: full, meta: { actor: null, ip: '127.0.0.1', requestId: 'test-rating' } });
    if (!login.ok) throw new Error(login.error.code);
    const client = new Client(app);
    client.cookie = `motcua_session=${login.value.sessionId}`;
    expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(200); // picks up the CSRF token
    return { client, userId: login.value.userId };
  };
  const act = async (client: Client, id: string, body: Record<string, unknown>) => {
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
  };
  /** From accepted (at seq) through the ward's three steps to the returned result. */
  const runToReturned = async (id: string, seq: number) => {
    await act(desk, id, { type: 'transfer', expectedSeq: seq, toStep: 1, note: null });
    await act(specialist, id, { type: 'claim', expectedSeq: seq + 1 });
    await act(specialist, id, { type: 'transfer', expectedSeq: seq + 2, toStep: 2, note: null });
    await act(leader, id, { type: 'claim', expectedSeq: seq + 3 });
    await act(leader, id, { type: 'approve', expectedSeq: seq + 4, note: null });
    await act(desk, id, { type: 'returnResult', expectedSeq: seq + 5, method: 'counter' });
  };
  const receive = async () => {
    const res = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant,
      components: receivedComponents('1.001193'),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  const rate = (client: Client, id: string, body: Record<string, unknown> = { scores }) => client.request('POST', `/api/v1/dossiers/${id}/rating`, body);
  const rating = (client: Client, id: string) => client.request('GET', `/api/v1/dossiers/${id}/rating`);

  it('a counter dossier is rated once, after its result was returned, at the desk kiosk of the receiving unit', async () => {
    const { id, code } = await receive();
    expect((await rating(desk, id)).json()).toEqual({ rating: null, canRate: false });
    const early = await rate(desk, id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ACTION_NOT_AVAILABLE');

    await runToReturned(id, 1);
    expect((await rating(desk, id)).json()).toEqual({ rating: null, canRate: true });
    expect((await rating(specialist, id)).json()).toEqual({ rating: null, canRate: false });
    // Bad scores are refused before anything else.
    expect((await rate(desk, id, { scores: { ...scores, access: 6 } })).statusCode).toBe(400);
    expect((await rate(desk, id, { scores: { access: 5, procedure: 4, official: 5 } })).statusCode).toBe(400);
    expect((await rate(desk, id, { scores, via: 'online' })).statusCode).toBe(400);
    // Who may not: a specialist of the unit (403), another commune's desk (404: it does not see the dossier).
    expect((await rate(specialist, id)).json().error.code).toBe('FORBIDDEN_ROLE');
    const otherDesk = await Client.official(app, 'motcua.caoloc');
    expect((await rate(otherDesk, id)).statusCode).toBe(404);
    expect((await rating(otherDesk, id)).statusCode).toBe(404);

    const res = await rate(desk, id, { scores, comment: '  Cán bộ hướng dẫn tận tình  ' });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({
      dossierId: id,
      unitCode: WARD,
      scores,
      comment: 'Cán bộ hướng dẫn tận tình',
      via: 'kiosk',
      ratedAt: expect.stringMatching(/\+07:00$/),
    });
    expect(saved.stepUnitCodes.length).toBeGreaterThanOrEqual(1);
    const dossier = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json() as { steps: { unitCode: string }[] };
    expect(saved.stepUnitCodes).toEqual([...new Set(dossier.steps.map((s) => s.unitCode))]);

    const again = await rate(desk, id, { scores: { ...scores, access: 1 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DOSSIER_ALREADY_RATED');
    expect((await rating(leader, id)).json()).toEqual({ rating: saved, canRate: false });

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', id)
      .where('action', '=', 'dossier.rated')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ code, via: 'kiosk', scores, commented: true });
    expect(JSON.stringify(audit[0]!.details)).not.toContain('tận tình');
  });

  it('an online dossier is rated by the citizen who owns it, in their account', async () => {
    const owner = await citizen();
    const created = await owner.client.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'online', unitCode: WARD });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    await act(desk, id, { type: 'accept', expectedSeq: 0 });
    await runToReturned(id, 1);

    // The desk does not rate an online dossier on the citizen's behalf; another citizen does not see it.
    expect((await rate(desk, id)).json().error.code).toBe('FORBIDDEN_ROLE');
    expect((await rating(desk, id)).json()).toEqual({ rating: null, canRate: false });
    const stranger = await citizen({ subject: 'sub-hoa', fullName: 'Lương Thị Hoa', personalId: '020192006852', email: null });
    expect((await rate(stranger.client, id)).statusCode).toBe(404);

    expect((await rating(owner.client, id)).json()).toEqual({ rating: null, canRate: true });
    const res = await rate(owner.client, id, { scores: { ...scores, feedback: null } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ via: 'online', scores: { feedback: null }, comment: null });
    const row = await app.database.db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ rated_by: owner.userId, via: 'online', score_feedback: null, unit_code: WARD });

    // The citizen was told of the submission and of the returned result, with the invitation to rate.
    const outbox = await app.database.db
      .selectFrom('notification_outbox')
      .select(['event', 'recipient', 'body'])
      .where('dossier_id', '=', id)
      .orderBy('id')
      .execute();
    expect(outbox.map((r) => r.event)).toEqual(['submitted', 'accepted', 'processing', 'result', 'returned']);
    expect(outbox.every((r) => r.recipient === 'minh.hoang@example.vn')).toBe(true);
    expect(outbox.at(-1)!.body).toContain('đánh giá mức độ hài lòng');
  });

  it('two ratings at once: exactly one is kept', async () => {
    const { id } = await receive();
    await runToReturned(id, 1);
    const kiosk = await Client.official(app, 'motcua.tamthanh');
    const results = await Promise.all([rate(desk, id), rate(kiosk, id, { scores: { ...scores, result: 1 } })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await app.database.db.selectFrom('dossier_ratings').select('dossier_id').where('dossier_id', '=', id).execute()).toHaveLength(1);
  });
});
