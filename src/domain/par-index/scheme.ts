/**
 * An administrative-reform index scheme as data (issue 23, REFERENCE §6): the PAR INDEX of a province as the Ministry
 * of Home Affairs sets it each year, or a province's own index for its departments and communes. Fields hold criteria,
 * criteria hold sub-criteria; each sub-criterion has its maximum points, how it is scored and the evidence it asks for.
 * The exact criteria and point split change every year, so nothing here is a constant of the law: a scheme is
 * imported, copied from last year and amended.
 */

export const SCHEME_LEVELS = ['province', 'department', 'commune'] as const;
export type SchemeLevel = (typeof SCHEME_LEVELS)[number];
export const SCHEME_LEVEL_LABELS: Record<SchemeLevel, string> = {
  province: 'Cấp tỉnh (Bộ Nội vụ đánh giá)',
  department: 'Sở, ban, ngành',
  commune: 'Cấp xã',
};

/**
 * Figures motcua fills in from its own records for the year (issue 23 §3): each read where the scorecard or the
 * settlement report reads it, so that the two always agree; the PAR page links to the drill-down behind it.
 */
export const AUTO_FIGURES = {
  onTimeRate: { label: 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn', source: { report: 'onTimeRate' } },
  // Nothing late, nothing to apologise for: all the points (the other figures with nothing to count go to the appraisers).
  lateWithApologyRate: { label: 'Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi', source: { report: 'lateWithApologyRate' }, whenNone: 100 },
  publicationOnTime: { label: 'Thủ tục hành chính công bố đúng hạn', source: { indicator: '1.1' } },
  publicOnNationalCatalogue: { label: 'Thủ tục hành chính công khai đúng hạn trên CSDL quốc gia', source: { indicator: '1.2' } },
  fullOnlineRate: { label: 'Hồ sơ trực tuyến toàn trình', source: { indicator: '3.3' } },
  digitizedRate: { label: 'Hồ sơ được số hóa', source: { indicator: '4.2' } },
  eResultRate: { label: 'Hồ sơ cấp kết quả điện tử', source: { indicator: '4.1' } },
  paidOnlineRate: { label: 'Hồ sơ thanh toán trực tuyến', source: { report: 'paidOnlineRate' } },
  feedbackOnTimeRate: { label: 'Phản ánh, kiến nghị xử lý đúng hạn', source: { indicator: '5.2' } },
  // The province's legal-documents register (its reviews and systematizations in the year).
  legalReviewedOnSchedule: { label: 'Văn bản quy phạm pháp luật được rà soát, hệ thống hóa đúng hạn', source: { legal: 'reviewedOnSchedule' } },
} as const;
export type AutoFigure = keyof typeof AUTO_FIGURES;
export const AUTO_FIGURE_KEYS = Object.keys(AUTO_FIGURES) as AutoFigure[];

/** How a sub-criterion is scored. Points are never above the sub-criterion's maximum. */
export type ScoringMethod =
  /** Done or not: all the points or none. */
  | { kind: 'yesNo' }
  /** One of the levels, each with its points (e.g. "Hoàn thành 100%: 1; từ 80%: 0,5; dưới 80%: 0"). */
  | { kind: 'levels'; levels: { label: string; points: number }[] }
  /**
   * A figure of motcua's own (a percentage): with bands, the points of the highest band reached (`from` ≤ figure);
   * without, in proportion (max × figure / 100).
   */
  | { kind: 'figure'; figure: AutoFigure; bands?: { from: number; points: number }[] }
  /** From a survey's result (a percentage, imported by the appraisers): in proportion. */
  | { kind: 'survey' }
  /** Points given directly, between 0 and the maximum. */
  | { kind: 'manual' };
export type MethodKind = ScoringMethod['kind'];
export const METHOD_LABELS: Record<MethodKind, string> = {
  yesNo: 'Có/không',
  levels: 'Theo mức',
  figure: 'Số liệu tự động',
  survey: 'Điều tra xã hội học',
  manual: 'Chấm điểm trực tiếp',
};

export interface SubCriterion {
  /** "3.2.1": field.criterion.sub. */
  code: string;
  name: string;
  maxPoints: number;
  method: ScoringMethod;
  /** The evidence asked for, in words; empty when none is. */
  evidence: string;
}
export interface Criterion {
  code: string;
  name: string;
  subCriteria: SubCriterion[];
}
export interface Field {
  code: string;
  name: string;
  criteria: Criterion[];
}
export interface SchemeDefinition {
  fields: Field[];
}

export const subCriteriaOf = (d: SchemeDefinition): SubCriterion[] => d.fields.flatMap((f) => f.criteria.flatMap((c) => c.subCriteria));
/** To 2 decimals, half up, without binary artefacts (1.5 × 67 % = 1.005 → 1.01). */
export const round2 = (x: number) => Math.round(Number((x * 100).toPrecision(12))) / 100;
export const maxOfCriterion = (c: Criterion) => round2(c.subCriteria.reduce((s, x) => s + x.maxPoints, 0));
export const maxOfField = (f: Field) => round2(f.criteria.reduce((s, c) => s + maxOfCriterion(c), 0));
export const maxOfScheme = (d: SchemeDefinition) => round2(d.fields.reduce((s, f) => s + maxOfField(f), 0));

/** What is wrong with a scheme, in Vietnamese (empty when nothing is). */
export function checkScheme(d: SchemeDefinition): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const unique = (code: string) => {
    if (seen.has(code)) problems.push(`Mã ${code} bị trùng`);
    seen.add(code);
  };
  if (d.fields.length === 0) problems.push('Bộ chỉ số chưa có lĩnh vực nào');
  for (const f of d.fields) {
    unique(f.code);
    if (f.criteria.length === 0) problems.push(`Lĩnh vực ${f.code} chưa có tiêu chí`);
    for (const c of f.criteria) {
      unique(c.code);
      if (!c.code.startsWith(`${f.code}.`)) problems.push(`Tiêu chí ${c.code} không thuộc lĩnh vực ${f.code}`);
      if (c.subCriteria.length === 0) problems.push(`Tiêu chí ${c.code} chưa có tiêu chí thành phần`);
      for (const s of c.subCriteria) {
        unique(s.code);
        if (!s.code.startsWith(`${c.code}.`)) problems.push(`Tiêu chí thành phần ${s.code} không thuộc tiêu chí ${c.code}`);
        if (!(s.maxPoints > 0)) problems.push(`${s.code}: điểm tối đa phải lớn hơn 0`);
        const m = s.method;
        if (m.kind === 'levels') {
          if (m.levels.length < 2) problems.push(`${s.code}: cần ít nhất hai mức`);
          if (m.levels.some((l) => l.points < 0 || l.points > s.maxPoints)) problems.push(`${s.code}: điểm của một mức vượt điểm tối đa`);
        }
        if (m.kind === 'figure') {
          if (!(m.figure in AUTO_FIGURES)) problems.push(`${s.code}: không có số liệu tự động "${String(m.figure)}"`);
          if (m.bands?.some((b) => b.points < 0 || b.points > s.maxPoints || b.from < 0 || b.from > 100))
            problems.push(`${s.code}: ngưỡng phải trong 0–100% và điểm không vượt điểm tối đa`);
        }
      }
    }
  }
  return problems;
}
