import { describe, expect, it } from 'vitest';
import { missingMandatoryComponents } from './intake.js';

const components = [
  { code: 'TK', name: 'Tờ khai', required: true },
  { code: 'GCS', name: 'Giấy chứng sinh', required: true },
  { code: 'UQ', name: 'Văn bản ủy quyền', required: false },
];

describe('missingMandatoryComponents', () => {
  it('lists the mandatory components not received, in the procedure order', () => {
    expect(missingMandatoryComponents(components, [{ code: 'UQ', copies: 1 }])).toEqual([
      { code: 'TK', name: 'Tờ khai' },
      { code: 'GCS', name: 'Giấy chứng sinh' },
    ]);
  });

  it('is empty once every mandatory component is received; optional ones may be missing', () => {
    expect(
      missingMandatoryComponents(components, [
        { code: 'GCS', copies: 2 },
        { code: 'TK', copies: 1 },
      ]),
    ).toEqual([]);
  });

  it('does not count a component received with no copy', () => {
    expect(
      missingMandatoryComponents(components, [
        { code: 'TK', copies: 0 },
        { code: 'GCS', copies: 1 },
      ]),
    ).toEqual([{ code: 'TK', name: 'Tờ khai' }]);
  });
});
