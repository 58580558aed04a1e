import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { receivedComponents } from '../support/intake.js';

const WARD = '000.00.31.H37';
const applicant = { fullName: 'Nguyễn Thị Hoa', personalId: '020190001234', address: 'Số 5 đường Lê Lợi, phường Tam Thanh', phone: '0912345678', email: null };

describe.each(ENGINES)('dossier lifecycle on %s', (engine) => {
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

  const receive = async () => {
    const res = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant,
      components: receivedComponents('1.001193'),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string; status: string };
  };
  const act = (client: Client, id: string, body: Record<string, unknown>) => client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
  const view = async (client: Client, id: string) => (await client.request('GET', `/api/v1/dossiers/${id}`)).json();

  it('receives at the counter with a code {unit}-{YYMMDD}-{seq}, and runs to the returned result', async () => {
    const created = await receive();
    expect(created.code).toMatch(new RegExp(`^${WARD.replace(/\./g, '\\.')}-\\d{6}-\\d{4}$`));
    expect(created.status).toBe('accepted');
    let d = await view(desk, created.id);
    expect(d).toMatchObject({ status: 'accepted', nationalCode: 2, seq: 1, currentStep: { index: 0 } });
    expect(d.dueAt).toMatch(/\+07:00$/);
    expect(d.explanation.at(-1).kind).toBe('due');
    expect(d.availableActions).toContain('transfer');
    expect((await act(desk, created.id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null })).statusCode).toBe(200);
    d = await view(specialist, created.id);
    expect(d.availableActions).toEqual(['claim']);
    expect((await act(specialist, created.id, { type: 'claim', expectedSeq: 2 })).statusCode).toBe(200);
    expect((await act(specialist, created.id, { type: 'transfer', expectedSeq: 3, toStep: 2, note: 'Đủ điều kiện' })).statusCode).toBe(200);
    expect((await act(leader, created.id, { type: 'claim', expectedSeq: 4 })).statusCode).toBe(200);
    expect((await act(leader, created.id, { type: 'approve', expectedSeq: 5, note: null })).statusCode).toBe(200);
    // The result enters the template's final desk step, with its own deadline, until the desk returns it.
    d = await view(desk, created.id);
    expect(d.status).toBe('resultReady');
    expect(d.steps.at(-1)).toMatchObject({ index: 3, handedOverAt: null });
    expect(d.availableActions).toContain('returnResult');
    expect(d.currentStep).toMatchObject({ index: 3, unitCode: d.steps.at(-1).unitCode });
    const returned = await act(desk, created.id, { type: 'returnResult', expectedSeq: 6, method: 'counter' });
    expect(returned.json()).toMatchObject({ seq: 7, status: 'returned', nationalCode: 10 });
    d = await view(desk, created.id);
    expect(d.steps.map((s: { index: number; handedOverAt: string | null }) => [s.index, s.handedOverAt !== null])).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(d.currentStep).toBeNull();
    expect(d.history.map((h: { type: string }) => h.type)).toEqual(['accept', 'transfer', 'claim', 'transfer', 'claim', 'approve', 'returnResult']);
    const audit = await app.database.db.selectFrom('audit_log').select('action').where('target_id', '=', created.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'dossier.received_and_accepted',
      'dossier.transfer',
      'dossier.claim',
      'dossier.transfer',
      'dossier.claim',
      'dossier.approve',
      'dossier.returnResult',
    ]);
  });

  it('guards every action by role, unit and state', async () => {
    const { id } = await receive();
    // Wrong role: a specialist cannot refuse at reception or act before the step reaches them.
    expect((await act(specialist, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null })).json().error.code).toBe('ACTION_NOT_AVAILABLE');
    // Wrong unit: another commune's desk does not even see the dossier.
    const otherDesk = await Client.official(app, 'motcua.caoloc');
    expect((await otherDesk.request('GET', `/api/v1/dossiers/${id}`)).statusCode).toBe(404);
    expect((await act(otherDesk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null })).statusCode).toBe(404);
    // Wrong state: returning a result before there is one.
    expect((await act(desk, id, { type: 'returnResult', expectedSeq: 1, method: 'counter' })).statusCode).toBe(409);
    // Bad input: unknown action, step out of range.
    expect((await act(desk, id, { type: 'teleport', expectedSeq: 1 })).statusCode).toBe(400);
    expect((await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 9, note: null })).json().error.code).toBe('INVALID_STEP');
    // Anonymous.
    expect((await app.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/actions`, payload: { type: 'claim', expectedSeq: 1 } })).statusCode).toBe(401);
  });

  it('two officials acting at once on the same version: exactly one succeeds, the other gets 409', async () => {
    const { id } = await receive();
    await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    const other = await Client.official(app, 'chuyenvien.tamthanh');
    const results = await Promise.all([act(specialist, id, { type: 'claim', expectedSeq: 2 }), act(other, id, { type: 'claim', expectedSeq: 2 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('DOSSIER_CHANGED');
    expect((await view(desk, id)).seq).toBe(3);
  });

  it('gives unique codes under concurrent intake', async () => {
    const codes = (await Promise.all(Array.from({ length: 12 }, () => receive()))).map((d) => d.code);
    expect(new Set(codes).size).toBe(12);
  });

  it('a supplement request pauses the clock and the due date moves; the public status shows no personal data', async () => {
    const { id, code } = await receive();
    await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    await act(specialist, id, { type: 'claim', expectedSeq: 2 });
    const before = (await view(specialist, id)).dueAt;
    expect(
      (await act(specialist, id, { type: 'requestSupplement', expectedSeq: 3, reason: 'Thiếu giấy chứng sinh', items: ['Giấy chứng sinh'] })).json()
        .nationalCode,
    ).toBe(5);
    // The public detail, opened with the lookup key printed on the receipt.
    const lookupKey = (await view(specialist, id)).lookupKey as string;
    const pub = await app.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${encodeURIComponent(code)}?key=${lookupKey}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ code, status: 'supplementRequested', statusLabel: 'Yêu cầu bổ sung giấy tờ', nationalCode: 5 });
    for (const secret of [applicant.fullName, applicant.personalId, applicant.address, applicant.phone]) expect(pub.body).not.toContain(secret);
    expect((await act(desk, id, { type: 'receiveSupplement', expectedSeq: 4 })).statusCode).toBe(200);
    const after = (await view(specialist, id)).dueAt;
    expect(after >= before).toBe(true);
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/public/dossiers/khong-co' })).statusCode).toBe(404);
  });

  it('hands over only to the next step of the workflow, to a named official or to the unit queue', async () => {
    const { id } = await receive();
    // The template: reception → examination → signature → return of the result. No jumping ahead.
    let d = await view(desk, id);
    expect(d.template.map((t: { role: string }) => t.role)).toEqual(['desk_officer', 'specialist', 'leader', 'desk_officer']);
    for (const toStep of [2, 3]) expect((await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep, note: null })).json().error.code).toBe('INVALID_STEP');
    // Who may receive it at the next step: the active specialists of the ward, not its leader.
    const recipients = await desk.request('GET', `/api/v1/dossiers/${id}/transfer-recipients?toStep=1`);
    expect(recipients.statusCode, recipients.body).toBe(200);
    const officials = recipients.json().officials as { id: string; username: string }[];
    expect(officials.map((o) => o.username)).toContain('chuyenvien.tamthanh');
    expect(officials.map((o) => o.username)).not.toContain('lanhdao.tamthanh');
    expect((await desk.request('GET', `/api/v1/dossiers/${id}/transfer-recipients?toStep=3`)).json().error.code).toBe('INVALID_STEP');
    expect((await specialist.request('GET', `/api/v1/dossiers/${id}/transfer-recipients?toStep=1`)).json().error.code).toBe('ACTION_NOT_AVAILABLE');
    // Naming an official who is not of the step's role (or unknown) is refused.
    const leaderId = (await app.database.db.selectFrom('users').select('id').where('username', '=', 'lanhdao.tamthanh').executeTakeFirstOrThrow()).id;
    const refused = await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null, toOfficialId: leaderId });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('RECIPIENT_NOT_ELIGIBLE');
    expect(
      (await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null, toOfficialId: '00000000-0000-4000-8000-000000000000' })).json().error
        .code,
    ).toBe('RECIPIENT_NOT_ELIGIBLE');
    // Named: the specialist holds it at once, without claiming it from the queue.
    const chosen = officials.find((o) => o.username === 'chuyenvien.tamthanh')!;
    expect((await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null, toOfficialId: chosen.id })).statusCode).toBe(200);
    d = await view(specialist, id);
    expect(d.assigneeId).toBe(chosen.id);
    expect(d.availableActions).toContain('transfer');
    expect(d.availableActions).not.toContain('claim');
    // At the leader's step there is nowhere to transfer to: the leader decides.
    expect((await act(specialist, id, { type: 'transfer', expectedSeq: 2, toStep: 2, note: null })).statusCode).toBe(200);
    expect((await act(leader, id, { type: 'claim', expectedSeq: 3 })).statusCode).toBe(200);
    d = await view(leader, id);
    expect(d.availableActions).not.toContain('transfer');
    expect((await act(leader, id, { type: 'transfer', expectedSeq: 4, toStep: 3, note: null })).json().error.code).toBe('ACTION_NOT_AVAILABLE');
  });

  it('refuses a second supplement request unless the unit allows it, and then only acknowledged as late', async () => {
    const { id } = await receive();
    await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    await act(specialist, id, { type: 'claim', expectedSeq: 2 });
    await act(specialist, id, { type: 'requestSupplement', expectedSeq: 3, reason: 'Thiếu giấy chứng sinh', items: ['Giấy chứng sinh'] });
    await act(desk, id, { type: 'receiveSupplement', expectedSeq: 4 });
    const second = { type: 'requestSupplement', expectedSeq: 5, reason: 'Thiếu bản sao sổ hộ khẩu', items: ['Bản sao'] };
    const refused = await act(specialist, id, second);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'SUPPLEMENT_ALREADY_REQUESTED', message: expect.stringContaining('chỉ được yêu cầu bổ sung một lần') });
    // An administrator allows it for the ward (audited); officials cannot.
    const admin = await Client.official(app, 'admin');
    expect((await specialist.request('PUT', `/api/v1/units/${WARD}/supplement-rule`, { allowRepeatedSupplement: true })).statusCode).toBe(403);
    expect((await specialist.request('GET', `/api/v1/units/${WARD}/supplement-rule`)).json()).toEqual({
      unitCode: WARD,
      allowRepeatedSupplement: false,
      inheritedFrom: null,
    });
    const set = await admin.request('PUT', `/api/v1/units/${WARD}/supplement-rule`, { allowRepeatedSupplement: true });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ unitCode: WARD, allowRepeatedSupplement: true, inheritedFrom: WARD });
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', WARD)
      .where('action', '=', 'supplement_rule.set')
      .execute();
    expect(audit).toHaveLength(1);
    try {
      // Allowed, but not acknowledged: the web warns and asks again.
      expect((await act(specialist, id, second)).json().error.code).toBe('REPEATED_SUPPLEMENT_NOT_ACKNOWLEDGED');
      const done = await act(specialist, id, { ...second, acknowledgeLate: true });
      expect(done.statusCode, done.body).toBe(200);
      expect(await view(specialist, id)).toMatchObject({ status: 'supplementRequested', repeatedSupplement: true });
    } finally {
      expect((await admin.request('DELETE', `/api/v1/units/${WARD}/supplement-rule`)).json()).toMatchObject({
        allowRepeatedSupplement: false,
        inheritedFrom: null,
      });
    }
  });

  it('refuses an apology whose new appointment falls on a day off or outside office hours', async () => {
    const { id } = await receive();
    const d = await view(desk, id);
    // The first Sunday after the due date, then the Monday after it at 12:00 (lunch) and 09:00.
    const due = new Date(d.dueAt as string);
    const local = new Date(due.getTime() + 7 * 3_600_000);
    const sunday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + ((7 - local.getUTCDay()) % 7 || 7)));
    const at = (day: Date, plusDays: number, time: string) => `${new Date(day.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10)}T${time}:00+07:00`;
    const apologize = (newAppointmentAt: string) => act(desk, id, { type: 'apologize', expectedSeq: 1, reason: 'Cần xác minh thêm', newAppointmentAt });
    const onSunday = await apologize(at(sunday, 0, '09:00'));
    expect(onSunday.statusCode).toBe(400);
    expect(onSunday.json().error.code).toBe('NEW_DATE_OUTSIDE_OFFICE_HOURS');
    expect((await apologize(at(sunday, 8, '12:00'))).json().error.code).toBe('NEW_DATE_OUTSIDE_OFFICE_HOURS');
    expect((await apologize(at(sunday, 8, '20:00'))).json().error.code).toBe('NEW_DATE_OUTSIDE_OFFICE_HOURS');
  });

  it('a withdrawn dossier ends at national status 8 (after the request, 7)', async () => {
    const { id } = await receive();
    const res = await act(desk, id, { type: 'withdraw', expectedSeq: 1, reason: 'Công dân xin rút hồ sơ' });
    expect(res.json()).toMatchObject({ status: 'withdrawn', nationalCode: 8 });
    expect(await view(desk, id)).toMatchObject({ status: 'withdrawn', nationalCode: 8, statusLabel: 'Đã rút hồ sơ' });
  });

  it('lists the work queues by urgency', async () => {
    const { id } = await receive();
    await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    const queue = (await specialist.request('GET', '/api/v1/dossiers?queue=unassigned')).json();
    expect(queue.items.some((d: { id: string }) => d.id === id)).toBe(true);
    expect((await leader.request('GET', '/api/v1/dossiers?queue=unassigned')).json().items.some((d: { id: string }) => d.id === id)).toBe(false);
  });
});

describe('a schedule published late: open dossiers are listed for review, never changed silently', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  it('lists the dossier counted across a newly declared day off, recomputes it on request, then closes the review', async () => {
    const desk = await Client.official(app, 'motcua.tamthanh');
    const admin = await Client.official(app, 'admin');
    const created = (
      await desk.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'counter', applicant, components: receivedComponents('1.001193') })
    ).json();
    const before = (await desk.request('GET', `/api/v1/dossiers/${created.id}`)).json();
    const dueDay = (before.dueAt as string).slice(0, 10);
    expect((await desk.request('GET', '/api/v1/calendar/review')).json().items).toEqual([]);
    // The province declares the due day a day off after the dossier was accepted.
    const put = await admin.request('PUT', `/api/v1/calendar/years/${dueDay.slice(0, 4)}?province=000.00.00.H37`, {
      source: 'Thông báo nghỉ đột xuất (thử nghiệm)',
      days: [{ date: dueDay, name: 'Nghỉ đột xuất', kind: 'holiday' }],
    });
    expect(put.statusCode).toBe(200);
    const review = (await desk.request('GET', '/api/v1/calendar/review')).json();
    expect(review.items).toContainEqual(expect.objectContaining({ dossierId: created.id, dates: [dueDay] }));
    // The appointment did not move by itself.
    expect((await desk.request('GET', `/api/v1/dossiers/${created.id}`)).json().dueAt).toBe(before.dueAt);
    const recomputed = await desk.request('POST', `/api/v1/dossiers/${created.id}/actions`, {
      type: 'recomputeDue',
      expectedSeq: before.seq,
      reason: 'Áp dụng lịch nghỉ mới của tỉnh',
    });
    expect(recomputed.statusCode).toBe(200);
    const after = (await desk.request('GET', `/api/v1/dossiers/${created.id}`)).json();
    expect(after.dueAt > before.dueAt).toBe(true);
    expect(after.explanation.some((s: { text: string }) => s.text.includes('Nghỉ đột xuất'))).toBe(true);
    const changeId = review.changes[0].id as string;
    expect((await desk.request('POST', `/api/v1/calendar/changes/${changeId}/reviewed`)).statusCode).toBe(403);
    expect((await admin.request('POST', `/api/v1/calendar/changes/${changeId}/reviewed`)).statusCode).toBe(200);
    expect((await desk.request('GET', '/api/v1/calendar/review')).json().items).toEqual([]);
  });
});
