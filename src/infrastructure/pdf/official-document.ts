/**
 * An administrative document laid out the Vietnamese way (Nghị định 30/2020/NĐ-CP): the form number at the
 * top right, the issuing body on the left and the national motto on the right, the place and date, a
 * centred title, the body (paragraphs, "label: value" lines, numbered lists, ruled tables), the signature
 * block and a QR code. Callers describe the document as data (OfficialDocumentModel); this file only draws.
 */
import type { FontStyle } from './fonts.js';
import { PrintableDocument, mm, pageNumber, type PageMargins } from './document.js';
import { drawQr } from './qr-code.js';
import { drawTable, type TableColumn, type TableOptions, type TableRow } from './table.js';

export const NATIONAL_NAME = 'Cộng hòa xã hội chủ nghĩa Việt Nam';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface IssuingBody {
  /** The body the issuer reports to (cơ quan chủ quản), printed above it; null when there is none. */
  superior: string | null;
  issuer: string;
}

export interface HeadingLine {
  text: string;
  style?: FontStyle;
  size?: number;
}

export type DocumentBlock =
  | { kind: 'paragraph'; text: string; style?: FontStyle; align?: 'left' | 'center' | 'right' | 'justify'; size?: number }
  /** "Label: value" on one flowing line, the label in bold. */
  | { kind: 'field'; label: string; value: string }
  /** Items numbered 1., 2., … with a hanging indent. */
  | { kind: 'list'; items: readonly string[]; empty?: string }
  | { kind: 'table'; columns: readonly TableColumn[]; rows: readonly TableRow[]; options?: TableOptions }
  | { kind: 'space'; mm: number };

export interface SignatureColumn {
  /** "NGƯỜI TIẾP NHẬN HỒ SƠ" */
  title: string;
  /** "(Ký và ghi rõ họ tên)" */
  note?: string;
  /** The signer's name when known, printed under the space left for the signature. */
  name?: string | null;
}

export interface OfficialDocumentModel {
  /** PDF metadata and the running header of later pages. */
  title: string;
  /** "Mẫu số 01 – ban hành kèm theo Thông tư số …", top right; null for none. */
  formLine: string | null;
  body: IssuingBody;
  /** "Tam Thanh, ngày 23 tháng 11 năm 2026", under the motto. */
  placeAndDate: string | null;
  /** "Số: …" under the issuer. */
  reference?: string | null;
  heading: readonly HeadingLine[];
  blocks: readonly DocumentBlock[];
  /** Signature columns side by side; with `recipients` ("Nơi nhận"), those go to the left of them. */
  signatures?: readonly SignatureColumn[];
  recipients?: readonly string[];
  /** A QR code of `url`, with the URL printed under it and `caption` beside it. */
  qr?: { url: string; caption: string };
  layout?: 'portrait' | 'landscape';
  margins?: Partial<PageMargins>;
  /** Left-hand footer text of every page, e.g. the dossier code; the page number is on the right. */
  footer?: string;
}

const BODY = 11;
const HEADER = 11;
const QR_SIZE = mm(24);
const SIGNATURE_SPACE = mm(22);

/** Vietnamese text in composed form: the font's glyphs are for precomposed letters. */
const nfc = (value: string) => value.normalize('NFC');
const upper = (value: string) => nfc(value).toLocaleUpperCase('vi');

/** The largest size ≤ `max` (down to `min`) at which `value` fits on one line of `width`. */
function fittingSize(pdf: PrintableDocument, value: string, width: number, style: FontStyle, max: number, min = 8): number {
  for (let size = max; size > min; size -= 0.5) {
    pdf.font(style, size);
    if (pdf.doc.widthOfString(value) <= width) return size;
  }
  return min;
}

/**
 * A heading in one line, or two of about equal length (broken at the space that makes the longer line
 * shortest), as names are set in the header; PDFKit's greedy wrapping would leave a lone word below.
 */
function balancedLines(pdf: PrintableDocument, value: string, width: number): string[] {
  const { doc } = pdf;
  if (doc.widthOfString(value) <= width) return [value];
  let best: string[] | null = null;
  let bestWidth = Number.POSITIVE_INFINITY;
  for (let i = value.indexOf(' '); i > 0; i = value.indexOf(' ', i + 1)) {
    const lines = [value.slice(0, i), value.slice(i + 1)];
    const widest = Math.max(...lines.map((l) => doc.widthOfString(l)));
    if (widest <= width && widest < bestWidth) {
      best = lines;
      bestWidth = widest;
    }
  }
  return best ?? [value];
}

