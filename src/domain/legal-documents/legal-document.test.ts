import { describe, expect, it } from 'vitest';
import { legalYearFigures, type RegisterEntry } from './figures.js';
import { checkLegalDocument, legalStatusOn, pendingReviewDue, readLegalNumber, reviewOverdueOn, type DatedDocument } from './legal-document.js';

const doc = (effectiveFrom: string, expiresOn: string | null = null, markedStatus: DatedDocument['markedStatus'] = 'inForce'): DatedDocument => ({
  effectiveFrom,
  expiresOn,
  markedStatus,
});

describe('numbers and checks', () => {
  it('reads the year and type of a number', () => {
    expect(readLegalNumber('12/2024/QĐ-UBND')).toEqual({ ok: true, year: 2024, type: 'decision' });
    expect(readLegalNumber('05/2023/NQ-HĐND')).toEqual({ ok: true, year: 2023, type: 'resolution' });
    expect(readLegalNumber('3/2014/CT-UBND')).toEqual({ ok: true, year: 2014, type: 'directive' });
    expect(readLegalNumber('12/QĐ-UBND').ok).toBe(false);
    expect(readLegalNumber('12/2024/TB-UBND').ok).toBe(false);
  });

  it('refuses a number of another year or type, and dates out of order', () => {
    const base = {
      number: '12/2024/QĐ-UBND',
      type: 'decision' as const,
      issuedOn: '2024-03-01',
      effectiveFrom: '2024-03-15',
      expiresOn: null,
      reviewDueOn: null,
    };
    expect(checkLegalDocument(base)).toEqual([]);
    expect(checkLegalDocument({ ...base, type: 'resolution', issuedOn: '2025-01-02', effectiveFrom: '2025-01-10' }).map((p) => p.path)).toEqual([
      'type',
      'issuedOn',
    ]);
    expect(checkLegalDocument({ ...base, effectiveFrom: '2024-02-01', expiresOn: '2024-01-01' }).map((p) => p.path)).toEqual(['effectiveFrom', 'expiresOn']);
  });
});

describe('status on a day', () => {
  it('follows the dates, the links that took effect, and what an official marked', () => {
    expect(legalStatusOn(doc('2026-01-01'), [], '2025-12-31')).toBe('notYetInForce');
    expect(legalStatusOn(doc('2026-01-01'), [], '2026-01-01')).toBe('inForce');
    expect(legalStatusOn(doc('2026-01-01', '2026-07-01'), [], '2026-07-01')).toBe('expired');
    expect(legalStatusOn(doc('2026-01-01', null, 'partlyExpired'), [], '2026-03-01')).toBe('partlyExpired');
    const links = [
      { relation: 'amends' as const, byEffectiveFrom: '2026-03-01' },
      { relation: 'repeals' as const, byEffectiveFrom: '2026-09-01' },
    ];
    expect(legalStatusOn(doc('2026-01-01'), links, '2026-02-28')).toBe('inForce');
    expect(legalStatusOn(doc('2026-01-01'), links, '2026-03-01')).toBe('amended');
    expect(legalStatusOn(doc('2026-01-01'), links, '2026-09-01')).toBe('expired');
  });
});

describe('review schedule', () => {
  const reviews = [
    { reviewedOn: '2025-03-01', dueOn: '2025-03-31', nextDueOn: '2026-03-31' },
    { reviewedOn: '2026-05-10', dueOn: '2026-03-31', nextDueOn: '2027-03-31' },
  ];
  it('knows which due date was pending on a day, and when it was missed', () => {
    expect(pendingReviewDue('2027-03-31', reviews, '2025-01-01')).toBe('2025-03-31');
    expect(pendingReviewDue('2027-03-31', reviews, '2025-12-31')).toBe('2026-03-31');
    expect(pendingReviewDue('2027-03-31', reviews, '2026-12-31')).toBe('2027-03-31');
    expect(pendingReviewDue('2026-06-30', [], '2026-12-31')).toBe('2026-06-30');
    expect(reviewOverdueOn(doc('2024-01-01'), [], '2027-03-31', reviews, '2026-04-30')).toBe(true);
    expect(reviewOverdueOn(doc('2024-01-01'), [], '2027-03-31', reviews, '2026-05-10')).toBe(false);
    expect(reviewOverdueOn(doc('2024-01-01', '2026-01-01'), [], '2027-03-31', reviews, '2026-04-30')).toBe(false);
  });

  it('gives the PAR figures of a year', () => {
    const entries: RegisterEntry[] = [
      { ...doc('2024-01-01'), issuedOn: '2023-12-20', reviewDueOn: '2027-03-31', links: [], reviews },
      { ...doc('2026-02-01'), issuedOn: '2026-01-15', reviewDueOn: '2026-06-30', links: [], reviews: [] },
      { ...doc('2026-04-01', '2026-10-01'), issuedOn: '2026-03-20', reviewDueOn: null, links: [], reviews: [] },
      {
        ...doc('2025-01-01'),
        issuedOn: '2024-12-01',
        reviewDueOn: '2026-12-31',
        links: [{ relation: 'replaces', byEffectiveFrom: '2026-11-01' }],
        reviews: [],
      },
    ];
    expect(legalYearFigures(entries, 2026, '2027-02-01')).toEqual({
      year: 2026,
      asOf: '2026-12-31',
      issued: 2,
      reviews: 1,
      reviewedOnSchedule: 0,
      reviewedLate: 1,
      reviewsOverdue: 1,
      inForce: 2,
    });
    expect(legalYearFigures(entries, 2026, '2026-05-01')).toMatchObject({ asOf: '2026-05-01', issued: 2, reviews: 0, reviewsOverdue: 1, inForce: 4 });
  });
});
