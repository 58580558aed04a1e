import { describe, expect, it } from 'vitest';
import {
  actorLabel,
  eventLabel,
  excerpt,
  formatDay,
  formatMinute,
  lateText,
  listHeadline,
  pageTotal,
  listQuery,
  listSearch,
  nextDeadline,
  normalizeFeedbackCode,
  parseListState,
  parseQueueFilter,
  queueQuery,
  trackPageFor,
  votesText,
} from './feedback-view.js';

const NOW = new Date('2026-03-10T03:00:00Z'); // 10:00 in Vietnam

describe('dates in Vietnam time', () => {
  it('writes days as dd/MM/yyyy and minutes as dd/MM/yyyy HH:mm, across midnight UTC', () => {
    expect(formatDay('2026-03-09T18:30:00Z')).toBe('10/03/2026');
    expect(formatMinute('2026-03-09T18:30:00Z')).toBe('10/03/2026 01:30');
    expect(formatDay('không phải ngày')).toBe('không phải ngày');
  });
});

describe('deadlines', () => {
  it('names the next deadline, when it falls and how urgent it is', () => {
    expect(nextDeadline({ milestone: 'handle', label: 'Xử lý quá 15 ngày làm việc', dueAt: '2026-03-20T10:00:00Z' }, NOW)).toEqual({
      label: 'Hạn xử lý',
      at: '20/03/2026 17:00',
      tone: 'info',
    });
    expect(nextDeadline({ milestone: 'publish', label: 'x', dueAt: '2026-03-11T03:00:00Z' }, NOW)?.tone).toBe('warning');
    expect(nextDeadline({ milestone: 'refuse', label: 'x', dueAt: '2026-03-09T03:00:00Z' }, NOW)).toMatchObject({
      label: 'Hạn từ chối tiếp nhận',
      tone: 'danger',
    });
    // An unknown milestone keeps the server's label.
    expect(nextDeadline({ milestone: 'other', label: 'Hạn khác', dueAt: '2026-04-01T00:00:00Z' }, NOW)?.label).toBe('Hạn khác');
    expect(nextDeadline(null, NOW)).toBeNull();
  });

  it('says which deadlines were missed, or nothing', () => {
    expect(lateText([])).toBeNull();
    expect(lateText(['Xử lý quá 15 ngày làm việc'])).toBe('Trễ hạn: Xử lý quá 15 ngày làm việc');
    expect(lateText(['Yêu cầu bổ sung quá 5 ngày làm việc', 'Xử lý quá 15 ngày làm việc'])).toBe(
      'Trễ hạn: Yêu cầu bổ sung quá 5 ngày làm việc; Xử lý quá 15 ngày làm việc',
    );
  });
});

describe('words', () => {
  it('names the history and who acted', () => {
    expect(eventLabel('reraise')).toBe('Người phản ánh phản ánh lại');
    expect(eventLabel('unknown')).toBe('unknown');
    expect(actorLabel(null)).toBe('Người phản ánh');
    expect(actorLabel('leader')).toBe('Lãnh đạo đơn vị');
  });

  it('counts votes the Vietnamese way', () => {
    expect(votesText({ likes: 1200, dislikes: 3 })).toBe('1.200 người hài lòng · 3 người không hài lòng');
  });

  it('reads a typed code and never puts the secret in the tracking address', () => {
    expect(normalizeFeedbackCode(' pakn-2026-000001 ')).toBe('PAKN-2026-000001');
    expect(trackPageFor('PAKN-2026-000001')).toBe('/phan-anh-kien-nghi/tra-cuu?ma=PAKN-2026-000001');
  });

  it('cuts long texts at a word', () => {
    expect(excerpt('ngắn')).toBe('ngắn');
    expect(excerpt('một hai ba bốn năm sáu', 12)).toBe('một hai ba…');
  });
});

describe('the public list in the address bar', () => {
  it('reads and writes the search, filters and page', () => {
    const state = parseListState(new URLSearchParams('q=khai+sinh&don-vi=000.00.31.H37&linh-vuc=HT&trang=3'));
    expect(state).toEqual({ q: 'khai sinh', unit: '000.00.31.H37', field: 'HT', page: 3 });
    expect(listSearch(state)).toBe('?q=khai+sinh&don-vi=000.00.31.H37&linh-vuc=HT&trang=3');
    expect(listQuery(state)).toEqual({ q: 'khai sinh', unit: '000.00.31.H37', field: 'HT', limit: 10, offset: 20 });
    expect(listSearch({ q: ' ', unit: null, field: null, page: 1 })).toBe('');
  });

  it('falls back to the first page on a bad page number', () => {
    for (const bad of ['0', '-1', 'x', '1.5', '99999999']) expect(parseListState(new URLSearchParams(`trang=${bad}`)).page).toBe(1);
  });

  it('says how many answers there are and where the list stands', () => {
    expect(listHeadline(0, 1)).toBe('Không có phản ánh, kiến nghị đã trả lời phù hợp.');
    expect(listHeadline(43, 2)).toBe('43 phản ánh, kiến nghị đã trả lời · Trang 2/5');
    expect(listHeadline(5, 9)).toBe('5 phản ánh, kiến nghị đã trả lời · Trang 1/1');
    expect(listHeadline(1000, 3, true)).toBe('Hơn 1.000 phản ánh, kiến nghị đã trả lời · Trang 3');
    expect(pageTotal(1000, true)).toBe(101);
    expect(pageTotal(43)).toBe(5);
  });
});

describe('the queue filter', () => {
  it('asks for open items, every item or one status', () => {
    expect(queueQuery(parseQueueFilter(null))).toEqual({ open: 'true', limit: 200 });
    expect(queueQuery(parseQueueFilter('all'))).toEqual({ open: 'false', limit: 200 });
    expect(queueQuery(parseQueueFilter('published'))).toEqual({ status: 'published', limit: 200 });
    expect(parseQueueFilter('nonsense')).toBe('open');
  });
});
