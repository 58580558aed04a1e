/**
 * Bounds on a ZIP-based upload (xlsx, docx) before any library inflates it: a "zip bomb" of a few hundred
 * kilobytes can inflate to gigabytes. The central directory is read first (entry count, declared sizes,
 * compression ratio); then every entry is inflated once, capped at its declared size, so an entry that lies
 * about its size is caught after at most that many bytes. Memory stays within the largest allowed entry.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Most entries. */
  maxEntries: number;
  /** Most bytes of all entries inflated. */
  maxTotalBytes: number;
  /** Most bytes of one entry inflated. */
  maxEntryBytes: number;
  /** Largest inflated / compressed ratio of an entry over 1 MiB (ordinary spreadsheets stay well under 100). */
  maxRatio: number;
}

export const OFFICE_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxTotalBytes: 100 * 1024 * 1024, maxEntryBytes: 50 * 1024 * 1024, maxRatio: 200 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MiB = 1024 * 1024;

const mb = (n: number) => `${(n / MiB).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/** What is wrong with an archive: not a ZIP at all, damaged, or beyond the limits (a possible bomb). */
export interface ZipProblem {
  kind: 'notZip' | 'corrupt' | 'limits';
  /** In Vietnamese, for the person who sent the file. */
  message: string;
}

/** null when the archive is within `limits`; otherwise what is wrong. */
export function zipBoundsProblem(bytes: Buffer, limits: ZipLimits = OFFICE_ZIP_LIMITS): ZipProblem | null {
  const notZip = (message: string): ZipProblem => ({ kind: 'notZip', message });
  const corrupt = (message: string): ZipProblem => ({ kind: 'corrupt', message });
  const limit = (message: string): ZipProblem => ({ kind: 'limits', message });
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return notZip('Tệp không phải tệp nén ZIP (xlsx, docx) đọc được.');
  const entries = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryAt = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryAt === 0xffffffff) return limit('Tệp nén dạng ZIP64 không được hỗ trợ.');
  if (entries > limits.maxEntries)
    return limit(`Tệp nén có ${entries.toLocaleString('vi-VN')} mục, vượt giới hạn ${limits.maxEntries.toLocaleString('vi-VN')} mục.`);
  if (directoryAt + directorySize > eocd) return corrupt('Tệp nén bị hỏng (danh mục trung tâm không hợp lệ).');

  let total = 0;
  let at = directoryAt;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return corrupt('Tệp nén bị hỏng (danh mục trung tâm không hợp lệ).');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const localAt = bytes.readUInt32LE(at + 42);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (size > limits.maxEntryBytes) return limit(`Một mục của tệp nén giải nén ra ${mb(size)}, vượt giới hạn ${mb(limits.maxEntryBytes)}.`);
    total += size;
    if (total > limits.maxTotalBytes) return limit(`Tệp nén giải nén ra hơn ${mb(limits.maxTotalBytes)}, vượt giới hạn.`);
    if (size > MiB && size / Math.max(1, compressed) > limits.maxRatio)
      return limit(`Tệp nén có tỷ lệ nén bất thường (${Math.round(size / Math.max(1, compressed))}:1): có thể là "bom nén".`);
    // The entry itself, inflated no further than it claims.
    if (localAt + 30 > bytes.length || bytes.readUInt32LE(localAt) !== LOCAL) return corrupt('Tệp nén bị hỏng (mục không hợp lệ).');
    const dataAt = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    const data = bytes.subarray(dataAt, dataAt + compressed);
    if (method === 0) {
      if (compressed !== size) return corrupt('Tệp nén bị hỏng (kích thước mục không khớp).');
    } else if (method === 8) {
      try {
        const inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
        if (inflated.length !== size) return corrupt('Tệp nén bị hỏng (kích thước mục không khớp).');
      } catch (error) {
        return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
          ? limit('Một mục của tệp nén giải nén ra nhiều hơn kích thước khai báo: có thể là "bom nén".')
          : corrupt('Tệp nén bị hỏng (không giải nén được).');
      }
    } else return corrupt(`Tệp nén dùng phương thức nén ${method} không được hỗ trợ.`);
    at = next;
  }
  return null;
}
