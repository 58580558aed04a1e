/**
 * The citizen's data vault at the desk (issue 20), once they agreed: which documents can stand for each component
 * of the procedure, how a document is described, what the national portal's vault answered, and the reuse
 * requests to send once the dossier exists. Pure: no React, no network.
 */
import { VAULT_SOURCE_LABELS } from '../../../domain/data-vault/vault.js';
import { formatIsoDate } from '../../shared/format.js';
import type { ReuseRequest, VaultDocument, VaultListing } from './api/provide-once-api.js';

/** The document chosen for a component instead of its paper, by component code. */
export type VaultChoices = Record<string, string>;

export interface OfferView {
  componentCode: string;
  componentName: string;
  documents: VaultDocument[];
}

/** The components the vault can meet, each with its documents (still valid, as the server judged them). */
export function offerViews(listing: VaultListing): OfferView[] {
  const byId = new Map(listing.documents.map((d) => [d.id, d]));
  return listing.offers
    .map((o) => ({
      componentCode: o.componentCode,
      componentName: o.componentName,
      documents: o.documentIds.map((id) => byId.get(id)).filter((d): d is VaultDocument => d !== undefined),
    }))
    .filter((o) => o.documents.length > 0);
}

/** "Giấy xác nhận tình trạng hôn nhân số 12/XN · UBND phường Tam Thanh, cấp ngày 02/01/2026 · hiệu lực đến 02/07/2026 · Kết quả điện tử". */
export function describeVaultDocument(doc: Pick<VaultDocument, 'title' | 'number' | 'issuer' | 'issuedOn' | 'validUntil' | 'source'>): string {
  return [
    doc.number ? `${doc.title} số ${doc.number}` : doc.title,
    doc.issuedOn ? `${doc.issuer}, cấp ngày ${formatIsoDate(doc.issuedOn)}` : doc.issuer,
    doc.validUntil ? `hiệu lực đến ${formatIsoDate(doc.validUntil)}` : 'không thời hạn',
    VAULT_SOURCE_LABELS[doc.source],
  ].join(' · ');
}

/** What the national portal's vault answered, when it matters to the desk; null when it was not asked. */
export function nationalVaultNote(national: VaultListing['national']): string | null {
  switch (national.status) {
    case 'ok':
      return national.copied > 0
        ? `Đã lấy ${national.copied} giấy tờ từ kho dữ liệu trên Cổng Dịch vụ công quốc gia.`
        : 'Kho dữ liệu trên Cổng Dịch vụ công quốc gia không có thêm giấy tờ cho thủ tục này.';
    case 'unavailable':
    case 'refused':
      return `Chưa hỏi được kho dữ liệu trên Cổng Dịch vụ công quốc gia${national.message ? `: ${national.message}` : '.'}`;
    case 'notAsked':
      return null;
    default: {
      const never: never = national.status;
      return never;
    }
  }
}

/** The reuse requests for the components received (ticked) with a document chosen, in the form's order. */
export function reuseRequests(lines: readonly { code: string; checked: boolean }[], choices: VaultChoices): ReuseRequest[] {
  return lines.filter((l) => l.checked && choices[l.code]).map((l) => ({ componentCode: l.code, vaultDocumentId: choices[l.code]! }));
}

/** The purpose recorded with the citizen's consent. */
export function consentPurpose(procedureCode: string): string {
  return `Tiếp nhận hồ sơ thủ tục ${procedureCode} tại Bộ phận Một cửa`;
}
