/**
 * The Decision 766 index as data: groups and indicators, each with its numerator and denominator (what
 * they count), maximum points, target and rounding, in versions that take effect on a date (the national
 * portal changes weights over time). A period is scored with the version in force on its first day; a new
 * version is data (JSON, checked by `checkFormulaVersion`), never code.
 *
 * Scoring: full points when the ratio reaches the target, otherwise proportional (ratio × max ÷ target, or
 * ratio × max ÷ 100 without a target); N/A (ratio null, 0 points) when the denominator is 0. Ratios and
 * points are rounded to the indicator's decimals (2 by default) (REFERENCE §1.3; ceilings tagged [S]).
 */
import type { Measure, MeasureReader } from './measures.js';

/** A dossier measure over the period (flow), or a stock at its first or last boundary. */
export interface Term {
  measure: Measure;
  at: 'period' | 'start' | 'end';
  sign?: 1 | -1;
}

/** Which of a unit's procedures (in force at the period's end) a procedure count considers. */
export const PROCEDURE_FILTERS = ['all', 'feeBearing', 'fullOnlineEligible', 'paperResult', 'citizenSubjects'] as const;
export type ProcedureFilter = (typeof PROCEDURE_FILTERS)[number];

/** Counts from the catalogue and its publication decisions (group 1). */
export const CATALOGUE_MEASURES = [
  'decisionProcedures',
  'decisionProceduresOnTime',
  'publicationDue',
  'publishedOnTime',
  'madePublic',
  'madePublicComplete',
] as const;
export type CatalogueMeasure = (typeof CATALOGUE_MEASURES)[number];

/**
 * Counts from citizen feedback (group 5, issue 22): the items first received in the period, those handled on time by
 * the 2/5/15/2 rules (5.2), those satisfied (5.3), and their classification (5.1).
 */
export const FEEDBACK_MEASURES = ['received', 'handledOnTime', 'satisfied', 'aboutRegulation', 'aboutConduct'] as const;
export type FeedbackMeasure = (typeof FEEDBACK_MEASURES)[number];

export type Quantity =
  /** A sum of dossier measures of the unit and its subunits. */
  | { dossiers: Term[] }
  /** The unit's procedures matching `of` whose dossiers' sum of `having` is positive (all of them without `having`). */
  | { procedures: { of: ProcedureFilter; having?: Term[] } }
  | { catalogue: CatalogueMeasure }
  | { feedback: FeedbackMeasure };

export interface IndicatorSpec {
  id: string;
  name: string;
  /** What it measures, in Vietnamese, for the definitions page. */
  definition: string;
  maxPoints: number;
  /** Percentage; null for linear scoring. */
  target: number | null;
  /** Decimals of the ratio and the points (default 2). */
  decimals?: number;
  numerator: Quantity;
  denominator: Quantity;
}

export interface GroupSpec {
  id: string;
  name: string;
  maxPoints: number;
  indicators: IndicatorSpec[];
}

export interface FormulaVersion {
  id: string;
  /** yyyy-MM-dd */
  effectiveFrom: string;
  /** Where the weights come from. */
  source?: string;
  groups: GroupSpec[];
}

const d = (measure: Measure, at: Term['at'] = 'period', sign: 1 | -1 = 1): Term => (sign === 1 ? { measure, at } : { measure, at, sign });

/** Population of indicator 2.1: received in the period or carried over into it. */
const RECEIVED_OR_PROCESSED: Term[] = [d('open', 'start'), d('accepted')];
/** On time by 2.1's rule: ended on time in the period, or still open at its end and not late by then. */
const ON_TIME_21: Term[] = [d('endedOnTime21'), d('open', 'end'), d('openLate21', 'end', -1)];

