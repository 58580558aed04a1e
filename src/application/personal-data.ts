/**
 * Personal data at rest (Decree 13/2023, TCVN 11930 level 3): a citizen's ID number is stored sealed, never in
 * clear, and found again by a keyed hash. Use cases receive the cipher (infrastructure/crypto/personal-data-cipher.ts,
 * a key from configuration) and seal, open and look up with these helpers.
 */
import type { PersonalDataCipher } from '../infrastructure/crypto/personal-data-cipher.js';

export type { PersonalDataCipher };

export const sealOrNull = (cipher: PersonalDataCipher, clear: string | null | undefined): string | null => (clear ? cipher.seal(clear) : null);
export const openOrNull = (cipher: PersonalDataCipher, stored: string | null | undefined): string | null => (stored ? cipher.open(stored) : null);

export const sealApplicant = <T extends { personalId: string | null }>(cipher: PersonalDataCipher, applicant: T): T => ({
  ...applicant,
  personalId: sealOrNull(cipher, applicant.personalId),
});
export const openApplicant = <T extends { personalId: string | null }>(cipher: PersonalDataCipher, applicant: T): T => ({
  ...applicant,
  personalId: openOrNull(cipher, applicant.personalId),
});
