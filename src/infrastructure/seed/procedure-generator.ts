/**
 * Building blocks for catalogue records (the demo catalogue is written with them) and a generator of many
 * realistic-looking procedures for benchmarks: `generateProcedures(2000)` gives 2,000 valid, uniquely coded
 * procedures whose names combine real Vietnamese verbs, objects and qualifiers per field, so that search
 * benchmarks see a realistic vocabulary. Deterministic: a seeded PRNG, never Math.random.
 *
 * Pure: no I/O. Generated codes are 1.3xxxxx / 2.3xxxxx, outside the demo catalogue's range.
 */
import { workingMinutes } from '../../domain/catalogue/completeness.js';
import type {
  Channel,
  ComponentForm,
  Duration,
  FeeCollectedAt,
  LegalBasis,
  OnlineLevel,
  ProcedureComponent,
  ProcedureFee,
  ProcedureLevel,
  ProcedureRecord,
  ProcessStep,
  Subject,
} from '../../domain/catalogue/procedure.js';
import { law, VOCABULARY } from './procedure-vocabulary.js';

export const days = (amount: number): Duration => ({ amount, unit: 'working_days' });
export const hours = (amount: number): Duration => ({ amount, unit: 'working_hours' });
export const calendarDays = (amount: number): Duration => ({ amount, unit: 'calendar_days' });

export type Doc = Omit<ProcedureComponent, 'code'>;

export function doc(name: string, form: ComponentForm = 'original', template: string | null = null, quantity = 1, required = true): Doc {
  return { name, form, quantity, required, template };
}

/** A fee line of the schedule; `onlineAmount` where an online submission pays less (e.g. waived online). */
export function fee(name: string, amount: number, description: string, collectedAt: FeeCollectedAt = 'submission', onlineAmount?: number): ProcedureFee {
  return { name, amount, collectedAt, description, ...(onlineAmount !== undefined ? { onlineAmount } : {}) };
}

export { law };

/** An inter-agency step: the dossier goes to `unitCode` for `hours` working hours and comes back. */
export interface InterAgencyStep {
  unitCode: string;
  name: string;
  hours: number;
}

/** Working hours a template covers: the limit itself, or for calendar limits the working days inside them (5 in 7). */
export function budgetHours(limit: Duration): number {
  const minutes = workingMinutes(limit);
  if (minutes !== null) return minutes / 60;
  return (limit.unit === 'months' ? limit.amount * 22 : Math.floor((limit.amount * 5) / 7)) * 8;
}

const budget = (h: number): ProcessStep['budget'] => (h % 8 === 0 ? { amount: h / 8, unit: 'working_days' } : { amount: h, unit: 'working_hours' });

/**
 * Reception → processing → (inter-agency) → approval → return, with budgets adding up exactly to the limit.
 * Short limits get short reception and approval steps; under half a day the return goes with the signature.
 */
export function standardTemplate(limit: Duration, work: string, sign: string, inter?: InterAgencyStep): ProcessStep[] {
  const total = budgetHours(limit);
  const reception = total <= 8 ? 1 : total <= 24 ? 2 : 4;
  const approval = total <= 4 ? 1 : total <= 8 ? 2 : total <= 24 ? 4 : total <= 80 ? 8 : 16;
  const handBack = total <= 4 ? 0 : total <= 8 ? 1 : total <= 24 ? 2 : 4;
  const processing = total - reception - approval - handBack - (inter?.hours ?? 0);
  if (processing <= 0) throw new RangeError(`"${work}": ${total} giờ làm việc không đủ cho các bước của quy trình`);
  const step = (name: string, role: ProcessStep['role'], h: number, unitCode: string | null = null): ProcessStep => ({
    name,
    role,
    unitCode,
    interAgency: unitCode !== null,
    budget: budget(h),
  });
  return [
    step('Tiếp nhận, kiểm tra và chuyển hồ sơ', 'desk_officer', reception),
    step(work, 'specialist', processing),
    ...(inter ? [step(inter.name, 'specialist', inter.hours, inter.unitCode)] : []),
    step(handBack === 0 ? `${sign}, trả kết quả` : sign, 'leader', approval),
    ...(handBack > 0 ? [step('Vào sổ theo dõi, trả kết quả', 'desk_officer', handBack)] : []),
  ];
}

