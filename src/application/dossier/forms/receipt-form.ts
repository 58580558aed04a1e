/**
 * Mẫu số 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả: the applicant's own paper, issued when the desk
 * accepts the dossier. Fields as observed in printed receipts (REFERENCE §2.3): dossier code, receiving
 * office, applicant (name, address, phone, email), requested content, components (name, form, copies),
 * number of sets, legal time limit, reception time, appointment, place of return, signatures; and what the
 * applicant owes, when and why (issue 18): the dossier's fee lines that still count, an exemption as "Miễn".
 */
import { fail, ok, type Result } from '../../../domain/errors/error-codes.js';
import { CHANNEL_LABELS, componentFormLabel } from '../../../domain/catalogue/procedure.js';
import { FEE_KIND_LABELS, FEE_MOMENT_LABELS, formatVnd, type FeeMoment } from '../../../domain/payment/fees.js';
import type { DocumentBlock, OfficialDocumentModel } from '../../../infrastructure/pdf/official-document.js';
import type { TableColumn } from '../../../infrastructure/pdf/table.js';
import { latestAction, officialName, type DossierFormData, type FormFeeLine } from './form-data.js';
import {
  BLANK,
  FORM_TITLES,
  QR_CAPTION,
  SIGN_NOTE,
  durationText,
  formLine,
  hourMinuteDateText,
  issuingBody,
  placeAndDate,
  publicStatusUrl,
  unitLabel,
} from './form-basis.js';

const COMPONENT_COLUMNS: readonly TableColumn[] = [
  { header: 'TT', width: 26, align: 'center' },
  { header: 'Tên giấy tờ', width: 'fill' },
  { header: 'Hình thức (bản chính, bản sao…)', width: 110, align: 'center' },
  { header: 'Số lượng', width: 52, align: 'center' },
];

const FEE_COLUMNS: readonly TableColumn[] = [
  { header: 'TT', width: 26, align: 'center' },
  { header: 'Tên khoản', width: 'fill' },
  { header: 'Loại', width: 44, align: 'center' },
  { header: 'Số tiền', width: 70, align: 'right' },
  { header: 'Thời điểm thu', width: 112, align: 'center' },
];

/** The catalogue's line of a procedure without fees ("Không thu phí, lệ phí", 0 VND): no exemption, nothing to list. */
const NO_FEE_LINE = /^\s*không thu/iu;
const NO_FEE_TEXT = 'Không thu phí, lệ phí';

/** "7. Phí, lệ phí": the lines owed and the exemptions (each with its basis), and the total; or that none is collected. */
export function feeBlocks(fees: readonly FormFeeLine[]): DocumentBlock[] {
  const lines = fees.filter((f) => f.amount > 0 || !NO_FEE_LINE.test(f.name));
  if (lines.length === 0) return [{ kind: 'field', label: '7. Phí, lệ phí', value: NO_FEE_TEXT }];
  const owed = new Map<FeeMoment, number>();
  for (const f of lines) if (f.amount > 0) owed.set(f.moment, (owed.get(f.moment) ?? 0) + f.amount);
  const total = [...owed.values()].reduce((a, b) => a + b, 0);
  const byMoment = [...owed].map(([moment, amount]) => `${FEE_MOMENT_LABELS[moment].toLocaleLowerCase('vi')}: ${formatVnd(amount)}`);
  const totalText = total === 0 ? 'Miễn' : owed.size > 1 ? `${formatVnd(total)} (${byMoment.join('; ')})` : formatVnd(total);
  return [
    { kind: 'paragraph', text: '7. Phí, lệ phí:', style: 'bold', align: 'left' },
    {
      kind: 'table',
      columns: FEE_COLUMNS,
      rows: lines.map((f, i) => ({
        cells: [
          String(i + 1),
          f.basis.trim() && f.basis.trim() !== f.name ? `${f.name}\n(${f.basis.trim()})` : f.name,
          FEE_KIND_LABELS[f.kind],
          f.amount > 0 ? formatVnd(f.amount) : 'Miễn',
          f.amount > 0 ? FEE_MOMENT_LABELS[f.moment] : '—',
        ],
      })),
    },
    { kind: 'field', label: 'Tổng số tiền phí, lệ phí', value: totalText },
  ];
}

const orBlank = (value: string | null | undefined) => (value && value.trim() ? value : BLANK);

