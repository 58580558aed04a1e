/**
 * A document as a file to hand over: the bytes of a PDF (A4, embedded Vietnamese font) or an Excel workbook, and
 * its name. Use cases that print return one, so that routes only send it (issue 16: thin routes).
 */
import { renderOfficialDocument, type OfficialDocumentModel } from '../infrastructure/pdf/official-document.js';
import { tableToXlsx, type XlsxTable } from '../infrastructure/pdf/table-xlsx.js';

export interface DocumentFile {
  kind: 'pdf' | 'xlsx';
  bytes: Buffer;
  fileName: string;
}

export const pdfFile = async (model: OfficialDocumentModel, fileName: string): Promise<DocumentFile> => ({
  kind: 'pdf',
  bytes: await renderOfficialDocument(model),
  fileName,
});

export const xlsxFile = async (table: XlsxTable, fileName: string): Promise<DocumentFile> => ({ kind: 'xlsx', bytes: await tableToXlsx(table), fileName });
