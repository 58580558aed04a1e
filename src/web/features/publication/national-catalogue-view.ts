/** Pure helpers of the national catalogue section (notices from the national procedure database, the pull, the outbox). */
import { formatDateTime } from '../../shared/format.js';
import type { CataloguePull, NationalCatalogueOutbox } from './api/national-catalogue-api.js';

const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const WITH_SECONDS = /^(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}):\d{2}$/;

/**
 * When a ministry updated a procedure on the national database, as "dd/MM/yyyy HH:mm" in Vietnam time: from an ISO
 * instant (the contract), or from the portal's own yyyyMMddHHmmss (already Vietnam time). Anything else as given.
 */
export function formatNationalUpdate(value: string): string {
  const compact = COMPACT.exec(value);
  if (compact) {
    const [, year, month, day, hour, minute] = compact;
    return `${day}/${month}/${year} ${hour}:${minute}`;
  }
  return WITH_SECONDS.exec(formatDateTime(value))?.[1] ?? value;
}

/** What a pull found, in one Vietnamese sentence. */
export function pullSummary(pull: CataloguePull): string {
  return (
    `Đã kiểm tra ${pull.listed} thủ tục trên CSDL quốc gia, đọc ${pull.read} thủ tục có cập nhật mới, ` +
    `${pull.changed} thủ tục khác với bản của tỉnh: ${pull.notices} thông báo mới, ${pull.drafts} dự thảo quyết định mới.`
  );
}

/** Procedures of published decisions the portal has not yet acknowledged as made public. */
export function pendingPublicationCount(outbox: NationalCatalogueOutbox): number {
  return outbox.publications.filter((p) => p.status === 'pending').length;
}

export function pendingPublicationText(outbox: NationalCatalogueOutbox): string {
  const pending = pendingPublicationCount(outbox);
  const text = pending === 0 ? 'Không có thủ tục nào chờ công khai trên CSDL quốc gia.' : `Còn ${pending} thủ tục chờ công khai trên CSDL quốc gia.`;
  return outbox.portalConfigured ? text : `${text} Chưa cấu hình kết nối Cổng dịch vụ công quốc gia.`;
}
