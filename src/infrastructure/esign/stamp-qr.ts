/**
 * The verification QR stamped on an uploaded result before its first signature: a QR of the public
 * verification address at the bottom left of the first page, with the address printed beside it. The file is
 * written again by pdf-lib with a classic cross-reference table, so that each signature after it can be added
 * as an incremental update (@signpdf's plain placeholder reads such tables).
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { qrPng } from '../pdf/qr-code.js';

const SIZE = 64;
const MARGIN = 18;

export async function stampVerificationQr(pdf: Buffer, url: string): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = doc.getPages()[0];
  if (!page) throw new Error('PDF không có trang nào');
  const image = await doc.embedPng(await qrPng(url, 256));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawRectangle({ x: MARGIN - 3, y: MARGIN - 3, width: SIZE + 6, height: SIZE + 6, color: rgb(1, 1, 1) });
  page.drawImage(image, { x: MARGIN, y: MARGIN, width: SIZE, height: SIZE });
  // The standard fonts have no Vietnamese letters: the printed line is the (ASCII) address only.
  page.drawText(url, { x: MARGIN + SIZE + 6, y: MARGIN + 4, size: 7, font, color: rgb(0.1, 0.1, 0.1) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
