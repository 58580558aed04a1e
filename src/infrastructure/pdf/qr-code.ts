/**
 * QR codes of a text (a public page's URL): as SVG, as PNG, and drawn as vector squares into a PDF so
 * that it stays sharp at any print size. Error correction M (15 %) survives a creased or smudged sheet.
 */
import QRCode from 'qrcode';

const LEVEL = 'M';
/** Quiet zone in modules. The standard asks for 4; 2 is what phones need, and keeps printed codes small. */
const QUIET_ZONE = 2;

export const QR_PNG_MIN_SIZE = 64;
export const QR_PNG_MAX_SIZE = 1024;

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: LEVEL, margin: QUIET_ZONE });
}

/** A black-on-white PNG `size` pixels wide (QR_PNG_MIN_SIZE…QR_PNG_MAX_SIZE). */
export async function qrPng(text: string, size: number): Promise<Buffer> {
  if (!Number.isInteger(size) || size < QR_PNG_MIN_SIZE || size > QR_PNG_MAX_SIZE) throw new RangeError(`QR PNG size ${size} out of range`);
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: LEVEL, margin: QUIET_ZONE, width: size });
}

/**
 * Draws the code with its top-left corner at (x, y), `size` points wide including the quiet zone.
 * Drawn in module units under one transform, each run of dark modules in a row as one rectangle, all
 * filled together: a province's listing draws thousands of codes.
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: LEVEL });
  const n = modules.size;
  const unit = size / (n + 2 * QUIET_ZONE);
  const path: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.data[row * n + col]) col++;
      // A hair of overlap hides the seams some viewers draw between adjacent squares.
      path.push(`${start} ${row} ${col - start}.02 1.02 re`);
    }
  }
  doc.save();
  doc.transform(unit, 0, 0, unit, x + QUIET_ZONE * unit, y + QUIET_ZONE * unit);
  doc.addContent(path.join('\n'));
  doc.fillColor('black').fill();
  doc.restore();
}
