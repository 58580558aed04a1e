/**
 * The forms addressed to the applicant when something happens to the dossier, each from the action that
 * triggers it (the latest one when it happened more than once):
 *   02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ← requestSupplement / requestSupplementAtReception
 *   03 Phiếu từ chối tiếp nhận giải quyết hồ sơ ← refuse
 *   04 Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết ← apologize
 *   05 Thông báo dừng giải quyết hồ sơ ← stop
 * Each is issued by the unit of the official who took the action.
 */
import { fail, ok, type Result } from '../../../domain/errors/error-codes.js';
import { foldDossier } from '../../../domain/dossier/fold.js';
import type { RecordedAction } from '../../../domain/dossier/dossier.js';
import type { DocumentBlock, OfficialDocumentModel } from '../../../infrastructure/pdf/official-document.js';
import { latestAction, officialName, type DossierFormData } from './form-data.js';
import { applicantFields } from './receipt-form.js';
import {
  FORM_TITLES,
  QR_CAPTION,
  SEAL_NOTE,
  SIGN_NOTE,
  formLine,
  hourMinuteDateText,
  issuingBody,
  longDateText,
  placeAndDate,
  publicStatusUrl,
  unitLabel,
  type DossierForm,
} from './form-basis.js';

const notYet = (form: DossierForm, reason: string) => fail('FILE_NOT_FOUND', { form, reason });

/** The unit that issues a notice: the acting official's, else the unit of the step, else the competent one. */
function issuerOf(data: DossierFormData, action: RecordedAction): string {
  if (action.actor.unitCode && data.tree.find(action.actor.unitCode)) return action.actor.unitCode;
  const visit = [...data.state.visits].reverse().find((v) => v.receivedAt <= action.at);
  return visit?.unitCode ?? data.header.unitCode;
}

function notice(
  data: DossierFormData,
  form: DossierForm,
  action: RecordedAction,
  heading: OfficialDocumentModel['heading'],
  blocks: DocumentBlock[],
  tail: Pick<OfficialDocumentModel, 'signatures' | 'recipients'>,
): OfficialDocumentModel {
  const issuer = issuerOf(data, action);
  return {
    title: `${FORM_TITLES[form]} – ${data.code}`,
    formLine: formLine(form, action.at),
    body: issuingBody(data.tree, issuer),
    placeAndDate: placeAndDate(data.tree, issuer, action.at),
    heading: [...heading, { text: `Mã hồ sơ: ${data.code}`, size: 11 }],
    blocks,
    ...tail,
    qr: { url: publicStatusUrl(data.publicUrl, data.code, data.lookupKey), caption: QR_CAPTION },
    footer: `Mã hồ sơ: ${data.code}`,
  };
}

const addressee = (data: DossierFormData): DocumentBlock => ({ kind: 'field', label: 'Kính gửi', value: `Ông/Bà ${data.applicant.fullName}` });

/** "Ngày 23/11/2026, X đã tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục “…”, mã hồ sơ …" */
function receivedSentence(data: DossierFormData): string {
  const receiving = unitLabel(data.tree, data.header.receivingUnitCode);
  const when = data.state.acceptedAt ?? data.submittedAt;
  const day = longDateText(when);
  return `${day.charAt(0).toLocaleUpperCase('vi')}${day.slice(1)}, ${receiving} đã tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục “${data.procedureName}”, mã hồ sơ ${data.code}`;
}

export function supplementForm(data: DossierFormData): Result<OfficialDocumentModel> {
  const action = latestAction(data.history, 'requestSupplement', 'requestSupplementAtReception');
  if (!action) return notYet('02', 'Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện nên chưa có Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.');
  const issuer = unitLabel(data.tree, issuerOf(data, action));
  const receiving = unitLabel(data.tree, data.header.receivingUnitCode);
  const atReception = action.type === 'requestSupplementAtReception';
  const blocks: DocumentBlock[] = [
    ...applicantFields(data, 'Hồ sơ của'),
    { kind: 'paragraph', text: `Sau khi xem xét, ${issuer} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:` },
    { kind: 'list', items: action.items, empty: 'Theo lý do nêu dưới đây.' },
    { kind: 'field', label: 'Lý do', value: action.reason },
    {
      kind: 'paragraph',
      style: 'italic',
      text: atReception
        ? 'Hồ sơ chưa được tiếp nhận; thời hạn giải quyết được tính từ khi hồ sơ đầy đủ, hợp lệ được tiếp nhận.'
        : `Thời hạn giải quyết hồ sơ tạm dừng từ ${hourMinuteDateText(action.at)} đến khi nhận đủ hồ sơ bổ sung; thời gian đã giải quyết trước đó vẫn được tính vào thời hạn giải quyết.`,
    },
    { kind: 'paragraph', text: `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${receiving} để được hướng dẫn.` },
    { kind: 'paragraph', text: 'Xin trân trọng cảm ơn!' },
  ];
  return ok(
    notice(data, '02', action, [{ text: FORM_TITLES['02'].toLocaleUpperCase('vi') }], blocks, {
      signatures: [{ title: 'Người hướng dẫn', note: SIGN_NOTE, name: officialName(data, action.actor.userId) }],
    }),
  );
}

