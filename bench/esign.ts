/**
 * E-result signatures (issue 19): PAdES signatures per second for each signer provider, against a bare baseline
 * in the same run, and the time to verify a 2 MB signed result against a bare SHA-256 of the same bytes.
 * - bare: the unavoidable cryptography of one signature (an RSA-2048 signature over signed attributes);
 * - pkcs12: `signPdf` with a key in this process (placeholder, byte ranges, CAdES attributes, signature);
 * - hashOnly: the same through the hash-only device hook (DigestInfo and a raw RSA signature);
 * - remote: the NEAC-style protocol to the local simulator over HTTP (base64 both ways, the service signs);
 * - pkcs12 + timestamp: with an RFC 3161 token from the local authority over HTTP (PAdES B-T).
 * BENCH_SIGNATURES (default 60) signatures per provider and round, BENCH_ROUNDS (≥ 3) rounds, interleaved. Each
 * signed file is checked by the verifier before it counts. No goal: the figures are for capacity planning (a
 * leader signs tens of results a day; a centre's certified copies are hundreds).
 */
import { createHash, createPrivateKey, randomBytes, sign as cryptoSign, X509Certificate } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { issueCertificate } from '../src/infrastructure/esign/certificates.js';
import { hashOnlyKey, signPdf, softwareDevice, softwareKey } from '../src/infrastructure/esign/pades.js';
import { answerTimestampRequest, requestTimestamp } from '../src/infrastructure/esign/timestamp.js';
import { verifyPdf } from '../src/infrastructure/esign/verify-pdf.js';
import { createRemoteSigningClient, signRemotely } from '../src/infrastructure/esign/remote-signing.js';
import { startRemoteSigningSimulator } from '../src/infrastructure/esign/remote-signing-simulator.js';
import { renderOfficialDocument } from '../src/infrastructure/pdf/official-document.js';
import { interleave, showSpread, spread } from './support/rounds.js';
import { record } from './support/results.js';
import { machineLine } from './support/machine.js';

const SIGNATURES = Number(process.env.BENCH_SIGNATURES ?? 60);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const year = (offset: number) => new Date(Date.UTC(new Date().getUTCFullYear() + offset, 0, 1));

const ca = issueCertificate({ commonName: 'motcua DEMO CA (bench)', organization: 'motcua', use: 'ca', notBefore: year(-1), notAfter: year(5) });
const leader = issueCertificate({ commonName: 'Lãnh đạo (bench)', organization: 'UBND xã', use: 'signing', notBefore: year(-1), notAfter: year(3) }, ca);
const tsa = issueCertificate(
  { commonName: 'motcua DEMO TSA (bench)', organization: 'motcua', use: 'timestamping', notBefore: year(-1), notAfter: year(3) },
  ca,
);
const leaderKey = createPrivateKey(leader.privateKeyPem);
const chain = [leader.certificate, ca.certificate];
const trust = { anchors: [new X509Certificate(ca.certificate)], isRevoked: () => false };
const fields = { reason: 'Ký ban hành', name: 'Lãnh đạo (bench)', location: 'UBND xã', contactInfo: '', signingTime: new Date() };

const result = await renderOfficialDocument({
  title: 'Giấy khai sinh',
  formLine: null,
  body: { superior: 'UBND huyện', issuer: 'UBND xã Tam Thanh' },
  placeAndDate: 'Tam Thanh, ngày 07 tháng 12 năm 2026',
  heading: [{ text: 'GIẤY KHAI SINH', style: 'bold' }],
  blocks: [
    { kind: 'field', label: 'Họ và tên', value: 'Nguyễn Văn An' },
    { kind: 'field', label: 'Ngày sinh', value: '01/12/2026' },
  ],
  qr: { url: 'http://localhost:3000/xac-thuc/bench', caption: 'Quét mã QR để xác thực.' },
});

const tsaKey = softwareKey(createPrivateKey(tsa.privateKeyPem), [tsa.certificate, ca.certificate]);
const tsaServer = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => void answerTimestampRequest(Buffer.concat(chunks), tsaKey, new Date()).then((reply) => res.end(reply)));
});
await new Promise<void>((resolve) => tsaServer.listen(0, '127.0.0.1', resolve));
const tsaUrl = `http://127.0.0.1:${(tsaServer.address() as AddressInfo).port}/`;
const token = 'bench-token';
const remote = await startRemoteSigningSimulator({
  port: 0,
  token,
  keyFor: async (userId) => (userId === 'lanhdao' ? { key: softwareKey(leaderKey, chain), commonName: 'Lãnh đạo (bench)' } : null),
});
const client = createRemoteSigningClient({ baseUrl: remote.url, token, caName: 'bench', timeoutMs: 30_000 });

