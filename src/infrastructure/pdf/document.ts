/**
 * A printable A4 document: the embedded Vietnamese typeface, margins, a title block, paragraphs, tables
 * that break across pages (table.ts), a running header and a footer with "Trang x/y" on every page.
 * The building blocks of every printed output (listings, forms 01–07); callers map their data to text.
 */
import PDFDocument from 'pdfkit';
import { FONT_STYLES, fontFaces, type FontStyle } from './fonts.js';

/** Millimetres to PDF points. */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

export interface PageMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Nghị định 30/2020/NĐ-CP spacing, slightly narrower at the left: the sheets are posted, not bound. */
export const DEFAULT_MARGINS: PageMargins = { top: mm(20), right: mm(15), bottom: mm(20), left: mm(25) };

export interface FooterText {
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintableOptions {
  /** Document title (PDF metadata, shown by viewers). */
  title: string;
  author?: string;
  subject?: string;
  margins?: Partial<PageMargins>;
  /** Default portrait; registers with many columns are printed across a landscape A4 sheet. */
  layout?: 'portrait' | 'landscape';
  /** Small text above the content of every page but the first. */
  runningHeader?: string;
  /** The footer of each page; default "Trang x/y" in the centre. */
  footer?: (page: number, pages: number) => FooterText;
}

export interface TextOptions {
  style?: FontStyle;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Extra space after the text, in points. */
  gapAfter?: number;
  color?: string;
}

export const pageNumber = (page: number, pages: number): string => `Trang ${page}/${pages}`;

const BODY_SIZE = 10;
const fontName = (style: FontStyle) => `motcua-${style}`;
const MUTED = '#444444';

export class PrintableDocument {
  readonly doc: PDFKit.PDFDocument;
  readonly margins: PageMargins;
  private readonly options: PrintableOptions;
  private readonly done: Promise<Buffer>;

  constructor(options: PrintableOptions) {
    this.options = options;
    this.margins = { ...DEFAULT_MARGINS, ...options.margins };
    const faces = fontFaces();
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.layout ?? 'portrait',
      margins: this.margins,
      bufferPages: true,
      // Without a first font PDFKit reads its built-in Helvetica's metrics; it never embeds it unless used.
      ...(typeof faces.regular === 'string' ? { font: faces.regular } : {}),
      lang: 'vi-VN',
      displayTitle: true,
      info: { Title: options.title, Author: options.author ?? '', Subject: options.subject ?? '', Creator: 'motcua' },
    });
    // PDFKit takes a face its font engine parsed as it takes a path; its typings know only the latter.
    for (const style of FONT_STYLES) this.doc.registerFont(fontName(style), faces[style] as string);
    this.doc.font(fontName('regular'));
    const chunks: Buffer[] = [];
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.fontSize(BODY_SIZE);
  }

  get left(): number {
    return this.margins.left;
  }

  get contentWidth(): number {
    return this.doc.page.width - this.margins.left - this.margins.right;
  }

  /** The lowest y content may reach on the current page. */
  get bottom(): number {
    return this.doc.page.height - this.margins.bottom;
  }

  get y(): number {
    return this.doc.y;
  }

  font(style: FontStyle, size: number): this {
    this.doc.font(fontName(style)).fontSize(size);
    return this;
  }

  /** Height `value` takes in the given style, wrapped to `width`. */
  measure(value: string, width: number, style: FontStyle = 'regular', size = BODY_SIZE): number {
    this.font(style, size);
    return this.doc.heightOfString(value, { width });
  }

  /** Starts a new page unless `height` points still fit on this one; true when it did. */
  ensureSpace(height: number): boolean {
    if (this.doc.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.margins.top;
  }

  /** A block of text across the content width, flowing onto new pages when long. */
  text(value: string, options: TextOptions = {}): this {
    const { style = 'regular', size = BODY_SIZE, align = 'left', gapAfter = 0, color = 'black' } = options;
    this.font(style, size);
    this.doc.fillColor(color).text(value, this.left, this.doc.y, { width: this.contentWidth, align });
    this.doc.fillColor('black');
    this.doc.x = this.left;
    this.doc.y += gapAfter;
    return this;
  }

  /** The title block of a listing or form: lines centred, the first ones usually bold. */
  titleBlock(lines: readonly (TextOptions & { text: string })[], gapAfter = mm(5)): this {
    for (const line of lines) this.text(line.text, { align: 'center', ...line });
    this.doc.y += gapAfter;
    return this;
  }

  moveDown(points: number): this {
    this.doc.y += points;
    return this;
  }

  /** Writes the running header and footers on every page and returns the finished file. */
  async toBuffer(): Promise<Buffer> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    const footer = this.options.footer ?? ((page: number, pages: number) => ({ center: pageNumber(page, pages) }));
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      this.decoratePage(i + 1, range.count, footer(i + 1, range.count));
    }
    doc.end();
    return this.done;
  }

  private decoratePage(page: number, pages: number, footer: FooterText): void {
    const { doc } = this;
    const width = this.contentWidth;
    // Text in the margins must not make PDFKit start a new page: lift the bottom margin while writing.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    this.font('regular', 8);
    doc.fillColor(MUTED);
    if (page > 1 && this.options.runningHeader) {
      doc.text(this.options.runningHeader, this.left, this.margins.top - mm(8), { width, align: 'center', lineBreak: false, ellipsis: true });
    }
    const y = doc.page.height - this.margins.bottom + mm(6);
    if (footer.left) doc.text(footer.left, this.left, y, { width, align: 'left', lineBreak: false });
    if (footer.center) doc.text(footer.center, this.left, y, { width, align: 'center', lineBreak: false });
    if (footer.right) doc.text(footer.right, this.left, y, { width, align: 'right', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottomMargin;
  }
}