/** Centred lines of a header column; returns the y under them. */
function headerLines(pdf: PrintableDocument, value: string, x: number, y: number, width: number, style: FontStyle, max: number): { y: number; widest: number } {
  const { doc } = pdf;
  const size = fittingSize(pdf, value, width, style, max, max - 1.5);
  pdf.font(style, doc.widthOfString(value) <= width ? size : max);
  let widest = 0;
  for (const line of balancedLines(pdf, value, width)) {
    doc.text(line, x, y, { width, align: 'center' });
    widest = Math.max(widest, Math.min(width, doc.widthOfString(line)));
    y = doc.y;
  }
  return { y, widest };
}

/** A short rule centred under a text block, as under the issuer and the motto. */
function rule(pdf: PrintableDocument, centreX: number, y: number, width: number): void {
  pdf.doc
    .save()
    .lineWidth(0.6)
    .strokeColor('black')
    .moveTo(centreX - width / 2, y)
    .lineTo(centreX + width / 2, y)
    .stroke()
    .restore();
}

function drawHeader(pdf: PrintableDocument, model: OfficialDocumentModel): void {
  const { doc } = pdf;
  const left = pdf.left;
  const total = pdf.contentWidth;
  if (model.formLine) {
    pdf.font('italic', 9);
    doc.text(nfc(model.formLine), left, doc.y, { width: total, align: 'right' });
    doc.y += mm(2);
  }
  const top = doc.y;
  const leftWidth = total * 0.45;
  const rightWidth = total - leftWidth;
  const rightX = left + leftWidth;

  // The issuing body: its superior in regular type, itself in bold, a short rule under it.
  let y = top;
  if (model.body.superior) y = headerLines(pdf, upper(model.body.superior), left, y, leftWidth, 'regular', HEADER).y;
  const issuer = headerLines(pdf, upper(model.body.issuer), left, y, leftWidth, 'bold', HEADER);
  y = issuer.y + 2;
  rule(pdf, left + leftWidth / 2, y, Math.min(leftWidth * 0.4, issuer.widest));
  y += mm(2);
  if (model.reference) {
    pdf.font('regular', BODY - 1);
    doc.text(nfc(model.reference), left, y, { width: leftWidth, align: 'center' });
    y = doc.y;
  }
  const leftBottom = y;

  // The national name and motto, the motto underlined by a rule as long as itself.
  const name = upper(NATIONAL_NAME);
  pdf.font('bold', fittingSize(pdf, name, rightWidth, 'bold', HEADER));
  doc.text(name, rightX, top, { width: rightWidth, align: 'center', lineBreak: false });
  let ry = doc.y;
  pdf.font('bold', HEADER + 1);
  doc.text(NATIONAL_MOTTO, rightX, ry, { width: rightWidth, align: 'center', lineBreak: false });
  ry = doc.y + 2;
  rule(pdf, rightX + rightWidth / 2, ry, doc.widthOfString(NATIONAL_MOTTO));
  ry += mm(3);
  if (model.placeAndDate) {
    pdf.font('italic', BODY);
    doc.text(nfc(model.placeAndDate), rightX, ry, { width: rightWidth, align: 'center' });
    ry = doc.y;
  }
  doc.x = left;
  doc.y = Math.max(leftBottom, ry) + mm(5);
}

function drawField(pdf: PrintableDocument, label: string, value: string): void {
  const { doc } = pdf;
  pdf.font('bold', BODY);
  doc.text(`${nfc(label)}: `, pdf.left, doc.y, { width: pdf.contentWidth, continued: true });
  pdf.font('regular', BODY);
  doc.text(nfc(value), { width: pdf.contentWidth });
  doc.x = pdf.left;
  doc.y += 2;
}

function drawList(pdf: PrintableDocument, items: readonly string[], empty: string | undefined): void {
  const { doc } = pdf;
  const indent = mm(7);
  if (items.length === 0) {
    if (empty) pdf.text(empty, { size: BODY, style: 'italic', gapAfter: 2 });
    return;
  }
  items.forEach((item, i) => {
    const text = nfc(item);
    pdf.ensureSpace(pdf.measure(text, pdf.contentWidth - indent, 'regular', BODY));
    pdf.font('regular', BODY);
    const y = doc.y;
    doc.text(`${i + 1}.`, pdf.left + mm(2), y, { width: indent - mm(2), lineBreak: false });
    doc.text(text, pdf.left + indent, y, { width: pdf.contentWidth - indent });
    doc.x = pdf.left;
    doc.y += 2;
  });
}

function drawBlock(pdf: PrintableDocument, block: DocumentBlock): void {
  switch (block.kind) {
    case 'paragraph':
      pdf.text(nfc(block.text), { style: block.style ?? 'regular', size: block.size ?? BODY, align: block.align ?? 'justify', gapAfter: 3 });
      return;
    case 'field':
      drawField(pdf, block.label, block.value);
      return;
    case 'list':
      drawList(pdf, block.items, block.empty);
      return;
    case 'table': {
      const nfcCell = (cell: TableRow) =>
        'group' in cell
          ? { group: nfc(cell.group) }
          : { cells: cell.cells.map((c) => (typeof c === 'string' ? nfc(c) : 'text' in c ? { ...c, text: nfc(c.text) } : c)) };
      drawTable(
        pdf,
        block.columns.map((c) => ({ ...c, header: nfc(c.header) })),
        block.rows.map(nfcCell),
        { fontSize: 9.5, headerFontSize: 9.5, ...block.options },
      );
      pdf.moveDown(3);
      return;
    }
    case 'space':
      pdf.moveDown(mm(block.mm));
      return;
    default: {
      const never: never = block;
      throw new Error(`unknown block ${(never as { kind: string }).kind}`);
    }
  }
}

