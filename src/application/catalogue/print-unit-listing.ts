/**
 * The A4 listing a unit posts on its notice board: its procedures in force today, grouped by field, each row with
 * the QR code of the procedure's public page. Drawing a large unit's listing takes a second of CPU but it rarely
 * changes: the latest ones are kept, keyed by everything they show, so that a publication or a new day makes a
 * new one.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { AppDeps } from '../context.js';
import type { CatalogueDirectory, CatalogueVersion } from './catalogue-directory.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { CHANNEL_LABELS, ONLINE_LEVEL_LABELS, type ProcedureRecord } from '../../domain/catalogue/procedure.js';
import type { DurationUnit } from '../../domain/calendar/working-time.js';
import { PrintableDocument, mm, pageNumber } from '../../infrastructure/pdf/document.js';
import { drawTable, type TableColumn, type TableRow } from '../../infrastructure/pdf/table.js';
import type { DocumentFile } from '../document-file.js';

const DURATION_LABELS = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
  months: 'tháng',
} as const satisfies Record<DurationUnit, string>;

/** The portal page of one procedure. */
export function procedurePageUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/thu-tuc/${encodeURIComponent(code)}`;
}

/** 75000 → "75.000"; 0.5 → "0,5". */
export function formatVietnameseNumber(value: number): string {
  const [whole = '0', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${grouped},${fraction}` : grouped;
}

/** "1 ngày làm việc", or one line per channel when the channels differ. */
export function timeLimitText(record: Pick<ProcedureRecord, 'methods'>): string {
  const label = (m: ProcedureRecord['methods'][number]) => `${formatVietnameseNumber(m.timeLimit.amount)} ${DURATION_LABELS[m.timeLimit.unit]}`;
  const distinct = new Set(record.methods.map(label));
  if (distinct.size <= 1) return [...distinct][0] ?? 'Theo quy định';
  return record.methods.map((m) => `${CHANNEL_LABELS[m.channel]}: ${label(m)}`).join('\n');
}

/** "Không thu phí", or the amounts charged: "75.000 đồng". */
export function feeText(record: Pick<ProcedureRecord, 'fees'>): string {
  const amounts = [...new Set(record.fees.filter((f) => f.amount > 0).map((f) => f.amount))];
  if (amounts.length === 0) return 'Không thu phí';
  return amounts.map((a) => `${formatVietnameseNumber(a)} đồng`).join('\n');
}

/** yyyy-MM-dd → dd/MM/yyyy */
function vietnameseDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

