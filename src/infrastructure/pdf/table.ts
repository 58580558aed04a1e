/**
 * A ruled table drawn into a PrintableDocument: a shaded header row repeated on every page, optional
 * full-width group rows (kept with the row that follows them, and repeated "(tiếp theo)" after a page
 * break), text cells that wrap, and cells holding a QR code.
 */
import type { FontStyle } from './fonts.js';
import type { PrintableDocument } from './document.js';
import { drawQr } from './qr-code.js';

export interface TableColumn {
  header: string;
  /** Points; one column may be 'fill' to take the width the others leave. */
  width: number | 'fill';
  align?: 'left' | 'center' | 'right';
}

export type TableCell = string | { text: string; style?: FontStyle } | { qr: string };

export type TableRow = { cells: readonly TableCell[] } | { group: string };

export interface TableOptions {
  fontSize?: number;
  headerFontSize?: number;
  /** Inner padding of every cell, in points. */
  padding?: number;
  /** Side of a QR code cell's image, in points (quiet zone included). */
  qrSize?: number;
  /** Shown in one full-width row when there are no rows. */
  emptyText?: string;
  /** Appended to a group's label when it is repeated at the top of a new page. */
  continued?: string;
}

const LINE = 0.5;
const HEADER_FILL = '#e6e6e6';
const GROUP_FILL = '#f4f4f4';

export function columnWidths(columns: readonly TableColumn[], total: number): number[] {
  const fixed = columns.reduce((sum, c) => sum + (c.width === 'fill' ? 0 : c.width), 0);
  const fills = columns.filter((c) => c.width === 'fill').length;
  const rest = fills === 0 ? 0 : (total - fixed) / fills;
  if (rest < 0) throw new RangeError(`Table columns (${fixed} pt) are wider than the page (${total} pt)`);
  return columns.map((c) => (c.width === 'fill' ? rest : c.width));
}

export function drawTable(pdf: PrintableDocument, columns: readonly TableColumn[], rows: readonly TableRow[], options: TableOptions = {}): void {
  const { fontSize = 9, headerFontSize = fontSize, padding = 3, qrSize = 44, emptyText, continued = '(tiếp theo)' } = options;
  const { doc } = pdf;
  const widths = columnWidths(columns, pdf.contentWidth);
  const fullWidth = pdf.contentWidth;
  const pageTop = pdf.margins.top;

  const cellText = (cell: TableCell): { text: string; style: FontStyle } | null => {
    if (typeof cell === 'string') return { text: cell, style: 'regular' };
    if ('text' in cell) return { text: cell.text, style: cell.style ?? 'regular' };
    return null;
  };

  // Listings repeat the same few texts ("Không thu phí", "1 ngày làm việc"…) on every row: measure each once.
  const measured = new Map<string, number>();
  const measure = (value: string, width: number, style: FontStyle, size: number) => {
    const key = `${style} ${size} ${width} ${value}`;
    let height = measured.get(key);
    if (height === undefined) {
      height = pdf.measure(value, width, style, size);
      measured.set(key, height);
    }
    return height;
  };
  const headerHeight = Math.max(...columns.map((c, i) => measure(c.header, widths[i]! - 2 * padding, 'bold', headerFontSize))) + 2 * padding;
  const groupHeight = (label: string) => measure(label, fullWidth - 2 * padding, 'bold', fontSize) + 2 * padding;
  const rowHeight = (cells: readonly TableCell[]) =>
    Math.max(
      ...cells.map((cell, i) => {
        const t = cellText(cell);
        return t ? measure(t.text, widths[i]! - 2 * padding, t.style, fontSize) + 2 * padding : qrSize + 2 * padding;
      }),
    );
  // A row taller than a whole page is clipped rather than left to run off it.
  const maxRowHeight = () => pdf.bottom - pageTop - headerHeight;

  let y = doc.y;

  const fillRect = (x: number, top: number, w: number, h: number, color: string) => {
    doc.save().rect(x, top, w, h).fillColor(color).fill().restore();
  };
  const strokeRect = (x: number, top: number, w: number, h: number) => {
    doc.save().lineWidth(LINE).strokeColor('black').rect(x, top, w, h).stroke().restore();
  };
  const writeText = (value: string, x: number, top: number, w: number, h: number, style: FontStyle, size: number, align: TableColumn['align']) => {
    pdf.font(style, size);
    // `height` keeps PDFKit from ever starting a page of its own inside a cell.
    doc
      .fillColor('black')
      .text(value, x + padding, top + padding, { width: w - 2 * padding, height: h - 2 * padding + 1, align: align ?? 'left', ellipsis: true });
  };

  const drawHeader = () => {
    let x = pdf.left;
    fillRect(x, y, fullWidth, headerHeight, HEADER_FILL);
    columns.forEach((column, i) => {
      strokeRect(x, y, widths[i]!, headerHeight);
      writeText(column.header, x, y, widths[i]!, headerHeight, 'bold', headerFontSize, 'center');
      x += widths[i]!;
    });
    y += headerHeight;
  };

  const drawFullWidth = (label: string, style: FontStyle, fill: string | null, align: TableColumn['align'] = 'left') => {
    const h = Math.min(groupHeight(label), maxRowHeight());
    if (fill) fillRect(pdf.left, y, fullWidth, h, fill);
    strokeRect(pdf.left, y, fullWidth, h);
    writeText(label, pdf.left, y, fullWidth, h, style, fontSize, align);
    y += h;
  };

  const breakPage = (group: string | null) => {
    pdf.newPage();
    y = doc.y;
    drawHeader();
    if (group !== null) drawFullWidth(`${group} ${continued}`, 'bold', GROUP_FILL);
  };

  if (y + headerHeight + 2 * padding + fontSize * 2 > pdf.bottom) {
    pdf.newPage();
    y = doc.y;
  }
  drawHeader();

  if (rows.length === 0 && emptyText !== undefined) drawFullWidth(emptyText, 'italic', null, 'center');

  let group: string | null = null;
  rows.forEach((row, index) => {
    if ('group' in row) {
      const next = rows[index + 1];
      const keepWith = next && 'cells' in next ? Math.min(rowHeight(next.cells), maxRowHeight()) : 0;
      if (y + groupHeight(row.group) + keepWith > pdf.bottom) breakPage(null);
      group = row.group;
      drawFullWidth(row.group, 'bold', GROUP_FILL);
      return;
    }
    const h = Math.min(rowHeight(row.cells), maxRowHeight());
    if (y + h > pdf.bottom) breakPage(group);
    let x = pdf.left;
    row.cells.forEach((cell, i) => {
      const w = widths[i]!;
      strokeRect(x, y, w, h);
      const t = cellText(cell);
      if (t) writeText(t.text, x, y, w, h, t.style, fontSize, columns[i]?.align);
      else if (typeof cell === 'object' && 'qr' in cell) drawQr(doc, cell.qr, x + (w - qrSize) / 2, y + padding, qrSize);
      x += w;
    });
    y += h;
  });

  doc.x = pdf.left;
  doc.y = y + padding;
}
