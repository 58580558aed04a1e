/**
 * Citizen feedback (issue 22) through the HTTP API on both engines: anonymous intake with the challenge, an
 * official's entry of a forwarded item with its first reception time, classification, routing, the answer drafted,
 * approved by the leader and published without the reporter's name or contact data, the reporter's dislike and
 * re-raise, the public search; and the bad input a public form meets (no challenge, empty or huge texts, a file that
 * is not what it says, an unknown unit, a flood).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { FEEDBACK_TEXT, solvedChallenge, submitAnonymously } from '../support/feedback.js';
import type { FeedbackDetail } from '../../src/contract/feedback.js';

const WARD = '000.00.31.H37';
const DAY_MS = 86_400_000;

describe.each(ENGINES)('citizen feedback on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let otherDesk: Client;

  const act = async (who: Client, id: string, body: Record<string, unknown>) => {
    const item = (await who.request('GET', `/api/v1/feedback/${id}`)).json() as FeedbackDetail;
    return who.request('POST', `/api/v1/feedback/${id}/actions`, { expectedSeq: item.seq, ...body });
  };
  const ok = async (p: ReturnType<typeof act>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { status: string };
  };

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    otherDesk = await Client.official(app, 'motcua.caoloc');
  });
  afterAll(() => app.stop());

  it('an anonymous item is answered, approved, published without personal data, disliked and re-raised', async () => {
    const citizen = new Client(app);
    const sent = await submitAnonymously(citizen);
    expect(sent.statusCode, sent.body).toBe(201);
    const { id, code, secret } = sent.json() as { id: string; code: string; secret: string };
    expect(code).toMatch(/^PAKN-\d{4}-\d{6}$/);

    // The ward's officials see it with the reporter's contact; another commune's do not see it at all.
    const seen = (await desk.request('GET', `/api/v1/feedback/${id}`)).json() as FeedbackDetail;
    expect(seen).toMatchObject({ status: 'received', reporter: { name: 'Hoàng Thị Mai', phone: '0912345678' }, next: { milestone: 'handle' } });
    expect((await otherDesk.request('GET', `/api/v1/feedback/${id}`)).statusCode).toBe(404);
    const queue = (await desk.request('GET', '/api/v1/feedback')).json() as { items: { code: string }[] };
    expect(queue.items.map((i) => i.code)).toContain(code);

    await ok(act(desk, id, { type: 'classify', kind: 'regulation', procedureCode: '1.001193', fieldCode: null }));
    await ok(act(desk, id, { type: 'accept' }));
    await ok(act(specialist, id, { type: 'draftAnswer', answer: 'Phường đã niêm yết lại danh mục giấy tờ và hướng dẫn tại bộ phận một cửa.' }));
    // Only the leader approves; a stale version is refused.
    expect((await act(specialist, id, { type: 'approveAnswer' })).statusCode).toBe(403);
    expect((await specialist.request('POST', `/api/v1/feedback/${id}/actions`, { type: 'publish', expectedSeq: 0 })).statusCode).toBe(409);
    await ok(act(leader, id, { type: 'approveAnswer' }));
    expect((await ok(act(desk, id, { type: 'publish' }))).status).toBe('published');

    const published = (await citizen.request('GET', `/api/v1/feedback/public/${code}`)).json() as Record<string, unknown>;
    expect(published).toMatchObject({ code, reporterName: null, answer: expect.stringContaining('niêm yết') });
    expect(JSON.stringify(published)).not.toMatch(/0912345678|mai@example|Hoàng Thị Mai|Nà Chuông/);
    const found = (await citizen.request('GET', '/api/v1/feedback/public?q=khai sinh giay to')).json() as { items: { code: string }[] };
    expect(found.items.map((i) => i.code)).toContain(code);

    // The reporter dislikes the answer and re-raises it: the item reopens and leaves the public list.
    expect((await citizen.request('POST', `/api/v1/feedback/public/${code}/vote`, { vote: 'dislike', secret: null })).statusCode).toBe(401);
    const vote = await citizen.request('POST', `/api/v1/feedback/public/${code}/vote`, { vote: 'dislike', secret });
    expect(vote.json()).toEqual({ likes: 0, dislikes: 1 });
    const votes = await app.database.db.selectFrom('audit_log').select('details').where('action', '=', 'feedback.vote').where('target_id', '=', id).execute();
    expect(votes).toHaveLength(1);
    expect((await citizen.request('POST', `/api/v1/feedback/public/${code}/reraise`, { secret: 'sai-ma-tra-cuu', reason: 'Chưa hài lòng' })).statusCode).toBe(
      404,
    );
    const again = await citizen.request('POST', `/api/v1/feedback/public/${code}/reraise`, { secret, reason: 'Phường chưa nêu thời hạn khắc phục.' });
    expect(again.json()).toMatchObject({ status: 'processing' });
    expect((await citizen.request('GET', `/api/v1/feedback/public/${code}`)).statusCode).toBe(404);
    const tracked = (await citizen.request('POST', '/api/v1/feedback/track', { code, secret })).json();
    expect(tracked).toMatchObject({ status: 'processing', canReraise: false });
  });

  it('names the reporter in public only when they agreed', async () => {
    const citizen = new Client(app);
    const sent = (await submitAnonymously(citizen, { showName: true })).json() as { id: string; code: string };
    await ok(act(desk, sent.id, { type: 'accept' }));
    await ok(act(desk, sent.id, { type: 'draftAnswer', answer: 'Cảm ơn ông/bà; phường đã bổ sung hướng dẫn tại quầy tiếp nhận.' }));
    await ok(act(leader, sent.id, { type: 'approveAnswer' }));
    await ok(act(desk, sent.id, { type: 'publish' }));
    expect((await citizen.request('GET', `/api/v1/feedback/public/${sent.code}`)).json()).toMatchObject({ reporterName: 'Hoàng Thị Mai' });
  });

  it('takes a forwarded item with its first reception time: the clock started there', async () => {
    const receivedAt = new Date(Date.now() - 30 * DAY_MS).toISOString();
    const res = await desk.request('POST', '/api/v1/feedback/entries', {
      channel: 'forwarded',
      ...FEEDBACK_TEXT,
      unitCode: WARD,
      procedureCode: null,
      dossierCode: null,
      reporter: null,
      showName: false,
      forwardedFrom: 'Văn phòng Chính phủ',
      receivedAt,
      attachments: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const item = (await desk.request('GET', `/api/v1/feedback/${id}`)).json() as FeedbackDetail;
    expect(item).toMatchObject({ channel: 'forwarded', forwardedFrom: 'Văn phòng Chính phủ', reporter: null, late: ['Xử lý quá 15 ngày làm việc'] });
    expect(Date.parse(item.receivedAt)).toBe(Date.parse(receivedAt));
    // Routed to the province's justice department: it handles it now, the ward no longer sees it.
    await ok(act(desk, id, { type: 'transfer', toUnitCode: '000.00.03.H37', reason: 'Thuộc lĩnh vực tư pháp của tỉnh' }));
    expect((await desk.request('GET', `/api/v1/feedback/${id}`)).statusCode).toBe(404);
    const justice = await Client.official(app, 'chuyenvien.tuphap');
    const there = (await justice.request('GET', `/api/v1/feedback/${id}`)).json() as FeedbackDetail;
    expect(there).toMatchObject({ unitCode: '000.00.03.H37', status: 'received', late: ['Xử lý quá 15 ngày làm việc'] });
  });

  it('refuses bad input with a clear error and keeps nothing', async () => {
    const citizen = new Client(app);
    const count = async () =>
      Number(
        (
          await app.database.db
            .selectFrom('feedback_items')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const noChallenge = await citizen.request('POST', '/api/v1/feedback', {
      ...FEEDBACK_TEXT,
      unitCode: WARD,
      procedureCode: null,
      dossierCode: null,
      reporter: null,
      showName: false,
      attachments: [],
      challenge: null,
    });
    expect(noChallenge.json()).toMatchObject({ error: { code: 'FEEDBACK_CHALLENGE_FAILED' } });
    const wrong = await submitAnonymously(citizen, { challenge: { ...(await solvedChallenge(citizen)), answer: '99' } });
    expect(wrong.statusCode).toBe(400);
    for (const over of [{ title: '' }, { content: 'ngắn' }, { content: 'x'.repeat(10_001) }, { unitCode: '999.99.99.H99' }, { procedureCode: '9.999999' }]) {
      const res = await submitAnonymously(citizen, over);
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const fake = await submitAnonymously(citizen, {
      attachments: [{ name: 'anh.pdf', contentType: 'application/pdf', data: Buffer.from('không phải PDF').toString('base64') }],
    });
    expect(fake.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.attachments.0' }] } });
    expect(await count()).toBe(before);
  });

  it('turns away a flood from one address', async () => {
    const flooder = new Client(app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await flooder.request('POST', '/api/v1/feedback', { title: 'x' })).statusCode);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
  });
});

describe('feedback reporters’ contact data after the retention period (pglite)', () => {
  it('is erased, the item and the name agreed for publication stay, and the erasure is audited', async () => {
    const app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
    try {
      const sent = (await submitAnonymously(new Client(app), { showName: true })).json() as { id: string };
      const { purgeFeedbackContacts } = await import('../../src/application/feedback/purge-feedback-contacts.js');
      expect(await purgeFeedbackContacts(app.ctx.deps, { retentionDays: 365 })).toEqual({ erased: 0 });
      const later = { ...app.ctx.deps, clock: () => new Date(Date.now() + 366 * DAY_MS) };
      expect(await purgeFeedbackContacts(later, { retentionDays: 365 })).toEqual({ erased: 1 });
      const row = await app.database.db.selectFrom('feedback_items').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ reporter_sealed: null, public_name: 'Hoàng Thị Mai', title: FEEDBACK_TEXT.title });
      const desk = await Client.official(app, 'motcua.tamthanh');
      expect(((await desk.request('GET', `/api/v1/feedback/${sent.id}`)).json() as FeedbackDetail).reporter).toBeNull();
      const audit = await app.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'feedback.contactsErased').execute();
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit)).not.toContain('0912345678');
    } finally {
      await app.stop();
    }
  });
});

describe('the public search over many answers (pglite)', () => {
  it('counts matches exactly up to 1,000 and says there are more past that', async () => {
    const app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
    try {
      const { sql } = await import('kysely');
      const state = JSON.stringify({ status: 'published' });
      // 1,005 published answers; every fifth one about "nghĩa trang" (201 of them).
      await sql`insert into feedback_items (code, channel, unit_code, title, content, anonymous, received_at, status, state, answer, published_at, search_text)
        select 'PAKN-T-' || i, 'portal', ${WARD}, 'Phản ánh ' || i, 'Nội dung', true, now(), 'published', ${state}::jsonb, 'Trả lời', now() - (i || ' seconds')::interval,
          case when i % 5 = 0 then 'nghia trang so ' || i else 'duong pho so ' || i end
        from generate_series(0, 1004) as i`.execute(app.database.db);
      const citizen = new Client(app);
      const all = (await citizen.request('GET', '/api/v1/feedback/public?limit=10')).json() as { items: unknown[]; total: number; more: boolean };
      expect(all).toMatchObject({ total: 1000, more: true });
      expect(all.items).toHaveLength(10);
      const some = (await citizen.request('GET', '/api/v1/feedback/public?q=nghia%20tra&limit=10')).json() as { total: number; more: boolean };
      expect(some).toEqual(expect.objectContaining({ total: 201, more: false }));
      // A page past the bound is counted past it: the citizen can always tell whether a next page exists.
      const deep = (await citizen.request('GET', '/api/v1/feedback/public?limit=10&offset=995')).json() as { items: unknown[]; total: number; more: boolean };
      expect(deep).toMatchObject({ total: 1005, more: false });
      expect(deep.items).toHaveLength(10);
    } finally {
      await app.stop();
    }
  });
});
