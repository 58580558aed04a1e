/** The URL of a webhook subscription: whether it may be subscribed, and how the audit trail records it. */

/** Why a URL cannot be subscribed, or null when it can. */
export function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Địa chỉ không hợp lệ';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'Địa chỉ phải bắt đầu bằng http:// hoặc https://';
  if (parsed.username || parsed.password) return 'Địa chỉ không được chứa tên đăng nhập, mật khẩu';
  return null;
}

/** Where notifications go, for the audit trail: no query string (it may carry a token). */
export const auditUrl = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
};
