/**
 * A procedure as the national procedure database (CSDL quốc gia về TTHC) tells it through the portal's LayThuTuc
 * (INTEGRATIONS §3.1): one Vietnamese text per constituent part (Decree 63 Art. 8, REFERENCE §4). motcua's record is
 * written in that shape by `nationalProcedureOf` (the portal simulator's catalogue is made with it too), so that a
 * procedure the province uses can be compared part by part with the national one after a ministry changed it
 * (`compareWithNational`). The parts that translate back without a guess (the name, the time limit, the names of
 * components kept under the same code) are carried into the draft amendment it returns; the others are only told.
 */
import type { DurationUnit } from '../calendar/working-time.js';
import { CHANNEL_LABELS, CHANNELS, LEVEL_LABELS, SUBJECT_LABELS, type Channel, type Duration, type ProcedureRecord } from '../catalogue/procedure.js';

/** A procedure of the national catalogue, as LayThuTuc sends it. NgayCapNhat is yyyyMMddHHmmss, Vietnam time. */
export interface NationalProcedure {
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  CapThucHien: string;
  TrinhTuThucHien: string;
  CachThucThucHien: string;
  ThanhPhanHoSo: { Ten: string; MaThanhPhanHoSo: string }[];
  ThoiHanGiaiQuyet: string;
  DoiTuongThucHien: string;
  CoQuanThucHien: string;
  KetQuaThucHien: string;
  PhiLePhi: string;
  CanCuPhapLy: string;
  NgayCapNhat: string;
}

/** The parts compared, in the order of Decree 63 Art. 8, with what the catalogue team reads. */
export const NATIONAL_FIELD_LABELS = {
  TenTTHC: 'Tên thủ tục',
  MaLinhVuc: 'Lĩnh vực',
  CapThucHien: 'Cấp thực hiện',
  TrinhTuThucHien: 'Trình tự thực hiện',
  CachThucThucHien: 'Cách thức thực hiện',
  ThanhPhanHoSo: 'Thành phần hồ sơ',
  ThoiHanGiaiQuyet: 'Thời hạn giải quyết',
  DoiTuongThucHien: 'Đối tượng thực hiện',
  CoQuanThucHien: 'Cơ quan thực hiện',
  KetQuaThucHien: 'Kết quả thực hiện',
  PhiLePhi: 'Phí, lệ phí',
  CanCuPhapLy: 'Căn cứ pháp lý',
} as const satisfies Record<Exclude<keyof NationalProcedure, 'MaTTHC' | 'NgayCapNhat'>, string>;
export type NationalField = keyof typeof NATIONAL_FIELD_LABELS;
export const NATIONAL_FIELDS = Object.keys(NATIONAL_FIELD_LABELS) as NationalField[];

/** One part the national record tells differently from the province's. */
export interface NationalChange {
  field: NationalField;
  label: string;
  /** The province's current record, in the national wording. */
  before: string;
  /** The national catalogue's. */
  after: string;
  /** One line for people, in Vietnamese. */
  summary: string;
  /** Whether the draft amendment carries it; otherwise the catalogue team writes it in. */
  appliedToDraft: boolean;
}

const UNIT_WORDS = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày', months: 'tháng' } as const satisfies Record<
  DurationUnit,
  string
>;

const duration = (d: Duration) => (d.amount <= 0 ? 'Giải quyết ngay' : `${d.amount} ${UNIT_WORDS[d.unit]}`);
const money = (amount: number) => `${amount.toLocaleString('vi-VN')} đồng`;

/** The common time limit when every channel has the same one, otherwise each channel's. */
function timeLimits(record: ProcedureRecord): string {
  const [first] = record.methods;
  if (!first) return '';
  const same = record.methods.every((m) => m.timeLimit.amount === first.timeLimit.amount && m.timeLimit.unit === first.timeLimit.unit);
  return same ? duration(first.timeLimit) : record.methods.map((m) => `${CHANNEL_LABELS[m.channel]}: ${duration(m.timeLimit)}`).join('; ');
}

function fees(record: ProcedureRecord): string {
  if (record.fees.every((f) => f.amount <= 0)) return 'Không thu phí, lệ phí';
  return record.fees
    .map((f) => {
      const online = f.onlineAmount !== undefined && f.onlineAmount !== null && f.onlineAmount !== f.amount ? ` (trực tuyến: ${money(f.onlineAmount)})` : '';
      return `${f.name}: ${f.amount > 0 ? money(f.amount) : 'miễn'}${online}`;
    })
    .join('; ');
}

