/**
 * Printed catalogue for the one-stop desks: QR codes of a procedure's public page (SVG, PNG) and the
 * A4 listing a unit posts on its notice board (PDF), grouped by field, each row with a QR code.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { AppError, ErrorResponse } from '../app-error.js';
import { text } from '../../application/text-schema.js';
import { ProcedureCode } from '../../application/catalogue/procedure-schema.js';
import type { CatalogueVersion } from '../../application/catalogue/catalogue-directory.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { CHANNEL_LABELS, ONLINE_LEVEL_LABELS, type ProcedureRecord } from '../../domain/catalogue/procedure.js';
import type { DurationUnit } from '../../domain/calendar/working-time.js';
import { PrintableDocument, mm, pageNumber } from '../../infrastructure/pdf/document.js';
import { drawTable, type TableColumn, type TableRow } from '../../infrastructure/pdf/table.js';
import { QR_PNG_MAX_SIZE, QR_PNG_MIN_SIZE, qrPng, qrSvg } from '../../infrastructure/pdf/qr-code.js';

const UnitCode = text(40).trim().min(1);

/** A code's QR image changes only if the public URL does. */
const QR_CACHE_CONTROL = 'public, max-age=3600';
/** Listings per minute per client address. */
const LISTING_RATE_LIMIT = 20;

/** A non-JSON 200 response (a Buffer, sent as it is) as the OpenAPI document describes it. */
function fileResponse(mediaType: string, description: string) {
  return { description, content: { [mediaType]: { schema: z.any().meta({ type: 'string', contentMediaType: mediaType }) } } };
}

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
  const numerals: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
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
function listingGroups(ctx: HttpContext, versions: readonly CatalogueVersion[]): ListingGroup[] {
  const byField = new Map<string, ListingGroup>();
  for (const v of versions) {
    const r = v.record;
    let group = byField.get(r.fieldCode);
    if (!group) {
      group = { name: ctx.deps.catalogue.fieldName(r.fieldCode) ?? r.fieldCode, procedures: [] };
      byField.set(r.fieldCode, group);
    }
    group.procedures.push({
      code: v.code,
      name: r.name,
      timeLimit: timeLimitText(r),
      fee: feeText(r),
      online: ONLINE_LEVEL_LABELS[r.onlineLevel],
      url: procedurePageUrl(ctx.config.publicUrl, v.code),
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
    pdf.text(`Quét mã QR của từng thủ tục để xem hồ sơ, trình tự, mẫu đơn và nộp hồ sơ trực tuyến tại ${publicUrl}.`, { size: 9, style: 'italic', gapAfter: mm(3) });
  }
  let n = 0;
  const rows: TableRow[] = groups.flatMap((g, i) => [
    { group: `${roman(i + 1)}. ${g.name} (${g.procedures.length} thủ tục)` },
    ...g.procedures.map((p) => ({ cells: [String(++n), p.name, p.code, p.timeLimit, p.fee, p.online, { qr: p.url }] })),
  ]);
  drawTable(pdf, LISTING_COLUMNS, rows, { fontSize: 8.5, headerFontSize: 8.5, qrSize: 44, emptyText: 'Chưa có thủ tục hành chính nào do đơn vị này thực hiện.' });
  return pdf.toBuffer();
}

/** A filename-safe form of a unit code. */
const fileSafe = (value: string) => value.replace(/[^A-Za-z0-9._-]+/g, '-');

export function cataloguePrintRoutes(ctx: HttpContext) {
  const { catalogue } = ctx.deps;
  const today = () => vietnamDate(ctx.deps.clock());
  // A listing is costly to draw (a province has thousands of procedures) but rarely changes: keep the
  // latest ones, keyed by everything they show, so that a publication or a new day makes a new one.
  const listings = new LRUCache<string, Promise<Buffer>>({ max: 64 });

  const requireProcedure = (code: string) => {
    if (catalogue.history(code).length === 0) throw new AppError('PROCEDURE_NOT_FOUND');
    return procedurePageUrl(ctx.config.publicUrl, code);
  };

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const params = z.strictObject({ code: ProcedureCode });

    r.get(
      '/procedures/:code/qr.svg',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Mã QR (SVG) dẫn tới trang công khai của thủ tục trên Cổng dịch vụ công',
          params,
          response: { 200: fileResponse('image/svg+xml', 'Ảnh SVG của mã QR'), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const svg = await qrSvg(requireProcedure(request.params.code));
        return reply.header('cache-control', QR_CACHE_CONTROL).type('image/svg+xml; charset=utf-8').send(Buffer.from(svg, 'utf8'));
      },
    );

    r.get(
      '/procedures/:code/qr.png',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Mã QR (PNG) dẫn tới trang công khai của thủ tục trên Cổng dịch vụ công',
          params,
          querystring: z.strictObject({
            size: z.coerce.number().int().min(QR_PNG_MIN_SIZE).max(QR_PNG_MAX_SIZE).default(256).describe(`Cạnh ảnh, tính bằng điểm ảnh (${QR_PNG_MIN_SIZE}–${QR_PNG_MAX_SIZE})`),
          }),
          response: { 200: fileResponse('image/png', 'Ảnh PNG của mã QR'), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const png = await qrPng(requireProcedure(request.params.code), request.query.size);
        return reply.header('cache-control', QR_CACHE_CONTROL).type('image/png').send(png);
      },
    );

    r.get(
      '/units/:code/procedures.pdf',
      {
        // Drawing a large unit's listing takes a second of CPU; nobody prints twenty a minute.
        config: { access: 'public', rateLimit: { max: LISTING_RATE_LIMIT, timeWindow: 60_000 } },
        schema: {
          tags: ['catalogue'],
          summary: 'Danh mục thủ tục hành chính của một đơn vị (PDF khổ A4 để niêm yết), theo lĩnh vực, kèm mã QR',
          params: z.strictObject({ code: UnitCode }),
          response: { 200: fileResponse('application/pdf', 'Tệp PDF khổ A4'), 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const unit = ctx.deps.units.tree().find(request.params.code);
        if (!unit) throw new AppError('UNIT_NOT_FOUND');
        const day = today();
        const groups = listingGroups(ctx, catalogue.search({ unit: unit.code, at: day }));
        const key = createHash('sha256').update(JSON.stringify([unit.name, day, ctx.config.publicUrl, groups])).digest('base64url');
        let pdf = listings.get(key);
        if (!pdf) {
          pdf = renderListing(unit.name, day, ctx.config.publicUrl, groups);
          listings.set(key, pdf);
          pdf.catch(() => listings.delete(key));
        }
        const body = await pdf;
        return (
          reply
            .type('application/pdf')
            .header('content-disposition', `inline; filename="danh-muc-thu-tuc-${fileSafe(unit.code)}.pdf"`)
            // Browsers' PDF viewers break under the API's `default-src 'none'`; the file holds no script.
            .header('content-security-policy', "frame-ancestors 'self'")
            .send(body)
        );
      },
    );
  };
}