export function refusalForm(data: DossierFormData): Result<OfficialDocumentModel> {
  const action = latestAction(data.history, 'refuse');
  if (!action) return notYet('03', 'Hồ sơ không bị từ chối tiếp nhận nên không có Phiếu từ chối tiếp nhận giải quyết hồ sơ.');
  const issuer = unitLabel(data.tree, issuerOf(data, action));
  const blocks: DocumentBlock[] = [
    ...applicantFields(data, 'Đã nhận hồ sơ của'),
    { kind: 'field', label: 'Thời gian nộp hồ sơ', value: hourMinuteDateText(data.submittedAt) },
    { kind: 'paragraph', text: `Sau khi kiểm tra thành phần hồ sơ, ${issuer} từ chối tiếp nhận, giải quyết hồ sơ này với lý do sau:` },
    { kind: 'paragraph', text: action.reason, style: 'bold' },
    { kind: 'paragraph', text: 'Xin trân trọng thông báo!' },
  ];
  return ok(
    notice(data, '03', action, [{ text: FORM_TITLES['03'].toLocaleUpperCase('vi') }], blocks, {
      signatures: [{ title: 'Người tiếp nhận hồ sơ', note: SIGN_NOTE, name: officialName(data, action.actor.userId) }],
    }),
  );
}

export function apologyForm(data: DossierFormData): Result<OfficialDocumentModel> {
  const action = latestAction(data.history, 'apologize');
  if (!action) return notYet('04', 'Hồ sơ chưa có văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết.');
  const before = foldDossier(
    data.header,
    data.history.filter((a) => a.seq < action.seq),
  );
  const original = before.appointmentAt ?? before.dueAt;
  const issuer = unitLabel(data.tree, issuerOf(data, action));
  const receiving = unitLabel(data.tree, data.header.receivingUnitCode);
  const blocks: DocumentBlock[] = [
    addressee(data),
    { kind: 'paragraph', text: `${receivedSentence(data)}${original === null ? '' : `, hẹn trả kết quả vào ${hourMinuteDateText(original)}`}.` },
    { kind: 'paragraph', text: `Đến nay, ${issuer} chưa giải quyết xong hồ sơ của Ông/Bà theo đúng thời hạn đã hẹn. Lý do: ${action.reason}` },
    {
      kind: 'paragraph',
      text: `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${issuer} trân trọng xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ, hẹn trả kết quả vào ${hourMinuteDateText(action.newAppointmentAt)} tại ${receiving}.`,
    },
    { kind: 'paragraph', text: 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.' },
  ];
  return ok(
    notice(data, '04', action, [{ text: 'VĂN BẢN XIN LỖI' }, { text: 'và đề nghị gia hạn thời gian giải quyết hồ sơ', size: 12 }], blocks, {
      recipients: ['Như trên', receiving, 'Lưu: VT'],
      signatures: [{ title: 'Thủ trưởng cơ quan', note: SEAL_NOTE }],
    }),
  );
}

export function stopForm(data: DossierFormData): Result<OfficialDocumentModel> {
  const action = latestAction(data.history, 'stop');
  if (!action) return notYet('05', 'Hồ sơ không bị dừng giải quyết nên không có Thông báo dừng giải quyết hồ sơ.');
  const issuer = unitLabel(data.tree, issuerOf(data, action));
  const receiving = unitLabel(data.tree, data.header.receivingUnitCode);
  const blocks: DocumentBlock[] = [
    addressee(data),
    { kind: 'paragraph', text: `${receivedSentence(data)}.` },
    { kind: 'paragraph', text: `${issuer} thông báo dừng giải quyết hồ sơ nêu trên kể từ ${hourMinuteDateText(action.at)}. Lý do: ${action.reason}` },
    { kind: 'paragraph', text: `Nếu có vướng mắc, Ông/Bà liên hệ ${receiving} để được hướng dẫn.` },
    { kind: 'paragraph', text: 'Trân trọng thông báo./.' },
  ];
  return ok(
    notice(data, '05', action, [{ text: 'THÔNG BÁO' }, { text: 'Về việc dừng giải quyết hồ sơ', size: 12 }], blocks, {
      recipients: ['Như trên', receiving, 'Lưu: VT'],
      signatures: [{ title: 'Thủ trưởng cơ quan', note: SEAL_NOTE }],
    }),
  );
}
