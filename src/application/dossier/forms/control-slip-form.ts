/**
 * Mẫu số 06, Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-over, as the printed slips have
 * them (REFERENCE §2.3): who gave ("Giao") and who received ("Nhận"), hour-minute-date, the step's budget,
 * the working time it used and its overrun (domain/dossier/step-overrun.ts), the result of the step that
 * handed over (Trước hạn / Đúng hạn / Quá hạn against that step's deadline, by the one judgement) and a note.
 * Then the step still in progress, if any, and the return of the result to the applicant, judged against the
 * dossier's due date (an apology's new date never turns late into on time).
 */
import { fail, ok, type Result } from '../../../domain/errors/error-codes.js';
import type { StepVisit } from '../../../domain/dossier/fold.js';
import { judge, VERDICT_LABELS } from '../../../domain/dossier/timeliness.js';
import { stepOverruns, workingTimeText, type VisitOverrun } from '../../../domain/dossier/step-overrun.js';
import type { RecordedAction } from '../../../domain/dossier/dossier.js';
import type { DocumentBlock, OfficialDocumentModel } from '../../../infrastructure/pdf/official-document.js';
import type { TableColumn, TableRow } from '../../../infrastructure/pdf/table.js';
import { officialName, type DossierFormData } from './form-data.js';
import {
  FORM_TITLES,
  QR_CAPTION,
  dateTimeText,
  formLine,
  hourMinuteDateText,
  hourMinuteShortText,
  issuingBody,
  placeAndDate,
  publicStatusUrl,
  unitLabel,
} from './form-basis.js';

const COLUMNS: readonly TableColumn[] = [
  { header: 'TT', width: 22, align: 'center' },
  { header: 'Tên cơ quan, bộ phận giao, nhận hồ sơ', width: 'fill' },
  { header: 'Thời gian giao, nhận hồ sơ', width: 62, align: 'center' },
  { header: 'Thời hạn của bước, thời gian đã dùng (giờ làm việc)', width: 78 },
  { header: 'Kết quả giải quyết (trước hạn / đúng hạn / quá hạn)', width: 60, align: 'center' },
  { header: 'Ghi chú', width: 96 },
];

/** Actions that close a visit (a transfer also opens the next one, and so does a decision entering the final desk step). */
const CLOSERS: ReadonlySet<RecordedAction['type']> = new Set(['transfer', 'approve', 'reject', 'stop', 'withdraw', 'returnResult']);

const opensVisit = (a: RecordedAction) => a.type === 'transfer' || ((a.type === 'approve' || a.type === 'reject') && (a.stepDueAt ?? null) !== null);

export interface HandOver {
  from: string;
  to: string;
  at: number;
  /** "Định mức 20 giờ làm việc; đã dùng …; vượt …" */
  time: string;
  timeliness: string;
  note: string;
}

/** The step's budget, the working time it used and, if any, its overrun. */
function timeText(v: VisitOverrun | undefined): string {
  if (!v) return '';
  const lines = [`Định mức: ${workingTimeText(v.budgetMinutes)}`, `Đã dùng: ${workingTimeText(v.usedMinutes)}`];
  if (v.overrunMinutes > 0) lines.push(`Vượt: ${workingTimeText(v.overrunMinutes)}`);
  return lines.join('\n');
}

const measured = (data: DossierFormData) => {
  const report = stepOverruns(data.header, data.state, data.rules, data.now + 1);
  return (position: number) => report.visits.find((v) => v.visit === position);
};

function stepLabel(data: DossierFormData, visit: StepVisit): string {
  const step = data.header.steps[visit.index];
  const person = officialName(data, visit.officialId);
  return `${unitLabel(data.tree, visit.unitCode)} – ${step?.name ?? `Bước ${visit.index + 1}`}${person ? ` (${person})` : ''}`;
}

interface VisitActions {
  /** What happened during the visit, in order. */
  actions: RecordedAction[];
  /** The action that ended it, if it has ended. */
  closer?: RecordedAction;
}

