/**
 * The Decision 766 scorecard (CONTRACT), its ranking, trend, forecast, drill-down and formula versions, and
 * the settlement report (CONTRACT; JSON, or XLSX / PDF by Accept). A period is `from`/`to`, or a named
 * `period` (2026-11, 2026-Q4, 2026-H1, 2026-9M, 2026) cut at `cutoffDay` (REPORT_CUTOFF_DAY by default).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { HttpContext } from '../context.js';
import { AppError, ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { accepts, sendFile, XLSX_TYPE } from '../file-reply.js';
import { computeScorecard, settlementReport } from '../../application/scorecard/scorecard.js';
import { drillDown } from '../../application/scorecard/drill-down.js';
import { settlementTimes } from '../../application/scorecard/settlement-times.js';
import { rankSubunits } from '../../application/scorecard/ranking.js';
import { scoreTrend } from '../../application/scorecard/trend.js';
import { forecastScore } from '../../application/scorecard/forecast.js';
import { addFormulaVersion, listFormulaVersions } from '../../application/scorecard/formula-versions.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { reportPeriod } from '../../domain/scorecard/period.js';
import { drillDownFile, settlementReportFile } from '../../application/scorecard/export-reports.js';
import {
  DrillDownList,
  DrillDownQuery,
  FormulaAdded,
  FormulaBody,
  Formulas,
  Forecast,
  PeriodQuery,
  Ranking,
  RankingQuery,
  ReportSettings,
  ScorecardAnswer,
  SettlementQuery,
  SettlementReport,
  SettlementTimes,
  Trend,
  TrendQuery,
} from '../../contract/scorecard.js';

export { vietnamesePercent } from '../../application/scorecard/report-documents.js';

type Period = z.output<typeof PeriodQuery>;

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function scorecardRoutes(ctx: HttpContext) {
  /** from/to as given, or the named period cut at the cut-off day. */
  const periodOf = (q: Period): { from: string; to: string } => {
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
          response: { 200: ScorecardAnswer, ...errors },
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
          querystring: RankingQuery,
          response: { 200: Ranking, ...errors },
        },
      },
      async (request) =>
        unwrap(
          await rankSubunits(ctx.deps, {
            unit: request.query.unit,
            ...periodOf(request.query),
            minSample: request.query.minSample ?? ctx.config.SCORECARD_MIN_SAMPLE,
            meta: requestMeta(request),
          }),
        ),
    );

    r.get(
      '/scorecard/settlement-times',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary:
            'Chỉ số 2.2: thời gian giải quyết trung bình của từng thủ tục (hồ sơ có kết quả, tiếp nhận trong kỳ), theo đơn vị tính thời hạn của thủ tục; không tính điểm',
          querystring: PeriodQuery,
          response: { 200: SettlementTimes, ...errors },
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
          querystring: TrendQuery,
          response: { 200: Trend, ...errors },
        },
      },
      async (request) =>
        unwrap(
          await scoreTrend(ctx.deps, {
            unit: request.query.unit,
            to: request.query.to ?? vietnamDate(ctx.deps.clock()),
            months: request.query.months,
            meta: requestMeta(request),
          }),
        ),
    );

    r.get(
      '/scorecard/forecast',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary: 'Dự báo điểm cuối kỳ nếu hồ sơ đang giải quyết tiếp tục như hiện nay, và các việc cần làm để được thêm nhiều điểm nhất',
          querystring: PeriodQuery,
          response: { 200: Forecast, ...errors },
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
          summary:
            'Các hồ sơ (hoặc thủ tục) làm mất điểm một chỉ số, kèm lý do, bước, đơn vị và cán bộ làm chậm; có tổng số, sắp xếp (chậm nhất trước), lọc và xuất Excel (Accept XLSX)',
          querystring: DrillDownQuery,
          response: { 200: DrillDownList, ...errors },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const input = {
          unit: q.unit,
          ...periodOf(q),
          indicator: q.indicator,
          limit: q.limit,
          offset: q.offset,
          sort: q.sort,
          within: q.within,
          verdict: q.verdict,
          meta: requestMeta(request),
        };
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
          response: { 200: ReportSettings, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async () => ({ reportCutoffDay: ctx.config.REPORT_CUTOFF_DAY, minSample: ctx.config.SCORECARD_MIN_SAMPLE }),
    );

    r.get(
      '/scorecard/formulas',
      {
        config: view,
        schema: {
          tags: ['scorecard'],
          summary: 'Các phiên bản công thức tính chỉ số (định nghĩa từng chỉ số, điểm tối đa, chỉ tiêu)',
          response: { 200: Formulas, 401: ErrorResponse, 403: ErrorResponse },
        },
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
          body: FormulaBody,
          response: { 201: FormulaAdded, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
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
          description:
            'Mỗi dòng: các cột của biểu tổng hợp và tỷ lệ trước hạn, đúng hạn; sau đó hồ sơ có phí, lệ phí tiếp nhận trong kỳ (feeDue), ' +
            'số đã thanh toán trực tuyến (feePaidOnline) và tỷ lệ (paidOnlineRate), cùng số liệu với chỉ số 3.6 của Bộ chỉ số 766.',
          querystring: SettlementQuery,
          response: { 200: SettlementReport, ...errors },
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
