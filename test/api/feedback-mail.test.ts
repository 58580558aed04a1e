/**
 * Citizen feedback by e-mail (issue 22) on both engines: real mail sent with nodemailer to the feedback mailbox (an
 * SMTP server on a free port) becomes an item of the configured ward's queue, its clock starting when the server took
 * the message (not at its Date header), the sender's name and address sealed and shown to that ward only, never in the
 * title or text; a PDF is kept and an .exe dropped with a note for the officials; a message delivered twice is one
 * item; an empty subject still makes an item. Refused: another recipient (550), a message over the size (552). The
 * mailbox alone: a flood from one address and a failed commit are both told to retry (451).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import type { FeedbackDetail } from '../../src/contract/feedback.js';
import { startMailInbox, type InboundMail } from '../../src/infrastructure/mail-inbox/mail-inbox.js';

const WARD = '000.00.31.H37';
const MAILBOX = 'phananh@tamthanh.example.vn';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const TEXT = 'Tôi nộp hồ sơ đăng ký khai sinh cho con tại phường nhưng phải đi lại ba lần vì thiếu hướng dẫn về giấy tờ.';

const transportTo = (port: number) => nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (error: { responseCode?: number }) => error.responseCode ?? -1,
  );

describe.each(ENGINES)('feedback by e-mail on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let otherDesk: Client;
  let mail: ReturnType<typeof transportTo>;

  const itemOf = async (response: string) => {
    const code = /PAKN-\d{4}-\d{6}/.exec(response)?.[0];
    const queue = (await desk.request('GET', '/api/v1/feedback')).json() as { items: { id: string; code: string; channel: string }[] };
    const summary = queue.items.find((i) => i.code === code);
    expect(summary, response).toMatchObject({ channel: 'email' });
    return (await desk.request('GET', `/api/v1/feedback/${summary!.id}`)).json() as FeedbackDetail;
  };

  beforeAll(async () => {
    app = await startTestApp(engine, {
      env: {
        LOGIN_RATE_LIMIT: '1000',
        FEEDBACK_MAIL_PORT: '0',
        FEEDBACK_MAIL_ADDRESSES: `${MAILBOX}, PAKN@langson.example.vn`,
        FEEDBACK_MAIL_UNIT: WARD,
        FEEDBACK_MAIL_MAX_BYTES: '200000',
      },
    });
    desk = await Client.official(app, 'motcua.tamthanh');
    otherDesk = await Client.official(app, 'motcua.caoloc');
    mail = transportTo(app.mailInbox!.port);
  });
  afterAll(async () => {
    mail?.close();
    await app?.stop();
  });

  it("a message is an item of the ward's queue from when it was taken, its sender sealed and seen by the ward only", async () => {
    const before = Date.now();
    const sent = await mail.sendMail({
      from: '"Hoàng Thị Mai" <mai@example.vn>',
      to: MAILBOX,
      subject: 'Thủ tục đăng ký khai sinh bị kéo dài',
      text: `${TEXT}\n\nXin trả lời cho tôi qua mai@example.vn.`,
      date: new Date('2020-01-02T03:04:05Z'),
      messageId: '<khai-sinh-1@example.vn>',
      attachments: [
        { filename: 'don-phan-anh.pdf', content: PDF },
        { filename: 'setup.exe', content: Buffer.from('MZ\x90\x00 not a document'), contentType: 'application/octet-stream' },
      ],
    });
    const after = Date.now();
    expect(sent.response).toMatch(/^250 .*PAKN-\d{4}-\d{6}/);

    const item = await itemOf(sent.response);
    expect(item).toMatchObject({
      channel: 'email',
      unitCode: WARD,
      status: 'received',
      title: 'Thủ tục đăng ký khai sinh bị kéo dài',
      reporter: { name: 'Hoàng Thị Mai', email: 'mai@example.vn', phone: null, address: null },
      showName: false,
    });
    // The clock starts at acceptance, not at the Date header the sender wrote.
    const received = Date.parse(item.receivedAt);
    expect(received).toBeGreaterThanOrEqual(before - 1);
    expect(received).toBeLessThanOrEqual(after);
    // The address is the sealed contact's only: not in the text that may be published.
    expect(item.content).toContain('khai sinh');
    expect(item.content).not.toContain('mai@example.vn');
    expect(item.attachments).toEqual([expect.objectContaining({ name: 'don-phan-anh.pdf', contentType: 'application/pdf', size: PDF.length })]);
    expect(item.events[0]).toMatchObject({ type: 'receive', actorRole: null, note: expect.stringContaining('setup.exe') });

    expect((await otherDesk.request('GET', `/api/v1/feedback/${item.id}`)).statusCode).toBe(404);
    const row = await app.database.db.selectFrom('feedback_items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ mail_message_id: '<khai-sinh-1@example.vn>', public_name: null, anonymous: false });
    expect(row.reporter_sealed).not.toMatch(/mai@example|Hoàng Thị Mai/);
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'feedback.receive')
      .where('target_id', '=', item.id)
      .execute();
    expect(audit).toEqual([{ details: expect.objectContaining({ channel: 'email' }) }]);
    expect(JSON.stringify(audit)).not.toContain('mai@example');
  });

  it('a message delivered twice is one item', async () => {
    const message = {
      from: 'Lý Văn Hùng <hung@example.vn>',
      to: MAILBOX,
      subject: 'Lệ phí chứng thực chưa niêm yết',
      text: TEXT,
      messageId: '<twice@example.vn>',
    };
    const first = await mail.sendMail(message);
    const second = await mail.sendMail(message);
    expect(second.response).toMatch(/^250 /);
    expect(/PAKN-\d{4}-\d{6}/.exec(second.response)?.[0]).toBe(/PAKN-\d{4}-\d{6}/.exec(first.response)?.[0]);
    const rows = await app.database.db.selectFrom('feedback_items').select('id').where('mail_message_id', '=', '<twice@example.vn>').execute();
    expect(rows).toHaveLength(1);
  });

  it('a message without a subject or a sender name is an item whose title names neither', async () => {
    const sent = await mail.sendMail({
      from: 'nguyen.van.an@example.vn',
      to: 'pakn@langson.example.vn',
      subject: '',
      html: '<p>Đề nghị phường <b>niêm yết</b> lệ phí đăng ký khai sinh tại bộ phận một cửa.</p>',
    });
    const item = await itemOf(sent.response);
    expect(item.title).toMatch(/^Phản ánh qua thư điện tử ngày \d{2}\/\d{2}\/\d{4}/);
    expect(item.title).not.toContain('nguyen.van.an');
    expect(item.content).toContain('niêm yết lệ phí');
    expect(item.reporter).toMatchObject({ name: 'nguyen.van.an@example.vn', email: 'nguyen.van.an@example.vn' });
  });

  it('refuses another recipient (550) and a message over the size (552)', async () => {
    expect(await refusal(mail.sendMail({ from: 'a@example.vn', to: 'giamdoc@tamthanh.example.vn', subject: 'Thư nhầm địa chỉ', text: TEXT }))).toBe(550);
    const big = 'Nội dung rất dài. '.repeat(15_000);
    expect(await refusal(mail.sendMail({ from: 'a@example.vn', to: MAILBOX, subject: 'Thư quá lớn', text: big }))).toBe(552);
    const rows = await app.database.db.selectFrom('feedback_items').select('id').where('title', 'in', ['Thư nhầm địa chỉ', 'Thư quá lớn']).execute();
    expect(rows).toEqual([]);
  });
});

describe('the feedback mailbox itself', () => {
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

  it('tells a flood from one address and a failed commit to retry (451)', async () => {
    const handled: InboundMail[] = [];
    const inbox = await startMailInbox({
      host: '127.0.0.1',
      port: 0,
      addresses: [MAILBOX],
      maxBytes: 100_000,
      log: silent,
      limits: { connections: 5, messages: 2, windowMs: 60_000 },
      handle: async (m) => {
        handled.push(m);
        if (m.subject === 'lỗi') throw new Error('database unavailable');
        return 'OK';
      },
    });
    const mail = transportTo(inbox.port);
    try {
      expect(await refusal(mail.sendMail({ from: 'a@example.vn', to: MAILBOX, subject: 'lỗi', text: TEXT }))).toBe(451);
      expect((await mail.sendMail({ from: 'a@example.vn', to: MAILBOX, subject: 'một', text: TEXT })).response).toBe('250 OK');
      expect(await refusal(mail.sendMail({ from: 'a@example.vn', to: MAILBOX, subject: 'hai', text: TEXT }))).toBe(451);
      expect(handled.map((m) => m.subject)).toEqual(['lỗi', 'một']);
    } finally {
      mail.close();
      await inbox.close();
    }
  });
});