function check(pdf: Buffer): void {
  if (verifyPdf(pdf, trust).verdict !== 'valid') throw new Error('a signature made by the bench does not verify');
}

async function rate(sign: () => Promise<Buffer | null>): Promise<number> {
  const first = await sign();
  if (first) check(first);
  const start = performance.now();
  for (let i = 0; i < SIGNATURES; i++) await sign();
  return (1000 * SIGNATURES) / (performance.now() - start);
}

const attributes = randomBytes(120);
const steps = [
  { name: 'bare', run: () => rate(async () => (cryptoSign('sha256', attributes, leaderKey), null)) },
  { name: 'pkcs12', run: () => rate(async () => (await signPdf(result, softwareKey(leaderKey, chain), fields)).pdf) },
  { name: 'hashOnly', run: () => rate(async () => (await signPdf(result, hashOnlyKey(chain, softwareDevice(leaderKey)), fields)).pdf) },
  {
    name: 'remote',
    run: () => rate(async () => (await signRemotely(client, { userId: 'lanhdao', docId: 'bench', fileName: 'ket-qua.pdf', pdf: result })).pdf),
  },
  {
    name: 'pkcs12+tsa',
    run: () =>
      rate(async () => (await signPdf(result, softwareKey(leaderKey, chain), fields, (v) => requestTimestamp(tsaUrl, v, 5000).then((o) => o.token))).pdf),
  },
];
console.log(`e-result signatures: ${SIGNATURES} per provider and round, ${ROUNDS} rounds, ${result.length.toLocaleString('en')}-byte result`);
const results = await interleave(ROUNDS, steps, (round, name, value) => console.log(`  round ${round}  ${name.padEnd(11)} ${value.toFixed(1)} signatures/s`));

// A 2 MB result: the generated one with a 2 MB stream (a scanned annex, say) added before signing.
const big = await PDFDocument.load(result);
big.context.register(big.context.stream(randomBytes(2 * 1024 * 1024)));
const bigSigned = (await signPdf(Buffer.from(await big.save({ useObjectStreams: false })), softwareKey(leaderKey, chain), fields)).pdf;
const verifyTimes: number[] = [];
const hashTimes: number[] = [];
for (let round = 0; round < ROUNDS * 5; round++) {
  let start = performance.now();
  createHash('sha256').update(bigSigned).digest();
  hashTimes.push(performance.now() - start);
  start = performance.now();
  if (verifyPdf(bigSigned, trust).verdict !== 'valid') throw new Error('the 2 MB result does not verify');
  verifyTimes.push(performance.now() - start);
}

await remote.close();
tsaServer.close();

const machine = machineLine();
const at = `${result.length.toLocaleString('en')}-byte result, RSA-2048, in process`;
const bare = spread(results.get('bare')!);
console.log(`\n  bare RSA-2048 signature      ${showSpread(bare, 0, ' /s')}`);
record({ bench: 'esign', name: 'bare RSA-2048 signature of the signed attributes', value: bare.median, spread: bare, unit: 'signatures/s', at, machine });
for (const name of ['pkcs12', 'hashOnly', 'remote', 'pkcs12+tsa']) {
  const figures = spread(results.get(name)!);
  const ratio = spread(results.get(name)!.map((v, i) => (100 * v) / results.get('bare')![i]!));
  console.log(`  ${name.padEnd(28)} ${showSpread(figures, 1, ' /s')}   ${showSpread(ratio)} of bare`);
  record({ bench: 'esign', name: `PAdES signature, ${name}`, value: figures.median, spread: figures, unit: 'signatures/s', at, machine });
}
const verify = spread(verifyTimes);
const hash = spread(hashTimes);
console.log(
  `  verify a ${(bigSigned.length / 1048576).toFixed(1)} MB signed result  ${showSpread(verify, 1, ' ms')}   (bare SHA-256 of it: ${showSpread(hash, 1, ' ms')})`,
);
record({
  bench: 'esign',
  name: 'verify a 2 MB signed result',
  value: verify.median,
  spread: verify,
  unit: 'ms',
  at: `${bigSigned.length.toLocaleString('en')} bytes`,
  machine,
});
record({
  bench: 'esign',
  name: 'bare SHA-256 of the same 2 MB',
  value: hash.median,
  spread: hash,
  unit: 'ms',
  at: `${bigSigned.length.toLocaleString('en')} bytes`,
  machine,
});
