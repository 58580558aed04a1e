/** Vietnam has no daylight saving: local time is UTC+7 all year. */
const OFFSET_MS = 7 * 3_600_000;

/** yyyy-MM-dd of an instant in Asia/Ho_Chi_Minh. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO 8601 in Vietnam time: 2026-11-24T09:00:00+07:00. */
export function vietnamIso(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/** dd/MM/yyyy HH:mm of an instant in Asia/Ho_Chi_Minh, for messages to people. */
export function vietnamDateTime(instant: Date): string {
  const iso = new Date(instant.getTime() + OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}
