/**
 * The webhook delivery use case on an in-memory PGlite, without HTTP: a subscription made by the use case, the
 * deliveries a published decision queues, and the worker sending them through a fake WebhookSender port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { migrate } from '../../infrastructure/db/migrator.js';
import { seedDemo } from '../seed/seed-demo.js';
import { loadUnitDirectory } from '../units/unit-directory.js';
import type { AppDeps, RequestMeta } from '../context.js';
import type { Role } from '../../domain/access/roles.js';
import { createWebhook } from './create-webhook.js';
import { enqueueDeliveries } from './enqueue-webhook-deliveries.js';
import { createWebhookWorker, signWebhookBody, WEBHOOK_BACKOFF_MS, type WebhookRequest } from './webhook-delivery.js';

let testDb: TestDatabase;
let deps: AppDeps;
let meta: RequestMeta;
let now = new Date();

beforeAll(async () => {
  testDb = await createTestDatabase('pglite');
  await migrate(testDb.database);
  await seedDemo(testDb.database.db);
  const db = testDb.database.db;
  deps = { db, units: await loadUnitDirectory(db), clock: () => now };
  const admin = await db.selectFrom('users').select(['id', 'role', 'unit_code']).where('username', '=', 'giamsat').executeTakeFirstOrThrow();
  meta = { actor: { userId: admin.id, role: admin.role as Role, unitCode: admin.unit_code }, ip: null, requestId: 'webhook-delivery-test' };
}, 120_000);
afterAll(() => testDb.drop());

describe('webhook delivery (application, in-memory PGlite)', () => {
  it('signs each delivery with the subscription secret, retries a refused one after the backoff, then delivers it', async () => {
    const created = await createWebhook(deps, { url: 'https://hooks.example.vn/catalogue', unitCode: null, fieldCode: null, meta });
    if (!created.ok) throw new Error(created.error.code);
    const decision = await deps.db.selectFrom('publication_decisions').select('id').where('status', '=', 'published').executeTakeFirstOrThrow();
    const queued = await deps.db.transaction().execute((trx) => enqueueDeliveries(trx, decision.id));
    expect(queued).toBeGreaterThan(0);

    const sent: WebhookRequest[] = [];
    let answer = 503;
    const worker = createWebhookWorker({
      db: deps.db,
      clock: () => now,
      publicUrl: 'https://dichvucong.example.vn',
      send: async (request) => {
        sent.push(request);
        return { status: answer };
      },
    });
    now = new Date(Date.now() + 1000); // the rows are due from the moment they were queued
    const first = await worker.runOnce();
    expect(first).toMatchObject({ attempted: queued, delivered: 0, retrying: queued, failed: 0 });
    const request = sent[0]!;
    expect(request.url).toBe('https://hooks.example.vn/catalogue');
    expect(request.headers['x-motcua-signature']).toBe(signWebhookBody(created.value.secret, request.body));
    expect(JSON.parse(request.body)).toMatchObject({ type: 'catalogue.changed', event: { decisionId: decision.id } });

    // Not due again before the first backoff has passed.
    answer = 200;
    now = new Date(now.getTime() + WEBHOOK_BACKOFF_MS[0] - 1000);
    expect((await worker.runOnce()).attempted).toBe(0);
    now = new Date(now.getTime() + 2000);
    expect(await worker.runOnce()).toMatchObject({ attempted: queued, delivered: queued, retrying: 0 });
    const rows = await deps.db
      .selectFrom('webhook_deliveries')
      .select(['status', 'attempts', 'last_status_code'])
      .where('subscription_id', '=', created.value.id)
      .execute();
    expect(rows.every((r) => r.status === 'delivered' && r.attempts === 2 && r.last_status_code === 200)).toBe(true);
  });
});
