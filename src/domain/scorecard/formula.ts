/**
 * The Decision 766 index as data: groups, indicators, ceilings and targets, in versions that take effect
 * on a date (the national portal changes weights over time). A period is scored with the version in force
 * on its first day. Scoring: full points when the ratio reaches the target, otherwise proportional
 * (ratio × max ÷ target, or ratio × max ÷ 100 without a target); ratio null (N/A, 0 points) when the
 * denominator is 0. Ratios and points are rounded to 2 decimals (REFERENCE §1.3; ceilings tagged [S]).
 */

export interface IndicatorSpec {
  id: string;
  name: string;
  maxPoints: number;
  /** Percentage; null for linear scoring. */
  target: number | null;
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
  groups: GroupSpec[];
}

/** The weights reconstructed from the portal's formula document and METRICS (October 2026). */
export const FORMULA_VERSIONS: readonly FormulaVersion[] = [
  {
    id: '766-2026.10',
    effectiveFrom: '2022-06-23',
    groups: [
      {
        id: '1',
        name: 'Công khai, minh bạch',
        maxPoints: 18,
        indicators: [
          { id: '1.1', name: 'TTHC công bố đúng hạn', maxPoints: 6, target: null },
          { id: '1.2', name: 'TTHC cập nhật, công khai đúng hạn trên CSDL quốc gia', maxPoints: 4, target: null },
          { id: '1.3', name: 'TTHC công khai đầy đủ các bộ phận', maxPoints: 2, target: null },
          { id: '1.4', name: 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia', maxPoints: 6, target: null },
        ],
      },
      {
        id: '2',
        name: 'Tiến độ, kết quả giải quyết',
        maxPoints: 20,
        indicators: [{ id: '2.1', name: 'Hồ sơ xử lý trước hạn, đúng hạn', maxPoints: 20, target: null }],
      },
      {
        id: '3a',
        name: 'Cung cấp dịch vụ trực tuyến',
        maxPoints: 12,
        indicators: [{ id: '3.3', name: 'Hồ sơ trực tuyến toàn trình trên tổng hồ sơ TTHC đủ điều kiện toàn trình', maxPoints: 12, target: 50 }],
      },
      {
        id: '3b',
        name: 'Thanh toán trực tuyến',
        maxPoints: 10,
        indicators: [
          { id: '3.5', name: 'TTHC có phí tích hợp thanh toán trực tuyến', maxPoints: 2, target: 80 },
          { id: '3.5b', name: 'TTHC có phí có phát sinh thanh toán trực tuyến', maxPoints: 2, target: 80 },
          { id: '3.6', name: 'Hồ sơ thanh toán trực tuyến', maxPoints: 6, target: 100 },
        ],
      },
      {
        id: '4',
        name: 'Số hóa hồ sơ',
        maxPoints: 22,
        indicators: [
          { id: '4.1', name: 'Hồ sơ cấp kết quả điện tử', maxPoints: 6, target: null },
          { id: '4.2', name: 'Hồ sơ được số hóa', maxPoints: 4, target: 80 },
          { id: '4.2b', name: 'Chứng thực bản sao điện tử từ bản chính', maxPoints: 2, target: null },
          { id: '4.3', name: 'Tái sử dụng dữ liệu số hóa', maxPoints: 2, target: 80 },
          { id: '4.4', name: 'Hồ sơ số hóa kết nối kho dữ liệu cá nhân', maxPoints: 4, target: null },
          { id: '4.5a', name: 'TTHC kết nối Cơ sở dữ liệu quốc gia về dân cư', maxPoints: 2, target: null },
          { id: '4.5b', name: 'Hồ sơ sử dụng dữ liệu dân cư', maxPoints: 2, target: null },
        ],
      },
      {
        id: '5',
        name: 'Mức độ hài lòng',
        maxPoints: 18,
        indicators: [
          { id: '5.2', name: 'Phản ánh, kiến nghị xử lý đúng hạn', maxPoints: 6, target: null },
          { id: '5.3', name: 'Hài lòng về xử lý phản ánh, kiến nghị', maxPoints: 6, target: null },
          { id: '5.4', name: 'Hài lòng về giải quyết hồ sơ', maxPoints: 6, target: 90 },
        ],
      },
    ],
  },
];

/** The version in force on a day (yyyy-MM-dd); versions sorted by effective date. */
export function formulaFor(day: string, versions: readonly FormulaVersion[] = FORMULA_VERSIONS): FormulaVersion {
  const inForce = [...versions].filter((v) => v.effectiveFrom <= day).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return inForce[0] ?? versions[0]!;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function scoreIndicator(spec: IndicatorSpec, numerator: number, denominator: number): { ratio: number | null; points: number } {
  if (denominator <= 0) return { ratio: null, points: 0 };
  const ratio = round2((numerator / denominator) * 100);
  const points = spec.target === null ? (ratio * spec.maxPoints) / 100 : ratio >= spec.target ? spec.maxPoints : (ratio * spec.maxPoints) / spec.target;
  return { ratio, points: round2(Math.min(points, spec.maxPoints)) };
}

export interface Scorecard {
  formulaVersion: string;
  total: number;
  groups: {
    id: string;
    name: string;
    points: number;
    maxPoints: number;
    indicators: { id: string; name: string; numerator: number; denominator: number; ratio: number | null; target: number | null; points: number; maxPoints: number }[];
  }[];
}

/** Score every indicator from its counts; indicators without counts are N/A. */
export function score(version: FormulaVersion, counts: ReadonlyMap<string, { numerator: number; denominator: number }>): Scorecard {
  const groups = version.groups.map((g) => {
    const indicators = g.indicators.map((spec) => {
      const c = counts.get(spec.id) ?? { numerator: 0, denominator: 0 };
      const { ratio, points } = scoreIndicator(spec, c.numerator, c.denominator);
      return { id: spec.id, name: spec.name, numerator: c.numerator, denominator: c.denominator, ratio, target: spec.target, points, maxPoints: spec.maxPoints };
    });
    return { id: g.id, name: g.name, points: round2(indicators.reduce((s, i) => s + i.points, 0)), maxPoints: g.maxPoints, indicators };
  });
  return { formulaVersion: version.id, total: round2(groups.reduce((s, g) => s + g.points, 0)), groups };
}
