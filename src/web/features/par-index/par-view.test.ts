import { describe, expect, it } from 'vitest';
import type { SubCriterion } from '../../../domain/par-index/scheme.js';
import type { UnitResult } from './api/par-api.js';
import {
  answerText,
  assessmentPage,
  copyName,
  figureProofLink,
  figureText,
  outOfText,
  parseDayInput,
  parseDecimal,
  problemLines,
  progressText,
  radarFrame,
  radarPolygon,
  radarSummary,
  rankChangeLabel,
  readPercent,
  readPoints,
  readYear,
  roundPage,
  surveySubCriteria,
  totalText,
  yearOverYear,
} from './par-view.js';

const levels: SubCriterion = {
  code: '1.1.2',
  name: 'Mức độ hoàn thành kế hoạch',
  maxPoints: 1.5,
  method: {
    kind: 'levels',
    levels: [
      { label: 'Hoàn thành 100%', points: 1.5 },
      { label: 'Từ 80%', points: 0.75 },
    ],
  },
  evidence: 'Báo cáo',
};
const yesNo: SubCriterion = { code: '1.1.1', name: 'Kế hoạch', maxPoints: 1, method: { kind: 'yesNo' }, evidence: '' };

function unit(code: string, percent: number, rankChange: number | null, totalChange: number | null): UnitResult {
  return {
    unitCode: code,
    unitName: `Đơn vị ${code}`,
    status: 'appraised',
    totals: { total: percent / 10, max: 10, percent, fields: [] },
    rank: 1,
    previousRank: null,
    rankChange,
    totalChange,
  };
}