/** The weights reconstructed from the portal's formula document and METRICS (October 2026). */
export const BUILT_IN_FORMULA: FormulaVersion = {
  id: '766-2026.10',
  effectiveFrom: '2022-06-23',
  source: 'Mô tả công thức tính chỉ số 766 (Cổng DVCQG), METRICS tháng 10/2026',
  groups: [
    {
      id: '1',
      name: 'Công khai, minh bạch',
      maxPoints: 18,
      indicators: [
        {
          id: '1.1',
          name: 'TTHC công bố đúng hạn',
          definition:
            'Thủ tục có quyết định công bố ban hành đúng hạn (chậm nhất 5 ngày làm việc trước ngày văn bản quy định có hiệu lực) trên tổng số thủ tục có quyết định công bố ban hành trong kỳ.',
          maxPoints: 6,
          target: null,
          numerator: { catalogue: 'decisionProceduresOnTime' },
          denominator: { catalogue: 'decisionProcedures' },
        },
        {
          id: '1.2',
          name: 'TTHC cập nhật, công khai đúng hạn trên CSDL quốc gia',
          definition:
            'Thủ tục được công khai đúng hạn (trong 5 ngày làm việc kể từ ngày quyết định công bố) trên tổng số thủ tục được công khai trong kỳ và thủ tục đến hạn phải công khai.',
          maxPoints: 4,
          target: null,
          numerator: { catalogue: 'publishedOnTime' },
          denominator: { catalogue: 'publicationDue' },
        },
        {
          id: '1.3',
          name: 'TTHC công khai đầy đủ các bộ phận',
          definition:
            'Thủ tục công khai đủ tên, trình tự, cách thức, thành phần và số lượng hồ sơ, thời hạn, đối tượng, cơ quan thực hiện trên tổng số thủ tục đang công khai (tại thời điểm cuối kỳ).',
          maxPoints: 2,
          target: null,
          numerator: { catalogue: 'madePublicComplete' },
          denominator: { catalogue: 'madePublic' },
        },
        {
          id: '1.4',
          name: 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia',
          definition: 'Hồ sơ tiếp nhận trong kỳ đã được Cổng Dịch vụ công quốc gia xác nhận đồng bộ (kèm ngày tiếp nhận) trên tổng số hồ sơ tiếp nhận.',
          maxPoints: 6,
          target: null,
          numerator: { dossiers: [d('syncedToPortal')] },
          denominator: { dossiers: [d('accepted')] },
        },
      ],
    },
    {
      id: '2',
      name: 'Tiến độ, kết quả giải quyết',
      maxPoints: 20,
      indicators: [
        {
          id: '2.1',
          name: 'Hồ sơ xử lý trước hạn, đúng hạn',
          definition:
            'Hồ sơ kết thúc xử lý (hoặc còn đang xử lý) không muộn hơn ngày hẹn trả trên tổng số hồ sơ tiếp nhận hoặc xử lý trong kỳ. Thời điểm kết thúc: có kết quả, dừng xử lý hoặc rút hồ sơ; hồ sơ đang chờ công dân bổ sung tính đến lúc yêu cầu bổ sung; hồ sơ chưa kết thúc tính đến cuối kỳ. Thời gian chờ bổ sung không tính; yêu cầu bổ sung từ lần thứ hai tính là trễ hạn.',
          maxPoints: 20,
          target: null,
          numerator: { dossiers: ON_TIME_21 },
          denominator: { dossiers: RECEIVED_OR_PROCESSED },
        },
      ],
    },
    {
      id: '3a',
      name: 'Cung cấp dịch vụ trực tuyến',
      maxPoints: 12,
      indicators: [
        {
          id: '3.3',
          name: 'Hồ sơ trực tuyến toàn trình trên tổng hồ sơ TTHC đủ điều kiện toàn trình',
          definition:
            'Hồ sơ nộp trực tuyến (kèm kết quả điện tử khi thủ tục yêu cầu kết quả bản giấy) của thủ tục đủ điều kiện trực tuyến toàn trình trên tổng số hồ sơ tiếp nhận trong kỳ của các thủ tục đó.',
          maxPoints: 12,
          target: 50,
          numerator: { dossiers: [d('fullOnlineDone')] },
          denominator: { dossiers: [d('fullOnlineEligible')] },
        },
      ],
    },
    {
      id: '3b',
      name: 'Thanh toán trực tuyến',
      maxPoints: 10,
      indicators: [
        {
          id: '3.5',
          name: 'TTHC có phí tích hợp thanh toán trực tuyến',
          definition: 'Thủ tục có phí, lệ phí mà hồ sơ trong kỳ có dữ liệu phí, lệ phí trên tổng số thủ tục có phí, lệ phí.',
          maxPoints: 2,
          target: 80,
          numerator: { procedures: { of: 'feeBearing', having: [d('feeDue')] } },
          denominator: { procedures: { of: 'feeBearing' } },
        },
        {
          id: '3.5b',
          name: 'TTHC có phí có phát sinh thanh toán trực tuyến',
          definition: 'Thủ tục có phí, lệ phí có ít nhất một hồ sơ thanh toán trực tuyến trong kỳ trên tổng số thủ tục có phí, lệ phí.',
          maxPoints: 2,
          target: 80,
          numerator: { procedures: { of: 'feeBearing', having: [d('feePaidOnline')] } },
          denominator: { procedures: { of: 'feeBearing' } },
        },
        {
          id: '3.6',
          name: 'Hồ sơ thanh toán trực tuyến',
          definition: 'Hồ sơ tiếp nhận trong kỳ được thanh toán phí, lệ phí trực tuyến trên tổng số hồ sơ tiếp nhận trong kỳ có phí, lệ phí khác 0.',
          maxPoints: 6,
          target: 100,
          numerator: { dossiers: [d('feePaidOnline')] },
          denominator: { dossiers: [d('feeDue')] },
        },
      ],
    },
    {
      id: '4',
      name: 'Số hóa hồ sơ',
      maxPoints: 22,
      indicators: [
        {
          id: '4.1',
          name: 'Hồ sơ cấp kết quả điện tử',
          definition: 'Hồ sơ có kết quả điện tử trên tổng số hồ sơ đã có kết quả trong kỳ của các thủ tục yêu cầu kết quả bản giấy.',
          maxPoints: 6,
          target: null,
          numerator: { dossiers: [d('eResult')] },
          denominator: { dossiers: [d('paperResultDue')] },
        },
        {
          id: '4.2',
          name: 'Hồ sơ được số hóa',
          definition:
            'Hồ sơ tiếp nhận trong kỳ có thành phần hồ sơ được số hóa và có kết quả điện tử (khi thủ tục yêu cầu kết quả bản giấy) trên tổng số hồ sơ tiếp nhận.',
          maxPoints: 4,
          target: 80,
          numerator: { dossiers: [d('digitized')] },
          denominator: { dossiers: [d('accepted')] },
        },
        {
          id: '4.2b',
          name: 'Chứng thực bản sao điện tử từ bản chính',
          definition:
            'Hồ sơ chứng thực bản sao từ bản chính có kết quả trong kỳ được cấp bản sao điện tử có chữ ký số của cơ quan trên tổng số hồ sơ chứng thực có kết quả trong kỳ.',
          maxPoints: 2,
          target: null,
          numerator: { dossiers: [d('certifiedECopy')] },
          denominator: { dossiers: [d('certificationSettled')] },
        },
        {
          id: '4.3',
          name: 'Tái sử dụng dữ liệu số hóa',
          definition: 'Hồ sơ tiếp nhận trong kỳ có ít nhất một thành phần tái sử dụng dữ liệu đã số hóa trên tổng số hồ sơ tiếp nhận.',
          maxPoints: 2,
          target: 80,
          numerator: { dossiers: [d('reusedData')] },
          denominator: { dossiers: [d('accepted')] },
        },
        {
          id: '4.4',
          name: 'Hồ sơ số hóa kết nối kho dữ liệu cá nhân',
          definition:
            'Hồ sơ tiếp nhận trong kỳ có thành phần hồ sơ lấy từ kho dữ liệu điện tử của tổ chức, cá nhân trên Cổng DVCQG trên tổng số hồ sơ tiếp nhận.',
          maxPoints: 4,
          target: null,
          numerator: { dossiers: [d('nationalVault')] },
          denominator: { dossiers: [d('accepted')] },
        },
        {
          id: '4.5a',
          name: 'TTHC kết nối Cơ sở dữ liệu quốc gia về dân cư',
          definition:
            'Thủ tục dành cho công dân có hồ sơ trong kỳ sử dụng dữ liệu dân cư (nộp bằng tài khoản VNeID, tra cứu Cơ sở dữ liệu quốc gia về dân cư hoặc lấy giấy tờ từ kho dữ liệu trên Cổng DVCQG) trên tổng số thủ tục dành cho công dân.',
          maxPoints: 2,
          target: null,
          numerator: { procedures: { of: 'citizenSubjects', having: [d('eidVerified')] } },
          denominator: { procedures: { of: 'citizenSubjects' } },
        },
        {
          id: '4.5b',
          name: 'Hồ sơ sử dụng dữ liệu dân cư',
          definition:
            'Hồ sơ tiếp nhận trong kỳ sử dụng dữ liệu dân cư (nộp bằng tài khoản VNeID, tra cứu Cơ sở dữ liệu quốc gia về dân cư hoặc lấy giấy tờ từ kho dữ liệu trên Cổng DVCQG) trên tổng số hồ sơ tiếp nhận.',
          maxPoints: 2,
          target: null,
          numerator: { dossiers: [d('eidVerified')] },
          denominator: { dossiers: [d('accepted')] },
        },
      ],
    },
    {
      id: '5',
      name: 'Mức độ hài lòng',
      maxPoints: 18,
      indicators: [
        // 5.1 is watched, not scored: the shares of the two kinds of feedback (issue 22).
        {
          id: '5.1a',
          name: 'Phản ánh, kiến nghị về quy định hành chính',
          definition: 'Tỷ lệ phản ánh, kiến nghị tiếp nhận trong kỳ được phân loại là về quy định hành chính, thủ tục hành chính (theo dõi, không tính điểm).',
          maxPoints: 0,
          target: null,
          numerator: { feedback: 'aboutRegulation' },
          denominator: { feedback: 'received' },
        },
        {
          id: '5.1b',
          name: 'Phản ánh, kiến nghị về hành vi hành chính',
          definition: 'Tỷ lệ phản ánh, kiến nghị tiếp nhận trong kỳ được phân loại là về hành vi, thái độ của cán bộ, công chức (theo dõi, không tính điểm).',
          maxPoints: 0,
          target: null,
          numerator: { feedback: 'aboutConduct' },
          denominator: { feedback: 'received' },
        },
        {
          id: '5.2',
          name: 'Phản ánh, kiến nghị xử lý đúng hạn',
          definition:
            'Phản ánh, kiến nghị tiếp nhận trong kỳ được xử lý đúng hạn (từ chối trong 2, yêu cầu bổ sung trong 5, xử lý trong 15 ngày làm việc, công khai trong 2 ngày làm việc sau khi chờ công khai) trên tổng số phản ánh, kiến nghị tiếp nhận trong kỳ.',
          maxPoints: 6,
          target: null,
          numerator: { feedback: 'handledOnTime' },
          denominator: { feedback: 'received' },
        },
        {
          id: '5.3',
          name: 'Hài lòng về xử lý phản ánh, kiến nghị',
          definition:
            'Phản ánh, kiến nghị không bị đánh giá không hài lòng (nhiều lượt không hài lòng hơn hài lòng), không quá hạn, không bị phản ánh lại trên tổng số phản ánh, kiến nghị tiếp nhận lần đầu trong kỳ.',
          maxPoints: 6,
          target: null,
          numerator: { feedback: 'satisfied' },
          denominator: { feedback: 'received' },
        },
        {
          id: '5.4',
          name: 'Hài lòng về giải quyết hồ sơ',
          definition: '100% trừ tỷ lệ hồ sơ trễ hạn (theo chỉ số 2.1) và tỷ lệ hồ sơ bị đánh giá không hài lòng hoặc bị phản ánh, kiến nghị trong kỳ.',
          maxPoints: 6,
          target: 90,
          numerator: { dossiers: [...ON_TIME_21, d('dissatisfiedOrFeedback', 'period', -1)] },
          denominator: { dossiers: RECEIVED_OR_PROCESSED },
        },
      ],
    },
  ],
};

