import { describe, expect, it } from 'vitest';
import type { DossierFile } from '../../shared/dossier-files-api.js';
import { describeFile, filesByComponent } from './component-files.js';

const file = (id: string, componentCode: string, digitized: boolean): DossierFile => ({
  id,
  componentCode,
  fileName: `${id}.pdf`,
  contentType: 'application/pdf',
  sha256: '0'.repeat(64),
  size: 2048,
  pages: 1,
  signature: null,
  form: 'original',
  digitized,
  reused: false,
  fromNationalVault: false,
  digitizedFrom: null,
  validUntil: null,
  uploadedAt: '2026-11-23T09:00:00+07:00',
  uploadedBy: 'official',
  uploaderName: 'Đinh Thị Hương',
});

describe('files by component', () => {
  const components = [
    { code: 'TK', name: 'Tờ khai', form: 'original', copies: 1 },
    { code: 'GCS', name: 'Giấy chứng sinh', form: 'original', copies: 1 },
    { code: 'UQ', name: 'Văn bản ủy quyền', form: 'copy', copies: 1 },
  ];

  it('says which components are digitized, have only an electronic copy, or are on paper only', () => {
    const { components: rows, others } = filesByComponent(components, [
      file('a', 'TK', true),
      file('b', 'GCS', false),
      file('c', 'TK', false),
      file('d', 'X', true),
    ]);
    expect(rows.map((r) => [r.component.code, r.state, r.files.map((f) => f.id)])).toEqual([
      ['TK', 'digitized', ['a', 'c']],
      ['GCS', 'electronic', ['b']],
      ['UQ', 'paper', []],
    ]);
    expect(others.map((f) => f.id)).toEqual(['d']);
  });

  it('describes a file by type, size, pages and origin', () => {
    expect(describeFile(file('a', 'TK', true))).toBe('PDF · 2 KB · 1 trang · bản số hóa từ giấy');
    expect(describeFile({ contentType: 'image/png', size: 1.5 * 1024 * 1024, pages: null, digitized: false })).toBe('PNG · 1,5 MB · bản điện tử');
    // Issue 20: a scan signed at the desk says what paper it was made from.
    expect(describeFile({ ...file('a', 'TK', true), pages: 2, digitizedFrom: 'certifiedCopy' })).toBe(
      'PDF · 2 KB · 2 trang · bản số hóa từ bản sao có chứng thực',
    );
    expect(describeFile({ ...file('a', 'TK', true), digitizedFrom: null })).toBe('PDF · 2 KB · 1 trang · bản số hóa từ giấy');
  });
});
