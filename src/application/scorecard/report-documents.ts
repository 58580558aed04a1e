/**
 * The settlement report and a drill-down list as printable documents: an A4 landscape PDF with the national
 * header (the same renderer as the forms) and an Excel workbook with the same columns. Both cite the legal
 * basis in force at the period's end. Ratios are printed as Vietnamese percentages ("95,58%"); in the
 * workbook counts and rates are numbers with number formats. After the form's counts and its on-time rate, the
 * online payment of the fee-bearing dossiers received (indicator 3.6's facts) and its rate.
 */
import { jdnFromIso } from '../../domain/calendar/civil-date.js';
import { basisLine } from '../../domain/dossier/legal-basis.js';
import {
  ON_TIME_RATE_LABEL,
  PAID_ONLINE_RATE_LABEL,
  PAYMENT_COUNTS,
  SETTLEMENT_COUNTS,
  SETTLEMENT_LABELS,
  type ReportCount,
} from '../../domain/scorecard/settlement.js';
import type { OfficialDocumentModel } from '../../infrastructure/pdf/official-document.js';
import { mm } from '../../infrastructure/pdf/document.js';
import type { UnitTree } from '../../domain/units/unit.js';
import { dateText, dateTimeText, issuingBody, placeAndDate } from '../dossier/forms/form-basis.js';
import type { DrillDown, SettlementReport, ShortfallDossier } from '../../domain/scorecard/views.js';
import type { XlsxCell, XlsxColumn, XlsxTable } from '../../infrastructure/pdf/table-xlsx.js';

