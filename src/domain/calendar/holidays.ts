/**
 * Public holidays by the default rules of the Labour Code 2019, Article 112(1), with substitute days
 * off (Article 111(3)). The government's yearly schedule (actual Tết days, the 2/9 adjacent day,
 * make-up working Saturdays) overrides these defaults: see the calendar schedules.
 */
import { civilFromJdn, jdnFromCivil, isoFromJdn, weekdayOfJdn } from './civil-date.js';
import { lunarToSolar, solarToLunar, tetJdn } from './lunar.js';

export const DAY_KINDS = ['holiday', 'substitute', 'makeUpWorkingDay'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export interface CalendarDay {
  /** yyyy-MM-dd */
  date: string;
  name: string;
  kind: DayKind;
}

export interface HolidayRules {
  /** Which lunar days make up the 5 Tết days, as offsets from 1/1 lunar (default: the last day of the old year and 1–4/1). */
  tetOffsets: readonly number[];
  /** The day next to 2/9: 'auto' picks the one that joins a weekend. */
  nationalDayAdjacent: 'before' | 'after' | 'auto';
  /** Weekly rest days, 0 = Monday … 6 = Sunday. */
  weeklyRestDays: readonly number[];
}

export const DEFAULT_HOLIDAY_RULES: HolidayRules = {
  tetOffsets: [-1, 0, 1, 2, 3],
  nationalDayAdjacent: 'auto',
  weeklyRestDays: [5, 6],
};

/** "Tết Nguyên đán (mùng 1)", or for the days before Tết the lunar day of the last month: the 12th lunar month has 29 or 30 days. */
function tetName(tet: number, offset: number): string {
  if (offset >= 0) return `Tết Nguyên đán (mùng ${offset + 1})`;
  const lunar = solarToLunar(civilFromJdn(tet + offset));
  return `Tết Nguyên đán (${lunar.day} tháng Chạp)`;
}

function nationalDayNeighbour(year: number, rules: HolidayRules): number {
  const day2 = jdnFromCivil({ year, month: 9, day: 2 });
  if (rules.nationalDayAdjacent === 'before') return day2 - 1;
  if (rules.nationalDayAdjacent === 'after') return day2 + 1;
  const rest = new Set(rules.weeklyRestDays);
  const working = (jd: number) => !rest.has(weekdayOfJdn(jd));
  const before = day2 - 1;
  const after = day2 + 1;
  if (working(before) && !working(after)) return before;
  if (working(after) && !working(before)) return after;
  // Both working: take the one that touches a weekend, so the break is continuous.
  if (rest.has(weekdayOfJdn(before - 1))) return before;
  return after;
}

/** Holidays of a civil year with their substitute days, sorted by date. */
export function defaultHolidays(year: number, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): CalendarDay[] {
  const days = new Map<number, string>();
  days.set(jdnFromCivil({ year, month: 1, day: 1 }), 'Tết Dương lịch');
  // Tết days of the lunar year starting in `year`; the last day of the previous lunar year can fall in this one too.
  const tet = tetJdn(year);
  for (const offset of rules.tetOffsets) days.set(tet + offset, tetName(tet, offset));
  const nextTet = tetJdn(year + 1);
  for (const offset of rules.tetOffsets) {
    const jd = nextTet + offset;
    if (jd <= jdnFromCivil({ year, month: 12, day: 31 })) days.set(jd, tetName(nextTet, offset));
  }
  const hung = lunarToSolar({ year, month: 3, day: 10, leap: false });
  if (hung) days.set(jdnFromCivil(hung), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  days.set(jdnFromCivil({ year, month: 4, day: 30 }), 'Ngày Chiến thắng (30/4)');
  days.set(jdnFromCivil({ year, month: 5, day: 1 }), 'Ngày Quốc tế Lao động (1/5)');
  days.set(jdnFromCivil({ year, month: 9, day: 2 }), 'Quốc khánh (2/9)');
  days.set(nationalDayNeighbour(year, rules), 'Quốc khánh (ngày liền kề)');

  const rest = new Set(rules.weeklyRestDays);
  const result: CalendarDay[] = [];
  const taken = new Set(days.keys());
  const sorted = [...days.entries()].sort(([a], [b]) => a - b);
  for (const [jd, name] of sorted) {
    if (jd < jdnFromCivil({ year, month: 1, day: 1 })) continue;
    result.push({ date: isoFromJdn(jd), name, kind: 'holiday' });
  }
  // A holiday on a weekly rest day is taken on the next working day that is not itself a holiday.
  for (const [jd, name] of sorted) {
    if (!rest.has(weekdayOfJdn(jd))) continue;
    let candidate = jd + 1;
    while (rest.has(weekdayOfJdn(candidate)) || taken.has(candidate)) candidate++;
    taken.add(candidate);
    result.push({ date: isoFromJdn(candidate), name: `Nghỉ bù ${name}`, kind: 'substitute' });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A province's schedule on top of the national one: a date it lists replaces the national entry for that date. */
export function overlayDays(base: readonly CalendarDay[], overrides: readonly CalendarDay[]): CalendarDay[] {
  const byDate = new Map(base.map((d) => [d.date, d]));
  for (const d of overrides) byDate.set(d.date, d);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