/** The version in force on a day (yyyy-MM-dd): the latest effective on or before it, else the earliest. */
export function formulaFor(day: string, versions: readonly FormulaVersion[]): FormulaVersion {
  const sorted = [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  return sorted.filter((v) => v.effectiveFrom <= day).at(-1) ?? sorted[0]!;
}

const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

export function scoreIndicator(
  spec: Pick<IndicatorSpec, 'maxPoints' | 'target' | 'decimals'>,
  numerator: number,
  denominator: number,
): { ratio: number | null; points: number } {
  const decimals = spec.decimals ?? 2;
  if (denominator <= 0) return { ratio: null, points: 0 };
  const ratio = round((Math.max(0, numerator) / denominator) * 100, decimals);
  const points = spec.target === null ? (ratio * spec.maxPoints) / 100 : ratio >= spec.target ? spec.maxPoints : (ratio * spec.maxPoints) / spec.target;
  return { ratio, points: round(Math.min(points, spec.maxPoints), decimals) };
}

/** Where the quantities of a unit and period come from. */
export interface QuantitySources {
  dossiers: MeasureReader;
  /** The unit's procedures (in force at the period's end) matching the filter, with the dossiers' measures of each. */
  procedures(of: ProcedureFilter): MeasureReader[];
  catalogue(m: CatalogueMeasure): number;
  feedback(m: FeedbackMeasure): number;
}

export const sumTerms = (reader: MeasureReader, terms: readonly Term[]) =>
  terms.reduce(
    (s, t) => s + (t.sign ?? 1) * (t.at === 'period' ? reader.flow(t.measure) : t.at === 'start' ? reader.atStart(t.measure) : reader.atEnd(t.measure)),
    0,
  );

export function quantity(q: Quantity, sources: QuantitySources): number {
  if ('dossiers' in q) return sumTerms(sources.dossiers, q.dossiers);
  if ('catalogue' in q) return sources.catalogue(q.catalogue);
  if ('feedback' in q) return sources.feedback(q.feedback);
  const { of, having } = q.procedures;
  const list = sources.procedures(of);
  return having ? list.filter((p) => sumTerms(p, having) > 0).length : list.length;
}

/** The measures a formula version reads from dossiers (to fetch only those). */
export function measuresOf(version: FormulaVersion): Measure[] {
  const out = new Set<Measure>();
  const visit = (q: Quantity) => {
    if ('dossiers' in q) for (const t of q.dossiers) out.add(t.measure);
    if ('procedures' in q) for (const t of q.procedures.having ?? []) out.add(t.measure);
  };
  for (const g of version.groups) for (const i of g.indicators) [i.numerator, i.denominator].forEach(visit);
  return [...out];
}

export interface ScoredIndicator {
  id: string;
  name: string;
  numerator: number;
  denominator: number;
  ratio: number | null;
  target: number | null;
  points: number;
  maxPoints: number;
}

export interface Scorecard {
  formulaVersion: string;
  total: number;
  groups: { id: string; name: string; points: number; maxPoints: number; indicators: ScoredIndicator[] }[];
}

export function scoreFormula(version: FormulaVersion, sources: QuantitySources): Scorecard {
  const groups = version.groups.map((g) => {
    const indicators = g.indicators.map((spec): ScoredIndicator => {
      const numerator = quantity(spec.numerator, sources);
      const denominator = quantity(spec.denominator, sources);
      const { ratio, points } = scoreIndicator(spec, numerator, denominator);
      return { id: spec.id, name: spec.name, numerator, denominator, ratio, target: spec.target, points, maxPoints: spec.maxPoints };
    });
    return {
      id: g.id,
      name: g.name,
      points: round(
        indicators.reduce((s, i) => s + i.points, 0),
        2,
      ),
      maxPoints: g.maxPoints,
      indicators,
    };
  });
  return {
    formulaVersion: version.id,
    total: round(
      groups.reduce((s, g) => s + g.points, 0),
      2,
    ),
    groups,
  };
}