/** One procedure of motcua's catalogue as the national catalogue writes it. */
export function nationalProcedureOf(record: ProcedureRecord, updatedAt: string): NationalProcedure {
  return {
    MaTTHC: record.code,
    TenTTHC: record.name,
    MaLinhVuc: record.fieldCode,
    CapThucHien: LEVEL_LABELS[record.level],
    TrinhTuThucHien: record.sequence.map((step, i) => `Bước ${i + 1}: ${step}`).join('\n'),
    CachThucThucHien: record.methods.map((m) => `${CHANNEL_LABELS[m.channel]}: ${m.description}`).join('\n'),
    ThanhPhanHoSo: record.components.map((c) => ({ Ten: c.name, MaThanhPhanHoSo: c.code })),
    ThoiHanGiaiQuyet: timeLimits(record),
    DoiTuongThucHien: record.subjects.map((s) => SUBJECT_LABELS[s]).join('; '),
    CoQuanThucHien: record.agency.competentAuthority,
    KetQuaThucHien: record.results.map((r) => r.name).join('; '),
    PhiLePhi: fees(record),
    CanCuPhapLy: record.legalBases.map((l) => `${l.title} số ${l.number}`).join('; '),
    NgayCapNhat: updatedAt,
  };
}

const MAX_TEXT = 20_000;
const asText = (v: unknown): string => (typeof v === 'string' ? v.slice(0, MAX_TEXT) : typeof v === 'number' ? String(v) : '');

/** The portal's record as LayThuTuc sent it, read leniently: a part it leaves out is empty (and not compared). */
export function nationalProcedureFrom(raw: Readonly<Record<string, unknown>>): NationalProcedure {
  const components = Array.isArray(raw.ThanhPhanHoSo) ? (raw.ThanhPhanHoSo as unknown[]) : [];
  return {
    MaTTHC: asText(raw.MaTTHC),
    TenTTHC: asText(raw.TenTTHC),
    MaLinhVuc: asText(raw.MaLinhVuc),
    CapThucHien: asText(raw.CapThucHien),
    TrinhTuThucHien: asText(raw.TrinhTuThucHien),
    CachThucThucHien: asText(raw.CachThucThucHien),
    ThanhPhanHoSo: components
      .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
      .slice(0, 500)
      .map((c) => ({ Ten: asText(c.Ten), MaThanhPhanHoSo: asText(c.MaThanhPhanHoSo) })),
    ThoiHanGiaiQuyet: asText(raw.ThoiHanGiaiQuyet),
    DoiTuongThucHien: asText(raw.DoiTuongThucHien),
    CoQuanThucHien: asText(raw.CoQuanThucHien),
    KetQuaThucHien: asText(raw.KetQuaThucHien),
    PhiLePhi: asText(raw.PhiLePhi),
    CanCuPhapLy: asText(raw.CanCuPhapLy),
    NgayCapNhat: asText(raw.NgayCapNhat),
  };
}

/** Text as compared: the same letters whatever the Unicode form, spacing and line breaks. */
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const quote = (s: string, max = 160) => {
  const one = norm(s);
  return `"${one.length > max ? `${one.slice(0, max - 1)}…` : one}"`;
};

const WORD_UNITS: Record<string, DurationUnit> = { 'ngày làm việc': 'working_days', 'giờ làm việc': 'working_hours', ngày: 'calendar_days', tháng: 'months' };

/** "15 ngày làm việc", "Giải quyết ngay" (amount 0: the unit is kept); null when not of that form. */
function parseDuration(text: string): { amount: number; unit: DurationUnit | null } | null {
  const t = norm(text).toLowerCase();
  if (t === 'giải quyết ngay') return { amount: 0, unit: null };
  const m = /^(\d+(?:[.,]\d+)?) (ngày làm việc|giờ làm việc|ngày|tháng)$/.exec(t);
  return m ? { amount: Number(m[1]!.replace(',', '.')), unit: WORD_UNITS[m[2]!]! } : null;
}

