/**
 * Scanned pages as one PDF (the desk's scanner page, certified copies): a PDF as it is, PNG or JPEG images each
 * on an A4 page, in order. pdf-lib reads and writes; a page it cannot read makes the whole scan refused.
 */
import { PDFDocument } from 'pdf-lib';
import { imageDimensions, sniffFileType } from '../../infrastructure/files/file-store.js';

/** Largest image accepted, in pixels: an A3 page scanned at 600 dpi is about 70 million. */
export const SCAN_MAX_PIXELS = 80_000_000;

const A4: [number, number] = [595.28, 841.89];

export class ScanError extends Error {}

/** The pages as one PDF document; throws ScanError with a Vietnamese reason for a page that cannot be read. */
export async function scanToPdf(pages: readonly Buffer[]): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  for (const [i, bytes] of pages.entries()) {
    const kind = sniffFileType(bytes);
    if (!kind) throw new ScanError(`Trang ${i + 1}: chỉ nhận PDF, PNG hoặc JPEG (kiểm tra theo nội dung tệp)`);
    try {
      if (kind === 'pdf') {
        const source = await PDFDocument.load(bytes, { updateMetadata: false });
        for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
        continue;
      }
      const size = imageDimensions(bytes);
      if (!size || size.width === 0 || size.width * size.height > SCAN_MAX_PIXELS) throw new ScanError(`Trang ${i + 1}: ảnh hỏng hoặc quá lớn`);
      const image = kind === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
      const page = doc.addPage(A4);
      const scale = Math.min((A4[0] - 40) / image.width, (A4[1] - 40) / image.height, 1);
      page.drawImage(image, { x: 20, y: A4[1] - 20 - image.height * scale, width: image.width * scale, height: image.height * scale });
    } catch (error) {
      if (error instanceof ScanError) throw error;
      throw new ScanError(`Trang ${i + 1}: không đọc được tệp (hỏng hoặc được mã hóa)`);
    }
  }
  return doc;
}
