/** Display formatting for Vietnamese users: dates dd/MM/yyyy, times in Asia/Ho_Chi_Minh. */

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const isoDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2025-06-30" → "30/06/2025". Calendar dates carry no time zone, so no Date object is involved. */
export function formatIsoDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

/** An ISO instant as "dd/MM/yyyy HH:mm:ss" in Vietnam time. */
export function formatDateTime(isoInstant: string): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** An instant as "HH:mm" (24-hour) in Vietnam time. */
export function formatTime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) return '';
  const parts = Object.fromEntries(timeFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}`;
}

/** Today's calendar date in Vietnam as yyyy-MM-dd (the format of Unit.validFrom/validTo). */
export function todayInVietnam(now: Date = new Date()): string {
  return isoDateFormat.format(now);
}

/** Lower-case, without diacritics (NFD + strip combining marks, đ → d), for forgiving search. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();
}

const decimalFormats = new Map<string, Intl.NumberFormat>();

function decimalFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}-${maximumFractionDigits}`;
  let format = decimalFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { minimumFractionDigits, maximumFractionDigits });
    decimalFormats.set(key, format);
  }
  return format;
}

/** 1234 → "1.234"; 17.96 → "17,96"; 6 → "6" (at most `maxDecimals` decimals, the Vietnamese way). */
export function formatNumber(value: number, maxDecimals = 2): string {
  return decimalFormat(0, maxDecimals).format(value);
}

/** A percentage (95.58, not 0.9558) as "95,58%"; null (not applicable) as "—". */
export function formatPercent(value: number | null, decimals = 2): string {
  return value === null ? '—' : `${decimalFormat(decimals, decimals).format(value)}%`;
}
