import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocument } from '../pdf/official-document.js';
import { issueCertificate, type IssuedCertificate } from './certificates.js';
import { softwareKey } from './pades.js';
import { createRemoteSigningClient, RemoteSigningError, signRemotely, type RemoteSigningSettings } from './remote-signing.js';
import { startRemoteSigningSimulator, type RemoteSigningSimulator } from './remote-signing-simulator.js';
import { verifyPdf } from './verify-pdf.js';
import type { TrustStore } from './verify-cms.js';

const TOKEN = 'demo-token-0123456789';
const year = (offset: number) => new Date(Date.UTC(2026 + offset, 0, 1));
let ca: IssuedCertificate;
let leader: IssuedCertificate;
let trust: TrustStore;
let pdf: Buffer;
let simulator: RemoteSigningSimulator;
let url: string;
let stop: () => Promise<void>;

const client = (overrides: Partial<RemoteSigningSettings> = {}) =>
  createRemoteSigningClient({ baseUrl: url, token: TOKEN, caName: 'DEMO', timeoutMs: 5000, ...overrides });
const document = (userId = 'lanhdao') => ({ userId, docId: 'VB-2026-001', fileName: 'giay-chung-nhan.pdf', pdf });

/** The RemoteSigningError a promise rejects with (fails the test when it resolves or throws anything else). */
async function failure(promise: Promise<unknown>): Promise<RemoteSigningError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RemoteSigningError);
  return error as RemoteSigningError;
}

beforeAll(async () => {
  ca = issueCertificate({ commonName: 'motcua DEMO CA — không dùng thật', organization: 'motcua demo', use: 'ca', notBefore: year(-1), notAfter: year(10) });
  leader = issueCertificate({ commonName: 'Trần Thị Bình', organization: 'UBND tỉnh Demo', use: 'signing', notBefore: year(-1), notAfter: year(2) }, ca);
  trust = { anchors: [new X509Certificate(ca.certificate)], isRevoked: () => false };
  const key = softwareKey(createPrivateKey(leader.privateKeyPem), [leader.certificate, ca.certificate]);
  pdf = await renderOfficialDocument({
    title: 'Giấy chứng nhận',
    formLine: null,
    body: { superior: 'UBND tỉnh Demo', issuer: 'Sở Kế hoạch và Đầu tư' },
    placeAndDate: 'Tam Thanh, ngày 07 tháng 12 năm 2026',
    heading: [{ text: 'GIẤY CHỨNG NHẬN', style: 'bold' }],
    blocks: [{ kind: 'field', label: 'Tên hộ kinh doanh', value: 'Nguyễn Văn Á' }],
  });
  const started = await startRemoteSigningSimulator({
    port: 0,
    token: TOKEN,
    slowMs: 200,
    keyFor: async (userId) => (userId === 'lanhdao' ? { key, commonName: 'Trần Thị Bình' } : null),
  });
  ({ simulator, url } = started);
  stop = started.close;
});

afterEach(() => simulator.setFault('none'));
afterAll(() => stop());

