import { describe, expect, it } from 'vitest';
import { checkScheme, maxOfScheme, subCriteriaOf, type SchemeDefinition, type SubCriterion } from './scheme.js';
import { pointsFor, rankByTotal, rankWithChange, totalsOf, type SubScore } from './scoring.js';
import { assessmentAllows, nextStatus } from './assessment.js';
import { rowsOfScheme, schemeFromRows, SCHEME_COLUMNS } from './scheme-rows.js';

const sub = (code: string, maxPoints: number, method: SubCriterion['method']): SubCriterion => ({
  code,
  name: `Tiêu chí ${code}`,
  maxPoints,
  method,
  evidence: '',
});

const SCHEME: SchemeDefinition = {
  fields: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành',
      criteria: [{ code: '1.1', name: 'Kế hoạch', subCriteria: [sub('1.1.1', 1, { kind: 'yesNo' }), sub('1.1.2', 1.5, { kind: 'manual' })] }],
    },
    {
      code: '3',
      name: 'Cải cách thủ tục hành chính',
      criteria: [
        {
          code: '3.1',
          name: 'Kết quả giải quyết',
          subCriteria: [
            sub('3.1.1', 2, {
              kind: 'figure',
              figure: 'onTimeRate',
              bands: [
                { from: 100, points: 2 },
                { from: 95, points: 1.5 },
                { from: 90, points: 1 },
              ],
            }),
            sub('3.1.2', 1, { kind: 'figure', figure: 'paidOnlineRate' }),
            sub('3.1.3', 1, {
              kind: 'levels',
              levels: [
                { label: 'Đạt', points: 1 },
                { label: 'Một phần', points: 0.5 },
                { label: 'Không', points: 0 },
              ],
            }),
            sub('3.1.4', 2, { kind: 'survey' }),
          ],
        },
      ],
    },
  ],
};

describe('index schemes', () => {
  it('add up their maxima and find what is wrong', () => {
    expect(maxOfScheme(SCHEME)).toBe(8.5);
    expect(checkScheme(SCHEME)).toEqual([]);
    const broken: SchemeDefinition = {
      fields: [
        {
          code: '1',
          name: 'X',
          criteria: [{ code: '2.1', name: 'Y', subCriteria: [sub('2.1.1', 0, { kind: 'yesNo' }), sub('2.1.1', 1, { kind: 'manual' })] }],
        },
      ],
    };
    expect(checkScheme(broken)).toEqual(['Tiêu chí 2.1 không thuộc lĩnh vực 1', '2.1.1: điểm tối đa phải lớn hơn 0', 'Mã 2.1.1 bị trùng']);
  });
});

describe('points of a sub-criterion', () => {
  const of = (code: string) => subCriteriaOf(SCHEME).find((x) => x.code === code)!;
  const [onTime, paid, levels, survey] = ['3.1.1', '3.1.2', '3.1.3', '3.1.4'].map(of);
  it('from a figure by bands (the highest reached) or in proportion', () => {
    expect(pointsFor(onTime!, { kind: 'figure', value: 100 })).toBe(2);
    expect(pointsFor(onTime!, { kind: 'figure', value: 96.4 })).toBe(1.5);
    expect(pointsFor(onTime!, { kind: 'figure', value: 89.99 })).toBe(0);
    expect(pointsFor(onTime!, { kind: 'figure', value: null })).toBeNull();
    // 1 point × 62.5 % = 0.63 (rounded to 2 decimals, half up: 0.625 → 0.63).
    expect(pointsFor(paid!, { kind: 'figure', value: 62.5 })).toBe(0.63);
    // 1.5 × 67 % = 1.005 exactly, 1.00499… in binary: still half up to 1.01.
    expect(pointsFor({ ...paid!, maxPoints: 1.5 }, { kind: 'figure', value: 67 })).toBe(1.01);
  });
  it('from levels, a survey result, or points given within the maximum', () => {
    expect(pointsFor(levels!, { kind: 'levels', level: 1 })).toBe(0.5);
    expect(pointsFor(levels!, { kind: 'levels', level: 7 })).toBeNull();
    // 2 points × 83.94 % (SIPAS 2024's national mean) = 1.6788 → 1.68.
    expect(pointsFor(survey!, { kind: 'survey', value: 83.94 })).toBe(1.68);
    expect(pointsFor(of('1.1.2'), { kind: 'manual', points: 2 })).toBeNull();
    expect(pointsFor(levels!, { kind: 'yesNo', done: true })).toBeNull();
  });
});

