/**
 * What crosses the wire for the Decision 766 scorecard: the card, the ranking of the subunits, the monthly
 * trend, indicator 2.2 per procedure, the forecast, the drill-down, the reporting settings, the formula
 * versions and the settlement report. A period is `from`/`to`, or a named `period` (2026-11, 2026-Q4,
 * 2026-H1, 2026-9M, 2026) cut at `cutoffDay`.
 */
import { z } from 'zod';
import { DURATION_UNITS } from '../domain/calendar/working-time.js';
import { VERDICTS } from '../domain/dossier/timeliness.js';
import { CATALOGUE_MEASURES, FEEDBACK_MEASURES, PROCEDURE_FILTERS } from '../domain/scorecard/formula.js';
import { MEASURES } from '../domain/scorecard/measures.js';
import { PERIOD_PATTERN } from '../domain/scorecard/period.js';
import { REPORT_COUNTS } from '../domain/scorecard/settlement.js';
import { SHORTFALL_KINDS } from '../domain/scorecard/shortfall.js';
import { DRILL_SORTS } from '../domain/scorecard/views.js';
import { isoDate, text } from './text.js';

const UnitCode = text(40).trim().min(1);

/** The period part of a scorecard request: `period` (+ `cutoffDay`) or `from`/`to`. */
export const PeriodQuery = z.strictObject({
  unit: UnitCode,
  from: isoDate.optional().describe('Ngày đầu kỳ (yyyy-MM-dd); cùng với to, hoặc dùng period'),
  to: isoDate.optional().describe('Ngày cuối kỳ (yyyy-MM-dd), tính cả ngày này'),
  period: z.string().regex(PERIOD_PATTERN, 'kỳ dạng 2026-11, 2026-Q4, 2026-H1, 2026-9M hoặc 2026').optional(),
  cutoffDay: z.coerce
    .number<number>()
    .int()
    .min(1)
    .max(28)
    .optional()
    .describe('Ngày chốt số liệu: 1 (theo tháng dương lịch) hoặc 15 (từ ngày 15 tháng trước đến ngày 14)'),
});
export type PeriodQuery = z.input<typeof PeriodQuery>;

const Indicator = z.object({
  id: z.string(),
  name: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  ratio: z.number().nullable(),
  target: z.number().nullable(),
  points: z.number(),
  maxPoints: z.number(),
});
const Group = z.object({ id: z.string(), name: z.string(), points: z.number(), maxPoints: z.number(), indicators: z.array(Indicator) });
/** A scored formula: the total and each group's indicators. */
export const Card = z.object({ formulaVersion: z.string(), total: z.number(), groups: z.array(Group) });
export type Card = z.infer<typeof Card>;

/** GET /scorecard */
export const ScorecardAnswer = Card.extend({ unit: z.string(), from: z.string(), to: z.string(), dossiers: z.number() });
export type ScorecardAnswer = z.infer<typeof ScorecardAnswer>;

/** GET /scorecard/ranking */
export const RankingQuery = PeriodQuery.extend({ minSample: z.coerce.number<number>().int().min(0).max(100_000).optional() });
export type RankingQuery = z.input<typeof RankingQuery>;

export const RankingRow = z.object({
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
});
export type RankingRow = z.infer<typeof RankingRow>;

export const Ranking = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  formulaVersion: z.string(),
  minSample: z.number(),
  rows: z.array(RankingRow),
});
export type Ranking = z.infer<typeof Ranking>;

/** GET /scorecard/settlement-times: indicator 2.2 per procedure. */
export const SettlementTimeRow = z.object({
  procedureCode: z.string(),
  name: z.string(),
  settled: z.number(),
  timeUnit: z.enum(DURATION_UNITS),
  timeLimit: z.number().nullable(),
  average: z.number(),
});
export type SettlementTimeRow = z.infer<typeof SettlementTimeRow>;

export const SettlementTimes = z.object({ unit: z.string(), from: z.string(), to: z.string(), rows: z.array(SettlementTimeRow) });
export type SettlementTimes = z.infer<typeof SettlementTimes>;

/** GET /scorecard/trend */
export const TrendQuery = z.strictObject({ unit: UnitCode, to: isoDate.optional(), months: z.coerce.number<number>().int().min(1).max(36).default(12) });
export type TrendQuery = z.input<typeof TrendQuery>;

export const TrendPoint = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), points: z.number(), maxPoints: z.number() })),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const Trend = z.object({ unit: z.string(), points: z.array(TrendPoint) });
export type Trend = z.infer<typeof Trend>;

/** GET /scorecard/forecast */
export const Fix = z.object({
  indicatorId: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  dossiers: z.number(),
  gain: z.number(),
  text: z.string(),
});
export type Fix = z.infer<typeof Fix>;

export const Forecast = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  actual: Card,
  projected: Card,
  open: z.object({ onTrack: z.number(), offTrack: z.number() }),
  fixes: z.array(Fix),
});
export type Forecast = z.infer<typeof Forecast>;

