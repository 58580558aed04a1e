/** The Decision 766 scorecard and the settlement report (CONTRACT). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { isoDate, text } from '../../application/text-schema.js';
import { computeScorecard, settlementReport } from '../../application/scorecard/scorecard.js';
import { SETTLEMENT_COUNTS } from '../../domain/scorecard/settlement.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const COLUMN_LABELS: Record<(typeof SETTLEMENT_COUNTS)[number], string> = {
  carriedOver: 'Kỳ trước chuyển qua',
  received: 'Tiếp nhận trong kỳ',
  receivedOnline: 'Trực tuyến',
  receivedCounter: 'Trực tiếp',
  receivedPostal: 'Bưu chính',
  receivedLocationIndependent: 'Phi địa giới',
  settled: 'Đã giải quyết',
  settledEarly: 'Trước hạn',
  settledOnTime: 'Đúng hạn',
  settledLateWithApology: 'Quá hạn có xin lỗi',
  settledLateWithoutApology: 'Quá hạn không xin lỗi',
  inProgress: 'Đang giải quyết',
  inProgressNotDue: 'Chưa đến hạn',
  inProgressOverdue: 'Quá hạn',
  withdrawn: 'Rút hồ sơ',
  carriedForward: 'Tồn chuyển kỳ sau',
};

/** 95.58 → "95,58%" */
export function vietnamesePercent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2).replace('.', ',')}%`;
}

const PeriodQuery = z.strictObject({ unit: text(40).trim().min(1), from: isoDate, to: isoDate });
const Counts = Object.fromEntries(SETTLEMENT_COUNTS.map((k) => [k, z.number()])) as Record<(typeof SETTLEMENT_COUNTS)[number], z.ZodNumber>;

export function scorecardRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/scorecard',
      {
        config: { access: { capability: 'scorecard.view' } },
        schema: {
          tags: ['scorecard'],
          summary: 'Bộ chỉ số 766 của một đơn vị và các đơn vị trực thuộc trong một kỳ',
          querystring: PeriodQuery,
          response: {
            200: z.object({
              unit: z.string(),
              from: z.string(),
              to: z.string(),
              formulaVersion: z.string(),
              total: z.number(),
              dossiers: z.number(),
              groups: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  points: z.number(),
                  maxPoints: z.number(),
                  indicators: z.array(
                    z.object({ id: z.string(), name: z.string(), numerator: z.number(), denominator: z.number(), ratio: z.number().nullable(), target: z.number().nullable(), points: z.number(), maxPoints: z.number() }),
                  ),
                }),
              ),
            }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => unwrap(await computeScorecard(ctx.deps, { ...request.query, meta: requestMeta(request) })),
    );

    r.get(
      '/reports/settlement',
      {
        config: { access: { capability: 'scorecard.view' } },
        schema: {
          tags: ['scorecard'],
          summary: 'Báo cáo tình hình giải quyết TTHC theo đơn vị, lĩnh vực hoặc thủ tục (JSON; Accept XLSX cho tệp Excel)',
          querystring: PeriodQuery.extend({ groupBy: z.enum(['unit', 'field', 'procedure']).default('unit') }),
          response: {
            200: z.object({
              unit: z.string(),
              from: z.string(),
              to: z.string(),
              groupBy: z.string(),
              rows: z.array(z.object({ key: z.string(), name: z.string(), ...Counts, onTimeRate: z.number().nullable() })),
              total: z.object({ ...Counts, onTimeRate: z.number().nullable() }),
            }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const report = unwrap(await settlementReport(ctx.deps, { ...request.query, meta: requestMeta(request) }));
        if (!String(request.headers.accept ?? '').includes(XLSX)) return report;
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Tình hình giải quyết');
        sheet.addRow([`Báo cáo tình hình giải quyết thủ tục hành chính từ ${report.from.split('-').reverse().join('/')} đến ${report.to.split('-').reverse().join('/')}`]);
        sheet.addRow(['Mã', 'Tên', ...SETTLEMENT_COUNTS.map((k) => COLUMN_LABELS[k]), 'Tỷ lệ trước hạn, đúng hạn']);
        sheet.getRow(2).font = { bold: true };
        for (const row of report.rows) sheet.addRow([row.key, row.name, ...SETTLEMENT_COUNTS.map((k) => row[k]), vietnamesePercent(row.onTimeRate)]);
        sheet.addRow(['', 'Tổng cộng', ...SETTLEMENT_COUNTS.map((k) => report.total[k]), vietnamesePercent(report.total.onTimeRate)]).font = { bold: true };
        sheet.getColumn(2).width = 50;
        const file = Buffer.from(await workbook.xlsx.writeBuffer());
        return reply.type(XLSX).header('content-disposition', `attachment; filename="bao-cao-giai-quyet-${report.from}-${report.to}.xlsx"`).send(file as never);
      },
    );
  };
}
