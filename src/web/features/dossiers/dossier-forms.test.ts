import { describe, expect, it } from 'vitest';
import { availableForms, formPath } from './dossier-forms.js';

const history = (...types: string[]) => types.map((type) => ({ type }));

describe('dossier forms', () => {
  it('has no form before the dossier is accepted, except a refusal or a supplement request at reception', () => {
    expect(availableForms({ acceptedAt: null, history: [] })).toEqual([]);
    expect(availableForms({ acceptedAt: null, history: history('requestSupplementAtReception', 'resubmit', 'refuse') })).toEqual(['02', '03']);
  });

  it('offers the receipt and the control slip once accepted, then each notice after its action', () => {
    const accepted = '2026-11-23T09:00:00+07:00';
    expect(availableForms({ acceptedAt: accepted, history: history('accept') })).toEqual(['01', '06']);
    expect(availableForms({ acceptedAt: accepted, history: history('accept', 'requestSupplement', 'apologize', 'stop') })).toEqual([
      '01',
      '02',
      '04',
      '05',
      '06',
    ]);
  });

  it('links to the PDF of the form', () => {
    expect(formPath('a2d4', '01')).toBe('/api/v1/dossiers/a2d4/forms/01.pdf');
  });
});