describe('totals and ranking', () => {
  it('sum the appraisers’ points where they changed them, else the unit’s own', () => {
    const scores = new Map<string, SubScore>([
      ['1.1.1', { code: '1.1.1', selfPoints: 1, appraisedPoints: 0 }],
      ['1.1.2', { code: '1.1.2', selfPoints: 1.5, appraisedPoints: null }],
      ['3.1.1', { code: '3.1.1', selfPoints: 1.5, appraisedPoints: null }],
      ['3.1.4', { code: '3.1.4', selfPoints: null, appraisedPoints: 1.68 }],
    ]);
    const t = totalsOf(SCHEME, scores);
    // 0 + 1.5 + 1.5 + 1.68 = 4.68 of 8.5 = 55.06 %.
    expect(t).toMatchObject({ total: 4.68, max: 8.5, percent: 55.06 });
    expect(t.fields.map((f) => [f.code, f.points, f.max])).toEqual([
      ['1', 1.5, 2.5],
      ['3', 3.18, 6],
    ]);
  });

  it('ranks by total with shared ranks for ties (1, 2, 2, 4) and the change from last year', () => {
    const ranked = rankByTotal([
      { unitCode: 'B', total: 80 },
      { unitCode: 'A', total: 91.43 },
      { unitCode: 'D', total: 72 },
      { unitCode: 'C', total: 80 },
    ]);
    expect(ranked.map((u) => [u.unitCode, u.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
    const change = rankWithChange(
      [
        { unitCode: 'A', total: 90 },
        { unitCode: 'B', total: 85 },
        { unitCode: 'N', total: 70 },
      ],
      [
        { unitCode: 'B', total: 88 },
        { unitCode: 'A', total: 86.98 },
      ],
    );
    expect(change).toEqual([
      { unitCode: 'A', total: 90, rank: 1, previousRank: 2, rankChange: 1, totalChange: 3.02 },
      { unitCode: 'B', total: 85, rank: 2, previousRank: 1, rankChange: -1, totalChange: -3 },
      { unitCode: 'N', total: 70, rank: 3, previousRank: null, rankChange: null, totalChange: null },
    ]);
  });
});

describe('an assessment’s life', () => {
  it('is scored and submitted by the unit, sent back for evidence once, appraised, and frozen by the round’s close', () => {
    const s = { status: 'draft' as const, evidenceRequested: false, roundClosed: false };
    expect(assessmentAllows(s, 'score')).toBe(true);
    expect(assessmentAllows(s, 'appraise')).toBe(false);
    expect(nextStatus(s, 'submit')).toBe('submitted');
    const submitted = { ...s, status: 'submitted' as const };
    expect(assessmentAllows(submitted, 'requestEvidence')).toBe(true);
    expect(assessmentAllows({ ...submitted, evidenceRequested: true }, 'requestEvidence')).toBe(false);
    expect(assessmentAllows(submitted, 'score')).toBe(false);
    expect(assessmentAllows({ ...submitted, roundClosed: true }, 'appraise')).toBe(false);
  });
});

describe('a scheme as spreadsheet rows', () => {
  it('goes out and comes back the same, with Vietnamese decimal commas', () => {
    const rows = rowsOfScheme(SCHEME);
    expect(rows[0]).toEqual([...SCHEME_COLUMNS]);
    expect(rows.find((r) => r[0] === '3.1.1')).toEqual(['3.1.1', 'Tiêu chí 3.1.1', 2, 'Số liệu tự động', '≥ 100: 2; ≥ 95: 1,5; ≥ 90: 1', 'onTimeRate', '']);
    expect(rows.find((r) => r[0] === '3.1.3')?.[4]).toBe('Đạt: 1; Một phần: 0,5; Không: 0');
    expect(schemeFromRows(rows)).toEqual({ ok: true, definition: SCHEME });
  });

  it('names every bad row', () => {
    const rows = [
      ['Bộ chỉ số 2026', null],
      ['Mã', 'Nội dung', 'Điểm tối đa', 'Cách chấm', 'Các mức / ngưỡng', 'Số liệu tự động', 'Tài liệu kiểm chứng'],
      ['1', 'Chỉ đạo, điều hành'],
      ['1.1', 'Kế hoạch'],
      ['1.1.1', 'Ban hành kế hoạch', 'một', 'Có/không'],
      ['1.1.2', 'Kết quả', 1, 'Theo mức', 'Đạt 1'],
      ['1.1.3', 'Đúng hạn', 1, 'Số liệu tự động', null, 'tỷ lệ bất kỳ'],
      ['1.1.4', 'Khác', 1, 'Bốc thăm'],
      ['x', 'Sai mã'],
    ];
    const result = schemeFromRows(rows);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.row)).toEqual([5, 6, 7, 8, 9]);
  });
});
