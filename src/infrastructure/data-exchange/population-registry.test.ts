/**
 * The LGSP population-database adapter driven against its simulator on a real HTTP server: the lookup's SOAP and
 * LGSP body, every mapped field of CongDan, the matching rules, the platform's refusals (401/403/429), a platform
 * down, slow or unreachable, and the Thái Nguyên JSON envelope.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PopulationQuery, RegistryCitizen } from '../../domain/data-vault/exchange.js';
import { buildPopulationEnvelope, createLgspPopulationRegistry, parsePopulationAnswer, type LgspPopulationConfig } from './population-registry.js';
import {
  createPopulationRegistrySimulator,
  demoRegistryCitizens,
  populationResponseXml,
  type PopulationRegistrySimulator,
} from './population-registry-simulator.js';

const CREDENTIALS = { accessKey: 'ak-demo', secretKey: 'sk-demo', appName: 'motcua', partnerCode: '000.00.00.H37', partnerCodeCus: '000.00.00.H37' };

const FULL: RegistryCitizen = {
  personalId: '001099012345',
  oldId: '012345678',
  fullName: 'Trần Thị Ngọc Ánh',
  gender: 'Nữ',
  birthDate: '1999-02-28',
  nationality: 'VN',
  ethnicity: 'Tày',
  permanentAddress: { provinceCode: '20', districtCode: '178', communeCode: '06253', detail: 'Thôn Nà Chuông' },
  currentAddress: { provinceCode: '01', districtCode: '001', communeCode: '00004', detail: 'Số 3 phố Hàng Bài' },
  hometown: { provinceCode: '20', districtCode: null, communeCode: null, detail: 'Xã Hoàng Văn Thụ' },
  householdHead: { fullName: 'Trần Văn Bình', personalId: '020070004321', relation: 'Con' },
};
const ESCAPED: RegistryCitizen = { ...FULL, personalId: '020199000777', oldId: null, fullName: 'Lò <Văn> & Páo', householdHead: null };
const YEAR_ONLY: RegistryCitizen = { ...FULL, personalId: '020050000011', oldId: null, fullName: 'Hà Thị Mến', birthDate: '1950' };
const CITIZENS = [...demoRegistryCitizens(), FULL, ESCAPED, YEAR_ONLY];

let simulator: PopulationRegistrySimulator;
let url: string;
const servers: { close(): Promise<void> }[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/lgsp/dancu`;
}

const config = (overrides: Partial<LgspPopulationConfig> = {}): LgspPopulationConfig => ({
  url,
  ...CREDENTIALS,
  bearerToken: 'lgsp-bearer',
  integrationCode: '037',
  officers: {
    'tiepnhan.tamthanh': { officerCode: 'CB-TT-01', keyName: 'tiepnhan01', keyPass: 'khoa-01' },
    'saikhoa.tamthanh': { officerCode: 'CB-TT-02', keyName: 'tiepnhan01', keyPass: 'khoa-sai' },
  },
  timeoutMs: 5000,
  ...overrides,
});

const query = (overrides: Partial<PopulationQuery> = {}): PopulationQuery => ({
  requestId: 'H20.01-260107-0001',
  serviceCode: '1.001612',
  unitCode: '000.00.20.H37',
  officer: 'tiepnhan.tamthanh',
  personalId: FULL.personalId,
  fullName: FULL.fullName,
  birthDate: FULL.birthDate,
  ...overrides,
});

/** A fetch that records what the adapter sent, then sends it. */
function recordingFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl: typeof fetch = (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    return fetch(input, init);
  };
  return { calls, impl };
}

beforeAll(async () => {
  simulator = createPopulationRegistrySimulator({ credentials: CREDENTIALS, officers: { tiepnhan01: 'khoa-01' }, citizens: CITIZENS, slowMs: 2000 });
  url = await serve((req, res) => simulator.handle(req, res));
});

afterEach(() => simulator.setFault('none'));
afterAll(async () => {
  simulator.close();
  await Promise.all(servers.map((s) => s.close()));
});

