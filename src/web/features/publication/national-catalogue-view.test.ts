import { describe, expect, it } from 'vitest';
import type { CataloguePull, NationalCatalogueOutbox } from './api/national-catalogue-api.js';
import { formatNationalUpdate, pendingPublicationCount, pendingPublicationText, pullSummary } from './national-catalogue-view.js';

describe('formatNationalUpdate', () => {
  it('shows an ISO instant in Vietnam time without seconds', () => {
    expect(formatNationalUpdate('2026-03-04T02:05:09Z')).toBe('04/03/2026 09:05');
    expect(formatNationalUpdate('2026-03-04T20:30:00.000Z')).toBe('05/03/2026 03:30');
  });

  it("reads the portal's yyyyMMddHHmmss as Vietnam time", () => {
    expect(formatNationalUpdate('20260304090509')).toBe('04/03/2026 09:05');
  });

  it('leaves anything else as given', () => {
    expect(formatNationalUpdate('không rõ')).toBe('không rõ');
  });
});

describe('pullSummary', () => {
  it('says what a pull found', () => {
    const pull: CataloguePull = { listed: 120, read: 3, changed: 2, notices: 2, drafts: 1, error: null };
    expect(pullSummary(pull)).toBe(
      'Đã kiểm tra 120 thủ tục trên CSDL quốc gia, đọc 3 thủ tục có cập nhật mới, 2 thủ tục khác với bản của tỉnh: 2 thông báo mới, 1 dự thảo quyết định mới.',
    );
  });
});

describe('pending publications', () => {
  const publication = (status: 'pending' | 'acknowledged') => ({
    decisionId: 'd',
    decisionNumber: '1/QĐ-UBND',
    issuedOn: '2026-01-02',
    procedureCode: '1.000001',
    status,
    origin: null,
    madePublicAt: null,
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
  });
  const outbox = (statuses: ('pending' | 'acknowledged')[], portalConfigured = true): NationalCatalogueOutbox => ({
    portalConfigured,
    publications: statuses.map(publication),
    ratingMonths: [],
  });

  it('counts only the procedures the portal has not acknowledged', () => {
    expect(pendingPublicationCount(outbox(['pending', 'acknowledged', 'pending']))).toBe(2);
    expect(pendingPublicationText(outbox(['pending', 'acknowledged', 'pending']))).toBe('Còn 2 thủ tục chờ công khai trên CSDL quốc gia.');
  });

  it('says when nothing waits, and when the portal is not configured', () => {
    expect(pendingPublicationText(outbox(['acknowledged']))).toBe('Không có thủ tục nào chờ công khai trên CSDL quốc gia.');
    expect(pendingPublicationText(outbox(['pending'], false))).toBe(
      'Còn 1 thủ tục chờ công khai trên CSDL quốc gia. Chưa cấu hình kết nối Cổng dịch vụ công quốc gia.',
    );
  });
});
