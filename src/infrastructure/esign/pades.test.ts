import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocument } from '../pdf/official-document.js';
import { issueCertificate, readPkcs12, toPkcs12, type IssuedCertificate } from './certificates.js';
import { hashOnlyKey, signPdf, softwareDevice, softwareKey } from './pades.js';
import { answerTimestampRequest, requestTimestamp, timestampRequest } from './timestamp.js';
import { checkSignedData } from './verify-cms.js';
import { algorithm, child, children, integer, octetString, read, sequence } from './der.js';
import { verifyPdf } from './verify-pdf.js';
import type { TrustStore } from './verify-cms.js';

const year = (offset: number) => new Date(Date.UTC(2026 + offset, 0, 1));
const dir = mkdtempSync(join(tmpdir(), 'motcua-pades-'));
let ca: IssuedCertificate;
let leader: IssuedCertificate;
let specialist: IssuedCertificate;
let tsa: IssuedCertificate;
let trust: TrustStore;
let server: Server;
let tsaUrl: string;
const revoked = new Set<string>();

const fields = (name: string) => ({ reason: 'Phê duyệt kết quả', name, location: 'Tam Thanh', contactInfo: '', signingTime: new Date('2026-12-07T03:00:00Z') });

async function resultPdf(): Promise<Buffer> {
  return renderOfficialDocument({
    title: 'Giấy chứng nhận',
    formLine: null,
    body: { superior: 'UBND tỉnh Demo', issuer: 'Sở Kế hoạch và Đầu tư' },
    placeAndDate: 'Tam Thanh, ngày 07 tháng 12 năm 2026',
    heading: [{ text: 'GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH', style: 'bold' }],
    blocks: [{ kind: 'field', label: 'Tên hộ kinh doanh', value: 'Nguyễn Văn Á' }],
  });
}

