/** The citizen-facing pages of dossiers, and the dossier code as a citizen types it. */

/** /nop-ho-so/{procedure code}: the online submission form. */
export function submissionPagePath(procedureCode: string): string {
  return `/nop-ho-so/${encodeURIComponent(procedureCode)}`;
}

export const MY_DOSSIERS_PAGE = '/tai-khoan/ho-so';

export function myDossierPagePath(id: string): string {
  return `${MY_DOSSIERS_PAGE}/${encodeURIComponent(id)}`;
}

export const DOSSIER_LOOKUP_PAGE = '/tra-cuu-ho-so';

/**
 * /tra-cuu-ho-so/{code}: the public status. The QR code on the receipt encodes this address, so it must
 * stay exactly this shape (a dossier code has only digits, capitals, dots and hyphens: nothing to escape).
 */
export function publicStatusPagePath(code: string, lookupKey?: string | null): string {
  return `${DOSSIER_LOOKUP_PAGE}/${encodeURIComponent(code)}${lookupKey ? `?key=${encodeURIComponent(lookupKey)}` : ''}`;
}

/** A lookup key as typed: capitals, no spaces (the receipt prints 8 letters and digits). */
export function normalizeLookupKey(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

/** The eID (VNeID) login that comes back to `returnTo`, a path on this site. */
export function vneidLoginUrl(returnTo: string): string {
  return `/api/v1/auth/oidc/start?${new URLSearchParams({ returnTo }).toString()}`;
}

/**
 * A dossier code as typed or pasted: spaces and line breaks dropped (a code copied from a PDF may be split),
 * letters in capitals ("h37" → "H37"), dashes of any kind as "-".
 */
export function normalizeDossierCode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** `{unit code}-{YYMMDD}-{sequence}`, e.g. 000.00.31.H37-261122-0001. */
export const DOSSIER_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$/;

export function isDossierCode(code: string): boolean {
  return DOSSIER_CODE_PATTERN.test(code);
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Dossier ids are UUIDs; anything else in the address is a page that cannot exist. */
export function isDossierId(id: string): boolean {
  return UUID_PATTERN.test(id);
}
