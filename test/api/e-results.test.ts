/**
 * E-results that prove themselves (issue 19), through the HTTP API on both engines: a specialist initials and
 * the leader signs a result generated from the template; both signatures stay valid for our verifier and for
 * poppler's pdfsig; the public page behind the QR finds it; a changed byte fails; revocation and replacement
 * stay verifiable; failed signings (remote service timing out or refusing, a revoked certificate) change
 * nothing; a certified copy is registered and signed; and 4.1 and the certified-copy indicator move by
 * exactly the signed results.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { driveToApproval } from '../support/workflow.js';
import { receivedComponents } from '../support/intake.js';
import { prepareResult, signResult, type Call } from '../support/results.js';
import { drainStatQueue } from '../../src/application/scorecard/statistics.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import type { DossierResults, PublicResult, ResultDocument, VerificationReport } from '../../src/contract/result.js';
import { renderOfficialDocument } from '../../src/infrastructure/pdf/official-document.js';

const WARD = '000.00.31.H37';
const BIRTH = '1.001193';
const CERTIFY = '2.000815';
const applicant = { fullName: 'Đặng Thị Hồng Nhung', personalId: null, address: 'Thôn Đông, xã Tam Thanh', phone: null, email: null };
const dir = mkdtempSync(join(tmpdir(), 'motcua-e-results-'));

describe.each(ENGINES)('e-results on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let monitor: Client;
  /** The signed result of the first test, as anyone downloads it. */
  let signedBytes: Buffer | null = null;
  const call =
    (client: Client): Call =>
    (method, url, json) =>
      client.request(method, url, json);
  const raw = (client: Client, url: string, bytes: Buffer, type = 'application/pdf') =>
    app.app.inject({ method: 'POST', url, payload: bytes, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': type } });

  beforeAll(async () => {
    app = await startTestApp(engine, { listen: true, env: { LOGIN_RATE_LIMIT: '1000', STATS_POLL_MS: '0' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    monitor = await Client.official(app, 'giamsat');
  });
  afterAll(() => app.stop());

  /** A counter dossier of the ward, driven through its steps to the leader's approval. */
  async function approvedDossier(procedureCode: string, beforeApproval?: (id: string) => Promise<void>): Promise<string> {
    const created = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode,
      channel: 'counter',
      applicant,
      components: receivedComponents(procedureCode),
      accept: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    if (beforeApproval) await beforeApproval(id);
    await driveToApproval([desk, specialist, leader], id);
    return id;
  }

  async function indicator(id: string): Promise<{ numerator: number; denominator: number }> {
    await drainStatQueue(app.ctx.deps);
    const to = vietnamDate(new Date(Date.now() + 86_400_000));
    const from = vietnamDate(new Date(Date.now() - 30 * 86_400_000));
    const card = (await monitor.request('GET', `/api/v1/scorecard?unit=${WARD}&from=${from}&to=${to}`)).json() as {
      groups: { indicators: { id: string; numerator: number; denominator: number }[] }[];
    };
    const found = card.groups.flatMap((g) => g.indicators).find((i) => i.id === id);
    if (!found) throw new Error(`no indicator ${id}`);
    return found;
  }

  it('initialled by the specialist, signed by the leader: valid for us and for pdfsig, public by its QR, and 4.1 moves by one', async () => {
    const before = await indicator('4.1');
    const id = await approvedDossier(BIRTH);
    const draft = await prepareResult(call(specialist), id);
    expect(draft).toMatchObject({ kind: 'result', status: 'awaitingSignature', source: 'template' });
    const preview = await specialist.request('GET', `/api/v1/dossiers/${id}/results/${draft.id}/file`);
    expect(preview.statusCode).toBe(200);
    expect(preview.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The applicant's page does not show a result that nobody signed yet.
    expect((await specialist.request('GET', `/api/v1/dossiers/${id}/results`)).json()).toMatchObject({ canSign: true, canPrepare: true });

    const initialled = await signResult(call(specialist), id, draft, 'hashOnly');
    expect(initialled.status).toBe('awaitingSignature');
    expect(await indicator('4.1')).toMatchObject({ numerator: before.numerator, denominator: before.denominator + 1 });
    const signed = await signResult(call(leader), id, initialled, 'pkcs12');
    expect(signed.status).toBe('signed');
    expect(signed.signatures.map((s) => s.provider)).toEqual(['hashOnly', 'pkcs12']);
    expect(new Set(signed.signatures.map((s) => s.signerName)).size).toBe(2);
    expect(signed.signatures.every((s) => s.level === 'B-T')).toBe(true);
    const history = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json() as { history: { type: string }[] };
    expect(history.history.map((h) => h.type)).toContain('issueResult');

    const card = await indicator('4.1');
    expect(card.numerator).toBe(before.numerator + 1);
    expect(card.denominator).toBe(before.denominator + 1);

    const record = (await app.app.inject({ method: 'GET', url: `/api/v1/verify/${signed.verificationCode}` })).json() as PublicResult;
    expect(record).toMatchObject({ status: 'signed', dossierCode: expect.any(String), sha256: signed.sha256 });
    expect(record.signers).toHaveLength(2);
    const file = await app.app.inject({ method: 'GET', url: `/api/v1/verify/${signed.verificationCode}/file` });
    expect(file.statusCode).toBe(200);
    const bytes = file.rawPayload;
    signedBytes = bytes;
    writeFileSync(join(dir, `${engine}.pdf`), bytes);
    expect(
      execFileSync('pdfsig', [join(dir, `${engine}.pdf`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).match(/Signature is Valid/g),
    ).toHaveLength(2);

    const check = (
      await app.app.inject({
        method: 'POST',
        url: `/api/v1/verify?code=${signed.verificationCode}`,
        payload: bytes,
        headers: { 'content-type': 'application/pdf' },
      })
    ).json() as VerificationReport;
    expect(check.verdict).toBe('valid');
    expect(check.matches?.code).toBe(signed.verificationCode);
    expect(check.summary).toMatch(/^Văn bản hợp lệ/);
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('/Contents') - 40;
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    const bad = (
      await app.app.inject({ method: 'POST', url: '/api/v1/verify', payload: tampered, headers: { 'content-type': 'application/pdf' } })
    ).json() as VerificationReport;
    expect(bad.verdict).toBe('invalid');
    expect(bad.summary).toMatch(/KHÔNG hợp lệ/);

    // Revoked, then replaced by a corrected result: the old one stays verifiable with its status.
    const replacement = await prepareResult(call(specialist), id, { replaces: signed.id, title: 'Giấy khai sinh (bản đính chính)' });
    await signResult(call(leader), id, replacement);
    const old = (await app.app.inject({ method: 'GET', url: `/api/v1/verify/${signed.verificationCode}` })).json() as PublicResult;
    expect(old.status).toBe('replaced');
    expect(old.replacedBy).toBe(replacement.verificationCode);
    expect((await indicator('4.1')).numerator).toBe(before.numerator + 1);
  });

  it('a failed signing leaves everything as it was: remote service timing out or refusing, a revoked certificate, not a PDF', async () => {
    const id = await approvedDossier(BIRTH);
    const doc = await prepareResult(call(specialist), id);
    const remote = app.localSigning!.remoteSigning;
    app.ctx.config.signing.remote!.timeoutMs = 500;
    remote.setFault('timeout');
    const slow = await leader.request('POST', `/api/v1/dossiers/${id}/results/${doc.id}/sign`, { version: doc.version, provider: 'remote' });
    expect(slow.statusCode, slow.body).toBe(504);
    expect(slow.json()).toMatchObject({ error: { code: 'REMOTE_SIGNING_TIMEOUT' } });
    remote.setFault('refuse');
    const refused = await leader.request('POST', `/api/v1/dossiers/${id}/results/${doc.id}/sign`, { version: doc.version, provider: 'remote' });
    expect(refused.json()).toMatchObject({ error: { code: 'REMOTE_SIGNING_REFUSED' } });
    expect(JSON.stringify(refused.json())).toContain('từ chối');
    remote.setFault('none');
    const unchanged = (await leader.request('GET', `/api/v1/dossiers/${id}/results`)).json() as DossierResults;
    expect(unchanged.items.find((d) => d.id === doc.id)).toMatchObject({ status: 'awaitingSignature', version: doc.version, signatures: [] });

    const viaRemote = await signResult(call(leader), id, doc, 'remote');
    expect(viaRemote.signatures[0]).toMatchObject({ provider: 'remote', level: 'B-B' });

    await app.testDb.database.db.updateTable('signing_credentials').set({ revoked_at: new Date() }).where('owner_kind', '=', 'user').execute();
    const otherId = await approvedDossier(BIRTH);
    const other = await prepareResult(call(specialist), otherId);
    const revoked = await specialist.request('POST', `/api/v1/dossiers/${otherId}/results/${other.id}/sign`, { version: other.version, provider: 'pkcs12' });
    expect(revoked.json()).toMatchObject({ error: { code: 'SIGNING_CERTIFICATE_REVOKED' } });
    await app.testDb.database.db.updateTable('signing_credentials').set({ revoked_at: null }).where('owner_kind', '=', 'user').execute();

    const notPdf = await raw(
      specialist,
      `/api/v1/dossiers/${id}/results/upload?title=K%E1%BA%BFt%20qu%E1%BA%A3`,
      Buffer.from('<html>không phải PDF</html>'),
      'application/pdf',
    );
    expect(notPdf.statusCode).toBe(422);
    expect(notPdf.json()).toMatchObject({ error: { code: 'RESULT_FILE_NOT_PDF' } });
  });

  it('certifies a copy into the unit’s numbered register, signed with the unit’s certificate; the certified-copy indicator moves by one', async () => {
    const before = await indicator('4.2b');
    let copy: ResultDocument | null = null;
    await approvedDossier(CERTIFY, async (id) => {
      const original = (await desk.request('GET', `/api/v1/dossiers/${id}/results`)).json() as DossierResults;
      expect(original.canCertify).toBe(true);
      const res = await raw(
        desk,
        `/api/v1/dossiers/${id}/results/certified-copies?title=${encodeURIComponent('Bằng tốt nghiệp trung học phổ thông')}`,
        await samplePdf(),
      );
      expect(res.statusCode, res.body).toBe(201);
      copy = res.json() as ResultDocument;
    });
    expect(copy).toMatchObject({ kind: 'certifiedCopy', status: 'signed', registerNumber: expect.stringMatching(/^\d+\/\d{4}$/) });
    const after = await indicator('4.2b');
    expect(after.numerator).toBe(before.numerator + 1);
    expect(after.denominator).toBe(before.denominator + 1);
    // An approved certification dossier without an e-copy counts only below the line.
    await approvedDossier(CERTIFY);
    expect(await indicator('4.2b')).toMatchObject({ denominator: after.denominator + 1, numerator: after.numerator });
  });

  it('a document signed elsewhere is checked when it arrives: the desk sees who signed it, and a changed copy fails', async () => {
    expect(signedBytes).not.toBeNull();
    const created = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: BIRTH,
      channel: 'counter',
      applicant,
      components: receivedComponents(BIRTH),
    });
    const id = (created.json() as { id: string }).id;
    const component = receivedComponents(BIRTH)[0]!.code;
    const send = (bytes: Buffer, name: string) => raw(desk, `/api/v1/dossiers/${id}/files?component=${component}&name=${name}`, bytes);
    const good = await send(signedBytes!, 'to-khai-da-ky.pdf');
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({ signature: { verdict: 'valid', signers: [{ problem: null }, { problem: null }] } });
    const tampered = Buffer.from(signedBytes!);
    const at = tampered.indexOf('/Contents') - 40;
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    const bad = await send(tampered, 'to-khai-sua.pdf');
    expect(bad.json()).toMatchObject({ signature: { verdict: 'invalid' } });
    expect(JSON.stringify(bad.json())).toContain('đã bị thay đổi');
    const listed = (await desk.request('GET', `/api/v1/dossiers/${id}/files`)).json() as {
      items: { fileName: string; signature: { verdict: string } | null }[];
    };
    expect(listed.items.map((f) => [f.fileName, f.signature?.verdict ?? null])).toEqual([
      ['to-khai-da-ky.pdf', 'valid'],
      ['to-khai-sua.pdf', 'invalid'],
    ]);
  });

  const samplePdf = () =>
    renderOfficialDocument({
      title: 'Bằng tốt nghiệp',
      formLine: null,
      body: { superior: null, issuer: 'Sở Giáo dục và Đào tạo' },
      placeAndDate: null,
      heading: [{ text: 'BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG', style: 'bold' }],
      blocks: [{ kind: 'field', label: 'Họ và tên', value: applicant.fullName }],
    });
});
