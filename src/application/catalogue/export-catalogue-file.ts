/** The procedures in force on a day as an Excel workbook, one sheet per part of the record (the import reads it back). */
import { catalogueToXlsx } from '../../infrastructure/catalogue-xlsx.js';
import type { DocumentFile } from '../document-file.js';
import type { CatalogueDirectory } from './catalogue-directory.js';
import { exportCatalogue } from './catalogue-transfer.js';

export async function exportCatalogueWorkbook(deps: { catalogue: CatalogueDirectory }, at: string): Promise<DocumentFile> {
  return { kind: 'xlsx', bytes: await catalogueToXlsx(exportCatalogue(deps.catalogue, at).procedures), fileName: `danh-muc-thu-tuc-${at}.xlsx` };
}
