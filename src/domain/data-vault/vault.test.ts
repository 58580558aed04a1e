import { describe, expect, it } from 'vitest';
import { offersFor, replacingCodes, reuseRefusal } from './vault.js';
import { birthYearOf, personalIdProblem, taxCodeProblem } from './personal-id.js';

const component = { code: '1.000894.TP2', replaceableBy: ['1.004873.KQ1'] };
const doc = (over: Partial<{ resultCode: string; validUntil: string | null; superseded: boolean }> = {}) => ({
  resultCode: '1.004873.KQ1',
  validUntil: null,
  superseded: false,
  ...over,
});

describe('reuse from a data vault', () => {
  it('meets a component with a current document of a listed type, valid through its last day', () => {
    expect(reuseRefusal(doc(), component, '2026-12-07')).toBeNull();
    expect(reuseRefusal(doc({ validUntil: '2026-12-07' }), component, '2026-12-07')).toBeNull();
  });
  it('refuses an expired or superseded document, and one of a type the component does not list', () => {
    expect(reuseRefusal(doc({ validUntil: '2026-12-06' }), component, '2026-12-07')).toBe('VAULT_DOCUMENT_EXPIRED');
    expect(reuseRefusal(doc({ superseded: true }), component, '2026-12-07')).toBe('VAULT_DOCUMENT_EXPIRED');
    expect(reuseRefusal(doc({ resultCode: '1.001193.KQ1' }), component, '2026-12-07')).toBe('VAULT_DOCUMENT_WRONG_TYPE');
    expect(reuseRefusal(doc(), { code: 'TP1' }, '2026-12-07')).toBe('VAULT_DOCUMENT_WRONG_TYPE');
  });
  it('offers per component only what fits, and asks a vault for the codes any component lists, once each', () => {
    const components = [component, { code: 'TP3', replaceableBy: ['1.001193.KQ1', '1.004873.KQ1'] }, { code: 'TP1' }];
    const docs = [
      { id: 'a', ...doc() },
      { id: 'b', ...doc({ validUntil: '2025-01-01' }) },
      { id: 'c', ...doc({ resultCode: '1.001193.KQ1' }) },
    ];
    const offers = offersFor(components, docs, '2026-12-07');
    expect([...offers.keys()]).toEqual(['1.000894.TP2', 'TP3']);
    expect(offers.get('1.000894.TP2')!.map((d) => d.id)).toEqual(['a']);
    expect(offers.get('TP3')!.map((d) => d.id)).toEqual(['a', 'c']);
    expect(replacingCodes(components)).toEqual(['1.004873.KQ1', '1.001193.KQ1']);
  });
});

describe('the numbers that key a vault', () => {
  it('checks the 12-digit personal id and its province of birth registration', () => {
    expect(personalIdProblem('020085003417')).toBeNull();
    expect(personalIdProblem('02008500341')).toMatch(/12 chữ số/);
    expect(personalIdProblem('02008500341a')).toMatch(/12 chữ số/);
    expect(personalIdProblem('000085003417')).toMatch(/mã tỉnh/);
    expect(personalIdProblem('099085003417')).toMatch(/mã tỉnh/);
  });
  it('reads the birth year from the century digit', () => {
    expect(birthYearOf('020085003417')).toBe(1985);
    expect(birthYearOf('001301008746')).toBe(2001);
    expect(birthYearOf('020203001239')).toBe(2003);
    expect(birthYearOf('12')).toBeNull();
  });
  it('checks a tax code of 10 digits, or 13 with a branch', () => {
    expect(taxCodeProblem('0101234567')).toBeNull();
    expect(taxCodeProblem('0101234567-001')).toBeNull();
    expect(taxCodeProblem('010123456')).not.toBeNull();
  });
});
