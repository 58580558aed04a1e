import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NationalVaultAnswer, NationalVaultQuery } from '../../domain/data-vault/exchange.js';
import { DEMO_CITIZENS } from '../seed/demo-province.js';
import { createNationalVault, type NationalVaultConfig } from './national-vault.js';
import { createNationalVaultSimulator, demoVaultDocuments, type NationalVaultSimulator, type SimulatedVaultDocument } from './national-vault-simulator.js';

const USERNAME = 'motcua-langson';
const PASSWORD = 'mat-khau-demo-2026';
const BIRTH = '1.001193.KQ1';
const MARITAL = '1.004873.KQ1';
const [first, second] = DEMO_CITIZENS;
if (!first || !second) throw new Error('the demo province has citizens');

let documents: SimulatedVaultDocument[];
let simulator: NationalVaultSimulator;
let server: Server;
let baseUrl: string;
/** The paths the adapters under test have posted to. */
const calls: string[] = [];
const counting: typeof fetch = (input, init) => {
  calls.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
  return fetch(input, init);
};
const logins = () => calls.filter((path) => path === '/auth').length;

const vault = (overrides: Partial<NationalVaultConfig> = {}) =>
  createNationalVault(
    {
      baseUrl,
      authPath: '/auth',
      queryPath: 'GetKetQuaGiayTo',
      filePath: '/GetGiayToByUrl',
      username: USERNAME,
      password: PASSWORD,
      dstcode: 'DVCQG',
      unitCode: '000.00.20.H37',
      timeoutMs: 5000,
      ...overrides,
    },
    counting,
  );
