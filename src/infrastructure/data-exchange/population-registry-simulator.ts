/**
 * A local stand-in for the national population database (CSDLQG về dân cư) behind a provincial LGSP, for demos and
 * tests. It speaks the protocol population-registry.ts speaks (INTEGRATIONS §6):
 *   - a `POST` of the LGSP's JSON body `{accessToken, lgspAccessToken, AuthHash, data: <soap>}`, lgspAccessToken being
 *     base64 of `{AccessKey, SecretKey, AppName, PartnerCode, PartnerCodeCus}` (401 when it does not match) and
 *     AuthHash base64 of an officer's `keyName:keyPass` (403 when it matches no officer);
 *   - the SOAP lookup (any namespace prefixes) answered with a SOAP `Envelope/Body/CongdanCollection/CongDan`: the
 *     citizen whose SoDinhDanh, name (case-insensitive, NFC) and birth date (or year) all match, else an empty
 *     collection, as the real database does for a wrong name or date;
 *   - the LGSP's refusals: 401, 403, 429 (with Retry-After) and 503.
 * Faults a real platform shows can be switched on: slow, unauthorized, forbidden, quota, notFound, down.
 *
 * `handle` serves one request (a host app mounting it under a prefix strips the prefix first) and reads the raw body
 * itself, at most 1 MB. Personal data in requests is never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { RegistryAddress, RegistryCitizen } from '../../domain/data-vault/exchange.js';
import { DEMO_CITIZENS } from '../seed/demo-province.js';
import { escapeXml, normaliseBirthDate, parseXml, POPULATION_NAMESPACE, SOAP_NAMESPACE } from './population-registry.js';

export type PopulationRegistryFault = 'none' | 'slow' | 'unauthorized' | 'forbidden' | 'quota' | 'notFound' | 'down';

export interface PopulationRegistrySimulatorOptions {
  /** The LGSP credentials a caller must present in lgspAccessToken. */
  credentials: { accessKey: string; secretKey: string; appName: string; partnerCode: string; partnerCodeCus: string };
  /** keyName → keyPass of the officers allowed to look people up. */
  officers: Record<string, string>;
  citizens: readonly RegistryCitizen[];
  /** How long the 'slow' fault waits before answering (default 8000 ms). */
  slowMs?: number;
}

export interface PopulationRegistrySimulator {
  handle(req: IncomingMessage, res: ServerResponse): void;
  setFault(fault: PopulationRegistryFault): void;
  fault(): PopulationRegistryFault;
  /** How many requests it has answered, whatever the answer. */
  lookups(): number;
  /** Drops the requests held by the 'slow' fault; later requests are dropped too. */
  close(): void;
}

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_SLOW_MS = 8000;
/** The answer's namespace, as the population database's SOAP answers carry it. */
const ANSWER_NAMESPACE = 'http://www.mic.gov.vn/dancu/1.0';

interface Answer {
  http: number;
  body: string;
  headers?: Record<string, string>;
}

const TEXT = 'text/plain; charset=utf-8';
const refusal = (http: number, body: string, headers: Record<string, string> = {}): Answer => ({ http, body, headers: { 'content-type': TEXT, ...headers } });

const ANSWERS = {
  badJson: refusal(400, 'Yêu cầu không phải JSON hợp lệ'),
  badSoap: refusal(400, 'Yêu cầu SOAP không hợp lệ'),
  tooLarge: refusal(413, 'Yêu cầu quá lớn', { connection: 'close' }),
  notPost: refusal(405, 'Chỉ nhận yêu cầu POST'),
  unauthorized: refusal(401, 'Sai thông tin xác thực LGSP'),
  forbidden: refusal(403, 'Không có quyền gọi dịch vụ'),
  quota: refusal(429, 'Vượt hạn mức số lượt tra cứu', { 'retry-after': '60' }),
  down: refusal(503, 'Dịch vụ đang bảo trì, vui lòng thử lại sau'),
  failed: refusal(500, 'Lỗi không xác định của dịch vụ'),
} as const;

class RequestProblem extends Error {
  constructor(readonly answer: Answer) {
    super(answer.body);
  }
}

/** The raw body, at most MAX_BODY_BYTES; past it the rest is drained and dropped, so that the 413 can still be sent. */
async function readBody(req: IncomingMessage): Promise<string> {
  const tooLarge = new RequestProblem(ANSWERS.tooLarge);
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((done, fail) => {
    req
      .on('error', fail)
      .on('end', done)
      .on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Settling twice is a no-op: once too large, the end of the body changes nothing.
        if (size > MAX_BODY_BYTES) fail(tooLarge);
        else chunks.push(chunk);
      });
  });
  return Buffer.concat(chunks).toString('utf8');
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
/** Constant time, whatever the lengths: both sides are hashed first. */
const sameSecret = (expected: string, received: string) => timingSafeEqual(digest(expected), digest(received));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const fromBase64 = (value: unknown) => (typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : '');

