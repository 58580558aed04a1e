/**
 * The formats of the numbers that key a data vault (REFERENCE §3, INTEGRATIONS §6): the 12-digit personal
 * identification number (số định danh cá nhân, printed on the CCCD: the province of birth registration 001–096,
 * a century-and-gender digit, two digits of the birth year, six random digits), and the tax code of an
 * organisation (10 digits, or 13 with a branch suffix). Pure; shared with the web app.
 */

/** A message in Vietnamese saying what is wrong with a personal id, or null when it is well formed. */
export function personalIdProblem(value: string): string | null {
  if (!/^\d{12}$/.test(value)) return 'Số định danh cá nhân phải gồm đúng 12 chữ số';
  const province = Number(value.slice(0, 3));
  if (province < 1 || province > 96) return 'Ba chữ số đầu của số định danh cá nhân phải là mã tỉnh từ 001 đến 096';
  return null;
}

/** The birth year a personal id encodes (its 4th digit gives the century: 0–1 1900s, 2–3 2000s, 4–5 2100s…). */
export function birthYearOf(personalId: string): number | null {
  if (personalIdProblem(personalId) !== null) return null;
  const centuryDigit = Number(personalId[3]);
  return 1900 + Math.floor(centuryDigit / 2) * 100 + Number(personalId.slice(4, 6));
}

/** A message for a malformed tax code (10 digits, or 10-3 with a branch), or null. */
export function taxCodeProblem(value: string): string | null {
  return /^\d{10}(-?\d{3})?$/.test(value) ? null : 'Mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số với mã chi nhánh';
}
