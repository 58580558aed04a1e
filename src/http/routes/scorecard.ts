/**
 * The Decision 766 scorecard (CONTRACT), its ranking, trend, forecast, drill-down and formula versions, and
 * the settlement report (CONTRACT; JSON, or XLSX / PDF by Accept). A period is `from`/`to`, or a named
 * `period` (2026-11, 2026-Q4, 2026-H1, 2026-9M, 2026) cut at `cutoffDay` (REPORT_CUTOFF_DAY by default).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { AppError, ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { accepts, sendFile, XLSX_TYPE } from '../file-reply.js';
import { isoDate, text } from '../../application/text-schema.js';
import { computeScorecard, settlementReport } from '../../application/scorecard/scorecard.js';
import { drillDown, DRILL_SORTS } from '../../application/scorecard/drill-down.js';
import { VERDICTS } from '../../domain/dossier/timeliness.js';
import { settlementTimes } from '../../application/scorecard/settlement-times.js';
import { DURATION_UNITS } from '../../domain/calendar/working-time.js';
import { rankSubunits } from '../../application/scorecard/ranking.js';
import { scoreTrend } from '../../application/scorecard/trend.js';
import { forecastScore } from '../../application/scorecard/forecast.js';
import { addFormulaVersion, listFormulaVersions } from '../../application/scorecard/formula-versions.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { SETTLEMENT_COUNTS } from '../../domain/scorecard/settlement.js';
import { CATALOGUE_MEASURES, PROCEDURE_FILTERS } from '../../domain/scorecard/formula.js';
import { PERIOD_PATTERN, reportPeriod } from '../../domain/scorecard/period.js';
import { SHORTFALL_KINDS } from '../../domain/scorecard/shortfall.js';
import { drillDownFile, settlementReportFile } from '../../application/scorecard/export-reports.js';

export { vietnamesePercent } from '../../application/scorecard/report-documents.js';

const PeriodQuery = z.strictObject({
  unit: text(40).trim().min(1),
  from: isoDate.optional().describe('Ngày đầu kỳ (yyyy-MM-dd); cùng với to, hoặc dùng period'),
  to: isoDate.optional().describe('Ngày cuối kỳ (yyyy-MM-dd), tính cả ngày này'),
  period: z.string().regex(PERIOD_PATTERN, 'kỳ dạng 2026-11, 2026-Q4, 2026-H1, 2026-9M hoặc 2026').optional(),
  cutoffDay: z.coerce.number().int().min(1).max(28).optional().describe('Ngày chốt số liệu: 1 (theo tháng dương lịch) hoặc 15 (từ ngày 15 tháng trước đến ngày 14)'),
});
type PeriodQuery = z.infer<typeof PeriodQuery>;

const Indicator = z.object({ id: z.string(), name: z.string(), numerator: z.number(), denominator: z.number(), ratio: z.number().nullable(), target: z.number().nullable(), points: z.number(), maxPoints: z.number() });
const Group = z.object({ id: z.string(), name: z.string(), points: z.number(), maxPoints: z.number(), indicators: z.array(Indicator) });
const Card = z.object({ formulaVersion: z.string(), total: z.number(), groups: z.array(Group) });
const Counts = Object.fromEntries(SETTLEMENT_COUNTS.map((k) => [k, z.number()])) as Record<(typeof SETTLEMENT_COUNTS)[number], z.ZodNumber>;
// A formula version as stored (src/domain/scorecard/formula.ts), for the OpenAPI document and the response.
const Term = z.object({ measure: z.string().describe('Tên đại lượng hồ sơ (measures.ts)'), at: z.enum(['period', 'start', 'end']), sign: z.union([z.literal(1), z.literal(-1)]).optional() });
const Quantity = z.union([
  z.object({ dossiers: z.array(Term) }),
  z.object({ procedures: z.object({ of: z.enum(PROCEDURE_FILTERS), having: z.array(Term).optional() }) }),
  z.object({ catalogue: z.enum(CATALOGUE_MEASURES) }),
]);
const IndicatorSpec = z.object({
  id: z.string(),
  name: z.string(),
  definition: z.string(),
  maxPoints: z.number(),
  target: z.number().nullable(),
  decimals: z.number().int().optional(),
  numerator: Quantity,
  denominator: Quantity,
});
const FormulaVersion = z.object({
  id: z.string(),
  effectiveFrom: z.string(),
  source: z.string().optional(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), maxPoints: z.number(), indicators: z.array(IndicatorSpec) })),
});
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function scorecardRoutes(ctx: HttpContext) {
  /** from/to as given, or the named period cut at the cut-off day. */
  const periodOf = (q: PeriodQuery): { from: string; to: string } => {
    if (q.period) {
      const p = reportPeriod(q.period, q.cutoffDay ?? ctx.config.REPORT_CUTOFF_DAY);
      if (p) return p;
    }
    if (q.from && q.to) return { from: q.from, to: q.to };
    throw new AppError('VALIDATION_FAILED', [{ path: 'querystring', message: 'Cần from và to, hoặc period' }]);
  };
  const view = { access: { capability: 'scorecard.view' } } as const;

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/scorecard',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary: 'Bộ chỉ số 766 của một đơn vị và các đơn vị trực thuộc trong một kỳ',
          querystring: PeriodQuery,
          response: { 200: Card.extend({ unit: z.string(), from: z.string(), to: z.string(), dossiers: z.number() }), ...errors },
        },
      },
      async (request) => unwrap(await computeScorecard(ctx.deps, { unit: request.query.unit, ...periodOf(request.query), meta: requestMeta(request) })),
    );

    r.get(
      '/scorecard/ranking',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary: 'Xếp hạng các đơn vị trực thuộc, với cỡ mẫu và khoảng tin cậy Wilson; đơn vị ít hồ sơ không được xếp hạng',
          querystring: PeriodQuery.extend({ minSample: z.coerce.number().int().min(0).max(100_000).optional() }),
          response: {
            200: z.object({
              unit: z.string(),
              from: z.string(),
              to: z.string(),
              formulaVersion: z.string(),
              minSample: z.number(),
              rows: z.array(
                z.object({
                  unitCode: z.string(),
                  unitName: z.string(),
                  level: z.string(),
                  total: z.number(),
                  sample: z.number(),
                  onTime: z.number(),
                  rank: z.number().nullable(),
                  interval: z.object({ low: z.number(), high: z.number() }).nullable(),
                  indistinctFromNext: z.boolean(),
                  groups: z.array(z.object({ id: z.string(), points: z.number(), maxPoints: z.number() })),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) =>
        unwrap(await rankSubunits(ctx.deps, { unit: request.query.unit, ...periodOf(request.query), minSample: request.query.minSample ?? ctx.config.SCORECARD_MIN_SAMPLE, meta: requestMeta(request) })),
    );

    r.get(
      '/scorecard/settlement-times',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary: 'Chỉ số 2.2: thời gian giải quyết trung bình của từng thủ tục (hồ sơ có kết quả, tiếp nhận trong kỳ), theo đơn vị tính thời hạn của thủ tục; không tính điểm',
          querystring: PeriodQuery,
          response: {
            200: z.object({
              unit: z.string(),
              from: z.string(),
              to: z.string(),
              rows: z.array(
                z.object({
                  procedureCode: z.string(),
                  name: z.string(),
                  settled: z.number(),
                  timeUnit: z.enum(DURATION_UNITS),
                  timeLimit: z.number().nullable(),
                  average: z.number(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => unwrap(await settlementTimes(ctx.deps, { unit: request.query.unit, ...periodOf(request.query), meta: requestMeta(request) })),
    );

    r.get(
      '/scorecard/trend',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary: 'Điểm theo từng tháng (mặc định 12 tháng đến hôm nay)',
          querystring: z.strictObject({ unit: text(40).trim().min(1), to: isoDate.optional(), months: z.coerce.number().int().min(1).max(36).default(12) }),
          response: {
            200: z.object({
              unit: z.string(),
              points: z.array(z.object({ month: z.string(), from: z.string(), to: z.string(), total: z.number(), groups: z.array(z.object({ id: z.string(), name: z.string(), points: z.number(), maxPoints: z.number() })) })),
            }),
            ...errors,
          },
        },
      },
      async (request) =>
        unwrap(await scoreTrend(ctx.deps, { unit: request.query.unit, to: request.query.to ?? vietnamDate(ctx.deps.clock()), months: request.query.months, meta: requestMeta(request) })),
    );

    r.get(
      '/scorecard/forecast',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary: 'Dự báo điểm cuối kỳ nếu hồ sơ đang giải quyết tiếp tục như hiện nay, và các việc cần làm để được thêm nhiều điểm nhất',
          querystring: PeriodQuery,
          response: {
            200: z.object({
              unit: z.string(),
              from: z.string(),
              to: z.string(),
              asOf: z.string(),
              actual: Card,
              projected: Card,
              open: z.object({ onTrack: z.number(), offTrack: z.number() }),
              fixes: z.array(z.object({ indicatorId: z.string(), procedureCode: z.string(), procedureName: z.string(), dossiers: z.number(), gain: z.number(), text: z.string() })),
            }),
            ...errors,
          },
        },
      },
      async (request) => unwrap(await forecastScore(ctx.deps, { unit: request.query.unit, ...periodOf(request.query), meta: requestMeta(request) })),
    );

    r.get(
      '/scorecard/drilldown',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary: 'Các hồ sơ (hoặc thủ tục) làm mất điểm một chỉ số, kèm lý do, bước, đơn vị và cán bộ làm chậm; có tổng số, sắp xếp (chậm nhất trước), lọc và xuất Excel (Accept XLSX)',
          querystring: PeriodQuery.extend({
            indicator: text(20).trim().min(1),
            limit: z.coerce.number().int().min(1).max(1000).default(50),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
            sort: z.enum(DRILL_SORTS).default('lateness').describe('lateness: chậm nhất trước; due: hạn sớm nhất trước; code: theo mã hồ sơ'),
            within: z.string().min(1).max(64).optional().describe('Chỉ hồ sơ của đơn vị này (thuộc unit)'),
            verdict: z.enum(VERDICTS).optional().describe('Chỉ hồ sơ có kết quả đánh giá này'),
          }),
          response: {
            200: z.object({
              unit: z.string(),
              from: z.string(),
              to: z.string(),
              indicator: z.object({ id: z.string(), name: z.string(), formulaVersion: z.string() }),
              dossiers: z.array(
                z.object({
                  dossierId: z.string(),
                  code: z.string(),
                  procedureCode: z.string(),
                  procedureName: z.string(),
                  unitCode: z.string(),
                  unitName: z.string(),
                  acceptedAt: z.string().nullable(),
                  dueAt: z.string().nullable(),
                  finishedAt: z.string().nullable(),
                  kinds: z.array(z.enum(SHORTFALL_KINDS)),
                  reason: z.string(),
                  verdict: z.enum(VERDICTS).nullable(),
                  verdictLabel: z.string().nullable(),
                  lateHours: z.number().describe('Số giờ làm việc sau hạn giải quyết'),
                  charged: z.array(
                    z.object({
                      stepIndex: z.number(),
                      stepName: z.string(),
                      unitCode: z.string(),
                      unitName: z.string(),
                      officialName: z.string().nullable(),
                      budgetHours: z.number(),
                      usedHours: z.number(),
                      overrunHours: z.number(),
                    }),
                  ).describe('Các bước quá hạn của bước khi hồ sơ trễ hạn, vượt định mức nhiều nhất trước'),
                }),
              ),
              procedures: z.array(z.object({ procedureCode: z.string(), procedureName: z.string(), reason: z.string() })),
              more: z.boolean(),
              total: z.number().describe('Tổng số hồ sơ (hoặc thủ tục) trong danh sách, trước khi phân trang'),
              sort: z.enum(DRILL_SORTS),
            }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const input = { unit: q.unit, ...periodOf(q), indicator: q.indicator, limit: q.limit, offset: q.offset, sort: q.sort, within: q.within, verdict: q.verdict, meta: requestMeta(request) };
        if (accepts(request.headers.accept, XLSX_TYPE)) return sendFile(reply, unwrap(await drillDownFile(ctx.deps, input)));
        return unwrap(await drillDown(ctx.deps, input));
      },
    );

    r.get(
      '/scorecard/settings',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary: 'Cấu hình báo cáo của tỉnh: ngày chốt số liệu mặc định và cỡ mẫu tối thiểu để xếp hạng',
          response: { 200: z.object({ reportCutoffDay: z.number(), minSample: z.number() }), 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async () => ({ reportCutoffDay: ctx.config.REPORT_CUTOFF_DAY, minSample: ctx.config.SCORECARD_MIN_SAMPLE }),
    );

    r.get(
      '/scorecard/formulas',
      {
        config: view,
        schema: { tags: ['scorecard'], summary: 'Các phiên bản công thức tính chỉ số (định nghĩa từng chỉ số, điểm tối đa, chỉ tiêu)', response: { 200: z.object({ versions: z.array(FormulaVersion) }), 401: ErrorResponse, 403: ErrorResponse } },
      },
      async () => ({ versions: await listFormulaVersions(ctx.deps) }),
    );

    r.post(
      '/scorecard/formulas',
      {
        config: { access: { capability: 'scorecard.manage' } },
        schema: {
          tags: ['scorecard'],
          summary: 'Thêm một phiên bản công thức (có hiệu lực từ một ngày; không sửa phiên bản đã có)',
          body: z.record(z.string(), z.unknown()),
          response: { 201: z.object({ id: z.string(), effectiveFrom: z.string() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const version = unwrap(await addFormulaVersion(ctx.deps, { definition: request.body, meta: requestMeta(request) }));
        return reply.code(201).send({ id: version.id, effectiveFrom: version.effectiveFrom });
      },
    );

    r.get(
      '/reports/settlement',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary: 'Báo cáo tình hình giải quyết TTHC theo đơn vị, lĩnh vực hoặc thủ tục (JSON; Accept XLSX hoặc PDF cho tệp)',
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
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const input = { unit: q.unit, ...periodOf(q), groupBy: q.groupBy, meta: requestMeta(request) };
        const format = accepts(request.headers.accept, XLSX_TYPE) ? 'xlsx' : accepts(request.headers.accept, 'application/pdf') ? 'pdf' : null;
        if (format) return sendFile(reply, unwrap(await settlementReportFile(ctx.deps, { ...input, format })));
        return unwrap(await settlementReport(ctx.deps, input));
      },
    );
  };
}