describe('the SOAP lookup and the LGSP body', () => {
  it('writes the NDXP inputs in order, in the dancuquocgia.bca namespace, every value escaped', () => {
    const officer = { officerCode: 'CB<1>', keyName: 'k', keyPass: 'p' };
    const soap = buildPopulationEnvelope(query({ fullName: 'Lò <Văn> & "Páo"' }), { integrationCode: '037' }, officer);
    expect(soap).toContain('xmlns:dan="http://dancuquocgia.bca"');
    const order = [...soap.matchAll(/<dan:(\w+)>/g)].map((m) => m[1]);
    expect(order).toEqual([
      'TraCuuThongTinCongDan',
      'MaYeuCau',
      'MaDVC',
      'MaTichHop',
      'MaDonVi',
      'MaCanBo',
      'SoDinhDanh',
      'SoCMND',
      'HoVaTen',
      'NgayThangNamSinh',
      'NgayThangNam',
    ]);
    expect(soap).toContain('<dan:HoVaTen>Lò &lt;Văn&gt; &amp; &quot;Páo&quot;</dan:HoVaTen>');
    expect(soap).toContain('<dan:MaCanBo>CB&lt;1&gt;</dan:MaCanBo>');
    expect(soap).toContain('<dan:SoCMND></dan:SoCMND>');
    expect(soap).toContain('<dan:NgayThangNamSinh><dan:NgayThangNam>1999-02-28</dan:NgayThangNam></dan:NgayThangNamSinh>');
  });

  it('posts JSON with the bearer token, the LGSP credentials and the officer’s AuthHash', async () => {
    const { calls, impl } = recordingFetch();
    expect((await createLgspPopulationRegistry(config(), impl).lookup(query())).kind).toBe('found');
    const [call] = calls;
    expect(call?.url).toBe(url);
    expect(call?.init.method).toBe('POST');
    expect(new Headers(call?.init.headers).get('content-type')).toBe('application/json');
    const body = JSON.parse(String(call?.init.body)) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['accessToken', 'lgspAccessToken', 'AuthHash', 'data']);
    expect(body.accessToken).toBe('Bearer lgsp-bearer');
    expect(JSON.parse(Buffer.from(body.lgspAccessToken ?? '', 'base64').toString('utf8'))).toEqual({
      AccessKey: 'ak-demo',
      SecretKey: 'sk-demo',
      AppName: 'motcua',
      PartnerCode: '000.00.00.H37',
      PartnerCodeCus: '000.00.00.H37',
    });
    expect(Buffer.from(body.AuthHash ?? '', 'base64').toString('utf8')).toBe('tiepnhan01:khoa-01');
    expect(body.data).toContain('<dan:MaCanBo>CB-TT-01</dan:MaCanBo>');
  });

  it('leaves the bearer token out when the province issues none', async () => {
    const { calls, impl } = recordingFetch();
    await createLgspPopulationRegistry(config({ bearerToken: null }), impl).lookup(query());
    expect(Object.keys(JSON.parse(String(calls[0]?.init.body)) as object)).not.toContain('accessToken');
  });
});

