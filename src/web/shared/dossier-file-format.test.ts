import { describe, expect, it } from 'vitest';
import { signatureText, uploaderText } from './dossier-file-format.js';

describe('uploaderText', () => {
  const at = '2026-12-06T10:15:42+07:00';
  it('tells the applicant their own files from the officials’, without naming officials', () => {
    expect(uploaderText({ uploadedBy: 'applicant', uploaderName: 'Hoàng Văn Minh', uploadedAt: at }, 'applicant')).toBe('Bạn gửi lúc 06/12/2026 10:15');
    expect(uploaderText({ uploadedBy: 'official', uploaderName: null, uploadedAt: at }, 'applicant')).toBe('Cán bộ gửi lúc 06/12/2026 10:15');
  });
  it('names the sender to officials, in Vietnam time', () => {
    expect(uploaderText({ uploadedBy: 'applicant', uploaderName: 'Hoàng Văn Minh', uploadedAt: '2026-12-06T03:15:00Z' }, 'official')).toBe(
      'Người nộp hồ sơ Hoàng Văn Minh gửi lúc 06/12/2026 10:15',
    );
    expect(uploaderText({ uploadedBy: 'official', uploaderName: 'Đinh Thị Hương', uploadedAt: at }, 'official')).toBe(
      'Đinh Thị Hương gửi lúc 06/12/2026 10:15',
    );
  });
  it('says a file came from another system', () => {
    expect(uploaderText({ uploadedBy: 'imported', uploaderName: null, uploadedAt: at }, 'applicant')).toBe('Nhập từ hệ thống khác lúc 06/12/2026 10:15');
  });
});

describe('signatureText', () => {
  it('names the signers of a valid signed PDF, and the first problem of an invalid one', () => {
    const signer = { name: 'Trần Thị Bình', issuer: 'motcua DEMO CA', signedAt: null, problem: null };
    expect(signatureText({ signature: null })).toBeNull();
    expect(signatureText({ signature: { verdict: 'valid', signers: [signer] } })).toBe('Ký số: Trần Thị Bình (hợp lệ)');
    expect(signatureText({ signature: { verdict: 'invalid', signers: [{ ...signer, problem: 'Nội dung tệp đã bị thay đổi sau khi ký.' }] } })).toBe(
      'Ký số không hợp lệ (Trần Thị Bình): Nội dung tệp đã bị thay đổi sau khi ký.',
    );
  });
});
