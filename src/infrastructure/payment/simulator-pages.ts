/**
 * The pages a citizen sees at the payment gateway simulator — the pay page with its three choices (pay, a failed
 * payment, leaving), the page after leaving, and the error pages — in Vietnamese, plain and accessible; and the
 * national platform's e-receipt, a one-page PDF written by hand so that its text can be read back in tests.
 */
import { vietnamDateTime } from '../../domain/calendar/vietnam-time.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** 75000 → "75.000 ₫". */
export const formatVnd = (amount: number): string => `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;

const STYLE = `
  body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; background: #f3f5f9; color: #1a1a1a; }
  header { background: #005baa; color: #fff; padding: 1rem; }
  header p { margin: .25rem 0 0; }
  main { max-width: 34rem; margin: 1.5rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; }
  h1 { margin-top: 0; font-size: 1.5rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .amount { font-size: 1.25rem; font-weight: 700; }
  fieldset { border: 0; padding: 0; margin: 1.5rem 0 0; display: grid; gap: .75rem; }
  legend { font-weight: 600; margin-bottom: .5rem; }
  button { padding: .75rem; font-size: 1rem; border-radius: 4px; cursor: pointer; border: 1px solid #374151; background: #fff; color: #1a1a1a; }
  button.primary { background: #005baa; color: #fff; border-color: #005baa; }
  button:focus, a:focus { outline: 3px solid #b45309; outline-offset: 2px; }
  .note { font-size: .9rem; color: #374151; }
  .error { background: #fde8e8; color: #8a1010; padding: .75rem; border-radius: 4px; }`;

function layout(title: string, brand: string, content: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}
</style>
</head>
<body>
<header>
  <p><strong>${escapeHtml(brand)}</strong></p>
  <p>Bản mô phỏng dùng cho thử nghiệm và trình diễn — không có tiền thật được chuyển.</p>
</header>
<main>
${content}
</main>
</body>
</html>`;
}

export const VNPAY_BRAND = 'Cổng thanh toán VNPAY';
export const PLATFORM_BRAND = 'Nền tảng thanh toán — Cổng Dịch vụ công quốc gia';

export interface PayPageInput {
  brand: string;
  /** Absolute URL the choice is posted to. */
  action: string;
  /** The form's hidden fields (which transaction). */
  hidden: Record<string, string>;
  amount: number;
  /** Label and value of each detail, after the amount. */
  details: [string, string][];
  expiresAt: Date | null;
}

/** The pay page: the transaction's details and one button per outcome the simulator can play. */
export function payPage(input: PayPageInput): string {
  const hidden = Object.entries(input.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n    ');
  const details = input.details.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n    ');
  const expiry = input.expiresAt ? `<dt>Hết hạn thanh toán</dt><dd>${escapeHtml(vietnamDateTime(input.expiresAt))}</dd>` : '';
  return layout(
    `Thanh toán trực tuyến — ${input.brand}`,
    input.brand,
    `<h1>Thanh toán trực tuyến</h1>
  <section aria-labelledby="chi-tiet">
    <h2 id="chi-tiet">Thông tin giao dịch</h2>
    <dl>
    <dt>Số tiền</dt><dd class="amount">${escapeHtml(formatVnd(input.amount))}</dd>
    ${details}
    ${expiry}
    </dl>
  </section>
  <form method="post" action="${escapeHtml(input.action)}" aria-describedby="huong-dan">
    ${hidden}
    <fieldset>
      <legend>Chọn kết quả giao dịch</legend>
      <p id="huong-dan" class="note">Đây là cổng thanh toán mô phỏng: chọn kết quả để xem hệ thống một cửa xử lý từng trường hợp.</p>
      <button type="submit" name="outcome" value="pay" class="primary">Thanh toán</button>
      <button type="submit" name="outcome" value="fail">Thanh toán không thành công</button>
      <button type="submit" name="outcome" value="abandon">Bỏ dở</button>
    </fieldset>
  </form>`,
  );
}

/** After "Bỏ dở": nothing was paid, and nothing is sent to the merchant; a link back. */
export function abandonedPage(brand: string, returnUrl: string): string {
  return layout(
    'Bạn đã rời trang thanh toán',
    brand,
    `<h1>Bạn đã rời trang thanh toán</h1>
  <p>Giao dịch chưa được thanh toán và chưa bị trừ tiền. Bạn có thể thanh toán lại sau.</p>
  <p><a href="${escapeHtml(returnUrl)}">Quay lại hệ thống một cửa</a></p>`,
  );
}

/** An error the citizen cannot fix from here (bad signature, unknown transaction…). */
export function errorPage(brand: string, title: string, message: string): string {
  return layout(title, brand, `<h1>${escapeHtml(title)}</h1>\n  <p role="alert" class="error">${escapeHtml(message)}</p>`);
}

/** Text a standard PDF font can show: no diacritics, printable ASCII only, with the string delimiters escaped. */
const pdfText = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/[\\()]/g, (c) => `\\${c}`);

/** A one-page PDF of lines of text in Helvetica, uncompressed (its text can be found in the bytes). */
export function simplePdf(lines: readonly string[]): Uint8Array {
  const content = ['BT', '/F1 12 Tf', '16 TL', '56 790 Td', ...lines.map((line) => `(${pdfText(line)}) Tj T*`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
