/**
 * The reform-index pages' pure views (issue 23): addresses, points and percentages the Vietnamese way, what a unit's
 * answer says, the proof behind an automatic figure, typed dates and points read back, the server's row problems in
 * words, the change from last year, and the geometry of the radar chart. No React, no network.
 */
import { isRealIsoDate } from '../../../domain/calendar/civil-date.js';
import { ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES, type AssessmentStatus } from '../../../domain/par-index/assessment.js';
import { subCriteriaOf, type SchemeDefinition, type SubCriterion } from '../../../domain/par-index/scheme.js';
import { problemsFromDetails } from '../../shared/api.js';
import { formatNumber, formatPercent } from '../../shared/format.js';
import { drilldownLink, reportLink, type ScorecardSelection } from '../scorecard/scorecard-search.js';
import type { Answer, FigureRow, UnitResult } from './api/par-api.js';

export const PAR_PAGE = '/can-bo/chi-so-cai-cach';
export const roundPage = (roundId: string) => `${PAR_PAGE}/dot/${encodeURIComponent(roundId)}`;
export const assessmentPage = (roundId: string, unitCode: string) => `${roundPage(roundId)}/don-vi/${encodeURIComponent(unitCode)}`;

/** 1.5 → "1,5"; null (not scored yet) → "—". */
export const pointsText = (points: number | null): string => (points === null ? '—' : formatNumber(points));
/** "1,5/2 điểm". */
export const outOfText = (points: number | null, max: number): string => `${pointsText(points)}/${formatNumber(max)} điểm`;

/** A total as the page shows it: "12,5/20 điểm (62,5%)". */
export function totalText(totals: { total: number; max: number; percent: number }): string {
  return `${outOfText(totals.total, totals.max)} (${formatPercent(totals.percent)})`;
}

/** The change of rank since last year: what the table shows and what a screen reader says. */
export function rankChangeLabel(u: Pick<UnitResult, 'rankChange'>): { text: string; spoken: string } {
  if (u.rankChange === null) return { text: 'Mới', spoken: 'Mới, năm trước chưa được đánh giá' };
  if (u.rankChange > 0) return { text: `↑${u.rankChange}`, spoken: `Tăng ${u.rankChange} bậc so với năm trước` };
  if (u.rankChange < 0) return { text: `↓${-u.rankChange}`, spoken: `Giảm ${-u.rankChange} bậc so với năm trước` };
  return { text: '=', spoken: 'Giữ nguyên thứ hạng so với năm trước' };
}

/** What a unit's answer says, in words ("Có", the level's label, "1,5 điểm"); null when not answered. */
export function answerText(sub: SubCriterion, answer: Answer | null): string | null {
  if (answer === null) return null;
  switch (answer.kind) {
    case 'yesNo':
      return answer.done ? 'Có' : 'Không';
    case 'levels':
      return sub.method.kind === 'levels' ? (sub.method.levels[answer.level]?.label ?? null) : null;
    case 'manual':
      return `${formatNumber(answer.points)} điểm`;
    case 'figure':
    case 'survey':
      return answer.value === null ? 'Chưa có số liệu' : formatPercent(answer.value);
  }
}

/**
 * Where an automatic figure is proved for the unit and year: the scorecard's drill-down of its indicator, or the
 * settlement report, both over the calendar year.
 */
/** The province's legal-documents register, where the figures on legal documents come from. */
export const LEGAL_REGISTER_PATH = '/can-bo/van-ban-phap-luat';

/** What the proof of a figure is called: its indicator, the settlement report, or the legal-documents register. */
export function figureProofName(source: FigureRow['source']): string {
  if ('legal' in source) return 'sổ văn bản quy phạm pháp luật';
  return 'indicator' in source ? `chỉ số ${source.indicator}` : 'báo cáo giải quyết TTHC';
}

export function figureProofLink(source: FigureRow['source'], unitCode: string, year: number): string {
  const selection: ScorecardSelection = { unit: unitCode, period: { kind: 'range', from: `${year}-01-01`, to: `${year}-12-31` }, cutoffDay: null };
  if ('legal' in source) return LEGAL_REGISTER_PATH;
  return 'indicator' in source ? drilldownLink(selection, source.indicator) : reportLink(selection);
}

