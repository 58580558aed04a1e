/**
 * Why a dossier costs an indicator points: a dossier falls short when, on its own, it adds more to the
 * indicator's denominator than to its numerator over the period (any formula version, as data). The kinds of
 * shortfall say what to fix; the application words them with names and times.
 */
import { judge } from '../dossier/timeliness.js';
import { sumTerms, type IndicatorSpec, type Term } from './formula.js';
import { contributions, dayOf, readDeltas, type Measure, type MeasureReader, type StatFacts } from './measures.js';

export const SHORTFALL_KINDS = [
  'repeatedSupplement',
  'supplementRequestedLate',
  'endedLate',
  'overdueAtPeriodEnd',
  'dissatisfied',
  'feedbackRaised',
  'notOnline',
  'noEResult',
  'noCertifiedCopy',
  'notDigitized',
  'noReuse',
  'noNationalVault',
  'notSynced',
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
  feedbackRaised: 'Có phản ánh, kiến nghị của người dân về hồ sơ',
  notOnline: 'Không nộp trực tuyến',
  noEResult: 'Chưa có kết quả điện tử',
  noCertifiedCopy: 'Chưa cấp bản sao điện tử chứng thực có chữ ký số của cơ quan',
  notDigitized: 'Thành phần hồ sơ chưa được số hóa',
  noReuse: 'Không tái sử dụng giấy tờ từ kho dữ liệu',
  noNationalVault: 'Không có thành phần lấy từ kho dữ liệu trên Cổng Dịch vụ công quốc gia',
  notSynced: 'Chưa được Cổng Dịch vụ công quốc gia xác nhận đồng bộ',
  notPaidOnline: 'Phí, lệ phí không thanh toán trực tuyến',
  noEid: 'Không sử dụng dữ liệu dân cư (không nộp bằng VNeID, không tra cứu được Cơ sở dữ liệu quốc gia về dân cư)',
  noData: 'Chưa có dữ liệu cho chỉ số này (chưa kết nối)',
} as const satisfies Record<ShortfallKind, string>;

const dossierTerms = (q: IndicatorSpec['numerator']): Term[] | null => ('dossiers' in q ? q.dossiers : null);

/** The stocks whose deltas are dated ahead of time (the day an open dossier will become late). */
const AHEAD: ReadonlySet<Measure> = new Set<Measure>(['overdue', 'openLate21']);

/**
 * One dossier's measures over the days [fromDay, toDay) as the scorecard reads them (stat-reader.ts): where the
 * period reaches past its as-of instant (`asOfPeriod`, the earlier of now and the period's end), a boundary is
 * read at the first day boundary after that instant, and the stocks dated ahead of time count the dossier only
 * if it is open and late at the instant itself, by the one judgement. So a dossier due later today is not
 * overdue today. Without `asOf` the period is read at its end, whenever that is.
 */
export function readFactsAsOf(f: StatFacts, fromDay: number, toDay: number, asOf?: number): MeasureReader {
  const deltas = contributions(f);
  if (asOf === undefined) return readDeltas(deltas, fromDay, toDay);
  const boundary = dayOf(asOf) + 1;
  const start = fromDay >= boundary;
  const end = toDay >= boundary;
  if (!start && !end) return readDeltas(deltas, fromDay, toDay);
  const r = readDeltas(deltas, Math.min(fromDay, boundary), Math.min(toDay, boundary));
  const j = judge(f, asOf);
  const lateNow = j !== null && !j.ended && j.late ? 1 : 0;
  const atStart = (m: Measure) => (start && AHEAD.has(m) ? lateNow : r.atStart(m));
  const atEnd = (m: Measure) => (end && AHEAD.has(m) ? lateNow : r.atEnd(m));
  return { flow: (m) => atEnd(m) - atStart(m), atStart, atEnd };
}

/**
 * Does this dossier, alone, cost the indicator (more in the denominator than in the numerator)? Judged as of
 * `asOf` when the period has not ended (readFactsAsOf), as the scorecard it explains.
 */
export function fallsShort(spec: IndicatorSpec, facts: StatFacts, fromDay: number, toDay: number, asOf?: number): boolean {
  const num = dossierTerms(spec.numerator);
  const den = dossierTerms(spec.denominator);
  if (!num || !den) return false;
  const r = readFactsAsOf(facts, fromDay, toDay, asOf);
  return sumTerms(r, den) - sumTerms(r, num) > 0;
}

/** What is missing, read from the measures the numerator counts. */
export function shortfallKinds(spec: IndicatorSpec, f: StatFacts, fromDay: number, toDay: number, asOf?: number): ShortfallKind[] {
  const num = dossierTerms(spec.numerator) ?? [];
  const has = (m: Measure) => num.some((t) => t.measure === m);
  const r = readFactsAsOf(f, fromDay, toDay, asOf);
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
  if (has('dissatisfiedOrFeedback') && r.flow('dissatisfiedOrFeedback') > 0) {
    if (f.rating?.dissatisfied) out.push('dissatisfied');
    if (f.firstFeedbackAt !== null) out.push('feedbackRaised');
  }
  const resultMissing = f.paperResultRequired && !f.resultFile;
  if (has('fullOnlineDone') && r.flow('fullOnlineDone') < r.flow('fullOnlineEligible')) out.push(f.channel !== 'online' ? 'notOnline' : 'noEResult');
  if (has('digitized') && r.flow('digitized') === 0) out.push(!f.componentFiles ? 'notDigitized' : 'noEResult');
  if (has('eResult') && r.flow('eResult') < r.flow('paperResultDue')) out.push('noEResult');
  if (has('certifiedECopy') && r.flow('certifiedECopy') < r.flow('certificationSettled')) out.push('noCertifiedCopy');
  if (has('reusedData') && r.flow('reusedData') === 0) out.push('noReuse');
  if (has('nationalVault') && r.flow('nationalVault') === 0) out.push('noNationalVault');
  if (has('syncedToPortal') && r.flow('syncedToPortal') === 0) out.push('notSynced');
  if (has('feePaidOnline') && r.flow('feePaidOnline') === 0) out.push('notPaidOnline');
  if (has('eidVerified') && r.flow('eidVerified') === 0) out.push('noEid');
  if (out.length === 0 && resultMissing) out.push('noEResult');
  return [...new Set(out)];
}
