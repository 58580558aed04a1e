/**
 * What every printed form shares: the circular it follows, the form titles, the issuing body and place
 * named from the unit tree, Vietnamese date-times from local minutes, and the public status URL of the QR.
 */
import { civilFromJdn } from '../../../domain/calendar/civil-date.js';
import type { Duration } from '../../../domain/catalogue/procedure.js';
import type { Unit, UnitTree } from '../../../domain/units/unit.js';
import type { IssuingBody } from '../../../infrastructure/pdf/official-document.js';
import { basisLine, type BasisDocument } from '../../../domain/dossier/legal-basis.js';

/**
 * The forms of the one-stop mechanism, named by their number in Thông tư 03/2025/TT-VPCP (Văn phòng Chính
 * phủ, 15/9/2025), Appendix I, under Decree 118/2025. REFERENCE §2.3 tags this list of forms [S]: it was
 * read in a Hanoi system's design document, not in the circular itself. A printed form cites the circular in
 * force on its own date, with that circular's number for it (domain/dossier/legal-basis.ts).
 */
import { DOSSIER_FORMS, FORM_TITLES, type DossierFormNumber as DossierForm } from '../../../domain/dossier/vocabulary.js';

export { DOSSIER_FORMS, FORM_TITLES, type DossierForm };

const FORM_DOCUMENTS = {
  '01': 'receipt',
  '02': 'supplement',
  '03': 'refusal',
  '04': 'apology',
  '05': 'stop',
  '06': 'controlSlip',
  '07': 'register',
} as const satisfies Record<DossierForm | '07', BasisDocument>;

/** "Mẫu số 01 – ban hành kèm theo Thông tư số 03/2025/TT-VPCP" for a form dated `local` (UTC+7 minutes). */
export function formLine(form: DossierForm | '07', local: number): string {
  return basisLine(FORM_DOCUMENTS[form], Math.floor(local / 1440));
}

/**
 * The portal page where anyone follows a dossier by its code (the target of every form's QR code); with the
 * lookup key (on the forms handed to the applicant) it opens the detail too.
 */
export function publicStatusUrl(publicUrl: string, code: string, lookupKey?: string): string {
  return `${publicUrl}/tra-cuu-ho-so/${encodeURIComponent(code)}${lookupKey ? `?key=${encodeURIComponent(lookupKey)}` : ''}`;
}

export const QR_CAPTION = 'Quét mã QR hoặc truy cập địa chỉ dưới đây để tra cứu tình trạng giải quyết hồ sơ.';

/** For what is left to be filled in by hand. */
export const BLANK = '……………………';

export const SIGN_NOTE = '(Ký và ghi rõ họ tên)';
export const SEAL_NOTE = '(Ký, ghi rõ họ tên và đóng dấu)';

// ------------------------------------------------------------------------------------------------ time

const p2 = (n: number) => String(n).padStart(2, '0');

/** Local minutes (UTC+7 wall clock, days as Julian Day Numbers) → calendar fields. */
export function localParts(local: number): { year: number; month: number; day: number; hour: number; minute: number } {
  const jd = Math.floor(local / 1440);
  const minutes = local - jd * 1440;
  return { ...civilFromJdn(jd), hour: Math.floor(minutes / 60), minute: minutes % 60 };
}

/** 23/11/2026 16:45 */
export function dateTimeText(local: number): string {
  const t = localParts(local);
  return `${p2(t.day)}/${p2(t.month)}/${t.year} ${p2(t.hour)}:${p2(t.minute)}`;
}

/** 23/11/2026 */
export function dateText(local: number): string {
  const t = localParts(local);
  return `${p2(t.day)}/${p2(t.month)}/${t.year}`;
}

/** 2026-11-23T16:45, for spreadsheet date cells. */
export function localIsoMinute(local: number): string {
  const t = localParts(local);
  return `${t.year}-${p2(t.month)}-${p2(t.day)}T${p2(t.hour)}:${p2(t.minute)}`;
}

/** ngày 23 tháng 11 năm 2026 */
export function longDateText(local: number): string {
  const t = localParts(local);
  return `ngày ${p2(t.day)} tháng ${p2(t.month)} năm ${t.year}`;
}

/** 16 giờ 45 phút, 23/11/2026 (in a table cell) */
export function hourMinuteShortText(local: number): string {
  const t = localParts(local);
  return `${p2(t.hour)} giờ ${p2(t.minute)} phút, ${dateText(local)}`;
}

/** 16 giờ 45 phút, ngày 23 tháng 11 năm 2026 */
export function hourMinuteDateText(local: number): string {
  const t = localParts(local);
  return `${p2(t.hour)} giờ ${p2(t.minute)} phút, ${longDateText(local)}`;
}

const DURATION_LABELS = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày', months: 'tháng' } as const;

/** "1 ngày làm việc", "0,5 ngày làm việc" */
export function durationText(limit: Duration): string {
  return `${String(limit.amount).replace('.', ',')} ${DURATION_LABELS[limit.unit]}`;
}

// ------------------------------------------------------------------------------------------------ units

const lowerFirst = (name: string) => name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
const PEOPLES_COMMITTEE = 'Ủy ban nhân dân';

/** The body that signs for a unit: a commune or old district is its People's Committee. */
export function authorityName(unit: Unit): string {
  if ((unit.level === 'commune' || unit.level === 'district') && !unit.name.startsWith(PEOPLES_COMMITTEE))
    return `${PEOPLES_COMMITTEE} ${lowerFirst(unit.name)}`;
  return unit.name;
}

export function unitLabel(tree: UnitTree, code: string): string {
  const unit = tree.find(code);
  return unit ? authorityName(unit) : code;
}

/** The issuer and, for a department, centre or desk, the body above it (Nghị định 30/2020: cơ quan chủ quản). */
export function issuingBody(tree: UnitTree, code: string): IssuingBody {
  const unit = tree.find(code);
  if (!unit) return { superior: null, issuer: code };
  const parent = unit.parentCode ? tree.find(unit.parentCode) : undefined;
  const governed = unit.level === 'department' || unit.level === 'service_center' || unit.level === 'one_stop_desk';
  return { superior: governed && parent ? authorityName(parent) : null, issuer: authorityName(unit) };
}

const PLACE_PREFIX = /^(?:Ủy ban nhân dân\s+)?(?:tỉnh|thành phố|phường|xã|thị trấn|đặc khu|huyện|quận|thị xã)\s+/iu;

/** "Tam Thanh", "Lạng Sơn": where a document is signed, from the nearest commune, or else the province. */
export function placeName(tree: UnitTree, code: string): string | null {
  const chain = tree.ancestry(code);
  const place = chain.find((u) => u.level === 'commune') ?? chain.find((u) => u.level === 'province');
  if (!place) return null;
  const short = place.name.replace(PLACE_PREFIX, '');
  return short === place.name && place.level === 'province' ? null : short;
}

/** "Tam Thanh, ngày 23 tháng 11 năm 2026" */
export function placeAndDate(tree: UnitTree, code: string, local: number): string {
  const place = placeName(tree, code);
  const date = longDateText(local);
  return place ? `${place}, ${date}` : date.charAt(0).toLocaleUpperCase('vi') + date.slice(1);
}
