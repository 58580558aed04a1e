/**
 * The monthly satisfaction aggregates the national portal takes (DongBoDanhGia, INTEGRATIONS §3.1): one item per
 * month, unit and procedure, from the ratings given that month (Vietnam time), NgayTongHop "M-YYYY", counts and
 * percentages as strings such as "80%".
 *
 * How a rating is classified: by the average of the elements rated (the four SIPAS elements, and feedback handling
 * when it was rated), the same average motcua's statistics read (the view dossier_stat_source: 'dissatisfied' is an
 * average below 3 of 5, indicator 5.4):
 * - chưa hài lòng: average below 3, exactly the ratings the statistics count as dissatisfied;
 * - rất hài lòng: average 4.5 or more (nearest to 5, "rất hài lòng" on the form);
 * - hài lòng: the rest (3 "bình thường" included, as the portal has no middle bucket).
 * The service part (PhanTramDanhGiaDichVu…) is the same split of the element "Tiếp cận dịch vụ" alone: 5 rất hài lòng,
 * 3–4 hài lòng, 1–2 chưa hài lòng. Percentages are whole numbers that add up to 100 (largest remainders).
 */
import type { PortalRatingItem } from './portal-port.js';

export type Satisfaction = 'veryHigh' | 'satisfied' | 'dissatisfied';

export interface RatingScores {
  access: number;
  procedure: number;
  official: number;
  result: number;
  /** null: the applicant made no suggestion or complaint to rate. */
  feedback: number | null;
}

export interface MonthRating {
  unitCode: string;
  procedureCode: string;
  scores: RatingScores;
  comment: string | null;
}

/** The class of a rating by its average (integers only: sum against thresholds × count). */
export function satisfactionOf(scores: RatingScores): Satisfaction {
  const values = [scores.access, scores.procedure, scores.official, scores.result, ...(scores.feedback === null ? [] : [scores.feedback])];
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum < 3 * values.length) return 'dissatisfied';
  return 2 * sum >= 9 * values.length ? 'veryHigh' : 'satisfied';
}

/** The class of one element's score. */
const serviceOf = (score: number): Satisfaction => (score >= 5 ? 'veryHigh' : score >= 3 ? 'satisfied' : 'dissatisfied');

/** Whole percentages of counts adding up to 100 (the largest remainders get the points rounding left); all "0%" when empty. */
export function wholePercentages(counts: readonly number[]): string[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => '0%');
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((p) => `${p}%`);
}

/** "11-2026" for "2026-11". */
export const portalMonth = (month: string) => `${Number(month.slice(5, 7))}-${month.slice(0, 4)}`;

const CLASSES: readonly Satisfaction[] = ['veryHigh', 'satisfied', 'dissatisfied'];
const MAX_COMMENTS = 50;
const MAX_COMMENT = 1000;

/**
 * One item per unit and procedure of the month's ratings, ordered by unit then procedure. `unit` tells a unit's id on
 * the portal (Madonvi) and its name.
 */
export function monthlyRatingItems(
  month: string,
  ratings: readonly MonthRating[],
  unit: (code: string) => { agencyId: string; name: string },
): PortalRatingItem[] {
  const groups = new Map<string, MonthRating[]>();
  for (const r of ratings) {
    const key = JSON.stringify([r.unitCode, r.procedureCode]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const [y, m] = [month.slice(0, 4), Number(month.slice(5, 7))];
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, list]) => {
      const first = list[0]!;
      const count = (of: (r: MonthRating) => Satisfaction) => CLASSES.map((c) => list.filter((r) => of(r) === c).length);
      const [veryHigh, satisfied, dissatisfied] = wholePercentages(count((r) => satisfactionOf(r.scores)));
      const [serviceVeryHigh, serviceSatisfied, serviceDissatisfied] = wholePercentages(count((r) => serviceOf(r.scores.access)));
      const { agencyId, name } = unit(first.unitCode);
      return {
        NgayTongHop: portalMonth(month),
        TongSoNguoiDanhGia: String(list.length),
        PhanTramDanhGiaRatHaiLong: veryHigh!,
        PhanTramDanhGiaHaiLong: satisfied!,
        PhanTramDanhGiaChuaHaiLong: dissatisfied!,
        PhanTramDanhGiaDichVuRatHaiLong: serviceVeryHigh!,
        PhanTramDanhGiaDichVuHaiLong: serviceSatisfied!,
        PhanTramDanhGiaDichVuChuaHaiLong: serviceDissatisfied!,
        NoiDung: `Mức độ hài lòng khi giải quyết thủ tục hành chính, tháng ${m}/${y}`,
        MaThuTuc: first.procedureCode,
        DanhSachNoiDungYKien: list.flatMap((r) => (r.comment?.trim() ? [r.comment.trim().slice(0, MAX_COMMENT)] : [])).slice(0, MAX_COMMENTS),
        Madonvi: agencyId,
        TenDonVi: name,
      };
    });
}
