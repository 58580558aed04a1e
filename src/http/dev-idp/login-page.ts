import type { DemoCitizen } from '../../infrastructure/seed/demo-province.js';
import { escapeHtml } from './escape-html.js';

/** The simulator's own login page, deliberately plain and accessible. */
export function renderLoginPage(input: { uid: string; citizens: readonly DemoCitizen[]; error?: string; personalId?: string }): string {
  const rows = input.citizens
    .map((c) => `<tr><td>${escapeHtml(c.fullName)}</td><td><code>${escapeHtml(c.personalId)}</code></td><td><code>${escapeHtml(c.password)}</code></td></tr>`)
    .join('');
  const error = input.error ? `<p role="alert" class="error">${escapeHtml(input.error)}</p>` : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập định danh điện tử (mô phỏng VNeID)</title>
<style>
  body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; background: #f3f5f9; color: #1a1a1a; }
  header { background: #a4161a; color: #fff; padding: 1rem; }
  header p { margin: .25rem 0 0; }
  main { max-width: 32rem; margin: 1.5rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #6b7280; border-radius: 4px; }
  input:focus, button:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  button { margin-top: 1.25rem; width: 100%; padding: .75rem; font-size: 1rem; background: #a4161a; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .error { background: #fde8e8; color: #8a1010; padding: .75rem; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { text-align: left; padding: .3rem; border-bottom: 1px solid #d1d5db; }
  .note { font-size: .9rem; color: #374151; }
</style>
</head>
<body>
<header>
  <p style="margin:0;font-size:1.25rem;font-weight:700">Hệ thống định danh và xác thực điện tử</p>
  <p>Bản mô phỏng VNeID dùng cho môi trường trình diễn</p>
</header>
<main>
  <h1 style="margin-top:0;font-size:1.5rem">Đăng nhập</h1>
  ${error}
  <form method="post" action="/oidc/interaction/${escapeHtml(input.uid)}/login" autocomplete="off">
    <label for="personalId">Số định danh cá nhân (12 chữ số)</label>
    <input id="personalId" name="personalId" inputmode="numeric" pattern="[0-9]{12}" maxlength="12" required autofocus value="${escapeHtml(input.personalId ?? '')}">
    <label for="password">Mật khẩu</label>
    <input id="password" name="password" type="password" required>
    <button type="submit">Đăng nhập</button>
  </form>
  <h2>Tài khoản thử nghiệm</h2>
  <p class="note">Chỉ có trong bản trình diễn; hệ thống thật dùng VNeID của Bộ Công an.</p>
  <table>
    <thead><tr><th scope="col">Họ và tên</th><th scope="col">Số định danh</th><th scope="col">Mật khẩu</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
</main>
</body>
</html>`;
}