function roman(n: number): string {
  const numerals: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

const collator = new Intl.Collator('vi');

interface ListingGroup {
  name: string;
  procedures: { code: string; name: string; timeLimit: string; fee: string; online: string; url: string }[];
}

/** The catalogue as the listing shows it: fields in alphabetical order, procedures by name within each. */
function listingGroups(catalogue: CatalogueDirectory, publicUrl: string, versions: readonly CatalogueVersion[]): ListingGroup[] {
  const byField = new Map<string, ListingGroup>();
  for (const v of versions) {
    const r = v.record;
    let group = byField.get(r.fieldCode);
    if (!group) {
      group = { name: catalogue.fieldName(r.fieldCode) ?? r.fieldCode, procedures: [] };
      byField.set(r.fieldCode, group);
    }
    group.procedures.push({
      code: v.code,
      name: r.name,
      timeLimit: timeLimitText(r),
      fee: feeText(r),
      online: ONLINE_LEVEL_LABELS[r.onlineLevel],
      url: procedurePageUrl(publicUrl, v.code),
    });
  }
  const groups = [...byField.values()].sort((a, b) => collator.compare(a.name, b.name));
  for (const g of groups) g.procedures.sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
  return groups;
}

const LISTING_COLUMNS: readonly TableColumn[] = [
  { header: 'TT', width: 22, align: 'center' },
  { header: 'Tên thủ tục hành chính', width: 'fill' },
  { header: 'Mã thủ tục', width: 52, align: 'center' },
  { header: 'Thời hạn giải quyết', width: 60, align: 'center' },
  { header: 'Phí, lệ phí', width: 60, align: 'center' },
  { header: 'Mức độ dịch vụ công trực tuyến', width: 72, align: 'center' },
  { header: 'Mã QR', width: 50, align: 'center' },
];

async function renderListing(unitName: string, today: string, publicUrl: string, groups: readonly ListingGroup[]): Promise<Buffer> {
  const printedOn = vietnameseDate(today);
  const total = groups.reduce((sum, g) => sum + g.procedures.length, 0);
  const pdf = new PrintableDocument({
    title: `Danh mục thủ tục hành chính – ${unitName}`,
    author: unitName,
    subject: `Danh mục thủ tục hành chính, in ngày ${printedOn}`,
    runningHeader: `${unitName} – Danh mục thủ tục hành chính`,
    footer: (page, pages) => ({ left: `In ngày ${printedOn}`, right: pageNumber(page, pages) }),
  });
  pdf.titleBlock([
    { text: unitName.toLocaleUpperCase('vi'), style: 'bold', size: 12, gapAfter: mm(4) },
    { text: 'DANH MỤC THỦ TỤC HÀNH CHÍNH', style: 'bold', size: 15, gapAfter: mm(1) },
    { text: total > 0 ? `Gồm ${total} thủ tục hành chính` : 'Chưa có thủ tục hành chính', size: 10 },
    { text: `Ngày in: ${printedOn}`, style: 'italic', size: 10 },
  ]);
  if (total > 0) {
    pdf.text(`Quét mã QR của từng thủ tục để xem hồ sơ, trình tự, mẫu đơn và nộp hồ sơ trực tuyến tại ${publicUrl}.`, {
      size: 9,
      style: 'italic',
      gapAfter: mm(3),
    });
  }
  let n = 0;
  const rows: TableRow[] = groups.flatMap((g, i) => [
    { group: `${roman(i + 1)}. ${g.name} (${g.procedures.length} thủ tục)` },
    ...g.procedures.map((p) => ({ cells: [String(++n), p.name, p.code, p.timeLimit, p.fee, p.online, { qr: p.url }] })),
  ]);
  drawTable(pdf, LISTING_COLUMNS, rows, {
    fontSize: 8.5,
    headerFontSize: 8.5,
    qrSize: 44,
    emptyText: 'Chưa có thủ tục hành chính nào do đơn vị này thực hiện.',
  });
  return pdf.toBuffer();
}

/** A filename-safe form of a unit code. */
const fileSafe = (value: string) => value.replace(/[^A-Za-z0-9._-]+/g, '-');

/** The printer of units' listings, with its cache (one per server). */
export function unitListingPrinter(deps: Pick<AppDeps, 'units' | 'clock'> & { catalogue: CatalogueDirectory }, publicUrl: string) {
  const listings = new LRUCache<string, Promise<Buffer>>({ max: 64 });
  return async function printUnitListing(unitCode: string): Promise<Result<DocumentFile>> {
    const unit = deps.units.tree().find(unitCode);
    if (!unit) return fail('UNIT_NOT_FOUND');
    const day = vietnamDate(deps.clock());
    const groups = listingGroups(deps.catalogue, publicUrl, deps.catalogue.search({ unit: unit.code, at: day }));
    const key = createHash('sha256')
      .update(JSON.stringify([unit.name, day, publicUrl, groups]))
      .digest('base64url');
    let pdf = listings.get(key);
    if (!pdf) {
      pdf = renderListing(unit.name, day, publicUrl, groups);
      listings.set(key, pdf);
      pdf.catch(() => listings.delete(key));
    }
    return ok({ kind: 'pdf', bytes: await pdf, fileName: `danh-muc-thu-tuc-${fileSafe(unit.code)}.pdf` });
  };
}