function credentialsMatch(expected: PopulationRegistrySimulatorOptions['credentials'], token: unknown): boolean {
  let presented: unknown;
  try {
    presented = JSON.parse(fromBase64(token));
  } catch {
    return false;
  }
  if (!isRecord(presented)) return false;
  const pairs: [string, unknown][] = [
    [expected.accessKey, presented.AccessKey],
    [expected.secretKey, presented.SecretKey],
    [expected.appName, presented.AppName],
    [expected.partnerCode, presented.PartnerCode],
    [expected.partnerCodeCus, presented.PartnerCodeCus],
  ];
  // Every pair is compared, so that the time taken does not tell which one is wrong.
  return pairs.map(([want, got]) => typeof got === 'string' && sameSecret(want, got)).every(Boolean);
}

function officerMatches(officers: Record<string, string>, authHash: unknown): boolean {
  const decoded = fromBase64(authHash);
  const colon = decoded.indexOf(':');
  if (colon <= 0) return false;
  const keyName = decoded.slice(0, colon);
  const keyPass = Object.hasOwn(officers, keyName) ? officers[keyName] : undefined;
  return keyPass !== undefined && sameSecret(keyPass, decoded.slice(colon + 1));
}

interface Lookup {
  personalId: string;
  fullName: string;
  birthDate: string;
}

const leaf = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The lookup's fields from the SOAP request (the operation is the Body's first element, whatever its name). */
function lookupOf(soap: string): Lookup | null {
  const envelope = parseXml(soap)?.Envelope;
  const body = isRecord(envelope) ? envelope.Body : undefined;
  const operation = isRecord(body) ? Object.values(body).find(isRecord) : undefined;
  if (!operation) return null;
  const born = operation.NgayThangNamSinh;
  const birthDate = isRecord(born) ? leaf(born.NgayThangNam) || leaf(born.Nam) : leaf(born);
  const lookup = { personalId: leaf(operation.SoDinhDanh), fullName: leaf(operation.HoVaTen), birthDate };
  return lookup.personalId && lookup.fullName && lookup.birthDate ? lookup : null;
}

const sameName = (a: string, b: string) => {
  const fold = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return fold(a) === fold(b);
};

/** Equal dates, or equal years when either side knows only the year. */
function sameBirthDate(asked: string, known: string): boolean {
  const a = normaliseBirthDate(asked);
  const b = normaliseBirthDate(known);
  if (a === null || b === null) return false;
  return a === b || ((a.length === 4 || b.length === 4) && a.slice(0, 4) === b.slice(0, 4));
}

const element = (name: string, value: string) => `<ns1:${name}>${escapeXml(value)}</ns1:${name}>`;

/** HoVaTen `{Ho, ChuDem, Ten}`: the first word, the middle ones, the last. */
function nameXml(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const ten = words.pop() ?? '';
  const ho = words.shift() ?? '';
  return `<ns1:HoVaTen>${element('Ho', ho)}${element('ChuDem', words.join(' '))}${element('Ten', ten)}</ns1:HoVaTen>`;
}

function addressXml(name: string, address: RegistryAddress | null): string {
  if (!address) return '';
  const fields = [
    element('MaTinhThanh', address.provinceCode ?? ''),
    element('MaQuanHuyen', address.districtCode ?? ''),
    element('MaPhuongXa', address.communeCode ?? ''),
    element('ChiTiet', address.detail),
    element('QuocGia', 'VN'),
  ];
  return `<ns1:${name}>${fields.join('')}</ns1:${name}>`;
}

function citizenXml(citizen: RegistryCitizen): string {
  const head = citizen.householdHead;
  // NgayThangNam is written yyyymmdd, as the database's answers do; the year alone when that is all it knows.
  const date = citizen.birthDate.length === 10 ? element('NgayThangNam', citizen.birthDate.replace(/-/g, '')) : '';
  return [
    '<ns1:CongDan>',
    element('SoDinhDanh', citizen.personalId),
    element('SoCMND', citizen.oldId ?? ''),
    nameXml(citizen.fullName),
    element('GioiTinh', citizen.gender === 'Nam' ? '1' : citizen.gender === 'Nữ' ? '2' : '0'),
    citizen.ethnicity ? element('DanToc', citizen.ethnicity) : '',
    `<ns1:NgayThangNamSinh>${element('Nam', citizen.birthDate.slice(0, 4))}${date}</ns1:NgayThangNamSinh>`,
    citizen.nationality ? element('QuocTich', citizen.nationality) : '',
    addressXml('QueQuan', citizen.hometown),
    addressXml('ThuongTru', citizen.permanentAddress),
    addressXml('NoiOHienTai', citizen.currentAddress),
    head
      ? `<ns1:ChuHo>${element('QuanHe', head.relation ?? '')}${element('SoDinhDanh', head.personalId ?? '')}${element('SoCMND', '')}${nameXml(head.fullName)}</ns1:ChuHo>`
      : '',
    '</ns1:CongDan>',
  ].join('');
}

