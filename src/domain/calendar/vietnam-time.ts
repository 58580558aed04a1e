/**
 * Vietnam time, in one place: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so an instant's local
 * date and time are those of the instant shifted by seven hours, read in UTC. Server and web app both use these.
 * Local minutes (the working-time engine's instants) are in working-time.ts.
 */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const shifted = (instant: Date | number) => new Date((typeof instant === 'number' ? instant : instant.getTime()) + VIETNAM_OFFSET_MS).toISOString();

/** yyyy-MM-dd of an instant in Vietnam. */
export const vietnamDate = (instant: Date | number): string => shifted(instant).slice(0, 10);

/** ISO 8601 in Vietnam time: 2026-11-24T09:00:00+07:00. */
export const vietnamIso = (instant: Date | number): string => shifted(instant).replace(/\.\d{3}Z$/, '+07:00');

/** yyyy-MM-ddTHH:mm in Vietnam (the value of a datetime-local input). */
export const vietnamLocalInput = (instant: Date | number): string => shifted(instant).slice(0, 16);

/** HH:mm:ss in Vietnam. */
export const vietnamClock = (instant: Date | number): string => shifted(instant).slice(11, 19);

/** dd/MM/yyyy HH:mm of an instant in Vietnam, for messages to people. */
export function vietnamDateTime(instant: Date | number): string {
  const iso = shifted(instant);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/** The calendar fields (year, month 1–12, day, hours, minutes, seconds) of an instant in Vietnam. */
export function vietnamFields(instant: Date | number): { year: number; month: number; day: number; hours: number; minutes: number; seconds: number } {
  const d = new Date(shifted(instant));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
    seconds: d.getUTCSeconds(),
  };
}

/** The instant a Vietnam calendar day (yyyy-MM-dd) starts. */
export const vietnamDayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS);

/** The instant the Vietnam calendar day after `day` (yyyy-MM-dd) starts: the end of `day`, excluded. */
export const vietnamDayEnd = (day: string): Date => new Date(vietnamDayStart(day).getTime() + 86_400_000);