/** The history cut into visits: accept opens the first, a transfer closes one and opens the next. */
function actionsByVisit(history: readonly RecordedAction[]): VisitActions[] {
  const groups: VisitActions[] = [];
  let current: VisitActions | null = null;
  for (const a of history) {
    if (a.type === 'accept') {
      current = { actions: [] };
      groups.push(current);
    } else if (!current) {
      continue;
    } else if (opensVisit(a)) {
      current.closer = a;
      current = { actions: [] };
      groups.push(current);
    } else if (CLOSERS.has(a.type)) {
      current.closer = a;
      current = null;
    } else {
      current.actions.push(a);
    }
  }
  return groups;
}

/** What happened during a visit, for the note: supplement requests, fees, apologies, the closing action's note. */
function notesFor(group: VisitActions | undefined): string {
  const notes: string[] = [];
  for (const a of group?.actions ?? []) {
    if (a.type === 'requestSupplement') notes.push(`Yêu cầu bổ sung ${dateTimeText(a.at)}: ${a.reason}`);
    else if (a.type === 'receiveSupplement') notes.push(`Nhận hồ sơ bổ sung ${dateTimeText(a.at)}`);
    else if (a.type === 'requestFee') notes.push(`Yêu cầu nộp phí, lệ phí ${dateTimeText(a.at)}`);
    else if (a.type === 'apologize') notes.push(`Xin lỗi, hẹn lại ngày trả ${dateTimeText(a.newAppointmentAt)}`);
  }
  const closer = group?.closer;
  if (closer?.type === 'transfer' && closer.note) notes.push(closer.note);
  if (closer?.type === 'approve') notes.push(closer.note ? `Phê duyệt: ${closer.note}` : 'Phê duyệt');
  if (closer?.type === 'reject') notes.push(`Từ chối giải quyết: ${closer.reason}`);
  if (closer?.type === 'stop') notes.push(`Dừng giải quyết: ${closer.reason}`);
  if (closer?.type === 'withdraw') notes.push(`Rút hồ sơ: ${closer.reason}`);
  return notes.join('\n');
}

/** The hand-overs of the dossier, in order: each closed visit, with the visit it led to. */
export function handOvers(data: DossierFormData): HandOver[] {
  const { state, tree, header } = data;
  const visits = state.visits;
  const groups = actionsByVisit(data.history);
  const rows: HandOver[] = [];
  const visitAt = measured(data);
  visits.forEach((visit, i) => {
    const closer = groups[i]?.closer;
    // The final desk step's hand-over to the applicant is the return row of the slip.
    if (visit.handedOverAt === null || closer?.type === 'returnResult') return;
    const next = visits[i + 1];
    let to: string;
    if (closer && opensVisit(closer) && next) to = stepLabel(data, next);
    else if (closer?.type === 'approve' || closer?.type === 'reject') to = `${unitLabel(tree, header.receivingUnitCode)} – trả kết quả`;
    else if (closer?.type === 'withdraw') to = `${data.applicant.fullName} (người nộp hồ sơ rút hồ sơ)`;
    else to = '—';
    const measure = visitAt(i);
    rows.push({
      from: stepLabel(data, visit),
      to,
      at: visit.handedOverAt,
      time: timeText(measure),
      timeliness: measure ? VERDICT_LABELS[measure.verdict] : '',
      note: notesFor(groups[i]),
    });
  });
  return rows;
}

