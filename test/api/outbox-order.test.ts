import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';
import { createNotificationWorker, NOTIFY_BACKOFF_MS } from '../../src/infrastructure/mail/outbox-worker.js';
import { MailDeliveryError, type MailMessage, type Mailer } from '../../src/infrastructure/mail/mailer.js';

/** A transport that records what it took, in order, and fails or hangs where the test says. */
function scriptedMailer(script: { failOnce?: Set<string>; hang?: Set<string> } = {}): Mailer & { sent: string[] } {
  const sent: string[] = [];
  return {
    kind: 'smtp',
    sent,
    async send(message: MailMessage) {
      if (script.hang?.delete(message.subject)) return new Promise<void>(() => undefined); // the process dies mid-send
      if (script.failOnce?.delete(message.subject)) throw new MailDeliveryError('ECONNECTION', false, 'Máy chủ thư tạm thời không kết nối được');
      sent.push(message.subject);
    },
    close: async () => undefined,
  };
}

describe.each(ENGINES)('the notification outbox keeps each dossier’s order on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0' } });
    desk = await Client.official(app, 'motcua.tamthanh');
  });
  afterAll(() => app.stop());

  const db = () => app.database.db;
  /** A dossier with no e-mail address (so no message of its own), and messages queued for it by the test. */
  async function dossierWith(subjects: string[]): Promise<string> {
    const applicant = { fullName: 'Lục Văn Thư', personalId: null, address: null, phone: null, email: null };
    const res = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant,
      components: receivedComponents('1.001193'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    await enqueue(id, subjects);
    return id;
  }
  const enqueue = (dossierId: string, subjects: string[]) =>
    db()
      .insertInto('notification_outbox')
      .values(subjects.map((subject) => ({ dossier_id: dossierId, event: 'test', recipient: 'nguoinop@example.vn', subject, body: subject })))
      .execute();
  /**
   * The worker's "now" just after the rows were queued. PostgreSQL stamps a row with microseconds and a JS date
   * has milliseconds: a row queued in this very millisecond would not be due yet at Date.now().
   */
  const justAfter = () => Date.now() + 1;
  const worker = (mailer: Mailer, at: number) => createNotificationWorker({ db: db(), clock: () => new Date(at), publicUrl: 'http://localhost', mailer });

  it('holds a dossier’s later messages behind one waiting for its retry, without holding other dossiers back', async () => {
    const a = await dossierWith(['a1', 'a2', 'a3', 'a4']);
    await dossierWith(['b1', 'b2']);
    const mailer = scriptedMailer({ failOnce: new Set(['a2']) });
    const t0 = justAfter();
    const first = await worker(mailer, t0).runOnce();
    expect(mailer.sent.filter((s) => s.startsWith('a'))).toEqual(['a1']);
    expect(mailer.sent.filter((s) => s.startsWith('b'))).toEqual(['b1', 'b2']);
    expect(first).toMatchObject({ sent: 3, retrying: 1, failed: 0 });
    // The messages behind a2 were given back unattempted.
    const rows = await db().selectFrom('notification_outbox').select(['subject', 'status', 'attempts']).where('dossier_id', '=', a).orderBy('id').execute();
    expect(rows).toEqual([
      { subject: 'a1', status: 'sent', attempts: 1 },
      { subject: 'a2', status: 'pending', attempts: 1 },
      { subject: 'a3', status: 'pending', attempts: 0 },
      { subject: 'a4', status: 'pending', attempts: 0 },
    ]);
    // Still before a2's retry: nothing of this dossier goes out, however often the worker runs.
    await worker(mailer, t0 + 1000).runOnce();
    expect(mailer.sent.filter((s) => s.startsWith('a'))).toEqual(['a1']);
    // After the wait, all of them, in order.
    await worker(mailer, t0 + NOTIFY_BACKOFF_MS[0] + 1000).runOnce();
    expect(mailer.sent.filter((s) => s.startsWith('a'))).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('keeps the order across a crash in the middle of a send: the lease holds the later messages back', async () => {
    const c = await dossierWith(['c1', 'c2', 'c3']);
    const t0 = justAfter();
    const dying = scriptedMailer({ hang: new Set(['c1']) });
    void worker(dying, t0).runOnce(); // never finishes: the process "died" with c1 in flight
    await expect
      .poll(
        async () =>
          (await db().selectFrom('notification_outbox').select('attempts').where('dossier_id', '=', c).orderBy('id').executeTakeFirstOrThrow()).attempts,
      )
      .toBe(1);
    // A restarted server, before the lease runs out: c1 may still be on its way, so neither c2 nor c3 goes.
    const restarted = scriptedMailer();
    await worker(restarted, t0 + 60_000).runOnce();
    expect(restarted.sent.filter((s) => s.startsWith('c'))).toEqual([]);
    // After the lease: c1 again (at least once), then c2 and c3.
    await worker(restarted, t0 + 11 * 60_000).runOnce();
    expect(restarted.sent.filter((s) => s.startsWith('c'))).toEqual(['c1', 'c2', 'c3']);
  });

  it('lets a message refused for good stop holding the dossier back', async () => {
    const d = await dossierWith(['d1', 'd2']);
    const refusing: Mailer & { sent: string[] } = {
      ...scriptedMailer(),
      sent: [],
      async send(message) {
        if (message.subject === 'd1') throw new MailDeliveryError('EENVELOPE 550', true, 'Địa chỉ người nhận bị từ chối');
        this.sent.push(message.subject);
      },
    };
    await worker(refusing, justAfter()).runOnce();
    expect(refusing.sent).toEqual(['d2']);
    const rows = await db().selectFrom('notification_outbox').select(['subject', 'status']).where('dossier_id', '=', d).orderBy('id').execute();
    expect(rows).toEqual([
      { subject: 'd1', status: 'failed' },
      { subject: 'd2', status: 'sent' },
    ]);
  });
});