describe('the reform-index pages', () => {
  it('have their addresses, a unit code with dots kept readable', () => {
    expect(roundPage('r1')).toBe('/can-bo/chi-so-cai-cach/dot/r1');
    expect(assessmentPage('r1', '000.00.31.H37')).toBe('/can-bo/chi-so-cai-cach/dot/r1/don-vi/000.00.31.H37');
  });

  it('write points and totals with the Vietnamese decimal comma', () => {
    expect(outOfText(1.5, 2)).toBe('1,5/2 điểm');
    expect(outOfText(null, 2)).toBe('—/2 điểm');
    expect(totalText({ total: 12.25, max: 20, percent: 61.25 })).toBe('12,25/20 điểm (61,25%)');
  });

  it('say the change of rank since last year: up, down, the same, new', () => {
    expect(rankChangeLabel({ rankChange: 2 })).toEqual({ text: '↑2', spoken: 'Tăng 2 bậc so với năm trước' });
    expect(rankChangeLabel({ rankChange: -1 })).toEqual({ text: '↓1', spoken: 'Giảm 1 bậc so với năm trước' });
    expect(rankChangeLabel({ rankChange: 0 }).text).toBe('=');
    expect(rankChangeLabel({ rankChange: null }).text).toBe('Mới');
  });

  it("say a unit's answer in words", () => {
    expect(answerText(yesNo, { kind: 'yesNo', done: true })).toBe('Có');
    expect(answerText(yesNo, { kind: 'yesNo', done: false })).toBe('Không');
    expect(answerText(levels, { kind: 'levels', level: 1 })).toBe('Từ 80%');
    expect(answerText(levels, { kind: 'levels', level: 7 })).toBeNull();
    expect(answerText(yesNo, { kind: 'manual', points: 0.75 })).toBe('0,75 điểm');
    expect(answerText(yesNo, { kind: 'survey', value: 83.94 })).toBe('83,94%');
    expect(answerText(yesNo, { kind: 'figure', value: null })).toBe('Chưa có số liệu');
    expect(answerText(yesNo, null)).toBeNull();
  });

  it('lead a figure to its proof: the drill-down of its indicator, or the settlement report, over the calendar year', () => {
    expect(figureProofLink({ indicator: '5.2' }, '000.00.31.H37', 2026)).toBe(
      '/can-bo/chi-so/chi-tiet/5.2?don-vi=000.00.31.H37&tu-ngay=2026-01-01&den-ngay=2026-12-31',
    );
    expect(figureProofLink({ report: 'onTimeRate' }, '000.00.31.H37', 2026)).toBe(
      '/can-bo/bao-cao-giai-quyet?don-vi=000.00.31.H37&tu-ngay=2026-01-01&den-ngay=2026-12-31',
    );
  });

  it('say what an automatic figure counted, or that there was nothing to count, or that it is final', () => {
    expect(figureText({ value: 95.5, counted: { numerator: 191, denominator: 200 }, frozen: false, points: 1.91 })).toBe(
      '95,50% (191/200), điểm tạm tính 1,91',
    );
    expect(figureText({ value: null, counted: { numerator: 0, denominator: 0 }, frozen: false, points: null })).toBe(
      'chưa có số liệu trong năm; nếu khi gửi kết quả vẫn chưa có, thẩm định viên chấm tiêu chí này',
    );
    expect(figureText({ value: 100, counted: null, frozen: true, points: 2 })).toBe('100,00%, số liệu đã chốt khi gửi kết quả');
    expect(figureText({ value: null, counted: null, frozen: true, points: null })).toBe('không có số liệu, số liệu đã chốt khi gửi kết quả');
  });

  it('read typed dates, points, percentages and years back', () => {
    expect(parseDayInput('31/12/2026')).toBe('2026-12-31');
    expect(parseDayInput(' 1/3/2026 ')).toBe('2026-03-01');
    expect(parseDayInput('2026-12-31')).toBe('2026-12-31');
    expect(parseDayInput('30/02/2026')).toBeNull();
    expect(parseDayInput('31-12-2026')).toBeNull();
    expect(parseDecimal('0,75')).toBe(0.75);
    expect(parseDecimal('1.5')).toBe(1.5);
    expect(parseDecimal('1,234')).toBeNull();
    expect(parseDecimal('-1')).toBeNull();
    expect(readPoints('0,75', 1.5)).toEqual({ ok: true, value: 0.75 });
    expect(readPoints('2', 1.5)).toEqual({ ok: false, message: 'Điểm không vượt quá 1,5.' });
    expect(readPoints('', 1.5).ok).toBe(false);
    expect(readPoints('abc', 1.5).ok).toBe(false);
    expect(readPercent('83,94')).toEqual({ ok: true, value: 83.94 });
    expect(readPercent('')).toEqual({ ok: true, value: null });
    expect(readPercent('120').ok).toBe(false);
    expect(readYear('2026')).toBe(2026);
    expect(readYear('1999')).toBeNull();
    expect(readYear('20x6')).toBeNull();
  });

  it("put a spreadsheet's row first in the server's problems", () => {
    expect(
      problemLines([
        { path: 'dòng 5', message: 'Điểm tối đa không phải là số' },
        { path: 'body', message: 'Bộ chỉ số chưa có lĩnh vực nào' },
        { nothing: true },
      ]),
    ).toEqual(['Dòng 5: Điểm tối đa không phải là số', 'Bộ chỉ số chưa có lĩnh vực nào']);
    expect(problemLines(undefined)).toEqual([]);
  });

  it("say a round's progress by status", () => {
    expect(progressText([{ status: 'appraised' }, { status: 'draft' }, { status: 'draft' }, { status: 'submitted' }])).toBe(
      '4 đơn vị: 2 đang tự đánh giá, 1 đã gửi, chờ thẩm định, 1 đã thẩm định',
    );
  });

  it('name a copy for another year', () => {
    expect(copyName('Chỉ số CCHC cấp xã năm 2025', 2025, 2026)).toBe('Chỉ số CCHC cấp xã năm 2026');
    expect(copyName('Chỉ số CCHC cấp xã', 2025, 2026)).toBe('Chỉ số CCHC cấp xã năm 2026');
  });

  it('find the survey-based sub-criteria', () => {
    const survey: SubCriterion = { code: '3.1.3', name: 'Hài lòng', maxPoints: 2, method: { kind: 'survey' }, evidence: '' };
    const d = { fields: [{ code: '1', name: 'A', criteria: [{ code: '1.1', name: 'B', subCriteria: [yesNo, levels, survey] }] }] };
    expect(surveySubCriteria(d).map((s) => s.code)).toEqual(['3.1.3']);
  });

  it("give last year's index from the change, none for a unit new this year", () => {
    expect(yearOverYear([unit('A', 82.5, 1, 4.25), unit('B', 70, null, null)]).map((r) => [r.current, r.previous])).toEqual([
      [82.5, 78.25],
      [70, null],
    ]);
  });

  it('draw the radar: axes from the top clockwise, values as shares of the radius, rings through the axes', () => {
    // Four axes in a square of 200 with a margin of 20: centre 100, radius 80.
    const frame = radarFrame(4, 200, 20);
    expect(frame.centre).toBe(100);
    expect(frame.radius).toBe(80);
    expect(frame.axes.map((a) => [a.x, a.y])).toEqual([
      [100, 20],
      [180, 100],
      [100, 180],
      [20, 100],
    ]);
    expect(frame.axes.map((a) => a.anchor)).toEqual(['middle', 'start', 'middle', 'end']);
    expect(radarPolygon([100, 50, 0, 25], 100, 80)).toBe('100,20 140,100 100,100 80,100');
    // Beyond 0–100 is clamped.
    expect(radarPolygon([150, -5, 100, 100], 100, 80)).toBe('100,20 100,100 100,180 20,100');
    expect(frame.rings.map((r) => r.radius)).toEqual([20, 40, 60, 80]);
    expect(frame.rings[3]!.points).toBe('100,20 180,100 100,180 20,100');
    // Two fields: rings are circles.
    expect(radarFrame(2, 200, 20).rings.every((r) => r.points === null)).toBe(true);
    expect(radarSummary('Phường Tam Thanh', [{ code: '1', name: 'Chỉ đạo', percent: 62.5 }])).toBe(
      'Biểu đồ radar của Phường Tam Thanh theo lĩnh vực: lĩnh vực 1 Chỉ đạo đạt 62,50%.',
    );
  });
});