/** GET /scorecard/drilldown */
export const DrillDownQuery = PeriodQuery.extend({
  indicator: text(20).trim().min(1),
  limit: z.coerce.number<number>().int().min(1).max(1000).default(50),
  offset: z.coerce.number<number>().int().min(0).max(100_000).default(0),
  sort: z.enum(DRILL_SORTS).default('lateness').describe('lateness: chậm nhất trước; due: hạn sớm nhất trước; code: theo mã hồ sơ'),
  within: z.string().min(1).max(64).optional().describe('Chỉ hồ sơ của đơn vị này (thuộc unit)'),
  verdict: z.enum(VERDICTS).optional().describe('Chỉ hồ sơ có kết quả đánh giá này'),
});
export type DrillDownQuery = z.input<typeof DrillDownQuery>;

export const ChargedStep = z.object({
  stepIndex: z.number(),
  stepName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  officialName: z.string().nullable(),
  budgetHours: z.number(),
  usedHours: z.number(),
  overrunHours: z.number(),
});
export type ChargedStep = z.infer<typeof ChargedStep>;

export const DrillDownDossier = z.object({
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
  charged: z.array(ChargedStep).describe('Các bước quá hạn của bước khi hồ sơ trễ hạn, vượt định mức nhiều nhất trước'),
});
export type DrillDownDossier = z.infer<typeof DrillDownDossier>;

export const ShortfallProcedure = z.object({ procedureCode: z.string(), procedureName: z.string(), reason: z.string() });
export type ShortfallProcedure = z.infer<typeof ShortfallProcedure>;

export const ShortfallFeedback = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  unitCode: z.string(),
  receivedAt: z.string(),
  reason: z.string(),
});
export type ShortfallFeedback = z.infer<typeof ShortfallFeedback>;

export const DrillDownList = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  indicator: z.object({
    id: z.string(),
    name: z.string(),
    formulaVersion: z.string(),
    /** Watched, not scored (no points, e.g. 5.1's shares): the list holds what was counted, not what lost points. */
    watched: z.boolean(),
  }),
  dossiers: z.array(DrillDownDossier),
  procedures: z.array(ShortfallProcedure),
  /** Indicators of citizen feedback (5.2, 5.3): the items that lost the points. */
  feedback: z.array(ShortfallFeedback),
  more: z.boolean(),
  total: z.number().describe('Tổng số hồ sơ (hoặc thủ tục) trong danh sách, trước khi phân trang'),
  sort: z.enum(DRILL_SORTS),
});
export type DrillDownList = z.infer<typeof DrillDownList>;

/** GET /scorecard/settings: the province's reporting settings. */
export const ReportSettings = z.object({ reportCutoffDay: z.number(), minSample: z.number() });
export type ReportSettings = z.infer<typeof ReportSettings>;

// A formula version as stored (src/domain/scorecard/formula.ts), for the OpenAPI document and the response.
const Term = z.object({
  measure: z.enum(MEASURES).describe('Tên đại lượng hồ sơ (measures.ts)'),
  at: z.enum(['period', 'start', 'end']),
  sign: z.union([z.literal(1), z.literal(-1)]).optional(),
});
const Quantity = z.union([
  z.object({ dossiers: z.array(Term) }),
  z.object({ procedures: z.object({ of: z.enum(PROCEDURE_FILTERS), having: z.array(Term).optional() }) }),
  z.object({ catalogue: z.enum(CATALOGUE_MEASURES) }),
  z.object({ feedback: z.enum(FEEDBACK_MEASURES) }),
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
export const FormulaVersion = z.object({
  id: z.string(),
  effectiveFrom: z.string(),
  source: z.string().optional(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), maxPoints: z.number(), indicators: z.array(IndicatorSpec) })),
});
export type FormulaVersion = z.infer<typeof FormulaVersion>;

/** GET /scorecard/formulas */
export const Formulas = z.object({ versions: z.array(FormulaVersion) });
export type Formulas = z.infer<typeof Formulas>;

/** POST /scorecard/formulas: the definition is checked by the use case (application/scorecard/formula-versions.ts). */
export const FormulaBody = z.record(z.string(), z.unknown());
export const FormulaAdded = z.object({ id: z.string(), effectiveFrom: z.string() });
export type FormulaAdded = z.infer<typeof FormulaAdded>;

/** GET /reports/settlement */
export const SETTLEMENT_GROUPS = ['unit', 'field', 'procedure'] as const;
export const SettlementQuery = PeriodQuery.extend({ groupBy: z.enum(SETTLEMENT_GROUPS).default('unit') });
export type SettlementQuery = z.input<typeof SettlementQuery>;

/** The national form's counts, then `feeDue` and `feePaidOnline`: the fee-bearing dossiers received, and those paid online (3.6). */
const Counts = Object.fromEntries(REPORT_COUNTS.map((k) => [k, z.number()])) as Record<(typeof REPORT_COUNTS)[number], z.ZodNumber>;
/** Percentages with 2 decimals; null when their whole is 0 (nothing settled; no fee-bearing dossier received). */
const Rates = { onTimeRate: z.number().nullable(), paidOnlineRate: z.number().nullable() };
export const SettlementReportRow = z.object({ key: z.string(), name: z.string(), ...Counts, ...Rates });
export type SettlementReportRow = z.infer<typeof SettlementReportRow>;

export const SettlementReport = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(SETTLEMENT_GROUPS),
  rows: z.array(SettlementReportRow),
  total: z.object({ ...Counts, ...Rates }),
});
export type SettlementReport = z.infer<typeof SettlementReport>;
