/**
 * Mẫu số 07, Sổ theo dõi hồ sơ: the dossiers a unit (and the units below it) received or settles, in a
 * period of reception dates (Vietnam time), one row each, as a landscape A4 PDF or an Excel workbook.
 * Columns per REFERENCE §2.3: No., code, procedure, applicant, address and phone, lead agency, reception,
 * appointment, transfer, result or supplement request, return, notes. Officials whose scope covers the unit.
 */
import type { AppDeps, RequestMeta } from '../../context.js';
import type { CatalogueDirectory } from '../../catalogue/catalogue-directory.js';
import { authorize, coveredUnits, coversUnit } from '../../../domain/access/policy.js';
import { fail, ok, type Result } from '../../../domain/errors/error-codes.js';
import { jdnFromIso } from '../../../domain/calendar/civil-date.js';
import { STATUS_LABELS, type DossierStatus } from '../../../domain/dossier/dossier.js';
import type { DossierState } from '../../../domain/dossier/fold.js';
import { CHANNEL_LABELS } from '../../../domain/catalogue/procedure.js';
import type { IssuingBody, OfficialDocumentModel } from '../../../infrastructure/pdf/official-document.js';
import { mm } from '../../../infrastructure/pdf/document.js';
import type { TableColumn } from '../../../infrastructure/pdf/table.js';
import type { XlsxCell, XlsxTable } from '../../../infrastructure/pdf/table-xlsx.js';
import { toDate, toLocal } from '../dossier-store.js';
import type { FormApplicant } from './form-data.js';
import { FORM_TITLES, dateText, dateTimeText, formLine, issuingBody, localIsoMinute, placeAndDate, unitLabel } from './form-basis.js';

/** A register is printed for a month, a quarter or a year, not for a decade. */
export const REGISTER_MAX_DAYS = 366;
/** Beyond this many rows, ask for a shorter period rather than draw a book of a thousand pages. */
export const REGISTER_MAX_ROWS = 5000;

export interface RegisterRow {
  code: string;
  procedure: string;
  applicant: string;
  addressAndPhone: string;
  leadAgency: string;
  /** Local minutes (UTC+7); null when it has not happened. */
  receivedAt: number;
  appointmentAt: number | null;
  transferredAt: number | null;
  resultOrSupplementAt: number | null;
  returnedAt: number | null;
  notes: string;
}

export interface DossierRegister {
  unitCode: string;
  unitName: string;
  body: IssuingBody;
  /** Where and when it is printed: "Tam Thanh, ngày 23 tháng 11 năm 2026". */
  placeAndDate: string;
  from: string;
  to: string;
  printedAt: number;
  rows: RegisterRow[];
}

type Deps = AppDeps & { catalogue: CatalogueDirectory };

const dayStart = (iso: string) => toDate(jdnFromIso(iso) * 1440)!;

