import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundedEditDistance, foldVietnamese, SearchIndex } from './search.js';

const names = [
  ['1.009974', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ'],
  ['1.001193', 'Đăng ký khai sinh'],
  ['2.000635', 'Cấp bản sao trích lục hộ tịch'],
  ['1.002587', 'Cấp giấy chứng nhận đăng ký hộ kinh doanh'],
  ['1.004227', 'Đăng ký kết hôn'],
  ['2.000908', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản'],
  ['1.001758', 'Cấp phiếu lý lịch tư pháp cho công dân Việt Nam'],
] as const;
const index = new SearchIndex(
  names.map(([id, name]) => ({
    id,
    fields: [
      { text: name, weight: 3 },
      { text: id, weight: 2 },
    ],
  })),
);
const ids = (q: string) => index.search(q).map((h) => h.id);

describe('catalogue search', () => {
  it('folds Vietnamese: no diacritics, đ → d, lower case', () => {
    expect(foldVietnamese('Đăng ký KHAI SINH – Giấy phép')).toBe('dang ky khai sinh giay phep');
    // Precomposed and combining forms fold the same way.
    expect(foldVietnamese('xây dựng'.normalize('NFD'))).toBe(foldVietnamese('xây dựng'.normalize('NFC')));
  });

  it('finds "Cấp giấy phép xây dựng" with or without diacritics, and with a typo', () => {
    for (const q of ['giay phep xay dung', 'giấy phép xây dựng', 'giay phep xay dng', 'GIAY PHEP XAY DUNG', 'giay phep xay dun']) {
      expect(ids(q)[0], q).toBe('1.009974');
    }
  });

  it('requires every word to match, ranks exact matches first and finds codes', () => {
    expect(ids('dang ky ket hon')).toEqual(['1.004227']);
    expect(ids('khai sinh')).toEqual(['1.001193']);
    expect(ids('1.001758')).toEqual(['1.001758']);
    // Codes are matched exactly or by prefix, never fuzzily: 1.001758 must not find 1.001193.
    expect(ids('1.0017')).toEqual(['1.001758']);
    expect(ids('ly lich tu phap')).toEqual(['1.001758']);
    expect(ids('dang ky')[0]).toMatch(/^1\.00(1193|4227|2587)$/);
    expect(ids('khai tử')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('bounded edit distance agrees with the plain definition up to the bound', () => {
    const plain = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
      for (let j = 1; j <= b.length; j++) d[0]![j] = j;
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      return d[a.length]![b.length]!;
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(boundedEditDistance(a, b, max)).toBe(Math.min(plain(a, b), max + 1));
      }),
    );
  });
});

describe('ranking', () => {
  it('prefers names where the words follow each other as typed, then shorter names', () => {
    const index = new SearchIndex([
      { id: 'contractor', fields: [{ text: 'Cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài', weight: 3 }] },
      { id: 'house', fields: [{ text: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', weight: 3 }] },
      { id: 'short', fields: [{ text: 'Cấp giấy phép xây dựng', weight: 3 }] },
    ]);
    expect(index.search('giay phep xay dung').map((h) => h.id)).toEqual(['short', 'house', 'contractor']);
    expect(index.search('giay phep xay dng').map((h) => h.id)).toEqual(['short', 'house', 'contractor']);
  });
});
