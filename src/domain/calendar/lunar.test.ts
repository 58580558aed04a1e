import { describe, expect, it } from 'vitest';
import { civilFromJdn, isoFromJdn, jdnFromCivil, jdnFromIso, weekdayOfJdn } from './civil-date.js';
import { lunarToSolar, solarToLunar, tetJdn } from './lunar.js';

// Tết Nguyên đán in Vietnam, from published calendars.
const TET: Record<number, string> = {
  1985: '1985-01-21',
  2007: '2007-02-17',
  2008: '2008-02-07',
  2009: '2009-01-26',
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
};

describe('civil dates as day numbers', () => {
  it('round-trips every day from 1900 to 2100', () => {
    const start = jdnFromCivil({ year: 1900, month: 1, day: 1 });
    const end = jdnFromCivil({ year: 2100, month: 12, day: 31 });
    for (let jd = start; jd <= end; jd++) expect(jdnFromCivil(civilFromJdn(jd))).toBe(jd);
    expect(end - start + 1).toBe(73414);
  });

  it('knows weekdays and refuses impossible dates', () => {
    expect(weekdayOfJdn(jdnFromIso('2026-11-22'))).toBe(6); // a Sunday
    expect(weekdayOfJdn(jdnFromIso('2025-07-01'))).toBe(1); // a Tuesday
    expect(() => jdnFromIso('2026-02-30')).toThrow(RangeError);
    expect(isoFromJdn(jdnFromIso('2024-02-29'))).toBe('2024-02-29');
  });
});

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it.each(Object.entries(TET))('Tết %s falls on %s', (year, iso) => {
    expect(isoFromJdn(tetJdn(Number(year)))).toBe(iso);
  });

  it('differs from the Chinese calendar (UTC+8) where it should', () => {
    expect(isoFromJdn(tetJdn(1985, 8))).toBe('1985-02-20');
    expect(isoFromJdn(tetJdn(2007, 8))).toBe('2007-02-18');
    expect(isoFromJdn(tetJdn(2030, 8))).toBe('2030-02-03'); // the new moon falls just before midnight in Hà Nội, just after it in Beijing
    expect(isoFromJdn(tetJdn(2026, 8))).toBe('2026-02-17');
  });

  it('places Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
    const hung = (year: number) => lunarToSolar({ year, month: 3, day: 10, leap: false });
    expect(hung(2024)).toEqual({ year: 2024, month: 4, day: 18 });
    expect(hung(2025)).toEqual({ year: 2025, month: 4, day: 7 });
    expect(hung(2026)).toEqual({ year: 2026, month: 4, day: 26 });
  });

  it('knows leap months: 2023 had a leap 2nd month, 2025 a leap 6th month', () => {
    expect(solarToLunar({ year: 2023, month: 3, day: 22 })).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar({ year: 2025, month: 7, day: 25 })).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toEqual({ year: 2025, month: 7, day: 25 });
    expect(lunarToSolar({ year: 2025, month: 3, day: 1, leap: true })).toBeNull();
    expect(lunarToSolar({ year: 2024, month: 5, day: 1, leap: true })).toBeNull();
  });

  it('converts both ways for every day of 1900–2100', () => {
    const start = jdnFromCivil({ year: 1900, month: 2, day: 1 });
    const end = jdnFromCivil({ year: 2100, month: 12, day: 31 });
    let previous = solarToLunar(civilFromJdn(start - 1));
    for (let jd = start; jd <= end; jd += 1) {
      const civil = civilFromJdn(jd);
      const lunar = solarToLunar(civil);
      expect(lunarToSolar(lunar)).toEqual(civil);
      // Days advance by one, or a new month starts on day 1.
      if (lunar.day !== 1) expect(lunar.day).toBe(previous.day + 1);
      else expect(previous.day === 29 || previous.day === 30).toBe(true);
      previous = lunar;
    }
  });
});