function signatureHeight(pdf: PrintableDocument, column: SignatureColumn, width: number): number {
  return (
    pdf.measure(upper(column.title), width, 'bold', BODY) +
    (column.note ? pdf.measure(nfc(column.note), width, 'italic', BODY - 1) : 0) +
    SIGNATURE_SPACE +
    (column.name ? pdf.measure(nfc(column.name), width, 'bold', BODY) : 0)
  );
}

function drawSignatures(pdf: PrintableDocument, columns: readonly SignatureColumn[], recipients: readonly string[] | undefined): void {
  const { doc } = pdf;
  const total = pdf.contentWidth;
  const recipientWidth = recipients ? total * 0.4 : 0;
  const width = (total - recipientWidth) / Math.max(1, columns.length);
  const recipientLines = recipients?.map((r) => `- ${nfc(r)}`).join('\n') ?? '';
  const height = Math.max(
    ...columns.map((c) => signatureHeight(pdf, c, width)),
    recipients ? pdf.measure('Nơi nhận:', recipientWidth, 'bold', BODY - 1) + pdf.measure(recipientLines, recipientWidth, 'regular', BODY - 2) : 0,
  );
  pdf.moveDown(mm(3));
  pdf.ensureSpace(height);
  const top = doc.y;
  let bottom = top;
  if (recipients) {
    pdf.font('bold', BODY - 1);
    doc.text('Nơi nhận:', pdf.left, top, { width: recipientWidth });
    pdf.font('regular', BODY - 2);
    doc.text(recipientLines, pdf.left, doc.y, { width: recipientWidth });
    bottom = Math.max(bottom, doc.y);
  }
  columns.forEach((column, i) => {
    const x = pdf.left + recipientWidth + i * width;
    pdf.font('bold', BODY);
    doc.text(upper(column.title), x, top, { width, align: 'center' });
    if (column.note) {
      pdf.font('italic', BODY - 1);
      doc.text(nfc(column.note), x, doc.y, { width, align: 'center' });
    }
    let y = doc.y + SIGNATURE_SPACE;
    if (column.name) {
      pdf.font('bold', BODY);
      doc.text(nfc(column.name), x, y, { width, align: 'center' });
      y = doc.y;
    }
    bottom = Math.max(bottom, y);
  });
  doc.x = pdf.left;
  doc.y = bottom + mm(4);
}

/** The QR code at the left, its URL printed under it, the caption to its right. */
function drawQrBlock(pdf: PrintableDocument, url: string, caption: string): void {
  const { doc } = pdf;
  const urlWidth = pdf.contentWidth;
  const urlHeight = pdf.measure(url, urlWidth, 'regular', 8);
  pdf.ensureSpace(QR_SIZE + urlHeight + mm(2));
  const top = doc.y;
  drawQr(doc, url, pdf.left, top, QR_SIZE);
  pdf.font('italic', 9);
  doc.text(nfc(caption), pdf.left + QR_SIZE + mm(3), top + QR_SIZE / 2 - 10, { width: pdf.contentWidth - QR_SIZE - mm(3) });
  pdf.font('regular', 8);
  doc.text(url, pdf.left, top + QR_SIZE, { width: urlWidth });
  doc.x = pdf.left;
}

/** Draws the document and returns the PDF. */
export async function renderOfficialDocument(model: OfficialDocumentModel): Promise<Buffer> {
  const pdf = new PrintableDocument({
    title: nfc(model.title),
    author: nfc(model.body.issuer),
    layout: model.layout ?? 'portrait',
    margins: { top: mm(15), bottom: mm(18), ...model.margins },
    runningHeader: nfc(model.title),
    footer: (page, pages) => ({ ...(model.footer ? { left: nfc(model.footer) } : {}), right: pageNumber(page, pages) }),
  });
  drawHeader(pdf, model);
  for (const line of model.heading) pdf.text(nfc(line.text), { align: 'center', style: line.style ?? 'bold', size: line.size ?? 13, gapAfter: 1 });
  pdf.moveDown(mm(3));
  for (const block of model.blocks) drawBlock(pdf, block);
  if (model.signatures?.length) drawSignatures(pdf, model.signatures, model.recipients);
  if (model.qr) drawQrBlock(pdf, model.qr.url, model.qr.caption);
  return pdf.toBuffer();
}
