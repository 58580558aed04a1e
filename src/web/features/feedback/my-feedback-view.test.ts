import { describe, expect, it } from 'vitest';
import { attachmentFacts, attachmentKind, myFeedbackCount, myFeedbackPage, myFeedbackProgress } from './my-feedback-view.js';

const NOW = new Date('2026-03-10T03:00:00Z'); // 10:00 in Vietnam

describe('a citizen’s own feedback', () => {
  it('opens an item’s page in the account’s area by its code', () => {
    expect(myFeedbackPage('PAKN-2026-000123')).toBe('/tai-khoan/phan-anh/PAKN-2026-000123');
    expect(myFeedbackPage('a/b')).toBe('/tai-khoan/phan-anh/a%2Fb');
  });

  it('counts the items in words', () => {
    expect(myFeedbackCount(1)).toBe('Bạn đã gửi 1 phản ánh, kiến nghị.');
    expect(myFeedbackCount(1200)).toBe('Bạn đã gửi 1.200 phản ánh, kiến nghị.');
  });

  it('says when the answer was published, in Vietnam time (dd/MM/yyyy)', () => {
    // 18:30 UTC on the 9th is past midnight on the 10th in Vietnam.
    const handle = { milestone: 'handle', label: 'x', dueAt: '2026-03-20T10:00:00Z' };
    expect(myFeedbackProgress({ publishedAt: '2026-03-09T18:30:00Z', next: handle }, NOW)).toEqual({
      text: 'Đã công khai trả lời ngày 10/03/2026',
      overdue: false,
    });
  });

  it('names the next deadline and its day, and says when it has passed', () => {
    expect(myFeedbackProgress({ publishedAt: null, next: { milestone: 'handle', label: 'x', dueAt: '2026-03-20T10:00:00Z' } }, NOW)).toEqual({
      text: 'Hạn xử lý: 20/03/2026',
      overdue: false,
    });
    expect(myFeedbackProgress({ publishedAt: null, next: { milestone: 'publish', label: 'x', dueAt: '2026-03-09T03:00:00Z' } }, NOW)).toEqual({
      text: 'Hạn công khai trả lời: 09/03/2026 (đã quá hạn)',
      overdue: true,
    });
    expect(myFeedbackProgress({ publishedAt: null, next: null }, NOW)).toBeNull();
  });
});

describe('attachments', () => {
  it('names a file’s kind and size', () => {
    expect(attachmentKind('application/pdf')).toBe('PDF');
    expect(attachmentKind('image/jpeg')).toBe('JPEG');
    expect(attachmentFacts({ contentType: 'image/png', size: 1_258_291 })).toBe('PNG, 1,2 MB');
    expect(attachmentFacts({ contentType: 'application/pdf', size: 300 })).toBe('PDF, 1 KB');
  });
});