/**
 * What an automatic figure says after its label: the share and what was counted, with the points it would give now;
 * or, once taken at submission, that it is final. A year with nothing to count says so.
 */
export function figureText(f: {
  value: number | null;
  counted: { numerator: number; denominator: number } | null;
  frozen: boolean;
  points: number | null;
}): string {
  const counted = f.counted && f.counted.denominator > 0 ? ` (${formatNumber(f.counted.numerator)}/${formatNumber(f.counted.denominator)})` : '';
  if (f.frozen) return `${f.value === null ? 'không có số liệu' : formatPercent(f.value)}, số liệu đã chốt khi gửi kết quả`;
  if (f.value === null) return 'chưa có số liệu trong năm; nếu khi gửi kết quả vẫn chưa có, thẩm định viên chấm tiêu chí này';
  return `${formatPercent(f.value)}${counted}, điểm tạm tính ${pointsText(f.points)}`;
}

/** "31/12/2026" (or 1/3/2026, or 2026-12-31) → "2026-12-31"; null when it is not a real day. */
export function parseDayInput(text: string): string | null {
  const t = text.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : t;
  return isRealIsoDate(iso) ? iso : null;
}

/** "0,75" or "0.75" → 0.75; null when it is not a plain non-negative number (at most 2 decimals). */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(t) ? Number(t) : null;
}

/** Typed points read back, from 0 to `max`; or why not, in Vietnamese. */
export function readPoints(text: string, max: number): { ok: true; value: number } | { ok: false; message: string } {
  const value = parseDecimal(text);
  if (text.trim() === '') return { ok: false, message: 'Nhập số điểm.' };
  if (value === null) return { ok: false, message: 'Điểm là một số, tối đa hai chữ số thập phân, ví dụ 0,75.' };
  if (value > max) return { ok: false, message: `Điểm không vượt quá ${formatNumber(max)}.` };
  return { ok: true, value };
}

/** A typed percentage (0–100) read back; '' is "not entered" (null). */
export function readPercent(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: null };
  const value = parseDecimal(text);
  if (value === null || value > 100) return { ok: false, message: `"${text.trim()}" không phải tỷ lệ phần trăm từ 0 đến 100.` };
  return { ok: true, value };
}

/** A year typed on a form, 2000–2100; null otherwise. */
export function readYear(text: string): number | null {
  const t = text.trim();
  return /^\d{4}$/.test(t) && Number(t) >= 2000 && Number(t) <= 2100 ? Number(t) : null;
}

/**
 * The server's problems in words, one line each: a spreadsheet's row ("dòng 5") leads its line ("Dòng 5: …"); a
 * field of the request says nothing more than its message.
 */
export function problemLines(details: unknown): string[] {
  return problemsFromDetails(details).map((p) => {
    const row = /^dòng (\d+)$/.exec(p.path);
    return row ? `Dòng ${row[1]}: ${p.message}` : p.message;
  });
}

/** A round's progress in a line: "25 đơn vị: 20 đang tự đánh giá, 5 đã thẩm định" (statuses in their order). */
export function progressText(units: readonly { status: AssessmentStatus }[]): string {
  const parts = ASSESSMENT_STATUSES.flatMap((status) => {
    const n = units.filter((u) => u.status === status).length;
    return n > 0 ? [`${n} ${ASSESSMENT_STATUS_LABELS[status].toLocaleLowerCase('vi')}`] : [];
  });
  return `${units.length} đơn vị: ${parts.join(', ')}`;
}

/** The sub-criteria a survey's result scores. */
export const surveySubCriteria = (d: SchemeDefinition): SubCriterion[] => subCriteriaOf(d).filter((s) => s.method.kind === 'survey');

/** The default name of a copy of a scheme for another year: the year in the name replaced, or added. */
export function copyName(name: string, fromYear: number, toYear: number): string {
  return name.includes(String(fromYear)) ? name.replaceAll(String(fromYear), String(toYear)) : `${name} năm ${toYear}`;
}

