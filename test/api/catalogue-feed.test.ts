import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { fieldCode, procedure } from '../support/catalogue.js';
import { DEMO_FIELDS } from '../../src/infrastructure/seed/demo-catalogue.js';
import { eventConcernsUnit } from '../../src/application/catalogue/catalogue-feed.js';
import { createWebhookWorker, WEBHOOK_BACKOFF_MS, WEBHOOK_MAX_ATTEMPTS } from '../../src/application/catalogue/webhook-delivery.js';
import { fetchSender } from '../../src/infrastructure/http-clients/webhook-sender.js';

const otherFieldCode = DEMO_FIELDS[1]!.code;
/** A commune's one-stop centre: within a commune, so every commune procedure concerns it. */
const COMMUNE_DESK = '000.01.35.H37';

interface AtomLink {
  rel?: string;
  href: string;
  type?: string;
}
interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  published: string;
  link: AtomLink[];
  summary: string;
  category?: { term: string; label?: string }[];
}
interface AtomFeed {
  xmlns: string;
  id: string;
  title: string;
  updated: string;
  author: { name: string };
  link: AtomLink[];
  entry?: AtomEntry[];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
});

/** Well-formed XML with every element RFC 4287 requires of a feed and its entries. */
function parseAtom(xml: string): { feed: AtomFeed; entries: AtomEntry[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = (parser.parse(xml) as { feed: AtomFeed }).feed;
  expect(feed.xmlns).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toMatch(/^tag:[^,]+,\d{4}:/);
  expect(feed.title.length).toBeGreaterThan(0);
  expect(feed.updated).toMatch(RFC3339);
  expect(feed.author.name.length).toBeGreaterThan(0); // entries carry no author, so the feed must
  expect(feed.link.find((l) => l.rel === 'self')?.href).toContain('/api/v1/catalogue/feed.atom');
  const entries = feed.entry ?? [];
  for (const e of entries) {
    expect(e.id).toMatch(/^tag:[^,]+,\d{4}:motcua:catalogue-event:\d+$/);
    expect(e.title).toMatch(/^(Công bố mới|Sửa đổi, bổ sung|Thay thế|Bãi bỏ): .+ \(\d\.\d+\)$/);
    expect(e.updated).toMatch(RFC3339);
    expect(e.link.find((l) => l.rel === 'alternate')?.href).toMatch(/\/thu-tuc\/\d\.\d+$/);
    expect(e.summary).toMatch(/^Quyết định số .+; có hiệu lực từ ngày \d{2}\/\d{2}\/\d{4}/);
  }
  return { feed, entries };
}

const eventId = (e: AtomEntry) => e.id.slice(e.id.lastIndexOf(':') + 1);

describe('catalogue Atom feed (demo data)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { WEBHOOK_POLL_SECONDS: '0' } });
  });
  afterAll(() => app.stop());
  const feed = (query = '') => app.app.inject({ method: 'GET', url: `/api/v1/catalogue/feed.atom${query}` });
  const allEvents = () =>
    app.database.db
      .selectFrom('catalogue_events')
      .select(['id', 'kind', 'procedure_code', 'field_code', 'level', 'unit_codes', 'decision_number'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();

  it('lists the latest 100 changes, newest first, as well-formed Atom', async () => {
    const res = await feed();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const { feed: atom, entries } = parseAtom(res.body);
    const events = await allEvents();
    expect(events.length).toBeGreaterThan(0);
    expect(entries.map(eventId)).toEqual(events.slice(0, 100).map((e) => e.id));
    const updated = entries.map((e) => e.updated);
    expect([...updated].sort().reverse()).toEqual(updated);
    expect(atom.updated).toBe(updated[0]);
    const first = events[0]!;
    expect(entries[0]!.link[0]!.href).toBe(`${app.baseUrl}/thu-tuc/${first.procedure_code}`);
    expect(entries[0]!.summary).toContain(first.decision_number);
    // Stable ids: the same entries on the next request.
    expect(parseAtom((await feed()).body).entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
  });

  it('filters by field and by unit (a commune also gets the commune procedures that name no unit)', async () => {
    const events = await allEvents();
    const byField = parseAtom((await feed(`?field=${encodeURIComponent(fieldCode)}`)).body).entries;
    expect(byField.map(eventId)).toEqual(
      events
        .filter((e) => e.field_code === fieldCode)
        .slice(0, 100)
        .map((e) => e.id),
    );
    expect(byField.length).toBeGreaterThan(0);
    expect(byField.every((e) => e.category?.[0]?.term === fieldCode)).toBe(true);

    const tree = app.ctx.deps.units.tree();
    const department = tree.all().find((u) => u.level === 'department' && events.some((e) => e.unit_codes.includes(u.code)))!;
    for (const unit of [COMMUNE_DESK, department.code, tree.children(null)[0]!.code]) {
      const expected = events.filter((e) => eventConcernsUnit({ unitCodes: e.unit_codes, level: e.level }, unit, tree)).slice(0, 100);
      const got = parseAtom((await feed(`?unit=${unit}`)).body).entries;
      expect(got.map(eventId), unit).toEqual(expected.map((e) => e.id));
      expect(got.length, unit).toBeGreaterThan(0);
    }
    const atCommune = events.filter((e) => eventConcernsUnit({ unitCodes: e.unit_codes, level: e.level }, COMMUNE_DESK, tree));
    expect(atCommune.some((e) => e.level === 'commune' && e.unit_codes.length === 0)).toBe(true);
    expect(atCommune.some((e) => e.unit_codes.includes(department.code))).toBe(false);

    const both = parseAtom((await feed(`?unit=${department.code}&field=${encodeURIComponent(otherFieldCode)}`)).body);
    expect(both.feed.link.find((l) => l.rel === 'self')?.href).toBe(
      `${app.baseUrl}/api/v1/catalogue/feed.atom?unit=${encodeURIComponent(department.code)}&field=${encodeURIComponent(otherFieldCode)}`,
    );
    expect(parseAtom((await feed('?field=KHONG_CO')).body).entries).toEqual([]);
    expect((await feed('?unit=999.99.99.X00')).statusCode).toBe(404);
    expect((await feed('?other=1')).statusCode).toBe(400);
  });

  it('escapes what it quotes, and drops characters XML cannot carry', async () => {
    const decision = await app.database.db
      .selectFrom('publication_decisions')
      .select(['id', 'number'])
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    const name = `Thủ tục <b>thử</b> & "nháy kép" 'nháy đơn' ]]> \u0001xong`;
    await app.database.db
      .insertInto('catalogue_events')
      .values({
        kind: 'new',
        procedure_code: '9.000001',
        procedure_name: name,
        version: 1,
        decision_id: decision.id,
        decision_number: 'Số <1> & "2"',
        effective_from: '2026-12-31',
        field_code: fieldCode,
        level: 'commune',
        unit_codes: [],
      })
      .execute();
    const { entries } = parseAtom((await feed()).body);
    expect(entries[0]!.title).toBe(`Công bố mới: ${name.replace('\u0001', '')} (9.000001)`);
    expect(entries[0]!.summary).toContain('Quyết định số Số <1> & "2"; có hiệu lực từ ngày 31/12/2026');
  });

  it('holds the latest 100 changes only', async () => {
    const decision = await app.database.db
      .selectFrom('publication_decisions')
      .select(['id', 'number'])
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    await app.database.db
      .insertInto('catalogue_events')
      .values(
        Array.from({ length: 101 }, (_, i) => ({
          kind: 'abolished' as const,
          procedure_code: `9.${String(100 + i).padStart(6, '0')}`,
          procedure_name: `Thủ tục số ${i}`,
          decision_id: decision.id,
          decision_number: decision.number,
          effective_from: '2027-01-01',
          unit_codes: [],
          at: new Date(Date.now() + 60_000 + i * 1000),
        })),
      )
      .execute();
    const { entries } = parseAtom((await feed()).body);
    expect(entries).toHaveLength(100);
    expect(entries[0]!.title).toBe('Bãi bỏ: Thủ tục số 100 (9.000200)');
    expect(entries[99]!.title).toBe('Bãi bỏ: Thủ tục số 1 (9.000101)');
  });
});

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver that answers 204, 500, or never (until the client gives up). */
async function startReceiver() {
  const received: Received[] = [];
  const state = { mode: 'ok' as 'ok' | 'fail' | 'hang' };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (state.mode !== 'hang') res.writeHead(state.mode === 'ok' ? 204 : 500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface DeliveryLog {
  id: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  event: { id: string; kind: string; procedureCode: string };
}

describe.each(ENGINES)('catalogue webhooks on %s', (engine) => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: Client;
  let now = new Date();
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { WEBHOOK_POLL_SECONDS: '0', LOGIN_RATE_LIMIT: '1000' } });
    receiver = await startReceiver();
    admin = await Client.official(app, 'giamsat');
  });
  afterAll(async () => {
    await receiver.close();
    await app.stop();
  });
  const worker = (timeoutMs?: number) => createWebhookWorker({ db: app.database.db, clock: () => now, publicUrl: app.baseUrl, send: fetchSender, timeoutMs });
  let n = 0;
  const publish = async (items: unknown[]) => {
    const draft = await admin.request('POST', '/api/v1/publication-decisions', {
      number: `${700 + n++}/QĐ-UBND`,
      issuedOn: '2026-11-20',
      signer: 'Chủ tịch UBND tỉnh',
      unitCode: '000.00.00.H37',
      items,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const published = await admin.request('POST', `/api/v1/publication-decisions/${draft.json().id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    now = new Date(Date.now() + 1000); // the deliveries are due from the publication on
  };
  const deliveries = async (id: string) => {
    const res = await admin.request('GET', `/api/v1/webhooks/${id}/deliveries`);
    expect(res.statusCode).toBe(200);
    return res.json().deliveries as DeliveryLog[];
  };

  const subs = { all: { id: '', secret: '' }, commune: '', department: '', otherField: '' };

  it('lets only catalogue managers subscribe, to http(s) URLs and known filters', async () => {
    const specialist = await Client.official(app, 'chuyenvien.tuphap');
    expect((await specialist.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/x` })).statusCode).toBe(403);
    expect((await specialist.request('GET', '/api/v1/webhooks')).statusCode).toBe(403);
    expect((await app.app.inject({ method: 'POST', url: '/api/v1/webhooks', payload: { url: `${receiver.url}/x` } })).statusCode).toBe(401);
    for (const url of ['ftp://example.com/hook', 'javascript:alert(1)', 'khong phai url', 'http://user:pass@example.com/']) {
      expect((await admin.request('POST', '/api/v1/webhooks', { url })).statusCode, url).toBe(400);
    }
    expect((await admin.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/x`, fieldCode: 'KHONG_CO' })).statusCode).toBe(400);
    expect((await admin.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/x`, unitCode: '999.99.99.X00' })).statusCode).toBe(404);
    expect((await admin.request('GET', '/api/v1/webhooks/00000000-0000-4000-8000-000000000000/deliveries')).statusCode).toBe(404);
  });

  it('shows the secret once, never in the list or the audit trail', async () => {
    const created = await admin.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/all` });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json() as { id: string; secret: string; url: string; unitCode: string | null };
    expect(body).toMatchObject({ url: `${receiver.url}/all`, unitCode: null, fieldCode: null, deliveries: { pending: 0, delivered: 0, failed: 0 } });
    expect(body.secret.length).toBeGreaterThanOrEqual(32);
    subs.all = { id: body.id, secret: body.secret };
    const department = app.ctx.deps.units
      .tree()
      .all()
      .find((u) => u.level === 'department')!;
    subs.commune = (await admin.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/commune`, unitCode: COMMUNE_DESK })).json().id;
    subs.department = (await admin.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/department`, unitCode: department.code })).json().id;
    subs.otherField = (await admin.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/other`, fieldCode: otherFieldCode })).json().id;

    const list = await admin.request('GET', '/api/v1/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(body.secret);
    expect(list.body).not.toContain('secret');
    expect((list.json().webhooks as { id: string }[]).map((w) => w.id)).toEqual([subs.all.id, subs.commune, subs.department, subs.otherField]);
    const audit = await app.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'catalogue.webhook_created').execute();
    expect(audit).toHaveLength(4);
    expect(JSON.stringify(audit)).not.toContain(body.secret);
  });

  it('delivers a publication to the matching subscriptions, signed with their secret', async () => {
    await publish([{ kind: 'new', procedureCode: '2.998001', effectiveFrom: '2026-12-01', record: procedure('2.998001') }]);
    const pending = await deliveries(subs.all.id);
    expect(pending).toMatchObject([{ status: 'pending', attempts: 0, event: { kind: 'new', procedureCode: '2.998001' } }]);
    // The commune procedure names no unit: every commune implements it, no department does; the field differs.
    expect(await deliveries(subs.commune)).toHaveLength(1);
    expect(await deliveries(subs.department)).toHaveLength(0);
    expect(await deliveries(subs.otherField)).toHaveLength(0);

    expect(await worker().runOnce()).toEqual({ attempted: 2, delivered: 2, retrying: 0, failed: 0 });
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/all', '/commune']);
    const got = receiver.received.find((r) => r.path === '/all')!;
    const expected = `sha256=${createHmac('sha256', subs.all.secret).update(got.body).digest('hex')}`;
    const signature = String(got.headers['x-motcua-signature']);
    expect(timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(true);
    const payload = JSON.parse(got.body) as { id: string; type: string; event: Record<string, unknown> };
    expect(payload).toMatchObject({
      id: pending[0]!.id,
      type: 'catalogue.changed',
      event: {
        id: pending[0]!.event.id,
        kind: 'new',
        procedureCode: '2.998001',
        effectiveFrom: '2026-12-01',
        fieldCode,
        level: 'commune',
        unitCodes: [],
        url: `${app.baseUrl}/thu-tuc/2.998001`,
      },
    });
    expect(got.headers['x-motcua-event-id']).toBe(pending[0]!.event.id);
    expect(got.headers['x-motcua-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(got.headers['content-type']).toContain('application/json');
    // The other subscription's signature does not verify with this secret.
    const other = receiver.received.find((r) => r.path === '/commune')!;
    expect(other.headers['x-motcua-signature']).not.toBe(`sha256=${createHmac('sha256', subs.all.secret).update(other.body).digest('hex')}`);

    expect(await deliveries(subs.all.id)).toMatchObject([
      { status: 'delivered', attempts: 1, lastStatusCode: 204, lastError: null, nextAttemptAt: null, deliveredAt: expect.any(String) },
    ]);
    expect(await worker().runOnce()).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(2);
  });

  it('retries a failed delivery with backoff, then gives up after the last attempt', async () => {
    receiver.state.mode = 'fail';
    receiver.received.length = 0;
    await publish([
      {
        kind: 'amended',
        procedureCode: '2.998001',
        effectiveFrom: '2027-01-01',
        record: procedure('2.998001', { name: 'Xác nhận tình trạng nhà ở (sửa đổi)' }),
      },
    ]);
    expect(await worker().runOnce()).toEqual({ attempted: 2, delivered: 0, retrying: 2, failed: 0 });
    let [log] = await deliveries(subs.all.id);
    expect(log).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500', event: { kind: 'amended' } });
    expect(Date.parse(log!.nextAttemptAt!)).toBe(now.getTime() + WEBHOOK_BACKOFF_MS[0]);
    // Not due yet: nothing is sent.
    expect(await worker().runOnce()).toMatchObject({ attempted: 0 });

    // Attempt 2 hangs until the client's timeout.
    receiver.state.mode = 'hang';
    now = new Date(Date.parse(log!.nextAttemptAt!));
    expect(await worker(200).runOnce()).toMatchObject({ attempted: 2, retrying: 2 });
    [log] = await deliveries(subs.all.id);
    expect(log).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: null, lastError: expect.stringContaining('Quá thời gian chờ') });
    expect(Date.parse(log!.nextAttemptAt!)).toBe(now.getTime() + WEBHOOK_BACKOFF_MS[1]);

    receiver.state.mode = 'fail';
    for (let attempt = 3; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      now = new Date(Date.parse(log!.nextAttemptAt!));
      const last = attempt === WEBHOOK_MAX_ATTEMPTS;
      expect(await worker().runOnce()).toMatchObject(last ? { attempted: 2, failed: 2 } : { attempted: 2, retrying: 2 });
      [log] = await deliveries(subs.all.id);
      expect(log).toMatchObject({ attempts: attempt, status: last ? 'failed' : 'pending', lastStatusCode: 500 });
      if (!last) expect(Date.parse(log!.nextAttemptAt!)).toBe(now.getTime() + WEBHOOK_BACKOFF_MS[attempt - 1]!);
    }
    expect(log).toMatchObject({ status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS, nextAttemptAt: null, deliveredAt: null });
    now = new Date(now.getTime() + 7 * 24 * 3_600_000);
    expect(await worker().runOnce()).toMatchObject({ attempted: 0 });
    expect(receiver.received.filter((r) => r.path === '/all')).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
  });

  it('never sends a row twice when two workers run at once', async () => {
    receiver.state.mode = 'ok';
    receiver.received.length = 0;
    const codes = ['2.998011', '2.998012', '2.998013', '2.998014', '2.998015'];
    await publish(codes.map((code) => ({ kind: 'new', procedureCode: code, effectiveFrom: '2026-12-01', record: procedure(code) })));
    const [a, b] = await Promise.all([worker().runOnce(), worker().runOnce()]);
    expect(a.attempted + b.attempted).toBe(codes.length * 2);
    const ids = receiver.received.map((r) => (JSON.parse(r.body) as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(codes.length * 2);
  });

  it('unsubscribes: pending deliveries are abandoned, the log stays, and the change is audited', async () => {
    receiver.state.mode = 'fail';
    await publish([{ kind: 'abolished', procedureCode: '2.998011', effectiveFrom: '2027-03-01' }]);
    expect((await deliveries(subs.all.id))[0]).toMatchObject({ status: 'pending', event: { kind: 'abolished' } });
    expect((await admin.request('DELETE', `/api/v1/webhooks/${subs.all.id}`)).statusCode).toBe(200);
    expect((await admin.request('DELETE', `/api/v1/webhooks/${subs.all.id}`)).statusCode).toBe(404);
    expect((await admin.request('GET', '/api/v1/webhooks')).json().webhooks.map((w: { id: string }) => w.id)).not.toContain(subs.all.id);
    expect((await deliveries(subs.all.id))[0]).toMatchObject({ status: 'failed', lastError: 'Đã hủy đăng ký nhận thông báo' });
    receiver.received.length = 0;
    await worker().runOnce();
    expect(receiver.received.map((r) => r.path)).toEqual(['/commune']);
    const audit = await app.database.db.selectFrom('audit_log').select('target_id').where('action', '=', 'catalogue.webhook_deleted').execute();
    expect(audit).toEqual([{ target_id: subs.all.id }]);
  });
});
