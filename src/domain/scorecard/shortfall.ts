/**
 * Why a dossier costs an indicator points: a dossier falls short when, on its own, it adds more to the
 * indicator's denominator than to its numerator over the period (any formula version, as data). The kinds of
 * shortfall say what to fix; the application words them with names and times.
 */
import { sumTerms, type IndicatorSpec, type Term } from './formula.js';
import { contributions, readDeltas, type Measure, type StatFacts } from './measures.js';

export const SHORTFALL_KINDS = [
  'repeatedSupplement',
  'supplementRequestedLate',
  'endedLate',
  'overdueAtPeriodEnd',
  'dissatisfied',
  'notOnline',
  'noEResult',
  'notDigitized',
  'noReuse',
  'notPaidOnline',
  'noEid',
  'noData',
] as const;
export type ShortfallKind = (typeof SHORTFALL_KINDS)[number];

export const SHORTFALL_LABELS = {
  repeatedSupplement: 'Yêu cầu bổ sung hồ sơ từ lần thứ hai (tính là trễ hạn)',
  supplementRequestedLate: 'Yêu cầu bổ sung sau khi đã quá hạn',
  endedLate: 'Kết thúc xử lý sau ngày hẹn trả',
  overdueAtPeriodEnd: 'Chưa kết thúc và đã quá hạn vào cuối kỳ',
  dissatisfied: 'Người dân đánh giá không hài lòng',
  notOnline: 'Không nộp trực tuyến',
  noEResult: 'Chưa có kết quả điện tử',
  notDigitized: 'Thành phần hồ sơ chưa được số hóa',
  noReuse: 'Không tái sử dụng dữ liệu đã số hóa',
  notPaidOnline: 'Phí, lệ phí không thanh toán trực tuyến',
  noEid: 'Không nộp bằng tài khoản định danh điện tử VNeID',
  noData: 'Chưa có dữ liệu cho chỉ số này (chưa kết nối)',
} as const satisfies Record<ShortfallKind, string>;

const dossierTerms = (q: IndicatorSpec['numerator']): Term[] | null => ('dossiers' in q ? q.dossiers : null);

/** Does this dossier, alone, cost the indicator (more in the denominator than in the numerator)? */
export function fallsShort(spec: IndicatorSpec, facts: StatFacts, fromDay: number, toDay: number): boolean {
  const num = dossierTerms(spec.numerator);
  const den = dossierTerms(spec.denominator);
  if (!num || !den) return false;
  const r = readDeltas(contributions(facts), fromDay, toDay);
  return sumTerms(r, den) - sumTerms(r, num) > 0;
}

/** What is missing, read from the measures the numerator counts. */
export function shortfallKinds(spec: IndicatorSpec, f: StatFacts, fromDay: number, toDay: number): ShortfallKind[] {
  const num = dossierTerms(spec.numerator) ?? [];
  const has = (m: Measure) => num.some((t) => t.measure === m);
  const r = readDeltas(contributions(f), fromDay, toDay);
  const out: ShortfallKind[] = [];
  if (num.length === 0) return ['noData'];
  if (has('endedOnTime21') || has('openLate21')) {
    const endedInPeriod = f.finishedAt !== null && Math.floor(f.finishedAt / 1440) >= fromDay && Math.floor(f.finishedAt / 1440) < toDay;
    const late = r.flow('endedOnTime21') + r.atEnd('open') - r.atEnd('openLate21') < r.atStart('open') + r.flow('accepted');
    if (late) {
      if (f.repeatedSupplement) out.push('repeatedSupplement');
      else if (endedInPeriod) out.push('endedLate');
      else if (f.pausedSince !== null) out.push('supplementRequestedLate');
      else out.push('overdueAtPeriodEnd');
    }
  }
  if (has('ratedDissatisfied') && r.flow('ratedDissatisfied') > 0) out.push('dissatisfied');
  const resultMissing = f.paperResultRequired && !f.resultFile;
  if (has('fullOnlineDone') && r.flow('fullOnlineDone') < r.flow('fullOnlineEligible')) out.push(f.channel !== 'online' ? 'notOnline' : 'noEResult');
  if (has('digitized') && r.flow('digitized') === 0) out.push(!f.componentFiles ? 'notDigitized' : 'noEResult');
  if (has('eResult') && r.flow('eResult') < r.flow('paperResultDue')) out.push('noEResult');
  if (has('reusedData') && r.flow('reusedData') === 0) out.push('noReuse');
  if (has('feePaidOnline') && r.flow('feePaidOnline') === 0) out.push('notPaidOnline');
  if (has('eidVerified') && r.flow('eidVerified') === 0) out.push('noEid');
  if (out.length === 0 && resultMissing) out.push('noEResult');
  return [...new Set(out)];
}
