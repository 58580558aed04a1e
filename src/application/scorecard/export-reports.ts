/**
 * The scorecard's reports as files: the settlement report (PDF or Excel) and a drill-down's list of dossiers
 * (Excel), from the same use cases that answer them as JSON.
 */
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { pdfFile, xlsxFile, type DocumentFile } from '../document-file.js';
import { toLocal } from '../dossier/dossier-store.js';
import { drillDown, type DrillDownInput } from './drill-down.js';
import { drillDownListWorkbook } from './drill-down-workbook.js';
import { settlementDocument, settlementWorkbook } from './report-documents.js';
import { settlementReport, type Deps, type PeriodInput } from './scorecard.js';
import type { GroupBy } from '../../domain/scorecard/views.js';

export async function settlementReportFile(deps: Deps, input: PeriodInput & { groupBy: GroupBy; format: 'pdf' | 'xlsx' }): Promise<Result<DocumentFile>> {
  const report = await settlementReport(deps, input);
  if (!report.ok) return report;
  const r = report.value;
  const tree = deps.units.tree();
  const fileName = `bao-cao-giai-quyet-${r.unit}-${r.from}-${r.to}.${input.format}`;
  return ok(
    input.format === 'xlsx'
      ? await xlsxFile(settlementWorkbook(r, tree.find(r.unit)?.name ?? r.unit), fileName)
      : await pdfFile(settlementDocument(r, tree, toLocal(deps.clock())), fileName),
  );
}

export async function drillDownFile(deps: Deps, input: DrillDownInput): Promise<Result<DocumentFile>> {
  const list = await drillDown(deps, input);
  if (!list.ok) return list;
  const d = list.value;
  const unitName = deps.units.tree().find(d.unit)?.name ?? d.unit;
  return ok(await xlsxFile(drillDownListWorkbook(d, unitName), `chi-so-${d.indicator.id}-${d.unit}-${d.from}-${d.to}.xlsx`));
}
