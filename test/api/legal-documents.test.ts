/**
 * The province's register of legal documents (issue 23 item 8) through the HTTP pipeline, on both engines: the demo's
 * register and the PAR figures of its years, entering a document (a catalogue's legal basis taken in, not doubled),
 * reviews on schedule, later documents amending and repealing one, a stale version refused (409), the overdue reviews.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { legalDocumentFigures } from '../../src/application/legal-documents/legal-document-figures.js';
import type { LegalDocumentDetail, LegalRegister } from '../../src/contract/legal-documents.js';

const doc = (number: string, issuedOn: string, effectiveFrom: string, extra: Record<string, unknown> = {}) => ({
  number,
  type: 'decision',
  title: `Quyết định số ${number} về thủ tục hành chính trên địa bàn tỉnh`,
  issuer: 'Ủy ban nhân dân tỉnh Lạng Sơn',
  issuedOn,
  effectiveFrom,
  ...extra,
});

describe.each(ENGINES)('the legal-documents register on %s', (engine) => {
  let app: TestApp;
  let monitor: Client;
  let admin: Client;
  const figures2026 = () => legalDocumentFigures({ ...app.ctx.deps, clock: () => new Date('2027-01-15T09:00:00+07:00') }, { year: 2026 });
  const register = async (query = '') => (await monitor.request('GET', `/api/v1/legal-register${query}`)).json<LegalRegister>();
  const byNumber = async (number: string) => (await register(`?q=${encodeURIComponent(number)}`)).items.find((d) => d.number === number)!;

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    [monitor, admin] = await Promise.all([Client.official(app, 'giamsat'), Client.official(app, 'admin')]);
  });
  afterAll(() => app.stop());

  it('holds the demo’s register, judged by dates and links, and its PAR figures', async () => {
    const list = await register();
    expect(list.items).toHaveLength(8);
    const status = Object.fromEntries(list.items.map((d) => [d.number, d.status]));
    expect(status).toMatchObject({
      '15/2021/QĐ-UBND': 'expired',
      '12/2024/QĐ-UBND': 'amended',
      '05/2014/CT-UBND': 'partlyExpired',
      '25/2023/QĐ-UBND': 'inForce',
    });
    expect(list.overdueReviews.map((d) => d.number)).toContain('25/2023/QĐ-UBND');
    const year = await monitor.request('GET', '/api/v1/legal-register/figures?year=2025');
    expect(year.json()).toEqual({
      year: 2025,
      provinceCode: '000.00.00.H37',
      asOf: '2025-12-31',
      issued: 1,
      reviews: 0,
      reviewedOnSchedule: 0,
      reviewedLate: 0,
      reviewsOverdue: 0,
      inForce: 5,
    });
    expect(await figures2026()).toMatchObject({
      asOf: '2026-12-31',
      issued: 2,
      reviews: 2,
      reviewedOnSchedule: 1,
      reviewedLate: 1,
      reviewsOverdue: 1,
      inForce: 6,
    });
    // The catalogue's legal bases and the register are one table: the fee resolution is listed once in each.
    const catalogue = (await monitor.request('GET', '/api/v1/legal-documents')).json<{ documents: { number: string }[] }>();
    expect(catalogue.documents.filter((d) => d.number === '18/2026/NQ-HĐND')).toHaveLength(1);
  });

  it('enters documents, refusing a number of another type or year and a number already in the register', async () => {
    const wrong = await monitor.request('POST', '/api/v1/legal-register', doc('40/2026/QĐ-UBND', '2025-05-04', '2025-05-15', { type: 'resolution' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.map((p: { path: string }) => p.path)).toEqual(['body.type', 'body.issuedOn']);
    const a = await monitor.request('POST', '/api/v1/legal-register', doc('40/2026/QĐ-UBND', '2026-05-04', '2026-05-15', { reviewDueOn: '2026-09-30' }));
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ version: 1, status: 'inForce' });
    expect((await monitor.request('POST', '/api/v1/legal-register', doc('40/2026/QĐ-UBND', '2026-05-04', '2026-05-15'))).json().error.code).toBe(
      'LEGAL_DOCUMENT_EXISTS',
    );
    expect((await monitor.request('POST', '/api/v1/legal-register', doc('41/2026/QĐ-UBND', '2026-08-03', '2026-08-15'))).statusCode).toBe(201);
    // A legal basis the catalogue team entered first is taken into the register.
    const basis = await admin.request('POST', '/api/v1/legal-documents', {
      number: '44/2026/QĐ-UBND',
      title: 'Quyết định công bố danh mục thủ tục hành chính',
      issuer: 'Ủy ban nhân dân tỉnh Lạng Sơn',
      issuedOn: '2026-10-01',
      effectiveFrom: '2026-10-15',
    });
    expect(basis.statusCode, basis.body).toBe(201);
    const adopted = await admin.request('POST', '/api/v1/legal-register', doc('44/2026/QĐ-UBND', '2026-10-01', '2026-10-15'));
    expect(adopted.json()).toMatchObject({ id: basis.json().id, version: 2 });
  });

  it('records reviews at the version seen, and the documents that amend and repeal one', async () => {
    const a = await byNumber('40/2026/QĐ-UBND');
    const review = { kind: 'review', reviewedOn: '2026-09-20', result: 'keep', reviewer: 'Sở Tư pháp', note: null, nextDueOn: '2027-09-30' };
    const stale = await monitor.request('POST', `/api/v1/legal-register/${a.id}/reviews`, { ...review, expectedVersion: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('LEGAL_DOCUMENT_CHANGED');
    const future = await monitor.request('POST', `/api/v1/legal-register/${a.id}/reviews`, {
      ...review,
      reviewedOn: '2099-01-01',
      nextDueOn: null,
      expectedVersion: 1,
    });
    expect(future.statusCode).toBe(400);
    const reviewed = await monitor.request('POST', `/api/v1/legal-register/${a.id}/reviews`, { ...review, expectedVersion: 1 });
    expect(reviewed.json()).toMatchObject({ version: 2, status: 'inForce' });

    const amended = await monitor.request('POST', `/api/v1/legal-register/${a.id}/links`, {
      expectedVersion: 2,
      relation: 'amends',
      byNumber: '41/2026/QĐ-UBND',
      note: null,
    });
    expect(amended.json()).toMatchObject({ version: 3, status: 'amended' });
    const unknown = await monitor.request('POST', `/api/v1/legal-register/${a.id}/links`, {
      expectedVersion: 3,
      relation: 'repeals',
      byNumber: '99/2026/QĐ-UBND',
      note: null,
    });
    expect(unknown.json().error.details[0].message).toMatch(/chưa có trong danh mục/);
    const b = await byNumber('41/2026/QĐ-UBND');
    const repealed = await monitor.request('POST', `/api/v1/legal-register/${b.id}/links`, {
      expectedVersion: 1,
      relation: 'repeals',
      byNumber: '44/2026/QĐ-UBND',
      note: 'Bãi bỏ toàn bộ',
    });
    expect(repealed.json()).toMatchObject({ status: 'expired' });

    const detail = (await monitor.request('GET', `/api/v1/legal-register/${a.id}`)).json<LegalDocumentDetail>();
    expect(detail).toMatchObject({ status: 'amended', reviewDueOn: '2027-09-30', reviewOverdueDays: 0 });
    expect(detail.changedBy).toEqual([expect.objectContaining({ number: '41/2026/QĐ-UBND', relation: 'amends', relationLabel: 'Sửa đổi, bổ sung' })]);
    expect(detail.reviews).toEqual([expect.objectContaining({ reviewedOn: '2026-09-20', dueOn: '2026-09-30', onSchedule: true, result: 'keep' })]);
    // 40 and 44 in force at the end of 2026, 41 repealed; one more review on schedule.
    expect(await figures2026()).toMatchObject({ issued: 5, reviews: 3, reviewedOnSchedule: 2, reviewedLate: 1, reviewsOverdue: 1, inForce: 8 });
    expect((await register('?status=expired')).items.map((d) => d.number).sort()).toEqual(['15/2021/QĐ-UBND', '41/2026/QĐ-UBND']);
  });

  it('reschedules a review by an edit, and keeps the register to its keepers', async () => {
    const overdue = await byNumber('25/2023/QĐ-UBND');
    expect(overdue.reviewOverdueDays).toBeGreaterThan(0);
    const edit = {
      type: 'decision',
      title: 'Quyết định quy định việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trên địa bàn tỉnh Lạng Sơn',
      issuer: 'Ủy ban nhân dân tỉnh Lạng Sơn',
      issuedOn: '2023-08-10',
      effectiveFrom: '2023-08-20',
      expiresOn: null,
      markedStatus: 'inForce',
      reviewDueOn: '2099-06-30',
      expectedVersion: overdue.version,
    };
    expect((await monitor.request('PATCH', `/api/v1/legal-register/${overdue.id}`, edit)).statusCode).toBe(200);
    expect((await register()).overdueReviews.map((d) => d.number)).not.toContain('25/2023/QĐ-UBND');
    const specialist = await Client.official(app, 'chuyenvien.tuphap');
    expect((await specialist.request('GET', '/api/v1/legal-register')).statusCode).toBe(403);
  });
});