/** This year's and last year's percent per unit (last year's from the change; null when the unit was not assessed). */
export function yearOverYear(units: readonly UnitResult[]): { unitCode: string; unitName: string; current: number; previous: number | null }[] {
  return units.map((u) => ({
    unitCode: u.unitCode,
    unitName: u.unitName,
    current: u.totals.percent,
    previous: u.totalChange === null ? null : Math.round((u.totals.percent - u.totalChange) * 100) / 100,
  }));
}

/** What the ranking bars show, said in words (the chart's text alternative). */
export function rankingSummary(units: readonly UnitResult[]): string {
  const lines = units.map((u) => `hạng ${u.rank} ${u.unitName} ${formatPercent(u.totals.percent)}`);
  return `Chỉ số cải cách hành chính theo đơn vị: ${lines.join('; ')}.`;
}

/** What the year-over-year chart shows, said in words. */
export function yearOverYearSummary(rows: ReturnType<typeof yearOverYear>, year: number): string {
  const lines = rows.map(
    (r) => `${r.unitName}: năm ${year} ${formatPercent(r.current)}, năm ${year - 1} ${r.previous === null ? 'chưa đánh giá' : formatPercent(r.previous)}`,
  );
  return `So sánh chỉ số năm ${year} với năm ${year - 1}: ${lines.join('; ')}.`;
}

/** What a unit's radar says: each field's share of its maximum. */
export function radarSummary(unitName: string, fields: readonly { code: string; name: string; percent: number }[]): string {
  return `Biểu đồ radar của ${unitName} theo lĩnh vực: ${fields.map((f) => `lĩnh vực ${f.code} ${f.name} đạt ${formatPercent(f.percent)}`).join('; ')}.`;
}

export interface RadarAxis {
  /** The end of the axis (100%). */
  x: number;
  y: number;
  /** Where its label goes, just outside the end, and how it is anchored. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The point at `share` (0–1) of `radius` on the i-th of n axes, the first pointing up, going clockwise. */
function pointOn(i: number, n: number, share: number, centre: number, radius: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return [round2(centre + Math.cos(angle) * radius * share), round2(centre + Math.sin(angle) * radius * share)];
}

/** The vertices of values 0–100 on n axes (values beyond are clamped). */
export function radarVertices(values: readonly number[], centre: number, radius: number): [number, number][] {
  return values.map((v, i) => pointOn(i, values.length, Math.min(100, Math.max(0, v)) / 100, centre, radius));
}

/** A polygon's `points` attribute for values 0–100 on n axes. */
export function radarPolygon(values: readonly number[], centre: number, radius: number): string {
  return radarVertices(values, centre, radius)
    .map((p) => p.join(','))
    .join(' ');
}

/** A grid ring at a share of the maximum: a polygon through the axes (a circle when there are fewer than three). */
export interface RadarRing {
  percent: number;
  radius: number;
  points: string | null;
}

/** The axes of a radar of n fields in a square of `size`, with room for the labels; and its grid rings (25–100%). */
export function radarFrame(n: number, size: number, margin: number): { centre: number; radius: number; axes: RadarAxis[]; rings: RadarRing[] } {
  const centre = size / 2;
  const radius = centre - margin;
  const axes = Array.from({ length: n }, (_, i): RadarAxis => {
    const [x, y] = pointOn(i, n, 1, centre, radius);
    const [labelX, labelY] = pointOn(i, n, 1, centre, radius + 14);
    const dx = labelX - centre;
    const anchor = Math.abs(dx) < radius * 0.2 ? 'middle' : dx > 0 ? 'start' : 'end';
    return { x, y, labelX, labelY: round2(labelY + 4), anchor };
  });
  const rings = [25, 50, 75, 100].map((percent) => ({
    percent,
    radius: round2((radius * percent) / 100),
    points:
      n >= 3
        ? radarPolygon(
            Array.from({ length: n }, () => percent),
            centre,
            radius,
          )
        : null,
  }));
  return { centre, radius, axes, rings };
}
