/**
 * A citizen's own feedback and the attachments' download (issue 22) through the HTTP API on both engines: "Phản ánh,
 * kiến nghị của tôi" lists what the signed-in citizen sent from their account, newest first, with the next deadline or
 * when the answer was published, and never anyone else's or an anonymous item; the sender follows an item and sends
 * the supplement asked for without the tracking secret. An attachment goes to the officials who handle the item (each
 * download audited), to the sender's account and to the holder of the tracking secret; anyone else is told nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { citizenClient } from '../support/payments.js';
import { FEEDBACK_TEXT, submitAnonymously } from '../support/feedback.js';
import type { FeedbackDetail, MyFeedbackList } from '../../src/contract/feedback.js';

const WARD = '000.00.31.H37';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
/** A name with diacritics, spaces, an apostrophe and brackets: all percent-encoded in the RFC 5987 filename*. */
const FILE_NAME = "Biên bản 'lần 1' (bản chụp).pdf";
const ENCODED_NAME = 'Bi%C3%AAn%20b%E1%BA%A3n%20%27l%E1%BA%A7n%201%27%20%28b%E1%BA%A3n%20ch%E1%BB%A5p%29.pdf';
const attachment = (name = FILE_NAME) => ({ name, contentType: 'application/pdf', data: PDF.toString('base64') });

