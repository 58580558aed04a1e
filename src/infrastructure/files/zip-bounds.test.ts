import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { zipBoundsProblem, type ZipLimits } from './zip-bounds.js';
import { zip } from '../../../test/support/zip.js';

const deflated = (text: string) => ({ data: deflateRawSync(Buffer.from(text)), size: Buffer.byteLength(text) });
const limits: ZipLimits = { maxEntries: 10, maxTotalBytes: 8 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024, maxRatio: 50 };

describe('zipBoundsProblem', () => {
  it('passes a workbook written by exceljs', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Thủ tục').addRow(['1.001193', 'Đăng ký khai sinh']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(zipBoundsProblem(bytes)).toBeNull();
  });

  it('refuses an entry that inflates beyond the limits, by its declared size, before inflating it', () => {
    const zeros = deflateRawSync(Buffer.alloc(6 * 1024 * 1024));
    expect(zipBoundsProblem(zip([{ name: 'xl/worksheets/sheet1.xml', data: zeros, size: 6 * 1024 * 1024 }]), limits)).toEqual({
      kind: 'limits',
      message: 'Một mục của tệp nén giải nén ra 6 MB, vượt giới hạn 4 MB.',
    });
    const two = zip([
      { name: 'a.xml', data: deflateRawSync(Buffer.alloc(3 * 1024 * 1024, 'a')), size: 3 * 1024 * 1024 },
      { name: 'b.xml', data: deflateRawSync(Buffer.alloc(3 * 1024 * 1024, 'b')), size: 3 * 1024 * 1024 },
      { name: 'c.xml', data: deflateRawSync(Buffer.alloc(3 * 1024 * 1024, 'c')), size: 3 * 1024 * 1024 },
    ]);
    expect(zipBoundsProblem(two, { ...limits, maxRatio: 1e9 })).toEqual({ kind: 'limits', message: expect.stringMatching(/giải nén ra hơn 8 MB/) });
    expect(zipBoundsProblem(two, limits)).toEqual({ kind: 'limits', message: expect.stringMatching(/tỷ lệ nén bất thường \(\d+:1\)/) });
  });

  it('refuses an entry that lies about its size after inflating no more than it claims', () => {
    const bomb = zip([{ name: 'xl/sharedStrings.xml', data: deflateRawSync(Buffer.alloc(3 * 1024 * 1024)), size: 1000 }]);
    expect(zipBoundsProblem(bomb, limits)).toEqual({ kind: 'limits', message: expect.stringMatching(/nhiều hơn kích thước khai báo/) });
  });

  it('refuses too many entries, a file that is no archive, and a broken directory', () => {
    const many = zip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.xml`, ...deflated('<x/>') })));
    expect(zipBoundsProblem(many, limits)).toEqual({ kind: 'limits', message: 'Tệp nén có 11 mục, vượt giới hạn 10 mục.' });
    expect(zipBoundsProblem(Buffer.from('not a zip at all, just text'), limits)).toEqual({
      kind: 'notZip',
      message: 'Tệp không phải tệp nén ZIP (xlsx, docx) đọc được.',
    });
    const ok = zip([{ name: 'a.xml', ...deflated('<a>xin chào</a>') }]);
    expect(zipBoundsProblem(ok, limits)).toBeNull();
    const broken = Buffer.from(ok);
    broken.writeUInt32LE(0, ok.length - 22 - 46 - 5); // the central entry's signature
    expect(zipBoundsProblem(broken, limits)).toEqual({ kind: 'corrupt', message: expect.stringMatching(/bị hỏng/) });
  });
});
