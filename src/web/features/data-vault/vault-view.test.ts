import { describe, expect, it } from 'vitest';
import type { VaultDocument } from './api/data-vault-api.js';
import { documentLine, nationalVaultNotice, offeredDocuments, sortedDocuments, validityLabel, validUntilText } from './vault-view.js';

const doc = (id: string, over: Partial<VaultDocument> = {}): VaultDocument => ({
  id,
  resultCode: '1.001193.KQ1',
  typeName: 'Giấy khai sinh (bản chính)',
  title: 'Giấy khai sinh',
  number: '123/2026',
  issuer: 'UBND phường Tam Thanh',
  issuedOn: '2026-01-05',
  validUntil: null,
  valid: true,
  version: 1,
  source: 'nationalVault',
  fileName: 'giay-khai-sinh.pdf',
  contentType: 'application/pdf',
  size: 1000,
  sha256: 'x',
  addedAt: '2026-12-01T08:00:00+07:00',
  ...over,
});

describe('a vault document told to a citizen', () => {
  it('says whether it holds, until when (dd/MM/yyyy), and where it came from', () => {
    expect(validityLabel(doc('a'))).toBe('Còn hiệu lực');
    expect(validityLabel(doc('a', { valid: false }))).toBe('Hết hiệu lực');
    expect(validUntilText(doc('a'))).toBe('Không thời hạn');
    expect(validUntilText(doc('a', { validUntil: '2027-03-09' }))).toBe('09/03/2027');
    expect(documentLine(doc('a'))).toBe('UBND phường Tam Thanh · Số 123/2026 · Hiệu lực: không thời hạn · Nguồn: Kho dữ liệu trên Cổng DVCQG');
    expect(documentLine(doc('a', { number: null, validUntil: '2027-03-09', source: 'eResult' }))).toBe(
      'UBND phường Tam Thanh · Hiệu lực đến 09/03/2027 · Nguồn: Kết quả điện tử',
    );
    expect(documentLine(doc('a', { source: 'digitized' }))).toContain('Nguồn: Bản số hóa');
  });
});

describe('offeredDocuments', () => {
  it('gives each component the documents offered for it, skipping unknown ids and those no longer valid', () => {
    const listing = {
      documents: [doc('a'), doc('b', { valid: false }), doc('c', { source: 'eResult' })],
      offers: [
        { componentCode: '1.000894.TP2', componentName: 'Giấy xác nhận tình trạng hôn nhân', documentIds: ['c', 'zz'] },
        { componentCode: '1.000894.TP3', componentName: 'Khác', documentIds: ['b'] },
      ],
    };
    expect(Object.keys(offeredDocuments(listing))).toEqual(['1.000894.TP2']);
    expect(offeredDocuments(listing)['1.000894.TP2']!.map((d) => d.id)).toEqual(['c']);
  });
});

describe('sortedDocuments', () => {
  it('puts the documents in force first, then the latest issued', () => {
    const sorted = sortedDocuments([
      doc('old', { issuedOn: '2020-01-01' }),
      doc('expired', { valid: false, issuedOn: '2026-06-01' }),
      doc('new', { issuedOn: '2026-02-01' }),
      doc('undated', { issuedOn: null, addedAt: '2026-12-02T08:00:00+07:00' }),
    ]);
    expect(sorted.map((d) => d.id)).toEqual(['undated', 'new', 'old', 'expired']);
  });
});

describe('nationalVaultNotice', () => {
  it('is silent when the national vault answered or was not asked, and says why when it could not', () => {
    expect(nationalVaultNotice({ status: 'ok', message: null, copied: 1 })).toBeNull();
    expect(nationalVaultNotice({ status: 'notAsked', message: null, copied: 0 })).toBeNull();
    expect(nationalVaultNotice({ status: 'unavailable', message: 'Cổng DVCQG không phản hồi', copied: 0 })).toMatch(/\(Cổng DVCQG không phản hồi\)$/);
  });
});