const atCounter = (ownerId: string, codes: string[]): NationalVaultQuery => ({
  ownerId,
  requesterName: 'Cán bộ một cửa',
  requesterId: '020090001111',
  channel: 'counter',
  procedureCode: '1.001193',
  resultCodes: codes.map((code) => ({ code })),
});
const documentsOf = (answer: NationalVaultAnswer) => {
  if (answer.kind !== 'ok') throw new Error(`expected documents, got ${JSON.stringify(answer)}`);
  return answer.documents;
};
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  documents = await demoVaultDocuments();
  simulator = createNationalVaultSimulator({ username: USERNAME, password: PASSWORD, documents, slowMs: 400 });
  server = createServer((req, res) => simulator.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterEach(() => simulator.setFault('none'));
afterAll(
  () =>
    new Promise<void>((resolve) => {
      simulator.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

describe('the demo vault documents', () => {
  it('hold a birth certificate PDF per demo citizen and one expired marital-status certificate, drawn once', async () => {
    expect(documents.filter((d) => d.resultCode === BIRTH).map((d) => d.ownerId)).toEqual(DEMO_CITIZENS.map((c) => c.personalId));
    const expired = documents.filter((d) => d.resultCode === MARITAL);
    expect(expired.map((d) => [d.ownerId, d.validUntil?.slice(0, 4)])).toEqual([[first.personalId, '2025']]);
    for (const d of documents) expect(d.files[0]?.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const again = await demoVaultDocuments();
    expect(again[0]?.files[0]?.bytes).toBe(documents[0]?.files[0]?.bytes);
  });
});

describe('the national vault adapter through the simulator', () => {
  it('returns only the owner’s documents of the asked codes, every field mapped, over one cached session', async () => {
    const adapter = vault();
    const loginsBefore = logins();
    const queriesBefore = simulator.queries();
    const birth = documentsOf(await adapter.query(atCounter(first.personalId, [BIRTH])));
    const year = first.birthDate.slice(0, 4);
    expect(birth).toEqual([
      {
        resultCode: BIRTH,
        name: 'Giấy khai sinh',
        number: `${Number(first.personalId.slice(-3))}/${year}/KS`,
        issuer: 'Ủy ban nhân dân xã Cao Lộc',
        issuedOn: new Date(Date.parse(`${first.birthDate}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10),
        validUntil: null,
        files: [{ name: 'giay-khai-sinh.pdf', path: expect.stringMatching(/\.pdf$/) }],
      },
    ]);
    const both = documentsOf(await adapter.query(atCounter(first.personalId, [BIRTH, MARITAL])));
    expect(both.map((d) => [d.resultCode, d.issuedOn, d.validUntil])).toEqual([
      [BIRTH, birth[0]?.issuedOn, null],
      [MARITAL, '2025-03-10', '2025-09-10'],
    ]);
    // Another citizen has no marital-status certificate, and never sees the first one's.
    const other = documentsOf(await adapter.query(atCounter(second.personalId, [MARITAL])));
    expect(other).toEqual([]);
    expect(logins() - loginsBefore).toBe(1);
    expect(simulator.queries() - queriesBefore).toBe(3);
  });

  it('fetches a file byte for byte, and answers notFound for a path or issuer the vault does not have', async () => {
    const adapter = vault();
    const [document] = documentsOf(await adapter.query(atCounter(second.personalId, [BIRTH])));
    const file = document?.files[0];
    if (!document || !file) throw new Error('a birth certificate with a file');
    const fetched = await adapter.fetchFile(document.issuer, file.path);
    if (fetched.kind !== 'ok') throw new Error(`expected the file, got ${fetched.kind}`);
    const original = documents.find((d) => d.ownerId === second.personalId && d.resultCode === BIRTH)?.files[0]?.bytes;
    expect(sha256(fetched.bytes)).toBe(sha256(original ?? Buffer.alloc(0)));
    expect(fetched.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(await adapter.fetchFile(document.issuer, 'kho-du-lieu/khong-co/tep.pdf')).toEqual({ kind: 'notFound' });
    expect(await adapter.fetchFile('Ủy ban nhân dân xã Khác', file.path)).toEqual({ kind: 'notFound' });
  });

  it('logs in again once when the portal says the session expired, and succeeds', async () => {
    const adapter = vault();
    documentsOf(await adapter.query(atCounter(first.personalId, [BIRTH])));
    const before = logins();
    simulator.setFault('expiredSession');
    expect(documentsOf(await adapter.query(atCounter(first.personalId, [BIRTH])))).toHaveLength(1);
    expect(logins() - before).toBe(1);
    expect(simulator.fault()).toBe('none');
    // The new session is kept.
    documentsOf(await adapter.query(atCounter(first.personalId, [BIRTH])));
    expect(logins() - before).toBe(1);
  });

  it('reports a wrong password, a refusal and an online request for someone else as refusals with the portal’s message', async () => {
    const wrong = await vault({ password: 'sai' }).query(atCounter(first.personalId, [BIRTH]));
    expect(wrong).toEqual({
      kind: 'refused',
      message: 'Kho dữ liệu điện tử của Cổng Dịch vụ công quốc gia từ chối đăng nhập: Tên đăng nhập hoặc mật khẩu không đúng',
    });
    simulator.setFault('refuse');
    const refused = await vault().query(atCounter(first.personalId, [BIRTH]));
    expect(refused.kind).toBe('refused');
    expect(refused.kind === 'refused' && refused.message).toContain('không có quyền khai thác');
    simulator.setFault('none');
    const online = await vault().query({ ...atCounter(first.personalId, [BIRTH]), channel: 'online' });
    expect(online.kind).toBe('refused');
  });

  it('reports a portal that is down or not listening as unavailable/down', async () => {
    simulator.setFault('down');
    expect(await vault().query(atCounter(first.personalId, [BIRTH]))).toEqual({
      kind: 'unavailable',
      reason: 'down',
      message: 'Không kết nối được Kho dữ liệu điện tử của Cổng Dịch vụ công quốc gia (HTTP 503)',
    });
    expect(await vault().fetchFile('x', 'y')).toMatchObject({ kind: 'unavailable', reason: 'down' });
    const closed = await vault({ baseUrl: 'http://127.0.0.1:1' }).query(atCounter(first.personalId, [BIRTH]));
    expect(closed).toMatchObject({ kind: 'unavailable', reason: 'down' });
  });

  it('gives up after timeoutMs on a slow portal, and waits for it within the timeout', async () => {
    simulator.setFault('slow');
    const answer = await vault({ timeoutMs: 150 }).query(atCounter(first.personalId, [BIRTH]));
    expect(answer).toEqual({
      kind: 'unavailable',
      reason: 'timeout',
      message: 'Kho dữ liệu điện tử của Cổng Dịch vụ công quốc gia không trả lời trong 0,2 giây',
    });
    // The login and the query each wait 400 ms: within a 5 s deadline for both.
    const patient = Date.now();
    expect(documentsOf(await vault().query(atCounter(first.personalId, [BIRTH])))).toHaveLength(1);
    expect(Date.now() - patient).toBeGreaterThanOrEqual(2 * 390);
  });
});

describe('portal answers the adapter does not take as they are', () => {
  let fake: Server;
  let answer: unknown;
  let lastQuery: unknown;

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });

  beforeAll(async () => {
    fake = createServer((req, res) => {
      void readBody(req).then((body) => {
        if (req.url !== '/auth') lastQuery = JSON.parse(body);
        const reply = req.url === '/auth' ? { session: 'phien-1', error_code: '0' } : answer;
        res.writeHead(200, { 'content-type': 'application/json' }).end(typeof reply === 'string' ? reply : JSON.stringify(reply));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

  const odd = () => vault({ baseUrl: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`, dstcode: null });
  const item = (code: string, extra: Record<string, unknown> = {}) => ({
    MaKetQua: code,
    TenGiayTo: `Giấy tờ ${code}`,
    SoKyHieu: '12/2020',
    CoQuanChuQuan: 'UBND xã A',
    DanhSachTepDinhKem: [{ TenTep: 'a.pdf', DuongDan: '/a.pdf' }],
    ...extra,
  });

  it('drops documents it did not ask for and reads both date formats, sending the protocol’s fields', async () => {
    answer = {
      errorCode: 0,
      message: 'OK',
      signature: 'x',
      result: {
        DanhSachGiayToKetQua: [
          item(BIRTH, { NgayCap: '2020-05-04', NgayHetHieuLuc: '' }),
          item('9.999999.KQ1', { NgayCap: '2020-05-04' }),
          item(MARITAL, { NgayCap: '04/05/2024', NgayHetHieuLuc: '4/11/2024' }),
          item(MARITAL, { NgayHetHieuLuc: '31/02/2024' }),
        ],
      },
    };
    const found = documentsOf(await odd().query(atCounter(first.personalId, [BIRTH, MARITAL])));
    expect(found.map((d) => [d.resultCode, d.number, d.issuedOn, d.validUntil])).toEqual([
      [BIRTH, '12/2020', '2020-05-04', null],
      [MARITAL, '12/2020', '2024-05-04', '2024-11-04'],
    ]);
    expect(lastQuery).toMatchObject({
      session: 'phien-1',
      madonvi: '000.00.20.H37',
      SoDinhDanhChuSoHuu: first.personalId,
      KenhThucHien: '1',
      DanhSachDanhMucKetQua: [
        { MaKetQua: BIRTH, SoKyHieu: '' },
        { MaKetQua: MARITAL, SoKyHieu: '' },
      ],
    });
    // A number asked with a code narrows the answer to that number.
    const numbered = await odd().query({ ...atCounter(first.personalId, []), resultCodes: [{ code: BIRTH, number: '99/2020' }] });
    expect(documentsOf(numbered)).toEqual([]);
  });

  it('reads a reply that is not JSON as badAnswer, and an empty file as notFound', async () => {
    answer = '<html>Bảo trì</html>';
    expect(await odd().query(atCounter(first.personalId, [BIRTH]))).toMatchObject({ kind: 'unavailable', reason: 'badAnswer' });
    answer = '';
    expect(await odd().fetchFile('UBND xã A', '/a.pdf')).toEqual({ kind: 'notFound' });
    answer = { errorCode: 0, result: '%%%' };
    expect(await odd().fetchFile('UBND xã A', '/a.pdf')).toMatchObject({ kind: 'unavailable', reason: 'badAnswer' });
    answer = { errorCode: 0, result: Buffer.from('%PDF-1.7').toString('base64') };
    expect(await odd().fetchFile('UBND xã A', '/a.pdf')).toEqual({ kind: 'ok', bytes: Buffer.from('%PDF-1.7') });
    expect(await odd().query(atCounter(first.personalId, []))).toMatchObject({ kind: 'refused' });
  });
});