/** The database's SOAP answer listing these citizens (none: not found). */
export function populationResponseXml(citizens: readonly RegistryCitizen[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<soapenv:Envelope xmlns:soapenv="${SOAP_NAMESPACE}" xmlns:dan="${POPULATION_NAMESPACE}">`,
    '<soapenv:Header/>',
    '<soapenv:Body>',
    `<ns1:CongdanCollection xmlns:ns1="${ANSWER_NAMESPACE}">${citizens.map(citizenXml).join('')}</ns1:CongdanCollection>`,
    '</soapenv:Body>',
    '</soapenv:Envelope>',
  ].join('');
}

export function createPopulationRegistrySimulator(options: PopulationRegistrySimulatorOptions): PopulationRegistrySimulator {
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  let current: PopulationRegistryFault = 'none';
  let answered = 0;
  /** Aborted by close(): ends the waits of the 'slow' fault. */
  const closing = new AbortController();
  /** Answers held back by the 'slow' fault, to end on close(). */
  const held = new Set<ServerResponse>();

  function send(res: ServerResponse, answer: Answer): void {
    if (res.headersSent || res.destroyed) return;
    answered += 1;
    res.writeHead(answer.http, { 'cache-control': 'no-store', ...answer.headers }).end(answer.body);
  }

  function find(lookup: Lookup): RegistryCitizen[] {
    const citizen = options.citizens.find(
      (c) => c.personalId === lookup.personalId && sameName(lookup.fullName, c.fullName) && sameBirthDate(lookup.birthDate, c.birthDate),
    );
    return citizen && current !== 'notFound' ? [citizen] : [];
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (closing.signal.aborted) return void res.destroy();
    if (req.method !== 'POST') return send(res, ANSWERS.notPost);
    // A platform that is down answers nothing useful, whoever asks.
    if (current === 'down') return send(res, ANSWERS.down);
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      throw error instanceof RequestProblem ? error : new RequestProblem(ANSWERS.badJson);
    }
    if (!isRecord(body)) return send(res, ANSWERS.badJson);
    if (current === 'unauthorized' || !credentialsMatch(options.credentials, body.lgspAccessToken)) return send(res, ANSWERS.unauthorized);
    if (current === 'forbidden' || !officerMatches(options.officers, body.AuthHash)) return send(res, ANSWERS.forbidden);
    if (current === 'quota') return send(res, ANSWERS.quota);
    const lookup = typeof body.data === 'string' ? lookupOf(body.data) : null;
    if (!lookup) return send(res, ANSWERS.badSoap);
    if (current === 'slow') {
      held.add(res);
      res.once('close', () => held.delete(res));
      await delay(slowMs, undefined, { signal: closing.signal }).catch(() => undefined);
      held.delete(res);
    }
    if (closing.signal.aborted) return void res.destroy();
    send(res, { http: 200, body: populationResponseXml(find(lookup)), headers: { 'content-type': 'text/xml; charset=utf-8' } });
  }

  return {
    handle: (req, res) => void serve(req, res).catch((error: unknown) => send(res, error instanceof RequestProblem ? error.answer : ANSWERS.failed)),
    setFault: (fault) => void (current = fault),
    fault: () => current,
    lookups: () => answered,
    close() {
      closing.abort();
      held.forEach((res) => res.destroy());
      held.clear();
    },
  };
}

/** Lạng Sơn's province code in the administrative-unit catalogue. */
const LANG_SON = '20';

/** The demo province's citizens (seed/demo-province.ts) as the population database knows them. */
export function demoRegistryCitizens(): RegistryCitizen[] {
  return DEMO_CITIZENS.map((person) => {
    const address = { provinceCode: LANG_SON, districtCode: null, communeCode: null, detail: person.address };
    return {
      personalId: person.personalId,
      oldId: null,
      fullName: person.fullName,
      gender: person.gender,
      birthDate: person.birthDate,
      nationality: 'Việt Nam',
      ethnicity: 'Kinh',
      permanentAddress: address,
      currentAddress: { ...address },
      hometown: null,
      householdHead: { fullName: person.fullName, personalId: person.personalId, relation: 'Chủ hộ' },
    };
  });
}
