import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFileStore, sniffFileType } from './file-store.js';

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
});