/** The applicant's lines, shared by the forms addressed to them. */
export function applicantFields(data: DossierFormData, label = 'Tiếp nhận hồ sơ của'): DocumentBlock[] {
  const a = data.applicant;
  return [
    { kind: 'field', label, value: a.fullName },
    { kind: 'field', label: 'Địa chỉ', value: orBlank(a.address) },
    { kind: 'field', label: 'Số điện thoại', value: a.email ? `${orBlank(a.phone)}    Thư điện tử: ${a.email}` : orBlank(a.phone) },
    { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: `${data.procedureName} (mã thủ tục ${data.procedureCode})` },
  ];
}

/** Where the result will be handed over, by channel. */
function placeOfReturn(data: DossierFormData, receivingName: string): string {
  switch (data.channel) {
    case 'online':
      return `Trả kết quả điện tử trên Cổng Dịch vụ công; bản giấy (nếu có) tại ${receivingName}`;
    case 'postal':
      return `${receivingName} (gửi qua dịch vụ bưu chính theo đăng ký của người nộp hồ sơ)`;
    case 'counter':
      return receivingName;
    default: {
      const never: never = data.channel;
      return never;
    }
  }
}

export function receiptForm(data: DossierFormData): Result<OfficialDocumentModel> {
  const { state, header, tree } = data;
  const accept = latestAction(data.history, 'accept');
  if (state.acceptedAt === null || !accept) {
    return fail('FILE_NOT_FOUND', { form: '01', reason: 'Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả.' });
  }
  const receivingName = unitLabel(tree, header.receivingUnitCode);
  const promised = accept.dueAt;
  const blocks: DocumentBlock[] = [
    { kind: 'field', label: 'Đơn vị tiếp nhận', value: receivingName },
    ...applicantFields(data),
    { kind: 'field', label: 'Cơ quan giải quyết hồ sơ', value: unitLabel(tree, header.unitCode) },
    { kind: 'field', label: 'Hình thức nộp hồ sơ', value: CHANNEL_LABELS[data.channel] },
    { kind: 'paragraph', text: '1. Thành phần hồ sơ nộp gồm:', style: 'bold', align: 'left' },
    {
      kind: 'table',
      columns: COMPONENT_COLUMNS,
      rows: data.components.map((c, i) => ({ cells: [String(i + 1), c.name, componentFormLabel(c.form) || BLANK, String(c.copies).padStart(2, '0')] })),
      options: { emptyText: 'Không có giấy tờ kèm theo.' },
    },
    { kind: 'field', label: '2. Số lượng hồ sơ', value: '01 (bộ)' },
    { kind: 'field', label: '3. Thời hạn giải quyết hồ sơ theo quy định', value: durationText(header.timeLimit) },
    { kind: 'field', label: '4. Thời gian nhận hồ sơ', value: hourMinuteDateText(state.acceptedAt) },
    { kind: 'field', label: '5. Thời gian trả kết quả giải quyết hồ sơ', value: hourMinuteDateText(promised) },
    { kind: 'field', label: '6. Nơi trả kết quả', value: placeOfReturn(data, receivingName) },
    ...feeBlocks(data.fees),
  ];
  if (state.appointmentAt !== null && state.appointmentAt !== promised) {
    blocks.push({
      kind: 'paragraph',
      style: 'italic',
      text: `Ghi chú: ngày hẹn trả kết quả đã được điều chỉnh thành ${hourMinuteDateText(state.appointmentAt)}${state.extensions > 0 ? ' theo văn bản xin lỗi và đề nghị gia hạn' : ' do thời gian chờ bổ sung hồ sơ không tính vào thời hạn giải quyết'}.`,
    });
  }
  return ok({
    title: `${FORM_TITLES['01']} – ${data.code}`,
    formLine: formLine('01', state.acceptedAt),
    body: issuingBody(tree, header.receivingUnitCode),
    placeAndDate: placeAndDate(tree, header.receivingUnitCode, state.acceptedAt),
    heading: [
      { text: FORM_TITLES['01'].toLocaleUpperCase('vi') },
      { text: `Mã hồ sơ: ${data.code}`, size: 11 },
      // With the code, it opens the detail of the public status page (the QR code below carries both).
      { text: `Mã tra cứu: ${data.lookupKey}`, size: 11 },
    ],
    blocks,
    signatures: [
      { title: 'Người nộp hồ sơ', note: SIGN_NOTE, name: data.applicant.fullName },
      { title: 'Người tiếp nhận hồ sơ', note: SIGN_NOTE, name: officialName(data, accept.actor.userId) },
    ],
    qr: { url: publicStatusUrl(data.publicUrl, data.code, data.lookupKey), caption: QR_CAPTION },
    footer: `Mã hồ sơ: ${data.code}`,
  });
}
