import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { Client, freePort, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { createNotificationWorker, NOTIFY_BACKOFF_MS } from '../../src/infrastructure/mail/outbox-worker.js';
import { createConfiguredMailer } from '../../src/infrastructure/mail/configured-mailer.js';
import { createSmtpMailer } from '../../src/infrastructure/mail/smtp-mailer.js';
import type { Mailer } from '../../src/infrastructure/mail/mailer.js';
import { receivedComponents } from '../support/intake.js';

const EMAIL = 'nguyen.thi.hoa@example.vn';
const REFUSED = 'khong-ton-tai@example.vn';
const applicant = { fullName: 'Nguyễn Thị Hoa', personalId: '020190001234', address: 'Số 5 đường Lê Lợi, phường Tam Thanh', phone: '0912345678', email: EMAIL };

interface Received {
  from: string;
  to: string[];
  subject: string;
  body: string;
  messageId: string;
}

/** Decode a raw RFC 5322 message as nodemailer writes it: encoded-word headers, quoted-printable or base64 text. */
function decodeMail(raw: string): Omit<Received, 'from' | 'to'> {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map(headerText.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(qp(data.replace(/_/g, ' ')), 'latin1').toString('utf8'),
    );
  const qp = (s: string) => s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  const rawBody = raw.slice(split + 4);
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(qp(rawBody), 'latin1').toString('utf8')
        : rawBody;
  return { subject: words(headers.get('subject') ?? ''), body: body.replace(/\r\n/g, '\n'), messageId: headers.get('message-id') ?? '' };
}

/** A real SMTP server on localhost, with a login, that refuses one recipient for good. */
async function startSmtpServer(): Promise<{ port: number; inbox: Received[]; close(): Promise<void> }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'motcua' && auth.password === 'mat-khau') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        inbox.push({ from, to: session.envelope.rcptTo.map((r) => r.address), ...decodeMail(Buffer.concat(chunks).toString('latin1')) });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, inbox, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** "16:30 ngày 27/11/2026" from an ISO instant, in Vietnam time. */
const vn = (iso: string) => {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${d.slice(11, 16)} ngày ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
};

