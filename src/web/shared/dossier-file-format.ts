/** How a dossier's file is described to people: who sent it and when. Pure: no React, no network. */
import type { DossierFile } from './dossier-files-api.js';
import { formatDateTime } from './format.js';

/** "dd/MM/yyyy HH:mm", Vietnam time. */
function minuteText(iso: string): string {
  return formatDateTime(iso).slice(0, 16);
}

/**
 * "Bạn gửi lúc 06/12/2026 10:15" to the applicant for their own files, "Cán bộ gửi lúc …" for the officials';
 * "Người nộp hồ sơ Hoàng Văn Minh gửi lúc …" or the official's name to officials.
 */
export function uploaderText(file: Pick<DossierFile, 'uploadedBy' | 'uploaderName' | 'uploadedAt'>, viewer: 'applicant' | 'official'): string {
  if (file.uploadedBy === 'imported') return `Nhập từ hệ thống khác lúc ${minuteText(file.uploadedAt)}`;
  const when = `gửi lúc ${minuteText(file.uploadedAt)}`;
  if (viewer === 'applicant') return `${file.uploadedBy === 'applicant' ? 'Bạn' : 'Cán bộ'} ${when}`;
  if (file.uploadedBy === 'applicant') return `Người nộp hồ sơ${file.uploaderName ? ` ${file.uploaderName}` : ''} ${when}`;
  return `${file.uploaderName ?? 'Cán bộ'} ${when}`;
}

/**
 * "Ký số: Trần Thị Bình (hợp lệ)" for a signed PDF; "Ký số không hợp lệ: …" with the first problem; null for an
 * unsigned file (issue 19: documents signed elsewhere are checked when they arrive).
 */
export function signatureText(file: Pick<DossierFile, 'signature'>): string | null {
  const check = file.signature;
  if (!check) return null;
  const names = check.signers.map((s) => s.name ?? 'không rõ người ký').join(', ');
  if (check.verdict === 'valid') return `Ký số: ${names} (hợp lệ)`;
  const problem = check.signers.find((s) => s.problem)?.problem ?? 'chữ ký không hợp lệ';
  return `Ký số không hợp lệ (${names}): ${problem}`;
}
