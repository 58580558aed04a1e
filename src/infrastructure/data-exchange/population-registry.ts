/**
 * The adapter for the national population database (CSDLQG về dân cư) reached through a provincial LGSP
 * (INTEGRATIONS §6), behind the PopulationRegistry port:
 *   - the request is the NDXP lookup (MaYeuCau, MaDVC, MaTichHop, MaDonVi, MaCanBo, SoDinhDanh, SoCMND, HoVaTen,
 *     NgayThangNamSinh) as a SOAP 1.1 envelope in the namespace `http://dancuquocgia.bca`, the birth date wrapped in
 *     `<NgayThangNam>` (the OpenCPS Hậu Giang variant);
 *   - it travels in the LGSP's JSON body `{accessToken: "Bearer …", lgspAccessToken, AuthHash, data: <soap>}`, where
 *     lgspAccessToken is base64 of the JSON `{AccessKey, SecretKey, AppName, PartnerCode, PartnerCodeCus}` and
 *     AuthHash base64 of the officer's own `keyName:keyPass`;
 *   - the answer is SOAP, `Envelope/Body/CongdanCollection/CongDan` (any namespace prefixes), or the same XML as the
 *     string `response` of a JSON envelope `{code, status, correlationId, response}` (Thái Nguyên LGSP);
 *   - the LGSP refuses with 401 (bad credentials), 403 (no right to the API) and 429 (over the quota) (HCMC LGSP).
 * Every call is bounded by `timeoutMs`. Personal data in queries and answers is never logged here.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PopulationAnswer, PopulationQuery, PopulationRegistry, RegistryAddress, RegistryCitizen } from '../../domain/data-vault/exchange.js';

export interface LgspOfficer {
  /** MaCanBo */
  officerCode: string;
  /** The officer's own key on the population database: AuthHash is base64 of `keyName:keyPass`. */
  keyName: string;
  keyPass: string;
}

export interface LgspPopulationConfig {
  /** The LGSP endpoint that forwards to the population database. */
  url: string;
  accessKey: string;
  secretKey: string;
  appName: string;
  partnerCode: string;
  partnerCodeCus: string;
  /** The LGSP's bearer token, when the province issues one. */
  bearerToken: string | null;
  /** MaTichHop: the integration code the population database assigned, e.g. "037". */
  integrationCode: string;
  /** username → the officer's code and key on the population database. */
  officers: Record<string, LgspOfficer>;
  timeoutMs: number;
}

/** The SOAP request's namespace (the OpenCPS Hậu Giang variant). */
export const POPULATION_NAMESPACE = 'http://dancuquocgia.bca';
export const SOAP_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
/** The lookup's operation element. */
const OPERATION = 'TraCuuThongTinCongDan';
/** A CongDan answer is a few kilobytes: anything past this is not an answer. */
const MAX_ANSWER_BYTES = 1024 * 1024;

const REGISTRY = 'Cơ sở dữ liệu quốc gia về dân cư';
const MESSAGES = {
  noOfficer: `Cán bộ chưa được cấp quyền tra cứu ${REGISTRY}`,
  401: `Sai thông tin xác thực LGSP khi tra cứu ${REGISTRY}`,
  403: `Không có quyền gọi dịch vụ tra cứu ${REGISTRY}`,
  429: `Đã vượt hạn mức số lượt tra cứu ${REGISTRY}, vui lòng thử lại sau`,
  down: `Không kết nối được ${REGISTRY}`,
  badAnswer: `${REGISTRY} trả lời không đúng định dạng`,
} as const;

/** 1500 → "1,5" (Vietnamese decimal comma). */
const seconds = (ms: number) => String(Math.round(ms / 100) / 10).replace('.', ',');

const unavailable = (reason: 'timeout' | 'down' | 'badAnswer', message: string): PopulationAnswer => ({ kind: 'unavailable', reason, message });
const badAnswer = (detail?: string) => unavailable('badAnswer', detail ? `${MESSAGES.badAnswer} (${detail})` : MESSAGES.badAnswer);

