/**
 * How the data vault's documents are told to a citizen: where each came from, until when it holds, one line
 * to recognise it by, and the documents offered for each component of a procedure. Pure: no React, no network.
 */
import { formatIsoDate } from '../../shared/format.js';
import type { VaultDocument, VaultListing, VaultSource } from './api/data-vault-api.js';

export const VAULT_SOURCE_TEXT: Record<VaultSource, string> = {
  nationalVault: 'Kho dữ liệu trên Cổng DVCQG',
  eResult: 'Kết quả điện tử',
  digitized: 'Bản số hóa',
};

export const NO_END_OF_VALIDITY = 'Không thời hạn';

/** "Còn hiệu lực" or "Hết hiệu lực" (on the server's today). */
export function validityLabel(doc: Pick<VaultDocument, 'valid'>): string {
  return doc.valid ? 'Còn hiệu lực' : 'Hết hiệu lực';
}

/** dd/MM/yyyy, or "Không thời hạn". */
export function validUntilText(doc: Pick<VaultDocument, 'validUntil'>): string {
  return doc.validUntil ? formatIsoDate(doc.validUntil) : NO_END_OF_VALIDITY;
}

/** "UBND phường Tam Thanh · Số 123/2026 · Hiệu lực đến 31/12/2026 · Nguồn: Kết quả điện tử": the document at a glance. */
export function documentLine(doc: Pick<VaultDocument, 'issuer' | 'number' | 'validUntil' | 'source'>): string {
  return [
    doc.issuer,
    doc.number ? `Số ${doc.number}` : null,
    doc.validUntil ? `Hiệu lực đến ${formatIsoDate(doc.validUntil)}` : `Hiệu lực: ${NO_END_OF_VALIDITY.toLowerCase()}`,
    `Nguồn: ${VAULT_SOURCE_TEXT[doc.source]}`,
  ]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
}

/** The documents offered for each component code, in the order the server gave; ids it did not list are skipped. */
export function offeredDocuments(listing: Pick<VaultListing, 'documents' | 'offers'>): Record<string, VaultDocument[]> {
  const byId = new Map(listing.documents.map((d) => [d.id, d]));
  const out: Record<string, VaultDocument[]> = {};
  for (const offer of listing.offers) {
    const docs = offer.documentIds.map((id) => byId.get(id)).filter((d): d is VaultDocument => d !== undefined && d.valid);
    if (docs.length > 0) out[offer.componentCode] = docs;
  }
  return out;
}

/** The vault page's order: documents in force first, then the latest issued (or added) first. */
export function sortedDocuments(documents: readonly VaultDocument[]): VaultDocument[] {
  const when = (d: VaultDocument) => d.issuedOn ?? d.addedAt.slice(0, 10);
  return [...documents].sort((a, b) => Number(b.valid) - Number(a.valid) || when(b).localeCompare(when(a)) || a.title.localeCompare(b.title, 'vi'));
}

/**
 * What to tell about the national portal's vault when it was asked for a procedure: nothing when it answered,
 * its reason when it could not (the form goes on with the citizen's own papers).
 */
export function nationalVaultNotice(national: VaultListing['national']): string | null {
  if (national.status === 'ok' || national.status === 'notAsked') return null;
  const base = 'Chưa lấy được giấy tờ từ kho dữ liệu trên Cổng Dịch vụ công quốc gia; bạn vẫn nộp hồ sơ bình thường với giấy tờ của mình.';
  return national.message ? `${base} (${national.message})` : base;
}
