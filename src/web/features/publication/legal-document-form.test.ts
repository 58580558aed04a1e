import { describe, expect, it } from 'vitest';
import { EMPTY_LEGAL_DOCUMENT, legalDocumentBody, validateLegalDocument } from './legal-document-form.js';

describe('adding a legal document', () => {
  it('asks for every field in Vietnamese', () => {
    expect(validateLegalDocument(EMPTY_LEGAL_DOCUMENT)).toEqual({
      number: 'Nhập số, ký hiệu văn bản.',
      title: 'Nhập trích yếu văn bản.',
      issuer: 'Nhập cơ quan ban hành.',
      issuedOn: 'Chọn ngày ban hành.',
      effectiveFrom: 'Chọn ngày có hiệu lực.',
    });
  });

  it('refuses dates that do not exist and a document in force before it was issued', () => {
    const doc = { number: '1/2027/NĐ-CP', title: 'Nghị định', issuer: 'Chính phủ', issuedOn: '2027-02-29', effectiveFrom: '2027-03-01' };
    expect(validateLegalDocument(doc)).toEqual({ issuedOn: 'Ngày ban hành không hợp lệ.' });
    expect(validateLegalDocument({ ...doc, issuedOn: '2027-03-05' })).toEqual({ effectiveFrom: 'Ngày có hiệu lực không được trước ngày ban hành.' });
    expect(validateLegalDocument({ ...doc, issuedOn: '2027-02-28' })).toEqual({});
  });

  it('trims the text it sends', () => {
    expect(legalDocumentBody({ number: ' 1/2027 ', title: ' T ', issuer: ' C ', issuedOn: '2027-01-01', effectiveFrom: '2027-02-01' })).toEqual({
      number: '1/2027',
      title: 'T',
      issuer: 'C',
      issuedOn: '2027-01-01',
      effectiveFrom: '2027-02-01',
    });
  });
});
