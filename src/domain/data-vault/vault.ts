/**
 * The rules of reuse (issue 20, INTEGRATIONS §3.2): a component of a procedure lists the result codes of the
 * catalogue (MaKetQua) that can stand in for it (MaKetQuaThayThe); a document of a citizen's data vault meets it
 * when its type is one of them, it is the current version, and it is still valid on the day of intake. Pure.
 */

/** Where a vault document came from. */
export const VAULT_SOURCES = ['digitized', 'eResult', 'nationalVault'] as const;
export type VaultSourceName = (typeof VAULT_SOURCES)[number];

export const VAULT_SOURCE_LABELS: Record<VaultSourceName, string> = {
  digitized: 'Bản số hóa tại bộ phận một cửa',
  eResult: 'Kết quả điện tử',
  nationalVault: 'Kho dữ liệu trên Cổng Dịch vụ công quốc gia',
};

export interface ReusableDocument {
  resultCode: string;
  /** yyyy-MM-dd; null: no end of validity. */
  validUntil: string | null;
  superseded: boolean;
}

export interface ReplaceableComponent {
  code: string;
  replaceableBy?: readonly string[];
}

export type ReuseRefusal = 'VAULT_DOCUMENT_EXPIRED' | 'VAULT_DOCUMENT_WRONG_TYPE';

/** Why a vault document cannot meet a component on `today` (yyyy-MM-dd), or null when it can. */
export function reuseRefusal(doc: ReusableDocument, component: ReplaceableComponent, today: string): ReuseRefusal | null {
  if (!(component.replaceableBy ?? []).includes(doc.resultCode)) return 'VAULT_DOCUMENT_WRONG_TYPE';
  // A superseded version is no longer the document: its newer version is offered instead.
  if (doc.superseded || (doc.validUntil !== null && doc.validUntil < today)) return 'VAULT_DOCUMENT_EXPIRED';
  return null;
}

/** The result codes any component of a procedure can be met by: what to ask a vault for. */
export function replacingCodes(components: readonly ReplaceableComponent[]): string[] {
  return [...new Set(components.flatMap((c) => c.replaceableBy ?? []))];
}

/** For each component, the documents that can meet it today (the others are left out). */
export function offersFor<D extends ReusableDocument>(components: readonly ReplaceableComponent[], docs: readonly D[], today: string): Map<string, D[]> {
  const out = new Map<string, D[]>();
  for (const c of components) {
    const fit = docs.filter((d) => reuseRefusal(d, c, today) === null);
    if (fit.length > 0) out.set(c.code, fit);
  }
  return out;
}