describe('remote signing (Cổng eSign) through the simulator', () => {
  it('signs a PDF that verifies against the demo CA, in the name of the certificate holder', async () => {
    const before = simulator.signed();
    const result = await signRemotely(client(), document());
    expect(result.certificate.equals(leader.certificate)).toBe(true);
    expect(result.pdf.subarray(0, pdf.length).equals(pdf)).toBe(true);
    const report = verifyPdf(result.pdf, trust);
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => [s.signerName, s.problem])).toEqual([['Trần Thị Bình', null]]);
    expect(simulator.signed()).toBe(before + 1);
  });

  it('gives up after timeoutMs when the service does not answer', async () => {
    simulator.setFault('timeout');
    const started = Date.now();
    const error = await failure(signRemotely(client({ timeoutMs: 300 }), document()));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('Dịch vụ ký số từ xa không trả lời trong 0,3 giây');
  });

  it('reports a signer who declines on the phone as a refusal with the service message', async () => {
    simulator.setFault('refuse');
    const before = simulator.signed();
    const error = await failure(signRemotely(client(), document()));
    expect(error.kind).toBe('refused');
    expect(error.message).toBe('Dịch vụ ký số từ xa từ chối: Người dùng từ chối ký trên ứng dụng');
    expect(simulator.signed()).toBe(before);
  });

  it('reports a service that is down as unavailable', async () => {
    simulator.setFault('down');
    const error = await failure(signRemotely(client(), document()));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe('Không kết nối được dịch vụ ký số từ xa (HTTP 503)');
  });

  it('waits for a slow service within the timeout', async () => {
    simulator.setFault('slow');
    const started = Date.now();
    const result = await signRemotely(client({ timeoutMs: 2000 }), document());
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 190);
    expect(verifyPdf(result.pdf, trust).verdict).toBe('valid');
  });

  it('refuses a wrong token with a clear message', async () => {
    const error = await failure(signRemotely(client({ token: 'sai' }), document()));
    expect(error.kind).toBe('refused');
    expect(error.message).toBe('Dịch vụ ký số từ xa từ chối: Mã truy cập không hợp lệ hoặc đã hết hạn');
  });

  it('refuses a user without a certificate on the service', async () => {
    const error = await failure(signRemotely(client(), document('nguoila')));
    expect(error.kind).toBe('refused');
    expect(error.message).toBe('Người ký chưa có chứng thư số trên dịch vụ ký số từ xa');
  });

  it('refuses a certificate that is not the user’s, and a transaction the service did not open', async () => {
    const remote = client();
    const { transactionId, certificates } = await remote.getCertificate('lanhdao');
    const [mine] = certificates;
    if (!mine) throw new Error('the simulator lists one certificate');
    const input = { ...document(), certificate: mine.certificate, serialNumber: mine.serialNumber, transactionId };
    const wrong = await failure(remote.signFile({ ...input, certificate: ca.certificate }));
    expect([wrong.kind, wrong.message]).toEqual(['refused', 'Dịch vụ ký số từ xa từ chối: Chứng thư số không khớp với chứng thư số của người dùng']);
    const stale = await failure(remote.signFile({ ...input, transactionId: 'không-có' }));
    expect(stale.kind).toBe('refused');
  });

  it('reports a service that is not listening as unavailable', async () => {
    const error = await failure(signRemotely(client({ baseUrl: 'http://127.0.0.1:1' }), document()));
    expect([error.kind, error.message]).toEqual(['unavailable', 'Không kết nối được dịch vụ ký số từ xa']);
  });
});

describe('remote signing replies that do not hold', () => {
  let server: Server;
  let answer: unknown;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(typeof answer === 'string' ? answer : JSON.stringify(answer)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const odd = () =>
    createRemoteSigningClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, token: TOKEN, caName: 'DEMO', timeoutMs: 2000 });
  const signInput = {
    userId: 'lanhdao',
    certificate: Buffer.from('x'),
    serialNumber: '01',
    transactionId: 't',
    docId: 'd',
    fileName: 'f.pdf',
    pdf: Buffer.from('%PDF-'),
  };

  it('rejects a signed file that is not a PDF, a reply that is not JSON, and a certificate that does not parse', async () => {
    answer = {
      status_code: 0,
      message: 'OK',
      data: { signFiles: [{ doc_id: 'd', file_name: 'f.pdf', file_base64: Buffer.from('<html>').toString('base64') }] },
    };
    expect((await failure(odd().signFile(signInput))).kind).toBe('invalidReply');
    answer = '<html>Bảo trì</html>';
    expect((await failure(odd().signFile(signInput))).kind).toBe('invalidReply');
    answer = { status_code: '0', data: { transaction_id: 7, user_certificates: [{ cert_id: 1, cert_data: 'AAAA', serial_number: '01' }] } };
    const error = await failure(odd().getCertificate('lanhdao'));
    expect([error.kind, error.message]).toEqual(['invalidReply', 'Dịch vụ ký số từ xa trả lời không đúng định dạng: chứng thư số không đọc được']);
  });
});