describe.each(ENGINES)('notifications to applicants on %s', (engine) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let live: Mailer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startTestApp(engine, {
      env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0', SMTP_URL: `smtp://motcua:mat-khau@127.0.0.1:${smtp.port}` },
    });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    live = createConfiguredMailer(app.ctx.config, app.database.db)!;
  });
  afterAll(async () => {
    await live?.close();
    await app?.stop();
    await smtp?.close();
  });

  const db = () => app.database.db;
  const worker = (options: { clock?: () => Date; mailer?: Mailer } = {}) =>
    createNotificationWorker({ db: db(), clock: options.clock ?? (() => new Date()), publicUrl: app.ctx.config.publicUrl, mailer: options.mailer ?? live });
  const receive = async (email: string | null = EMAIL) => {
    const res = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant: { ...applicant, email },
      components: receivedComponents('1.001193'),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  const act = (client: Client, id: string, body: Record<string, unknown>) => client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
  const outbox = (dossierId: string) => db().selectFrom('notification_outbox').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
  const mailsFor = (code: string) => smtp.inbox.filter((m) => m.subject.includes(code));

  it('accepting at the counter sends the applicant a Vietnamese e-mail with the code, the appointment and the link, through SMTP', async () => {
    const { id, code } = await receive();
    const rows = await outbox(id);
    expect(rows).toMatchObject([{ event: 'accepted', channel: 'email', recipient: EMAIL, status: 'pending', attempts: 0 }]);
    const summary = await worker().runOnce();
    expect(summary).toMatchObject({ sent: summary.attempted, failed: 0 });
    const [mail, ...more] = mailsFor(code);
    expect(more).toHaveLength(0);
    const dossier = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json() as { appointmentAt: string };
    expect(mail!.to).toEqual([EMAIL]);
    expect(mail!.from).toBe('khong-tra-loi@localhost');
    expect(mail!.subject).toBe(`Hồ sơ ${code}: Đã tiếp nhận, hẹn trả kết quả`);
    expect(mail!.body).toContain(`Hồ sơ ${code} đã được tiếp nhận lúc`);
    expect(mail!.body).toContain(`Ngày hẹn trả kết quả: ${vn(dossier.appointmentAt)}.`);
    expect(mail!.body).toContain('Thủ tục: Đăng ký khai sinh.');
    expect(mail!.body).toContain(`Tra cứu tình trạng hồ sơ: ${app.ctx.config.publicUrl}/tra-cuu-ho-so/${code}`);
    expect(mail!.messageId).toMatch(/^<thong-bao-\d+@localhost>$/);
    for (const secret of [applicant.personalId, applicant.fullName, applicant.phone, '{{PUBLIC_URL}}']) expect(mail!.body).not.toContain(secret);
    expect(await outbox(id)).toMatchObject([{ status: 'sent', attempts: 1, last_error: null, sent_at: expect.any(Date) }]);
    // Nothing is sent twice.
    await worker().runOnce();
    expect(mailsFor(code)).toHaveLength(1);
  });

  it('tells of status changes, supplement requests with reason and items, and apologies with the new date; never the personal ID', async () => {
    const { id, code } = await receive();
    expect((await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null })).statusCode).toBe(200);
    expect((await act(specialist, id, { type: 'claim', expectedSeq: 2 })).statusCode).toBe(200);
    const reason = `Bản sao giấy tờ của người có số định danh ${applicant.personalId} không rõ`;
    expect(
      (await act(specialist, id, { type: 'requestSupplement', expectedSeq: 3, reason, items: ['Giấy chứng sinh', 'Bản sao CCCD của cha'] })).statusCode,
    ).toBe(200);
    expect((await act(desk, id, { type: 'receiveSupplement', expectedSeq: 4 })).statusCode).toBe(200);
    const { appointmentAt } = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json() as { appointmentAt: string };
    // Three days later, moved off a weekend: a new appointment must be a working day within office hours.
    const later = Date.parse(appointmentAt) + 3 * 86_400_000;
    const weekday = new Date(later + 7 * 3_600_000).getUTCDay();
    const newDate = new Date(later + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0) * 86_400_000).toISOString();
    const apology = await act(specialist, id, { type: 'apologize', expectedSeq: 5, reason: 'Cần xác minh thêm với cơ quan khác', newAppointmentAt: newDate });
    expect(apology.statusCode, apology.body).toBe(200);
    // The claim told nothing.
    expect((await outbox(id)).map((r) => r.event)).toEqual(['accepted', 'processing', 'supplementRequested', 'supplementReceived', 'apology']);
    await worker().runOnce();
    const mails = mailsFor(code);
    expect(mails.map((m) => m.subject)).toEqual([
      `Hồ sơ ${code}: Đã tiếp nhận, hẹn trả kết quả`,
      `Hồ sơ ${code}: Đang xử lý`,
      `Hồ sơ ${code}: Yêu cầu bổ sung hồ sơ`,
      `Hồ sơ ${code}: Đã nhận hồ sơ bổ sung`,
      `Hồ sơ ${code}: Thư xin lỗi và hẹn lại ngày trả kết quả`,
    ]);
    const supplement = mails[2]!.body;
    expect(supplement).toContain('Lý do: Bản sao giấy tờ của người có số định danh *** không rõ');
    expect(supplement).toContain('Giấy tờ cần bổ sung:\n  - Giấy chứng sinh\n  - Bản sao CCCD của cha');
    expect(supplement).toContain('Tình trạng hiện tại: Yêu cầu bổ sung giấy tờ.');
    expect(mails[4]!.body).toContain(`Ngày hẹn trả kết quả mới: ${vn(newDate)}.`);
    for (const m of mails) expect(m.body + m.subject).not.toContain(applicant.personalId);
  });

  it('writes nothing when the applicant gave no e-mail address', async () => {
    const { id } = await receive(null);
    await act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    expect(await outbox(id)).toEqual([]);
  });

  it('retries a message while the SMTP server is down, with backoff, then sends it; a refused recipient fails for good', async () => {
    const { id, code } = await receive();
    const down = createSmtpMailer({
      url: `smtp://127.0.0.1:${await freePort()}`,
      from: 'khong-tra-loi@localhost',
      messageIdDomain: 'localhost',
      connectionTimeoutMs: 2000,
    });
    const t0 = Date.now();
    const first = await worker({ mailer: down }).runOnce();
    expect(first).toMatchObject({ sent: 0, failed: 0 });
    expect(first.retrying).toBeGreaterThanOrEqual(1);
    let [row] = await outbox(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toMatch(/ECONNECTION|ECONNREFUSED/);
    expect(row!.last_error).not.toContain('@');
    expect(row!.next_attempt_at.getTime()).toBeGreaterThanOrEqual(t0 + NOTIFY_BACKOFF_MS[0]);
    // Not due yet: nothing is attempted.
    await worker({ mailer: down }).runOnce();
    expect((await outbox(id))[0]!.attempts).toBe(1);
    // After the first wait it is tried again, and waits longer.
    const later = (ms: number) => () => new Date(Date.now() + ms);
    await worker({ mailer: down, clock: later(NOTIFY_BACKOFF_MS[0] + 1000) }).runOnce();
    [row] = await outbox(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row!.next_attempt_at.getTime()).toBeGreaterThanOrEqual(t0 + NOTIFY_BACKOFF_MS[0] + NOTIFY_BACKOFF_MS[1]);
    // The server is back.
    await worker({ clock: later(NOTIFY_BACKOFF_MS[0] + NOTIFY_BACKOFF_MS[1] + 2000) }).runOnce();
    expect(await outbox(id)).toMatchObject([{ status: 'sent', attempts: 3, last_error: null }]);
    expect(mailsFor(code)).toHaveLength(1);
    await down.close();

    const refused = await receive(REFUSED);
    await worker().runOnce();
    const [failed] = await outbox(refused.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.last_error).toMatch(/550/);
    expect(failed!.last_error).not.toContain(REFUSED);
  });

  it('leaves no message behind an action that did not happen', async () => {
    const { id } = await receive();
    const other = await Client.official(app, 'motcua.tamthanh');
    const results = await Promise.all([
      act(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null }),
      act(other, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('DOSSIER_CHANGED');
    expect((await outbox(id)).map((r) => r.event)).toEqual(['accepted', 'processing']);

    // The message is part of the action's transaction: when writing it fails, the action is undone too.
    await sql`create function test_block_outbox() returns trigger language plpgsql as $$ begin raise exception 'outbox unavailable'; end; $$`.execute(db());
    await sql`create trigger test_block_outbox before insert on notification_outbox for each row execute function test_block_outbox()`.execute(db());
    try {
      await act(specialist, id, { type: 'claim', expectedSeq: 2 });
      const failed = await act(specialist, id, { type: 'requestSupplement', expectedSeq: 3, reason: 'Thiếu giấy chứng sinh', items: [] });
      expect(failed.statusCode).toBe(500);
    } finally {
      await sql`drop trigger test_block_outbox on notification_outbox`.execute(db());
      await sql`drop function test_block_outbox()`.execute(db());
    }
    const dossier = await db().selectFrom('dossiers').select(['status', 'last_seq']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(dossier).toEqual({ status: 'processing', last_seq: 3 });
    const audit = await db().selectFrom('audit_log').select('action').where('target_id', '=', id).execute();
    expect(audit.map((a) => a.action)).not.toContain('dossier.requestSupplement');
    expect(await outbox(id)).toHaveLength(2);
  });

  it('serves no demo mailbox when SMTP is configured', async () => {
    const admin = await Client.official(app, 'admin');
    expect((await admin.request('GET', '/api/v1/demo/mailbox')).statusCode).toBe(404);
  });
});

describe.each(ENGINES)('the demo mailbox on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000', NOTIFY_POLL_SECONDS: '0' } });
  });
  afterAll(() => app.stop());

  it('stores what would have been sent when SMTP_URL is unset, and shows it to administrators, newest first', async () => {
    const desk = await Client.official(app, 'motcua.tamthanh');
    const mailer = createConfiguredMailer(app.ctx.config, app.database.db)!;
    expect(mailer.kind).toBe('demo');
    const worker = createNotificationWorker({ db: app.database.db, clock: () => new Date(), publicUrl: app.ctx.config.publicUrl, mailer });
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await desk.request('POST', '/api/v1/dossiers', {
        procedureCode: '1.001193',
        channel: 'counter',
        applicant,
        components: receivedComponents('1.001193'),
      });
      codes.push((res.json() as { code: string }).code);
      expect(await worker.runOnce()).toMatchObject({ attempted: 1, sent: 1 });
    }
    // A message stored again (a retry after a crash between storing and marking it sent) is kept once.
    await app.database.db.updateTable('notification_outbox').set({ status: 'pending', sent_at: null, next_attempt_at: new Date() }).execute();
    expect(await worker.runOnce()).toMatchObject({ attempted: 2, sent: 2 });

    const admin = await Client.official(app, 'admin');
    const res = await admin.request('GET', '/api/v1/demo/mailbox');
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: { dossierCode: string; event: string; to: string; subject: string; body: string }[] };
    expect(items.map((m) => m.dossierCode)).toEqual([...codes].reverse());
    expect(items[0]).toMatchObject({ event: 'accepted', to: EMAIL, subject: `Hồ sơ ${codes[1]}: Đã tiếp nhận, hẹn trả kết quả` });
    expect(items[0]!.body).toContain(`${app.ctx.config.publicUrl}/tra-cuu-ho-so/${codes[1]}`);
    expect(items[0]!.body).not.toContain(applicant.personalId);
    // Recipients' addresses: not for desk officers, nor the public.
    expect((await desk.request('GET', '/api/v1/demo/mailbox')).statusCode).toBe(403);
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/demo/mailbox' })).statusCode).toBe(401);
    const monitor = await Client.official(app, 'giamsat');
    expect((await monitor.request('GET', '/api/v1/demo/mailbox?limit=1')).json().items).toHaveLength(1);
  });
});
