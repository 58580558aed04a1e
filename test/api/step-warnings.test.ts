import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { warnStepDeadlines } from '../../src/application/dossier/warn-step-deadlines.js';

const applicant = { fullName: 'Nguyễn Thị Hoa', personalId: '020190001234', address: 'Số 5 đường Lê Lợi, phường Tam Thanh', phone: '0912345678', email: null };
const components = [
  { code: '1.001193.TP1', name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
  { code: '1.001193.TP2', name: 'Giấy chứng sinh', form: 'copy', copies: 2 },
];

describe.each(ENGINES)('step deadline warnings on the server (%s)', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let monitor: Client;
  let now = new Date('2026-11-23T16:45:00+07:00');
  const at = (iso: string) => {
    now = new Date(iso);
  };
  let dossier: { id: string; code: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000', STEP_WARNING_POLL_SECONDS: '0' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    monitor = await Client.official(app, 'giamsat');
    for (const u of await app.database.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', 'in', ['motcua.tamthanh', 'chuyenvien.tamthanh', 'lanhdao.tamthanh'])
      .execute())
      ids[u.username!] = u.id;
    app.ctx.deps.clock = () => now;
    const res = await desk.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'counter', applicant, components, accept: true });
    expect(res.statusCode, res.body).toBe(201);
    dossier = res.json();
    at('2026-11-23T16:50:00+07:00');
    const act = async (client: Client, body: Record<string, unknown>) =>
      expect((await client.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, body)).statusCode).toBe(200);
    await act(desk, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    await act(specialist, { type: 'claim', expectedSeq: 2 });
  }, 180_000);
  afterAll(() => app.stop());

  /** A run of the job as a freshly started instance would make it: it keeps nothing in memory between runs. */
  const runJob = () => warnStepDeadlines(app.ctx.deps, { leadMinutes: 60 });
  const warnings = () => app.database.db.selectFrom('step_warnings').selectAll().where('dossier_id', '=', dossier.id).orderBy('created_at').execute();
  const inApp = (username: string) =>
    app.database.db
      .selectFrom('official_notifications')
      .selectAll()
      .where('dossier_id', '=', dossier.id)
      .where('user_id', '=', ids[username]!)
      .orderBy('id')
      .execute();
  const mails = () =>
    app.database.db
      .selectFrom('notification_outbox')
      .select(['event', 'recipient', 'subject', 'body'])
      .where('dossier_id', '=', dossier.id)
      .where('event', 'like', 'step%')
      .orderBy('id')
      .execute();

  it('warns one working hour before the specialist’s four hours run out (Tuesday 10:50), not a minute earlier', async () => {
    const steps = (await specialist.request('GET', `/api/v1/dossiers/${dossier.id}`)).json<{ steps: { dueAt: string }[] }>().steps;
    // Handed over Monday 16:50: 10 minutes on Monday, then 3 h 50 min on Tuesday from 07:00.
    expect(steps[1]?.dueAt).toBe('2026-11-24T10:50:00+07:00');
    at('2026-11-24T09:49:00+07:00');
    await runJob();
    expect(await warnings()).toEqual([]);
    at('2026-11-24T09:50:00+07:00');
    await runJob();
    expect((await warnings()).map((w) => [w.visit, w.kind, w.step_index])).toEqual([[1, 'dueSoon', 1]]);
    // The assignee and the ward's leader, in the app and by e-mail; nobody else.
    expect(await inApp('chuyenvien.tamthanh')).toHaveLength(1);
    expect(await inApp('lanhdao.tamthanh')).toHaveLength(1);
    expect(await inApp('motcua.tamthanh')).toHaveLength(0);
    const sent = await mails();
    expect(sent.map((m) => [m.event, m.recipient]).sort()).toEqual([
      ['stepDueSoon', 'chuyenvien.tamthanh@langson.gov.vn'],
      ['stepDueSoon', 'lanhdao.tamthanh@langson.gov.vn'],
    ]);
    expect(sent[0]?.subject).toBe(`Hồ sơ ${dossier.code}: bước 2 «${(await inApp('chuyenvien.tamthanh'))[0]!.title.split('«')[1]!.split('»')[0]}» sắp đến hạn`);
    expect(sent[0]?.body).toContain('Hạn của bước: 10:50 ngày 24/11/2026; còn 1 giờ làm việc.');
    expect(sent[0]?.body).not.toContain(applicant.personalId);
  });

  it('sends nothing twice: again, after a restart, and with two instances at once', async () => {
    at('2026-11-24T10:30:00+07:00');
    expect(await runJob()).toMatchObject({ dueSoon: 0, overdue: 0 });
    const [a, b] = await Promise.all([runJob(), runJob()]);
    expect(a.dueSoon + b.dueSoon).toBe(0);
    expect(await warnings()).toHaveLength(1);
    expect(await inApp('chuyenvien.tamthanh')).toHaveLength(1);
    expect(await mails()).toHaveLength(2);
  });

  it('escalates once to the leader when the step’s budget is exceeded', async () => {
    at('2026-11-24T10:50:00+07:00');
    await runJob();
    expect((await warnings()).map((w) => w.kind)).toEqual(['dueSoon']);
    at('2026-11-24T10:51:00+07:00');
    const [a, b] = await Promise.all([runJob(), runJob()]);
    expect(a.overdue + b.overdue).toBe(1);
    at('2026-11-25T09:00:00+07:00');
    await runJob();
    expect((await warnings()).map((w) => w.kind)).toEqual(['dueSoon', 'overdue']);
    const leaderNotes = await inApp('lanhdao.tamthanh');
    expect(leaderNotes.map((n) => n.kind)).toEqual(['dueSoon', 'overdue']);
    expect(leaderNotes[1]?.body).toContain('đã quá hạn của bước (10:50 ngày 24/11/2026)');
    expect(
      (await mails())
        .filter((m) => m.event === 'stepOverdue')
        .map((m) => m.recipient)
        .sort(),
    ).toEqual(['chuyenvien.tamthanh@langson.gov.vn', 'lanhdao.tamthanh@langson.gov.vn']);
  });

  it('shows the bell to each official (own notifications only), marks them read, and lists the dossier as due soon', async () => {
    const mine = await specialist.request('GET', '/api/v1/me/notifications');
    expect(mine.statusCode, mine.body).toBe(200);
    const list = mine.json<{ unread: number; items: { id: string; dossierCode: string; kind: string }[] }>();
    expect(list.unread).toBe(2);
    expect(list.items.filter((i) => i.dossierCode === dossier.code).map((i) => i.kind)).toEqual(['overdue', 'dueSoon']);
    const read = await specialist.request('POST', '/api/v1/me/notifications/read', { ids: [list.items[0]!.id] });
    expect(read.json()).toEqual({ marked: 1 });
    // Another official's id is not theirs to mark.
    const leaderList = (await leader.request('GET', '/api/v1/me/notifications')).json<{ items: { id: string }[] }>();
    expect((await specialist.request('POST', '/api/v1/me/notifications/read', { ids: [leaderList.items[0]!.id] })).json()).toEqual({ marked: 0 });
    expect((await specialist.request('GET', '/api/v1/me/notifications')).json<{ unread: number }>().unread).toBe(1);
    expect((await specialist.request('POST', '/api/v1/me/notifications/read', {})).json()).toEqual({ marked: 1 });

    at('2026-11-24T10:00:00+07:00');
    const queue = await leader.request('GET', '/api/v1/dossiers/due-soon');
    expect(queue.statusCode, queue.body).toBe(200);
    const body = queue.json<{
      leadMinutes: number;
      counts: { unitCode: string; dueSoon: number; overdue: number }[];
      items: { id: string; warning: string }[];
    }>();
    expect(body.leadMinutes).toBe(480);
    expect(body.items.find((i) => i.id === dossier.id)?.warning).toBe('dueSoon');
    const ward = body.counts.find((c) => c.unitCode === '000.00.31.H37');
    expect(ward?.dueSoon).toBeGreaterThanOrEqual(1);
    at('2026-11-24T11:00:00+07:00');
    const later = (await leader.request('GET', '/api/v1/dossiers/due-soon')).json<{ items: { id: string; warning: string }[] }>();
    expect(later.items.find((i) => i.id === dossier.id)?.warning).toBe('overdue');
    expect((await leader.request('GET', '/api/v1/dossiers/due-soon?unit=000.00.32.H37')).statusCode).toBe(403);
  });

  it('charges the dossier’s lateness to the step that overran, its unit and official, in working hours', async () => {
    // Due Tuesday 17:00 (one working day, counted from Tuesday: accepted after 15:00). The specialist hands
    // over on Wednesday 09:00, 6 h 10 min of working time after the step's deadline (Tuesday 10:50).
    at('2026-11-25T09:00:00+07:00');
    const seq = (await leader.request('GET', `/api/v1/dossiers/${dossier.id}`)).json<{ seq: number; dueAt: string }>();
    expect(seq.dueAt).toBe('2026-11-24T17:00:00+07:00');
    const act = async (client: Client, body: Record<string, unknown>) =>
      expect((await client.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, body)).statusCode).toBe(200);
    await act(specialist, { type: 'transfer', expectedSeq: seq.seq, toStep: 2, note: null });
    await act(leader, { type: 'claim', expectedSeq: seq.seq + 1 });
    at('2026-11-25T09:05:00+07:00');
    await act(leader, { type: 'approve', expectedSeq: seq.seq + 2, note: null });
    at('2026-11-25T10:00:00+07:00');
    const res = await monitor.request('GET', '/api/v1/scorecard/lateness?unit=000.00.31.H37&from=2026-11-01&to=2026-11-30');
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json<{
      lateDossiers: number;
      withoutOverrun: number;
      units: unknown[];
      officials: { unitCode: string; officialId: string | null; officialName: string | null; dossiers: number; steps: number; overrunHours: number }[];
    }>();
    expect(summary.lateDossiers).toBe(1);
    expect(summary.withoutOverrun).toBe(0);
    expect(summary.units).toEqual([
      { unitCode: '000.00.31.H37', unitName: expect.any(String), officialId: null, officialName: null, dossiers: 1, steps: 1, overrunHours: 6.17 },
    ]);
    expect(summary.officials).toEqual([
      {
        unitCode: '000.00.31.H37',
        unitName: expect.any(String),
        officialId: ids['chuyenvien.tamthanh'],
        officialName: expect.any(String),
        dossiers: 1,
        steps: 1,
        overrunHours: 6.17,
      },
    ]);
    // The period before it was late charges nobody; a unit outside the monitor's scope is refused.
    expect((await monitor.request('GET', '/api/v1/scorecard/lateness?unit=000.00.31.H37&from=2026-10-01&to=2026-10-31')).json()).toMatchObject({
      lateDossiers: 0,
      units: [],
    });
    expect((await specialist.request('GET', '/api/v1/scorecard/lateness?unit=000.00.31.H37&from=2026-11-01&to=2026-11-30')).statusCode).toBe(403);
  });
});
