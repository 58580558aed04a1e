import { describe, expect, it } from 'vitest';
import { createPersonalDataCipher, PersonalDataKeyError } from './personal-data-cipher.js';

const KEY = 'k'.repeat(32) + ' current';
const OLD = 'o'.repeat(32) + ' previous';

describe('personal data cipher', () => {
  const cipher = createPersonalDataCipher(KEY);

  it('seals an ID number so that the stored form holds no trace of it, and opens it again', () => {
    const a = cipher.seal('020085003417');
    const b = cipher.seal('020085003417');
    expect(a).toMatch(/^pd1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b); // a fresh IV each time: equal IDs are not equal at rest
    expect(a).not.toContain('020085003417');
    expect(Buffer.from(a.split('.')[2]!, 'base64url').toString('latin1')).not.toContain('020085003417');
    expect(cipher.open(a)).toBe('020085003417');
    expect(cipher.open(b)).toBe('020085003417');
    expect(cipher.isCurrent(a)).toBe(true);
  });

  it('gives equal IDs the same lookup key, distinct IDs distinct ones, and another key other lookups', () => {
    expect(cipher.lookupKey('020085003417')).toBe(cipher.lookupKey('020085003417'));
    expect(cipher.lookupKey('020085003417')).not.toBe(cipher.lookupKey('020085003418'));
    expect(createPersonalDataCipher(OLD).lookupKey('020085003417')).not.toBe(cipher.lookupKey('020085003417'));
  });

  it('refuses an altered value or an unknown key, and says so without the value', () => {
    const sealed = cipher.seal('001301008746');
    const body = Buffer.from(sealed.split('.')[2]!, 'base64url');
    body[14] = body[14]! ^ 1;
    const altered = `${sealed.split('.').slice(0, 2).join('.')}.${body.toString('base64url')}`;
    expect(() => cipher.open(altered)).toThrow(PersonalDataKeyError);
    expect(() => createPersonalDataCipher(OLD).open(sealed)).toThrow(/neither PERSONAL_DATA_KEY/);
    expect(() => cipher.open('pd1.00000000')).toThrow(PersonalDataKeyError);
    expect(() => cipher.open('hello')).toThrow(/neither sealed/);
    try {
      cipher.open(altered);
    } catch (error) {
      expect(String(error)).not.toContain('001301008746');
    }
  });

  it('opens what an earlier key sealed after a rotation, and tells it is not current', () => {
    const old = createPersonalDataCipher(OLD).seal('020192006852');
    const rotated = createPersonalDataCipher(KEY, [OLD]);
    expect(rotated.open(old)).toBe('020192006852');
    expect(rotated.isCurrent(old)).toBe(false);
  });

  it('reads an ID number stored in clear before sealing began, as not current', () => {
    expect(cipher.open('020203001239')).toBe('020203001239');
    expect(cipher.isCurrent('020203001239')).toBe(false);
  });
});