describe('population database through the simulator', () => {
  const lookup = (q: Partial<PopulationQuery> = {}, c: Partial<LgspPopulationConfig> = {}) => createLgspPopulationRegistry(config(c)).lookup(query(q));

  it('finds a citizen and maps every field of CongDan', async () => {
    const before = simulator.lookups();
    expect(await lookup()).toEqual({ kind: 'found', citizen: FULL });
    expect(simulator.lookups()).toBe(before + 1);
  });

  it('keeps the leading zeros of ids and reads the demo citizens', async () => {
    const [minh] = demoRegistryCitizens();
    const answer = await lookup({ personalId: '020085003417', fullName: 'Hoàng Văn Minh', birthDate: '1985-04-12' });
    expect(answer).toEqual({ kind: 'found', citizen: minh });
    expect(answer.kind === 'found' && answer.citizen.personalId).toBe('020085003417');
    expect(minh?.permanentAddress).toEqual({
      provinceCode: '20',
      districtCode: null,
      communeCode: null,
      detail: 'Số 25 đường Trần Đăng Ninh, phường Tam Thanh, tỉnh Lạng Sơn',
    });
    expect(minh?.householdHead).toEqual({ fullName: 'Hoàng Văn Minh', personalId: '020085003417', relation: 'Chủ hộ' });
  });

  it('matches the name case-insensitively after NFC normalisation, and a year of birth alone', async () => {
    expect((await lookup({ fullName: '  TRẦN THỊ NGỌC ÁNH '.normalize('NFD') })).kind).toBe('found');
    expect((await lookup({ birthDate: '1999' })).kind).toBe('found');
    const year = await lookup({ personalId: YEAR_ONLY.personalId, fullName: YEAR_ONLY.fullName, birthDate: '1950' });
    expect(year).toEqual({ kind: 'found', citizen: YEAR_ONLY });
  });

  it('finds nobody when the name, the birth date or the id does not match', async () => {
    expect(await lookup({ fullName: 'Trần Thị Ngọc Anh' })).toEqual({ kind: 'notFound' });
    expect(await lookup({ birthDate: '1999-02-27' })).toEqual({ kind: 'notFound' });
    expect(await lookup({ birthDate: '2000' })).toEqual({ kind: 'notFound' });
    expect(await lookup({ personalId: '1099012345' })).toEqual({ kind: 'notFound' });
  });

  it('escapes a name with <, & and > both ways', async () => {
    const answer = await lookup({ personalId: ESCAPED.personalId, fullName: ESCAPED.fullName });
    expect(answer).toEqual({ kind: 'found', citizen: ESCAPED });
  });

  it('refuses an officer without a key on the population database, without asking it', async () => {
    const { calls, impl } = recordingFetch();
    const before = simulator.lookups();
    const answer = await createLgspPopulationRegistry(config(), impl).lookup(query({ officer: 'vanthu.tamthanh' }));
    expect(answer).toEqual({ kind: 'refused', status: 403, message: 'Cán bộ chưa được cấp quyền tra cứu Cơ sở dữ liệu quốc gia về dân cư' });
    expect(calls).toHaveLength(0);
    expect(simulator.lookups()).toBe(before);
    expect((await lookup({ officer: 'constructor' })).kind).toBe('refused');
  });

  it('reads the platform’s refusals: wrong AuthHash 403, wrong credentials 401, over the quota 429', async () => {
    expect(await lookup({ officer: 'saikhoa.tamthanh' })).toMatchObject({ kind: 'refused', status: 403, message: expect.stringContaining('Không có quyền') });
    expect(await lookup({}, { secretKey: 'sk-other' })).toMatchObject({
      kind: 'refused',
      status: 401,
      message: expect.stringContaining('Sai thông tin xác thực LGSP'),
    });
    simulator.setFault('quota');
    expect(await lookup()).toMatchObject({ kind: 'refused', status: 429, message: expect.stringContaining('vượt hạn mức') });
    simulator.setFault('unauthorized');
    expect(await lookup()).toMatchObject({ kind: 'refused', status: 401 });
    simulator.setFault('forbidden');
    expect(await lookup()).toMatchObject({ kind: 'refused', status: 403 });
    simulator.setFault('notFound');
    expect(await lookup()).toEqual({ kind: 'notFound' });
  });

  it('says the platform is down on a 503 or a refused connection', async () => {
    simulator.setFault('down');
    expect(await lookup()).toMatchObject({ kind: 'unavailable', reason: 'down', message: expect.stringContaining('HTTP 503') });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await lookup({}, { url: `http://127.0.0.1:${port}/` })).toMatchObject({ kind: 'unavailable', reason: 'down' });
  });

  it('gives up after timeoutMs when the platform is slow', async () => {
    simulator.setFault('slow');
    const started = Date.now();
    const answer = await lookup({}, { timeoutMs: 200 });
    expect(answer).toEqual({ kind: 'unavailable', reason: 'timeout', message: 'Cơ sở dữ liệu quốc gia về dân cư không trả lời trong 0,2 giây' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('the simulator on the wire', () => {
  const post = (body: string, target = url) => fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const lgspBody = (data: string) => {
    const token = Buffer.from(
      JSON.stringify({ AccessKey: 'ak-demo', SecretKey: 'sk-demo', AppName: 'motcua', PartnerCode: '000.00.00.H37', PartnerCodeCus: '000.00.00.H37' }),
    );
    return JSON.stringify({ lgspAccessToken: token.toString('base64'), AuthHash: Buffer.from('tiepnhan01:khoa-01').toString('base64'), data });
  };

  it('answers SOAP as text/xml, 429 with Retry-After, 400 to bad JSON or SOAP and 413 past 1 MB', async () => {
    const soap = buildPopulationEnvelope(query(), { integrationCode: '037' }, { officerCode: 'CB', keyName: 'k', keyPass: 'p' });
    const found = await post(lgspBody(soap));
    expect([found.status, found.headers.get('content-type')]).toEqual([200, 'text/xml; charset=utf-8']);
    expect(await found.text()).toContain('<ns1:SoDinhDanh>001099012345</ns1:SoDinhDanh>');
    simulator.setFault('quota');
    const quota = await post(lgspBody(soap));
    expect([quota.status, quota.headers.get('retry-after')]).toEqual([429, '60']);
    simulator.setFault('none');
    expect((await post('{not json')).status).toBe(400);
    expect((await post(lgspBody('<Envelope><Body><Other/></Body></Envelope>'))).status).toBe(400);
    expect((await post(lgspBody('x'.repeat(1024 * 1024)))).status).toBe(413);
  });

  it('answers normally after slowMs when slow, and drops held requests on close', async () => {
    const quick = createPopulationRegistrySimulator({ credentials: CREDENTIALS, officers: { tiepnhan01: 'khoa-01' }, citizens: CITIZENS, slowMs: 50 });
    const quickUrl = await serve((req, res) => quick.handle(req, res));
    quick.setFault('slow');
    expect(quick.fault()).toBe('slow');
    expect(await createLgspPopulationRegistry(config({ url: quickUrl })).lookup(query())).toEqual({ kind: 'found', citizen: FULL });
    const held = createPopulationRegistrySimulator({ credentials: CREDENTIALS, officers: { tiepnhan01: 'khoa-01' }, citizens: CITIZENS });
    const heldUrl = await serve((req, res) => held.handle(req, res));
    held.setFault('slow');
    const pending = createLgspPopulationRegistry(config({ url: heldUrl })).lookup(query());
    await new Promise((resolve) => setTimeout(resolve, 100));
    held.close();
    expect(await pending).toMatchObject({ kind: 'unavailable', reason: 'down' });
    expect(held.lookups()).toBe(0);
  });
});

describe('answers in other shapes', () => {
  it('reads the SOAP wrapped in the Thái Nguyên LGSP JSON envelope', async () => {
    const wrapped = await serve((_req, res) => {
      const body = { code: '200', status: true, correlationId: 'c0ffee', response: populationResponseXml([FULL]) };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    expect(await createLgspPopulationRegistry(config({ url: wrapped })).lookup(query())).toEqual({ kind: 'found', citizen: FULL });
  });

  it('reads other namespace prefixes, numeric character references and bare values', () => {
    const xml = `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><CongdanCollection xmlns="urn:x"><CongDan>
      <SoDinhDanh>000123456789</SoDinhDanh><SoCMND/><HoVaTen><Ho>Nguy&#7877;n</Ho><ChuDem></ChuDem><Ten>An</Ten></HoVaTen>
      <GioiTinh>Nam</GioiTinh><NgayThangNamSinh><Nam>1990</Nam><NgayThangNam>1990-05-06</NgayThangNam></NgayThangNamSinh>
      </CongDan></CongdanCollection></S:Body></S:Envelope>`;
    expect(parsePopulationAnswer(xml)).toEqual({
      kind: 'found',
      citizen: {
        personalId: '000123456789',
        oldId: null,
        fullName: 'Nguyễn An',
        gender: 'Nam',
        birthDate: '1990-05-06',
        nationality: null,
        ethnicity: null,
        permanentAddress: null,
        currentAddress: null,
        hometown: null,
        householdHead: null,
      },
    });
  });

  it('reads an empty collection as not found and anything else as a bad answer', () => {
    expect(parsePopulationAnswer(populationResponseXml([]))).toEqual({ kind: 'notFound' });
    expect(parsePopulationAnswer('<html><body>Bad gateway</body></html>')).toMatchObject({ kind: 'unavailable', reason: 'badAnswer' });
    expect(parsePopulationAnswer('not xml <')).toMatchObject({ kind: 'unavailable', reason: 'badAnswer' });
    const noName = populationResponseXml([FULL]).replace(/<ns1:HoVaTen>.*?<\/ns1:HoVaTen>/, '');
    expect(parsePopulationAnswer(noName)).toMatchObject({ kind: 'unavailable', reason: 'badAnswer' });
  });

  it('reads an unreadable 200 as a bad answer', async () => {
    const garbled = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"500","message":"lỗi"}'));
    expect(await createLgspPopulationRegistry(config({ url: garbled })).lookup(query())).toMatchObject({ kind: 'unavailable', reason: 'badAnswer' });
  });
});
