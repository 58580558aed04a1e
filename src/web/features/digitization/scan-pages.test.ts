import { describe, expect, it } from 'vitest';
import {
  addPages,
  checkDigitize,
  firstDigitizeError,
  movePage,
  pageLabel,
  removePage,
  SCAN_MAX_PAGES,
  toBase64,
  type DigitizeValues,
  type ScanPage,
} from './scan-pages.js';

type Fake = { name: string; type: string; size: number };
const png = (name: string, size = 12 * 1024): { id: string; file: Fake } => ({ id: name, file: { name, type: 'image/png', size } });
const pdf = (name: string): { id: string; file: Fake } => ({ id: name, file: { name, type: 'application/pdf', size: 40 * 1024 } });
const TODAY = '2026-11-23';
const ready: DigitizeValues = { componentCode: '1.000894.TP1', from: 'original', validUntil: '', matchesOriginal: true };

describe('the scanner’s pages', () => {
  it('adds images one by one, in order', () => {
    const first = addPages<Fake>([], [png('trang-1.png')]);
    const second = addPages(first.pages, [png('trang-2.png'), { id: 'c', file: { name: 'trang-3.jpg', type: 'image/jpeg', size: 9000 } }]);
    expect(second.problems).toEqual([]);
    expect(second.pages.map((p) => [p.file.name, p.contentType])).toEqual([
      ['trang-1.png', 'image/png'],
      ['trang-2.png', 'image/png'],
      ['trang-3.jpg', 'image/jpeg'],
    ]);
  });

  it('takes one PDF alone, never mixed with images, and says why not', () => {
    const one = addPages<Fake>([], [pdf('to-khai.pdf')]);
    expect(one.pages).toHaveLength(1);
    const more = addPages(one.pages, [png('trang.png'), pdf('khac.pdf')]);
    expect(more.pages).toHaveLength(1);
    expect(more.problems).toHaveLength(2);
    expect(more.problems[0]).toContain('không trộn PDF với ảnh');
    expect(addPages<Fake>([], [{ id: 'x', file: { name: 'ghi-chu.txt', type: 'text/plain', size: 10 } }]).problems[0]).toContain('không đúng định dạng');
  });

  it('stops at the server’s page limit', () => {
    const many = addPages<Fake>(
      [],
      Array.from({ length: SCAN_MAX_PAGES + 2 }, (_, i) => png(`trang-${i + 1}.png`)),
    );
    expect(many.pages).toHaveLength(SCAN_MAX_PAGES);
    expect(many.problems).toHaveLength(2);
  });

  it('moves a page earlier or later, not past the ends, and removes one', () => {
    const pages = ['a', 'b', 'c'].map((id) => ({ id }));
    expect(movePage(pages, 2, -1).map((p) => p.id)).toEqual(['a', 'c', 'b']);
    expect(movePage(pages, 0, 1).map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(movePage(pages, 0, -1).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(movePage(pages, 2, 1).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(removePage(pages, 'b').map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('labels each page with its place, name, type and size', () => {
    const page: ScanPage<Fake> = { id: 'a', file: { name: 'trang-2.png', type: 'image/png', size: 12 * 1024 }, contentType: 'image/png' };
    expect(pageLabel(page, 1, 3)).toBe('Trang 2/3: trang-2.png (PNG · 12 KB)');
    expect(pageLabel({ ...page, file: { ...page.file, name: 'to-khai.pdf' }, contentType: 'application/pdf' }, 0, 1)).toBe(
      'Tệp PDF: to-khai.pdf (PDF · 12 KB)',
    );
  });
});

describe('the digitization request', () => {
  const pages = addPages<Fake>([], [png('trang-1.png'), png('trang-2.png')]).pages;

  it('needs the component, pages, the paper scanned and the statement that the copy matches, all problems at once', () => {
    const result = checkDigitize({ componentCode: '', from: '', validUntil: '31/02/2030', matchesOriginal: false }, [], TODAY);
    expect(result).toEqual({
      ok: false,
      errors: {
        componentCode: 'Chọn thành phần hồ sơ được số hóa.',
        pages: 'Thêm trang quét: một tệp PDF hoặc ảnh PNG, JPEG của từng trang.',
        from: 'Chọn loại giấy tờ đã quét.',
        validUntil: 'Nhập ngày dạng ngày/tháng/năm, ví dụ 31/12/2030.',
        matchesOriginal: 'Cần xác nhận bản số hóa đúng với bản gốc trước khi ký số.',
      },
    });
    expect(firstDigitizeError(result.ok ? {} : result.errors)).toBe('componentCode');
    expect(firstDigitizeError({ matchesOriginal: 'x' })).toBe('matchesOriginal');
  });

  it('refuses a validity already past, a year alone, and more than 10 MB of pages', () => {
    expect(checkDigitize({ ...ready, validUntil: '01/01/2020' }, pages, TODAY)).toMatchObject({
      ok: false,
      errors: { validUntil: expect.stringContaining('hết hiệu lực') },
    });
    expect(checkDigitize({ ...ready, validUntil: '2030' }, pages, TODAY)).toMatchObject({ ok: false, errors: { validUntil: expect.any(String) } });
    const big = addPages<Fake>([], [png('a.png', 6 * 1024 * 1024), png('b.png', 6 * 1024 * 1024)]).pages;
    expect(checkDigitize(ready, big, TODAY)).toMatchObject({ ok: false, errors: { pages: 'Tổng dung lượng các trang quét không quá 10 MB.' } });
  });

  it('builds the request with the validity as yyyy-MM-dd, or null for a paper without an end', () => {
    expect(checkDigitize(ready, pages, TODAY)).toEqual({
      ok: true,
      body: { componentCode: '1.000894.TP1', from: 'original', matchesOriginal: true, validUntil: null },
    });
    expect(checkDigitize({ ...ready, from: 'certifiedCopy', validUntil: '31/12/2030' }, pages, TODAY)).toMatchObject({
      ok: true,
      body: { from: 'certifiedCopy', validUntil: '2030-12-31' },
    });
  });

  it('encodes the bytes as base64, large files included', () => {
    expect(toBase64(new TextEncoder().encode('Số hóa'))).toBe(Buffer.from('Số hóa').toString('base64'));
    const large = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(toBase64(large)).toBe(Buffer.from(large).toString('base64'));
  });
});
