/**
 * The counter intake form: its values, the server's rules checked first in Vietnamese, the body of
 * POST /api/v1/dossiers (received and accepted at once, or, when a mandatory component is missing, received
 * with a supplement request on form 02 and no clock), and the scans of the paper components sent after it.
 */
import type { ComponentForm, ProcedureComponent, ProcedureRecord } from '../../../domain/catalogue/procedure.js';
import { missingMandatoryComponents } from '../../../domain/dossier/intake.js';
import { uploadJobs, type Attachments, type UploadJob } from '../../shared/attachments.js';
import type { UploadStatus } from '../../shared/hooks/useAttachmentUploads.js';
import type { CreateDossierBody } from './api/dossiers-api.js';

export type IntakeChannel = 'counter' | 'postal';

export interface ComponentLine {
  code: string;
  name: string;
  form: ComponentForm;
  required: boolean;
  /** Received at the counter. */
  checked: boolean;
  /** Number of copies received, as typed. */
  copies: string;
}

export interface IntakeValues {
  fullName: string;
  personalId: string;
  address: string;
  phone: string;
  email: string;
  channel: IntakeChannel;
  /** The competent unit when the procedure has several; '' lets the server choose. */
  unitCode: string;
  components: ComponentLine[];
}

export type IntakeField = 'procedure' | 'fullName' | 'personalId' | 'address' | 'phone' | 'email' | 'channel' | 'unitCode' | 'components' | 'supplementReason';
export type IntakeErrors = Partial<Record<IntakeField, string>> & { copies?: Record<string, string> };

export const EMPTY_APPLICANT = { fullName: '', personalId: '', address: '', phone: '', email: '' } as const;

/** Required components are ticked with their listed quantity: the usual case at the counter. */
export function componentLines(components: readonly ProcedureComponent[]): ComponentLine[] {
  return components.map((c) => ({
    code: c.code,
    name: c.name,
    form: c.form,
    required: c.required,
    checked: c.required,
    copies: String(Math.max(1, c.quantity)),
  }));
}

/** The channels of the procedure an official may receive on: at the counter first, then by post. */
export function intakeChannels(procedure: Pick<ProcedureRecord, 'methods'>): IntakeChannel[] {
  const offered = new Set(procedure.methods.map((m) => m.channel));
  return (['counter', 'postal'] as const).filter((c) => offered.has(c));
}

export function initialIntake(procedure: Pick<ProcedureRecord, 'methods' | 'components'> | null): IntakeValues {
  const channels = procedure ? intakeChannels(procedure) : [];
  return {
    ...EMPTY_APPLICANT,
    channel: channels[0] ?? 'counter',
    unitCode: '',
    components: procedure ? componentLines(procedure.components) : [],
  };
}

const PERSONAL_ID = /^\d{12}$/;
const PHONE = /^[0-9+ ]{8,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length === 0 ? null : trimmed;
}

export type IntakeResult = { ok: true; body: CreateDossierBody } | { ok: false; errors: IntakeErrors };

/** The mandatory components not ticked as received (or with no copy), in the procedure's order. */
export function missingRequired(lines: readonly ComponentLine[]): { code: string; name: string }[] {
  const received = lines.filter((l) => l.checked).map((l) => ({ code: l.code, copies: /^\d+$/.test(l.copies.trim()) ? Number(l.copies.trim()) : 1 }));
  return missingMandatoryComponents(lines, received);
}

/** The reason printed on form 02 when the desk does not write one. */
export function defaultSupplementReason(missing: readonly { name: string }[]): string {
  return missing.length > 0 ? 'Hồ sơ chưa có đủ thành phần bắt buộc theo quy định của thủ tục.' : '';
}

/**
 * Check every field (all problems at once) and build the request. Without `supplement` the dossier is accepted
 * at once, so every mandatory component must be ticked; with it, the dossier is received with a supplement
 * request (form 02) listing the mandatory components not received, and the reason is required.
 */