export function controlSlipForm(data: DossierFormData): Result<OfficialDocumentModel> {
  const { state, header, tree } = data;
  if (state.acceptedAt === null)
    return fail('FILE_NOT_FOUND', { form: '06', reason: 'Hồ sơ chưa được tiếp nhận nên chưa có Phiếu kiểm soát quá trình giải quyết hồ sơ.' });
  const rows: TableRow[] = handOvers(data).map((h, i) => ({
    cells: [String(i + 1), `Giao: ${h.from}\nNhận: ${h.to}`, hourMinuteShortText(h.at), h.time, h.timeliness, h.note],
  }));
  const open = state.visits.at(-1);
  if (open && open.handedOverAt === null) {
    const measure = measured(data)(state.visits.length - 1);
    rows.push({
      cells: [
        String(rows.length + 1),
        `Đang giải quyết tại: ${stepLabel(data, open)}`,
        `Hạn của bước: ${hourMinuteShortText(open.dueAt)}`,
        timeText(measure),
        measure ? VERDICT_LABELS[measure.verdict] : '',
        notesFor(actionsByVisit(data.history)[state.visits.length - 1]),
      ],
    });
  }
  if (state.returnedAt !== null) {
    // The dossier as it ended (returning the result does not end processing: the result was ready before).
    const judged = judge(state, Math.max(data.now, state.returnedAt) + 1);
    const result = judged?.ended ? VERDICT_LABELS[judged.verdict] : '';
    const last = state.visits.at(-1);
    const from = last?.handedOverAt === state.returnedAt ? stepLabel(data, last) : unitLabel(tree, header.receivingUnitCode);
    rows.push({
      cells: [
        String(rows.length + 1),
        `Giao: ${from}\nNhận: ${data.applicant.fullName} (người nộp hồ sơ)`,
        hourMinuteShortText(state.returnedAt),
        '',
        result,
        'Trả kết quả giải quyết hồ sơ',
      ],
    });
  }
  const coordinating = [...new Set(header.steps.filter((s) => s.interAgency).map((s) => unitLabel(tree, s.unitCode)))];
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', text: `(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ ${data.code})`, style: 'italic', align: 'center' },
    { kind: 'field', label: 'Người nộp hồ sơ', value: data.applicant.fullName },
    { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: `${data.procedureName} (mã thủ tục ${data.procedureCode})` },
    { kind: 'field', label: 'Cơ quan, bộ phận tiếp nhận hồ sơ', value: unitLabel(tree, header.receivingUnitCode) },
    { kind: 'field', label: 'Cơ quan giải quyết hồ sơ', value: unitLabel(tree, header.unitCode) },
    { kind: 'field', label: 'Cơ quan phối hợp giải quyết hồ sơ', value: coordinating.length > 0 ? coordinating.join('; ') : 'Không' },
    { kind: 'field', label: 'Thời gian nhận hồ sơ', value: hourMinuteDateText(state.acceptedAt) },
    ...(state.dueAt === null ? [] : [{ kind: 'field', label: 'Hạn giải quyết hồ sơ', value: hourMinuteDateText(state.dueAt) } as const]),
    ...(state.appointmentAt !== null && state.appointmentAt !== state.dueAt
      ? [{ kind: 'field', label: 'Ngày hẹn trả kết quả (đã hẹn lại)', value: hourMinuteDateText(state.appointmentAt) } as const]
      : []),
    { kind: 'space', mm: 2 },
    { kind: 'table', columns: COLUMNS, rows, options: { fontSize: 8.5, headerFontSize: 8.5, emptyText: 'Hồ sơ chưa được chuyển giao.' } },
    {
      kind: 'paragraph',
      size: 9,
      style: 'italic',
      text: 'Kết quả của mỗi lần giao so với thời hạn của bước đó trong quy trình nội bộ; thời gian đã dùng tính theo giờ làm việc, không tính thời gian chờ bổ sung hồ sơ; kết quả trả cho người nộp so với hạn giải quyết hồ sơ (ngày hẹn lại theo văn bản xin lỗi không làm thay đổi cách đánh giá).',
    },
  ];
  return ok({
    title: `${FORM_TITLES['06']} – ${data.code}`,
    formLine: formLine('06', state.acceptedAt),
    body: issuingBody(tree, header.receivingUnitCode),
    placeAndDate: placeAndDate(tree, header.receivingUnitCode, state.acceptedAt),
    heading: [{ text: FORM_TITLES['06'].toLocaleUpperCase('vi') }, { text: `Mã hồ sơ: ${data.code}`, size: 11 }],
    blocks,
    qr: { url: publicStatusUrl(data.publicUrl, data.code), caption: QR_CAPTION },
    footer: `Mã hồ sơ: ${data.code}`,
  });
}
