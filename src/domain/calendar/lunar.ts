/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for Vietnam's time zone (UTC+7).
 *
 * Months start on the day of the new moon *in Vietnam*; the 11th month contains the winter solstice;
 * a leap month is the first month of a 13-month year without a major solar term. Because the new moon
 * and solar terms are placed on days in UTC+7, not UTC+8 as in China, the two calendars differ in some
 * years (Tết 1985 and 2007, for instance). Astronomical series after Jean Meeus, "Astronomical
 * Algorithms", in the formulation widely used for the Vietnamese calendar (Hồ Ngọc Đức).
 * Valid at least for 1900–2100.
 */
import { civilFromJdn, jdnFromCivil, type CivilDate } from './civil-date.js';

export const VIETNAM_UTC_OFFSET_HOURS = 7;

export interface LunarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–30
  /** True for the intercalary (nhuận) repetition of `month`. */
  leap: boolean;
}

const SYNODIC_MONTH = 29.530588853;
const EPOCH = 2415021.076998695; // new moon of 1/1/1900, Julian day

/** Julian day (fractional, UT) of the k-th new moon after 1/1/1900. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Day number (JDN) of the k-th new moon, as a civil day in the given time zone. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

/** Sun's apparent longitude (radians, 0–2π) at Julian day `jd` (UT). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return L;
}

/** Index (0–11) of the 30° sector of the sun's longitude at the start of civil day `dayNumber`. */
function sunSector(dayNumber: number, tz: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Day number on which the 11th lunar month (the one containing the winter solstice) of `year` begins. */
function lunarMonth11(year: number, tz: number): number {
  const off = jdnFromCivil({ year, month: 12, day: 31 }) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** Offset, counted from the 11th month starting on `a11`, of the leap month of a 13-month year. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar(date: CivilDate, tz = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
  const dayNumber = jdnFromCivil(date);
  // The mean-motion estimate of the month can be one off either way: settle on the last new moon ≤ the day.
  let k = Math.floor((dayNumber - EPOCH) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k, tz) > dayNumber) k--;
  while (newMoonDay(k + 1, tz) <= dayNumber) k++;
  const monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(date.year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = date.year;
    a11 = lunarMonth11(date.year - 1, tz);
  } else {
    lunarYear = date.year + 1;
    b11 = lunarMonth11(date.year + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/** The civil date of a lunar date, or null if it does not exist (a leap month the year lacks, day 30 of a 29-day month). */
export function lunarToSolar(lunar: LunarDate, tz = VIETNAM_UTC_OFFSET_HOURS): CivilDate | null {
  let a11: number;
  let b11: number;
  if (lunar.month < 11) {
    a11 = lunarMonth11(lunar.year - 1, tz);
    b11 = lunarMonth11(lunar.year, tz);
  } else {
    a11 = lunarMonth11(lunar.year, tz);
    b11 = lunarMonth11(lunar.year + 1, tz);
  }
  const k = Math.floor(0.5 + (a11 - EPOCH) / SYNODIC_MONTH);
  let off = lunar.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (lunar.leap && lunar.month !== leapMonth) return null;
    if (lunar.leap || off >= leapOff) off += 1;
  } else if (lunar.leap) {
    return null;
  }
  const monthStart = newMoonDay(k + off, tz);
  const result = civilFromJdn(monthStart + lunar.day - 1);
  // Day 30 of a 29-day month spills into the next month: it does not exist.
  const check = solarToLunar(result, tz);
  if (check.day !== lunar.day || check.month !== lunar.month || check.leap !== lunar.leap) return null;
  return result;
}

/** Day number (JDN) of Tết Nguyên đán (1/1 lunar) of the lunar year that starts in civil `year`. */
export function tetJdn(year: number, tz = VIETNAM_UTC_OFFSET_HOURS): number {
  const date = lunarToSolar({ year, month: 1, day: 1, leap: false }, tz);
  if (!date) throw new RangeError(`no Tết in ${year}`);
  return jdnFromCivil(date);
}
