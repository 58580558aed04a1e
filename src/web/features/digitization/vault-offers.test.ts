import { describe, expect, it } from 'vitest';
import type { VaultDocument, VaultListing } from './api/provide-once-api.js';
import { consentPurpose, describeVaultDocument, nationalVaultNote, offerViews, reuseRequests } from './vault-offers.js';

const doc = (id: string, overrides: Partial<VaultDocument> = {}): VaultDocument => ({
  id,
  resultCode: '1.004873.KQ1',
  typeName: 'Giấy xác nhận tình trạng hôn nhân',
  title: 'Giấy xác nhận tình trạng hôn nhân',
  number: '12/XNTTHN',
  issuer: 'UBND phường Tam Thanh',
  issuedOn: '2026-10-02',
  validUntil: '2027-04-02',
  valid: true,
  version: 1,
  source: 'eResult',
  fileName: 'xac-nhan.pdf',
  contentType: 'application/pdf',
  size: 2048,
  sha256: '0'.repeat(64),
  addedAt: '2026-10-02T09:00:00+07:00',
  ...overrides,
});

const listing: VaultListing = {
  documents: [doc('d1'), doc('d2', { source: 'nationalVault', number: null, issuedOn: null, validUntil: null })],
  offers: [
    { componentCode: '1.000894.TP2', componentName: 'Giấy xác nhận tình trạng hôn nhân', documentIds: ['d1', 'd2', 'gone'] },
    { componentCode: '1.000894.TP3', componentName: 'Giấy tờ khác', documentIds: ['gone'] },
  ],
  national: { status: 'ok', message: null, copied: 1 },
};

describe('the citizen’s vault at the desk', () => {
  it('offers, per component, the documents the vault lists; a component with none is not offered', () => {
    const offers = offerViews(listing);
    expect(offers.map((o) => [o.componentCode, o.documents.map((d) => d.id)])).toEqual([['1.000894.TP2', ['d1', 'd2']]]);
  });

  it('describes a document by title and number, issuer and date, validity and source', () => {
    expect(describeVaultDocument(doc('d1'))).toBe(
      'Giấy xác nhận tình trạng hôn nhân số 12/XNTTHN · UBND phường Tam Thanh, cấp ngày 02/10/2026 · hiệu lực đến 02/04/2027 · Kết quả điện tử',
    );
    expect(describeVaultDocument(listing.documents[1]!)).toBe(
      'Giấy xác nhận tình trạng hôn nhân · UBND phường Tam Thanh · không thời hạn · Kho dữ liệu trên Cổng Dịch vụ công quốc gia',
    );
  });

  it('says what the national portal’s vault answered', () => {
    expect(nationalVaultNote(listing.national)).toBe('Đã lấy 1 giấy tờ từ kho dữ liệu trên Cổng Dịch vụ công quốc gia.');
    expect(nationalVaultNote({ status: 'ok', message: null, copied: 0 })).toContain('không có thêm giấy tờ');
    expect(nationalVaultNote({ status: 'unavailable', message: 'Cổng không phản hồi', copied: 0 })).toBe(
      'Chưa hỏi được kho dữ liệu trên Cổng Dịch vụ công quốc gia: Cổng không phản hồi',
    );
    expect(nationalVaultNote({ status: 'notAsked', message: null, copied: 0 })).toBeNull();
  });

  it('reuses the documents chosen for the components received only', () => {
    const lines = [
      { code: '1.000894.TP1', checked: true },
      { code: '1.000894.TP2', checked: true },
      { code: '1.000894.TP3', checked: false },
    ];
    expect(reuseRequests(lines, { '1.000894.TP2': 'd1', '1.000894.TP3': 'd2' })).toEqual([{ componentCode: '1.000894.TP2', vaultDocumentId: 'd1' }]);
    expect(consentPurpose('1.000894')).toBe('Tiếp nhận hồ sơ thủ tục 1.000894 tại Bộ phận Một cửa');
  });
});
