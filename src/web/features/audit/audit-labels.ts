/** Vietnamese wording for the codes the audit log stores, so a reviewer need not read code names. */
import { isRole, ROLE_LABELS } from '../../../domain/access/roles.js';
import { ACTION_LABELS as DOSSIER_ACTION_LABELS } from '../../../domain/dossier/dossier.js';

/** Actions recorded outside a dossier's own steps (those are `dossier.<step>`, named by the domain). */
const OTHER_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập không thành công',
  'auth.logout': 'Đăng xuất',
  'auth.eid_login': 'Đăng nhập bằng VNeID',
  'auth.eid_register': 'Đăng nhập lần đầu bằng VNeID (tạo tài khoản)',
  'user.add_official': 'Thêm tài khoản cán bộ',
  'units.import': 'Nhập danh mục đơn vị',
  'personal_data.resealed': 'Mã hóa lại số định danh theo khóa hiện tại',
  'seed.demo_province': 'Khởi tạo dữ liệu trình diễn',
  'seed.dossiers': 'Tạo hồ sơ trình diễn',
  'dossier.submitted': 'Nộp hồ sơ',
  'dossier.received_and_accepted': 'Nhận và tiếp nhận hồ sơ tại Bộ phận Một cửa',
  'dossier.received_supplement_requested': 'Nhận hồ sơ chưa đủ, yêu cầu bổ sung trước khi tiếp nhận (Mẫu 02)',
  'dossier.file_attached': 'Đính kèm tệp vào hồ sơ',
  'dossier.rated': 'Đánh giá mức độ hài lòng',
  'dossier.imported': 'Nhập hồ sơ đồng bộ',
  'dossier.stepDueSoon': 'Cảnh báo bước xử lý sắp hết thời hạn',
  'dossier.stepOverdue': 'Báo bước xử lý quá hạn cho lãnh đạo',
  'catalogue.decision_drafted': 'Soạn dự thảo quyết định công bố',
  'catalogue.decision_deleted': 'Xóa dự thảo quyết định công bố',
  'catalogue.decision_published': 'Công bố quyết định',
  'catalogue.decision_file_attached': 'Đính kèm tệp quyết định công bố',
  'catalogue.legal_document_added': 'Thêm văn bản quy phạm pháp luật',
  'catalogue.webhook_created': 'Thêm đăng ký nhận thông báo thay đổi thủ tục',
  'catalogue.webhook_deleted': 'Xóa đăng ký nhận thông báo thay đổi thủ tục',
  'calendar.set_year': 'Đặt lịch làm việc của năm',
  'calendar.reset_year': 'Khôi phục lịch làm việc mặc định của năm',
  'calendar.change_reviewed': 'Xem xét hồ sơ bị ảnh hưởng khi đổi lịch',
  'office_hours.set': 'Đặt giờ làm việc của đơn vị',
  'office_hours.reset': 'Khôi phục giờ làm việc mặc định',
  'supplement_rule.set': 'Đặt quy định yêu cầu bổ sung hồ sơ lần thứ hai của đơn vị',
  'supplement_rule.reset': 'Khôi phục quy định bổ sung hồ sơ một lần',
  'scorecard.formula_added': 'Thêm phiên bản công thức chỉ số',
};

const ACTION_LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(DOSSIER_ACTION_LABELS).map(([type, label]) => [`dossier.${type}`, label])),
  ...OTHER_ACTION_LABELS,
};

const TARGET_TYPE_LABELS: Readonly<Record<string, string>> = {
  user: 'Tài khoản',
  unit: 'Đơn vị',
  dossier: 'Hồ sơ',
  dossier_import: 'Lô hồ sơ nhập',
  publication_decision: 'Quyết định công bố',
  legal_document: 'Văn bản',
  calendar_year: 'Lịch năm',
  calendar_change: 'Thay đổi lịch',
  scorecard_formula: 'Công thức chỉ số',
  webhook_subscription: 'Đăng ký nhận thông báo',
};

export const EMPTY_CELL = '—';

/** The Vietnamese name of an action code; null for a code without one (shown as it is). */
export function actionLabel(action: string): string | null {
  return ACTION_LABELS[action] ?? null;
}

/** The actions a reviewer can filter by, in Vietnamese alphabetical order. */
export function actionOptions(): { value: string; label: string }[] {
  return Object.entries(ACTION_LABELS)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

export function roleLabel(role: string | null): string {
  if (role === null) return EMPTY_CELL;
  return isRole(role) ? ROLE_LABELS[role] : role;
}

/** "Hồ sơ" + "000.00.31.H37-261123-0001"; a unit target is named from the unit directory. */
export function describeTarget(
  type: string | null,
  label: string | null,
  nameOf: (code: string) => string | null,
): { kind: string; label: string | null } | null {
  if (type === null) return null;
  const kind = TARGET_TYPE_LABELS[type] ?? type;
  if (type === 'unit' && label !== null) return { kind, label: nameOf(label) ?? label };
  return { kind, label };
}
