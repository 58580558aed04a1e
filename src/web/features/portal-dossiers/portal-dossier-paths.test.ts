import { describe, expect, it } from 'vitest';
import {
  isDossierCode,
  isDossierId,
  myDossierPagePath,
  normalizeDossierCode,
  normalizeLookupKey,
  publicStatusPagePath,
  submissionPagePath,
  vneidLoginUrl,
} from './portal-dossier-paths.js';

describe('page paths', () => {
  it('keeps the public status address exactly /tra-cuu-ho-so/{code}, as the QR code on the receipt holds it', () => {
    expect(publicStatusPagePath('000.00.31.H37-261122-0001')).toBe('/tra-cuu-ho-so/000.00.31.H37-261122-0001');
    // With the lookup key, as the QR code on the receipt holds it, to show the detail.
    expect(publicStatusPagePath('000.00.31.H37-261122-0001', 'A1B2C3D4')).toBe('/tra-cuu-ho-so/000.00.31.H37-261122-0001?key=A1B2C3D4');
    expect(normalizeLookupKey(' a1b2 c3d4 ')).toBe('A1B2C3D4');
  });

  it('builds the submission and "my dossier" pages', () => {
    expect(submissionPagePath('1.001193')).toBe('/nop-ho-so/1.001193');
    expect(myDossierPagePath('0b7c6f4e-3a55-4a57-9a43-3c1f7b0c2d11')).toBe('/tai-khoan/ho-so/0b7c6f4e-3a55-4a57-9a43-3c1f7b0c2d11');
  });

  it('sends the eID login back to the page, escaped once as a query value', () => {
    expect(vneidLoginUrl('/nop-ho-so/1.001193')).toBe('/api/v1/auth/oidc/start?returnTo=%2Fnop-ho-so%2F1.001193');
    const back = new URL(vneidLoginUrl('/tai-khoan/ho-so'), 'http://x').searchParams.get('returnTo');
    expect(back).toBe('/tai-khoan/ho-so');
  });
});

describe('normalizeDossierCode', () => {
  it('accepts a code typed in lower case, with spaces, line breaks or typographic dashes', () => {
    expect(normalizeDossierCode('  000.00.31.h37-261122-0001 ')).toBe('000.00.31.H37-261122-0001');
    expect(normalizeDossierCode('000.00.31.H37 - 261122 -\n0001')).toBe('000.00.31.H37-261122-0001');
    expect(normalizeDossierCode('000.00.31.H37–261122—0001')).toBe('000.00.31.H37-261122-0001');
    expect(normalizeDossierCode('０００.００.31.H37-261122-0001')).toBe('000.00.31.H37-261122-0001');
  });

  it('leaves nothing for blank input', () => {
    expect(normalizeDossierCode('   ')).toBe('');
  });
});

describe('code and id shapes', () => {
  it('recognises {unit}-{YYMMDD}-{sequence}', () => {
    expect(isDossierCode('000.00.31.H37-261122-0001')).toBe(true);
    expect(isDossierCode('000.00.31.H37-261122-12345')).toBe(true);
    expect(isDossierCode('000.00.31.H37-2611-0001')).toBe(false);
    expect(isDossierCode('khong-co')).toBe(false);
  });

  it('recognises dossier ids (UUIDs) only', () => {
    expect(isDossierId('0b7c6f4e-3a55-4a57-9a43-3c1f7b0c2d11')).toBe(true);
    expect(isDossierId('000.00.31.H37-261122-0001')).toBe(false);
    expect(isDossierId('')).toBe(false);
  });
});
