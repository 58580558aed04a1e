/**
 * The drill-down list as an Excel workbook: one row per dossier in the list's order (most late first unless
 * asked otherwise), with the verdict, how late in working hours and the step charged most (its unit, official,
 * budget, used time and overrun) as numbers, so that officials can sort, filter and add them up in Excel.
 * Procedure lists keep the report's own table (report-documents.ts).
 */
import type { XlsxTable } from '../../infrastructure/pdf/table-xlsx.js';
import { DOSSIER_COLUMNS, dossierCells, drillDownWorkbook, periodText } from './report-documents.js';
import type { DrillDownList } from './drill-down.js';

export function drillDownListWorkbook(d: DrillDownList, unitName: string): XlsxTable {
  if (d.procedures.length > 0 || d.dossiers.length === 0) return drillDownWorkbook(d, unitName);
  return {
    sheetName: `Chỉ số ${d.indicator.id}`,
    title: [
      `CHỈ SỐ ${d.indicator.id}: ${d.indicator.name.toLocaleUpperCase('vi')}`,
      unitName,
      `${periodText(d.from, d.to)} – công thức ${d.indicator.formulaVersion} – ${d.total} hồ sơ`,
    ],
    columns: [
      ...DOSSIER_COLUMNS,
      { header: 'Kết quả', width: 18 },
      { header: 'Chậm (giờ làm việc)', width: 12 },
      { header: 'Bước chậm nhất', width: 30 },
      { header: 'Đơn vị của bước', width: 30 },
      { header: 'Cán bộ', width: 22 },
      { header: 'Định mức của bước (giờ làm việc)', width: 12 },
      { header: 'Đã dùng (giờ làm việc)', width: 12 },
      { header: 'Vượt định mức (giờ làm việc)', width: 12 },
      { header: 'Lý do', width: 90 },
    ],
    rows: d.dossiers.map((r) => {
      const worst = r.charged[0];
      return [
        ...dossierCells(r),
        r.verdictLabel,
        r.lateHours,
        worst ? `Bước ${worst.stepIndex + 1}: ${worst.stepName}` : null,
        worst?.unitName ?? null,
        worst?.officialName ?? null,
        worst?.budgetHours ?? null,
        worst?.usedHours ?? null,
        worst?.overrunHours ?? null,
        r.reason,
      ];
    }),
  };
}