function checkPeriod(from: string, to: string): Result<{ start: Date; end: Date }> {
  let first: number;
  let last: number;
  try {
    first = jdnFromIso(from);
    last = jdnFromIso(to);
  } catch {
    return fail('VALIDATION_FAILED', [{ path: 'querystring', message: 'Ngày không tồn tại' }]);
  }
  if (last < first) return fail('VALIDATION_FAILED', [{ path: 'querystring.to', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi' }]);
  if (last - first + 1 > REGISTER_MAX_DAYS)
    return fail('VALIDATION_FAILED', [{ path: 'querystring.to', message: `Mỗi sổ theo dõi tối đa ${REGISTER_MAX_DAYS} ngày` }]);
  return ok({ start: dayStart(from), end: toDate((last + 1) * 1440)! });
}

function notesOf(state: DossierState, channel: keyof typeof CHANNEL_LABELS, supplementAt: number | null): string {
  const notes: string[] = [STATUS_LABELS[state.status as DossierStatus] ?? state.status];
  if (channel !== 'counter') notes.push(`Nộp ${CHANNEL_LABELS[channel].toLocaleLowerCase('vi')}`);
  if (supplementAt !== null) notes.push(`Yêu cầu bổ sung ${dateTimeText(supplementAt)}`);
  if (state.extensions > 0 && state.dueAt !== null) notes.push(`Đã xin lỗi, hẹn lại (hạn ban đầu ${dateTimeText(state.dueAt)})`);
  if (state.repeatedSupplement) notes.push('Yêu cầu bổ sung quá một lần');
  return notes.join('; ');
}

export async function dossierRegister(deps: Deps, input: { unitCode: string; from: string; to: string; meta: RequestMeta }): Promise<Result<DossierRegister>> {
  const tree = deps.units.tree();
  const actor = input.meta.actor;
  const decision = authorize(actor, 'units.view', { unitCode: input.unitCode }, tree);
  if (!decision.ok) return fail(decision.code);
  // The register lists dossiers with their applicants: a desk prints its own local government's (ADR 7).
  if (!actor || !coversUnit(actor, input.unitCode, tree)) return fail('FORBIDDEN_UNIT');
  const period = checkPeriod(input.from, input.to);
  if (!period.ok) return period;
  const inScope = coveredUnits(actor, tree, input.unitCode);
  const rows = await deps.db
    .selectFrom('dossiers')
    .select(['id', 'code', 'procedure_code', 'procedure_version_id', 'channel', 'unit_code', 'applicant', 'state', 'submitted_at', 'accepted_at'])
    .where((eb) => eb.or([eb('receiving_unit_code', 'in', inScope), eb('unit_code', 'in', inScope)]))
    .where((eb) => eb(eb.fn.coalesce('accepted_at', 'submitted_at'), '>=', period.value.start))
    .where((eb) => eb(eb.fn.coalesce('accepted_at', 'submitted_at'), '<', period.value.end))
    .orderBy((eb) => eb.fn.coalesce('accepted_at', 'submitted_at'))
    .orderBy('code')
    .limit(REGISTER_MAX_ROWS + 1)
    .execute();
  if (rows.length > REGISTER_MAX_ROWS)
    return fail('VALIDATION_FAILED', [{ path: 'querystring', message: `Kỳ này có hơn ${REGISTER_MAX_ROWS} hồ sơ; hãy in theo kỳ ngắn hơn` }]);
  const supplements = new Map<string, number>();
  if (rows.length > 0) {
    const actions = await deps.db
      .selectFrom('dossier_actions')
      .select(['dossier_id', 'at'])
      .where(
        'dossier_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('type', 'in', ['requestSupplement', 'requestSupplementAtReception'])
      .orderBy('seq')
      .execute();
    for (const a of actions) supplements.set(a.dossier_id, toLocal(a.at));
  }
  const printedAt = toLocal(deps.clock());
  return ok({
    unitCode: input.unitCode,
    unitName: unitLabel(tree, input.unitCode),
    body: issuingBody(tree, input.unitCode),
    placeAndDate: placeAndDate(tree, input.unitCode, printedAt),
    from: input.from,
    to: input.to,
    printedAt,
    rows: rows.map((r) => {
      const state = r.state as DossierState;
      const applicant = r.applicant as FormApplicant;
      const procedure = deps.catalogue.history(r.procedure_code).find((v) => v.id === r.procedure_version_id);
      const supplementAt = supplements.get(r.id) ?? null;
      const first = state.visits[0];
      return {
        code: r.code,
        procedure: procedure?.record.name ?? r.procedure_code,
        applicant: applicant.fullName,
        addressAndPhone: [applicant.address, applicant.phone ? `ĐT: ${applicant.phone}` : null].filter(Boolean).join('\n'),
        leadAgency: unitLabel(tree, r.unit_code),
        receivedAt: toLocal(r.accepted_at ?? r.submitted_at),
        appointmentAt: state.appointmentAt,
        transferredAt: first && first.index === 0 ? first.handedOverAt : null,
        resultOrSupplementAt: state.outcome !== null ? state.finishedAt : supplementAt,
        returnedAt: state.returnedAt,
        notes: notesOf(state, r.channel, supplementAt),
      };
    }),
  });
}

// --------------------------------------------------------------------------------------------- outputs

const HEADERS = [
  'TT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Tổ chức, cá nhân nộp hồ sơ',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
  'Ngày, giờ nhận hồ sơ',
  'Ngày, giờ hẹn trả kết quả',
  'Ngày, giờ chuyển hồ sơ',
  'Ngày, giờ có kết quả hoặc yêu cầu bổ sung',
  'Ngày, giờ trả kết quả',
  'Ghi chú',
] as const;

/** Points at 7.5 pt: a dossier code and a date fit on one line each (a time goes under its date). */
const PDF_WIDTHS: readonly TableColumn['width'][] = [20, 113, 'fill', 64, 84, 64, 48, 48, 48, 48, 48, 86];
const XLSX_WIDTHS: readonly number[] = [6, 26, 40, 24, 30, 28, 17, 17, 17, 17, 17, 36];

const periodText = (r: DossierRegister) => `Từ ngày ${dateText(jdnFromIso(r.from) * 1440)} đến ngày ${dateText(jdnFromIso(r.to) * 1440)}`;

export function registerDocument(register: DossierRegister): OfficialDocumentModel {
  const at = (local: number | null) => (local === null ? '' : dateTimeText(local));
  return {
    title: `${FORM_TITLES['07']} – ${register.unitName} – ${periodText(register)}`,
    formLine: formLine('07', jdnFromIso(register.to) * 1440),
    body: register.body,
    placeAndDate: register.placeAndDate,
    heading: [
      { text: FORM_TITLES['07'].toLocaleUpperCase('vi'), size: 14 },
      { text: periodText(register), style: 'italic', size: 11 },
    ],
    blocks: [
      {
        kind: 'table',
        columns: HEADERS.map((header, i) => ({ header, width: PDF_WIDTHS[i]!, align: i === 0 || (i >= 6 && i <= 10) ? 'center' : 'left' })),
        rows: register.rows.map((r, i) => ({
          cells: registerCells(r, i, at).map(String),
        })),
        options: { fontSize: 7.5, headerFontSize: 7.5, padding: 2.5, emptyText: 'Không có hồ sơ nào trong kỳ.' },
      },
    ],
    layout: 'landscape',
    // The register is wide: narrower side margins than a letter, still room to bind it at the left.
    margins: { left: mm(15), right: mm(8) },
    footer: `${register.unitName} – ${periodText(register)} – in lúc ${dateTimeText(register.printedAt)}`,
  };
}

/** One row of the register, in the columns of HEADERS, with its times written by `at` (PDF text or a workbook cell). */
function registerCells<T>(r: RegisterRow, i: number, at: (local: number | null) => T): (number | string | T)[] {
  const times = [r.receivedAt, r.appointmentAt, r.transferredAt, r.resultOrSupplementAt, r.returnedAt].map(at);
  return [i + 1, r.code, r.procedure, r.applicant, r.addressAndPhone, r.leadAgency, ...times, r.notes];
}

export function registerWorkbook(register: DossierRegister): XlsxTable {
  const at = (local: number | null): XlsxCell => (local === null ? null : { dateTime: localIsoMinute(local) });
  return {
    sheetName: 'Sổ theo dõi hồ sơ',
    title: [FORM_TITLES['07'].toLocaleUpperCase('vi'), register.unitName, periodText(register), formLine('07', jdnFromIso(register.to) * 1440)],
    columns: HEADERS.map((header, i) => ({ header, width: XLSX_WIDTHS[i]! })),
    rows: register.rows.map((r, i) => registerCells(r, i, at)),
  };
}

export const registerFileName = (register: DossierRegister, ext: 'pdf' | 'xlsx') =>
  `so-theo-doi-ho-so-${register.unitCode.replace(/[^A-Za-z0-9._-]+/g, '-')}-${register.from}-${register.to}.${ext}`;