describe.each(ENGINES)('a citizen’s own feedback and its attachments on %s', (engine) => {
  let app: TestApp;
  let minh: Client;
  let lan: Client;
  let desk: Client;
  let leader: Client;
  let otherDesk: Client;

  /** An item sent from the citizen's account (no challenge, the reporter read from the account). */
  async function fromAccount(citizen: Client, title: string, attachments: unknown[] = []) {
    const res = await citizen.request('POST', '/api/v1/feedback', {
      ...FEEDBACK_TEXT,
      title,
      unitCode: WARD,
      procedureCode: null,
      dossierCode: null,
      reporter: null,
      showName: false,
      attachments,
      challenge: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  }
  const mine = async (who: Client) => {
    const res = await who.request('GET', '/api/v1/feedback/mine');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as MyFeedbackList).items;
  };
  const act = async (who: Client, id: string, body: Record<string, unknown>) => {
    const item = (await who.request('GET', `/api/v1/feedback/${id}`)).json() as FeedbackDetail;
    const res = await who.request('POST', `/api/v1/feedback/${id}/actions`, { expectedSeq: item.seq, ...body });
    expect(res.statusCode, res.body).toBe(200);
  };
  const downloads = async (id: string) =>
    app.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'feedback.attachment_downloaded')
      .where('target_id', '=', id)
      .execute();

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    minh = await citizenClient(app, 'sub-pakn-minh', '020085003417');
    lan = await citizenClient(app, 'sub-pakn-lan', '020192006852');
    desk = await Client.official(app, 'motcua.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    otherDesk = await Client.official(app, 'motcua.caoloc');
  });
  afterAll(() => app.stop());

  it('lists a citizen’s own items, newest first, and no one else’s nor an anonymous one', async () => {
    const first = await fromAccount(minh, 'Thủ tục khai sinh phải đi lại nhiều lần');
    const second = await fromAccount(minh, 'Bãi đỗ xe trước bộ phận một cửa quá chật');
    const others = await fromAccount(lan, 'Giờ làm việc buổi chiều không đúng niêm yết');
    const anonymous = (await submitAnonymously(new Client(app))).json() as { code: string };

    const items = await mine(minh);
    expect(items.map((i) => i.code)).toEqual([second.code, first.code]);
    expect(items[0]).toMatchObject({
      id: second.id,
      title: 'Bãi đỗ xe trước bộ phận một cửa quá chật',
      unitName: expect.stringContaining('Tam Thanh'),
      status: 'received',
      statusLabel: expect.any(String),
      next: { milestone: 'handle', dueAt: expect.any(String) },
      publishedAt: null,
    });
    expect(Object.keys(items[0]!)).not.toContain('late');
    expect((await mine(lan)).map((i) => i.code)).toEqual([others.code]);
    // An anonymous item belongs to no account; an official sends none from the form.
    for (const who of [minh, lan, desk]) expect((await mine(who)).map((i) => i.code)).not.toContain(anonymous.code);
    expect(await mine(desk)).toEqual([]);
    expect((await new Client(app).request('GET', '/api/v1/feedback/mine')).statusCode).toBe(401);

    // The tracking view, without the secret: its sender's only.
    const view = await minh.request('GET', `/api/v1/feedback/mine/${first.code}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ id: first.id, code: first.code, status: 'received', answer: null, attachments: [] });
    expect((await lan.request('GET', `/api/v1/feedback/mine/${first.code}`)).json()).toMatchObject({ error: { code: 'FEEDBACK_NOT_FOUND' } });
    expect((await desk.request('GET', `/api/v1/feedback/mine/${first.code}`)).statusCode).toBe(404);
    expect((await minh.request('GET', `/api/v1/feedback/mine/${anonymous.code}`)).statusCode).toBe(404);
    expect((await new Client(app).request('GET', `/api/v1/feedback/mine/${first.code}`)).statusCode).toBe(401);
  });

  it('shows the sender the supplement asked for and the published answer, without the tracking secret', async () => {
    const sent = await fromAccount(minh, 'Chưa rõ lệ phí chứng thực bản sao');
    await act(desk, sent.id, { type: 'requestSupplement', reason: 'Đề nghị cho biết bản sao giấy tờ nào' });
    expect((await minh.request('GET', `/api/v1/feedback/mine/${sent.code}`)).json()).toMatchObject({ status: 'supplementRequested', canSupplement: true });
    const supplement = { content: 'Bản sao giấy khai sinh và sổ hộ khẩu của gia đình tôi.' };
    expect((await lan.request('POST', `/api/v1/feedback/public/${sent.code}/supplement`, supplement)).statusCode).toBe(404);
    const supplemented = await minh.request('POST', `/api/v1/feedback/public/${sent.code}/supplement`, supplement);
    expect(supplemented.json()).toMatchObject({ status: 'processing' });

    await act(desk, sent.id, { type: 'draftAnswer', answer: 'Lệ phí chứng thực bản sao là 2.000 đồng mỗi trang, niêm yết tại quầy.' });
    await act(leader, sent.id, { type: 'approveAnswer' });
    await act(desk, sent.id, { type: 'publish' });
    const listed = (await mine(minh)).find((i) => i.code === sent.code)!;
    expect(listed).toMatchObject({ status: 'published', next: null, publishedAt: expect.any(String) });
    expect((await minh.request('GET', `/api/v1/feedback/mine/${sent.code}`)).json()).toMatchObject({
      status: 'published',
      answer: expect.stringContaining('2.000 đồng'),
      canReraise: true,
    });
  });

  it('hands an attachment to the handling unit (audited) and to its sender, and to no one else', async () => {
    const sent = await fromAccount(minh, 'Biên bản làm việc chưa được gửi lại', [attachment()]);
    const view = (await minh.request('GET', `/api/v1/feedback/mine/${sent.code}`)).json() as { attachments: { id: string; name: string; size: number }[] };
    expect(view.attachments).toEqual([{ id: expect.any(String), name: FILE_NAME, contentType: 'application/pdf', size: PDF.length }]);
    const url = `/api/v1/feedback/${sent.id}/attachments/${view.attachments[0]!.id}`;

    const got = await desk.request('GET', url);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${ENCODED_NAME}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    const audited = await downloads(sent.id);
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details).toMatchObject({ code: sent.code, attachmentId: view.attachments[0]!.id });
    expect(JSON.stringify(audited[0]!.details)).not.toContain('Biên bản');

    // The sender by their account (not audited: it is their own file).
    const own = await minh.request('GET', url);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PDF)).toBe(true);
    // Another commune's official, another citizen, a wrong secret: as if it did not exist; nobody at all: 401.
    expect((await otherDesk.request('GET', url)).json()).toMatchObject({ error: { code: 'FEEDBACK_NOT_FOUND' } });
    expect((await lan.request('GET', url)).statusCode).toBe(404);
    expect((await new Client(app).request('GET', url, undefined, { 'x-feedback-secret': 'sai-ma-tra-cuu' })).statusCode).toBe(404);
    expect((await new Client(app).request('GET', url)).json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
    // An attachment of another item, through this one: not found.
    const other = await fromAccount(minh, 'Tệp của một phản ánh khác', [attachment('khac.pdf')]);
    const otherFile = ((await desk.request('GET', `/api/v1/feedback/${other.id}`)).json() as FeedbackDetail).attachments[0]!;
    expect((await desk.request('GET', `/api/v1/feedback/${sent.id}/attachments/${otherFile.id}`)).json()).toMatchObject({ error: { code: 'FILE_NOT_FOUND' } });
    expect(await downloads(sent.id)).toHaveLength(1);
  });

  it('hands an anonymous reporter’s attachment to the holder of the tracking secret', async () => {
    const reporter = new Client(app);
    const sent = (await submitAnonymously(reporter, { attachments: [attachment('anh-chup.pdf')] })).json() as { id: string; code: string; secret: string };
    const tracked = await reporter.request('POST', '/api/v1/feedback/track', { code: sent.code, secret: sent.secret });
    const [file] = (tracked.json() as { id: string; attachments: { id: string }[] }).attachments;
    expect(tracked.json()).toMatchObject({ id: sent.id });
    const url = `/api/v1/feedback/${sent.id}/attachments/${file!.id}`;
    const got = await reporter.request('GET', url, undefined, { 'x-feedback-secret': sent.secret });
    expect(got.statusCode, got.body).toBe(200);
    expect(got.headers['content-disposition']).toBe("attachment; filename*=UTF-8''anh-chup.pdf");
    expect(await downloads(sent.id)).toHaveLength(0);
    // A signed-in citizen who is not its reporter gets nothing from their session, only from the secret.
    expect((await minh.request('GET', url)).statusCode).toBe(404);
  });
});
