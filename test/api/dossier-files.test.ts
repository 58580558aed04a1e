import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import { countPdfPages, DOSSIER_FILE_MAX_BYTES } from '../../src/application/dossier/attach-dossier-file.js';
import { receivedComponents } from '../support/intake.js';
import { issueSignedResult } from '../support/results.js';
import { rfc5987 } from '../../src/http/file-reply.js';

const WARD = '000.00.31.H37';
const applicant = { fullName: 'Nguyễn Thị Hoa', personalId: '020190001234', address: 'Số 5 đường Lê Lợi, phường Tam Thanh', phone: '0912345678', email: null };

/** A minimal PDF with `n` page objects (and the /Pages tree object, which is not a page). */
const pdf = (n: number) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count ${n} >> endobj\n` +
      Array.from({ length: n }, (_, i) => `${i + 3} 0 obj ${i % 2 ? '<</Type/Page/Parent 2 0 R>>' : '<< /Type /Page /Parent 2 0 R >>'} endobj\n`).join('') +
      '%%EOF\n',
    'latin1',
  );
/** A 1 × 1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The header of a PNG of width × height, as a decompression bomb would carry it. */
const pngHeader = (width: number, height: number) => {
  const b = Buffer.from(PNG);
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
};
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe('counting PDF pages', () => {
  it('counts page objects, not the page tree, including those in compressed object streams', () => {
    expect(countPdfPages(pdf(3))).toBe(3);
    expect(countPdfPages(Buffer.from('%PDF-1.7\n%%EOF\n'))).toBeNull();
    const objects = deflateSync(Buffer.from('5 0 6 25 << /Type /Page >>\n<< /Type /Page >>\n<< /Type /Pages /Count 2 >>', 'latin1'));
    const compressed = Buffer.concat([
      Buffer.from('%PDF-1.7\n7 0 obj\n<< /Type /ObjStm /N 2 /First 10 /Filter /FlateDecode /Length ' + objects.length + ' >>\nstream\n', 'latin1'),
      objects,
      Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
    ]);
    expect(countPdfPages(compressed)).toBe(2);
  });
});

describe.each(ENGINES)('dossier component files on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    desk = await Client.official(app, 'motcua.tamthanh');
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
    return res.json() as { id: string; code: string };
  };
  const upload = (
    client: Client | null,
    id: string,
    payload: Buffer,
    contentType = 'application/pdf',
    query = 'component=1.001193.TP1&name=' + encodeURIComponent('Tờ khai.pdf'),
  ) =>
    app.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/files?${query}`,
      headers: { ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {}), 'content-type': contentType },
      payload,
    });

  it('stores a PDF judged by its content, lists it with its pages, audits it, and serves the same bytes', async () => {
    const { id } = await receive();
    const bytes = pdf(2);
    const res = await upload(
      desk,
      id,
      bytes,
      'application/pdf',
      'component=1.001193.TP1&name=' + encodeURIComponent('Tờ khai.pdf') + '&form=copy&digitized=true',
    );
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      componentCode: '1.001193.TP1',
      fileName: 'Tờ khai.pdf',
      contentType: 'application/pdf',
      pages: 2,
      form: 'copy',
      digitized: true,
      reused: false,
      size: bytes.length,
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.uploadedAt).toMatch(/\+07:00$/);
    const png = await upload(desk, id, PNG, 'image/png', 'component=1.001193.TP1&name=anh.png');
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ contentType: 'image/png', pages: null, form: 'original', digitized: false });
    // An image that would decode to gigabytes, or whose size cannot be read, is refused before it is stored.
    const bomb = await upload(desk, id, pngHeader(50_000, 50_000), 'image/png', 'component=1.001193.TP1&name=bom.png');
    expect(bomb.statusCode, bomb.body).toBe(400);
    expect(bomb.json().error.details[0].message).toBe('Ảnh 50000 × 50000 điểm ảnh quá lớn, tối đa 80 triệu điểm ảnh');
    const broken = await upload(desk, id, PNG.subarray(0, 16), 'image/png', 'component=1.001193.TP1&name=hong.png');
    expect(broken.statusCode, broken.body).toBe(400);

    const list = await desk.request('GET', `/api/v1/dossiers/${id}/files`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((f: { id: string; pages: number | null }) => [f.id, f.pages])).toEqual([
      [file.id, 2],
      [png.json().id, null],
    ]);

    const got = await desk.request('GET', `/api/v1/dossiers/${id}/files/${file.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Tờ khai.pdf')}`);
    expect(got.rawPayload.equals(bytes)).toBe(true);

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', id)
      .where('action', '=', 'dossier.file_attached')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('Tờ khai');
  });

  it('refuses a file whose content is not the declared type, an unknown component, too many pages, and a body too large', async () => {
    const { id } = await receive();
    // An executable renamed .pdf.
    const exe = await upload(desk, id, EXE, 'application/pdf', 'component=1.001193.TP1&name=setup.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // A PNG declared as a PDF.
    expect((await upload(desk, id, PNG, 'application/pdf', 'component=1.001193.TP1&name=anh.pdf')).json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // A type that is not accepted at all.
    expect((await upload(desk, id, pdf(1), 'application/octet-stream')).statusCode).toBe(415);
    expect((await upload(desk, id, pdf(1), 'application/pdf', 'component=KHAC&name=x.pdf')).json().error.code).toBe('VALIDATION_FAILED');
    expect((await upload(desk, id, pdf(1), 'application/pdf', 'component=1.001193.TP1&name=a%2Fb.pdf')).statusCode).toBe(400);
    expect((await upload(desk, id, pdf(1), 'application/pdf', 'component=1.001193.TP1&name=x.pdf&form=scan')).statusCode).toBe(400);
    const long = await upload(desk, id, pdf(101));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.code).toBe('VALIDATION_FAILED');
    const big = Buffer.concat([pdf(1), Buffer.alloc(DOSSIER_FILE_MAX_BYTES, 0x20)]);
    const tooLarge = await upload(desk, id, big);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('BODY_TOO_LARGE');
    expect((await desk.request('GET', `/api/v1/dossiers/${id}/files`)).json().items).toEqual([]);
  });

  it('shows and serves files only to those who see the dossier', async () => {
    const { id } = await receive();
    const file = (await upload(desk, id, pdf(1))).json();
    const otherDesk = await Client.official(app, 'motcua.caoloc');
    expect((await otherDesk.request('GET', `/api/v1/dossiers/${id}/files`)).statusCode).toBe(404);
    expect((await otherDesk.request('GET', `/api/v1/dossiers/${id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await upload(otherDesk, id, pdf(1))).statusCode).toBe(404);
    expect((await app.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}/files` })).statusCode).toBe(401);
    expect((await app.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}/files/${file.id}` })).statusCode).toBe(401);
    expect((await upload(null, id, pdf(1))).statusCode).toBe(401);
    // A file id of another dossier is not found through this one.
    const other = await receive();
    expect((await desk.request('GET', `/api/v1/dossiers/${other.id}/files/${file.id}`)).statusCode).toBe(404);
  });

  it('the applicant of an online dossier uploads while it waits at reception, not after acceptance', async () => {
    const login = await loginCitizen(app.ctx.deps, {
      identity: { issuer: 'https://sso.example', subject: 'sub-files', fullName: 'Hoàng Văn Minh', personalId: '020085003417', email: null },
      meta: { actor: null, ip: '127.0.0.1', requestId: 'test-files' },
    });
    if (!login.ok) throw new Error(login.error.code);
    const citizen = new Client(app);
    citizen.cookie = `motcua_session=${login.value.sessionId}`;
    expect((await citizen.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const created = await citizen.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'online', unitCode: WARD });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const bytes = pdf(1);
    const first = await upload(citizen, id, bytes);
    expect(first.statusCode, first.body).toBe(201);
    expect((await desk.request('GET', `/api/v1/dossiers/${id}/files/${first.json().id}`)).rawPayload.equals(bytes)).toBe(true);
    expect((await desk.request('POST', `/api/v1/dossiers/${id}/actions`, { type: 'accept', expectedSeq: 0 })).statusCode).toBe(200);
    const late = await upload(citizen, id, bytes);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('ACTION_NOT_AVAILABLE');
    // Uploading the same bytes again is no reuse: reuse takes a document from the data vault (issue 20).
    const second = (await citizen.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'online', unitCode: WARD })).json();
    expect((await upload(citizen, second.id, bytes)).json()).toMatchObject({ reused: false, fromNationalVault: false });
  });
});

describe.each(ENGINES)('the applicant finishes an online supplement and sees their own files and forms on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let owner: Client;
  let stranger: Client;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    owner = await citizen(app, 'sub-owner', 'Hoàng Văn Minh', '020085003417');
    stranger = await citizen(app, 'sub-stranger', 'Lý Thị Mai', '020090007788');
  });
  afterAll(() => app.stop());

  const TP1 = '1.001193.TP1';
  const uploadAs = (client: Client, id: string, payload: Buffer, component = TP1, name = 'to-khai.pdf') =>
    app.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/files?component=${encodeURIComponent(component)}&name=${encodeURIComponent(name)}&form=electronic`,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'application/pdf' },
      payload,
    });
  const act = async (client: Client, id: string, body: Record<string, unknown>) => {
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, `${String(body.type)}: ${res.body}`).toBe(200);
    return res.json() as { seq: number; status: string; nationalCode: number };
  };
  const submit = async () => {
    const res = await owner.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'online',
      unitCode: WARD,
      applicant: { fullName: 'x', personalId: null, address: 'Thôn Nà Chuông', phone: '0912345678', email: null },
      components: [{ code: TP1, name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 }],
      accept: false,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  /** Accepted, handed to the specialist, and a supplement asked for: status supplementRequested (national code 5). */
  const askForSupplement = async (id: string) => {
    let seq = (await act(desk, id, { type: 'accept', expectedSeq: 0 })).seq;
    seq = (await act(desk, id, { type: 'transfer', expectedSeq: seq, toStep: 1, note: null })).seq;
    seq = (await act(specialist, id, { type: 'claim', expectedSeq: seq })).seq;
    // Processing: nothing to add from the applicant's side.
    expect((await uploadAs(owner, id, pdf(1))).json().error.code).toBe('ACTION_NOT_AVAILABLE');
    expect((await owner.request('GET', `/api/v1/dossiers/${id}/files`)).json()).toMatchObject({ canUpload: false, uploadComponents: [] });
    const asked = await act(specialist, id, {
      type: 'requestSupplement',
      expectedSeq: seq,
      reason: 'Thiếu bản sao giấy tờ tùy thân',
      items: ['Văn bản ủy quyền', 'Tờ khai có chữ ký'],
    });
    expect(asked).toMatchObject({ status: 'supplementRequested', nationalCode: 5 });
    return asked.seq;
  };

  it('uploads the papers asked for while the supplement is awaited, audited; the desk sees who sent them and when, and receives the supplement', async () => {
    const id = await submit();
    const seq = await askForSupplement(id);

    const offered = (await owner.request('GET', `/api/v1/dossiers/${id}/files`)).json();
    expect(offered).toMatchObject({ items: [], result: null, canUpload: true, uploadComponents: [TP1, 'BO_SUNG'] });

    const tk = pdf(1);
    const first = await uploadAs(owner, id, tk);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ componentCode: TP1, uploadedBy: 'applicant', uploaderName: 'Hoàng Văn Minh', form: 'electronic', digitized: false });
    const extra = await uploadAs(owner, id, pdf(2), 'BO_SUNG', 'uy-quyen.pdf');
    expect(extra.statusCode, extra.body).toBe(201);
    // Bounded as before: an unknown component, a renamed executable, a file too large.
    expect((await uploadAs(owner, id, pdf(1), 'KHAC')).json().error.code).toBe('VALIDATION_FAILED');
    expect((await uploadAs(owner, id, EXE)).statusCode).toBe(415);
    expect((await uploadAs(owner, id, Buffer.concat([pdf(1), Buffer.alloc(DOSSIER_FILE_MAX_BYTES, 0x20)]))).statusCode).toBe(413);

    // Another citizen cannot add, list, read or even tell the dossier exists.
    expect((await uploadAs(stranger, id, pdf(1))).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/v1/dossiers/${id}/files`)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/v1/dossiers/${id}/files/${first.json().id}`)).statusCode).toBe(404);

    // The desk sees the applicant's files with their name and time.
    const seen = (await desk.request('GET', `/api/v1/dossiers/${id}/files`)).json();
    expect(seen.items.map((f: { componentCode: string; uploadedBy: string; uploaderName: string }) => [f.componentCode, f.uploadedBy, f.uploaderName])).toEqual(
      [
        [TP1, 'applicant', 'Hoàng Văn Minh'],
        ['BO_SUNG', 'applicant', 'Hoàng Văn Minh'],
      ],
    );
    expect(seen.items[0].uploadedAt).toMatch(/\+07:00$/);
    expect((await desk.request('GET', `/api/v1/dossiers/${id}/files/${first.json().id}`)).rawPayload.equals(tk)).toBe(true);

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('target_id', '=', id)
      .where('action', '=', 'dossier.file_attached')
      .execute();
    expect(audit).toHaveLength(2);
    const ownerId = (await owner.request('GET', '/api/v1/auth/me')).json().user.id;
    expect(audit.every((a) => a.actor_id === ownerId)).toBe(true);
    expect(audit.map((a) => (a.details as { componentCode: string }).componentCode)).toEqual([TP1, 'BO_SUNG']);

    // The specialist who asked is told once in the app (the bell), not once per file.
    const notices = (await specialist.request('GET', '/api/v1/me/notifications')).json().items.filter((n: { dossierId: string }) => n.dossierId === id);
    expect(notices).toEqual([expect.objectContaining({ kind: 'supplementUploaded', title: expect.stringContaining('đã gửi giấy tờ bổ sung'), read: false })]);

    expect((await act(desk, id, { type: 'receiveSupplement', expectedSeq: seq })).status).toBe('processing');
    // Received: the applicant's window is closed again.
    expect((await uploadAs(owner, id, pdf(1))).json().error.code).toBe('ACTION_NOT_AVAILABLE');
    expect((await owner.request('GET', `/api/v1/dossiers/${id}/files`)).json()).toMatchObject({ canUpload: false });
  });

  it('a supplement code is refused outside a supplement, and before acceptance only declared components are taken', async () => {
    const id = await submit();
    expect((await uploadAs(owner, id, pdf(1), 'BO_SUNG')).json().error.code).toBe('VALIDATION_FAILED');
    expect((await owner.request('GET', `/api/v1/dossiers/${id}/files`)).json()).toMatchObject({ canUpload: true, uploadComponents: [TP1] });
  });

  it('the applicant lists and downloads their files, the forms addressed to them and the result; another citizen gets nothing', async () => {
    const id = await submit();
    let seq = await askForSupplement(id);
    const mine = pdf(3);
    const own = (await uploadAs(owner, id, mine)).json();
    // A scan made by the desk of the papers brought in, before it records the supplement as received (once
    // received the dossier is back at the specialist's step, no longer the desk's to add to): listed to the
    // applicant without the official's name.
    const scan = await uploadAs(desk, id, pdf(1), TP1, 'scan.pdf');
    expect(scan.statusCode, scan.body).toBe(201);
    seq = (await act(desk, id, { type: 'receiveSupplement', expectedSeq: seq })).seq;

    const listed = (await owner.request('GET', `/api/v1/dossiers/${id}/files`)).json();
    expect(listed.items.map((f: { fileName: string; uploadedBy: string; uploaderName: string | null }) => [f.fileName, f.uploadedBy, f.uploaderName])).toEqual([
      ['to-khai.pdf', 'applicant', 'Hoàng Văn Minh'],
      ['scan.pdf', 'official', null],
    ]);
    expect((await desk.request('GET', `/api/v1/dossiers/${id}/files`)).json().items[1].uploaderName).toBe('Đinh Thị Hương');
    const got = await owner.request('GET', `/api/v1/dossiers/${id}/files/${own.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-disposition']).toContain('attachment');
    expect(got.rawPayload.equals(mine)).toBe(true);

    // Forms: those addressed to the applicant, never the offices' control slip; nothing to another citizen.
    for (const form of ['01', '02']) {
      const res = await owner.request('GET', `/api/v1/dossiers/${id}/forms/${form}.pdf`);
      expect(res.statusCode, `${form}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect((await stranger.request('GET', `/api/v1/dossiers/${id}/forms/${form}.pdf`)).statusCode).toBe(404);
    }
    expect((await owner.request('GET', `/api/v1/dossiers/${id}/forms/03.pdf`)).json().error.code).toBe('FILE_NOT_FOUND');
    expect((await owner.request('GET', `/api/v1/dossiers/${id}/forms/06.pdf`)).statusCode).toBe(403);
    expect((await stranger.request('GET', `/api/v1/dossiers/${id}/forms/06.pdf`)).statusCode).toBe(403);
    expect((await desk.request('GET', `/api/v1/dossiers/${id}/forms/06.pdf`)).statusCode).toBe(200);

    // The electronic result: not before it is issued, then to the applicant and not to another citizen.
    expect((await owner.request('GET', `/api/v1/dossiers/${id}/result`)).json().error.code).toBe('FILE_NOT_FOUND');
    seq = (await act(specialist, id, { type: 'transfer', expectedSeq: seq, toStep: 2, note: null })).seq;
    seq = (await act(leader, id, { type: 'claim', expectedSeq: seq })).seq;
    await act(leader, id, { type: 'approve', expectedSeq: seq, note: null });
    // The leader signs the result generated from the template: that issues it (issue 19).
    const signed = await issueSignedResult((method, url, json) => leader.request(method, url, json), id);
    expect((await owner.request('GET', `/api/v1/dossiers/${id}/files`)).json().result).toEqual({ fileName: signed.fileName });
    const downloaded = await owner.request('GET', `/api/v1/dossiers/${id}/result`);
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    // RFC 5987: the brackets of "(bản chính)" are percent-encoded too.
    expect(downloaded.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${rfc5987(signed.fileName)}`);
    expect(downloaded.headers['content-disposition']).toContain('%28b%E1%BA%A3n%20ch%C3%ADnh%29.pdf');
    expect(createHash('sha256').update(downloaded.rawPayload).digest('hex')).toBe(signed.sha256);
    expect((await stranger.request('GET', `/api/v1/dossiers/${id}/result`)).statusCode).toBe(404);
    expect((await app.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}/result` })).statusCode).toBe(401);
  });
});

/** A citizen logged in through the eID use case, with the session's CSRF token. */
async function citizen(app: TestApp, subject: string, fullName: string, personalId: string): Promise<Client> {
  const login = await loginCitizen(app.ctx.deps, {
    identity: { issuer: 'https://sso.example', subject, fullName, personalId, email: null },
    meta: { actor: null, ip: '127.0.0.1', requestId: `test-${subject}` },
  });
  if (!login.ok) throw new Error(login.error.code);
  const client = new Client(app);
  client.cookie = `motcua_session=${login.value.sessionId}`;
  expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
  return client;
}
