/**
 * AES-256-GCM sealing of personal data, with an HMAC-SHA256 lookup key. Both keys are derived from one secret
 * (PERSONAL_DATA_KEY) with distinct labels; the key id in each sealed value (8 hex of a third derivation) says
 * which secret sealed it, so a rotated key can still open what the previous one sealed
 * (PERSONAL_DATA_PREVIOUS_KEYS) until `motcua personal-data reseal` has rewritten it. The secret is not in the
 * database nor in its backups: lose it and the ID numbers are lost with it.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config/env.js';

/** What use cases seal, open and look up personal data with (application/personal-data.ts). */
export interface PersonalDataCipher {
  /** The stored form of a clear value: `pd1.<key id>.<iv, ciphertext and tag>`, different at every call. */
  seal(clear: string): string;
  /** The clear value of a stored one. A value stored before sealing began (12 digits) is returned as it is. */
  open(stored: string): string;
  /** The keyed hash a clear value is looked up by (equal values, equal hashes; useless without the key). */
  lookupKey(clear: string): string;
  /** Whether a stored value is sealed under the current key (else it is clear or sealed under an earlier key). */
  isCurrent(stored: string): boolean;
}

const PREFIX = 'pd1';
const AAD = Buffer.from('motcua personal data v1');
const LEGACY_CLEAR = /^[0-9]{12}$/;

interface DerivedKey {
  id: string;
  encryption: Buffer;
  lookup: Buffer;
}

function derive(secret: string): DerivedKey {
  const label = (what: string) => createHmac('sha256', secret).update(`motcua personal data ${what}`).digest();
  return { id: label('key id').toString('hex').slice(0, 8), encryption: label('encryption'), lookup: label('lookup') };
}

export class PersonalDataKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonalDataKeyError';
  }
}

export function createPersonalDataCipher(secret: string, previousSecrets: readonly string[] = []): PersonalDataCipher {
  const current = derive(secret);
  const keys = new Map<string, DerivedKey>([[current.id, current], ...previousSecrets.map((s) => derive(s)).map((k) => [k.id, k] as const)]);
  return {
    seal(clear) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.encryption, iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([iv, cipher.update(clear, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}.${current.id}.${body.toString('base64url')}`;
    },
    open(stored) {
      if (LEGACY_CLEAR.test(stored)) return stored; // stored before sealing began; resealed at the next start
      const [prefix, id, data] = stored.split('.');
      if (prefix !== PREFIX || !id || !data) throw new PersonalDataKeyError('a stored personal value is neither sealed nor a legacy ID number');
      const key = keys.get(id);
      if (!key)
        throw new PersonalDataKeyError(`personal data sealed under key ${id}, which is neither PERSONAL_DATA_KEY nor one of PERSONAL_DATA_PREVIOUS_KEYS`);
      const body = Buffer.from(data, 'base64url');
      if (body.length < 12 + 16) throw new PersonalDataKeyError('a sealed personal value is truncated');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.encryption, body.subarray(0, 12));
        decipher.setAAD(AAD);
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        throw new PersonalDataKeyError(`a personal value sealed under key ${id} fails its authentication: altered, or the key is wrong`);
      }
    },
    lookupKey(clear) {
      return createHmac('sha256', current.lookup).update(clear).digest('base64url');
    },
    isCurrent(stored) {
      return stored.startsWith(`${PREFIX}.${current.id}.`);
    },
  };
}

/** The cipher of a configuration (PERSONAL_DATA_KEY, PERSONAL_DATA_PREVIOUS_KEYS). */
export const personalDataCipherOf = (config: Pick<AppConfig, 'personalData'>): PersonalDataCipher =>
  createPersonalDataCipher(config.personalData.key, config.personalData.previousKeys);