/** The national time limit for each channel of the record, or null when it does not read as motcua writes it. */
export function timeLimitsFrom(text: string, channels: readonly Channel[]): Map<Channel, { amount: number; unit: DurationUnit | null }> | null {
  const common = parseDuration(text);
  if (common) return new Map(channels.map((c) => [c, common]));
  const byLabel = new Map(CHANNELS.map((c) => [norm(CHANNEL_LABELS[c]).toLowerCase(), c]));
  const out = new Map<Channel, { amount: number; unit: DurationUnit | null }>();
  for (const part of text.split(';')) {
    const at = part.indexOf(':');
    const channel = at > 0 ? byLabel.get(norm(part.slice(0, at)).toLowerCase()) : undefined;
    const limit = at > 0 ? parseDuration(part.slice(at + 1)) : null;
    if (!channel || !limit) return null;
    out.set(channel, limit);
  }
  return channels.every((c) => out.has(c)) ? out : null;
}

type Component = NationalProcedure['ThanhPhanHoSo'][number];
const componentLines = (list: readonly Component[]) => list.map((c) => `${c.Ten} (${c.MaThanhPhanHoSo})`).join('\n');

/** What differs between two lists of components: by code, then by name. */
function componentChange(before: readonly Component[], after: readonly Component[]): { summary: string; renamesOnly: boolean } | null {
  const mine = new Map(before.map((c) => [c.MaThanhPhanHoSo, c.Ten]));
  const theirs = new Map(after.map((c) => [c.MaThanhPhanHoSo, c.Ten]));
  const added = after.filter((c) => !mine.has(c.MaThanhPhanHoSo)).map((c) => `thêm ${quote(c.Ten)} (mã ${c.MaThanhPhanHoSo})`);
  const removed = before.filter((c) => !theirs.has(c.MaThanhPhanHoSo)).map((c) => `bỏ ${quote(c.Ten)} (mã ${c.MaThanhPhanHoSo})`);
  const renamed = after
    .filter((c) => mine.has(c.MaThanhPhanHoSo) && norm(mine.get(c.MaThanhPhanHoSo)!) !== norm(c.Ten))
    .map((c) => `đổi tên ${quote(mine.get(c.MaThanhPhanHoSo)!)} thành ${quote(c.Ten)}`);
  const parts = [...added, ...removed, ...renamed];
  return parts.length === 0 ? null : { summary: parts.join('; '), renamesOnly: added.length === 0 && removed.length === 0 };
}

/**
 * The parts the national record tells differently from the province's current record, and the draft amendment: the
 * current record with the name, the time limit (when it reads as a time limit for every channel) and the names of
 * components kept under their code taken from the national record. A part the portal leaves empty is not compared.
 */
export function compareWithNational(record: ProcedureRecord, national: NationalProcedure): { changes: NationalChange[]; draft: ProcedureRecord } {
  const mine = nationalProcedureOf(record, national.NgayCapNhat);
  let draft: ProcedureRecord = record;
  const changes: NationalChange[] = [];
  for (const field of NATIONAL_FIELDS) {
    const label = NATIONAL_FIELD_LABELS[field];
    if (field === 'ThanhPhanHoSo') {
      if (national.ThanhPhanHoSo.length === 0) continue;
      const change = componentChange(mine.ThanhPhanHoSo, national.ThanhPhanHoSo);
      if (!change) continue;
      if (change.renamesOnly) {
        const names = new Map(national.ThanhPhanHoSo.map((c) => [c.MaThanhPhanHoSo, c.Ten]));
        draft = { ...draft, components: draft.components.map((c) => ({ ...c, name: names.get(c.code) ?? c.name })) };
      }
      changes.push({
        field,
        label,
        before: componentLines(mine.ThanhPhanHoSo),
        after: componentLines(national.ThanhPhanHoSo),
        summary: `${label}: ${change.summary}`,
        appliedToDraft: change.renamesOnly,
      });
      continue;
    }
    const before = mine[field];
    const after = national[field];
    if (norm(after) === '' || norm(after) === norm(before)) continue;
    let applied = false;
    if (field === 'TenTTHC') {
      draft = { ...draft, name: norm(after) };
      applied = true;
    } else if (field === 'ThoiHanGiaiQuyet') {
      const limits = timeLimitsFrom(
        after,
        draft.methods.map((m) => m.channel),
      );
      if (limits) {
        draft = {
          ...draft,
          methods: draft.methods.map((m) => {
            const limit = limits.get(m.channel)!;
            return { ...m, timeLimit: { amount: limit.amount, unit: limit.unit ?? m.timeLimit.unit } };
          }),
        };
        applied = true;
      }
    }
    changes.push({ field, label, before, after, summary: `${label}: ${quote(before)} → ${quote(after)}`, appliedToDraft: applied });
  }
  return { changes, draft };
}
