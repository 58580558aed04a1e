import { describe, expect, it } from 'vitest';
import { fileNameOf } from './api.js';

describe('the file name a download suggests', () => {
  it('reads the plain, quoted and extended forms', () => {
    expect(fileNameOf('attachment; filename="bao-cao-giai-quyet-000.00.00.H37-2026-01-01-2026-12-31.xlsx"')).toBe(
      'bao-cao-giai-quyet-000.00.00.H37-2026-01-01-2026-12-31.xlsx',
    );
    expect(fileNameOf('inline; filename=bao-cao.pdf')).toBe('bao-cao.pdf');
    expect(fileNameOf('attachment; filename="x.xlsx"; filename*=UTF-8\'\'b%C3%A1o-c%C3%A1o.xlsx')).toBe('báo-cáo.xlsx');
  });

  it('gives null without a name', () => {
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('attachment')).toBeNull();
  });
});
