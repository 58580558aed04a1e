import { describe, expect, it } from 'vitest';
import { aYearAfter, documentBody, documentErrors, EMPTY_DOCUMENT, registerQuery, typeFromNumber } from './legal-view.js';

describe('the legal-documents register’s pages', () => {
  it('ask the server for the filters set', () => {
    expect(registerQuery({ status: '', q: '', year: '' })).toBe('');
    expect(registerQuery({ status: 'amended', q: ' một cửa ', year: '2024' })).toBe('?status=amended&q=m%E1%BB%99t+c%E1%BB%ADa&year=2024');
    expect(registerQuery({ status: '', q: '', year: '20' })).toBe('');
  });

  it('read the type from the number, and check the form', () => {
    expect(typeFromNumber('12/2024/QĐ-UBND')).toBe('decision');
    expect(typeFromNumber('05/2023/NQ-HĐND')).toBe('resolution');
    expect(typeFromNumber('12/QĐ-UBND')).toBeNull();
    expect(Object.keys(documentErrors(EMPTY_DOCUMENT))).toEqual(['number', 'title', 'issuedOn', 'effectiveFrom']);
    const ok = { ...EMPTY_DOCUMENT, number: '12/2024/QĐ-UBND', title: 'Quy chế một cửa liên thông', issuedOn: '2024-03-15', effectiveFrom: '2024-03-25' };
    expect(documentErrors(ok)).toEqual({});
    expect(documentErrors({ ...ok, expiresOn: '2024-03-01' })).toEqual({ expiresOn: 'Ngày hết hiệu lực phải sau ngày có hiệu lực.' });
    expect(documentBody(ok)).toMatchObject({ expiresOn: null, reviewDueOn: null, markedStatus: 'inForce' });
  });

  it('propose the next review a year on', () => {
    expect(aYearAfter('2026-12-07')).toBe('2027-12-07');
    expect(aYearAfter('2028-02-29')).toBe('2029-02-28');
  });
});
