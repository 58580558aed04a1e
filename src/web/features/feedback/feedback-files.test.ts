import { describe, expect, it } from 'vitest';
import {
  addFiles,
  attachmentInput,
  base64Length,
  checkFeedbackFile,
  FEEDBACK_BASE64_MAX_CHARS,
  FEEDBACK_FILE_MAX_BYTES,
  fitsFeedbackLimit,
} from './feedback-files.js';

const MB = 1024 * 1024;
const file = (name: string, size: number, type = '') => new File([new Uint8Array(size)], name, { type });

describe('the size of a file in base64', () => {
  it('is four characters for every three bytes, padded', () => {
    expect(base64Length(0)).toBe(0);
    expect(base64Length(1)).toBe(4);
    expect(base64Length(3)).toBe(4);
    expect(base64Length(4)).toBe(8);
    expect(base64Length(FEEDBACK_FILE_MAX_BYTES)).toBeLessThanOrEqual(FEEDBACK_BASE64_MAX_CHARS);
  });

  it('takes files of 1 byte to 5 MB', () => {
    expect(fitsFeedbackLimit(0)).toBe(false);
    expect(fitsFeedbackLimit(1)).toBe(true);
    expect(fitsFeedbackLimit(5 * MB)).toBe(true);
    expect(fitsFeedbackLimit(5 * MB + 1)).toBe(false);
  });
});

describe('a chosen file', () => {
  it('is PDF, PNG or JPEG, not empty, at most 5 MB; the type is judged first', () => {
    expect(checkFeedbackFile({ name: 'don.pdf', type: 'application/pdf', size: 1000 })).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkFeedbackFile({ name: 'anh.JPG', type: '', size: 1000 })).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkFeedbackFile({ name: 'so-lieu.xlsx', type: '', size: 20 * MB })).toMatchObject({
      ok: false,
      message: expect.stringContaining('PDF, PNG hoặc JPEG'),
    });
    expect(checkFeedbackFile({ name: 'rong.png', type: 'image/png', size: 0 })).toMatchObject({ ok: false, message: expect.stringContaining('rỗng') });
    expect(checkFeedbackFile({ name: 'lon.pdf', type: 'application/pdf', size: 6 * MB })).toEqual({
      ok: false,
      message: 'Tệp "lon.pdf" có dung lượng 6 MB, vượt quá giới hạn 5 MB.',
    });
  });

  it('is added up to the limit, once, with the reasons of those refused', () => {
    let n = 0;
    const id = () => `f${++n}`;
    const first = addFiles([], [file('a.pdf', 10), file('b.png', 10), file('c.txt', 10)], 3, id);
    expect(first.files.map((f) => f.file.name)).toEqual(['a.pdf', 'b.png']);
    expect(first.problems).toHaveLength(1);
    const second = addFiles(first.files, [file('a.pdf', 10), file('d.jpg', 10), file('e.jpg', 10)], 3, id);
    expect(second.files.map((f) => f.file.name)).toEqual(['a.pdf', 'b.png', 'd.jpg']);
    expect(second.problems).toEqual(['Tệp "a.pdf" đã được chọn.', 'Chỉ đính kèm tối đa 3 tệp: tệp "e.jpg" chưa được thêm.']);
  });

  it('is sent as base64 with its name and type', async () => {
    const pdf = new File([new TextEncoder().encode('%PDF-1.4 Số hóa')], 'don.pdf', { type: 'application/pdf' });
    expect(await attachmentInput({ id: 'x', file: pdf, contentType: 'application/pdf' })).toEqual({
      name: 'don.pdf',
      contentType: 'application/pdf',
      data: Buffer.from('%PDF-1.4 Số hóa').toString('base64'),
    });
  });
});