/** Text content safe in XML 1.0: the five markup characters escaped, the control characters XML forbids dropped. */
export function escapeXml(value: string): string {
  return (
    value
      // Exactly the characters XML 1.0 cannot carry, even as character references.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** The SOAP 1.1 envelope of one lookup, elements in the order the population database's service expects. */
export function buildPopulationEnvelope(query: PopulationQuery, config: Pick<LgspPopulationConfig, 'integrationCode'>, officer: LgspOfficer): string {
  const element = (name: string, value: string) => `<dan:${name}>${escapeXml(value)}</dan:${name}>`;
  return [
    `<soapenv:Envelope xmlns:soapenv="${SOAP_NAMESPACE}" xmlns:dan="${POPULATION_NAMESPACE}">`,
    '<soapenv:Header/>',
    '<soapenv:Body>',
    `<dan:${OPERATION}>`,
    element('MaYeuCau', query.requestId),
    element('MaDVC', query.serviceCode),
    element('MaTichHop', config.integrationCode),
    element('MaDonVi', query.unitCode),
    element('MaCanBo', officer.officerCode),
    element('SoDinhDanh', query.personalId),
    element('SoCMND', ''),
    element('HoVaTen', query.fullName),
    `<dan:NgayThangNamSinh>${element('NgayThangNam', query.birthDate)}</dan:NgayThangNamSinh>`,
    `</dan:${OPERATION}>`,
    '</soapenv:Body>',
    '</soapenv:Envelope>',
  ].join('');
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The LGSP's JSON body around the SOAP request. */
export function buildLgspBody(soap: string, config: LgspPopulationConfig, officer: LgspOfficer): Record<string, string> {
  const lgspAccessToken = base64(
    JSON.stringify({
      AccessKey: config.accessKey,
      SecretKey: config.secretKey,
      AppName: config.appName,
      PartnerCode: config.partnerCode,
      PartnerCodeCus: config.partnerCodeCus,
    }),
  );
  const credentials = { lgspAccessToken, AuthHash: base64(`${officer.keyName}:${officer.keyPass}`), data: soap };
  return config.bearerToken ? { accessToken: `Bearer ${config.bearerToken}`, ...credentials } : credentials;
}

// Reading the answer. Values stay strings (ids keep their leading zeros); numeric character references, which
// Java and .NET serialisers emit for Vietnamese letters, are decoded (htmlEntities enables them).
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => name === 'CongDan',
});

/** The XML as a tree, or null when it is not well-formed XML. */
export function parseXml(xml: string): Record<string, unknown> | null {
  if (XMLValidator.validate(xml) !== true) return null;
  try {
    const tree: unknown = parser.parse(xml);
    return isRecord(tree) ? tree : null;
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A leaf's text, trimmed; null when absent, empty or not a leaf. */
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim().normalize('NFC') : null);

/** A name given as `{Ho, ChuDem, Ten}` or as one string, joined with single spaces. */
function nameOf(value: unknown): string | null {
  const parts = isRecord(value) ? [value.Ho, value.ChuDem, value.Ten].map(text) : [text(value)];
  const name = parts
    .filter((part): part is string => part !== null)
    .join(' ')
    .replace(/\s+/g, ' ');
  return name === '' ? null : name;
}

/** yyyy-mm-dd, yyyymmdd or dd/mm/yyyy → yyyy-mm-dd; yyyy stays yyyy; anything else null. */
export function normaliseBirthDate(value: string | null): string | null {
  if (value === null) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const dayFirst = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (dayFirst) return `${dayFirst[3]}-${dayFirst[2]}-${dayFirst[1]}`;
  return /^\d{4}$/.test(value) ? value : null;
}

/** NgayThangNamSinh `{Nam, NgayThangNam}` (or a bare string): the full date when known, else the year. */
function birthDateOf(value: unknown): string | null {
  if (!isRecord(value)) return normaliseBirthDate(text(value));
  return normaliseBirthDate(text(value.NgayThangNam)) ?? normaliseBirthDate(text(value.Nam));
}

function genderOf(value: unknown): RegistryCitizen['gender'] {
  const code = text(value)?.toLowerCase();
  if (code === '1' || code === 'nam') return 'Nam';
  if (code === '2' || code === 'nữ') return 'Nữ';
  return null;
}

/** `{MaTinhThanh, MaQuanHuyen, MaPhuongXa, ChiTiet, QuocGia}`; null when absent or empty. */
function addressOf(value: unknown): RegistryAddress | null {
  if (!isRecord(value)) {
    const detail = text(value);
    return detail === null ? null : { provinceCode: null, districtCode: null, communeCode: null, detail };
  }
  const address = {
    provinceCode: text(value.MaTinhThanh),
    districtCode: text(value.MaQuanHuyen),
    communeCode: text(value.MaPhuongXa),
    detail: text(value.ChiTiet) ?? '',
  };
  return address.provinceCode === null && address.districtCode === null && address.communeCode === null && address.detail === '' ? null : address;
}

/** ChuHo `{QuanHe, SoDinhDanh, SoCMND, HoVaTen}`; the old id stands in when there is no personal id. */
function householdHeadOf(value: unknown): RegistryCitizen['householdHead'] {
  if (!isRecord(value)) return null;
  const fullName = nameOf(value.HoVaTen);
  const personalId = text(value.SoDinhDanh) ?? text(value.SoCMND);
  if (fullName === null && personalId === null) return null;
  return { fullName: fullName ?? '', personalId, relation: text(value.QuanHe) };
}

function citizenOf(value: unknown): RegistryCitizen | null {
  if (!isRecord(value)) return null;
  const personalId = text(value.SoDinhDanh);
  const fullName = nameOf(value.HoVaTen);
  const birthDate = birthDateOf(value.NgayThangNamSinh);
  if (personalId === null || fullName === null || birthDate === null) return null;
  return {
    personalId,
    oldId: text(value.SoCMND),
    fullName,
    gender: genderOf(value.GioiTinh),
    birthDate,
    nationality: text(value.QuocTich),
    ethnicity: text(value.DanToc),
    permanentAddress: addressOf(value.ThuongTru),
    currentAddress: addressOf(value.NoiOHienTai),
    hometown: addressOf(value.QueQuan),
    householdHead: householdHeadOf(value.ChuHo),
  };
}

/**
 * The population database's SOAP answer read: the first CongDan of `Envelope/Body/CongdanCollection`, `notFound`
 * for an empty collection, `unavailable`/`badAnswer` for anything else.
 */
export function parsePopulationAnswer(xml: string): PopulationAnswer {
  const tree = parseXml(xml);
  const envelope = tree?.Envelope;
  const body = isRecord(envelope) ? envelope.Body : undefined;
  if (!isRecord(body)) return badAnswer('không phải SOAP');
  if (!('CongdanCollection' in body)) return badAnswer('thiếu CongdanCollection');
  const collection = body.CongdanCollection;
  // An empty collection parses as '' (no child elements).
  const people = isRecord(collection) && Array.isArray(collection.CongDan) ? (collection.CongDan as unknown[]) : [];
  const [first] = people;
  if (first === undefined || first === '') return { kind: 'notFound' };
  const citizen = citizenOf(first);
  return citizen ? { kind: 'found', citizen } : badAnswer('thiếu số định danh, họ tên hoặc ngày sinh');
}

/** The SOAP text of a 200 answer: as sent, or the `response` of the LGSP's JSON envelope (Thái Nguyên). */
function soapOf(body: string): string | null {
  if (!body.trimStart().startsWith('{')) return body;
  try {
    const json: unknown = JSON.parse(body);
    return isRecord(json) && typeof json.response === 'string' ? json.response : null;
  } catch {
    return null;
  }
}

/** The body as text, or null past MAX_ANSWER_BYTES. */
async function readBounded(res: Response): Promise<string | null> {
  if (Number(res.headers.get('content-length') ?? 0) > MAX_ANSWER_BYTES) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const timedOut = (error: unknown) => error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

export function createLgspPopulationRegistry(config: LgspPopulationConfig, fetchImpl: typeof fetch = fetch): PopulationRegistry {
  return {
    async lookup(query) {
      // Own properties only: a username such as "constructor" is not an officer.
      const officer = Object.hasOwn(config.officers, query.officer) ? config.officers[query.officer] : undefined;
      if (!officer) return { kind: 'refused', status: 403, message: MESSAGES.noOfficer };
      const body = buildLgspBody(buildPopulationEnvelope(query, config, officer), config, officer);
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/xml, application/json' };
      // Some LGSPs (Thái Nguyên) read the bearer token from the header rather than the body.
      if (config.bearerToken) headers.authorization = `Bearer ${config.bearerToken}`;
      let status: number;
      let answer: string | null;
      try {
        const res = await fetchImpl(config.url, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
          // The body carries credentials: the LGSP answers where it is asked, a redirect is not followed.
          redirect: 'error',
          // One deadline for the whole exchange: the answer's body is read under the same signal.
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        status = res.status;
        answer = status === 200 ? await readBounded(res) : null;
        if (status !== 200) await res.body?.cancel();
      } catch (error) {
        if (timedOut(error)) return unavailable('timeout', `${REGISTRY} không trả lời trong ${seconds(config.timeoutMs)} giây`);
        return unavailable('down', MESSAGES.down);
      }
      if (status === 401 || status === 403 || status === 429) return { kind: 'refused', status, message: MESSAGES[status] };
      if (status >= 500) return unavailable('down', `${MESSAGES.down} (HTTP ${status})`);
      if (status !== 200) return badAnswer(`HTTP ${status}`);
      if (answer === null) return badAnswer('câu trả lời quá lớn');
      const soap = soapOf(answer);
      return soap === null ? badAnswer('không có nội dung SOAP') : parsePopulationAnswer(soap);
    },
  };
}