const centre = (level: ProcedureLevel) => (level === 'commune' ? 'Trung tâm Phục vụ hành chính công cấp xã' : 'Trung tâm Phục vụ hành chính công tỉnh');

const METHOD_TEXT: Record<Channel, (level: ProcedureLevel) => string> = {
  counter: (level) => `Nộp trực tiếp tại Bộ phận Một cửa – ${centre(level)}`,
  online: () => 'Nộp trực tuyến trên Cổng Dịch vụ công quốc gia, đăng nhập bằng tài khoản định danh điện tử VNeID',
  postal: () => 'Nộp hồ sơ và nhận kết quả qua dịch vụ bưu chính công ích',
};

function joinOr(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} hoặc ${parts[parts.length - 1]}`;
}

function sequence(level: ProcedureLevel, channels: Channel[], does: string): string[] {
  const ways = { counter: `trực tiếp tại ${centre(level)}`, postal: 'qua dịch vụ bưu chính công ích', online: 'trực tuyến trên Cổng Dịch vụ công quốc gia' };
  const back = { counter: 'tại nơi nộp hồ sơ', postal: 'qua dịch vụ bưu chính', online: 'trên tài khoản Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID' };
  return [
    `Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp ${joinOr(channels.map((c) => ways[c]))}`,
    'Công chức tiếp nhận kiểm tra hồ sơ: hồ sơ đầy đủ, hợp lệ thì tiếp nhận và cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả; chưa đầy đủ thì hướng dẫn bổ sung, hoàn thiện một lần',
    does,
    `Tổ chức, cá nhân nhận kết quả ${joinOr(channels.map((c) => back[c]))}`,
  ];
}

/** What a group of procedures (usually one field at one level) has in common. */
export interface Family {
  field: string;
  level: ProcedureLevel;
  /** g) competent authority */
  by: string;
  units: string[];
  legal: LegalBasis[];
  subjects: Subject[];
  postal: boolean;
  /** b) the processing step as the applicant reads it */
  does: string;
  /** The specialist's and the leader's step of the process template. */
  work: string;
  sign: string;
}

export interface ProcedureSpec extends Partial<Family> {
  code: string;
  name: string;
  limit: Duration;
  online: OnlineLevel;
  docs: readonly Doc[];
  /** The first is the main result. */
  result: string | readonly string[];
  resultTemplate?: string;
  inter?: InterAgencyStep;
  fees?: ProcedureFee[];
  req?: string;
  /** Defaults: fullOnlineEligible when online is full; a paper result unless online is full. */
  eligible?: boolean;
  paper?: boolean;
  anywhere?: boolean;
}

export function buildProcedure(family: Family, spec: ProcedureSpec): ProcedureRecord {
  const s = { ...family, ...spec };
  const channels: Channel[] = ['counter', ...(s.online === 'none' ? [] : ['online' as const]), ...(s.postal ? ['postal' as const] : [])];
  const results = typeof s.result === 'string' ? [s.result] : s.result;
  return {
    code: s.code,
    onlineServiceCode: s.online === 'none' ? null : `${s.code}.000.00.00.H37`,
    name: s.name,
    fieldCode: s.field,
    level: s.level,
    sequence: sequence(s.level, channels, s.does),
    methods: channels.map((channel) => ({ channel, timeLimit: s.limit, description: METHOD_TEXT[channel](s.level) })),
    components: s.docs.map((d, i) => ({ code: `${s.code}.TP${i + 1}`, ...d })),
    subjects: s.subjects,
    agency: { competentAuthority: s.by, implementingUnitCodes: s.units, coordinatingUnitCodes: s.inter ? [s.inter.unitCode] : [] },
    results: results.map((name, i) => ({ code: `${s.code}.KQ${i + 1}`, name, template: i === 0 ? (s.resultTemplate ?? null) : null })),
    requirements: s.req ?? null,
    fees: s.fees ?? [],
    legalBases: s.legal,
    onlineLevel: s.online,
    fullOnlineEligible: s.eligible ?? s.online === 'full',
    paperResultRequired: s.paper ?? s.online !== 'full',
    locationIndependent: s.anywhere ?? false,
    processTemplate: standardTemplate(s.limit, s.work, s.sign, s.inter),
  };
}

// ---------------------------------------------------------------------------------------------- generator

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LICENCE_VERBS = ['Cấp', 'Cấp lại', 'Cấp đổi', 'Gia hạn', 'Điều chỉnh', 'Thu hồi', 'Cấp bổ sung nội dung'] as const;
const LIMITS: readonly Duration[] = [hours(4), days(1), days(3), days(5), days(7), days(10), days(15), days(20), days(30), calendarDays(15)];
const ONLINE: readonly OnlineLevel[] = ['full', 'full', 'partial', 'partial', 'partial', 'none'];
const FORMS: readonly ComponentForm[] = ['original', 'copy', 'certifiedCopy', 'electronic'];
const FEES = [10000, 20000, 50000, 100000, 200000, 500000, 1000000] as const;
const DEPARTMENTS = ['000.00.02.H37', '000.00.03.H37', '000.00.04.H37', '000.00.06.H37', '000.00.07.H37', '000.00.10.H37', '000.00.15.H37'] as const;

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Highest count that keeps codes unique (6 digits from 300000, both prefixes). */
const MAX_COUNT = 1_400_000;

/** `count` valid procedures with unique codes, the same for the same seed. */
export function generateProcedures(count: number, seed = 1): ProcedureRecord[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) throw new RangeError(`count must be an integer from 0 to ${MAX_COUNT}`);
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const out: ProcedureRecord[] = [];
  for (let i = 0; i < count; i++) {
    const v = pick(VOCABULARY);
    const level: ProcedureLevel = random() < 0.45 ? 'commune' : 'province';
    const licence = random() < 0.55;
    const verb = licence ? pick(LICENCE_VERBS) : '';
    const object = licence ? pick(v.documents) : pick(v.acts);
    const qualifier = random() < 0.7 ? pick(v.qualifiers) : '';
    const name = [licence ? `${verb} ${lower(object)}` : object, qualifier].filter(Boolean).join(' ');
    const result = !licence ? `Văn bản giải quyết ${lower(object)}` : verb === 'Thu hồi' ? `Quyết định thu hồi ${lower(object)}` : upper(object);
    const authority = v.authority[level];
    const limit = pick(LIMITS);
    const total = budgetHours(limit);
    const other = DEPARTMENTS.filter((d) => d !== v.unit);
    const inter = total >= 24 && random() < 0.2 ? { unitCode: pick(other), name: 'Lấy ý kiến cơ quan phối hợp', hours: total >= 40 ? 16 : 8 } : undefined;
    const extra = v.components.filter(() => random() < 0.5);
    const family: Family = {
      field: v.field,
      level,
      by: authority,
      units: level === 'province' ? [v.unit] : [],
      legal: [v.legal],
      subjects: random() < 0.6 ? ['citizen'] : ['citizen', 'enterprise', 'organization'],
      postal: random() < 0.5,
      does: `Công chức chuyên môn thẩm định hồ sơ, kiểm tra điều kiện; đủ điều kiện thì trình ${authority} xem xét, quyết định`,
      work: 'Thẩm định hồ sơ, dự thảo kết quả',
      sign: `Lãnh đạo ký ${lower(result)}`,
    };
    out.push(
      buildProcedure(family, {
        code: `${i % 2 === 0 ? 1 : 2}.${300000 + Math.floor(i / 2)}`,
        name,
        limit,
        online: pick(ONLINE),
        docs: [doc(`Đơn đề nghị ${lower(name)}`, 'original', `Mẫu đơn đề nghị ${lower(name)}`), ...extra.map((c) => doc(c, pick(FORMS)))],
        result,
        inter,
        fees: random() < 0.4 ? [fee(`Lệ phí ${lower(name)}`, pick(FEES), 'Mức thu do Hội đồng nhân dân tỉnh quy định')] : [],
        anywhere: random() < 0.15,
      }),
    );
  }
  return out;
}
