/** Vietnamese wording for the codes the audit log stores, so a reviewer need not read code names. */
import { isRole, ROLE_LABELS } from '../../../domain/access/roles.js';

const ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập không thành công',
  'auth.logout': 'Đăng xuất',
  'auth.eid_login': 'Đăng nhập bằng VNeID',
  'auth.eid_register': 'Đăng nhập lần đầu bằng VNeID (tạo tài khoản)',
  'user.add_official': 'Thêm tài khoản cán bộ',
  'units.import': 'Nhập danh mục đơn vị',
  'seed.demo_province': 'Khởi tạo dữ liệu trình diễn',
};

const TARGET_TYPE_LABELS: Readonly<Record<string, string>> = {
  user: 'Tài khoản',
  unit: 'Đơn vị',
  dossier: 'Hồ sơ',
};

export const EMPTY_CELL = '—';

/** The Vietnamese name of an action code; unknown codes are shown as they are. */
export function actionLabel(action: string): string | null {
  return ACTION_LABELS[action] ?? null;
}

export function roleLabel(role: string | null): string {
  if (role === null) return EMPTY_CELL;
  return isRole(role) ? ROLE_LABELS[role] : role;
}

/** "user:9fd6…" → { kind: "Tài khoản", id: "9fd6…" }. */
export function describeTarget(target: string | null): { kind: string; id: string } | null {
  if (target === null || target === '') return null;
  const colon = target.indexOf(':');
  if (colon < 0) return { kind: '', id: target };
  const type = target.slice(0, colon);
  return { kind: TARGET_TYPE_LABELS[type] ?? type, id: target.slice(colon + 1) };
}
