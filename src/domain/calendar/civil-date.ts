/**
 * Calendar dates as Julian Day Numbers (integers): adding days is integer arithmetic, with no Date
 * objects and no time zones involved. A civil date is the Gregorian date of the Vietnamese calendar.
 */

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** Julian Day Number of a Gregorian date (Julian calendar before 15/10/1582). */
export function jdnFromCivil({ year, month, day }: CivilDate): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  let jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  if (jd < 2299161) jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
  return jd;
}

export function civilFromJdn(jd: number): CivilDate {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: b * 100 + d - 4800 + Math.floor(m / 10),
  };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOfJdn(jd: number): number {
  return ((jd % 7) + 7) % 7;
}

/** yyyy-MM-dd */
export function isoFromJdn(jd: number): string {
  const { year, month, day } = civilFromJdn(jd);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function jdnFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a yyyy-MM-dd date: ${iso}`);
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const jd = jdnFromCivil(date);
  const back = civilFromJdn(jd);
  if (back.year !== date.year || back.month !== date.month || back.day !== date.day) throw new RangeError(`no such date: ${iso}`);
  return jd;
}

/** Whether `iso` is a yyyy-MM-dd date that exists (no 2026-02-30), in years 1900–9999. */
export function isRealIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const year = Number(iso.slice(0, 4));
  if (year < 1900) return false;
  try {
    jdnFromIso(iso);
    return true;
  } catch {
    return false;
  }
}
