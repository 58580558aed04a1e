import { describe, expect, it } from 'vitest';
import { checkAttachment, formatFileSize, uploadJobs, type Attachment } from './attachments.js';

const file = (name: string, type: string, size: number) => ({ name, type, size });

describe('checkAttachment', () => {
  it('takes PDF, PNG and JPEG by extension, agreeing with the MIME type when the browser gives one', () => {
    expect(checkAttachment(file('to-khai.PDF', 'application/pdf', 1000))).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkAttachment(file('anh.jpeg', '', 1000))).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkAttachment(file('anh.jpg', 'image/jpeg', 1000))).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkAttachment(file('anh.png', 'image/png', 1000))).toEqual({ ok: true, contentType: 'image/png' });
  });

  it('refuses other types, a mismatched MIME type, empty and too large files, in Vietnamese', () => {
    expect(checkAttachment(file('ghi-chu.docx', 'application/msword', 1000))).toMatchObject({
      ok: false,
      message: expect.stringContaining('chỉ nhận tệp PDF, PNG hoặc JPEG'),
    });
    expect(checkAttachment(file('anh.png', 'application/pdf', 1000))).toMatchObject({ ok: false });
    expect(checkAttachment(file('khong-duoi', '', 1000))).toMatchObject({ ok: false });
    expect(checkAttachment(file('rong.pdf', 'application/pdf', 0))).toMatchObject({ ok: false, message: expect.stringContaining('rỗng') });
    expect(checkAttachment(file('lon.pdf', 'application/pdf', 10 * 1024 * 1024))).toMatchObject({ ok: true });
    expect(checkAttachment(file('lon.pdf', 'application/pdf', 10 * 1024 * 1024 + 1))).toMatchObject({
      ok: false,
      message: expect.stringContaining('vượt quá giới hạn 10 MB'),
    });
  });
});

describe('formatFileSize', () => {
  it('writes sizes with a Vietnamese decimal comma', () => {
    expect(formatFileSize(350 * 1024)).toBe('350 KB');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatFileSize(10)).toBe('1 KB');
  });
});

describe('uploadJobs', () => {
  it('sends only the files of papers declared as provided and having a code, in checklist order', () => {
    const a = (id: string): Attachment => ({ id, file: new File(['x'], `${id}.pdf`), contentType: 'application/pdf' });
    const components = [
      { code: 'P.TP1', name: 'Tờ khai', form: 'original' as const },
      { code: 'P.TP2', name: 'Giấy chứng sinh', form: 'copy' as const },
      { code: '', name: 'Không mã', form: 'original' as const },
    ];
    const provided = new Set(['P.TP1', '#3']);
    const jobs = uploadJobs(
      components,
      (c, i) => {
        const key = c.code || `#${i + 1}`;
        return { key, provided: provided.has(key) };
      },
      { 'P.TP1': [a('a'), a('b')], 'P.TP2': [a('c')], '#3': [a('d')] },
    );
    expect(jobs.map((j) => [j.componentCode, j.id, j.form, j.digitized])).toEqual([
      ['P.TP1', 'a', 'original', false],
      ['P.TP1', 'b', 'original', false],
    ]);
  });

  it('marks the desk’s scans as digitized, with the form of their component', () => {
    const scan: Attachment = { id: 's', file: new File(['x'], 'scan.pdf'), contentType: 'application/pdf' };
    const lines = [
      { code: 'TK', name: 'Tờ khai', form: 'original' as const, checked: true },
      { code: 'GCS', name: 'Giấy chứng sinh', form: 'certifiedCopy' as const, checked: false },
    ];
    const jobs = uploadJobs(lines, (line) => ({ key: line.code, provided: line.checked }), { TK: [scan], GCS: [{ ...scan, id: 't' }] }, { digitized: true });
    expect(jobs.map((j) => [j.componentCode, j.form, j.digitized])).toEqual([['TK', 'original', true]]);
  });
});
