import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import { BULK_ACTION_TYPES, BULK_MAX_ITEMS } from '../../src/application/dossier/act-on-dossiers-in-bulk.js';
import { BULK_ACTIONS } from '../../src/web/features/dossiers/bulk-actions.js';
import { receivedComponents } from '../support/intake.js';

const applicant = {
  fullName: 'Nguyễn Thị Hoa',
  personalId: '020190001234',
  address: 'Số 5 đường Lê Lợi, phường Tam Thanh',
  phone: '0912345678',
  email: 'hoa@example.vn',
};

interface Outcome {
  id: string;
  ok: boolean;
  seq?: number;
  status?: string;
  code?: string;
  message?: string;
}

describe('the web app offers exactly the bulk actions the server allows', () => {
  it('lists the same command types', () => {
    expect([...BULK_ACTIONS]).toEqual([...BULK_ACTION_TYPES]);
  });
});

describe.each(ENGINES)('bulk actions on work queues on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
  });
  afterAll(() => app.stop());

  const receive = async (by = desk) => {
    const res = await by.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant,
      components: receivedComponents('1.001193'),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  const act = async (client: Client, id: string, body: Record<string, unknown>) => {
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { seq: number };
  };
  /** A dossier received and handed to the specialist's step (seq 2), waiting to be claimed. */
  const atSpecialist = async () => {
    const d = await receive();
    await act(desk, d.id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    return d;
  };
  /** A dossier claimed by the leader at the leader's step (seq 5), ready to approve. */
  const atLeader = async () => {
    const d = await atSpecialist();
    await act(specialist, d.id, { type: 'claim', expectedSeq: 2 });
    await act(specialist, d.id, { type: 'transfer', expectedSeq: 3, toStep: 2, note: null });
    await act(leader, d.id, { type: 'claim', expectedSeq: 4 });
    return d;
  };
  const bulk = (client: Client, body: unknown) => client.request('POST', '/api/v1/dossiers/bulk-actions', body);
  const view = async (client: Client, id: string) =>
    (await client.request('GET', `/api/v1/dossiers/${id}`)).json() as { seq: number; status: string; assigneeId: string | null };

  it('claims many dossiers, each in its own transaction: partial success with a stale, a foreign and a not-yet-available item', async () => {
    const [a, b, c, stale] = [await atSpecialist(), await atSpecialist(), await atSpecialist(), await atSpecialist()];
    const notYet = await receive();
    const foreign = await receive(await Client.official(app, 'motcua.caoloc'));
    // The queue rows tell the seq to send back and what the caller may do.
    const queue = (await specialist.request('GET', '/api/v1/dossiers?queue=unassigned')).json() as {
      items: { id: string; seq: number; availableActions: string[] }[];
    };
    const row = queue.items.find((i) => i.id === a.id);
    expect(row).toMatchObject({ seq: 2, availableActions: ['claim'] });
    // Another session claims one after the queue was read.
    await act(await Client.official(app, 'chuyenvien.tamthanh'), stale.id, { type: 'claim', expectedSeq: 2 });

    const res = await bulk(specialist, {
      command: { type: 'claim' },
      items: [a, stale, b, foreign, notYet, c].map((d) => ({ id: d.id, expectedSeq: d === notYet || d === foreign ? 1 : 2 })),
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Outcome[] }).items;
    expect(items.map((i) => [i.id, i.ok, i.ok ? i.status : i.code])).toEqual([
      [a.id, true, 'processing'],
      [stale.id, false, 'DOSSIER_CHANGED'],
      [b.id, true, 'processing'],
      [foreign.id, false, 'DOSSIER_NOT_FOUND'],
      [notYet.id, false, 'ACTION_NOT_AVAILABLE'],
      [c.id, true, 'processing'],
    ]);
    expect(items[0]).toEqual({ id: a.id, ok: true, seq: 3, status: 'processing' });
    expect(items[1]).toEqual({
      id: stale.id,
      ok: false,
      code: 'DOSSIER_CHANGED',
      message: 'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại trước khi thao tác.',
    });

    const me = (await specialist.request('GET', '/api/v1/auth/me')).json() as { user: { id: string } };
    for (const d of [a, b, c]) expect(await view(specialist, d.id)).toMatchObject({ seq: 3, assigneeId: me.user.id });
    expect((await view(desk, notYet.id)).seq).toBe(1);
    // The other session's claim stands alone.
    expect((await view(specialist, stale.id)).seq).toBe(3);
    // One audit record per dossier that changed, none for the refused ones.
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['target_id'])
      .where('action', '=', 'dossier.claim')
      .where('target_id', 'in', [a.id, b.id, c.id, notYet.id, foreign.id])
      .execute();
    expect(audit.map((r) => r.target_id).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it('lets a leader approve with one note and the desk return the results, with each dossier’s messages to its applicant', async () => {
    const [a, b] = [await atLeader(), await atLeader()];
    // The specialist is not the leader: nothing is approved for them.
    const refused = (await bulk(specialist, { command: { type: 'approve', note: null }, items: [{ id: a.id, expectedSeq: 5 }] })).json() as {
      items: Outcome[];
    };
    expect(refused.items).toEqual([{ id: a.id, ok: false, code: 'ACTION_NOT_AVAILABLE', message: expect.any(String) }]);

    const before = await app.database.db.selectFrom('notification_outbox').select(['dossier_id']).where('dossier_id', 'in', [a.id, b.id]).execute();
    const approved = await bulk(leader, {
      command: { type: 'approve', note: 'Đồng ý cấp Giấy khai sinh' },
      items: [a, b].map((d) => ({ id: d.id, expectedSeq: 5 })),
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as { items: Outcome[] }).items.map((i) => [i.ok, i.seq, i.status])).toEqual([
      [true, 6, 'resultReady'],
      [true, 6, 'resultReady'],
    ]);
    const history = (await desk.request('GET', `/api/v1/dossiers/${a.id}`)).json() as { history: { type: string; note: string | null }[] };
    expect(history.history.at(-1)).toMatchObject({ type: 'approve', note: 'Đồng ý cấp Giấy khai sinh' });
    const after = await app.database.db.selectFrom('notification_outbox').select(['dossier_id']).where('dossier_id', 'in', [a.id, b.id]).execute();
    for (const d of [a, b]) expect(after.filter((m) => m.dossier_id === d.id).length).toBeGreaterThan(before.filter((m) => m.dossier_id === d.id).length);

    const returned = await bulk(desk, { command: { type: 'returnResult', method: 'postal' }, items: [a, b].map((d) => ({ id: d.id, expectedSeq: 6 })) });
    expect((returned.json() as { items: Outcome[] }).items.map((i) => [i.ok, i.status])).toEqual([
      [true, 'returned'],
      [true, 'returned'],
    ]);
    const audit = await app.database.db.selectFrom('audit_log').select(['action']).where('target_id', '=', b.id).orderBy('seq').execute();
    expect(audit.map((r) => r.action).slice(-2)).toEqual(['dossier.approve', 'dossier.returnResult']);
  });

  it('refuses the command types that need a judgement per dossier, and bad lists, with 400 and no change', async () => {
    const d = await atSpecialist();
    for (const command of [
      { type: 'transfer', toStep: 2, note: null },
      { type: 'refuse', reason: 'Thiếu giấy tờ' },
      { type: 'requestSupplement', reason: 'Thiếu giấy tờ', items: ['Giấy chứng sinh'] },
      { type: 'teleport' },
      { type: 'claim', note: 'không có trường này' },
    ]) {
      const res = await bulk(specialist, { command, items: [{ id: d.id, expectedSeq: 2 }] });
      expect(res.statusCode, JSON.stringify(command)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const unsafe = (await bulk(specialist, { command: { type: 'transfer', toStep: 2, note: null }, items: [{ id: d.id, expectedSeq: 2 }] })).json();
    expect(JSON.stringify(unsafe.error.details)).toContain('claim, approve, returnResult');
    const tooMany = Array.from({ length: BULK_MAX_ITEMS + 1 }, () => ({ id: crypto.randomUUID(), expectedSeq: 2 }));
    expect((await bulk(specialist, { command: { type: 'claim' }, items: tooMany })).statusCode).toBe(400);
    expect((await bulk(specialist, { command: { type: 'claim' }, items: [] })).statusCode).toBe(400);
    const twice = await bulk(specialist, { command: { type: 'claim' }, items: [d, d].map((x) => ({ id: x.id, expectedSeq: 2 })) });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details).toEqual([{ path: 'body.items', message: 'Mỗi hồ sơ chỉ được nêu một lần' }]);
    expect((await view(specialist, d.id)).seq).toBe(2);
  });

  it('is for logged-in officials, with the CSRF token like every state change', async () => {
    const d = await atSpecialist();
    const body = { command: { type: 'claim' }, items: [{ id: d.id, expectedSeq: 2 }] };
    const anonymous = await app.app.inject({ method: 'POST', url: '/api/v1/dossiers/bulk-actions', payload: body });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('AUTH_REQUIRED');
    const noCsrf = await app.app.inject({ method: 'POST', url: '/api/v1/dossiers/bulk-actions', payload: body, headers: { cookie: specialist.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_INVALID');

    const login = await loginCitizen(app.ctx.deps, {
      identity: { issuer: 'https://sso.example', subject: `sub-bulk-${engine}`, fullName: 'Hoàng Văn Minh', personalId: '020085003417', email: null },
      meta: { actor: null, ip: '127.0.0.1', requestId: 'test-bulk' },
    });
    if (!login.ok) throw new Error(login.error.code);
    const citizen = new Client(app);
    citizen.cookie = `motcua_session=${login.value.sessionId}`;
    await citizen.request('GET', '/api/v1/auth/me');
    const asCitizen = await bulk(citizen, body);
    expect(asCitizen.statusCode).toBe(403);
    expect(asCitizen.json().error.code).toBe('FORBIDDEN_ROLE');
    expect((await view(specialist, d.id)).seq).toBe(2);
  });

  it('is described in the OpenAPI document with its body and per-item answer', async () => {
    const doc = (await app.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown; responses?: Record<string, unknown> }>>;
    };
    const op = doc.paths['/api/v1/dossiers/bulk-actions']?.post;
    expect(op?.security).toEqual([{ session: [], csrf: [] }]);
    expect(JSON.stringify(op?.requestBody)).toContain('returnResult');
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
  });
});