export function buildIntakeBody(
  procedure: (Pick<ProcedureRecord, 'code' | 'methods'> & { implementingUnitCodes?: readonly string[] }) | null,
  values: IntakeValues,
  supplement?: { reason: string },
): IntakeResult {
  const errors: IntakeErrors = {};
  if (!procedure) errors.procedure = 'Chọn thủ tục hành chính.';
  const fullName = values.fullName.trim();
  if (fullName.length === 0) errors.fullName = 'Nhập họ và tên người nộp hồ sơ.';
  else if (fullName.length > 200) errors.fullName = 'Họ và tên không quá 200 ký tự.';
  const personalId = values.personalId.replace(/\s/g, '');
  if (personalId && !PERSONAL_ID.test(personalId)) errors.personalId = 'Số định danh cá nhân gồm đúng 12 chữ số.';
  if (values.address.trim().length > 500) errors.address = 'Địa chỉ không quá 500 ký tự.';
  const phone = values.phone.trim();
  if (phone && !PHONE.test(phone)) errors.phone = 'Số điện thoại gồm 8–15 chữ số (có thể có dấu + và khoảng trắng).';
  const email = values.email.trim();
  if (email && !EMAIL.test(email)) errors.email = 'Địa chỉ email không hợp lệ.';
  if (procedure && !intakeChannels(procedure).includes(values.channel)) errors.channel = 'Thủ tục không nhận hồ sơ theo cách này.';
  if (procedure && (procedure.implementingUnitCodes?.length ?? 0) > 1 && values.unitCode === '') {
    errors.unitCode = 'Chọn cơ quan giải quyết hồ sơ.';
  }

  const checked = values.components.filter((c) => c.checked);
  const missing = missingRequired(values.components);
  if (procedure && !supplement) {
    if (missing.length > 0) {
      errors.components = `Thiếu thành phần bắt buộc: ${missing.map((c) => c.name).join('; ')}. Nhận đủ giấy tờ hoặc lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).`;
    } else if (values.components.length > 0 && checked.length === 0) errors.components = 'Đánh dấu ít nhất một thành phần hồ sơ đã nhận.';
  }
  const reason = supplement?.reason.trim() ?? '';
  if (supplement && reason.length === 0) errors.supplementReason = 'Nhập lý do yêu cầu bổ sung, hoàn thiện hồ sơ.';
  else if (reason.length > 2000) errors.supplementReason = 'Lý do không quá 2000 ký tự.';
  const copies: Record<string, string> = {};
  for (const line of checked) {
    const n = /^\d+$/.test(line.copies.trim()) ? Number(line.copies.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > 100) copies[line.code] = 'Số bản từ 1 đến 100.';
  }
  if (Object.keys(copies).length > 0) errors.copies = copies;

  if (Object.keys(errors).length > 0 || !procedure) return { ok: false, errors };
  return {
    ok: true,
    body: {
      procedureCode: procedure.code,
      channel: values.channel,
      unitCode: values.unitCode === '' ? null : values.unitCode,
      applicant: { fullName, personalId: personalId || null, address: orNull(values.address), phone: phone || null, email: email || null },
      components: checked.map((c) => ({ code: c.code, name: c.name, form: c.form, copies: Number(c.copies.trim()) })),
      ...(supplement ? { accept: false, receptionSupplement: { reason, items: missing.map((c) => c.name) } } : { accept: true }),
    },
  };
}

/** Whether any field has a problem (fields cleared to undefined do not count). */
export function hasErrors(errors: IntakeErrors): boolean {
  return Object.values(errors).some((value) => value !== undefined);
}

/** The first field with a problem, in the order of the form, to move focus there. */
export function firstErrorField(errors: IntakeErrors): IntakeField | 'copies' | null {
  const order: (IntakeField | 'copies')[] = [
    'procedure',
    'fullName',
    'personalId',
    'address',
    'phone',
    'email',
    'channel',
    'unitCode',
    'components',
    'copies',
    'supplementReason',
  ];
  return order.find((field) => errors[field] !== undefined) ?? null;
}

/** The scans of the components received (ticked), to send once the dossier exists: digitized, with the component's form. */
export function scanJobs(lines: readonly ComponentLine[], scans: Attachments): UploadJob[] {
  return uploadJobs(lines, (line) => ({ key: line.code, provided: line.checked }), scans, { digitized: true });
}

export type ScanState = 'digitized' | 'reused' | 'sending' | 'failed' | 'paper';

export interface ComponentScanState {
  code: string;
  name: string;
  state: ScanState;
  /** Scans stored by the server. */
  stored: number;
}

/**
 * What is digitized of each component received, from the uploads of its scans and the components filed from the
 * citizen's data vault instead of paper (issue 20: `reused`, by code, once the server took them).
 */
export function scanStates(
  lines: readonly ComponentLine[],
  uploads: readonly { job: { componentCode: string }; status: UploadStatus }[],
  reused: ReadonlySet<string> = new Set(),
): ComponentScanState[] {
  return lines
    .filter((line) => line.checked)
    .map((line) => {
      const mine = uploads.filter((u) => u.job.componentCode === line.code);
      const stored = mine.filter((u) => u.status === 'done').length;
      const state: ScanState = reused.has(line.code)
        ? 'reused'
        : mine.some((u) => u.status === 'waiting' || u.status === 'uploading')
          ? 'sending'
          : mine.some((u) => u.status === 'failed')
            ? 'failed'
            : stored > 0
              ? 'digitized'
              : 'paper';
      return { code: line.code, name: line.name, state, stored };
    });
}

/** "Đã số hóa (2 tệp)", "Chưa số hóa (chỉ có bản giấy)"… */
export function scanStateLabel(s: ComponentScanState): string {
  switch (s.state) {
    case 'digitized':
      return `Đã số hóa (${s.stored} tệp)`;
    case 'reused':
      return 'Dùng giấy tờ trong kho dữ liệu, không nhận bản giấy';
    case 'sending':
      return 'Đang gửi bản scan…';
    case 'failed':
      return s.stored > 0 ? `Đã số hóa ${s.stored} tệp; có tệp chưa gửi được` : 'Bản scan chưa gửi được';
    case 'paper':
      return 'Chưa số hóa (chỉ có bản giấy)';
    default: {
      const never: never = s.state;
      return never;
    }
  }
}
