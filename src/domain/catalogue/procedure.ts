/**
 * An administrative procedure as the catalogue publishes it: the constituent parts of Decree 63/2010,
 * Art. 8(2) (a name, b sequence, c method, d dossier, đ time limit, e subjects, g agency, h result, and
 * where applicable templates, requirements and fees), the national codes, and the internal process
 * template (quy trình nội bộ) that dossiers run on. A procedure is versioned: each version is one record.
 */
import type { DurationUnit } from '../calendar/working-time.js';
import type { EFormField } from '../data-vault/e-form.js';

export const PROCEDURE_LEVELS = ['province', 'commune'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

export const CHANNELS = ['counter', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SUBJECTS = ['citizen', 'enterprise', 'organization', 'foreigner'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** How a component is supplied: original (bản chính), copy (bản sao), certified copy (bản sao chứng thực), electronic. */
export const COMPONENT_FORMS = ['original', 'copy', 'certifiedCopy', 'electronic'] as const;
export type ComponentForm = (typeof COMPONENT_FORMS)[number];

export const FEE_COLLECTED_AT = ['submission', 'result'] as const;
export type FeeCollectedAt = (typeof FEE_COLLECTED_AT)[number];

/** Who acts at a step of a process template. */
export const STEP_ROLES = ['desk_officer', 'specialist', 'leader'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** Budgets are in working time only: they are counted inside office hours like the legal time limit. */
export const BUDGET_UNITS = ['working_days', 'working_hours'] as const;
export type BudgetUnit = (typeof BUDGET_UNITS)[number];

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export interface ProcedureMethod {
  channel: Channel;
  /** Thời hạn giải quyết for this channel. */
  timeLimit: Duration;
  description: string;
}

export interface ProcedureComponent {
  /** MaThanhPhanHoSo */
  code: string;
  name: string;
  form: ComponentForm;
  quantity: number;
  required: boolean;
  /** Name of the form template (mẫu đơn, tờ khai) where one applies. */
  template: string | null;
  /** MaKetQuaThayThe: result codes of the catalogue whose documents, held in a data vault, can stand in for it (issue 20). */
  replaceableBy?: string[];
}

export interface ProcedureFee {
  name: string;
  /** VND; 0 for free. */
  amount: number;
  /** VND for an online submission where it is lower (e.g. waived online); absent or null = the same amount. */
  onlineAmount?: number | null;
  collectedAt: FeeCollectedAt;
  description: string;
}

export interface LegalBasis {
  /** "Luật Hộ tịch số 60/2014/QH13" */
  number: string;
  title: string;
  /** yyyy-MM-dd */
  effectiveFrom: string;
}

export interface ProcedureResult {
  /** MaKetQua; the first result is the main one (MaKetQuaChinh). */
  code: string;
  name: string;
  template: string | null;
}

export interface ProcessStep {
  name: string;
  role: StepRole;
  /** The unit that acts; null means the unit that received the dossier (its implementing unit). */
  unitCode: string | null;
  /** An inter-agency step: the dossier goes to another unit (unitCode) and comes back. */
  interAgency: boolean;
  budget: { amount: number; unit: BudgetUnit };
}

export interface ProcedureRecord {
  /** MaTTHC, e.g. "1.001612" or "2.000635". */
  code: string;
  /** MaDichVuCong, the online-service code, where the procedure is offered online. */
  onlineServiceCode: string | null;
  name: string;
  /** MaLinhVuc */
  fieldCode: string;
  level: ProcedureLevel;
  /** b) Trình tự thực hiện: the steps as the applicant sees them. */
  sequence: string[];
  /** c) Cách thức and đ) thời hạn, per channel. */
  methods: ProcedureMethod[];
  /** d) Thành phần hồ sơ. */
  components: ProcedureComponent[];
  /** e) Đối tượng thực hiện. */
  subjects: Subject[];
  /** g) Cơ quan thực hiện: the competent authority by name, and the units that receive and settle. */
  agency: {
    competentAuthority: string;
    /** Units that implement it; empty for a commune procedure means every commune. */
    implementingUnitCodes: string[];
    coordinatingUnitCodes: string[];
  };
  /** h) Kết quả. */
  results: ProcedureResult[];
  requirements: string | null;
  fees: ProcedureFee[];
  legalBases: LegalBasis[];
  onlineLevel: OnlineLevel;
  fullOnlineEligible: boolean;
  paperResultRequired: boolean;
  locationIndependent: boolean;
  processTemplate: ProcessStep[];
  /** The procedure's own e-form fields after the applicant's block (domain/data-vault/e-form.ts); absent: a free request text. */
  eForm?: EFormField[];
  /** Online submission needs a VNeID level 2 account (Decree 69/2024). */
  eidLevel2Required?: boolean;
}

export const SUBJECT_LABELS = {
  citizen: 'Công dân Việt Nam',
  enterprise: 'Doanh nghiệp',
  organization: 'Tổ chức',
  foreigner: 'Người nước ngoài',
} as const satisfies Record<Subject, string>;

export const CHANNEL_LABELS = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
} as const satisfies Record<Channel, string>;

export const ONLINE_LEVEL_LABELS = {
  full: 'Dịch vụ công trực tuyến toàn trình',
  partial: 'Dịch vụ công trực tuyến một phần',
  none: 'Chưa cung cấp trực tuyến',
} as const satisfies Record<OnlineLevel, string>;

export const LEVEL_LABELS = { province: 'Cấp tỉnh', commune: 'Cấp xã' } as const satisfies Record<ProcedureLevel, string>;

export const COMPONENT_FORM_LABELS = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certifiedCopy: 'Bản sao có chứng thực',
  electronic: 'Bản điện tử',
} as const satisfies Record<ComponentForm, string>;

/** The Vietnamese name of a component's form; an unknown form (an imported or hand-typed one) as it is. */
export function componentFormLabel(form: string): string {
  return (COMPONENT_FORM_LABELS as Record<string, string>)[form] ?? form;
}

export const STEP_ROLE_LABELS = {
  desk_officer: 'Bộ phận Một cửa',
  specialist: 'Chuyên viên xử lý',
  leader: 'Lãnh đạo phê duyệt',
} as const satisfies Record<StepRole, string>;

export const PROCEDURE_CODE_PATTERN = /^[12]\.\d{6}$/;
