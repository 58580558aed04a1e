/**
 * The kind of an evidence file judged by its content, never by its name (issue 23: evidence of a reform task's
 * completion): PDF, PNG and JPEG by their signatures (sniffFileType), and the Office documents officials write —
 * DOCX and XLSX — as a ZIP archive within the bounds on archives whose parts name a Word document or a workbook.
 */
import { sniffFileType } from './file-store.js';
import { zipBoundsProblem } from './zip-bounds.js';

export type EvidenceKind = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx';

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

export function sniffEvidenceType(bytes: Buffer): EvidenceKind | null {
  const simple = sniffFileType(bytes);
  if (simple) return simple;
  if (!ZIP_LOCAL_HEADER.every((b, i) => bytes[i] === b) || zipBoundsProblem(bytes) !== null) return null;
  // Part names are stored as they are in the local headers and the central directory.
  const has = (part: string) => bytes.includes(Buffer.from(part, 'latin1'));
  if (!has('[Content_Types].xml')) return null;
  if (has('word/document.xml')) return 'docx';
  if (has('xl/workbook.xml')) return 'xlsx';
  return null;
}
