import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFileStore, imageDimensions, sniffFileType } from './file-store.js';

describe('content-addressed file store', () => {
  it('stores a file once under its sha256 and reads it back', async () => {
    const root = mkdtempSync(join(tmpdir(), 'motcua-files-'));
    const store = new LocalFileStore(root);
    const bytes = Buffer.from('%PDF-1.7 nội dung thử');
    const a = await store.put(bytes);
    const b = await store.put(Buffer.from(bytes));
    expect(a).toEqual(b);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await store.read(a.sha256))?.equals(bytes)).toBe(true);
    expect(readdirSync(join(root, a.sha256.slice(0, 2), a.sha256.slice(2, 4)))).toEqual([a.sha256]); // no temporary left
    expect(await store.read('0'.repeat(64))).toBeNull();
    expect(await store.read('../../etc/passwd')).toBeNull();
  });

  it('judges a file by its first bytes', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.4'))).toBe('pdf');
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffFileType(Buffer.from('MZ executable named hoso.pdf'))).toBeNull();
  });

  it("reads an image's size from its header without decoding it", () => {
    const png = (w: number, h: number) => {
      const b = Buffer.alloc(33);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(b);
      b.write('IHDR', 12, 'latin1');
      b.writeUInt32BE(w, 16);
      b.writeUInt32BE(h, 20);
      return b;
    };
    expect(imageDimensions(png(2480, 3508))).toEqual({ width: 2480, height: 3508 });
    expect(imageDimensions(png(100_000, 100_000))).toEqual({ width: 100_000, height: 100_000 });
    expect(imageDimensions(png(1, 1).subarray(0, 16))).toBeNull();
    // JPEG: SOI, an APP0 segment, a DQT segment, then SOF2 (progressive) with height 3000 and width 4000.
    const app0 = [0xff, 0xe0, 0, 16, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const dqt = [0xff, 0xdb, 0, 4, 0, 0];
    const sof2 = [0xff, 0xc2, 0, 11, 8, 3000 >> 8, 3000 & 255, 4000 >> 8, 4000 & 255, 1, 1, 0x11, 0];
    expect(imageDimensions(Buffer.from([0xff, 0xd8, ...app0, ...dqt, ...sof2]))).toEqual({ width: 4000, height: 3000 });
    expect(imageDimensions(Buffer.from([0xff, 0xd8, ...app0, 0xff, 0xda, 0, 2]))).toBeNull(); // scan before any frame
    expect(imageDimensions(Buffer.from('%PDF-1.4'))).toBeNull();
  });
});
