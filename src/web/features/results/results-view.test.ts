import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.js';
import { codeFromInput, errorReason, isIssued, kindText, STATUS_LABELS, statusTone, timestampText, titleFromFileName } from './results-view.js';

describe('a result document in words', () => {
  it('names its kind, with the register number of a certified copy', () => {
    expect(kindText({ kind: 'result', registerNumber: null })).toBe('Kết quả');
    expect(kindText({ kind: 'annex', registerNumber: null })).toBe('Phụ lục');
    expect(kindText({ kind: 'certifiedCopy', registerNumber: '3/2026' })).toBe('Bản sao chứng thực số 3/2026');
  });

  it('reads its status, issued or not, revoked in red', () => {
    expect(STATUS_LABELS.awaitingSignature).toBe('Chờ ký');
    expect(STATUS_LABELS.signed).toBe('Đã ký ban hành');
    expect(statusTone('revoked')).toBe('danger');
    expect(isIssued('draft')).toBe(false);
    expect(isIssued('replaced')).toBe(true);
  });

  it('says whether a signature has a timestamp, or why not', () => {
    expect(timestampText({ timestampAt: '2026-03-02T03:00:00Z', timestampNote: null })).toBe('có dấu thời gian');
    expect(timestampText({ timestampAt: null, timestampNote: 'dịch vụ ký số từ xa không cấp dấu thời gian' })).toBe(
      'không có dấu thời gian: dịch vụ ký số từ xa không cấp dấu thời gian',
    );
    expect(timestampText({ timestampAt: null, timestampNote: null })).toBe('không có dấu thời gian');
  });

  it('takes an uploaded file’s name as its title', () => {
    expect(titleFromFileName('giay-khai-sinh.pdf')).toBe('giay-khai-sinh');
    expect(titleFromFileName('.pdf')).toBe('.pdf');
  });
});

describe('refusals and codes', () => {
  it('finds the signing service’s reason in the details', () => {
    const refused = new ApiError({
      status: 422,
      code: 'REMOTE_SIGNING_REFUSED',
      message: 'Dịch vụ ký số từ xa từ chối',
      details: { reason: 'Người ký từ chối' },
    });
    expect(errorReason(refused)).toBe('Người ký từ chối');
    expect(errorReason(new ApiError({ status: 409, code: 'CONFLICT', message: 'x', details: [{ path: 'version', message: 'y' }] }))).toBeNull();
    expect(errorReason(new ApiError({ status: 504, code: 'REMOTE_SIGNING_TIMEOUT', message: 'x' }))).toBeNull();
  });

  it('reads a code typed, or the whole address of a QR code', () => {
    expect(codeFromInput('  AbC123_-xyz ')).toBe('AbC123_-xyz');
    expect(codeFromInput('https://dichvucong.langson.gov.vn/xac-thuc/AbC123_-xyz?x=1')).toBe('AbC123_-xyz');
    expect(codeFromInput('ngắn')).toBeNull();
    expect(codeFromInput('')).toBeNull();
  });
});