beforeAll(async () => {
  ca = issueCertificate({ commonName: 'motcua DEMO CA — không dùng thật', organization: 'motcua demo', use: 'ca', notBefore: year(-1), notAfter: year(10) });
  const leaf = (cn: string) =>
    issueCertificate({ commonName: cn, organization: 'Sở Kế hoạch và Đầu tư', use: 'signing', notBefore: year(-1), notAfter: year(2) }, ca);
  leader = leaf('Trần Thị Bình');
  specialist = leaf('Lê Văn Cường');
  tsa = issueCertificate({ commonName: 'motcua DEMO TSA', organization: 'motcua demo', use: 'timestamping', notBefore: year(-1), notAfter: year(5) }, ca);
  trust = { anchors: [new X509Certificate(ca.certificate)], isRevoked: (c) => revoked.has(c.serialNumber) };
  const tsaKey = softwareKey(createPrivateKey(tsa.privateKeyPem), [tsa.certificate]);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void answerTimestampRequest(Buffer.concat(chunks), tsaKey, new Date()).then((reply) => {
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tsaUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('PAdES signatures', () => {
  it('signs twice incrementally with a timestamp; our verifier, pdfsig and openssl agree, and one changed byte breaks it', async () => {
    const p12 = toPkcs12(specialist, [ca.certificate], 'mật-khẩu', 'Lê Văn Cường');
    const fromP12 = readPkcs12(p12, 'mật-khẩu');
    const first = await signPdf(await resultPdf(), softwareKey(fromP12.privateKey, fromP12.chain), fields('Lê Văn Cường'), (v) =>
      requestTimestamp(tsaUrl, v, 2000).then((o) => o.token),
    );
    expect(first.timestamped).toBe(true);
    const device = softwareDevice(createPrivateKey(leader.privateKeyPem));
    const second = await signPdf(first.pdf, hashOnlyKey([leader.certificate, ca.certificate], device), fields('Trần Thị Bình'));
    expect(second.timestamped).toBe(false);

    const report = verifyPdf(second.pdf, trust);
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => [s.signerName, s.level, s.problem])).toEqual([
      ['Lê Văn Cường', 'B-T', null],
      ['Trần Thị Bình', 'B-B', null],
    ]);

    const file = join(dir, 'signed.pdf');
    writeFileSync(file, second.pdf);
    const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(pdfsig.match(/Signature is Valid/g)).toHaveLength(2);

    const tampered = Buffer.from(second.pdf);
    const at = tampered.indexOf('/Producer') + 12;
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    expect(verifyPdf(tampered, trust).verdict).toBe('invalid');
    writeFileSync(file, tampered);
    const broken = execFileSync('pdfsig', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(broken).toMatch(/Digest Mismatch|Signature is Invalid/);
  });

  it('refuses an untrusted, a revoked and an expired signer, and text appended after the last signature', async () => {
    const stranger = issueCertificate({ commonName: 'Người lạ', organization: 'X', use: 'signing', notBefore: year(-1), notAfter: year(2) });
    const bySelf = await signPdf(await resultPdf(), softwareKey(createPrivateKey(stranger.privateKeyPem), [stranger.certificate]), fields('Người lạ'));
    expect(verifyPdf(bySelf.pdf, trust).signatures[0]?.problem).toBe('untrusted');

    const signed = await signPdf(await resultPdf(), softwareKey(createPrivateKey(leader.privateKeyPem), [leader.certificate]), fields('Trần Thị Bình'));
    revoked.add(new X509Certificate(leader.certificate).serialNumber);
    expect(verifyPdf(signed.pdf, trust).signatures[0]?.problem).toBe('revoked');
    revoked.clear();
    expect(verifyPdf(Buffer.concat([signed.pdf, Buffer.from('\n% thêm\n')]), trust).signatures[0]?.problem).toBe('notCoveringDocument');

    const old = issueCertificate({ commonName: 'Hết hạn', organization: 'X', use: 'signing', notBefore: year(-3), notAfter: year(-2) }, ca);
    const late = await signPdf(await resultPdf(), softwareKey(createPrivateKey(old.privateKeyPem), [old.certificate]), fields('Hết hạn'));
    expect(verifyPdf(late.pdf, trust).signatures[0]?.problem).toBe('expired');
  });

  it('keeps the signature at B-B when the timestamp authority does not answer in time', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const outcome = await requestTimestamp(url, Buffer.from('x'), 200);
    silent.closeAllConnections();
    silent.close();
    expect(outcome).toEqual({ token: null, reason: 'máy chủ dấu thời gian không trả lời trong 200 ms' });
  });

  it('checks the CMS with openssl over the signed byte ranges', async () => {
    const signed = await signPdf(await resultPdf(), softwareKey(createPrivateKey(leader.privateKeyPem), [leader.certificate]), fields('Trần Thị Bình'));
    const text = signed.pdf.toString('latin1');
    const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(text);
    const [a, b, c, d] = (m ?? []).slice(1).map(Number) as [number, number, number, number];
    const content = Buffer.concat([signed.pdf.subarray(a, a + b), signed.pdf.subarray(c, c + d)]);
    const signature = read(Buffer.from(text.slice(b + 1, c - 1), 'hex')).raw;
    writeFileSync(join(dir, 'content.bin'), content);
    writeFileSync(join(dir, 'sig.der'), signature);
    writeFileSync(join(dir, 'ca.pem'), new X509Certificate(ca.certificate).toString());
    const args = [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      join(dir, 'sig.der'),
      '-content',
      join(dir, 'content.bin'),
      '-CAfile',
      join(dir, 'ca.pem'),
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ];
    expect(execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
    content[10] = (content[10] ?? 0) ^ 1;
    writeFileSync(join(dir, 'content.bin'), content);
    expect(() => execFileSync('openssl', args, { stdio: 'pipe' })).toThrow();
  });

  it('refuses what an attacker builds: a file of many signature dictionaries, a timestamp token posing as a signature, a crafted request to the authority', async () => {
    const signed = await signPdf(await resultPdf(), softwareKey(createPrivateKey(leader.privateKeyPem), [leader.certificate]), fields('Trần Thị Bình'));
    const many = Buffer.concat([signed.pdf, ...Array.from({ length: 25 }, (_, i) => Buffer.from(`\n%/ByteRange [0 ${i + 1} ${i + 3} 1]`))]);
    expect(verifyPdf(many, trust)).toMatchObject({ verdict: 'invalid', signatures: [{ problem: 'malformed' }] });

    const tsaKey = softwareKey(createPrivateKey(tsa.privateKeyPem), [tsa.certificate]);
    const reply = read(await answerTimestampRequest(timestampRequest(Buffer.from('chữ ký')), tsaKey, new Date()));
    const token = Buffer.from(children(reply)[1]!.raw);
    expect(checkSignedData(token, null).problem).toBeNull();
    expect(checkSignedData(token, [Buffer.from('%PDF-1.7 nội dung tùy ý')]).problem).toBe('malformed');

    // An imprint that is not a 32-byte SHA-256 (a caller's bytes to be copied into a signed token) is rejected.
    const crafted = sequence(integer(1n), sequence(algorithm('2.16.840.1.101.3.4.2.1'), octetString(Buffer.alloc(200, 0x41))));
    const refused = read(await answerTimestampRequest(crafted, tsaKey, new Date()));
    expect(child(child(refused, 0), 0).content[0]).toBe(2);
    expect(children(refused)).toHaveLength(1);
  });
});