/** 95.58 → "95,58%" */
export function vietnamesePercent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2).replace('.', ',')}%`;
}

const GROUP_LABELS = { unit: 'đơn vị', field: 'lĩnh vực', procedure: 'thủ tục hành chính' } as const;
export const periodText = (from: string, to: string) => `Từ ngày ${dateText(jdnFromIso(from) * 1440)} đến ngày ${dateText(jdnFromIso(to) * 1440)}`;
const TITLE = 'Báo cáo tình hình, kết quả giải quyết thủ tục hành chính';

type Rate = 'onTimeRate' | 'paidOnlineRate';
type Column = { count: ReportCount } | { rate: Rate };
/** The columns after the name: the form's counts, the on-time rate, the payments and their rate. */
const COLUMNS: readonly Column[] = [
  ...SETTLEMENT_COUNTS.map((count) => ({ count })),
  { rate: 'onTimeRate' },
  ...PAYMENT_COUNTS.map((count) => ({ count })),
  { rate: 'paidOnlineRate' },
];
const RATE_LABELS = { onTimeRate: ON_TIME_RATE_LABEL, paidOnlineRate: PAID_ONLINE_RATE_LABEL } as const satisfies Record<Rate, string>;
const headerOf = (c: Column) => ('count' in c ? SETTLEMENT_LABELS[c.count] : RATE_LABELS[c.rate]);

/** A row's cells under COLUMNS. */
function cellsOf<T>(row: SettlementReport['total'], count: (n: number) => T, rate: (r: number | null) => T): T[] {
  return COLUMNS.map((c) => ('count' in c ? count(row[c.count]) : rate(row[c.rate])));
}

/** In the workbook, counts are numbers and rates are percentages. */
const xlsxCells = (row: SettlementReport['total']) =>
  cellsOf<XlsxCell>(
    row,
    (n) => n,
    (percent) => ({ percent }),
  );

export function settlementWorkbook(report: SettlementReport, unitName: string): XlsxTable {
  return {
    sheetName: 'Tình hình giải quyết',
    title: [
      TITLE.toLocaleUpperCase('vi'),
      unitName,
      `${periodText(report.from, report.to)} – theo ${GROUP_LABELS[report.groupBy]}`,
      basisLine('settlementReport', jdnFromIso(report.to)),
    ],
    columns: [{ header: 'Mã', width: 16 }, { header: 'Tên', width: 44 }, ...COLUMNS.map((c) => ({ header: headerOf(c), width: 'count' in c ? 11 : 12 }))],
    rows: [...report.rows.map((r) => [r.key, r.name, ...xlsxCells(r)]), ['', 'Tổng cộng', ...xlsxCells(report.total)]],
  };
}

/** The PDF's shorter rate headings, for its narrow columns. */
const RATE_HEADERS = { onTimeRate: 'Tỷ lệ đúng hạn', paidOnlineRate: 'Tỷ lệ thanh toán trực tuyến' } as const satisfies Record<Rate, string>;

export function settlementDocument(report: SettlementReport, tree: UnitTree, printedAt: number): OfficialDocumentModel {
  const unitName = tree.find(report.unit)?.name ?? report.unit;
  const number = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
  return {
    title: `${TITLE} – ${unitName} – ${periodText(report.from, report.to)}`,
    // The basis in force at the end of the period reported on (REFERENCE §2.1).
    formLine: basisLine('settlementReport', jdnFromIso(report.to)),
    body: issuingBody(tree, report.unit),
    placeAndDate: placeAndDate(tree, report.unit, printedAt),
    heading: [
      { text: TITLE.toLocaleUpperCase('vi'), size: 13 },
      { text: `${periodText(report.from, report.to)} – theo ${GROUP_LABELS[report.groupBy]}`, style: 'italic', size: 10 },
    ],
    blocks: [
      {
        kind: 'table',
        // 18 counts and 2 rates: narrow enough to leave the names a readable column on the landscape page.
        columns: [
          { header: 'Tên', width: 'fill' },
          ...COLUMNS.map((c) => ({ header: 'count' in c ? headerOf(c) : RATE_HEADERS[c.rate], width: 'count' in c ? 32 : 34, align: 'center' as const })),
        ],
        rows: [
          ...report.rows.map((r) => ({ cells: [r.name, ...cellsOf(r, number, vietnamesePercent)] })),
          {
            cells: [
              { text: 'Tổng cộng', style: 'bold' as const },
              ...cellsOf(report.total, number, vietnamesePercent).map((text) => ({ text, style: 'bold' as const })),
            ],
          },
        ],
        options: { fontSize: 6.5, headerFontSize: 6, padding: 2, emptyText: 'Không có hồ sơ nào trong kỳ.' },
      },
    ],
    layout: 'landscape',
    margins: { left: mm(12), right: mm(8) },
    footer: `${unitName} – ${periodText(report.from, report.to)} – in lúc ${dateTimeText(printedAt)}`,
  };
}

export function drillDownWorkbook(d: DrillDown, unitName: string): XlsxTable {
  const title = [
    `CHỈ SỐ ${d.indicator.id}: ${d.indicator.name.toLocaleUpperCase('vi')}`,
    unitName,
    `${periodText(d.from, d.to)} – công thức ${d.indicator.formulaVersion}`,
  ];
  if (d.procedures.length > 0 || d.dossiers.length === 0) {
    return {
      sheetName: `Chỉ số ${d.indicator.id}`,
      title,
      columns: [
        { header: 'Mã thủ tục', width: 16 },
        { header: 'Tên thủ tục', width: 60 },
        { header: 'Lý do', width: 80 },
      ],
      rows: d.procedures.map((p) => [p.procedureCode, p.procedureName, p.reason]),
    };
  }
  return {
    sheetName: `Chỉ số ${d.indicator.id}`,
    title,
    columns: [...DOSSIER_COLUMNS, { header: 'Lý do', width: 90 }],
    rows: d.dossiers.map((r) => [...dossierCells(r), r.reason]),
  };
}

/** The first columns of a workbook listing dossiers: the dossier, its procedure and unit, and its dates. */
export const DOSSIER_COLUMNS: readonly XlsxColumn[] = [
  { header: 'Mã hồ sơ', width: 26 },
  { header: 'Thủ tục', width: 40 },
  { header: 'Đơn vị', width: 30 },
  { header: 'Tiếp nhận', width: 17 },
  { header: 'Hạn giải quyết', width: 17 },
  { header: 'Kết thúc xử lý', width: 17 },
];

/** One dossier's cells under DOSSIER_COLUMNS (the times as local date-times). */
export function dossierCells(r: Pick<ShortfallDossier, 'code' | 'procedureName' | 'unitName' | 'acceptedAt' | 'dueAt' | 'finishedAt'>): XlsxCell[] {
  const local = (iso: string | null) => (iso === null ? null : { dateTime: iso.slice(0, 16) });
  return [r.code, r.procedureName, r.unitName, local(r.acceptedAt), local(r.dueAt), local(r.finishedAt)];
}
